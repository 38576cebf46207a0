"""The one way money and percentages are written on the site.

Values stay exact ``Decimal`` everywhere else; rounding happens here, at
display time only, half away from zero as people expect.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

CURRENCY_SYMBOLS = {"USD": "$"}
THOUSAND = Decimal(1000)
MINUS = "-"


def _symbol(currency: str) -> str:
    return CURRENCY_SYMBOLS.get(currency, f"{currency} ")


def _round(value: Decimal, places: int = 0) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def to_nearest(value: Decimal, nearest: int = 1) -> Decimal:
    """``value`` rounded half up to a multiple of ``nearest`` (1000: the nearest thousand)."""
    return value if nearest == 1 else _round(value / nearest) * nearest


def money(
    value: Decimal,
    currency: str = "USD",
    *,
    cents: bool = False,
    nearest: int = 1,
    approximate: bool = False,
    open_ended: bool = False,
) -> str:
    """$114,528 · ~$95,000 · $78,947.37 (with cents) · $250,000+.

    Cents are shown only when asked for and only when the value has any;
    ``nearest=1000`` rounds to the nearest thousand dollars.
    """
    value = to_nearest(value, nearest)
    rounded = _round(value, 2 if cents else 0)
    sign = MINUS if rounded < 0 else ""
    number = (
        f"{abs(rounded):,.2f}"
        if cents and rounded != rounded.to_integral()
        else f"{abs(rounded):,.0f}"
    )
    return (
        f"{'~' if approximate else ''}{sign}{_symbol(currency)}{number}{'+' if open_ended else ''}"
    )


def plain_number(value: Decimal) -> str:
    """A decimal as written by hand: 1.3, 0.85, 213,110, 52.1 (never 1E+1)."""
    text = f"{value.normalize():,f}"
    return text


def money_short(value: Decimal, currency: str = "USD", *, open_ended: bool = False) -> str:
    """$75k · $112.5k · $250k+: thousands, with one decimal only when needed."""
    thousands = _round(value / THOUSAND, 1)
    sign = MINUS if thousands < 0 else ""
    thousands = abs(thousands)
    number = f"{thousands:,.0f}" if thousands == thousands.to_integral() else f"{thousands:,.1f}"
    return f"{sign}{_symbol(currency)}{number}k{'+' if open_ended else ''}"


def money_range(
    low: Decimal,
    high: Decimal,
    currency: str = "USD",
    *,
    open_ended: bool = False,
    short: bool = True,
    **options,
) -> str:
    """$75k–$95k, $170k–$250k+, or in full: $80,000–$120,000.

    ``options`` (``cents``, ``nearest``) go to :func:`money` for full figures.
    """
    if short:
        low_text = money_short(low, currency)
        high_text = money_short(high, currency, open_ended=open_ended)
    else:
        low_text = money(low, currency, **options)
        high_text = money(high, currency, open_ended=open_ended, **options)
    return f"{low_text}\u2013{high_text}"


def percent(value: Decimal, places: int = 0, *, signed: bool = False) -> str:
    """5% · 4.85% (places=2) · +20% (signed) · -10%."""
    rounded = _round(value, places)
    if rounded == 0:
        rounded = abs(rounded)
    sign = "+" if signed and rounded > 0 else (MINUS if rounded < 0 else "")
    return f"{sign}{abs(rounded):.{places}f}%"


HALF = Decimal("0.5")
TWENTIETH = Decimal("0.05")


def percent_difference(value: Decimal, *, signed: bool = False) -> str:
    """A difference worked out by the site, as a percentage: whole percents
    (4.85 → "5%"), or the decimals needed not to call a real difference 0%
    ("0.4%", "0.04%"). The one way every page and download writes one."""
    size = abs(value)
    places = 0 if size == 0 or size >= HALF else 1 if size >= TWENTIETH else 2
    return percent(value, places, signed=signed)


def exact_places(value: Decimal) -> int:
    """Decimal places a published percentage needs: 20 → 0, 12.5 → 1, 7.25 → 2."""
    return max(0, -value.normalize().as_tuple().exponent) if value.is_finite() else 0


def percent_range(
    low: Decimal, high: Decimal, *, signed: bool = False, open_ended: bool = False
) -> str:
    """A published percent range, exact: +20% to +40% · 5%–20% · 12.5%–20%.

    For figures worked out by the site use :func:`percent`, which rounds.
    """

    def write(value: Decimal) -> str:
        return percent(value, min(exact_places(value), 2), signed=signed)

    if low == high:
        return write(low) + ("+" if open_ended else "")
    sep = " to " if signed else "\u2013"
    return f"{write(low)}{sep}{write(high)}{'+' if open_ended else ''}"
