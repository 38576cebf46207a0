"""The site's addresses: each app's pages, and the pages that gather from all of them."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from comparisons.sitemaps import SITEMAPS as EDITORIAL
from comparisons.views import articles, site
from core import views
from core.sitemaps import sitemap_urls
from core.state import Shows
from officialstats.sitemaps import STATISTICS

admin.site.site_header = "careerguide editors"
admin.site.site_title = "careerguide admin"
admin.site.index_title = "Content"

handler404 = "core.views.page_not_found"

urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    *sitemap_urls([(EDITORIAL, Shows.EVERYTHING), (STATISTICS, Shows.RELEASES)]),
    path("robots.txt", views.robots_txt, name="robots"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("manifest.webmanifest", views.web_manifest, name="manifest"),
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    # The pages that gather from every app, under the site's own names.
    path("", articles.home, name="home"),
    path("methodology/", site.methodology, name="methodology"),
    path("about/", site.about, name="about"),
    path("", include("comparisons.urls")),
    path("", include("officialstats.urls")),
]
