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
from officialstats.geodata import atlas, placements, shape_defs
from officialstats.geography import ABBREVIATIONS
from officialstats.maps import Region, StateMap
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


# The row of boxes under a map for the states too small to tap or label.
BOX_WIDTH, BOX_HEIGHT, BOX_GAP, ROW_GAP = 40, 30, 3, 8


@register.simple_tag
def state_map_svg(state_map: StateMap) -> SafeString:
    """One map: each state a ``<use>`` of its shape, in its class, named with
    its figure (a ``<title>``: screen readers read it, pointers show it) and,
    where BLS has an estimate, a link to the occupation's page for it; each
    figure written on its state, and the smallest states (``placements``)
    repeated in a row of boxes under the map, large enough to tap.

    The map's links are out of the tab order (``tabindex="-1"``): the table of
    the same figures under the map has the same links, one per row."""
    shapes = atlas()
    placed = placements()
    key = state_map.id
    drawn, labels, boxes = [], [], []
    small = [region for region in state_map.regions if placed[region.fips].small]
    small.sort(key=lambda region: placed[region.fips].y)
    for region in state_map.regions:
        title = f"<title>{escape(region.label)}</title>"
        use = f'<use href="#{shapes.element_id(region.fips)}" class="{region.css}"'
        spot = placed[region.fips]
        if region.href and not spot.small:
            drawn.append(f"{_link(region)}{title}{use}></use></a>")
        else:
            drawn.append(f'{use} role="img">{title}</use>')
        if region.short and not spot.small:
            labels.append(
                f'<text x="{spot.x:.0f}" y="{spot.y + 2.5:.0f}">{escape(region.short)}</text>'
            )
    top = shapes.height + ROW_GAP
    left = shapes.width - len(small) * (BOX_WIDTH + BOX_GAP) + BOX_GAP
    for index, region in enumerate(small):
        x = left + index * (BOX_WIDTH + BOX_GAP)
        cx = x + BOX_WIDTH / 2
        box = (
            f'<rect x="{x}" y="{top}" width="{BOX_WIDTH}" height="{BOX_HEIGHT}" rx="2"'
            f' class="{region.css}"></rect>'
            f'<text class="abbr" x="{cx:.0f}" y="{top + 12}">{ABBREVIATIONS[region.fips]}</text>'
            + (
                f'<text x="{cx:.0f}" y="{top + 24}">{escape(region.short)}</text>'
                if region.short
                else ""
            )
        )
        if region.href:
            boxes.append(f"{_link(region)}<title>{escape(region.label)}</title>{box}</a>")
        else:
            boxes.append(f'<g role="img" aria-label="{escape(region.label)}">{box}</g>')
    height = top + BOX_HEIGHT if small else shapes.height
    return SafeString(
        f'<svg viewBox="0 0 {shapes.width} {height}" role="group"'
        f' aria-labelledby="{key}-title" aria-describedby="{key}-desc">'
        f'<title id="{key}-title">{escape(state_map.title)}</title>'
        f'<desc id="{key}-desc">{escape(state_map.description)}</desc>'
        f'<g class="regions">{"".join(drawn)}</g>'
        f'<g class="labels" aria-hidden="true">{"".join(labels)}</g>'
        f'<g class="small-states">{"".join(boxes)}</g></svg>'
    )


def _link(region: Region) -> str:
    return f'<a href="{escape(region.href)}" tabindex="-1" aria-label="{escape(region.label)}">'


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
