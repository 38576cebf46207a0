"""The lists readers look for: fastest growing, most openings, best paid by
entry education (``officialstats.lists``), each a page of its own."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from ..figures import State
from ..lists import EDUCATION_SLUGS, LISTS, TOP, CareerList
from ..live import live_release
from ..models import Program
from ..outlook import signed
from ..queries.common import occupations_path
from ..queries.index import everyone_growth, load_list
from ..seo import list_meta, lists_index_meta, source_name
from . import cache_by_release
from .occupations import cite, links


@require_safe
@cache_by_release
def list_index(request: HttpRequest) -> HttpResponse:
    by_education = [LISTS[f"best-paid-{slug}"] for slug in EDUCATION_SLUGS]
    general = [found for found in LISTS.values() if found not in by_education]
    return render(
        request,
        "officialstats/list_index.html",
        {"general": general, "by_education": by_education, "meta": lists_index_meta(request)},
    )


def everyone_text(found: CareerList) -> str | None:
    """All occupations' projected change, for a list drawn against it ("+3.1%")."""
    if found.filters.outlook != "faster":
        return None
    growth = everyone_growth()
    return signed(growth) if growth is not None else None


@require_safe
@cache_by_release
def career_list(request: HttpRequest, slug: str) -> HttpResponse:
    found = LISTS.get(slug)
    if found is None:
        raise Http404("No such list.")
    projections = live_release(Program.EP)
    drawable = projections is not None or not found.needs_projections
    listing = load_list(found) if drawable else None
    methodology = links()["methodology_url"]
    return render(
        request,
        "officialstats/career_list.html",
        {
            "career_list": found,
            "drawable": drawable,
            "listing": listing,
            "top": TOP,
            "everyone": everyone_text(found),
            "projections": projections,
            "source": source_name(listing.release.name) if listing else "",
            "cite": cite(listing.release.name, methodology) if listing else "",
            "methodology_url": methodology,
            "full_url": f"{occupations_path()}?{urlencode(found.index_query())}",
            "others": [other for other in LISTS.values() if other != found],
            "top_coded": listing is not None
            and any(row.pay.state is State.TOP_CODED for row in listing.rows),
            "meta": list_meta(request, found, listing),
        },
    )
