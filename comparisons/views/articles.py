from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from comparisons.queries import load_article, load_home


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "home.html", {"page": load_home()})


@require_GET
def article(request: HttpRequest, slug: str) -> HttpResponse:
    page = load_article(slug)
    if page is None:
        raise Http404("No published comparison with this address.")
    return render(request, "comparisons/article.html", {"page": page})
