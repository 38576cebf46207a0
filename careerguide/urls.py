from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from careerguide import sitemaps
from comparisons.views.health import healthz, readyz
from comparisons.views.site import favicon, robots_txt, web_manifest

admin.site.site_header = "careerguide editors"
admin.site.site_title = "careerguide admin"
admin.site.index_title = "Content"

handler404 = "comparisons.views.site.page_not_found"

urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    path("", include(sitemaps.urlpatterns)),
    path("robots.txt", robots_txt, name="robots"),
    path("favicon.ico", favicon, name="favicon"),
    path("manifest.webmanifest", web_manifest, name="manifest"),
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path("", include("comparisons.urls")),
    path("", include("officialstats.urls")),
]
