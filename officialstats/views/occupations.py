"""The occupation pages and the occupation index, with its search."""

from __future__ import annotations

from django.core.paginator import InvalidPage
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.html import format_html
from django.views.decorators.http import require_safe

from core.links import title_links
from core.state import Shows

from ..chart import spread_chart
from ..geodata import atlas
from ..guidance.programs import onet_attribution
from ..lists import EDUCATION_SLUGS, OPENINGS, OUTLOOKS, Filters
from ..live import live_release
from ..maps import occupation_maps
from ..models import Occupation, Program
from ..queries.common import SORTS
from ..queries.index import (
    INDEX_SORTS,
    OccupationList,
    clean_query,
    load_occupation_index,
    words_of,
)
from ..queries.occupations import load_occupation_page
from ..queries.provenance import BLS_NOTICE
from ..queries.search import search_occupations
from ..seo import citation, index_meta, occupation_meta, source_name
from . import cache_by_release
from .links import compare_url, place_links
from .pay import pay_form, respond

INDEX = "officialstats/occupation_index.html"


def links(slug: str = "") -> dict[str, str]:
    """Addresses the page links to, reversed once rather than in the template."""
    methodology = reverse("methodology")
    urls = {"methodology_url": methodology}
    if slug:
        urls["json_url"] = reverse("officialstats:occupation_json", args=[slug])
        urls["csv_url"] = reverse("officialstats:occupation_csv", args=[slug])
    return urls


def cite(release_name: str, methodology_url: str) -> str:
    """The line under each block of figures: its source, linked to how we use it."""
    return format_html(
        '<p class="cite">Source: <a href="{}#official-heading">{}</a></p>',
        methodology_url,
        source_name(release_name),
    )


def canonical(request: HttpRequest, **values: str | None) -> bool:
    """Whether the query string holds only ``values``, written as the page's
    own links write them (None: absent), so the page cache keeps one copy."""
    given = {name: request.GET.get(name) for name in values}
    return set(request.GET) <= set(values) and given == values


def two_states_url(page) -> str:
    """Compare places, starting with the two states that employ the most."""
    top = page.states.by_employment[:2]
    return compare_url(page.occupation.slug, top if len(top) > 1 else [])


@require_safe
@cache_by_release(params=("sort",))
def occupation(request: HttpRequest, slug: str) -> HttpResponse:
    sort = request.GET.get("sort", "")
    page = load_occupation_page(slug, sort)
    if page is None:
        raise Http404("No occupation with this address.")
    form = pay_form(request.GET)

    def page_context(answer) -> dict:
        urls = links(slug)
        state_links = place_links(slug, [row.slug for row in page.by_state if row.estimated])
        return {
            **urls,
            "page": page,
            "meta": occupation_meta(request, page, noindex=form is not None),
            "cite": cite(page.release.name, urls["methodology_url"]),
            "citation": citation(page.release.name),
            "onet_attribution": (
                onet_attribution(page.work.release.name) if page.work is not None else ""
            ),
            "notice": BLS_NOTICE,
            "chart": spread_chart(
                page.spread(), hourly=page.hourly_only, subject=page.occupation.title
            ),
            "sort": sort if sort in SORTS else "",
            "sorts": SORTS,
            "pay_action": page.occupation.url,
            "pay_subject": page.occupation.title + " in the United States",
            "maps": occupation_maps(
                page.by_state,
                atlas().shapes,
                subject=page.occupation.title,
                release=page.release.name,
                hourly=page.hourly_only,
                location_quotient=page.occupation.level != Occupation.Level.TOTAL,
                links=state_links,
            ),
            "compare_url": two_states_url(page),
            "links": state_links,
        }

    return respond(
        request,
        "officialstats/occupation.html",
        form,
        [("nationally", page.figures, "")],
        page_context,
        canonical={"sort": sort if page.children and sort in SORTS else None},
        subject=(page.occupation.code, ""),
    )


def status(listing: OccupationList | None) -> str:
    """What a screen reader hears when the results change."""
    if listing is None:
        return ""
    count = listing.page.paginator.count
    if listing.query:
        return f"{count} occupation{pluralize(count)} matching “{listing.query}”"
    order = INDEX_SORTS.get(listing.sort, "title")
    narrowed = f" {listing.filters.said}," if listing.filters else ""
    return f"{count} detailed occupations{narrowed} by {order}, page {listing.page.number}"


@require_safe
@cache_by_release(params=("sort", "page", "education", "outlook", "openings"))
def occupation_index(request: HttpRequest) -> HttpResponse:
    """Browse every detailed occupation, narrowed by the projections' figures
    if asked, or search titles; htmx swaps in the results."""
    query = clean_query(request.GET.get("q", ""))
    sort = request.GET.get("sort", "")
    filters = Filters.read(request.GET)
    try:
        if query:
            listing = search_occupations(query, sort, request.GET.get("page"), filters)
        else:
            listing = load_occupation_index(sort, request.GET.get("page"), filters)
    except InvalidPage as error:
        raise Http404("No such page of occupations.") from error
    partial = bool(request.htmx) and not request.htmx.history_restore_request
    projections = live_release(Program.EP)
    context = {
        "listing": listing,
        "guides": title_links(words_of(query)) if query else [],
        "partial": partial,
        "status": status(listing),
        "query": query,
        "sorts": INDEX_SORTS if projections else SORTS,
        "projections_span": projections.name if projections else "",
        "filters": filters,
        "educations": EDUCATION_SLUGS,
        "outlooks": OUTLOOKS,
        "openings": OPENINGS,
        "lists_url": reverse("officialstats:list_index"),
        "source": source_name(listing.release.name) if listing else "",
        "cite": cite(listing.release.name, links()["methodology_url"]) if listing else "",
    }
    if not partial:
        context["meta"] = index_meta(request, listing)
    response = render(request, f"{INDEX}#results" if partial else INDEX, context)
    patch_vary_headers(response, ("HX-Request", "HX-History-Restore-Request"))
    if listing is not None and listing.query:
        response["X-Robots-Tag"] = "noindex"
        response.page_shows = Shows.EVERYTHING  # the editors' roles named like the search
    number = listing.page.number if listing is not None else 1
    response.cache_by_content = not query and canonical(
        request,
        sort=listing.sort or None if listing else None,
        page=str(number) if number > 1 else None,
        **{name: filters.query().get(name) for name in ("education", "outlook", "openings")},
    )
    return response
