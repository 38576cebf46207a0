"""What one published OEWS value says: pure, no Django.

BLS marks a value it does not publish with a dash and a footnote, and each
footnote means something different to a reader. A value here is therefore
never a bare ``None``: it is a :class:`Figure` whose :class:`State` says
whether it is published, top-coded, published in the other unit only, not
released, or not part of the release at all, so a template that shows a
figure has to show its state too.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from decimal import Decimal


class Datatype(enum.IntEnum):
    """BLS's datatype codes (oe.datatype), the last two digits of a series id."""

    EMPLOYMENT = 1
    EMPLOYMENT_RSE = 2
    HOURLY_MEAN = 3
    ANNUAL_MEAN = 4
    WAGE_RSE = 5
    HOURLY_P10 = 6
    HOURLY_P25 = 7
    HOURLY_MEDIAN = 8
    HOURLY_P75 = 9
    HOURLY_P90 = 10
    ANNUAL_P10 = 11
    ANNUAL_P25 = 12
    ANNUAL_MEDIAN = 13
    ANNUAL_P75 = 14
    ANNUAL_P90 = 15
    JOBS_PER_1000 = 16
    LOCATION_QUOTIENT = 17

    @property
    def field(self) -> str:
        """The Estimate model's field holding this datatype."""
        return FIELDS[self]

    @property
    def is_hourly(self) -> bool:
        return self in HOURLY

    @property
    def is_annual(self) -> bool:
        return self in ANNUAL


FIELDS = {
    Datatype.EMPLOYMENT: "employment",
    Datatype.EMPLOYMENT_RSE: "employment_rse",
    Datatype.HOURLY_MEAN: "hourly_mean",
    Datatype.ANNUAL_MEAN: "annual_mean",
    Datatype.WAGE_RSE: "wage_rse",
    Datatype.HOURLY_P10: "hourly_p10",
    Datatype.HOURLY_P25: "hourly_p25",
    Datatype.HOURLY_MEDIAN: "hourly_median",
    Datatype.HOURLY_P75: "hourly_p75",
    Datatype.HOURLY_P90: "hourly_p90",
    Datatype.ANNUAL_P10: "annual_p10",
    Datatype.ANNUAL_P25: "annual_p25",
    Datatype.ANNUAL_MEDIAN: "annual_median",
    Datatype.ANNUAL_P75: "annual_p75",
    Datatype.ANNUAL_P90: "annual_p90",
    Datatype.JOBS_PER_1000: "jobs_per_1000",
    Datatype.LOCATION_QUOTIENT: "location_quotient",
}
HOURLY = frozenset(
    {
        Datatype.HOURLY_MEAN,
        Datatype.HOURLY_P10,
        Datatype.HOURLY_P25,
        Datatype.HOURLY_MEDIAN,
        Datatype.HOURLY_P75,
        Datatype.HOURLY_P90,
    }
)
ANNUAL = frozenset(
    {
        Datatype.ANNUAL_MEAN,
        Datatype.ANNUAL_P10,
        Datatype.ANNUAL_P25,
        Datatype.ANNUAL_MEDIAN,
        Datatype.ANNUAL_P75,
        Datatype.ANNUAL_P90,
    }
)
# Percentiles in order, as (percentile, hourly datatype, annual datatype).
PERCENTILES = (
    (10, Datatype.HOURLY_P10, Datatype.ANNUAL_P10),
    (25, Datatype.HOURLY_P25, Datatype.ANNUAL_P25),
    (50, Datatype.HOURLY_MEDIAN, Datatype.ANNUAL_MEDIAN),
    (75, Datatype.HOURLY_P75, Datatype.ANNUAL_P75),
    (90, Datatype.HOURLY_P90, Datatype.ANNUAL_P90),
)


class Footnote(enum.IntEnum):
    """The footnote codes (oe.footnote) that change what a value means.

    Codes 1-3 are general notes about the survey, shown on the methodology
    page; they never stand in for a value.
    """

    ONE_UNIT_ONLY = 4  # paid hourly or annually only: the other unit is not published
    TOP_CODED = 5  # at least $115.00 an hour or $239,200 a year
    NOT_RELEASED = 8


# BLS's top-coding thresholds for the May 2025 release (footnote 5's text).
TOP_CODE_HOURLY = Decimal("115.00")
TOP_CODE_ANNUAL = Decimal("239200")


class State(enum.StrEnum):
    PUBLISHED = "published"
    TOP_CODED = "top-coded"  # an open upper bound: "at least $239,200"
    ONE_UNIT_ONLY = "one-unit-only"  # hourly only, or annual only
    NOT_RELEASED = "not-released"
    NOT_PUBLISHED = "not-published"  # a dash whose footnote would contradict the row
    NOT_APPLICABLE = "not-applicable"  # no such series (e.g. a location quotient for the nation)


@dataclass(frozen=True, slots=True)
class Figure:
    """One value of an estimate as a reader must see it."""

    datatype: Datatype
    state: State
    value: Decimal | None = None
    # For a top-coded wage, the bound it is at least.
    bound: Decimal | None = None

    @property
    def published(self) -> bool:
        return self.state is State.PUBLISHED

    @property
    def ranked(self) -> Decimal | None:
        """What it ranks and sorts as: its value, or the bound a top-coded
        wage is at least; None without either."""
        return self.value if self.published else self.bound


def figure(datatype: Datatype, value: Decimal | None, footnote: int | None) -> Figure:
    """The figure for a stored value and its footnote (see :func:`row_figures`)."""
    if value is not None:
        return Figure(datatype, State.PUBLISHED, value)
    if footnote == Footnote.TOP_CODED:
        bound = TOP_CODE_HOURLY if datatype.is_hourly else TOP_CODE_ANNUAL
        return Figure(datatype, State.TOP_CODED, bound=bound)
    if footnote == Footnote.ONE_UNIT_ONLY:
        return Figure(datatype, State.ONE_UNIT_ONLY)
    if footnote == Footnote.NOT_RELEASED:
        return Figure(datatype, State.NOT_RELEASED)
    if footnote is None:
        return Figure(datatype, State.NOT_APPLICABLE)
    return Figure(datatype, State.NOT_PUBLISHED)


type Stored = tuple[Decimal | None, int | None]  # a value and its footnote code


def row_figures(values: dict[Datatype, Stored]) -> dict[Datatype, Figure]:
    """Every figure of one estimate, consistent with each other.

    In May 2025 some percentiles carry footnote 5 ("at least $239,200")
    although a lower percentile of the same row is published above that
    bound. Showing the bound there would contradict the published figure,
    so such a value is shown as not published instead.
    """
    figures = {datatype: figure(datatype, *pair) for datatype, pair in values.items()}
    for column in (1, 2):  # the hourly, then the annual percentiles
        highest_published: Decimal | None = None
        for row in PERCENTILES:
            datatype = row[column]
            current = figures.get(datatype)
            if current is None:
                continue
            if current.published:
                highest_published = current.value
            elif (
                current.state is State.TOP_CODED
                and highest_published is not None
                and highest_published > current.bound
            ):
                figures[datatype] = Figure(datatype, State.NOT_PUBLISHED)
    return figures
