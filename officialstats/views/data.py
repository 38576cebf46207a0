"""An occupation page's figures as JSON or CSV."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.http import require_safe

from comparisons.opendata import to_json
from comparisons.seo import base_url_of
from comparisons.views.data import in_kind_when_missing

from ..opendata import about, occupation_rows, to_csv
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
    rows = occupation_rows(page)
    if kind == "csv":
        response = HttpResponse(to_csv(rows), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'inline; filename="occupation-{slug}.csv"'
        return response
    return JsonResponse(
        {
            "title": page.occupation.title,
            "soc_code": page.occupation.code,
            "page": base_url_of(request) + page.occupation.url,
            "source": about(page),
            "figures": to_json(rows),
        },
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )
