"""Salary math: pure ``Decimal`` functions, no ORM and no Django.

A salary range is a :class:`Range`; its top may be open-ended ("$250k+"),
which every step carries through unchanged, since multiplying "at least X"
still gives "at least" something.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

TWO = Decimal(2)
HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Range:
    low: Decimal
    high: Decimal
    open_ended: bool = False

    def __post_init__(self) -> None:
        if self.low > self.high:
            raise ValueError(f"range low {self.low} is above high {self.high}")

    @property
    def midpoint(self) -> Decimal:
        return (self.low + self.high) / TWO


def percent_change(new: Decimal, old: Decimal) -> Decimal:
    """How much ``new`` is above ``old``, in percent of ``old``."""
    if old <= 0:
        raise ValueError("percent change needs a positive base")
    return (new - old) / old * HUNDRED
