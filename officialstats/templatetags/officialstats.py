"""Filters that show an OEWS figure with its state, and the methodology's bands.

``{% load officialstats %}``. A figure always renders as something a reader
can read: its value, the open bound of a top-coded wage, or what BLS says
in its place (``officialstats.display``), marked with its state's class.
"""

from __future__ import annotations

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from officialstats import display
from officialstats.figures import TOP_CODE_ANNUAL, TOP_CODE_HOURLY, Figure, State
from officialstats.reliability import thresholds

register = template.Library()


@register.filter
def fig(figure: Figure) -> SafeString:
    """<data value="148100">$148,100</data>, or the state in words.

    Called a hundred times a page, so written without format_html: the
    value is a number and the text is escaped."""
    text = escape(display.text(figure))
    if figure.state is State.PUBLISHED:
        return mark_safe(f'<data value="{figure.value}">{text}</data>')
    css = "fig-open" if figure.state is State.TOP_CODED else "fig-none"
    return mark_safe(f'<span class="{css}">{text}</span>')


@register.filter
def fig_words(figure: Figure) -> str:
    """For a sentence: "$135,980 a year", "$115.00+ an hour"."""
    return display.in_words(figure)


@register.inclusion_tag("officialstats/includes/reading_figures.html")
def oews_reading() -> dict:
    """The methodology page's section on reading OEWS figures: value states and reliability."""
    return {"bands": thresholds(), **top_codes()}


@register.simple_tag
def top_code(unit: str) -> str:
    """BLS's top-coding bound in ``unit`` ("hourly" or "annual"): "$115.00", "$239,200"."""
    return top_codes()[f"top_{unit}"]


def top_codes() -> dict[str, str]:
    return {
        "top_hourly": display.hourly(TOP_CODE_HOURLY),
        "top_annual": display.money(TOP_CODE_ANNUAL),
    }
