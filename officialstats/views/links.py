"""Links between an occupation's pages: to its page for a place (from the maps'
table and compare places), and to compare places with some places chosen."""

from __future__ import annotations

from collections.abc import Sequence

from django.urls import NoReverseMatch, reverse

from ..compare import order_key, query_string

PLACEHOLDER = "place-slug"


def place_links(occupation_slug: str, place_slugs: list[str]) -> dict[str, str]:
    """The address of the occupation's own page for each place, where the site
    has such pages (``officialstats:occupation_place``), reversed once."""
    try:
        pattern = reverse("officialstats:occupation_place", args=[occupation_slug, PLACEHOLDER])
    except NoReverseMatch:
        return {}
    before, after = pattern.rsplit(PLACEHOLDER, 1)
    return {slug: f"{before}{slug}{after}" for slug in place_slugs}


def compare_url(occupation_slug: str, places: Sequence) -> str:
    """The occupation's compare-places page with ``places`` (each with a kind,
    a name and a slug) chosen, in the canonical order."""
    chosen = sorted(places, key=lambda place: order_key(place.kind, place.name))
    path = reverse("officialstats:compare_places", args=[occupation_slug])
    return path + query_string([place.slug for place in chosen])
