"""The site's own addresses: health checks, robots.txt, icons, the manifest and the 404."""

from __future__ import annotations

import json
import logging

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.templatetags.static import static
from django.urls import reverse
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .downloads import FORMATS, not_found
from .pages import cache_page
from .seo import base_url_of

logger = logging.getLogger(__name__)


@require_safe
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """The process is alive and answering; touches nothing else."""
    return JsonResponse({"status": "ok"})


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except Exception:
        logger.warning("readiness: database unreachable", exc_info=True)
        return False


def _cache_ok() -> bool:
    try:
        cache.set("readyz", "ok", 10)
        return cache.get("readyz") == "ok"
    except Exception:
        logger.warning("readiness: cache unreachable", exc_info=True)
        return False


@require_safe
@never_cache
def readyz(request: HttpRequest) -> JsonResponse:
    """Ready for traffic: the database and the cache both answer."""
    checks = {"database": _database_ok(), "cache": _cache_ok()}
    body = {name: "ok" if ok else "unreachable" for name, ok in checks.items()}
    return JsonResponse(body, status=200 if all(checks.values()) else 503)


@require_safe
@cache_page
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
        "name": "careerguide: careers compared",
        "short_name": "careerguide",
        "description": "Careers' pay and paths compared, every figure sourced and dated.",
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


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """The site's 404: in JSON or CSV for an address ending in .json or .csv
    (a download no route matches), else the HTML page."""
    kind = request.path.rpartition(".")[2]
    if kind in FORMATS:
        return not_found(kind)
    return defaults.page_not_found(request, exception)
