"""The arithmetic of comparing places: differences between OEWS figures in
their states, and the gap between the highest and the lowest. Pure: no database.

A difference is worked out only where the figures allow it, and says how
far it can be trusted:

- two published figures: exact (``Decimal``; rounded only for display);
- a top-coded figure ("at least $239,200") above a published one: at least
  the bound minus the published figure (``at_least``);
- anything else (a figure not released or not published, a bound below or
  at the other figure, a bound on the lower side): none, never a guess.

Percentages are of the figure compared with (the second one).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from core.formatting import money, percent

from . import display
from .figures import Figure, State

HUNDRED = Decimal(100)
HALF = Decimal("0.5")
COMPARABLE = (State.PUBLISHED, State.TOP_CODED)


@dataclass(frozen=True, slots=True)
class Difference:
    amount: Decimal  # first minus second (its least, when at_least)
    percent: Decimal  # of the second
    at_least: bool = False  # the first is top-coded: the difference is at least this
    hourly: bool = False

    def amount_text(self, *, signed: bool = True) -> str:
        value = abs(self.amount)
        text = display.hourly(value) if self.hourly else money(value)
        sign = ("+" if self.amount > 0 else "-" if self.amount < 0 else "") if signed else ""
        return f"{'at least ' if self.at_least else ''}{sign}{text}"

    def percent_text(self, *, signed: bool = True) -> str:
        """Whole percents, or the decimals needed not to call a difference 0%."""
        size = abs(self.percent)
        places = 0 if size == 0 or size >= HALF else 1 if size >= Decimal("0.05") else 2
        text = percent(self.percent, places, signed=signed)
        return f"{'at least ' if self.at_least else ''}{text}"


def difference(first: Figure, second: Figure) -> Difference | None:
    """``first`` minus ``second`` (same datatype), or None where it cannot be known."""
    if not second.published or second.value == 0:
        return None
    hourly = first.datatype.is_hourly
    if first.published:
        amount = first.value - second.value
        return Difference(amount, amount / second.value * HUNDRED, hourly=hourly)
    if first.state is State.TOP_CODED and first.bound > second.value:
        amount = first.bound - second.value
        return Difference(amount, amount / second.value * HUNDRED, at_least=True, hourly=hourly)
    return None


@dataclass(frozen=True, slots=True)
class Gap:
    """How far apart the highest and the lowest of several places are."""

    highest: tuple[str, ...]  # the place(s) that may be highest (several top-coded ones)
    lowest: str
    difference: Difference
    left_out: tuple[str, ...] = ()  # places without a figure to compare


def gap(figures: Sequence[tuple[str, Figure]]) -> Gap | None:
    """The highest minus the lowest of ``(place, figure)`` pairs.

    Places without a published or top-coded figure are left out (and
    named). A top-coded figure counts as its bound and makes the gap "at
    least": it may be higher still, so it is named among the possible
    highest. None when fewer than two figures remain, when none is
    published, or when a bound might be the lowest (it lies below the
    lowest published figure).
    """
    usable = [(n, f) for n, f in figures if f.state in (State.PUBLISHED, State.TOP_CODED)]
    left_out = tuple(
        name for name, f in figures if f.state not in (State.PUBLISHED, State.TOP_CODED)
    )
    published = [(name, f) for name, f in usable if f.published]
    if len(usable) < 2 or not published:
        return None
    low_name, low = min(published, key=lambda pair: pair[1].value)
    bounds = [f.bound for _, f in usable if f.state is State.TOP_CODED]
    if bounds and min(bounds) < low.value:
        return None
    others = [(name, f) for name, f in usable if name != low_name]
    high = max(_key(f) for _, f in others)
    highest = tuple(name for name, f in others if _key(f) == high or f.state is State.TOP_CODED)
    if low.value == 0:
        return None
    amount = high - low.value
    found = Difference(
        amount,
        amount / low.value * HUNDRED,
        at_least=bool(bounds),
        hourly=low.datatype.is_hourly,
    )
    return Gap(highest, low_name, found, left_out)


def _key(figure: Figure) -> Decimal:
    """A figure to rank: its value, or the bound a top-coded one is at least."""
    return figure.value if figure.published else figure.bound
