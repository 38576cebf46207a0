"""Where an occupation's pay goes furthest: its median in each state and
metropolitan area beside BEA's price level there, and what it is worth at
national prices, ranked both ways. Two queries (the occupation, then every
state and metropolitan estimate with its parity), none for prices without a
live Regional Price Parities release.

Only places BEA publishes a parity for are ranked at national prices; a
state's map shades the others as having no figure. A top-coded median
counts at its bound ("at least"), as in the other rankings.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..figures import Datatype, Figure, Footnote, State, figure
from ..live import LiveRelease, live_release
from ..models import Area, Estimate, Industry, Occupation, PriceParity, Program
from ..prices import Worth, worth
from .common import CROSS_INDUSTRY, NATIONAL, OCCUPATION_FIELDS, OccupationRef, ref
from .prices import as_read
from .sql import fetch, table, value

INDEXABLE = 10  # places with a figure at national prices a ranking needs to be indexed
METROS_SHOWN = 50  # the first metropolitan areas listed; the page has a size budget


@dataclass(frozen=True)
class Priced:
    name: str
    slug: str
    code: str  # OEWS area code
    state_code: str
    kind: str  # "state" or "metro"
    median: Figure
    parity: Decimal | None
    worth: Worth | None
    pay_rank: int | None = None
    worth_rank: int | None = None

    @property
    def estimated(self) -> bool:  # as maps read a state's row
        return True


@dataclass(frozen=True)
class Furthest:
    release: LiveRelease
    prices: LiveRelease | None
    occupation: OccupationRef
    national: Figure  # the nation's median
    hourly: bool
    states: list[Priced]  # by pay at national prices, then those without a parity
    metros: list[Priced]  # those with a parity, by pay at national prices

    @property
    def metros_with_median(self) -> int:
        return sum(1 for p in self.metros if p.median.ranked is not None)

    @property
    def metros_shown(self) -> list[Priced]:
        return self.metros[:METROS_SHOWN]

    @property
    def ranked(self) -> int:
        return sum(1 for p in [*self.states, *self.metros] if p.worth is not None)

    @property
    def indexable(self) -> bool:
        return self.ranked >= INDEXABLE


def _ranked(places: list[Priced]) -> list[Priced]:
    """Each place with its rank by pay and by pay at national prices (1 the highest)."""
    by_pay = sorted((p for p in places if p.median.ranked is not None),
                    key=lambda p: (-p.median.ranked, p.name))  # fmt: skip
    pay_rank = {p.slug: at for at, p in enumerate(by_pay, start=1)}
    by_worth = sorted((p for p in places if p.worth is not None),
                      key=lambda p: (-p.worth.amount, p.name))  # fmt: skip
    worth_rank = {p.slug: at for at, p in enumerate(by_worth, start=1)}
    ranked = [
        Priced(**{**p.__dict__, "pay_rank": pay_rank.get(p.slug),
                  "worth_rank": worth_rank.get(p.slug)})
        for p in places
    ]  # fmt: skip
    return sorted(ranked, key=lambda p: (p.worth_rank is None, p.worth_rank or 0, p.name))


def load_furthest(slug: str) -> Furthest | None:
    release = live_release()
    if release is None:
        return None
    fields = ", ".join(f"o.{field}" for field in OCCUPATION_FIELDS)
    found = fetch(
        f"""
        SELECT {fields}, e.annual_median, e.annual_median_note, e.hourly_median,
            e.hourly_median_note
        FROM {table(Occupation)} o JOIN {table(Estimate)} e ON e.occupation_id = o.id
            AND e.area_id = (SELECT id FROM {table(Area)} WHERE release_id = %s AND kind = %s)
            AND e.industry_id = (
                SELECT id FROM {table(Industry)} WHERE release_id = %s AND code = %s)
        WHERE o.release_id = %s AND o.slug = %s
        """,
        [release.id, NATIONAL, release.id, CROSS_INDUSTRY, release.id, slug],
    )
    if not found:
        return None
    row = found[0]
    occupation = ref(row)
    annual = figure(Datatype.ANNUAL_MEDIAN, value("annual_median", row["annual_median"]),
                    row["annual_median_note"])  # fmt: skip
    hourly = annual.state is State.ONE_UNIT_ONLY
    pay = "hourly_median" if hourly else "annual_median"
    datatype = Datatype.HOURLY_MEDIAN if hourly else Datatype.ANNUAL_MEDIAN
    national = figure(datatype, value(pay, row[pay]), row[f"{pay}_note"])
    prices = live_release(Program.RPP)
    rows = fetch(
        f"""
        SELECT a.name, a.slug, a.code, a.state_code, a.kind, e.{pay} AS pay,
            e.{pay}_note AS note, p.all_items, p.rounded
        FROM {table(Area)} a
        JOIN {table(Estimate)} e ON e.area_id = a.id AND e.occupation_id = %s
            AND e.industry_id = (
                SELECT id FROM {table(Industry)} WHERE release_id = %s AND code = %s)
        LEFT JOIN {table(PriceParity)} p ON p.release_id = %s AND p.area_code = a.code
        WHERE a.release_id = %s AND a.kind IN (%s, %s)
        """,
        [occupation.id, release.id, CROSS_INDUSTRY, prices.id if prices else 0, release.id,
         Area.Kind.STATE, Area.Kind.METRO],
    )  # fmt: skip
    places = []
    for r in rows:
        median = figure(datatype, value(pay, r["pay"]), r["note"])
        parity = as_read(r["all_items"], bool(r["rounded"]))
        places.append(Priced(r["name"], r["slug"], r["code"], r["state_code"], r["kind"],
                             median, parity, worth(median, parity)))  # fmt: skip
    states = _ranked([p for p in places if p.kind == Area.Kind.STATE])
    metros = _ranked([p for p in places if p.kind == Area.Kind.METRO and p.parity is not None])
    return Furthest(release, prices, occupation, national, hourly, states, metros)


def indexable_slugs() -> list[str]:
    """The occupations whose ranking at national prices has at least
    ``INDEXABLE`` places with a median and a price level, for the sitemap
    (one query; none without both releases live)."""
    release, prices = live_release(), live_release(Program.RPP)
    if release is None or prices is None:
        return []
    top, one_unit = int(Footnote.TOP_CODED), int(Footnote.ONE_UNIT_ONLY)
    # As the page counts: the unit its pay is in (hourly where the nation's
    # median is by the hour only), and a price level BEA published.
    rows = fetch(
        f"""
        SELECT o.slug FROM {table(Occupation)} o
        JOIN {table(Estimate)} n ON n.occupation_id = o.id
            AND n.area_id = (SELECT id FROM {table(Area)} WHERE release_id = %s AND kind = %s)
            AND n.industry_id = (
                SELECT id FROM {table(Industry)} WHERE release_id = %s AND code = %s)
        JOIN {table(Estimate)} e ON e.occupation_id = o.id AND e.industry_id = n.industry_id
        JOIN {table(Area)} a ON a.id = e.area_id AND a.kind IN (%s, %s)
        JOIN {table(PriceParity)} p ON p.release_id = %s AND p.area_code = a.code
            AND p.all_items IS NOT NULL
        WHERE o.release_id = %s AND CASE WHEN n.annual_median_note = {one_unit}
            THEN (e.hourly_median IS NOT NULL OR e.hourly_median_note = {top})
            ELSE (e.annual_median IS NOT NULL OR e.annual_median_note = {top}) END
        GROUP BY o.slug HAVING COUNT(*) >= %s ORDER BY o.slug
        """,
        [release.id, NATIONAL, release.id, CROSS_INDUSTRY, Area.Kind.STATE, Area.Kind.METRO,
         prices.id, release.id, INDEXABLE],
    )  # fmt: skip
    return [row["slug"] for row in rows]
