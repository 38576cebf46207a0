"""Place aliases ("Bay Area", "NYC") with the live release's areas they name.

The place index finds areas by them; the calculator's editors' factors name
one (``PayFactor.place_alias``) so that a factor and the search mean the
same areas. Areas are matched by BLS code in the live OEWS release; a code
the release lacks is left out (and ``unknown_codes`` tells an editor).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..live import live_release
from ..models import Area, PlaceAlias
from ..titles import squash, words_of
from .areas import PlaceRef


@dataclass(frozen=True, slots=True)
class Alias:
    name: str
    slug: str
    note: str
    places: tuple[PlaceRef, ...]  # in the alias's order


def unknown_codes(codes: Iterable[str]) -> list[str]:
    """The codes no area of the live OEWS release has (none without a live release)."""
    codes = list(codes)
    release = live_release()
    if release is None:
        return []
    known = set(
        Area.objects.filter(release_id=release.id, code__in=codes).values_list("code", flat=True)
    )
    return [code for code in codes if code not in known]


def aliases_of(places: dict[str, PlaceRef]) -> list[Alias]:
    """Every alias with its places, from ``places`` by BLS code (one query)."""
    found = []
    for alias in PlaceAlias.objects.all():
        named = tuple(places[code] for code in alias.codes if code in places)
        if named:
            found.append(Alias(alias.name, alias.slug, alias.note, named))
    return found


def matching(aliases: list[Alias], query: str) -> list[Alias]:
    """The aliases a search means: the alias itself ("nyc", "bay area",
    "bayarea"), or every word beginning a word of it."""
    words = words_of(query)
    if not words:
        return []
    squashed = squash(query)
    found = []
    for alias in aliases:
        said = " " + " ".join(words_of(alias.name))
        if squash(alias.name) == squashed or all(f" {word}" in said for word in words):
            found.append(alias)
    return found


def area_slugs(aliases: Iterable[PlaceAlias]) -> dict[int, list[str]]:
    """Each alias's areas as addresses in the live release, by alias id (one query)."""
    aliases = list(aliases)
    release = live_release()
    codes = {code for alias in aliases for code in alias.codes}
    if release is None or not codes:
        return {alias.pk: [] for alias in aliases}
    slugs = dict(
        Area.objects.filter(release_id=release.id, code__in=codes).values_list("code", "slug")
    )
    return {alias.pk: [slugs[c] for c in alias.codes if c in slugs] for alias in aliases}
