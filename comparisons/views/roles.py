from __future__ import annotations

from django.contrib.admin.views.decorators import staff_member_required
from django.core.paginator import InvalidPage
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe

from comparisons.models import Role
from comparisons.queries.occupation_pairs import write_up_links
from comparisons.queries.roles import load_comparison_index, load_role_index, load_role_page
from comparisons.seo import role_meta
from core.pages import cache_page
from core.seo import simple_meta


@require_safe
@cache_page
def role_detail(request: HttpRequest, slug: str) -> HttpResponse:
    page = load_role_page(slug)
    if page is None:
        raise Http404("No role with this address.")
    return render(
        request, "comparisons/role.html", {"page": page, "meta": role_meta(request, page)}
    )


@require_safe
@staff_member_required
def role_preview(request: HttpRequest, slug: str) -> HttpResponse:
    """Any role, draft or published, as its page would look: staff only, never cached."""
    page = load_role_page(slug, drafts=True)
    if page is None:
        raise Http404("No role with this address.")
    meta = role_meta(request, page)
    meta.noindex = True
    response = render(
        request, "comparisons/role.html", {"page": page, "meta": meta, "preview": True}
    )
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex"
    return response


def canonical_paging(request: HttpRequest, page) -> bool:
    """Only "?page=N" exactly as the page links write it may be cached."""
    raw = request.GET.get("page")
    return raw is None or raw == str(page.number)


def paged_path(name: str, page) -> str:
    path = reverse(name)
    return path if page.number == 1 else f"{path}?page={page.number}"


@require_safe
@cache_page(params=("page",))
def role_index(request: HttpRequest) -> HttpResponse:
    try:
        page, items = load_role_index(request.GET.get("page"))
    except InvalidPage as error:
        raise Http404("No such page of roles.") from error
    meta = simple_meta(
        request,
        "Tech roles: salaries, skills and career paths",
        "Every role careerguide profiles, with its average salary: open one for pay by "
        "experience level, what moves it, skills, benefits and career path.",
        paged_path("comparisons:role_index", page),
        [("Roles", reverse("comparisons:role_index"))],
    )
    response = render(
        request, "comparisons/role_index.html", {"page": page, "items": items, "meta": meta}
    )
    response.cache_by_content = canonical_paging(request, page)
    return response


@require_safe
@cache_page(params=("page", "pair"))
def comparison_index(request: HttpRequest) -> HttpResponse:
    try:
        page = load_comparison_index(request.GET.get("page"))
    except InvalidPage as error:
        raise Http404("No such page of comparisons.") from error
    meta = simple_meta(
        request,
        "Tech career comparisons: pay and paths side by side",
        "Articles comparing two tech roles at a time: salary by experience level, pay factors, "
        "skills, benefits and career paths, every figure sourced.",
        paged_path("comparisons:comparison_index", page),
        [("Comparisons", reverse("comparisons:comparison_index"))],
    )
    roles = list(Role.objects.published().only("slug", "name").order_by("name"))
    context = {
        "page": page,
        "meta": meta,
        "roles": roles,
        # The editors' occupation comparisons, once, on the first page.
        "occupation_links": write_up_links() if page.number == 1 else [],
        "occupation_chooser": reverse("comparisons:occupation_pair_chooser"),
    }
    response = render(request, "comparisons/comparison_index.html", context)
    response.cache_by_content = (
        canonical_paging(request, page) and request.GET.get("pair", "invalid") == "invalid"
    )
    return response
