"""Open data: every figure of a role or comparison as JSON or CSV, with sources."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from functools import wraps

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_safe

from comparisons.caching import cache_page_by_content, content_and_release_state
from comparisons.opendata import (
    LICENSE_LINK,
    claim_rows,
    document,
    official_rows,
    role_rows,
    to_csv,
)
from comparisons.queries import load_article
from comparisons.queries.roles import load_role_page
from comparisons.seo import base_url_of

from .articles import comparison_for

FORMATS = ("json", "csv")
NOT_FOUND = "Nothing is published at this address."


def not_found(kind: str, message: str = NOT_FOUND) -> HttpResponse:
    """A 404 in the format the address asked for: a script that fetched a
    download gets an answer it can parse, not the HTML error page."""
    if kind == "csv":
        body = io.StringIO()
        csv.writer(body).writerows([["error"], [message]])
        return HttpResponse(body.getvalue(), status=404, content_type="text/csv; charset=utf-8")
    return JsonResponse({"error": message, "status": 404}, status=404)


def in_kind_when_missing(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Turns the view's Http404 into :func:`not_found` for its ``kind``."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, kind: str, **kwargs) -> HttpResponse:
        try:
            return view(request, *args, kind=kind, **kwargs)
        except Http404 as error:
            return not_found(kind, str(error) or NOT_FOUND)

    return wrapper


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


@require_safe
@in_kind_when_missing
@cache_page_by_content(state=content_and_release_state)
def role_data(request: HttpRequest, slug: str, kind: str) -> HttpResponse:
    """``kind`` is "json" or "csv", fixed by the URL pattern."""
    page = load_role_page(slug)
    if page is None:
        raise Http404("No role with this address.")
    rows = role_rows(page.profile, page.factors) + official_rows(page.official)
    return _respond(request, kind, page.role.name, page.role.get_absolute_url(), rows)


@require_safe
@in_kind_when_missing
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
