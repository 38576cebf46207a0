"""Site-wide pages: methodology, robots.txt, and the pair chooser."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from comparisons.caching import cache_page_by_content
from comparisons.models import Role, Source
from comparisons.seo import base_url_of, simple_meta

from .articles import comparison_for


@require_GET
@cache_page_by_content
def methodology(request: HttpRequest) -> HttpResponse:
    meta = simple_meta(
        request,
        "Methodology: where the figures come from and how we compare them",
        "The data sets behind careerguide, how comparative statements are derived from the "
        "figures, and the salary calculator's math, step by step.",
        reverse("comparisons:methodology"),
        [("Methodology", reverse("comparisons:methodology"))],
    )
    return render(
        request, "methodology.html", {"meta": meta, "sources": list(Source.objects.all())}
    )


@require_GET
@cache_page_by_content
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('admin:index')}",
        "Disallow: /compare/*/preview/",
        f"Sitemap: {base_url_of(request)}{reverse('sitemap')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
def choose_pair(request: HttpRequest) -> HttpResponse:
    """The no-JavaScript "compare any two roles" form lands here and moves on."""
    slugs = [request.GET.get("a", ""), request.GET.get("b", "")]
    found = set(Role.objects.filter(slug__in=slugs).values_list("slug", flat=True))
    if len(found) != 2:
        return redirect(reverse("comparisons:comparison_index") + "?pair=invalid#choose")
    comparison, canonical = comparison_for(f"{slugs[0]}-vs-{slugs[1]}")
    return redirect("comparisons:article", slug=canonical or comparison.slug)
