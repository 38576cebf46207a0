"""What statistics pages share: occupations as plain data, with their
national figures, read from the live release in indexed queries.

Estimates are found through the unique index (occupation, industry, area)
and the index (area, industry); the nation's area and the cross-industry
"industry" are scalar subqueries, evaluated once per query, so no page
needs a query of its own to find them. Every query clears the models'
default ordering, which would join the release tables to sort by them.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Case, DecimalField, F, OrderBy, Subquery, Value, When
from django.urls import get_script_prefix, reverse

from ..figures import TOP_CODE_ANNUAL, Datatype, Figure, Footnote, State, figure
from ..models import Area, Industry, Occupation

NATIONAL = Area.Kind.NATIONAL
CROSS_INDUSTRY = Industry.CROSS_INDUSTRY
OCCUPATION_FIELDS = ("id", "code", "title", "slug", "level", "parent_id")
SUMMARY_FIELDS = (
    "employment",
    "employment_note",
    "annual_median",
    "annual_median_note",
    "hourly_median",
    "hourly_median_note",
)


def nation(release_id: int) -> Subquery:
    return Subquery(
        Area.objects.filter(release_id=release_id, kind=NATIONAL).order_by().values("id")[:1]
    )


def all_industries(release_id: int) -> Subquery:
    return Subquery(
        Industry.objects.filter(release_id=release_id, code=CROSS_INDUSTRY)
        .order_by()
        .values("id")[:1]
    )


_roots: dict[str, str] = {}
_lock = threading.Lock()


def occupations_path() -> str:
    """``/occupations/``, reversed once per script prefix: pages link to
    hundreds of occupations, and reversing each costs more than the rest."""
    prefix = get_script_prefix()
    root = _roots.get(prefix)
    if root is None:
        root = reverse("officialstats:occupation_index")
        with _lock:
            _roots[prefix] = root
    return root


@dataclass(frozen=True, slots=True)
class OccupationRef:
    """An occupation or group of the live release, without its figures."""

    id: int
    code: str
    title: str
    slug: str
    level: int
    parent_id: int | None = None

    @property
    def url(self) -> str:
        return f"{occupations_path()}{self.slug}/"

    @property
    def level_label(self) -> str:
        return Occupation.Level(self.level).label

    @property
    def is_group(self) -> bool:
        return self.level < Occupation.Level.DETAILED


def ref(row: dict, prefix: str = "") -> OccupationRef:
    return OccupationRef(*(row[f"{prefix}{field}"] for field in OCCUPATION_FIELDS))


def pay_of(annual: Figure, hourly: Figure) -> Figure:
    """The median readers compare: annual, unless BLS publishes this
    occupation's wages by the hour only."""
    return hourly if annual.state is State.ONE_UNIT_ONLY else annual


@dataclass(frozen=True, slots=True)
class Summary:
    """An occupation with its national employment and median pay, for lists."""

    occupation: OccupationRef
    employment: Figure
    pay: Figure

    @property
    def pay_key(self) -> Decimal | None:
        """For sorting by annual median pay: a top-coded median counts as its
        bound; an occupation paid by the hour only has no annual figure."""
        if self.pay.datatype is not Datatype.ANNUAL_MEDIAN:
            return None
        return self.pay.ranked

    @property
    def employment_key(self) -> int | None:
        return self.employment.value


def summary(occupation: OccupationRef, row: dict) -> Summary:
    return Summary(
        occupation,
        figure(Datatype.EMPLOYMENT, row["employment"], row["employment_note"]),
        pay_of(
            figure(Datatype.ANNUAL_MEDIAN, row["annual_median"], row["annual_median_note"]),
            figure(Datatype.HOURLY_MEDIAN, row["hourly_median"], row["hourly_median_note"]),
        ),
    )


SORTS = {"median": "median pay", "employment": "employment"}


def sort_summaries(rows: list[Summary], sort: str) -> list[Summary]:
    """Highest first for "median" and "employment"; as given otherwise.
    What has no value sorts last, then by SOC code."""
    if sort not in SORTS:
        return rows
    key = (lambda s: s.pay_key) if sort == "median" else (lambda s: s.employment_key)
    with_value = sorted(
        (row for row in rows if key(row) is not None),
        key=lambda row: (-key(row), row.occupation.code),
    )
    return with_value + [row for row in rows if key(row) is None]


def pay_key(field: str = "annual_median", bound: Decimal = TOP_CODE_ANNUAL) -> Case:
    """SQL for a median to sort by: its value, or the bound a top-coded one
    is at least (as :attr:`Summary.pay_key`)."""
    return Case(
        When(**{f"{field}__isnull": False}, then=F(field)),
        When(**{f"{field}_note": Footnote.TOP_CODED}, then=Value(bound)),
        default=None,
        output_field=DecimalField(max_digits=10, decimal_places=2),
    )


def highest_first(expression) -> OrderBy:
    return OrderBy(expression, descending=True, nulls_last=True)
