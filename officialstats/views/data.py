"""An occupation page's figures as JSON or CSV, and an occupation x place page's."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.http import require_safe

from comparisons.opendata import to_json
from comparisons.seo import base_url_of
from comparisons.views.data import in_kind_when_missing

from ..opendata import about, occupation_place_rows, occupation_rows, to_csv
from ..queries.occupation_places import load_occupation_place
from ..queries.occupations import load_occupation_page
from . import cache_by_release


def download(rows: list[dict], kind: str, filename: str, describe: dict) -> HttpResponse:
    if kind == "csv":
        response = HttpResponse(to_csv(rows), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'inline; filename="{filename}.csv"'
        return response
    return JsonResponse(
        {**describe, "figures": to_json(rows)},
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )


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
    }
    return download(occupation_rows(page), kind, f"occupation-{slug}", describe)


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
    return download(occupation_place_rows(page), kind, f"{slug}-in-{place}", describe)
