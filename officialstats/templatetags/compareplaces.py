"""The compare-places page's longer markup: ``{% load compareplaces %}``.

The chooser offers every state and area where BLS estimates the occupation
(several hundred options), grouped by state, and the table sets each
figure beside the nation's with the difference worked out; both are
written here rather than as template loops, and every name is escaped.
"""

from __future__ import annotations

from itertools import groupby

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString

from officialstats.compare import Place, Row
from officialstats.queries.compare import PlaceFigures

from .officialstats import fig

register = template.Library()

NATION = "United States"
GAP = "Highest vs lowest"
NOT_WORKED_OUT = '<span class="fig-none">not worked out</span>'


@register.simple_tag
def place_options(options: list[Place]) -> SafeString:
    """``<optgroup>`` per state: the state itself first, then its areas."""
    out = []
    for state, places in groupby(options, key=lambda place: place.state_name):
        items = "".join(
            f'<option value="{escape(place.slug)}">'
            f"{escape(place.name)}{', statewide' if place.kind == 'state' else ''}</option>"
            for place in places
        )
        out.append(f'<optgroup label="{escape(state)}">{items}</optgroup>')
    return SafeString("".join(out))


def _figure(cell) -> str:
    if cell.missing:
        return f'<span class="fig-none">{escape(cell.missing)}</span>'
    return fig(cell.figure)


def _versus(cell) -> str:
    found = cell.versus_nation
    if found is None or not found.known:
        return ""
    return f' <span class="versus">{escape(found.short)} vs&nbsp;US</span>'


def _gap(row: Row) -> str:
    found = row.gap
    if found is None:
        return NOT_WORKED_OUT
    difference = found.difference
    highest = " or ".join(escape(name) for name in found.highest)
    text = (
        f"{difference.amount_text()} "
        f"({difference.percent_text()})"
        f' <span class="versus">{highest} over {escape(found.lowest)}'
    )
    if found.left_out:
        text += f"; without {escape(', '.join(found.left_out))}"
    return text + "</span>"


@register.simple_tag
def compare_table_rows(rows: list[Row], places: list[PlaceFigures]) -> SafeString:
    """Each figure's row: the places, the nation, and the gap between the places."""
    names = [escape(item.place.name) for item in places]
    out = []
    for row in rows:
        cells = "".join(
            f'<td class="num" data-label="{name}">{_figure(cell)}{_versus(cell)}</td>'
            for name, cell in zip(names, row.cells, strict=True)
        )
        cells += f'<td class="num" data-label="{NATION}">{fig(row.nation)}</td>'
        if len(places) > 1:
            cells += (
                f'<td class="num" data-label="{GAP}">{_gap(row)}</td>'
                if row.money
                else f'<td class="num empty" data-label="{GAP}"></td>'
            )
        out.append(f'<tr><th scope="row">{row.label}</th>{cells}</tr>')
    return SafeString("".join(out))
