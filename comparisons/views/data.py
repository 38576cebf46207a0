"""Open data: every figure of a role or comparison as JSON or CSV, with sources."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_GET

from comparisons.caching import cache_page_by_content
from comparisons.opendata import LICENSE_LINK, claim_rows, document, role_rows, to_csv
from comparisons.queries import load_article
from comparisons.queries.roles import load_role_page
from comparisons.seo import base_url_of

from .articles import comparison_for


def _respond(request: HttpRequest, kind: str, title: str, url: str, rows: list[dict]):
    if kind == "csv":
        response = HttpResponse(to_csv(rows), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = (
            f'inline; filename="{url.strip("/").replace("/", "-")}.csv"'
        )
    else:
        response = JsonResponse(
            document(title, base_url_of(request) + url, rows),
            json_dumps_params={"ensure_ascii": False, "indent": 2},
        )
    response["Link"] = LICENSE_LINK
    return response


@require_GET
@cache_page_by_content
def role_data(request: HttpRequest, slug: str, kind: str) -> HttpResponse:
    """``kind`` is "json" or "csv", fixed by the URL pattern."""
    page = load_role_page(slug)
    if page is None:
        raise Http404("No role with this address.")
    rows = role_rows(page.profile, page.factors)
    return _respond(request, kind, page.role.name, page.role.get_absolute_url(), rows)


@require_GET
@cache_page_by_content
def comparison_data(request: HttpRequest, slug: str, kind: str) -> HttpResponse:
    comparison, canonical = comparison_for(slug)
    if canonical:
        return redirect(f"comparisons:comparison_{kind}", slug=canonical, permanent=True)
    page = load_article(comparison)
    factors = [shared for group in page.factor_groups for shared in group.factors]
    rows = [row for profile in page.profiles for row in role_rows(profile, factors)]
    rows += claim_rows(page.claims)
    response = _respond(request, kind, comparison.title, comparison.get_absolute_url(), rows)
    if page.generated:
        response["X-Robots-Tag"] = "noindex"
    return response
