"""How far apart two figures are, in their states: the site's one rule. Pure.

Every page, download and editors' warning that sets one figure against
another asks :func:`difference` (or :func:`lead`, which orders two figures
first), and words the answer with the methods of :class:`Difference`:

- two published figures: an exact difference (``Decimal``; rounded only
  when written);
- a top-coded figure (BLS publishes only that it is "at least $239,200")
  against a published one, where the bound proves something: the least the
  difference can be ("at least $14,920 more", or less when the published
  figure is below the other's bound);
- anything else (a bound that proves nothing, two bounds, a figure not
  released, published in the other unit only, not published): no difference,
  and the words say why, never a guess.

The percentage is always a share of the figure compared against (the second,
or its bound), and the words name that figure.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from decimal import Decimal

from core.formatting import percent_difference
from core.numbers import percent_change

from . import display
from .figures import Figure, State

MINUS = "\u2212"


class Proof(enum.StrEnum):
    """How much of the difference the figures prove."""

    EXACT = "exact"
    AT_LEAST = "at-least"  # a top-coded figure's bound proves a least size
    NONE = "none"


@dataclass(frozen=True, slots=True)
class Difference:
    """``first`` against ``second``: ``amount`` is first minus second (for
    ``AT_LEAST``, the least that difference can be, with its sign), ``percent``
    that amount as a share of ``second`` (of its bound, if top-coded)."""

    first: Figure
    second: Figure
    proof: Proof
    amount: Decimal | None = None
    percent: Decimal | None = None

    @property
    def known(self) -> bool:
        return self.proof is not Proof.NONE

    @property
    def at_least(self) -> bool:
        return self.proof is Proof.AT_LEAST

    @property
    def same(self) -> bool:
        return self.proof is Proof.EXACT and self.amount == 0

    def amount_text(self, *, signed: bool = False) -> str:
        """ "$14,920", "at least +$14,920", "−$1,860", "1,200" (jobs)."""
        return self._hedged(display.number(self.first.datatype, abs(self.amount)), signed)

    def percent_text(self, *, signed: bool = False) -> str:
        """ "7%", "at least +7%"; empty where the second figure is zero."""
        if self.percent is None:
            return ""
        return self._hedged(percent_difference(abs(self.percent)), signed)

    def _hedged(self, size: str, signed: bool) -> str:
        sign = ("+" if self.amount > 0 else MINUS if self.amount < 0 else "") if signed else ""
        return f"{'at least ' if self.at_least else ''}{sign}{size}"

    def words(self, second_name: str, first_name: str = "here") -> str:
        """ "$1,860 (1%) less than in Texas", "at least $14,920 (at least 7%)
        more than nationally", "the same as nationally", or why none can be
        worked out; ``second_name`` names the figure the percentage is of."""
        if not self.known:
            return "no difference can be worked out: " + self.why_not(second_name, first_name)
        if self.same:
            return f"the same as {second_name}"
        share = f" ({self.percent_text()})" if self.percent is not None else ""
        side = "more" if self.amount > 0 else "less"
        return f"{self.amount_text()}{share} {side} than {second_name}"

    @property
    def cell(self) -> str:
        """For a table cell: "+$1,970 (+2%)", "at least +$14,920 (at least +7%)",
        "same", or "none:" and why in brief."""
        if self.same:
            return "same"
        if self.known:
            share = f" ({self.percent_text(signed=True)})" if self.percent is not None else ""
            return f"{self.amount_text(signed=True)}{share}"
        return f"none: {self.why_brief()}"

    @property
    def short(self) -> str:
        """For a narrow cell: the percentage alone ("+2%", "at least +7%",
        "same", "not worked out"), the amount where there is no percentage."""
        if self.same:
            return "same"
        if not self.known:
            return "not worked out"
        return self.percent_text(signed=True) or self.amount_text(signed=True)

    def why_not(self, second_name: str, first_name: str = "here") -> str:
        """Why no difference can be worked out, naming where each figure is."""
        first, second = self.first, self.second
        if first.state is State.TOP_CODED and second.state is State.TOP_CODED:
            return f"BLS publishes only that both are {display.text(first)}"
        for figure, name, other, other_name in (
            (first, first_name, second, second_name),
            (second, second_name, first, first_name),
        ):
            if figure.state is State.TOP_CODED and other.published:
                return (
                    f"BLS publishes only that it is {display.text(figure)} {name}, which does "
                    f"not settle how it compares with {display.text(other)} {other_name}"
                )
        missing, name = (first, first_name) if not comparable(first) else (second, second_name)
        return f"{name} it is {display.text(missing)}"

    def why_brief(self) -> str:
        """The reason in a few words, for a table cell."""
        if State.TOP_CODED in (self.first.state, self.second.state) and all(
            comparable(f) for f in (self.first, self.second)
        ):
            return "a bound only"
        return display.text(self.first if not comparable(self.first) else self.second)


def comparable(figure: Figure) -> bool:
    """A figure a difference can be taken from: a number, or a bound."""
    return figure.state in (State.PUBLISHED, State.TOP_CODED)


def _number(figure: Figure) -> Decimal:
    return Decimal(figure.value)  # employment is stored as a whole number


def difference(first: Figure, second: Figure) -> Difference:
    """``first`` against ``second`` in their states (see the module's rule)."""
    if first.published and second.published:
        amount = _number(first) - _number(second)
        base = _number(second)
        share = percent_change(_number(first), base) if base > 0 else None
        return Difference(first, second, Proof.EXACT, amount, share)
    if first.state is State.TOP_CODED and second.published and first.bound > second.value:
        # first >= bound > second: first is higher by at least bound - second.
        return Difference(
            first,
            second,
            Proof.AT_LEAST,
            first.bound - second.value,
            percent_change(first.bound, second.value) if second.value > 0 else None,
        )
    if second.state is State.TOP_CODED and first.published and first.value < second.bound:
        # second >= bound > first: first is lower by at least bound - first,
        # which is at least that share of the bound, and so of second.
        return Difference(
            first,
            second,
            Proof.AT_LEAST,
            first.value - second.bound,
            percent_change(first.value, second.bound),
        )
    return Difference(first, second, Proof.NONE)


@dataclass(frozen=True, slots=True)
class Lead:
    """Which of two figures is higher: 0 (the first), 1 (the second) or None
    (they are equal), and the difference of the higher against the lower (so
    its percentage is a share of the lower: "X earn 7% more than Y")."""

    leader: int | None
    difference: Difference

    @property
    def equal(self) -> bool:
        return self.leader is None


def lead(first: Figure, second: Figure) -> Lead | None:
    """Which of ``first`` and ``second`` is higher and by how much, or None
    where what BLS publishes cannot say."""
    found = difference(first, second)
    if not found.known:
        return None
    if found.amount == 0:
        return Lead(None, found)
    if found.amount > 0:
        return Lead(0, found)
    return Lead(1, difference(second, first))
