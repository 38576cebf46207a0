"""The occupation index's loader: browsing by group, sorting and searching.

A list is one query over the national, cross-industry estimates (found
through the index on area and industry) joined to their occupations,
filtered, sorted and cut to a page in SQL, with the number of matches
counted in the same query (``COUNT(*) OVER ()``). With the major groups'
query and the live release's, a page of the index takes at most three
queries however many occupations the release has; a search, two.

Searching is ``.search``'s, through the same query.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.paginator import EmptyPage, PageNotAnInteger

from .. import titles
from ..figures import TOP_CODE_ANNUAL, Footnote
from ..lists import EDUCATION_SLUGS, NO_FILTERS, TOP, CareerList, Filters
from ..live import LiveRelease, live_release
from ..models import Area, Estimate, Industry, Occupation, Program, Projection
from ..outlook import signed
from .common import CROSS_INDUSTRY, NATIONAL, SORTS, SUMMARY_FIELDS, Summary, ref, summary
from .sql import fetch, fetch_rows, fixed, table, value

PER_PAGE = 50
MAX_QUERY = 100


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
    filters: Filters = NO_FILTERS

    @property
    def projected(self) -> bool:
        """Whether the live projections' figures are beside the occupations."""
        return live_release(Program.EP) is not None

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
    return titles.words_of(query)[: titles.MAX_WORDS]


def page_number(raw: str | int | None) -> int:
    """As Paginator.validate_number: InvalidPage for what is not a page."""
    try:
        number = int(raw or 1)
    except (TypeError, ValueError) as error:
        raise PageNotAnInteger("That page number is not an integer") from error
    if number < 1:
        raise EmptyPage("That page number is less than 1")
    return number


# With the live projections' growth, openings and entry education beside
# (NULL without them: the join then asks for release 0).
_SELECT = f"""
    SELECT o.id, o.code, o.title, o.slug, o.level, o.parent_id,
        {", ".join(f"e.{column}" for column in SUMMARY_FIELDS)},
        p.change_percent AS growth, p.openings, p.education, COUNT(*) OVER () AS matches
    FROM {table(Estimate)} e JOIN {table(Occupation)} o ON o.id = e.occupation_id
    LEFT JOIN {table(Projection)} p ON p.release_id = %s AND p.code = o.code
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
    "growth": ("p.change_percent DESC NULLS LAST, o.code", []),
    "openings": ("p.openings DESC NULLS LAST, o.code", []),
}
INDEX_SORTS = {**SORTS, "growth": "projected growth", "openings": "openings a year"}
EVERYONE = "00-0000"  # EP's all occupations
TENTH = Decimal("0.1")


@dataclass(frozen=True, slots=True)
class Listed(Summary):
    """An occupation in a list, with the live projections' figures for it."""

    growth: Decimal | None = None  # employment change over the projections' span, %
    openings: Decimal | None = None  # a year, thousands
    education: str = ""  # typical entry education

    @property
    def growth_text(self) -> str:
        return signed(self.growth) if self.growth is not None else ""


def narrowed(filters: Filters) -> tuple[str, list]:
    """The SQL condition for ``filters`` ("1 = 1" for none)."""
    where, params = ["1 = 1"], []
    if filters.education:
        where.append("p.education = %s")
        params.append(EDUCATION_SLUGS[filters.education])
    if filters.outlook == "faster":
        # A constant the database reads once (not a subquery per row).
        projections = live_release(Program.EP)
        where.append(
            f"p.change_percent > (SELECT change_percent FROM {table(Projection)} "
            "WHERE release_id = %s AND code = %s)"
        )
        params += [projections.id if projections else 0, EVERYONE]
    elif filters.outlook == "growing":
        where.append("p.change_percent > 0")
    elif filters.outlook == "declining":
        where.append("p.change_percent < 0")
    if filters.openings:
        where.append("p.openings >= %s")
        params.append(int(filters.openings))
    return " AND ".join(where), params


def _rows(
    release_id: int, where: str, params: list, order: tuple[str, list], limit: int, offset: int
) -> list[dict]:
    sql = f"{_SELECT} AND ({where}) ORDER BY {order[0]} LIMIT %s OFFSET %s"
    projections = live_release(Program.EP)
    common = [projections.id if projections else 0]
    common += [release_id, NATIONAL, release_id, CROSS_INDUSTRY, release_id]
    return fetch(sql, [*common, *params, *order[1], limit, offset])


def _summary(row: dict) -> Listed:
    found = summary(ref(row), {column: value(column, row[column]) for column in SUMMARY_FIELDS})
    return Listed(
        found.occupation,
        found.employment,
        found.pay,
        fixed(row["growth"], TENTH),
        fixed(row["openings"], TENTH),
        row["education"] or "",
    )


def page_of(
    release_id: int,
    where: str,
    params: list,
    order: tuple[str, list],
    raw_page,
    per_page: int | None = None,
) -> ListPage:
    per_page = per_page or PER_PAGE  # read when called: tests shorten pages
    number = page_number(raw_page)
    rows = _rows(release_id, where, params, order, per_page, (number - 1) * per_page)
    if not rows and number > 1:
        raise EmptyPage("That page contains no results")
    count = rows[0]["matches"] if rows else 0
    return ListPage([_summary(row) for row in rows], number, count, per_page)


def load_occupation_index(
    sort: str = "", page: str | int | None = None, filters: Filters = NO_FILTERS
) -> OccupationIndex | None:
    """Every detailed occupation (or those ``filters`` keep), a page at a
    time (by title, or highest median pay, employment, projected growth or
    openings first), with all occupations and the major groups."""
    release = live_release()
    if release is None:
        return None
    sort = sort if sort in INDEX_SORTS else ""
    order = ORDERS.get(sort, ("o.title, o.code", []))
    where, params = narrowed(filters)
    listed = page_of(
        release.id, f"o.level = %s AND {where}", [Occupation.Level.DETAILED, *params], order, page
    )
    top = [
        _summary(row)
        for row in _rows(
            release.id, "o.level <= %s", [Occupation.Level.MAJOR], ("o.code", []), 100, 0
        )
    ]
    total = next((row for row in top if row.occupation.level == Occupation.Level.TOTAL), None)
    groups = [row for row in top if row.occupation.level == Occupation.Level.MAJOR]
    return OccupationIndex(release, listed, sort, filters=filters, total=total, groups=groups)


def load_list(career_list: CareerList) -> OccupationList | None:
    """The first ``TOP`` detailed occupations of a list, and how many it draws from."""
    release = live_release()
    if release is None:
        return None
    where, params = narrowed(career_list.filters)
    if career_list.rank != "median":
        where += " AND p.release_id IS NOT NULL"  # ranked by the projections: only theirs
    else:  # pay a year, or its top-coded bound: hourly-only pay is not ranked against it
        where += " AND (e.annual_median IS NOT NULL OR e.annual_median_note = %s)"
        params.append(int(Footnote.TOP_CODED))
    listed = page_of(
        release.id,
        f"o.level = %s AND {where}",
        [Occupation.Level.DETAILED, *params],
        ORDERS[career_list.rank],
        1,
        per_page=TOP,
    )
    return OccupationList(release, listed, career_list.rank, filters=career_list.filters)


def everyone_growth() -> Decimal | None:
    """All occupations' projected change, %, from the live projections (one query)."""
    projections = live_release(Program.EP)
    if projections is None:
        return None
    found = fetch_rows(
        f"SELECT change_percent FROM {table(Projection)} WHERE release_id = %s AND code = %s",
        [projections.id, EVERYONE],
    )
    return fixed(found[0][0], TENTH) if found else None
