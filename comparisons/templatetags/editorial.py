"""Template filters for the editorial pages: a source's figures and the
calculator's amounts, written through ``core.formatting`` (none rounds on
its own), and the "Source: ..." line. ``{% load editorial %}``."""

from __future__ import annotations

from decimal import Decimal

from django import template

from comparisons.models import Source
from comparisons.salary import Range
from core import formatting

register = template.Library()


@register.filter
def stat_money(stat) -> str:
    """A published average as its source gives it: $114,528 or ~$95,000."""
    return formatting.money(stat.average, stat.currency, approximate=stat.approximate)


@register.filter
def band_label(band) -> str:
    """$75k–$95k or $170k–$250k+."""
    return formatting.money_range(
        band.min_salary, band.max_salary, band.currency, open_ended=band.open_ended
    )


@register.filter
def stat_range(stat) -> str:
    """$80,000–$120,000"""
    return formatting.money_range(stat.range_low, stat.range_high, stat.currency, short=False)


@register.filter
def signed_pct(value: Decimal) -> str:
    """+20%, -10%, +12.5%: to two places only when needed."""
    places = 0 if value == value.to_integral() else 2
    return formatting.percent(value, places, signed=True)


@register.filter
def signed_pct_range(item) -> str:
    """+20% to +40%, for anything with ``low_percent`` and ``high_percent``."""
    return formatting.percent_range(item.low_percent, item.high_percent, signed=True)


@register.filter
def pct_range(item) -> str:
    """5%–20%"""
    return formatting.percent_range(item.low_percent, item.high_percent)


@register.filter
def rounded_range(value: Range) -> str:
    """A calculated range to the nearest $1,000: $79,000–$119,000."""
    return formatting.money_range(
        value.low, value.high, open_ended=value.open_ended, short=False, nearest=1000
    )


@register.filter
def exact_money(value: Decimal) -> str:
    """An amount of the calculator's breakdown, to the cent: $273,000 or $196,585.46."""
    return formatting.money(value, cents=True)


@register.filter
def rounded_money(value: Decimal) -> str:
    """A calculated amount to the nearest $1,000."""
    return formatting.money(value, nearest=1000)


@register.filter
def multiplier(value: Decimal) -> str:
    """A factor as it is multiplied by, without padding zeros: 1.3, 0.85, 1.175."""
    return formatting.plain_number(value)


@register.filter
def plain_pct(value: Decimal) -> str:
    """20%, 12.5%: with as many places as it has, up to two."""
    places = min(2, max(0, -value.normalize().as_tuple().exponent))
    return formatting.percent(value, places)


@register.filter
def exact_range(value: Range) -> str:
    """A calculated range to the cent: $78,947.37–$118,750."""
    return formatting.money_range(
        value.low, value.high, open_ended=value.open_ended, short=False, cents=True
    )


@register.inclusion_tag("includes/cite.html")
def cite(sources: Source | list[Source]) -> dict:
    """A "Source: publisher, as of 2025" line linking to the page's source list."""
    return {"sources": [sources] if isinstance(sources, Source) else sources}
