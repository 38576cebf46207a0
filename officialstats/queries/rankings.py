"""Where an occupation pays and employs most: its states, areas and industries,
one statement each.

States and areas are read in the orders worked out when the release was
imported (``Standing``). Industries are ranked here: the statement reads
the occupation's estimates through an index that leads with the occupation
(a few hundred rows at most, whatever the size of the release), numbers them
twice with ROW_NUMBER(), by median pay and by employment, and returns only
the rows that rank in the first few of either. Written as SQL rather than
with the ORM: the ORM's window filtering costs more to compile than the
query costs to run, and these run on every occupation page. The SQL is
plain SQL:2003 that SQLite (3.30+) and PostgreSQL both run.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..figures import TOP_CODE_ANNUAL, TOP_CODE_HOURLY, Datatype, Figure, Footnote, figure
from ..models import Area, Estimate, Industry, Standing
from .common import NATIONAL
from .sql import decimal, fetch, table

TOP = 5  # rows of each ranking table
# Industries ranked on a page: NAICS 4-digit industries, as BLS ranks them,
# and government outside schools, hospitals and the Postal Service (which
# those industries include), so a public employer is not left out. Sectors
# and ownership splits would count the same jobs twice.
GOVERNMENT = "99-100"
INDUSTRY_LEVEL = 4


@dataclass(frozen=True, slots=True)
class PlaceRow:
    name: str
    slug: str
    kind: str
    employment: Figure
    pay: Figure
    location_quotient: Figure


@dataclass(frozen=True, slots=True)
class IndustryRow:
    name: str
    code: str
    employment: Figure
    pay: Figure


@dataclass(frozen=True, slots=True)
class Ranking[Row]:
    """The few rows that pay most and employ most, each highest first."""

    by_pay: list[Row]
    by_employment: list[Row]

    def __bool__(self) -> bool:
        return bool(self.by_pay or self.by_employment)


def _ranked(select: str, source: str, where: str, partition: str, name: str, pay: str) -> str:
    key = (
        f"CASE WHEN e.{pay} IS NOT NULL THEN e.{pay} "
        f"WHEN e.{pay}_note = %s THEN CAST(%s AS NUMERIC) END"
    )
    over = f"PARTITION BY {partition} " if partition else ""
    return f"""
        SELECT * FROM (
            SELECT {select}, e.employment, e.employment_note, e.{pay}, e.{pay}_note,
                {key} AS pay_key,
                ROW_NUMBER() OVER ({over}ORDER BY {key} DESC NULLS LAST,
                    e.employment DESC NULLS LAST, {name}) AS pay_rank,
                ROW_NUMBER() OVER ({over}ORDER BY e.employment DESC NULLS LAST, {name})
                    AS jobs_rank
            FROM {table(Estimate)} e {source}
            WHERE {where}
        ) ranked
        WHERE pay_rank <= %s OR jobs_rank <= %s
    """


def _pay_column(hourly_only: bool) -> tuple[str, Datatype, Decimal]:
    if hourly_only:
        return "hourly_median", Datatype.HOURLY_MEDIAN, TOP_CODE_HOURLY
    return "annual_median", Datatype.ANNUAL_MEDIAN, TOP_CODE_ANNUAL


def _top[Row](rows: list[dict], make) -> Ranking[Row]:
    """The TOP by pay and by employment of ``rows`` (each already the TOP of
    its partition), leaving out rows without the figure ranked."""
    by_pay = sorted(
        (row for row in rows if row["pay_key"] is not None),
        key=lambda row: (-row["pay_key"], -(row["employment"] or 0), row["name"]),
    )
    by_jobs = sorted(
        (row for row in rows if row["employment"] is not None),
        key=lambda row: (-row["employment"], row["name"]),
    )
    return Ranking([make(row) for row in by_pay[:TOP]], [make(row) for row in by_jobs[:TOP]])


def _common(row: dict, pay: str, datatype: Datatype) -> dict:
    return {
        "employment": figure(Datatype.EMPLOYMENT, row["employment"], row["employment_note"]),
        "pay": figure(datatype, decimal(pay, row[pay]), row[f"{pay}_note"]),
    }


def places(occupation_id: int, hourly_only: bool) -> tuple[Ranking[PlaceRow], Ranking[PlaceRow]]:
    """The states, and the metropolitan and nonmetropolitan areas, that pay and
    employ most: read in their order, worked out when the release was imported
    (``importing/standings.py``, by the same rule as :func:`_top`)."""
    pay, datatype, _ = _pay_column(hourly_only)
    sql = f"""
        SELECT a.kind AS kind, a.name AS name, a.slug AS slug,
            e.location_quotient, e.location_quotient_note, e.employment, e.employment_note,
            e.{pay}, e.{pay}_note, s.pay_order, s.employment_order
        FROM {table(Standing)} s
        JOIN {table(Estimate)} e ON e.id = s.estimate_id
        JOIN {table(Area)} a ON a.id = e.area_id
        WHERE s.occupation_id = %s AND (s.pay_order <= %s OR s.employment_order <= %s)
    """
    rows = fetch(sql, [occupation_id, TOP, TOP])

    def make(row: dict) -> PlaceRow:
        return PlaceRow(
            name=row["name"],
            slug=row["slug"],
            kind=row["kind"],
            location_quotient=figure(
                Datatype.LOCATION_QUOTIENT,
                decimal("location_quotient", row["location_quotient"]),
                row["location_quotient_note"],
            ),
            **_common(row, pay, datatype),
        )

    def ranking(rows: list[dict]) -> Ranking[PlaceRow]:
        def first(order: str) -> list[PlaceRow]:
            ranked = sorted((r for r in rows if r[order] is not None and r[order] <= TOP),
                            key=lambda r: r[order])  # fmt: skip
            return [make(row) for row in ranked]

        return Ranking(first("pay_order"), first("employment_order"))

    states = [row for row in rows if row["kind"] == Area.Kind.STATE]
    areas = [row for row in rows if row["kind"] != Area.Kind.STATE]
    return ranking(states), ranking(areas)


def industries(release_id: int, occupation_id: int, hourly_only: bool) -> Ranking[IndustryRow]:
    """The industries that employ and pay most, nationally."""
    pay, datatype, bound = _pay_column(hourly_only)
    # The industries come first, so that each estimate is found through the
    # unique index (occupation, industry, area); by its area alone, SQLite
    # would read the nation's 134,000 estimates.
    sql = _ranked(
        select="i.name AS name, i.code AS code",
        source=f"JOIN {table(Industry)} i ON i.id = e.industry_id",
        where=f"""e.occupation_id = %s
            AND e.industry_id IN (
                SELECT id FROM {table(Industry)}
                WHERE release_id = %s AND ((level = %s AND code LIKE %s) OR code = %s))
            AND e.area_id = (SELECT id FROM {table(Area)} WHERE release_id = %s AND kind = %s)""",
        partition="",
        name="i.name",
        pay=pay,
    )
    key = [int(Footnote.TOP_CODED), str(bound)]
    params = [*key, *key, occupation_id, release_id, INDUSTRY_LEVEL, "%00", GOVERNMENT]
    params += [release_id, NATIONAL, TOP, TOP]

    def make(row: dict) -> IndustryRow:
        return IndustryRow(name=row["name"], code=row["code"], **_common(row, pay, datatype))

    return _top(fetch(sql, params), make)
