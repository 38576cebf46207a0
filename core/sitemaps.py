"""The sitemap index and its files: one per section, 50,000 addresses at most.

``/sitemap.xml`` is Django's sitemap index; it lists each section's file,
``/sitemap-<section>.xml`` (and ``?p=2``... where a section holds more than
50,000 pages). Apps offer their sections; the project names which show what
(:func:`sitemap_urls`): each file is kept by the page cache under what its
pages show, so an editor's save leaves the statistics' files cached, and the
index, which lists every section, under everything.
"""

from __future__ import annotations

import datetime
import html
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap as BaseSitemap
from django.contrib.sitemaps import views
from django.contrib.sites.shortcuts import get_current_site
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.http import Http404, HttpRequest, HttpResponse
from django.template.defaultfilters import date as date_format
from django.urls import URLPattern, re_path
from django.views.decorators.http import require_safe

from .pages import cache_page
from .state import Shows

SECTION = "sitemap-section"


class Sitemap(BaseSitemap):
    """Addresses on SITE_URL when it is set, like the canonical links."""

    def get_protocol(self, protocol=None):
        return (
            urlsplit(settings.SITE_URL).scheme
            if settings.SITE_URL
            else super().get_protocol(protocol)
        )

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc if settings.SITE_URL else super().get_domain(site)


URLSET = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
)


@views.x_robots_tag
def section(request: HttpRequest, sitemaps: dict, section: str) -> HttpResponse:
    """One sitemap file: what Django's sitemap view writes (an address and its
    date for each page), written as strings rather than through a template,
    which takes seconds over a file of 50,000 addresses."""
    site = sitemaps[section]()
    try:
        part = site.paginator.page(request.GET.get("p", 1))
    except EmptyPage as error:
        raise Http404("No such page of this sitemap.") from error
    except PageNotAnInteger as error:
        raise Http404("That sitemap page is not a number.") from error
    base = f"{site.get_protocol(request.scheme)}://{site.get_domain(get_current_site(request))}"
    lastmod = getattr(site, "lastmod", None)
    days: dict[datetime.date, str] = {}

    def day(value: datetime.date | None) -> str:
        if value is None:
            return ""
        if value not in days:  # most pages of a section share a date
            days[value] = f"<lastmod>{date_format(value, 'Y-m-d')}</lastmod>"
        return days[value]

    rows = [
        f"<url><loc>{html.escape(base + site.location(item))}</loc>"
        f"{day(lastmod(item)) if callable(lastmod) else ''}</url>\n"
        for item in part.object_list
    ]
    return HttpResponse([URLSET, *rows, "</urlset>\n"], content_type="application/xml")


def sitemap_urls(groups: list[tuple[dict[str, type[Sitemap]], Shows]]) -> list[URLPattern]:
    """The index and one file per section; ``groups`` are sections with what their pages show."""
    every = {name: sitemap for sections, _ in groups for name, sitemap in sections.items()}
    patterns = [
        re_path(
            r"^sitemap\.xml$",
            require_safe(cache_page(views.index, shows=Shows.EVERYTHING)),
            {"sitemaps": every, "sitemap_url_name": SECTION},
            name="sitemap",
        )
    ]
    for sections, shows in groups:
        names = "|".join(sorted(sections, key=len, reverse=True))
        patterns.append(
            re_path(
                rf"^sitemap-(?P<section>{names})\.xml$",
                require_safe(cache_page(section, params=("p",), shows=shows)),
                {"sitemaps": sections},
                name=SECTION,
            )
        )
    return patterns
