"""What the lists imply: SOC levels and parents, kinds of area, slugs. Pure.

- An occupation's level follows from its SOC code: 00-0000 is all
  occupations, XX-0000 a major group, XX-XX00 a minor group, XX-XXX0 a
  broad occupation, anything else a detailed occupation. Its parent is the
  nearest of those ancestors the release lists (OEWS leaves some groups out).
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


def occupation_level(code: str) -> int:
    if code == "000000":
        return TOTAL
    if code[2:] == "0000":
        return MAJOR
    if code[4:] == "00":
        return MINOR
    if code[5] == "0":
        return BROAD
    return DETAILED


def ancestors(code: str) -> list[str]:
    """The codes above an occupation, nearest first."""
    level = occupation_level(code)
    candidates = [
        (BROAD, code[:5] + "0"),
        (MINOR, code[:4] + "00"),
        (MAJOR, code[:2] + "0000"),
        (TOTAL, "000000"),
    ]
    return [parent for parent_level, parent in candidates if parent_level < level]


def occupation_parent(code: str, listed: set[str] | dict[str, object]) -> str | None:
    return next((parent for parent in ancestors(code) if parent in listed), None)


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


def occupation_slugs(occupations: Iterable[tuple[str, str]]) -> dict[str, str]:
    """(code, title) -> slug; the code is BLS's six digits."""
    return unique_slugs(
        ((code, title, occupation_level(code)) for code, title in occupations), label=soc
    )


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
