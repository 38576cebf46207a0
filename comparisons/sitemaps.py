"""The editorial sitemaps: every public, indexable page with the date it last changed.

Drafts and pages generated for pairs without an article (noindex) are left
out. Articles take their "last updated" date, role pages the time the role
or anything its page shows last changed (no date when that is unknown), and
the site's other pages the dates :func:`static_page_dates` works out.
The statistics' sitemaps are ``officialstats.sitemaps``; the sitemap index
(``core.sitemaps``, wired in ``careerguide/urls.py``) lists both.
"""

from __future__ import annotations

import datetime

from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from core.sitemaps import Sitemap

from .freshness import TEXT_REVISED
from .models import Comparison, Role, Source
from .queries.articles import load_home
from .queries.occupation_pairs import write_up_links


def _date(moment: datetime.datetime | None) -> datetime.date | None:
    return timezone.localdate(moment) if moment is not None else None


def _newest(*dates: datetime.date | None) -> datetime.date | None:
    known = [date for date in dates if date is not None]
    return max(known) if known else None


def static_page_dates() -> dict[str, datetime.date | None]:
    """When each page of the site's frame last changed, in six queries.

    A page's date is the newest change among what it shows, and for pages
    whose own wording matters (home, methodology, about) that wording's
    revision date too: the home page lists the newest articles, the indexes
    every article (and, for /compare/, every write-up of two occupations) and
    role, the calculator every role's figures, and the methodology every source.
    """
    articles = _newest(
        *(c.last_updated for c in Comparison.objects.published().select_related("role_a", "role_b"))
    )
    # /compare/ also lists the editors' write-ups of occupation pairs the live
    # release has, each dated as its page is.
    articles = _newest(articles, *(link.last_updated for link in write_up_links()))
    home = _newest(*(c.last_updated for c in load_home().comparisons))
    roles = _date(Role.objects.aggregate(newest=Max("figures_changed_at"))["newest"])
    sources = _date(Source.objects.aggregate(newest=Max("changed_at"))["newest"])
    return {
        "home": _newest(home, TEXT_REVISED["home"]),
        "comparisons:comparison_index": articles,
        "comparisons:role_index": roles,
        "comparisons:calculator": roles,
        "methodology": _newest(sources, TEXT_REVISED["methodology"]),
        "about": TEXT_REVISED["about"],
    }


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
