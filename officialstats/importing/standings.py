"""Where each place's estimate of an occupation stands: worked out once per release.

:func:`stand` is the pure part (one occupation's places in, their standings
out), by the rules the pages state: competition ranks among places of the
same kind (states among states, areas among areas) that have the figure, a
top-coded median counting as its bound; the orders the "pays most" and
"employs most" lists use; and the neighbours by pay. :func:`write_standings`
reads a release's estimates across industries and writes every standing in
bulk, with no model signal, as the rest of an import does.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import islice

from django.db import connection

from ..figures import TOP_CODE_ANNUAL, TOP_CODE_HOURLY, Footnote
from ..models import Area, Estimate, Industry
from ..models.standings import Standing

NEIGHBOURS = 3  # places named either side of one by median pay (the pages say so)
BATCH = 5_000

type Number = Decimal | float | int


@dataclass(frozen=True, slots=True)
class Place:
    """One place's estimate of an occupation, as ranked."""

    estimate_id: int
    area_id: int
    name: str
    pay: Number | None  # the median, or the bound a top-coded one is at least
    employment: int | None
    location_quotient: Number | None


def _ranks(values: Sequence[Number | None]) -> list[tuple[int | None, bool, int]]:
    """Each value's competition rank (1 = highest), whether it is tied, and
    how many values there are; None ranks nowhere."""
    known = sorted((v for v in values if v is not None), reverse=True)
    first: dict[Number, int] = {}
    count: dict[Number, int] = defaultdict(int)
    for index, value in enumerate(known):
        first.setdefault(value, index + 1)
        count[value] += 1
    return [
        (None, False, len(known)) if v is None else (first[v], count[v] > 1, len(known))
        for v in values
    ]


def stand(places: Sequence[Place]) -> list[tuple]:
    """The standings of places of one kind, as rows of Standing's columns
    (less release and occupation), in the order given."""
    pay = _ranks([p.pay for p in places])
    jobs = _ranks([p.employment for p in places])
    lq = _ranks([p.location_quotient for p in places])
    by_pay = sorted(
        (p for p in places if p.pay is not None),
        key=lambda p: (-p.pay, -(p.employment or 0), p.name),
    )
    pay_order = {p.estimate_id: index for index, p in enumerate(by_pay, start=1)}
    by_jobs = sorted((p for p in places if p.employment is not None),
                     key=lambda p: (-p.employment, p.name))  # fmt: skip
    jobs_order = {p.estimate_id: index for index, p in enumerate(by_jobs, start=1)}
    ranked = sorted((p for p in places if p.pay is not None), key=lambda p: (-p.pay, p.name))
    at = {p.estimate_id: index for index, p in enumerate(ranked)}
    rows = []
    for place, (p_rank, p_tied, p_of), (j_rank, j_tied, j_of), (l_rank, l_tied, l_of) in zip(
        places, pay, jobs, lq, strict=True
    ):
        similar = ""
        if (index := at.get(place.estimate_id)) is not None:
            near = ranked[max(0, index - NEIGHBOURS) : index]
            near += ranked[index + 1 : index + 1 + NEIGHBOURS]
            similar = ",".join(str(p.area_id) for p in near)
        rows.append(
            (
                place.estimate_id, p_rank, p_tied, p_of, j_rank, j_tied, j_of, l_rank, l_tied,
                l_of, pay_order.get(place.estimate_id), jobs_order.get(place.estimate_id), similar,
            )
        )  # fmt: skip
    return rows


COLUMNS = (
    "estimate_id", "pay_rank", "pay_tied", "pay_of", "employment_rank", "employment_tied",
    "employment_of", "location_quotient_rank", "location_quotient_tied",
    "location_quotient_of", "pay_order", "employment_order", "neighbours",
)  # fmt: skip


def _estimates(release_id: int) -> Iterator[tuple]:
    quote = connection.ops.quote_name
    sql = f"""
        SELECT e.id, e.occupation_id, a.id, a.kind, a.name, e.employment, e.annual_median,
            e.annual_median_note, e.hourly_median, e.hourly_median_note, e.location_quotient
        FROM {quote(Estimate._meta.db_table)} e
        JOIN {quote(Area._meta.db_table)} a ON a.id = e.area_id
        WHERE e.industry_id = (
            SELECT id FROM {quote(Industry._meta.db_table)} WHERE release_id = %s AND code = %s)
        ORDER BY e.occupation_id
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [release_id, Industry.CROSS_INDUSTRY])
        yield from cursor.fetchall()


def _pay(value, note, bound: Decimal):
    if value is not None:
        return value
    return bound if note == Footnote.TOP_CODED else None


def standings(release_id: int) -> Iterator[tuple]:
    """Every standing of a release, as rows of all Standing's columns."""
    by_occupation: dict[int, list[tuple]] = defaultdict(list)
    for row in _estimates(release_id):
        by_occupation[row[1]].append(row)
    for occupation_id, rows in by_occupation.items():
        nation = next((row for row in rows if row[3] == Area.Kind.NATIONAL), None)
        # Ranked in the unit the pages compare: by the hour where BLS
        # publishes the occupation's wages hourly only (the nation's say).
        hourly = nation is not None and nation[6] is None and nation[7] == Footnote.ONE_UNIT_ONLY
        groups: dict[bool, list[Place]] = {True: [], False: []}
        for e_id, _, area_id, kind, name, jobs, annual, annual_note, hour, hour_note, lq in rows:
            if kind == Area.Kind.NATIONAL:
                continue
            pay = (
                _pay(hour, hour_note, TOP_CODE_HOURLY)
                if hourly
                else _pay(annual, annual_note, TOP_CODE_ANNUAL)
            )
            groups[kind == Area.Kind.STATE].append(Place(e_id, area_id, name, pay, jobs, lq))
        for places in groups.values():
            for standing in stand(places):
                yield (release_id, occupation_id, *standing)


def write_standings(release_id: int) -> int:
    """Write a release's standings (replacing any); returns how many."""
    quote = connection.ops.quote_name
    table = quote(Standing._meta.db_table)
    columns = ("release_id", "occupation_id", *COLUMNS)
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))})"
    written = 0
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE release_id = %s", [release_id])
        rows = standings(release_id)
        while batch := list(islice(rows, BATCH)):
            cursor.executemany(sql, batch)
            written += len(batch)
    return written
