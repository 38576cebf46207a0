"""Where a wage falls among an occupation's published percentiles. Pure.

BLS publishes five points of each wage distribution: the 10th, 25th, 50th
(median), 75th and 90th percentiles. A wage between two *adjacent*
published percentiles is placed by straight-line interpolation between
them: $120,000 between a 25th percentile of $100,000 and a median of
$140,000 is half-way, about the 37.5th percentile. That assumes wages are
spread evenly between the two points, which they are not exactly, so the
result is an estimate and is shown as "about".

What BLS does not publish is never filled in:

- below the lowest published percentile, or above the highest, a wage is
  said to be below or above it, nothing more (the 10th and 90th percentiles
  are the ends of what BLS publishes);
- a top-coded percentile ("at least $239,200") is only a lower bound: a wage
  under the bound is below that percentile, one above it cannot be placed
  against it, and the answer says what BLS publishes instead;
- across a percentile BLS did not release, or up to a top-coded one, there
  is no straight line to follow: the wage is said to lie between the
  nearest percentiles that bracket it.

/methodology/ states the method (``officialstats/includes/methodology_places.html``).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from . import display
from .figures import Figure, State
from .ranks import ordinal

NAMES = {10: "10th percentile", 25: "25th percentile", 50: "median", 75: "75th percentile",
         90: "90th percentile"}  # fmt: skip
SHARES = {10: "a tenth", 25: "a quarter", 50: "half", 75: "three quarters", 90: "nine in ten"}


class Kind(enum.StrEnum):
    AT = "at"  # exactly a published percentile
    BETWEEN = "between"  # interpolated between two adjacent published percentiles
    BRACKETED = "bracketed"  # between two percentiles, with no straight line between them
    BELOW = "below"  # below the lowest percentile it can be placed against
    ABOVE = "above"  # at or above every published percentile
    UNPLACED = "unplaced"  # BLS publishes nothing it can be placed against


@dataclass(frozen=True, slots=True)
class Position:
    pay: Decimal
    kind: Kind
    # The estimate, exact (AT: the percentile itself; BETWEEN: interpolated).
    percentile: Decimal | None = None
    low: int | None = None  # a percentile whose wage is at most ``pay``
    high: int | None = None  # a percentile whose wage is above ``pay``
    # The first percentile above ``low`` that is not a published number, when
    # it is what stops a more precise answer (top-coded, or not released).
    unknown: tuple[int, Figure] | None = None

    @property
    def rounded(self) -> int | None:
        """The percentile to the nearest whole one, for readers."""
        if self.percentile is None:
            return None
        return int(self.percentile.to_integral_value(rounding=ROUND_HALF_UP))


def _known(points: list[tuple[int, Figure]]) -> list[tuple[int, Decimal]]:
    return [(p, f.value) for p, f in points if f.state is State.PUBLISHED]


def position(pay: Decimal, points: list[tuple[int, Figure]]) -> Position:
    """Where ``pay`` falls among ``points``: (10, figure) ... (90, figure),
    in order, all in the unit of ``pay`` (a year, or an hour)."""
    order = [p for p, _ in points]
    known = _known(points)
    below_or_at = [(p, v) for p, v in known if v <= pay]
    low = below_or_at[-1] if below_or_at else None
    # Percentiles known to be above pay: published above it, or top-coded at
    # a bound above it (the wage is at least the bound). Only those above
    # ``low`` count, so that a file contradicting itself cannot turn the answer around.
    above = [
        (p, f)
        for p, f in points
        if (low is None or p > low[0])
        and (
            (f.state is State.PUBLISHED and f.value > pay)
            or (f.state is State.TOP_CODED and f.bound > pay)
        )
    ]
    high = above[0] if above else None
    unknown = None
    if low is not None:
        unknown = next(
            ((p, f) for p, f in points if p > low[0] and f.state is not State.PUBLISHED), None
        )

    if low is None and high is None:
        return Position(pay, Kind.UNPLACED, unknown=_first_top_coded(points))
    if low is None:
        return Position(pay, Kind.BELOW, high=high[0])
    if pay == low[1]:
        return Position(pay, Kind.AT, Decimal(low[0]), low=low[0], high=low[0])
    if high is None:
        return Position(pay, Kind.ABOVE, low=low[0], unknown=unknown)
    high_p, high_figure = high
    adjacent = order.index(high_p) == order.index(low[0]) + 1
    if adjacent and high_figure.state is State.PUBLISHED:
        share = (pay - low[1]) / (high_figure.value - low[1])
        return Position(
            pay, Kind.BETWEEN, low[0] + share * (high_p - low[0]), low=low[0], high=high_p
        )
    return Position(pay, Kind.BRACKETED, low=low[0], high=high_p, unknown=unknown)


def _first_top_coded(points: list[tuple[int, Figure]]) -> tuple[int, Figure] | None:
    return next(((p, f) for p, f in points if f.state is State.TOP_CODED), None)


def ordinal_name(percentile: int) -> str:
    """ "the median", "the 38th percentile"."""
    if percentile == 50:
        return "the median"
    return f"the {ordinal(percentile)} percentile"


def _unknown_words(unknown: tuple[int, Figure]) -> str:
    p, figure = unknown
    if figure.state is State.TOP_CODED:
        return f"BLS publishes only that the {NAMES[p]} is {display.text(figure)}"
    if figure.state is State.ONE_UNIT_ONLY:
        return f"BLS does not publish the {NAMES[p]} in this unit"
    return f"BLS did not publish the {NAMES[p]}"


def sentence(place: Position, points: list[tuple[int, Figure]]) -> str:
    """The answer in words, each percentile with its published value."""
    values = dict(points)

    def named(p: int) -> str:
        return f"the {NAMES[p]} ({display.text(values[p])})"

    match place.kind:
        case Kind.AT:
            share = SHARES.get(place.low)
            tail = f": {share} earn less" if share else ""
            return f"It is exactly {named(place.low)}{tail}."
        case Kind.BETWEEN:
            return (
                f"It is at about {ordinal_name(place.rounded)}, between {named(place.low)} "
                f"and {named(place.high)}: about {place.rounded}% earn less."
            )
        case Kind.BRACKETED:
            why = f"; {_unknown_words(place.unknown)}" if place.unknown else ""
            return f"It is between {named(place.low)} and the {NAMES[place.high]}{why}."
        case Kind.BELOW:
            share = SHARES[place.high]
            if values[place.high].state is State.TOP_CODED:
                return (
                    f"It is below the {NAMES[place.high]}, which BLS publishes only as "
                    f"{display.text(values[place.high])}: fewer than {share} earn less."
                )
            return f"It is below {named(place.high)}: fewer than {share} earn less."
        case Kind.ABOVE:
            if place.unknown is not None:
                return f"It is above {named(place.low)}; {_unknown_words(place.unknown)}."
            share = SHARES[place.low]
            return f"It is above {named(place.low)}: more than {share} earn less."
        case _:
            if place.unknown is not None:
                return f"It cannot be placed: {_unknown_words(place.unknown)}."
            return "It cannot be placed: BLS publishes no percentile wages here."
