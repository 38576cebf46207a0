"""Site-wide pages: methodology, about, robots.txt, favicon, web app manifest, pair chooser, 404."""

from __future__ import annotations

import json
from urllib.parse import quote

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.views import defaults
from django.views.decorators.http import require_safe

from comparisons.caching import cache_page_by_content, content_and_release_state
from comparisons.freshness import TEXT_REVISED
from comparisons.models import Role, Source
from comparisons.opendata import LICENSE_URL
from comparisons.queries.official import load_linked_occupations
from comparisons.seo import base_url_of, simple_meta
from officialstats.queries.provenance import live_provenance

from . import data
from .articles import pair_destination


@require_safe
@cache_page_by_content(state=content_and_release_state)
def methodology(request: HttpRequest) -> HttpResponse:
    meta = simple_meta(
        request,
        "Methodology: where the figures come from and how we compare them",
        "The data sets behind careerguide, how comparative statements are derived from the "
        "figures, and the salary calculator's math, step by step.",
        reverse("comparisons:methodology"),
        [("Methodology", reverse("comparisons:methodology"))],
    )
    context = {
        "meta": meta,
        "sources": list(Source.objects.all()),
        "revised": TEXT_REVISED["comparisons:methodology"],
        # Editorial pages show the live release; publishing one bumps the
        # content version, so this page is never cached with an old one.
        "official": live_provenance(),
        "linked": load_linked_occupations(),
    }
    return render(request, "methodology.html", context)


REPORT_SUBJECT = "A wrong figure on careerguide"


@require_safe
@cache_page_by_content
def about(request: HttpRequest) -> HttpResponse:
    path = reverse("comparisons:about")
    meta = simple_meta(
        request,
        "About careerguide: who runs it, and how to report a wrong figure",
        "Who writes careerguide, how its figures are chosen and checked, how to tell us about a "
        "wrong figure, and the terms for reusing its open data.",
        path,
        [("About", path)],
    )
    email = settings.CONTACT_EMAIL
    context = {
        "meta": meta,
        "contact_email": email,
        "report_href": f"mailto:{email}?subject={quote(REPORT_SUBJECT)}",
        "license_url": LICENSE_URL,
        "revised": TEXT_REVISED["comparisons:about"],
    }
    return render(request, "about.html", context)


@require_safe
@cache_page_by_content
def robots_txt(request: HttpRequest) -> HttpResponse:
    # The admin is left out on purpose: ADMIN_URL keeps its address private,
    # and robots.txt is public. It needs a login and its pages say noindex.
    lines = [
        "User-agent: *",
        "Disallow: /compare/*/preview/",
        "Disallow: /roles/*/preview/",
        f"Sitemap: {base_url_of(request)}{reverse('sitemap')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


# Browsers ask for /favicon.ico whatever the page links to; a 404 there is a
# console error on every first visit. Read once: it changes only with a deploy.
FAVICON = (settings.BASE_DIR / "static" / "favicon.ico").read_bytes()
ICON_MAX_AGE = 24 * 60 * 60

# The light theme's background (--bg in static/css/site.css); base.html
# gives the dark theme's colour as a second theme-color for dark mode.
THEME_COLOR = "#fdfdfc"


@require_safe
def favicon(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(FAVICON, content_type="image/vnd.microsoft.icon")
    response["Cache-Control"] = f"public, max-age={ICON_MAX_AGE}"
    return response


@require_safe
def web_manifest(request: HttpRequest) -> HttpResponse:
    """What a phone shows when a reader adds the site to the home screen."""
    manifest = {
        "name": "careerguide: tech careers compared",
        "short_name": "careerguide",
        "description": "Tech careers' pay and paths compared, every figure sourced and dated.",
        "id": "/",
        "start_url": "/",
        "scope": "/",
        "display": "minimal-ui",
        "lang": "en",
        "background_color": THEME_COLOR,
        "theme_color": THEME_COLOR,
        "icons": [
            {"src": static("favicon.svg"), "sizes": "any", "type": "image/svg+xml"},
            {"src": static("icons/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("icons/icon-512.png"), "sizes": "512x512", "type": "image/png"},
            {
                "src": static("icons/icon-maskable-512.png"),
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "maskable",
            },
        ],
    }
    response = HttpResponse(
        json.dumps(manifest, indent=2), content_type="application/manifest+json"
    )
    response["Cache-Control"] = f"public, max-age={ICON_MAX_AGE}"
    return response


@require_safe
def choose_pair(request: HttpRequest) -> HttpResponse:
    """The no-JavaScript "compare any two roles" form lands here and moves on."""
    slugs = [request.GET.get("a", ""), request.GET.get("b", "")]
    roles = list(Role.objects.published().filter(slug__in=slugs))
    if len(roles) != 2:
        return redirect(reverse("comparisons:comparison_index") + "?pair=invalid#choose")
    return redirect("comparisons:article", slug=pair_destination(*roles))


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """The site's 404: in JSON or CSV for an address ending in .json or .csv
    (a download no route matches), else the HTML page."""
    kind = request.path.rpartition(".")[2]
    if kind in data.FORMATS:
        return data.not_found(kind)
    return defaults.page_not_found(request, exception)
