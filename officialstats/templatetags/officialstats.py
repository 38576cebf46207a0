"""Filters that show an OEWS figure with its state, and the methodology's bands.

``{% load officialstats %}``. A figure always renders as something a reader
can read: its value, the open bound of a top-coded wage, or what BLS says
in its place (``officialstats.display``), marked with its state's class.
"""

from __future__ import annotations

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from officialstats import display, prices
from officialstats.chart import SpreadChart
from officialstats.figures import TOP_CODE_ANNUAL, TOP_CODE_HOURLY, Figure, State
from officialstats.importing.standings import NEIGHBOURS
from officialstats.queries.common import Summary
from officialstats.reliability import Z95, thresholds
from officialstats.thin import MAX_EMPLOYMENT_RSE, MAX_WAGE_RSE, MIN_PERCENTILES

register = template.Library()
HOURLY = ' <span class="meta">an hour</span>'


@register.filter
def fig(figure: Figure) -> SafeString:
    """<data value="148100">$148,100</data>, or the state in words.

    Called a hundred times a page, so built without format_html: the value
    is a number, and display.text writes only digits, "$,.%+" and the fixed
    words of the states, none of which HTML would read as markup."""
    text = display.text(figure)
    if figure.state is State.PUBLISHED:
        return SafeString(f'<data value="{figure.value}">{text}</data>')
    if figure.state is State.TOP_CODED:
        return SafeString(f'<span class="fig-open">{text}</span>')
    return SafeString(f'<span class="fig-none">{text}</span>')


@register.simple_tag
def occupation_rows(rows: list[Summary], reasons: dict[str, str] | None = None) -> SafeString:
    """The rows of a table of occupations: title and code, median pay, jobs.

    Written here rather than as a template loop: index pages show fifty of
    them, group pages a few dozen, and every statistics page renders cold.
    Its table keeps the header row at every width (``.compact``), which
    labels each column, so the cells carry no ``data-label``. ``reasons``
    says, by code, why a search found an occupation its title does not name."""
    reasons = reasons or {}
    return SafeString(
        "".join(
            f'<tr><th scope="row"><a href="{escape(row.occupation.url)}">'
            f"{escape(row.occupation.title)}</a> "
            f'<span class="meta">{escape(row.occupation.code)}</span>'
            + _reason(reasons.get(row.occupation.code, ""))
            + "</th>"
            f'<td class="num">{fig(row.pay)}{HOURLY if row.pay.datatype.is_hourly else ""}</td>'
            f'<td class="num">{fig(row.employment)}</td></tr>'
            for row in rows
        )
    )


@register.filter
def parity(value) -> str:
    """A price level as read (112.581), or a dash where BEA gives none."""
    return prices.parity_text(value) if value is not None else "—"


@register.simple_tag
def furthest_rows(rows: list, link: str) -> SafeString:
    """Places with pay at national prices (``queries.furthest``), a row each;
    written here as the other long tables are, for cold renders."""
    out = []
    for p in rows:
        if p.worth is not None:
            worth = escape(p.worth.text)
        else:
            worth = f'<span class="fig-none">{"no price level" if p.parity is None else "not worked out"}</span>'  # noqa: E501
        out.append(
            f'<tr><th scope="row"><a href="{escape(link)}in/{escape(p.slug)}/">'
            f"{escape(p.name)}</a></th>"
            f'<td class="num" data-label="Median pay">{fig(p.median)}</td>'
            f'<td class="num" data-label="Price level">{parity(p.parity)}</td>'
            f'<td class="num" data-label="At national prices">{worth}</td>'
            f'<td class="num" data-label="Rank by pay">{p.pay_rank or "—"}</td>'
            f'<td class="num" data-label="Rank at national prices">{p.worth_rank or "—"}</td></tr>'
        )
    return SafeString("".join(out))


@register.filter
def prices_words(value) -> str:
    return prices.prices_words(value) if value is not None else ""


@register.simple_tag
def projected_rows(rows: list, reasons: dict[str, str] | None = None, ranked: bool = False):
    """As ``occupation_rows``, with the projections' growth, openings (in
    thousands, as EP publishes them) and entry education; ``ranked`` numbers
    the rows. For tables that stack on phones: each cell says what it is."""
    reasons = reasons or {}
    not_projected = '<span class="fig-none">not projected</span>'
    return SafeString(
        "".join(
            "<tr>"
            + (f'<td class="num rank" data-label="Rank">{at}</td>' if ranked else "")
            + f'<th scope="row"><a href="{escape(row.occupation.url)}">'
            f"{escape(row.occupation.title)}</a> "
            f'<span class="meta">{escape(row.occupation.code)}</span>'
            + _reason(reasons.get(row.occupation.code, ""))
            + "</th>"
            f'<td class="num" data-label="Median pay">{fig(row.pay)}'
            f"{HOURLY if row.pay.datatype.is_hourly else ''}</td>"
            f'<td class="num" data-label="Jobs">{fig(row.employment)}</td>'
            f'<td class="num" data-label="Growth">{escape(row.growth_text) or not_projected}</td>'
            '<td class="num" data-label="Openings a year (thousands)">'
            f"{not_projected if row.openings is None else f'{row.openings:,.1f}'}</td>"
            f'<td data-label="Entry education">{escape(row.education) or "—"}</td></tr>'
            for at, row in enumerate(rows, start=1)
        )
    )


def _reason(said: str) -> str:
    return f' <span class="why-found">{escape(said[:1].upper() + said[1:])}</span>' if said else ""


@register.simple_tag
def ranked_rows(rows: list, *figures: str, link: str = "") -> SafeString:
    """The rows of a ranking table: the place or industry, then ``figures`` of it.

    With ``link`` (an occupation's address), each place links to the
    occupation's page for it: ``<link>in/<place>/``."""
    return mark_safe(
        "".join(
            f'<tr><th scope="row">{_name(row, link)}</th>'
            + "".join(f'<td class="num">{fig(getattr(row, name))}</td>' for name in figures)
            + "</tr>"
            for row in rows
        )
    )


def _name(row, link: str) -> str:
    if link and getattr(row, "slug", ""):
        return f'<a href="{escape(link)}in/{escape(row.slug)}/">{escape(row.name)}</a>'
    return escape(row.name)


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


@register.simple_tag
def top_code_note() -> SafeString:
    """What an "at least" wage means. BLS does publish wages above its bound
    (May 2025 has many); only the cells it marks top-coded are withheld."""
    codes = top_codes()
    return SafeString(
        "“At least”: for a wage it marks as top-coded, BLS publishes only that it is at "
        f"least {codes['top_hourly']} an hour or {codes['top_annual']} a year."
    )


def top_codes() -> dict[str, str]:
    return {
        "top_hourly": display.hourly(TOP_CODE_HOURLY),
        "top_annual": display.money(TOP_CODE_ANNUAL),
    }


@register.inclusion_tag("officialstats/includes/methodology_places.html")
def oews_places_method() -> dict:
    """The methodology's section on occupation x place pages: differences,
    ranks, the thin-page rule and how a wage is placed, from the code's own limits."""
    return {
        "min_percentiles": MIN_PERCENTILES,
        "max_employment_rse": MAX_EMPLOYMENT_RSE,
        "employment_margin": round(MAX_EMPLOYMENT_RSE * Z95),
        "max_wage_rse": MAX_WAGE_RSE,
        "neighbours": NEIGHBOURS,
        **top_codes(),
    }


@register.simple_tag
def spread_svg(chart: SpreadChart, title: str, caption: str, table_id: str) -> SafeString:
    """An occupation's pay spread drawn from ``officialstats.chart`` geometry;
    the table ``table_id`` holds the same figures.

    Written here rather than as a template: the chart has a dozen elements
    with a handful of values each, and every statistics page renders cold."""
    ticks = "".join(
        f'<line x1="{tick.x}" x2="{tick.x}" y1="{chart.plot_top}" y2="{chart.plot_bottom}">'
        f'</line><text class="tick" x="{tick.x}" y="{chart.axis_y}">{escape(tick.label)}</text>'
        for tick in chart.ticks
    )
    bars = []
    for bar in chart.bars:
        shape = ""
        if bar.drawn:
            median = " median" if bar.name == "Median" else ""
            shape = (
                f'<rect class="series-0{median}" x="{chart.plot_left}" y="{bar.y}" '
                f'width="{bar.width}" height="{bar.height}" rx="3"></rect>'
            )
            if bar.open_ended:
                points = bar.arrow_points
                shape += f'<polygon class="series-0 open-end" points="{points}"></polygon>'
        missing = "" if bar.drawn else " missing"
        bars.append(
            f'<g><text class="row-label" x="0" y="{bar.text_y}">{escape(bar.name)}</text>{shape}'
            f'<text class="bar-label{missing}" x="{bar.label_x}" y="{bar.text_y}">'
            f"{escape(bar.label)}</text></g>"
        )
    return SafeString(
        '<figure class="chart spread-chart">'
        f'<svg viewBox="0 0 {chart.width} {chart.height}" role="img" '
        'aria-labelledby="spread-title" aria-describedby="spread-desc" focusable="false">'
        f'<title id="spread-title">{escape(title)}</title>'
        f'<desc id="spread-desc">{escape(chart.description)}</desc>'
        f'<g class="chart-grid" aria-hidden="true">{ticks}</g>{"".join(bars)}</svg>'
        f'<figcaption>{escape(caption)} <a href="#{escape(table_id)}">The same figures as a '
        "table</a>.</figcaption></figure>"
    )
