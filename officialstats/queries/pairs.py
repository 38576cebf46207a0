"""Two occupations of the live release with their national figures, for the
page comparing them, in one query (and the live release's); and the
detailed occupations a reader may choose from, in one more.

Occupations are found by slug (a page's address) or by SOC code (how
editorial write-ups name them: codes outlive a release's slugs).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..figures import Datatype, Figure
from ..live import LiveRelease, live_release
from ..models import Area, Estimate, Industry, Occupation
from .common import CROSS_INDUSTRY, NATIONAL, OCCUPATION_FIELDS, OccupationRef, ref
from .occupations import ESTIMATE_FIELDS, estimate_figures
from .sql import fetch, fetch_rows, marks, table, value

DETAILED = Occupation.Level.DETAILED


@dataclass(frozen=True, slots=True)
class Side:
    """One occupation of a pair, with its national, cross-industry figures."""

    occupation: OccupationRef
    figures: dict[Datatype, Figure]


def _query(column: str, count: int) -> str:
    placeholders = marks(count)
    return f"""
        SELECT {", ".join(f"o.{field}" for field in OCCUPATION_FIELDS)},
            {", ".join(f"e.{field}" for field in ESTIMATE_FIELDS)}
        FROM {table(Occupation)} o
        JOIN {table(Estimate)} e ON e.occupation_id = o.id
            AND e.industry_id = (
                SELECT id FROM {table(Industry)} WHERE release_id = %s AND code = %s)
            AND e.area_id = (SELECT id FROM {table(Area)} WHERE release_id = %s AND kind = %s)
        WHERE o.release_id = %s AND o.level = %s AND o.{column} IN ({placeholders})
    """


def detailed_occupations(
    column: str, keys: Iterable[str], release: LiveRelease | None = None
) -> dict[str, Side]:
    """The detailed occupations of the live release whose ``column`` ("slug"
    or "code") is among ``keys`` and which BLS estimates nationally, by that key."""
    keys = sorted(set(keys))
    release = release or live_release()
    if release is None or not keys:
        return {}
    params = [release.id, CROSS_INDUSTRY, release.id, NATIONAL, release.id, DETAILED, *keys]
    sides = {}
    for row in fetch(_query(column, len(keys)), params):
        occupation = ref(row)
        figures = estimate_figures({field: value(field, row[field]) for field in ESTIMATE_FIELDS})
        sides[getattr(occupation, column)] = Side(occupation, figures)
    return sides


def choices(release: LiveRelease | None = None) -> list[OccupationRef]:
    """Every detailed occupation BLS estimates nationally, by title: what the chooser offers."""
    release = release or live_release()
    if release is None:
        return []
    sql = f"""
        SELECT {", ".join(f"o.{field}" for field in OCCUPATION_FIELDS)}
        FROM {table(Occupation)} o
        WHERE o.release_id = %s AND o.level = %s AND EXISTS (
            SELECT 1 FROM {table(Estimate)} e WHERE e.occupation_id = o.id
                AND e.industry_id = (
                    SELECT id FROM {table(Industry)} WHERE release_id = %s AND code = %s)
                AND e.area_id = (
                    SELECT id FROM {table(Area)} WHERE release_id = %s AND kind = %s))
        ORDER BY o.title, o.code
    """
    params = [release.id, DETAILED, release.id, CROSS_INDUSTRY, release.id, NATIONAL]
    # Rows as tuples: some 800 of them, on a page every reader may open cold.
    return [OccupationRef(*row) for row in fetch_rows(sql, params)]
