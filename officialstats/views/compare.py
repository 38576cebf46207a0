"""One occupation in two to four places, side by side: ``/occupations/<slug>/places/?p=...``.

Without JavaScript, a plain GET form adds a place and links remove one;
with htmx the same form and links swap the comparison in place (the page's
``comparison`` partial) and push its address. Either way the address is the
canonical one: a plain request that names the right places in another
order (or with other parameters) is redirected to it, and an htmx one is
given it to push (``HX-Push-Url``). Only that address is cached; one that
needs a message (an unknown place, a duplicate, a fifth place) is answered
with the message and not cached. Every comparison is ``noindex``: the
figures are the place pages' own, in endless combinations.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_safe

from core.seo import PageMeta, base_url_of, home_crumb, shorten

from ..compare import MAX_PLACES, PARAM, compare_rows, national_prices_row, query_string
from ..figures import Datatype
from ..queries.compare import ComparePage, load_compare_places
from ..seo import index_crumb, source_name
from . import cache_by_release
from .links import place_links
from .occupations import cite
from .occupations import links as site_links

TEMPLATE = "officialstats/compare_places.html"


def with_national_prices(page: ComparePage) -> list:
    """The figures' rows, with pay at national prices after the median where
    BEA publishes a price level for a place chosen."""
    rows = compare_rows(
        [(item.place.name, item.figures) for item in page.places],
        page.nation,
        hourly=page.hourly_only,
    )
    median = Datatype.HOURLY_MEDIAN if page.hourly_only else Datatype.ANNUAL_MEDIAN
    priced = national_prices_row(
        [(item.place.name, item.figures[median], item.parity) for item in page.places],
        page.nation[median],
        hourly=page.hourly_only,
    )
    if priced is None or page.prices is None:
        return rows
    at = next(i for i, row in enumerate(rows) if row.label == "Median") + 1
    return [*rows[:at], priced, *rows[at:]]


def _names(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def title(page: ComparePage) -> str:
    names = [item.place.name for item in page.places]
    if not names:
        return f"{page.occupation.title}: compare pay in two to four places"
    return f"{page.occupation.title} in {_names(names)}: pay compared"


def status(page: ComparePage) -> str:
    """What a screen reader hears when the comparison changes."""
    names = [item.place.name for item in page.places]
    if not names:
        return "No places chosen yet."
    return f"Comparing {page.occupation.title} in {_names(names)} and the United States."


def meta(request: HttpRequest, page: ComparePage, path: str) -> PageMeta:
    occupation = page.occupation
    return PageMeta(
        title=title(page),
        description=shorten(
            f"{occupation.title} (SOC {occupation.code}) in up to {MAX_PLACES} states and "
            f"areas side by side: jobs, location quotient and each wage percentile, with the "
            f"differences worked out ({source_name(page.release.name)})."
        ),
        path=path,
        breadcrumbs=[
            home_crumb(),
            index_crumb(),
            (occupation.title, occupation.url),
            ("Compare places", reverse("officialstats:compare_places", args=[occupation.slug])),
        ],
        base_url=base_url_of(request),
        noindex=True,
    )


@require_safe
@cache_by_release(params=(PARAM,))
def compare_places(request: HttpRequest, slug: str) -> HttpResponse:
    page = load_compare_places(slug, request.GET.getlist(PARAM))
    if page is None:
        raise Http404("No occupation with this address.")
    base = reverse("officialstats:compare_places", args=[slug])
    address = base + query_string(page.choice.slugs)
    partial = bool(request.htmx) and not request.htmx.history_restore_request
    canonical = page.choice.canonical and set(request.GET) <= {PARAM}
    if not canonical and not page.choice.messages and not partial:
        return HttpResponseRedirect(address)
    urls = site_links()
    links = place_links(slug, page.choice.slugs)
    names = [item.place.name for item in page.places]
    context = {
        **urls,
        "page": page,
        "meta": meta(request, page, address),
        "partial": partial,
        "status": status(page),
        "base_url": base,
        "rows": with_national_prices(page),
        "chosen": [
            (
                place,
                base + query_string([s for s in page.choice.slugs if s != place.slug]),
                links.get(place.slug),
            )
            for place in page.choice.places
        ],
        "names": _names(names),
        "full": len(page.places) >= MAX_PLACES,
        "max_places": MAX_PLACES,
        "cite": cite(page.release.name, urls["methodology_url"]),
    }
    response = render(request, f"{TEMPLATE}#comparison" if partial else TEMPLATE, context)
    patch_vary_headers(response, ("HX-Request", "HX-History-Restore-Request"))
    response["X-Robots-Tag"] = "noindex"
    if partial:
        response["HX-Push-Url"] = address
    response.cache_by_content = canonical
    return response
