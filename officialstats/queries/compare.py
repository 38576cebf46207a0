"""The compare-places page's loader: one occupation in a few places, in two
queries (and the live release's), whatever the size of the catalogue.

1. the occupation and every area of the release, each with whether BLS
   estimates the occupation there (what ``?p=`` may name, and the places
   the chooser offers);
2. the estimates of the places chosen, and the nation's.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..compare import Choice, Place, choose
from ..figures import Datatype, Figure, State
from ..live import LiveRelease, live_release
from ..models import Area, Estimate, Industry, Occupation, PriceParity, Program
from .common import CROSS_INDUSTRY, NATIONAL, OCCUPATION_FIELDS, OccupationRef, ref
from .occupations import ESTIMATE_FIELDS, estimate_figures
from .prices import as_read
from .sql import fetch, marks, table, value

STATE = Area.Kind.STATE


@dataclass(frozen=True, slots=True)
class PlaceFigures:
    place: Place
    figures: dict[Datatype, Figure]
    parity: Decimal | None = None  # BEA's price level, all items, where it publishes one


@dataclass(frozen=True, slots=True)
class ComparePage:
    release: LiveRelease
    occupation: OccupationRef
    nation: dict[Datatype, Figure]
    choice: Choice
    places: list[PlaceFigures]  # the places chosen, in canonical order
    options: list[Place]  # every place with an estimate, not already chosen
    prices: LiveRelease | None = None  # the live Regional Price Parities release

    @property
    def hourly_only(self) -> bool:
        return self.nation[Datatype.ANNUAL_MEDIAN].state is State.ONE_UNIT_ONLY


def load_compare_places(slug: str, requested: list[str]) -> ComparePage | None:
    """None when the live release has no such occupation, or no national estimate of it."""
    release = live_release()
    if release is None:
        return None
    rows = fetch(PLACES, [release.id, CROSS_INDUSTRY, release.id, slug])
    if not rows:
        return None
    occupation = ref(rows[0], "o_")
    places = {
        row["slug"]: Place(
            slug=row["slug"],
            name=row["name"],
            kind=row["kind"],
            state_code=row["state_code"],
            # A state is its own group in the chooser.
            state_name=row["state_name"] or (row["name"] if row["kind"] == STATE else ""),
            estimated=row["estimate_id"] is not None,
        )
        for row in rows
    }
    choice = choose(requested, places, occupation=occupation.title, release=release.name)
    prices = live_release(Program.RPP)
    rows = _estimates(release.id, occupation.id, choice.slugs, prices.id if prices else 0)
    found = {
        row["slug"]: estimate_figures({f: value(f, row[f]) for f in ESTIMATE_FIELDS})
        for row in rows
    }
    parities = {row["slug"]: as_read(row["parity"], bool(row["rounded"])) for row in rows}
    nation = next((place for place in places.values() if place.kind == NATIONAL), None)
    if nation is None or nation.slug not in found:
        return None
    chosen = set(choice.slugs)
    return ComparePage(
        release=release,
        occupation=occupation,
        nation=found[nation.slug],
        choice=choice,
        places=[
            PlaceFigures(place, found[place.slug], parities.get(place.slug))
            for place in choice.places
        ],
        options=sorted(
            (
                place
                for place in places.values()
                if place.estimated and place.kind != NATIONAL and place.slug not in chosen
            ),
            key=lambda place: (place.state_name, place.sort_key),
        ),
        prices=prices,
    )


def _estimates(release_id: int, occupation_id: int, slugs: list[str], prices_id: int) -> list[dict]:
    chosen = f" OR a.slug IN ({marks(len(slugs))})" if slugs else ""
    sql = f"""
        SELECT a.slug, {", ".join(f"e.{field}" for field in ESTIMATE_FIELDS)},
            p.all_items AS parity, p.rounded
        FROM {table(Estimate)} e JOIN {table(Area)} a ON a.id = e.area_id
        LEFT JOIN {table(PriceParity)} p ON p.release_id = %s AND p.area_code = a.code
        WHERE e.occupation_id = %s
            AND e.industry_id = (
                SELECT id FROM {table(Industry)} WHERE release_id = %s AND code = %s)
            AND (a.kind = %s{chosen})
    """
    return fetch(sql, [prices_id, occupation_id, release_id, CROSS_INDUSTRY, NATIONAL, *slugs])


# The occupation at a slug, and every area of its release with whether it
# has an estimate of the occupation (cross-industry): found through the
# unique index (occupation, industry, area), one probe an area.
PLACES = f"""
    SELECT {", ".join(f"o.{field} AS o_{field}" for field in OCCUPATION_FIELDS)},
        a.slug, a.name, a.kind, a.state_code, s.name AS state_name, e.id AS estimate_id
    FROM {table(Occupation)} o
    JOIN {table(Area)} a ON a.release_id = o.release_id
    LEFT JOIN {table(Area)} s ON s.id = a.state_id
    LEFT JOIN {table(Estimate)} e ON e.occupation_id = o.id AND e.area_id = a.id
        AND e.industry_id = (SELECT id FROM {table(Industry)} WHERE release_id = %s AND code = %s)
    WHERE o.release_id = %s AND o.slug = %s
"""
