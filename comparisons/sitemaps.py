"""The sitemap: every public, indexable page with a last-modified date.

Drafts and pages generated for pairs without an article (noindex) are left
out; role and static pages take the content version's date, occupation
pages the day BLS published the live release.
"""

from __future__ import annotations

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap as BaseSitemap
from django.urls import reverse

from officialstats.models import Occupation, Program, Release
from officialstats.queries.common import occupations_path

from .models import Comparison, ContentVersion, Role


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


def content_changed_at():
    row = ContentVersion.objects.filter(pk=1).values_list("changed_at", flat=True).first()
    return row


class ArticleSitemap(Sitemap):
    def items(self):
        return Comparison.objects.published().select_related("role_a", "role_b")

    def lastmod(self, comparison: Comparison):
        return comparison.last_updated


class RoleSitemap(Sitemap):
    def items(self):
        self._changed = content_changed_at()
        return Role.objects.only("slug", "figures_changed_at").order_by("slug")

    def lastmod(self, role: Role):
        return role.figures_changed_at or self._changed


class PageSitemap(Sitemap):
    def items(self) -> list[str]:
        self._changed = content_changed_at()
        return [
            "comparisons:home",
            "comparisons:comparison_index",
            "comparisons:role_index",
            "comparisons:calculator",
            "comparisons:methodology",
        ]

    def location(self, name: str) -> str:
        return reverse(name)

    def lastmod(self, name: str):
        return self._changed


class OccupationSitemap(Sitemap):
    """The occupation index and every occupation of the live release, dated
    by the day BLS published the release (one query, whatever the clock)."""

    def items(self) -> list[tuple[str, datetime.date]]:
        rows = (
            Occupation.objects.filter(
                release__status=Release.Status.LIVE, release__program=Program.OEWS
            )
            .order_by("code")
            .values_list("slug", "release__published_on")
        )
        root = occupations_path()
        pages = [(f"{root}{slug}/", published_on) for slug, published_on in rows]
        return [(root, pages[0][1]), *pages] if pages else []

    def location(self, item: tuple[str, datetime.date]) -> str:
        return item[0]

    def lastmod(self, item: tuple[str, datetime.date]) -> datetime.date:
        return item[1]


SITEMAPS = {
    "pages": PageSitemap,
    "articles": ArticleSitemap,
    "roles": RoleSitemap,
    "occupations": OccupationSitemap,
}
