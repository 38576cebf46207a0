"""An occupation in every state and territory, in one query: what the maps
and the table beside them show.

Every state of the release comes back, with or without an estimate for the
occupation (a LEFT JOIN from the areas, so a state BLS has no estimate for is
said to have none rather than left out); each estimate is found through the
unique index (occupation, industry, area).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..figures import Datatype, Figure, figure
from ..models import Area, Estimate, Industry
from .common import CROSS_INDUSTRY
from .sql import decimal, fetch, table


@dataclass(frozen=True, slots=True)
class StateRow:
    """One state or territory: the occupation's jobs, median pay and location quotient there."""

    code: str  # FIPS, as BLS files areas under it: "06"
    name: str
    slug: str
    estimated: bool  # False: BLS publishes no estimate of the occupation here
    employment: Figure
    pay: Figure
    location_quotient: Figure


def state_rows(release_id: int, occupation_id: int, hourly_only: bool) -> list[StateRow]:
    """Every state and territory of the release, by name."""
    pay = "hourly_median" if hourly_only else "annual_median"
    datatype = Datatype.HOURLY_MEDIAN if hourly_only else Datatype.ANNUAL_MEDIAN
    rows = fetch(
        f"""
        SELECT a.state_code, a.name, a.slug, e.id AS estimate_id,
            e.employment, e.employment_note, e.{pay}, e.{pay}_note,
            e.location_quotient, e.location_quotient_note
        FROM {table(Area)} a
        LEFT JOIN {table(Estimate)} e ON e.area_id = a.id AND e.occupation_id = %s
            AND e.industry_id = (
                SELECT id FROM {table(Industry)} WHERE release_id = %s AND code = %s)
        WHERE a.release_id = %s AND a.kind = %s
        ORDER BY a.name
        """,
        [occupation_id, release_id, CROSS_INDUSTRY, release_id, Area.Kind.STATE],
    )
    return [
        StateRow(
            code=row["state_code"],
            name=row["name"],
            slug=row["slug"],
            estimated=row["estimate_id"] is not None,
            employment=figure(Datatype.EMPLOYMENT, row["employment"], row["employment_note"]),
            pay=figure(datatype, decimal(pay, row[pay]), row[f"{pay}_note"]),
            location_quotient=figure(
                Datatype.LOCATION_QUOTIENT,
                decimal("location_quotient", row["location_quotient"]),
                row["location_quotient_note"],
            ),
        )
        for row in rows
    ]
