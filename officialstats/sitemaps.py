"""The statistics sitemaps: occupations, places, occupations in each place.

Each lists the live release's indexable pages, dated by the day BLS
published the release. The occupation x place pages (about 230,000 in
May 2025) are counted and listed in SQL, 50,000 to a sitemap file (the
sitemaps protocol's limit, Django's default), so a file never loads the
others; pages too thin to index (``officialstats.thin``) are left out.
The sitemap index (``core.sitemaps``, wired in ``careerguide/urls.py``) lists every file.
"""

from __future__ import annotations

import datetime

from core.sitemaps import Sitemap

from .lists import LISTS
from .live import live_release
from .models import Area, Occupation, Program, Release
from .queries.areas import occupation_place_path, places_path
from .queries.common import occupations_path
from .queries.furthest import indexable_slugs
from .queries.sitemap import count_indexable, indexable
from .seo import lists_path


class ReleaseSitemap(Sitemap):
    """Pages of the live release, each dated by its publication."""

    def lastmod(self, item) -> datetime.date:
        return self.published_on()

    def published_on(self) -> datetime.date | None:
        live = live_release()
        return live.published_on if live is not None else None

    def get_latest_lastmod(self) -> datetime.date | None:
        # Django's default asks lastmod() of every item: 50,000 calls here.
        return self.published_on()


def guidance_changed_on() -> datetime.date | None:
    """When the newest live guidance release went live here (from the site
    state, no query): occupation pages show them too. Their copies carry no
    publication date, so the day they changed on this site stands for it."""
    from .guidance.programs import DATASETS

    found = [live.made_live_at.date() for p in DATASETS if (live := live_release(p))]
    return max(found, default=None)


class OccupationSitemap(Sitemap):
    """The occupation index and every occupation of the live release, dated
    by the day BLS published the release, or the day a guidance dataset the
    pages show went live, whichever is later (one query, whatever the clock)."""

    def items(self) -> list[tuple[str, datetime.date]]:
        rows = (
            Occupation.objects.filter(
                release__status=Release.Status.LIVE, release__program=Program.OEWS
            )
            .order_by("code")
            .values_list("slug", "release__published_on")
        )
        root = occupations_path()
        guidance = guidance_changed_on()
        pages = [
            (f"{root}{slug}/", max(published_on, guidance) if guidance else published_on)
            for slug, published_on in rows
        ]
        return [(root, rows[0][1]), *pages] if pages else []

    def location(self, item: tuple[str, datetime.date]) -> str:
        return item[0]

    def lastmod(self, item: tuple[str, datetime.date]) -> datetime.date:
        return item[1]


class ListSitemap(Sitemap):
    """The lists readers look for (``officialstats.lists``) and where each
    occupation's pay goes furthest (those with enough places to rank), dated
    as the occupation pages are: by the later of the pay's and the other
    datasets' dates."""

    def items(self) -> list[str]:
        live = live_release()
        if live is None:
            return []
        root = occupations_path()
        return [
            lists_path(),
            *(found.url for found in LISTS.values()),
            *(f"{root}{slug}/where-pay-goes-furthest/" for slug in indexable_slugs()),
        ]

    def location(self, item: str) -> str:
        return item

    def lastmod(self, item: str) -> datetime.date | None:
        live = live_release()
        guidance = guidance_changed_on()
        published = live.published_on if live is not None else None
        return max(filter(None, (published, guidance)), default=None)


class PlaceSitemap(ReleaseSitemap):
    """The place index and every state and area's page."""

    def items(self) -> list[str]:
        live = live_release()
        if live is None:
            return []
        slugs = (
            Area.objects.filter(release_id=live.id)
            .exclude(kind=Area.Kind.NATIONAL)
            .order_by("kind", "name")
            .values_list("slug", flat=True)
        )
        root = places_path()
        return [root, *(f"{root}{slug}/" for slug in slugs)]

    def location(self, item: str) -> str:
        return item


class Indexable:
    """The indexable occupation x place pages as a sequence the paginator
    counts and slices in SQL."""

    def __init__(self, release_id: int) -> None:
        self.release_id = release_id
        self._count: int | None = None

    def count(self) -> int:
        if self._count is None:
            self._count = count_indexable(self.release_id)
        return self._count

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, part: slice) -> list[str]:
        start, stop = part.start or 0, part.stop
        pages = indexable(self.release_id, start, stop - start)
        return [occupation_place_path(occupation, place) for occupation, place in pages]


class OccupationPlaceSitemap(ReleaseSitemap):
    """Every occupation's page for each state and area, when not thin."""

    def items(self) -> Indexable | list:
        live = live_release()
        return Indexable(live.id) if live is not None else []

    def location(self, item: str) -> str:
        return item


STATISTICS = {
    "occupations": OccupationSitemap,
    "lists": ListSitemap,
    "places": PlaceSitemap,
    "occupation-places": OccupationPlaceSitemap,
}
