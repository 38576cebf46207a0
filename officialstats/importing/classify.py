"""What the lists imply: SOC levels and parents, kinds of area, slugs. Pure.

- An occupation's level is the one BLS gives it (oe.occupation's
  display_level: 0 major, 1 minor, 2 broad, 3 detailed; 00-0000 is all
  occupations). The code's shape is no guide: 13-1020 Buyers and Purchasing
  Agents is a detailed occupation and 19-5010 a minor group, because OEWS
  publishes no finer or coarser entry for them. An occupation's parent is
  the nearest group above it by SOC code (XX-XXX0, XX-XX00, XX-0000,
  00-0000) that the release lists at a higher level (OEWS leaves some
  groups out).
- An area is national, a state or territory, or (area type M) metropolitan,
  unless its name says it is nonmetropolitan. It belongs to the state whose
  FIPS code BLS files it under.
- Slugs are the title in lower case with dashes, unique within a release:
  when titles collide, the most detailed entry keeps the plain slug and the
  others get their code appended ("cashiers" is 41-2011, the detailed
  occupation; the broad group 41-2010 is "cashiers-41-2010"). The nation is
  "united-states".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.utils.text import slugify

TOTAL, MAJOR, MINOR, BROAD, DETAILED = range(5)  # Occupation.Level's values
NATIONAL, STATE, METRO, NONMETRO = "national", "state", "metro", "nonmetro"  # Area.Kind
NATION_NAME = "United States"  # BLS says "National"; the slug says where
SLUG_LENGTH = 200


def soc(code: str) -> str:
    """BLS's "151252" as SOC writes it: "15-1252"."""
    return f"{code[:2]}-{code[2:]}"


def occupation_level(code: str, display_level: int) -> int:
    """Occupation.Level from BLS's display level (0 major ... 3 detailed)."""
    return TOTAL if code == "000000" else display_level + 1


def ancestors(code: str) -> list[str]:
    """The codes that could be groups above an occupation, nearest first."""
    candidates = (code[:5] + "0", code[:4] + "00", code[:2] + "0000", "000000")
    return list(dict.fromkeys(c for c in candidates if c != code))


def occupation_parent(code: str, levels: dict[str, int]) -> str | None:
    """The nearest listed group above ``code``; ``levels`` maps listed codes to levels."""
    own = levels[code]
    return next((c for c in ancestors(code) if c in levels and levels[c] < own), None)


def area_kind(areatype: str, name: str) -> str:
    if areatype == "N":
        return NATIONAL
    if areatype == "S":
        return STATE
    return NONMETRO if "nonmetropolitan" in name.lower() else METRO


def state_area_code(state_code: str) -> str:
    """The area code of a state (FIPS 06 -> 0600000)."""
    return f"{state_code}00000"


def unique_slugs(entries: Iterable[tuple[str, str, int]], label=str) -> dict[str, str]:
    """Slugs for (code, title, level) entries, unique among them.

    On a collision the entry of the highest level (the most detailed) keeps
    the plain slug, then the lowest code; the others get ``label(code)``
    appended. Returns code -> slug.
    """
    by_slug: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for code, title, level in entries:
        by_slug[_slug(title) or _slug(label(code))].append((-level, code))
    slugs: dict[str, str] = {}
    suffixed: list[tuple[str, str, str]] = []
    for slug, claimants in by_slug.items():
        claimants.sort()
        slugs[claimants[0][1]] = slug
        suffixed += [(code, slug, _slug(label(code))) for _, code in claimants[1:]]
    taken = set(slugs.values())
    for code, slug, suffix in sorted(suffixed):
        # A suffixed slug could still equal another title's plain slug: rare,
        # but slugs are unique in the database, so count on until one is free.
        candidate, counter = _joined(slug, suffix), 2
        while candidate in taken:
            candidate, counter = _joined(slug, f"{suffix}-{counter}"), counter + 1
        slugs[code] = candidate
        taken.add(candidate)
    return slugs


def _slug(text: str) -> str:
    return slugify(text)[:SLUG_LENGTH].strip("-")


def _joined(slug: str, suffix: str) -> str:
    return f"{slug[: SLUG_LENGTH - len(suffix) - 1].rstrip('-')}-{suffix}"


def occupation_slugs(occupations: Iterable[tuple[str, str, int]]) -> dict[str, str]:
    """(code, title, level) -> slug; the code is BLS's six digits."""
    return unique_slugs(occupations, label=soc)


def area_slugs(areas: Iterable[tuple[str, str, str]]) -> dict[str, str]:
    """(code, area type, name) -> slug; the nation is "united-states"."""
    entries = [
        (code, NATION_NAME if areatype == "N" else name, {"N": 0, "S": 1}.get(areatype, 2))
        for code, areatype, name in areas
    ]
    return unique_slugs(entries)


def industry_slugs(industries: Iterable[tuple[str, str, int]]) -> dict[str, str]:
    """(code, name, BLS display level) -> slug."""
    return unique_slugs(industries)
