"""Rows of the places' tables, written as strings: ``{% load places %}``.

Place pages list fifty occupations and occupation x place pages a few
dozen places, and every statistics page renders cold (crawlers visit all
of them), so the rows are built here rather than by template loops, as
``officialstats.templatetags.officialstats`` does for occupations. Each
cell carries its column's name (``data-label``) for tables that stack on
phones.
"""

from __future__ import annotations

import html

from django import template
from django.utils.safestring import SafeString

from officialstats.differences import Difference
from officialstats.pay_position import NAMES
from officialstats.queries.areas import PlaceRef, places_path
from officialstats.queries.occupation_places import OccupationPlacePage, PeerRow
from officialstats.queries.occupations import NationalFigures
from officialstats.queries.places import OccupationHere
from officialstats.ranks import Rank
from officialstats.templatetags.officialstats import HOURLY, fig

register = template.Library()
# Django's escape accepts lazy strings, at a cost; these are plain strings.
escape = html.escape


def _head(url: str, text: str, code: str = "") -> str:
    """The row's header: a link, and an occupation's SOC code after it."""
    after = f' <span class="meta">{escape(code)}</span>' if code else ""
    return f'<tr><th scope="row"><a href="{escape(url)}">{escape(text)}</a>{after}</th>'


def _pay(pay) -> str:
    return f"{fig(pay)}{HOURLY if pay.datatype.is_hourly else ''}"


def _cell(label: str, content: str) -> str:
    return f'<td class="num" data-label="{label}">{content}</td>'


def _versus(diff: Difference) -> str:
    if not diff.known:
        return f'<span class="fig-none">{diff.short}</span>'
    return escape(diff.short)


@register.simple_tag
def peer_rows(rows: list[PeerRow], pay_label: str = "Median") -> SafeString:
    """Places with this occupation's median pay, jobs and location quotient there."""
    return SafeString(
        "".join(
            _head(row.url, row.place.name)
            + _cell(pay_label, _pay(row.pay))
            + _cell("Jobs", fig(row.employment))
            + _cell("LQ", fig(row.location_quotient))
            + "</tr>"
            for row in rows
        )
    )


@register.simple_tag
def place_occupation_rows(rows: list[OccupationHere]) -> SafeString:
    """Occupations in a place: median there and against the nation's, jobs, LQ."""
    return SafeString(
        "".join(
            _head(row.url, row.occupation.title, row.occupation.code)
            + _cell("Median", _pay(row.pay))
            + _cell("Against the US", _versus(row.vs_nation))
            + _cell("Jobs", fig(row.employment))
            + _cell("LQ", fig(row.location_quotient))
            + "</tr>"
            for row in rows
        )
    )


@register.filter
def versus(diff: Difference) -> SafeString:
    """A difference for a table cell: "+2%", or "not worked out"."""
    return SafeString(_versus(diff))


@register.filter
def diff_words(diff: Difference, base_name: str) -> str:
    """ "$1,970 (2%) more than in Texas", or why there is no difference."""
    return diff.words(base_name)


@register.simple_tag
def rank_words(rank: Rank, what: str, places: str) -> str:
    """ "12th highest median pay of 380 areas"."""
    return rank.words(what, places)


@register.simple_tag
def highlight_rows(rows: list[OccupationHere]) -> SafeString:
    """The most common or best-paid occupations in a place: jobs, median, the nation's."""
    return SafeString(
        "".join(
            _head(row.url, row.occupation.title)
            + _cell("Jobs", fig(row.employment))
            + _cell("Median", _pay(row.pay))
            + _cell("US median", fig(row.national_pay))
            + "</tr>"
            for row in rows
        )
    )


@register.filter
def get_sort(sorts: dict, key: str) -> str:
    return sorts.get(key, "")


@register.simple_tag
def compare_rows(page: OccupationPlacePage) -> SafeString:
    """The rows comparing a place's figures with the nation's and its state's."""
    state = page.state.name if page.state_figures is not None else ""
    label = escape(state)
    rows = []
    for row in page.comparisons:
        cells = (
            _cell("Here", fig(row.here))
            + _cell("US", fig(row.nation.second))
            + _cell("Difference from the US", escape(row.nation.cell))
        )
        if state:
            cells += _cell(label, fig(row.state.second)) + _cell(
                f"Difference from {label}", escape(row.state.cell)
            )
        rows.append(f'<tr><th scope="row">{escape(row.label)}</th>{cells}</tr>')
    return SafeString("".join(rows))


@register.simple_tag
def percentile_rows(figures: NationalFigures) -> SafeString:
    """The spread's rows: each percentile and the mean, hourly and annual."""
    rows = [
        (NAMES[p] if p != 50 else "Median", hourly, annual)
        for p, hourly, annual in figures.percentiles
    ]
    rows.append(("Mean", figures.hourly_mean, figures.annual_mean))
    return SafeString(
        "".join(
            f'<tr><th scope="row">{name}</th>'
            + _cell("Hourly", fig(hourly))
            + _cell("Annual", fig(annual))
            + "</tr>"
            for name, hourly, annual in rows
        )
    )


@register.simple_tag
def place_list(areas: list[tuple[PlaceRef, str]], filed_words: str) -> SafeString:
    """Areas listed under a state, each linked; one BLS files under another
    state says so: "(<filed_words> Texas)"."""
    root = places_path()
    items = "".join(
        f'<li><a href="{escape(root)}{escape(area.slug)}/">{escape(area.name)}</a>'
        + (f' <span class="meta">({escape(filed_words)} {escape(filed)})</span>' if filed else "")
        + "</li>"
        for area, filed in areas
    )
    return SafeString(f'<ul class="place-list">{items}</ul>')
