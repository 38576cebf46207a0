"""Where a value stands among places, and ordinals in words. Pure."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


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
