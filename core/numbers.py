"""The arithmetic of comparing two figures, exact (``Decimal``); rounding is display's."""

from __future__ import annotations

from decimal import Decimal

HUNDRED = Decimal(100)


def percent_change(new: Decimal, old: Decimal) -> Decimal:
    """How much ``new`` is above ``old`` (below, if negative), in percent of
    ``old``: the figure a sentence compares against is the one it is a share of."""
    if old <= 0:
        raise ValueError("a percent change needs a positive base")
    return (new - old) / old * HUNDRED
