"""A place's BEA price levels, for its pages: one query (none without a live
Regional Price Parities release). Matched to OEWS's areas by code; a place
BEA publishes no parity for has none (``Prices.parity`` is None), never a
neighbour's."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..live import LiveRelease, live_release
from ..models import Area, PriceParity, Program
from .sql import fetch_rows, fixed, table

THOUSANDTH = Decimal("0.001")
HUNDREDTH = Decimal("0.01")


@dataclass(frozen=True)
class Parity:
    name: str  # BEA's name for the place
    all_items: Decimal | None
    goods: Decimal | None
    housing: Decimal | None
    utilities: Decimal | None
    other: Decimal | None
    rounded: bool  # the copy read has two decimals, not BEA's three


@dataclass(frozen=True)
class Prices:
    release: LiveRelease  # the live RPP release ("2023")
    parity: Parity | None  # None: BEA publishes none for this place


def prices_at(area_id: int) -> Prices | None:
    """The price levels of the live OEWS release's area ``area_id``."""
    release = live_release(Program.RPP)
    if release is None:
        return None
    rows = fetch_rows(
        f"SELECT p.name, p.all_items, p.goods, p.housing, p.utilities, p.other, p.rounded "
        f"FROM {table(PriceParity)} p JOIN {table(Area)} a ON a.code = p.area_code "
        "WHERE p.release_id = %s AND a.id = %s",
        [release.id, area_id],
    )
    if not rows:
        return Prices(release, None)
    name, *values, rounded = rows[0]
    return Prices(release, Parity(name, *(as_read(v, rounded) for v in values), bool(rounded)))


def as_read(stored, rounded: bool) -> Decimal | None:
    """A stored parity as it was read: three decimals, or the two a rounded
    copy has (112.87, not the column's 112.870)."""
    if stored is None:
        return None
    return fixed(stored, THOUSANDTH).quantize(HUNDREDTH if rounded else THOUSANDTH)


def unmatched_areas(release_id: int | None = None) -> list[str]:
    """The live OEWS release's states and areas BEA publishes no parity for
    in the live parities (or in release ``release_id``, a staged one), by
    name (one query; none without an OEWS release live)."""
    oews = live_release()
    if release_id is None:
        release = live_release(Program.RPP)
        release_id = release.id if release is not None else None
    if release_id is None or oews is None:
        return []
    rows = fetch_rows(
        f"SELECT a.name FROM {table(Area)} a LEFT JOIN {table(PriceParity)} p "
        "ON p.release_id = %s AND p.area_code = a.code "
        "WHERE a.release_id = %s AND a.kind <> %s AND p.id IS NULL ORDER BY a.kind, a.name",
        [release_id, oews.id, Area.Kind.NATIONAL],
    )
    return [name for (name,) in rows]
