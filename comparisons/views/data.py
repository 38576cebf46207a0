"""Open data: every figure of a role or comparison as JSON or CSV, with sources."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_safe

from comparisons.opendata import COLUMNS, claim_rows, official_rows, role_rows
from comparisons.queries import load_article
from comparisons.queries.roles import load_role_page
from core.downloads import download, in_kind_when_missing, licence
from core.pages import cache_page
from core.seo import base_url_of

from .articles import comparison_for


def _respond(request: HttpRequest, kind: str, title: str, url: str, rows: list[dict]):
    page = base_url_of(request) + url
    return download(
        kind,
        rows,
        COLUMNS,
        filename=url.strip("/").replace("/", "-"),
        describe={"title": title, "page": page, **licence(page)},
    )


@require_safe
@in_kind_when_missing
@cache_page
def role_data(request: HttpRequest, slug: str, kind: str) -> HttpResponse:
    """``kind`` is "json" or "csv", fixed by the URL pattern."""
    page = load_role_page(slug)
    if page is None:
        raise Http404("No role with this address.")
    rows = role_rows(page.profile, page.factors) + official_rows(page.official)
    return _respond(request, kind, page.role.name, page.role.get_absolute_url(), rows)


@require_safe
@in_kind_when_missing
@cache_page
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
