"""Two occupations' spreads on one chart, and the table of both, with the
differences: ``{% load occupationpairs %}``. Written here rather than as
template loops, as the single spread is (``officialstats.spread_svg``);
every name is escaped.
"""

from __future__ import annotations

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString

from officialstats.pair_chart import PairBar, PairChart
from officialstats.pairs import PairRow

from .officialstats import fig

register = template.Library()


def _bar(chart: PairChart, bar: PairBar) -> str:
    shape = ""
    if bar.drawn:
        shape = (
            f'<rect class="series-{bar.series}" x="{chart.plot_left}" y="{bar.y}" '
            f'width="{bar.width}" height="{bar.height}" rx="2"></rect>'
        )
        if bar.open_ended:
            shape += (
                f'<polygon class="series-{bar.series} open-end" '
                f'points="{bar.arrow_points}"></polygon>'
            )
    missing = "" if bar.drawn else " missing"
    return (
        f'{shape}<text class="bar-label{missing}" x="{bar.label_x}" y="{bar.text_y}">'
        f"{escape(bar.label)}</text>"
    )


@register.simple_tag
def pair_svg(chart: PairChart, title: str, caption: str, table_id: str) -> SafeString:
    """Both spreads, one pair of bars per percentile; the table ``table_id``
    holds the same figures."""
    ticks = "".join(
        f'<line x1="{tick.x}" x2="{tick.x}" y1="{chart.plot_top}" y2="{chart.plot_bottom}">'
        f'</line><text class="tick" x="{tick.x}" y="{chart.axis_y}">{escape(tick.label)}</text>'
        for tick in chart.ticks
    )
    groups = "".join(
        f'<g><text class="row-label" x="0" y="{group.label_y}">{escape(group.name)}</text>'
        + "".join(_bar(chart, bar) for bar in group.bars)
        + "</g>"
        for group in chart.groups
    )
    return SafeString(
        '<figure class="chart spread-chart pair-chart">'
        f'<svg viewBox="0 0 {chart.width} {chart.height}" role="img" '
        'aria-labelledby="pair-title" aria-describedby="pair-desc" focusable="false">'
        f'<title id="pair-title">{escape(title)}</title>'
        f'<desc id="pair-desc">{escape(chart.description)}</desc>'
        f'<g class="chart-grid" aria-hidden="true">{ticks}</g>{groups}</svg>'
        f'<figcaption>{escape(caption)} <a href="#{escape(table_id)}">The same figures as a '
        "table</a>.</figcaption></figure>"
    )


@register.simple_tag
def pair_table_rows(rows: list[PairRow], first: str, second: str) -> SafeString:
    """Each figure's row: both occupations, then which is ahead by how much."""
    names = (first, second)
    first_label, second_label = escape(first), escape(second)
    out = []
    for row in rows:
        difference = escape(row.cell(names))
        if row.lead is None:
            difference = f'<span class="fig-none">{difference}</span>'
        out.append(
            f'<tr><th scope="row">{escape(row.label)}</th>'
            f'<td class="num" data-label="{first_label}">{fig(row.first)}</td>'
            f'<td class="num" data-label="{second_label}">{fig(row.second)}</td>'
            f'<td class="num" data-label="Difference">{difference}</td></tr>'
        )
    return SafeString("".join(out))
