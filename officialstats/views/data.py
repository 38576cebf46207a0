"""An occupation page's figures as JSON or CSV, and an occupation x place page's."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

from core.downloads import download, in_kind_when_missing
from core.seo import base_url_of

from ..opendata import COLUMNS, about, guidance_sources, occupation_place_rows, occupation_rows
from ..queries.occupation_places import load_occupation_place
from ..queries.occupations import load_occupation_page
from . import cache_by_release


@require_safe
@in_kind_when_missing
@cache_by_release
def occupation_data(request: HttpRequest, slug: str, kind: str) -> HttpResponse:
    """``kind`` is "json" or "csv", fixed by the URL pattern."""
    page = load_occupation_page(slug)
    if page is None:
        raise Http404("No occupation with this address.")
    describe = {
        "title": page.occupation.title,
        "soc_code": page.occupation.code,
        "page": base_url_of(request) + page.occupation.url,
        "source": about(page),
        "other_sources": guidance_sources(page),
    }
    return download(
        kind, occupation_rows(page), COLUMNS, filename=f"occupation-{slug}", describe=describe
    )


@require_safe
@in_kind_when_missing
@cache_by_release
def occupation_place_data(request: HttpRequest, slug: str, place: str, kind: str) -> HttpResponse:
    page = load_occupation_place(slug, place)
    if page is None:
        raise Http404("BLS publishes no estimate of this occupation for this place.")
    describe = {
        "title": f"{page.occupation.title} {page.place.in_phrase}",
        "soc_code": page.occupation.code,
        "place": page.place.name,
        "place_kind": page.place.kind,
        "page": base_url_of(request) + page.url,
        "source": about(page),
    }
    return download(
        kind,
        occupation_place_rows(page),
        COLUMNS,
        filename=f"{slug}-in-{place}",
        describe=describe,
    )
