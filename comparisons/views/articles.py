from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from comparisons.caching import cache_page_by_content
from comparisons.calculator import run_calculator
from comparisons.queries import find_comparison, load_article, load_home

from .calculator import render_with_calculator


@require_GET
@cache_page_by_content
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "home.html", {"page": load_home()})


@require_GET
@cache_page_by_content
def article(request: HttpRequest, slug: str) -> HttpResponse:
    comparison = find_comparison(slug)
    if comparison is None:
        raise Http404("No published comparison with this address.")
    calc = run_calculator(
        request.GET,
        action=comparison.get_absolute_url(),
        default_roles=(comparison.role_a, comparison.role_b),
    )
    return render_with_calculator(
        request,
        "comparisons/article.html",
        calc,
        lambda: {"page": load_article(comparison)},
    )
