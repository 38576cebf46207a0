"""The arithmetic of comparing two figures, exact (``Decimal``); rounding is display's."""

from __future__ import annotations

import re
from decimal import Decimal

HUNDRED = Decimal(100)


def percent_change(new: Decimal, old: Decimal) -> Decimal:
    """How much ``new`` is above ``old`` (below, if negative), in percent of
    ``old``: the figure a sentence compares against is the one it is a share of."""
    if old <= 0:
        raise ValueError("a percent change needs a positive base")
    return (new - old) / old * HUNDRED


# "$150,000", "150000", "150k", "$42.50", "1.2m": an amount as people type it.
_AMOUNT = re.compile(r"\$?\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d{1,2})?\s*([km])?", re.IGNORECASE)
_SCALE = {"": 1, "k": 1_000, "m": 1_000_000}


def parse_amount(text: str) -> Decimal:
    """An amount of dollars as a reader writes it, exactly: "$150,000",
    "150000", "150k", "1.2m", "42.50". Raises ValueError for anything else
    (a negative amount, more than two decimals, words, a comma out of place)."""
    match = _AMOUNT.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"not an amount: {text!r}")
    whole, cents, scale = match.groups()
    return Decimal(whole.replace(",", "") + (cents or "")) * _SCALE[(scale or "").lower()]


def amount_text(value: Decimal) -> str:
    """An amount as a query string carries it: "150000", "42.50"."""
    return f"{value:.0f}" if value == value.to_integral_value() else f"{value:.2f}"
