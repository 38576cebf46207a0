"""Searching occupations by title: the SOC titles first, then the other
titles O*NET lists (``.titles``: "software engineer" finds Software
Developers), the closest first, each found by another title saying which.

On PostgreSQL a SOC title is also found by trigram word similarity
(``pg_trgm``, migration 0002), which forgives typos and half-typed words,
after those with every word; elsewhere every word must begin a word of the
title, titles beginning with the first word first. A query that looks like
a SOC code ("15-12") finds the codes that begin with it. The live releases'
state, the O*NET titles and the page of occupations: two queries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db import connection

from ..lists import NO_FILTERS, Filters
from ..live import live_release
from ..titles import TYPO_AFTER, squash
from .index import INDEX_SORTS, ORDERS, OccupationList, clean_query, narrowed, page_of, words_of
from .sql import marks
from .titles import TitleMatch, title_matches

SIMILARITY = 0.4  # pg_trgm word similarity a match needs (0 to 1)
SOC_PREFIX = re.compile(r"^\d{2}(-\d{0,4})?$")


def search_occupations(
    query: str, sort: str = "", page: str | int | None = None, filters: Filters = NO_FILTERS
) -> OccupationList | None:
    """Occupations and groups whose SOC title matches ``query`` first, then
    those with an O*NET title that does (the closest first; see
    :mod:`.titles`), or all by ``sort``, a page at a time; each found by
    another title says which."""
    release = live_release()
    if release is None:
        return None
    sort = sort if sort in INDEX_SORTS else ""
    query = clean_query(query)
    words = words_of(query)
    reasons: dict[str, TitleMatch] = {}
    if SOC_PREFIX.match(query):
        where, params, best = "o.code LIKE %s", [f"{query}%"], ("o.code", [])
    elif not words:
        where, params, best = "1 = 0", [], ("o.code", [])
    else:
        reasons, indexed = title_matches(words, query)
        match = _matching(words, query, forgive=not indexed)
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
    narrowing, narrowing_params = narrowed(filters)
    where, params = f"({where}) AND {narrowing}", [*params, *narrowing_params]
    listed = page_of(release.id, where, params, ORDERS.get(sort, best), page)
    shown = {
        row.occupation.code: reasons[row.occupation.code].reason
        for row in listed.object_list
        if row.occupation.code in reasons and not title_has(row.occupation.title, words)
    }
    return OccupationList(release, listed, sort, query, shown, filters)


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


def _matching(words: list[str], query: str, *, forgive: bool) -> _Match:
    """How a SOC title matches: the conditions, and the order of best matches first."""
    like = " AND ".join([f"{_TITLE_WORDS} LIKE %s ESCAPE '\\'"] * len(words))
    patterns = [f"% {word.replace('_', '\\_')}%" for word in words]
    # The title that is the query itself first ("software developer(s)").
    said = " ".join(words)
    exact = "CASE WHEN LOWER(o.title) IN (%s, %s) THEN 0 ELSE 1 END"
    if forgive and connection.vendor == "postgresql" and len(squash(query)) > TYPO_AFTER:
        # pg_trgm: also a title with a word like the query's (typos forgiven),
        # the most similar first; only when O*NET's titles found nothing either,
        # as scoring every title costs a search some milliseconds.
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
