"""Where an occupation's pay goes furthest: ranked by pay and by pay at
national prices, with a map of the states at national prices."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from core.seo import PageMeta, base_url_of, home_crumb, shorten

from .. import display
from ..figures import Datatype, Footnote, figure
from ..geodata import atlas
from ..maps import pay_map
from ..queries.furthest import Furthest, load_furthest
from ..queries.states import StateRow
from ..seo import index_crumb
from . import cache_by_release
from .occupations import cite, links

MAP_METHOD = (
    "Each state's median divided by BEA's price level there, times 100; classes by quantile. "
    "A top-coded median, only a lower bound, is left unshaded."
)


def state_rows_at_national_prices(page: Furthest) -> list[StateRow]:
    """The states as the map reads them: pay at national prices, to the dollar
    (to the cent by the hour)."""
    datatype = Datatype.HOURLY_MEDIAN if page.hourly else Datatype.ANNUAL_MEDIAN
    nothing = figure(datatype, None, int(Footnote.NOT_RELEASED))
    rows = []
    for place in page.states:
        pay = place.worth.figure() if place.worth is not None else nothing
        rows.append(StateRow(place.state_code, place.name, place.slug, True, pay, pay, pay))
    return rows


def place_label(place) -> str:
    """What a state's shape says at national prices."""
    if place.worth is not None:
        return place.worth.text
    return "no price level" if place.parity is None else display.text(place.median)


def meta(request: HttpRequest, page: Furthest) -> PageMeta:
    title = f"Where {page.occupation.title} pay goes furthest"
    path = reverse("officialstats:furthest", args=[page.occupation.slug])
    return PageMeta(
        title=title,
        description=shorten(
            f"{page.occupation.title}: median pay in every state and metropolitan area beside "
            "what it is worth at national prices (BEA's price levels), ranked both ways."
        ),
        path=path,
        breadcrumbs=[
            home_crumb(),
            index_crumb(),
            (page.occupation.title, page.occupation.url),
            ("Where pay goes furthest", path),
        ],
        base_url=base_url_of(request),
        noindex=not page.indexable,
    )


@require_safe
@cache_by_release
def furthest(request: HttpRequest, slug: str) -> HttpResponse:
    page = load_furthest(slug)
    if page is None:
        raise Http404("No occupation with this address.")
    urls = links()
    said = {p.slug: place_label(p) for p in page.states}
    state_map = None
    if page.prices is not None and page.states:
        state_map = pay_map(
            state_rows_at_national_prices(page),
            atlas().shapes,
            subject=page.occupation.title,
            release=page.release.name,
            hourly=page.hourly,
            title=(
                f"Median pay of {page.occupation.title} at national prices by state, "
                f"{page.release.name} pay and {page.prices.name} prices"
            ),
            method=MAP_METHOD,
            label=lambda row: said.get(row.slug, ""),
            top_coded=False,
        )
    return render(
        request,
        "officialstats/furthest.html",
        {
            "page": page,
            "meta": meta(request, page),
            "map": state_map,
            "cite": cite(page.release.name, urls["methodology_url"]),
            "methodology_url": urls["methodology_url"],
        },
    )
