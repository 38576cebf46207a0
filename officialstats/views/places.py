"""The places' pages: the index of states and areas, a place's occupations,
and an occupation's page for one place (with "Where does my pay fall?")."""

from __future__ import annotations

from django.core.paginator import InvalidPage
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_safe

from core.state import Shows

from ..chart import spread_chart
from ..models import Area
from ..queries.areas import places_path
from ..queries.common import SORTS as PEER_SORTS
from ..queries.common import occupations_path
from ..queries.occupation_places import OccupationPlacePage, load_occupation_place, sort_peers
from ..queries.places import SORTS, PlaceIndex, clean_query, load_place_index, load_place_page
from ..queries.provenance import BLS_NOTICE
from ..reliability import thresholds
from ..seo import citation, source_name
from ..seo_places import occupation_place_meta, place_index_meta, place_meta
from ..thin import MAX_EMPLOYMENT_RSE, MAX_WAGE_RSE, MIN_PERCENTILES
from . import cache_by_release, pay
from .links import compare_url
from .occupations import canonical, cite, links

INDEX = "officialstats/place_index.html"
SORTABLE = 5  # areas in a list before it offers to sort them
NATION_SLUG = "united-states"


def index_status(index: PlaceIndex | None) -> str:
    """What a screen reader hears when the results change."""
    if index is None:
        return ""
    if index.query:
        areas, states = index.areas, index.states
        found = [f"{areas} area{pluralize(areas)}"]
        if states:
            found.insert(
                0, f"{states} state{pluralize(states)} or territor{pluralize(states, 'y,ies')}"
            )
        return f"{' and '.join(found)} matching “{index.query}”"
    return f"{len(index.groups)} states and territories, {index.areas} areas"


@require_safe
@cache_by_release
def place_index(request: HttpRequest) -> HttpResponse:
    """Every state and area, grouped by state; htmx narrows it as the reader types."""
    query = clean_query(request.GET.get("q", ""))
    index = load_place_index(query)
    partial = bool(request.htmx) and not request.htmx.history_restore_request
    context = {
        "index": index,
        "partial": partial,
        "status": index_status(index),
        "query": query,
        "cite": cite(index.release.name, links()["methodology_url"]) if index else "",
    }
    if not partial:
        context["meta"] = place_index_meta(request, index)
    response = render(request, f"{INDEX}#results" if partial else INDEX, context)
    patch_vary_headers(response, ("HX-Request", "HX-History-Restore-Request"))
    if query:
        response["X-Robots-Tag"] = "noindex"
        response.page_shows = Shows.EVERYTHING  # place aliases are edited like content
    response.cache_by_content = not query and not request.GET
    return response


@require_safe
@cache_by_release(params=("sort", "page"))
def place(request: HttpRequest, slug: str) -> HttpResponse:
    if slug == NATION_SLUG:  # the nation's figures are the occupation pages'
        return HttpResponsePermanentRedirect(occupations_path())
    sort = request.GET.get("sort", "")
    try:
        page = load_place_page(slug, sort, request.GET.get("page"))
    except InvalidPage as error:
        raise Http404("No such page of occupations.") from error
    if page is None:
        raise Http404("No state or area with this address.")
    context = {
        **links(),
        "page": page,
        "meta": place_meta(request, page),
        "cite": cite(page.release.name, links()["methodology_url"]),
        "sorts": SORTS,
        "sort": page.sort,
        "citation": citation(page.release.name),
        "notice": BLS_NOTICE,
        "places_url": places_path(),
    }
    response = render(request, "officialstats/place.html", context)
    number = page.page.number
    response.cache_by_content = canonical(
        request, sort=page.sort or None, page=str(number) if number > 1 else None
    )
    return response


@require_safe
@cache_by_release
def occupation_place(request: HttpRequest, slug: str, place: str) -> HttpResponse:
    """One occupation in one state or area."""
    if place == NATION_SLUG:
        return HttpResponsePermanentRedirect(f"{occupations_path()}{slug}/")
    page = load_occupation_place(slug, place)
    if page is None:
        raise Http404("BLS publishes no estimate of this occupation for this place.")
    form = pay.pay_form(request.GET)
    sort = request.GET.get("sort", "")
    sort = sort if sort in PEER_SORTS else ""

    def context(_answer) -> dict:
        found = occupation_place_context(request, page, noindex=form is not None or bool(sort))
        in_state = sort_peers(page.in_state, sort)
        sortable = len(in_state) >= SORTABLE
        return {
            **found,
            "sort": sort,
            "sorts": PEER_SORTS,
            "in_state": in_state,
            "sortable": sortable,
        }

    return pay.respond(
        request,
        "officialstats/occupation_place.html",
        form,
        pay_places(page),
        context,
        canonical={"sort": sort or None},
        subject=(page.occupation.code, page.place.slug),
        parity=(
            (page.prices.parity.all_items, page.prices.release.name)
            if page.prices and page.prices.parity and page.prices.parity.all_items
            else None
        ),
    )


def pay_places(page: OccupationPlacePage) -> list[tuple[str, dict, str]]:
    """Where a reader's wage is placed: here, in the state, in the nation."""
    places = [(page.place.in_phrase, page.here.figures, "")]
    if page.state_figures is not None:
        state = page.state
        places.append((state.in_phrase, page.state_figures.figures, _in(page, state.slug)))
    places.append(("nationally", page.nation.figures, page.occupation.url))
    return places


def _in(page: OccupationPlacePage, place_slug: str) -> str:
    return f"{page.occupation.url}in/{place_slug}/"


def compare_here_url(page: OccupationPlacePage) -> str:
    """Compare places with this one chosen, beside the place of its kind that
    pays most (or, where this is that place, the next)."""
    best = next((row for row in page.top.by_pay if row.slug != page.place.slug), None)
    chosen = [page.place] if best is None else [page.place, best]
    return compare_url(page.occupation.slug, chosen)


def occupation_place_context(
    request: HttpRequest, page: OccupationPlacePage, *, noindex: bool
) -> dict:
    names = {"slug": page.occupation.slug, "place": page.place.slug}
    urls = {
        **links(),
        "json_url": reverse("officialstats:occupation_place_json", kwargs=names),
        "csv_url": reverse("officialstats:occupation_place_csv", kwargs=names),
    }
    return {
        **urls,
        "page": page,
        "meta": occupation_place_meta(request, page, noindex=noindex or not page.indexable),
        "cite": cite(page.release.name, urls["methodology_url"]),
        "citation": citation(page.release.name),
        "source": source_name(page.release.name),
        "notice": BLS_NOTICE,
        "chart": spread_chart(
            page.spread(),
            hourly=page.hourly_only,
            subject=f"{page.occupation.title} {page.place.in_phrase}",
        ),
        "compare_url": compare_here_url(page),
        "pay_action": page.url,
        "pay_subject": f"{page.occupation.title} {page.place.in_phrase}",
        "thin_rule": {
            "percentiles": MIN_PERCENTILES,
            "employment_rse": MAX_EMPLOYMENT_RSE,
            "wage_rse": MAX_WAGE_RSE,
        },
        "bands": thresholds(),
        "places_url": places_path(),
        "state_kind": Area.Kind.STATE,
    }
