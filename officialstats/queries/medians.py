"""Occupations' medians in every place and, nationally, in every industry.

What the salary calculator scales an estimate by: a place's median against
the nation's, an industry's against all industries'. One query reads the
medians of a few occupations (the nation's, every place's across all
industries, every industry's nationally), whatever the number of places;
each median keeps its value state, so a top-coded or unreleased one can be
named as such and never used as a number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..figures import Datatype, Figure, Footnote, State, figure
from ..live import live_release
from ..models import Area, Estimate, Industry, Occupation
from .areas import PLACE_FIELDS, PlaceRef
from .common import CROSS_INDUSTRY, pay_of
from .sql import decimal, fetch_rows, marks, table

# OEWS industries a reader can pick: the sectors (display level 2), then
# what lies inside a sector (levels 3 to 5). Level 1 (private only, all
# government) would count the same jobs twice.
SECTOR_LEVEL = 2
_SECTOR_CODE = re.compile(r"^(\d\d)-+(\d+)$")


@dataclass(frozen=True, slots=True)
class IndustryRef:
    code: str
    name: str
    slug: str
    level: int

    @property
    def is_sector(self) -> bool:
        return self.level == SECTOR_LEVEL

    @property
    def sector_prefixes(self) -> tuple[str, ...]:
        """The NAICS two-digit codes a sector covers: "31--34" is 31, 32 and
        33; "99-100" is 99. A government ownership sector (999101) covers
        nothing below it."""
        match = _SECTOR_CODE.match(self.code)
        if not match:
            return ()
        first, last = int(match.group(1)), int(match.group(2))
        return tuple(f"{code:02d}" for code in range(first, max(last, first + 1)))


@dataclass(frozen=True, slots=True)
class OccupationMedians:
    """One occupation's medians: the nation's, each place's, each industry's.

    Each is the pay readers compare (annual, or hourly for occupations BLS
    publishes by the hour only), in its value state.
    """

    code: str
    title: str
    slug: str
    nation: Figure
    places: dict[str, Figure] = field(default_factory=dict)
    industries: dict[str, Figure] = field(default_factory=dict)

    def place(self, slug: str) -> Figure | None:
        return self.places.get(slug)

    def industry(self, slug: str) -> Figure | None:
        return self.industries.get(slug)


@dataclass(frozen=True)
class OfficialMedians:
    """The live release's medians for some occupations, with the places and
    industries they mention."""

    release_name: str
    occupations: dict[str, OccupationMedians]
    places: dict[str, PlaceRef]
    industries: dict[str, IndustryRef]

    @property
    def source(self) -> str:
        return f"BLS OEWS, {self.release_name}"


def _pay(annual, annual_note, hourly, hourly_note) -> Figure:
    """The pay readers compare (``pay_of``), built as one figure."""
    if annual is not None:
        return Figure(Datatype.ANNUAL_MEDIAN, State.PUBLISHED, decimal("annual_median", annual))
    if annual_note == Footnote.ONE_UNIT_ONLY:
        return figure(Datatype.HOURLY_MEDIAN, decimal("hourly_median", hourly), hourly_note)
    return pay_of(
        figure(Datatype.ANNUAL_MEDIAN, None, annual_note),
        figure(Datatype.HOURLY_MEDIAN, decimal("hourly_median", hourly), hourly_note),
    )


# Estimates are read through the index that leads with the occupation and
# covers these columns; areas and industries (a few hundred rows each) by id.
MEDIANS = f"""
    SELECT o.code, o.title, o.slug, {", ".join(f"a.{name}" for name in PLACE_FIELDS)},
        i.code, i.name, i.slug, i.level,
        e.annual_median, e.annual_median_note, e.hourly_median, e.hourly_median_note
    FROM {table(Occupation)} o
    JOIN {table(Estimate)} e ON e.occupation_id = o.id
    JOIN {table(Area)} a ON a.id = e.area_id
    JOIN {table(Industry)} i ON i.id = e.industry_id
    WHERE o.release_id = %s AND o.code IN ({{codes}})
        AND (i.code = %s OR (a.kind = %s AND i.level >= %s))
"""
PLACE_COLUMNS = slice(3, 3 + len(PLACE_FIELDS))


def load_medians(codes: tuple[str, ...]) -> OfficialMedians | None:
    """The live release's medians of the occupations with SOC ``codes``, in
    one query; ``None`` while no release is live or it has none of them."""
    release = live_release()
    if release is None or not codes:
        return None
    sql = MEDIANS.format(codes=marks(len(codes)))
    params = [release.id, *codes, CROSS_INDUSTRY, Area.Kind.NATIONAL, SECTOR_LEVEL]
    titles: dict[str, tuple[str, str]] = {}
    nation: dict[str, Figure] = {}
    by_place: dict[str, dict[str, Figure]] = {}
    by_industry: dict[str, dict[str, Figure]] = {}
    places: dict[str, PlaceRef] = {}
    industries: dict[str, IndustryRef] = {}
    kind = PLACE_FIELDS.index("kind") + PLACE_COLUMNS.start
    slug = PLACE_FIELDS.index("slug") + PLACE_COLUMNS.start
    first_industry = PLACE_COLUMNS.stop
    for row in fetch_rows(sql, params):
        code = row[0]
        titles[code] = (row[1], row[2])
        pay = _pay(*row[-4:])
        industry_code = row[first_industry]
        if industry_code != CROSS_INDUSTRY:
            industry = IndustryRef(*row[first_industry : first_industry + 4])
            industries.setdefault(industry.slug, industry)
            by_industry.setdefault(code, {})[industry.slug] = pay
        elif row[kind] == Area.Kind.NATIONAL:
            nation[code] = pay
        else:
            if row[slug] not in places:
                places[row[slug]] = PlaceRef(*row[PLACE_COLUMNS])
            by_place.setdefault(code, {})[row[slug]] = pay
    if not titles:
        return None
    occupations = {
        code: OccupationMedians(
            code,
            title,
            slug,
            # An occupation without a national estimate has nothing to compare with.
            nation.get(code, Figure(Datatype.ANNUAL_MEDIAN, State.NOT_APPLICABLE)),
            by_place.get(code, {}),
            by_industry.get(code, {}),
        )
        for code, (title, slug) in titles.items()
    }
    return OfficialMedians(release.name, occupations, places, industries)
