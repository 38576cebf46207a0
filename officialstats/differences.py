"""How a place's figure differs from the nation's or its state's, and how it
ranks among places. Pure: no database, exact ``Decimal``.

A difference is worked out only between two published numbers. A top-coded
wage is an open bound ("at least $239,200"): the gap to it is unknown, so
no difference is given and the page says why, as it does when either
figure was not released.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from decimal import Decimal

from core.formatting import percent as percent_format

from . import display
from .figures import Figure, State

HUNDRED = Decimal(100)


class Missing(enum.StrEnum):
    """Why there is no difference to show."""

    HERE_TOP_CODED = "here-top-coded"
    BASE_TOP_CODED = "base-top-coded"
    HERE_MISSING = "here-missing"
    BASE_MISSING = "base-missing"


@dataclass(frozen=True, slots=True)
class Difference:
    """``here`` minus ``base``, in money and as a share of ``base``."""

    here: Figure
    base: Figure
    amount: Decimal | None = None
    percent: Decimal | None = None  # of the base: (here - base) / base x 100
    missing: Missing | None = None

    @property
    def known(self) -> bool:
        return self.amount is not None

    def words(self, base_name: str) -> str:
        """ "$1,860 (1.4%) less than in Texas", or why it cannot be said."""
        if self.missing is not None:
            return why_not(self, base_name)
        if self.amount == 0:
            return f"the same as {base_name}"
        size = display.number(self.here.datatype, abs(self.amount))
        share = f" ({percent_text(abs(self.percent))})" if self.percent is not None else ""
        return f"{size}{share} {'more' if self.amount > 0 else 'less'} than {base_name}"

    @property
    def signed(self) -> str:
        """For a table cell: "+$1,970 (+1.5%)", "−$1,860 (−1.4%)", "same"."""
        if self.amount is None:
            return ""
        if self.amount == 0:
            return "same"
        sign = "+" if self.amount > 0 else "\u2212"
        size = display.number(self.here.datatype, abs(self.amount))
        share = f" ({sign}{percent_text(abs(self.percent))})" if self.percent is not None else ""
        return f"{sign}{size}{share}"

    @property
    def cell(self) -> str:
        """For a table cell: the signed difference, or "none" and why in brief."""
        match self.missing:
            case None:
                return self.signed
            case Missing.HERE_TOP_CODED | Missing.BASE_TOP_CODED:
                return "none: a bound only"
            case Missing.HERE_MISSING:
                return f"none: {display.text(self.here)}"
            case _:
                return f"none: {display.text(self.base)}"


def percent_text(value: Decimal) -> str:
    """One decimal place, half away from zero: 1.44 -> "1.4%"."""
    return percent_format(value, 1)


def difference(here: Figure, base: Figure) -> Difference:
    if here.state is State.TOP_CODED:
        return Difference(here, base, missing=Missing.HERE_TOP_CODED)
    if base.state is State.TOP_CODED:
        return Difference(here, base, missing=Missing.BASE_TOP_CODED)
    if not here.published:
        return Difference(here, base, missing=Missing.HERE_MISSING)
    if not base.published:
        return Difference(here, base, missing=Missing.BASE_MISSING)
    amount = here.value - base.value
    percent = amount / base.value * HUNDRED if base.value else None
    return Difference(here, base, amount, percent)


def why_not(diff: Difference, base_name: str) -> str:
    """Why no difference can be given, ``base_name`` being where the base is
    ("nationally", "in Texas")."""
    match diff.missing:
        case Missing.HERE_TOP_CODED:
            return (
                "no difference can be worked out: BLS publishes only that it is "
                f"{display.text(diff.here)} here"
            )
        case Missing.BASE_TOP_CODED:
            return (
                "no difference can be worked out: BLS publishes only that it is "
                f"{display.text(diff.base)} {base_name}"
            )
        case Missing.HERE_MISSING:
            return f"no difference: here it is {display.text(diff.here)}"
        case _:
            return f"no difference: {base_name} it is {display.text(diff.base)}"


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 112th."""
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


@dataclass(frozen=True, slots=True)
class Rank:
    """Where a value stands among places: 1 is the highest."""

    position: int | None  # None: this place has no value to rank
    of: int  # how many places have one
    tied: bool = False

    def words(self, what: str, places: str) -> str:
        """ "12th highest median pay of 380 areas" (``what`` = "highest median
        pay"), "tied for 1st ...", or "not ranked" when there is no value."""
        if self.position is None:
            return f"not ranked: none published here ({self.of} {places} have one)"
        tied = "tied for " if self.tied else ""
        return f"{tied}{ordinal(self.position)} {what} of {self.of} {places}"


def rank(value: Decimal | None, values: list[Decimal | None]) -> Rank:
    """Where ``value`` stands in ``values`` (which include it), highest
    first; places without a value are not counted."""
    known = [v for v in values if v is not None]
    if value is None:
        return Rank(None, len(known))
    higher = sum(v > value for v in known)
    same = sum(v == value for v in known)
    return Rank(higher + 1, len(known), tied=same > 1)
