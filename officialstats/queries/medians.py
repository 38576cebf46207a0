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

from django.db.models import Q

from ..figures import Datatype, Figure, State, figure
from ..models import Area, Estimate, Program, Release
from .areas import PLACE_FIELDS, PlaceRef
from .common import CROSS_INDUSTRY, pay_of

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


FIELDS = (
    "occupation__release__name",
    "occupation__code",
    "occupation__title",
    "occupation__slug",
    *(f"area__{name}" for name in PLACE_FIELDS),
    "industry__code",
    "industry__name",
    "industry__slug",
    "industry__level",
    "annual_median",
    "annual_median_note",
    "hourly_median",
    "hourly_median_note",
)


def _pay(row: dict) -> Figure:
    return pay_of(
        figure(Datatype.ANNUAL_MEDIAN, row["annual_median"], row["annual_median_note"]),
        figure(Datatype.HOURLY_MEDIAN, row["hourly_median"], row["hourly_median_note"]),
    )


def load_medians(codes: tuple[str, ...]) -> OfficialMedians | None:
    """The live release's medians of the occupations with SOC ``codes``, in
    one query, whether or not the live release was read lately (so a page's
    query count never depends on the clock); ``None`` while no release is
    live or it has none of them."""
    rows = (
        Estimate.objects.filter(
            occupation__release__status=Release.Status.LIVE,
            occupation__release__program=Program.OEWS,
            occupation__code__in=codes,
        )
        .filter(
            Q(industry__code=CROSS_INDUSTRY)
            | Q(area__kind=Area.Kind.NATIONAL, industry__level__gte=SECTOR_LEVEL)
        )
        .order_by()
        .values_list(*FIELDS)
    )
    titles: dict[str, tuple[str, str]] = {}
    nation: dict[str, Figure] = {}
    by_place: dict[str, dict[str, Figure]] = {}
    by_industry: dict[str, dict[str, Figure]] = {}
    places: dict[str, PlaceRef] = {}
    industries: dict[str, IndustryRef] = {}
    release_name = ""
    for values in rows:
        row = dict(zip(FIELDS, values, strict=True))
        release_name = row["occupation__release__name"]
        code = row["occupation__code"]
        titles[code] = (row["occupation__title"], row["occupation__slug"])
        pay = _pay(row)
        if row["industry__code"] != CROSS_INDUSTRY:
            industry = IndustryRef(
                row["industry__code"],
                row["industry__name"],
                row["industry__slug"],
                row["industry__level"],
            )
            industries.setdefault(industry.slug, industry)
            by_industry.setdefault(code, {})[industry.slug] = pay
        elif row["area__kind"] == Area.Kind.NATIONAL:
            nation[code] = pay
        else:
            place = PlaceRef(*(row[f"area__{name}"] for name in PLACE_FIELDS))
            places.setdefault(place.slug, place)
            by_place.setdefault(code, {})[place.slug] = pay
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
    if not release_name:
        return None
    return OfficialMedians(release_name, occupations, places, industries)
