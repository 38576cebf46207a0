"""The state maps' markup: ``{% load statemaps %}``.

Written here rather than as template loops: a page draws 51 regions per map
and a table row per state, and statistics pages render cold. Every name and
label is escaped (by the standard library's ``html.escape``: they are plain
strings, and Django's wrapper costs more); the shapes are sent once a page
(``{% map_shapes %}``) and each map draws them with ``<use>``.
"""

from __future__ import annotations

from html import escape

from django import template
from django.utils.safestring import SafeString

from officialstats import display
from officialstats.figures import Figure
from officialstats.geodata import atlas, shape_defs
from officialstats.maps import StateMap
from officialstats.queries.states import StateRow

from .officialstats import fig, top_codes

register = template.Library()

NO_ESTIMATE = '<span class="fig-none">no estimate</span>'
# The columns' headers (state_maps.html), beside each cell where the table
# stacks on a phone.
JOBS, LQ = "Jobs", "Location quotient"
# Fills for the states without a figure (hatched) and with a top-coded one
# (dotted), drawn in the page's colours by the stylesheet.
PATTERNS = (
    '<pattern id="map-hatch" width="4" height="4" patternUnits="userSpaceOnUse"'
    ' patternTransform="rotate(45)"><rect class="hatch-ground" width="4" height="4"></rect>'
    '<path class="hatch-line" d="M1 0v4"></path></pattern>'
    '<pattern id="map-top" width="4" height="4" patternUnits="userSpaceOnUse">'
    '<rect class="top-ground" width="4" height="4"></rect>'
    '<circle class="top-dot" cx="2" cy="2" r="0.8"></circle></pattern>'
)


@register.simple_tag
def map_shapes() -> SafeString:
    """Once a page, before its maps: every state's shape and the fill patterns,
    in an SVG that takes no room and that assistive technology skips."""
    return SafeString(
        '<svg class="map-shapes" width="0" height="0" aria-hidden="true" focusable="false">'
        f"<defs>{shape_defs()}{PATTERNS}</defs></svg>"
    )


@register.simple_tag
def state_map_svg(state_map: StateMap) -> SafeString:
    """One map: each state a ``<use>`` of its shape, in its class, named with
    its figure (a ``<title>``: screen readers read it, pointers show it)."""
    shapes = atlas()
    key = state_map.id
    regions = "".join(
        f'<use href="#{shapes.element_id(region.fips)}" class="{region.css}" role="img">'
        f"<title>{escape(region.label)}</title></use>"
        for region in state_map.regions
    )
    return SafeString(
        f'<svg viewBox="0 0 {shapes.width} {shapes.height}" role="group"'
        f' aria-labelledby="{key}-title" aria-describedby="{key}-desc">'
        f'<title id="{key}-title">{escape(state_map.title)}</title>'
        f'<desc id="{key}-desc">{escape(state_map.description)}</desc>'
        f'<g class="regions">{regions}</g></svg>'
    )


def plain(figure: Figure) -> str:
    """A figure as ``fig`` writes it, a published value without its ``<data>``
    element: the table has 162 of them, and the page a size budget."""
    return display.text(figure) if figure.published else fig(figure)


@register.simple_tag
def state_table_rows(
    rows: list[StateRow], pay_label: str, links: dict[str, str] | None = None
) -> SafeString:
    """The table beside the maps: each state's median pay (its column headed
    ``pay_label``), jobs and location quotient, as on the maps; a state's name
    links to ``links[slug]`` if given."""
    links = links or {}
    labels = (pay_label, JOBS, LQ)
    out = []
    for row in rows:
        name = escape(row.name)
        if row.slug in links:
            name = f'<a href="{escape(links[row.slug])}">{name}</a>'
        if row.estimated:
            cells = (
                plain(row.pay),
                plain(row.employment),
                plain(row.location_quotient),
            )
        else:
            cells = (NO_ESTIMATE,) * 3
        out.append(
            f'<tr><th scope="row">{name}</th>'
            + "".join(
                f'<td class="num" data-label="{label}">{cell}</td>'
                for label, cell in zip(labels, cells, strict=True)
            )
            + "</tr>"
        )
    return SafeString("".join(out))


@register.inclusion_tag("officialstats/includes/methodology_maps.html")
def maps_methodology() -> dict:
    """The methodology page's section on the maps and comparing places."""
    return {"atlas": atlas(), **top_codes()}
