from __future__ import annotations

from django.contrib.admin.views.decorators import staff_member_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe

from comparisons.calculator import run_calculator
from comparisons.models import Comparison, Role
from comparisons.queries import load_article, load_home
from comparisons.queries.articles import (
    find_comparison,
    generated_comparison,
    pair_slug,
    published_for_pair,
    resolve_pair,
)
from comparisons.queries.official import load_article_official
from comparisons.seo import article_meta
from core.pages import cache_page
from core.seo import simple_meta

from .calculator import render_with_calculator


def comparison_for(slug: str) -> tuple[Comparison | None, str | None]:
    """The comparison at ``slug``, or the canonical slug to redirect to.

    An editor's published article wins; otherwise "<a>-vs-<b>" names any two
    roles, and leads to the pair's page (:func:`pair_destination`). Drafts
    play no part: a draft's address is a 404 unless it names a pair, which
    then gets its public page, never the draft. Raises Http404 for anything
    else.
    """
    comparison = find_comparison(slug)
    if comparison is not None:
        return comparison, None
    pair = resolve_pair(slug)
    if pair is None:
        raise Http404("No comparison or pair of roles with this address.")
    destination = pair_destination(*pair)
    if destination != slug:
        return None, destination
    return generated_comparison(*sorted(pair, key=lambda role: role.slug)), None


def pair_destination(role_a: Role, role_b: Role) -> str:
    """The slug of the public page about two roles, in either order: the
    editors' published article, else the data-only page at "<a>-vs-<b>" in
    alphabetical order of slug."""
    written = published_for_pair(role_a, role_b)
    if written is not None:
        return written.slug
    return pair_slug(*sorted((role_a, role_b), key=lambda role: role.slug))


def article_context(request: HttpRequest, comparison: Comparison, preview: bool = False) -> dict:
    page = load_article(comparison)
    return {
        "page": page,
        "meta": article_meta(request, page, preview=preview),
        "preview": preview,
        "official": load_article_official(page),
    }


@require_safe
@cache_page
def home(request: HttpRequest) -> HttpResponse:
    meta = simple_meta(
        request,
        "careerguide: careers compared, with sourced pay figures",
        "Official pay for every occupation, state and metro area, and side-by-side "
        "comparisons of roles: every figure sourced and dated.",
        reverse("home"),
        [],
    )
    return render(request, "home.html", {"page": load_home(), "meta": meta})


@require_safe
@cache_page
def article(request: HttpRequest, slug: str) -> HttpResponse:
    """An editor's article, or for any two roles a page generated from their data.

    A pair's reversed order, or a pair an article covers, redirects (301) to
    the one canonical address.
    """
    comparison, canonical = comparison_for(slug)
    if canonical:
        return redirect("comparisons:article", slug=canonical, permanent=True)
    calc = run_calculator(
        request.GET,
        action=comparison.get_absolute_url(),
        default_roles=(comparison.role_a, comparison.role_b),
    )
    return render_with_calculator(
        request,
        "comparisons/article.html",
        calc,
        lambda: article_context(request, comparison),
    )


@require_safe
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
        lambda: article_context(request, comparison, preview=True),
    )
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex"
    return response
