from __future__ import annotations

from django.contrib.admin.views.decorators import staff_member_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_GET

from comparisons.caching import cache_page_by_content
from comparisons.calculator import run_calculator
from comparisons.models import Comparison
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


@require_GET
@staff_member_required
def preview(request: HttpRequest, slug: str) -> HttpResponse:
    """Any comparison, draft or published, as it would look: staff only, never cached."""
    comparison = get_object_or_404(Comparison.objects.select_related("role_a", "role_b"), slug=slug)
    calc = run_calculator(
        request.GET,
        action=reverse("comparisons:preview", kwargs={"slug": slug}),
        default_roles=(comparison.role_a, comparison.role_b),
    )
    response = render_with_calculator(
        request,
        "comparisons/article.html",
        calc,
        lambda: {"page": load_article(comparison), "preview": True},
    )
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex"
    return response
