"""Template filters for the editorial pages: a source's figures and the
calculator's amounts, written through ``core.formatting`` (none rounds on
its own), and the "Source: ..." line. ``{% load editorial %}``."""

from __future__ import annotations

from decimal import Decimal
from html import escape

from django import template
from django.utils.safestring import SafeString

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


@register.simple_tag
def cite(sources: Source | list[Source]) -> SafeString:
    """A "Source: publisher, as of 2025" line linking to the page's source list.
    (Written here rather than by a template: an article cites some fifteen times.)"""
    sources = [sources] if isinstance(sources, Source) else list(sources)
    if not sources:
        return SafeString("")
    cited = "; ".join(
        f'<a href="#source-{escape(source.slug)}">{escape(source.publisher)}</a>, as of '
        f'<time datetime="{source.as_of.isoformat()}">{escape(source.as_of_label)}</time>'
        for source in sources
    )
    plural = "s" if len(sources) > 1 else ""
    return SafeString(f'<p class="cite">Source{plural}: {cited}</p>')


@register.simple_tag
def select_options(field) -> SafeString:
    """A calculator field's options, in its groups, the current value selected.
    (Written here rather than by template loops: a role list may hold hundreds.)"""
    current = field.value()
    current = "" if current is None else str(current)
    out = []
    for group, options in field.field.groups:
        if group:
            out.append(f'<optgroup label="{escape(group)}">')
        for value, label in options:
            selected = " selected" if str(value) == current else ""
            out.append(
                f'<option value="{escape(str(value))}"{selected}>{escape(str(label))}</option>'
            )
        if group:
            out.append("</optgroup>")
    return SafeString("".join(out))
