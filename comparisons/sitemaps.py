"""The editorial sitemaps: every public, indexable page with the date it last changed.

Drafts and pages generated for pairs without an article (noindex) are left
out. Articles take their "last updated" date, role pages the time the role
or anything its page shows last changed (no date when that is unknown), and
the site's other pages the dates ``freshness.static_page_dates`` works out.
The statistics' sitemaps are ``officialstats.sitemaps``; the sitemap index
(``careerguide/sitemaps.py``) lists both.
"""

from __future__ import annotations

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap as BaseSitemap
from django.urls import reverse

from .freshness import static_page_dates
from .models import Comparison, Role
from .queries.occupation_pairs import write_up_links


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


class ArticleSitemap(Sitemap):
    def items(self):
        return Comparison.objects.published().select_related("role_a", "role_b")

    def lastmod(self, comparison: Comparison):
        return comparison.last_updated


class RoleSitemap(Sitemap):
    def items(self):
        return Role.objects.published().only("slug", "figures_changed_at").order_by("slug")

    def lastmod(self, role: Role):
        return role.figures_changed_at


class OccupationPairSitemap(Sitemap):
    """Pairs of occupations an editor has written up, in the live release,
    dated by the later of the release's publication and the text's date,
    and the chooser that lists them (dated by the newest); the pages of
    other pairs are noindex and left out."""

    def items(self) -> list[tuple[str, datetime.date]]:
        # The index asks for the count and then the dates: one read serves both.
        if not hasattr(self, "_pages"):
            links = write_up_links()
            pages = [(link.url, link.last_updated) for link in links]
            if pages:
                chooser = reverse("comparisons:occupation_pair_chooser")
                pages.insert(0, (chooser, max(date for _, date in pages)))
            self._pages = pages
        return self._pages

    def location(self, item: tuple[str, datetime.date]) -> str:
        return item[0]

    def lastmod(self, item: tuple[str, datetime.date]) -> datetime.date:
        return item[1]


class PageSitemap(Sitemap):
    def items(self) -> list[str]:
        if not hasattr(self, "_dates"):  # the index asks for the count, then the dates
            self._dates = static_page_dates()
        return list(self._dates)

    def location(self, name: str) -> str:
        return reverse(name)

    def lastmod(self, name: str):
        return self._dates[name]


SITEMAPS = {
    "pages": PageSitemap,
    "articles": ArticleSitemap,
    "roles": RoleSitemap,
    "occupation-comparisons": OccupationPairSitemap,
}
