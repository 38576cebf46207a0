from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.decorators.http import require_safe

from comparisons.caching import cache_page_by_content
from comparisons.sitemaps import SITEMAPS
from comparisons.views.health import healthz, readyz
from comparisons.views.site import favicon, robots_txt, web_manifest

admin.site.site_header = "careerguide editors"
admin.site.site_title = "careerguide admin"
admin.site.index_title = "Content"

handler404 = "comparisons.views.site.page_not_found"

urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    path(
        "sitemap.xml",
        require_safe(cache_page_by_content(sitemap)),
        {"sitemaps": SITEMAPS},
        name="sitemap",
    ),
    path("robots.txt", robots_txt, name="robots"),
    path("favicon.ico", favicon, name="favicon"),
    path("manifest.webmanifest", web_manifest, name="manifest"),
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path("", include("comparisons.urls")),
    path("", include("officialstats.urls")),
]
