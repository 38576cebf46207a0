"""The sitemap index and its files: one per section, 50,000 addresses at most.

``/sitemap.xml`` is Django's sitemap index; it lists each section's file,
``/sitemap-<section>.xml`` (and ``?p=2``... where a section holds more
than 50,000 pages). Each file is kept by the page cache under the state of
what it lists: the editorial sections under the content version, the
statistics' under the live release, so an editor's save leaves the
statistics files cached and a publish refreshes them all. The index names
both, so it is kept under both.
"""

from __future__ import annotations

import datetime
import html

from django.contrib.sitemaps import views
from django.contrib.sites.shortcuts import get_current_site
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.http import Http404, HttpRequest, HttpResponse
from django.template.defaultfilters import date as date_format
from django.urls import re_path
from django.views.decorators.http import require_safe

from comparisons.caching import cache_page_by_content
from comparisons.sitemaps import SITEMAPS as EDITORIAL
from comparisons.versioning import State, content_state
from officialstats.sitemaps import STATISTICS
from officialstats.versioning import release_state

SITEMAPS = {**EDITORIAL, **STATISTICS}
SECTION = "sitemap-section"


def index_state() -> State:
    """The content version and the live release together."""
    content, release = content_state(), release_state()
    return f"{content[0]}|{release[0]}", max(content[1], release[1])


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


def _section(sections: dict, state) -> object:
    names = "|".join(sorted(sections, key=len, reverse=True))
    return re_path(
        rf"^sitemap-(?P<section>{names})\.xml$",
        require_safe(cache_page_by_content(section, params=("p",), state=state)),
        {"sitemaps": sections},
        name=SECTION,
    )


urlpatterns = [
    re_path(
        r"^sitemap\.xml$",
        require_safe(cache_page_by_content(views.index, state=index_state)),
        {"sitemaps": SITEMAPS, "sitemap_url_name": SECTION},
        name="sitemap",
    ),
    _section(EDITORIAL, content_state),
    _section(STATISTICS, release_state),
]
