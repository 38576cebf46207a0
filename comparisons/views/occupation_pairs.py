"""Any two official occupations compared, and the chooser that leads there.

``/occupations/compare/<a>-vs-<b>/`` shows two detailed occupations of the
live release side by side; it is ``noindex`` and out of the sitemap unless
an editor has published a write-up of the pair. Its pages show the editors'
words and the release's figures, so they are kept under the content
version, which publishing a release moves too.
"""

from __future__ import annotations

import html
from urllib.parse import urlencode

from django.contrib.admin.views.decorators import staff_member_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.safestring import SafeString
from django.views.decorators.http import require_safe

from core.pages import cache_page
from core.seo import PageMeta, article_ld, base_url_of, home_crumb, shorten
from officialstats.guidance.programs import onet_attribution
from officialstats.queries.common import OccupationRef
from officialstats.queries.pairs import choices, detailed_occupations
from officialstats.queries.search import search_occupations
from officialstats.seo import index_crumb, source_name
from officialstats.views.occupations import cite

from ..models.occupations import pair_path
from ..queries.occupation_pairs import PairPage, load_occupation_pair, write_up_links

TEMPLATE = "comparisons/occupation_pair.html"
CHOOSER = "comparisons/occupation_pair_chooser.html"


def chooser_crumb() -> tuple[str, str]:
    return ("Compare occupations", reverse("comparisons:occupation_pair_chooser"))


def pair_meta(request: HttpRequest, page: PairPage) -> PageMeta:
    first, second = page.names
    write_up = page.write_up
    title = write_up.title if write_up else f"{first} vs {second}: pay and jobs compared"
    described = (
        write_up.summary
        if write_up
        else (
            f"{first} and {second} side by side: jobs, and each wage percentile with the "
            f"difference worked out"
        )
    )
    meta = PageMeta(
        title=title,
        description=shorten(f"{described} ({source_name(page.release.name)})."),
        path=page.path,
        breadcrumbs=[home_crumb(), index_crumb(), chooser_crumb(), (title, page.path)],
        base_url=base_url_of(request),
        noindex=not page.indexable,
        og_type="article" if write_up else "website",
    )
    if write_up:
        meta.structured.append(article_ld(meta, write_up.published_on, page.last_updated))
    return meta


@require_safe
@cache_page
def occupation_pair(request: HttpRequest, pair: str) -> HttpResponse:
    found = load_occupation_pair(pair)
    if found is None:
        raise Http404("No two occupations with this address.")
    if found.redirect_to:
        return redirect(found.redirect_to, permanent=True)
    response = render_pair(request, found.page)
    if not found.page.indexable:
        response["X-Robots-Tag"] = "noindex"
    return response


@require_safe
@staff_member_required
def occupation_pair_preview(request: HttpRequest, pair: str) -> HttpResponse:
    """The pair's page with its write-up, draft or published: staff only, never cached."""
    found = load_occupation_pair(pair, drafts=True)
    if found is None or found.redirect_to:
        raise Http404("No two occupations with this address, in this order.")
    response = render_pair(request, found.page, preview=True)
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex"
    return response


def render_pair(request: HttpRequest, page: PairPage, preview: bool = False) -> HttpResponse:
    methodology = reverse("methodology")
    meta = pair_meta(request, page)
    meta.noindex = meta.noindex or preview
    return render(
        request,
        TEMPLATE,
        {
            "page": page,
            "meta": meta,
            "preview": preview,
            "methodology_url": methodology,
            "cite": cite(page.release.name, methodology),
            "onet_attribution": (
                onet_attribution(page.guidance.onet.name)
                if page.guidance and page.guidance.onet
                else ""
            ),
            "source": source_name(page.release.name),
            "chooser_url": reverse("comparisons:occupation_pair_chooser"),
        },
    )


class Options:
    """Every detailed occupation the chooser offers, found by slug (the
    occupation pages' links) or by title, as the form's suggestions write it."""

    def __init__(self, refs: list[OccupationRef]) -> None:
        self.refs = refs
        self.by_slug = {ref.slug: ref for ref in refs}
        self.by_title = {}
        for ref in refs:
            self.by_title.setdefault(ref.title.casefold(), ref)

    def find(self, value: str) -> OccupationRef | None:
        """By slug or title; else the best match of the occupation search,
        which reads O*NET's other titles too ("data scientist", "RN")."""
        value = " ".join(value.split())
        found = self.by_slug.get(value) or self.by_title.get(value.casefold())
        if found is not None:
            return found
        listing = search_occupations(value)
        by_code = {ref.code: ref for ref in self.refs}
        rows = listing.rows if listing is not None else []
        codes = (row.occupation.code for row in rows)
        return next((by_code[code] for code in codes if code in by_code), None)

    def datalist(self) -> SafeString:
        """The suggestions both fields share: each title once, so the page stays light."""
        # html.escape: Django's escape also handles lazy strings, at a cost
        # that counts over some 800 titles; these are plain strings.
        return SafeString(
            "".join(f'<option value="{html.escape(ref.title)}">' for ref in self.refs)
        )


@require_safe
@cache_page(params=("a",))
def occupation_pair_chooser(request: HttpRequest) -> HttpResponse:
    """Choose two occupations (a plain GET form), and the editors' write-ups.

    Both found: redirected to the pair's page. ``?a=<slug>`` alone (as the
    occupation pages link it) fills in the first and lists that
    occupation's write-ups; htmx asks for that list alone (the ``written``
    partial), which the occupation pages load into themselves.
    """
    a, b = request.GET.get("a", ""), request.GET.get("b", "")
    path = reverse("comparisons:occupation_pair_chooser")
    partial = bool(request.htmx) and not request.htmx.history_restore_request
    if partial:
        options, first = None, load_first(a) if a else None
    else:
        options = Options(choices())
        first = options.find(a) if a else None
    second = options.find(b) if options and b else None
    if first is not None and second is not None and first != second:
        return redirect(pair_path(first.slug, second.slug))
    problems = []
    if not partial and (a or b):
        problems = [
            f"“{value}” is not an occupation we can compare: choose one the field suggests."
            for value, found in ((a, first), (b, second))
            if value and found is None
        ]
        if first is not None and first == second:
            problems.append("Choose two different occupations.")
    code = first.code if first else ""
    links = write_up_links(code) if (code or not a) else []
    context = {
        "datalist": options.datalist() if options else "",
        "a_value": first.title if first else a,
        "b_value": second.title if second else b,
        "links": links,
        "problems": problems,
        "partial": partial,
        "subject": first.title if first else "",
        "compare_url": f"{path}?{urlencode({'a': a})}",
        "meta": PageMeta(
            title="Compare two occupations: pay and jobs side by side",
            description=shorten(
                "Choose any two occupations BLS surveys and see their jobs and wage "
                "percentiles side by side, with the differences worked out, and read our "
                "written comparisons."
            ),
            path=path,
            breadcrumbs=[home_crumb(), index_crumb(), chooser_crumb()],
            base_url=base_url_of(request),
            noindex=bool(request.GET),
        ),
    }
    response = render(request, f"{CHOOSER}#written" if partial else CHOOSER, context)
    patch_vary_headers(response, ("HX-Request", "HX-History-Restore-Request"))
    if request.GET:
        response["X-Robots-Tag"] = "noindex"
    response.cache_by_content = set(request.GET) <= {"a"} and (not a or first is not None)
    return response


def load_first(slug: str) -> OccupationRef | None:
    side = detailed_occupations("slug", [slug]).get(slug)
    return side.occupation if side else None
