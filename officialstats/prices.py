"""What pay is worth at the nation's prices, from BEA's price levels. Pure.

A place's regional price parity says how its prices compare with the
nation's (the nation = 100): pay there is worth ``pay / parity × 100`` at
national prices. The worked line keeps cents, so a reader can check it by
hand; the headline figure is rounded to the dollar only when shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .figures import Datatype, Figure, Footnote, State, figure

HUNDRED = Decimal(100)
CENT = Decimal("0.01")


def at_national_prices(amount: Decimal, parity: Decimal) -> Decimal:
    return amount / parity * HUNDRED


def money(amount: Decimal, *, cents: bool = False) -> str:
    if cents:
        return f"${amount.quantize(CENT, rounding=ROUND_HALF_UP):,.2f}"
    return f"${amount.quantize(Decimal(1), rounding=ROUND_HALF_UP):,.0f}"


def parity_text(parity: Decimal) -> str:
    """As read: 112.581, or 112.87 from a rounded copy; the nation's 100."""
    return f"{parity:f}"


def prices_words(parity: Decimal) -> str:
    """ "about 13% above the nation's", "about the nation's", "about 3% below"."""
    gap = (parity - HUNDRED).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    if gap == 0:
        return "about the same as the nation's"
    return f"about {abs(gap)}% {'above' if gap > 0 else 'below'} the nation's"


@dataclass(frozen=True)
class Worth:
    """A median at national prices, with the line that works it out."""

    amount: Decimal  # unrounded
    line: str  # "$213,110 ÷ 112.87 × 100 = $188,811.91"
    at_least: bool  # from a top-coded median: a lower bound too
    hourly: bool = False  # an hourly wage: shown to the cent

    @property
    def text(self) -> str:
        said = money(self.amount, cents=self.hourly)
        return f"at least {said}" if self.at_least else said

    def figure(self) -> Figure:
        """As a median figure, rounded to its unit (the dollar, or the cent by
        the hour), for tables and maps; only a lower bound ("at least") has none."""
        datatype = Datatype.HOURLY_MEDIAN if self.hourly else Datatype.ANNUAL_MEDIAN
        if self.at_least:
            return figure(datatype, None, int(Footnote.NOT_RELEASED))
        step = CENT if self.hourly else Decimal(1)
        return figure(datatype, self.amount.quantize(step, rounding=ROUND_HALF_UP), None)


def worth(median: Figure, parity: Decimal | None) -> Worth | None:
    """``median`` at national prices; None without a parity or a usable median."""
    if parity is None or median.ranked is None:
        return None
    value = median.ranked
    amount = at_national_prices(value, parity)
    line = (
        f"{money(value, cents=value != value.to_integral())} ÷ {parity_text(parity)} × 100 "
        f"= {money(amount, cents=True)}"
    )
    return Worth(amount, line, median.state is State.TOP_CODED, median.datatype.is_hourly)
