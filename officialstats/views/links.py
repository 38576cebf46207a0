"""Links from the maps' table and compare places to an occupation's page for a place."""

from __future__ import annotations

from django.urls import NoReverseMatch, reverse

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
