"""The occupation index's loader: browsing by group, sorting and searching.

A list is one query over the national, cross-industry estimates (found
through the index on area and industry) joined to their occupations,
filtered, sorted and cut to a page in SQL, with the number of matches
counted in the same query (``COUNT(*) OVER ()``). With the major groups'
query and the live release's, a page of the index takes at most three
queries however many occupations the release has; a search, two.

Search finds occupations by words of their title: on PostgreSQL ranked by
trigram word similarity (``pg_trgm``, migration 0002), which forgives typos
and half-typed words; elsewhere every word must begin a word of the title,
titles beginning with the first word first. After the SOC titles come the
occupations with an O*NET title that matches (``.titles``: "software
engineer" finds Software Developers), the closest first, each saying which
title it was found by. A query that looks like a SOC code ("15-12") finds
the codes that begin with it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from django.core.paginator import EmptyPage, PageNotAnInteger
from django.db import connection

from .. import titles
from ..figures import TOP_CODE_ANNUAL, Footnote
from ..live import LiveRelease, live_release
from ..models import Area, Estimate, Industry, Occupation
from ..titles import squash
from .common import CROSS_INDUSTRY, NATIONAL, SORTS, SUMMARY_FIELDS, Summary, ref, summary
from .sql import fetch, marks, table, value
from .titles import TitleMatch, title_matches

PER_PAGE = 50
MAX_QUERY = 100
MAX_WORDS = 6
SIMILARITY = 0.4  # pg_trgm word similarity a match needs (0 to 1)
TYPO_AFTER = 4  # letters a query needs before a typo is forgiven ("iers" is not "Cashiers")
SOC_PREFIX = re.compile(r"^\d{2}(-\d{0,4})?$")


@dataclass(frozen=True, slots=True)
class ListPage:
    """A page of a list, with what the page links need (as Django's Page)."""

    object_list: list[Summary]
    number: int
    count: int
    per_page: int = PER_PAGE

    @property
    def num_pages(self) -> int:
        return max(1, math.ceil(self.count / self.per_page))

    @property
    def paginator(self) -> ListPage:  # templates written for Django's Page
        return self

    def has_previous(self) -> bool:
        return self.number > 1

    def has_next(self) -> bool:
        return self.number < self.num_pages

    def has_other_pages(self) -> bool:
        return self.num_pages > 1

    def previous_page_number(self) -> int:
        return self.number - 1

    def next_page_number(self) -> int:
        return self.number + 1


@dataclass(frozen=True, slots=True)
class OccupationList:
    """One page of occupations, with what it is a page of."""

    release: LiveRelease
    page: ListPage
    sort: str
    query: str = ""
    reasons: dict[str, str] = field(default_factory=dict)  # code -> why it was found

    @property
    def rows(self) -> list[Summary]:
        return self.page.object_list


@dataclass(frozen=True, slots=True)
class OccupationIndex(OccupationList):
    total: Summary | None = None  # all occupations
    groups: list[Summary] = field(default_factory=list)  # major groups, in SOC order


def clean_query(raw: str) -> str:
    return " ".join(raw.split())[:MAX_QUERY]


def words_of(query: str) -> list[str]:
    return titles.words_of(query)[:MAX_WORDS]


def page_number(raw: str | int | None) -> int:
    """As Paginator.validate_number: InvalidPage for what is not a page."""
    try:
        number = int(raw or 1)
    except (TypeError, ValueError) as error:
        raise PageNotAnInteger("That page number is not an integer") from error
    if number < 1:
        raise EmptyPage("That page number is less than 1")
    return number


_SELECT = f"""
    SELECT o.id, o.code, o.title, o.slug, o.level, o.parent_id,
        {", ".join(f"e.{column}" for column in SUMMARY_FIELDS)}, COUNT(*) OVER () AS matches
    FROM {table(Estimate)} e JOIN {table(Occupation)} o ON o.id = e.occupation_id
    WHERE e.area_id = (SELECT id FROM {table(Area)} WHERE release_id = %s AND kind = %s)
        AND e.industry_id = (
            SELECT id FROM {table(Industry)} WHERE release_id = %s AND code = %s)
        AND o.release_id = %s
"""
_PAY = "CASE WHEN e.annual_median IS NOT NULL THEN e.annual_median "
_PAY += "WHEN e.annual_median_note = %s THEN CAST(%s AS NUMERIC) END"
ORDERS = {
    "median": (f"{_PAY} DESC NULLS LAST, o.code", [int(Footnote.TOP_CODED), str(TOP_CODE_ANNUAL)]),
    "employment": ("e.employment DESC NULLS LAST, o.code", []),
}


def _rows(
    release_id: int, where: str, params: list, order: tuple[str, list], limit: int, offset: int
) -> list[dict]:
    sql = f"{_SELECT} AND ({where}) ORDER BY {order[0]} LIMIT %s OFFSET %s"
    common = [release_id, NATIONAL, release_id, CROSS_INDUSTRY, release_id]
    return fetch(sql, [*common, *params, *order[1], limit, offset])


def _summary(row: dict) -> Summary:
    return summary(ref(row), {column: value(column, row[column]) for column in SUMMARY_FIELDS})


def _page(release_id: int, where: str, params: list, order: tuple[str, list], raw_page) -> ListPage:
    number = page_number(raw_page)
    rows = _rows(release_id, where, params, order, PER_PAGE, (number - 1) * PER_PAGE)
    if not rows and number > 1:
        raise EmptyPage("That page contains no results")
    count = rows[0]["matches"] if rows else 0
    return ListPage([_summary(row) for row in rows], number, count, PER_PAGE)


def load_occupation_index(sort: str = "", page: str | int | None = None) -> OccupationIndex | None:
    """Every detailed occupation, a page at a time (by title, or highest
    median pay or employment first), with all occupations and the major groups."""
    release = live_release()
    if release is None:
        return None
    sort = sort if sort in SORTS else ""
    order = ORDERS.get(sort, ("o.title, o.code", []))
    listed = _page(release.id, "o.level = %s", [Occupation.Level.DETAILED], order, page)
    top = [
        _summary(row)
        for row in _rows(
            release.id, "o.level <= %s", [Occupation.Level.MAJOR], ("o.code", []), 100, 0
        )
    ]
    total = next((row for row in top if row.occupation.level == Occupation.Level.TOTAL), None)
    groups = [row for row in top if row.occupation.level == Occupation.Level.MAJOR]
    return OccupationIndex(release, listed, sort, total=total, groups=groups)


def search_occupations(
    query: str, sort: str = "", page: str | int | None = None
) -> OccupationList | None:
    """Occupations and groups whose SOC title matches ``query`` first, then
    those with an O*NET title that does (the closest first; see
    :mod:`.titles`), or all by ``sort``, a page at a time; each found by
    another title says which."""
    release = live_release()
    if release is None:
        return None
    sort = sort if sort in SORTS else ""
    query = clean_query(query)
    words = words_of(query)
    reasons: dict[str, TitleMatch] = {}
    if SOC_PREFIX.match(query):
        where, params, best = "o.code LIKE %s", [f"{query}%"], ("o.code", [])
    elif not words:
        where, params, best = "1 = 0", [], ("o.code", [])
    else:
        match = _matching(words, query)
        reasons = title_matches(words, query)
        codes = list(reasons)
        # Titles with every word first, then those found by another title (the
        # closest first), then, on PostgreSQL, titles only like the query.
        first = f"CASE WHEN ({match.strict}) THEN -1"
        first += "".join(f" WHEN o.code = %s THEN {found.rank}" for found in reasons.values())
        first += f" ELSE {len(codes)} END"
        where, params = match.where, match.params
        if codes:
            where = f"({where}) OR o.code IN ({marks(len(codes))})"
            params = [*params, *codes]
        order_params = [*match.strict_params, *codes, *match.order_params]
        best = (f"{first}, {match.order}", order_params)
    listed = _page(release.id, where, params, ORDERS.get(sort, best), page)
    shown = {
        row.occupation.code: reasons[row.occupation.code].reason
        for row in listed.object_list
        if row.occupation.code in reasons and not title_has(row.occupation.title, words)
    }
    return OccupationList(release, listed, sort, query, shown)


# A title's words as SQL sees them, so that a query's word matches the
# beginning of a word ("rn" is not in "Pattern Makers"), as title_has does.
_TITLE_WORDS = (
    "(' ' || REPLACE(REPLACE(REPLACE(REPLACE(LOWER(o.title), '-', ' '), '(', ' '), '/', ' '),"
    " ',', ' '))"
)


def title_has(title: str, words: list[str]) -> bool:
    """Whether every word begins a word of ``title`` (what the SQL below asks)."""
    said = " " + re.sub(r"[-(/,]", " ", title.lower())
    return all(f" {word}" in said for word in words)


@dataclass(frozen=True, slots=True)
class _Match:
    strict: str  # every word begins a word of the title
    strict_params: list
    where: str  # what the search finds: the strict condition, or more
    params: list
    order: str  # the best first, among those as strict
    order_params: list


def _matching(words: list[str], query: str) -> _Match:
    """How a SOC title matches: the conditions, and the order of best matches first."""
    like = " AND ".join([f"{_TITLE_WORDS} LIKE %s ESCAPE '\\'"] * len(words))
    patterns = [f"% {word.replace('_', '\\_')}%" for word in words]
    # The title that is the query itself first ("software developer(s)").
    said = " ".join(words)
    exact = "CASE WHEN LOWER(o.title) IN (%s, %s) THEN 0 ELSE 1 END"
    if connection.vendor == "postgresql" and len(squash(query)) > TYPO_AFTER:
        # pg_trgm: also a title with a word like the query's (typos forgiven);
        # the most similar first.
        similar = "word_similarity(%s, o.title)"
        return _Match(
            like,
            patterns,
            f"{similar} >= %s OR ({like})",
            [said, SIMILARITY, *patterns],
            f"{exact}, {similar} DESC, e.employment DESC NULLS LAST, o.code",
            [said, f"{said}s", said],
        )
    starts = f"CASE WHEN {_TITLE_WORDS} LIKE %s ESCAPE '\\' THEN 0 ELSE 1 END"
    first = f" {words[0].replace('_', '\\_')}%"
    return _Match(
        like,
        patterns,
        like,
        patterns,
        f"{exact}, {starts}, e.employment DESC NULLS LAST, o.code",
        [said, f"{said}s", first],
    )
