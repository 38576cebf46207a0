"""The places' loaders: the index of states and areas, and a place's page.

The index reads the live release's 583 places in one query and groups and
filters them here (a place's name, its state's name and abbreviation are
searched, so "texas" finds Texas and every area in it), and a search reads
the place aliases too ("NYC", "Bay Area": one query more). A place's page
takes four queries whatever the catalogue: the place with its state and
its all-occupations estimate beside the nation's; the states and the
areas of its state; a page of its detailed occupations, sorted and cut in
SQL, each with the national median; and the occupations most common and
best paid there (and how many there are).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.core.paginator import EmptyPage

from .. import geography
from ..differences import Difference, difference
from ..figures import TOP_CODE_ANNUAL, Datatype, Figure, Footnote, figure
from ..live import LiveRelease, live_release
from ..models import Area, Estimate, Industry, Occupation
from .aliases import Alias, aliases_of, matching
from .areas import PLACE_FIELDS, PlaceRef, occupation_place_path, place
from .common import CROSS_INDUSTRY, NATIONAL, OCCUPATION_FIELDS, OccupationRef, pay_of, ref
from .index import ListPage, page_number
from .prices import Prices, prices_at
from .sql import decimal, fetch, fetch_rows, table

PER_PAGE = 50
TOP = 5
MAX_QUERY = 100
SORTS = {"median": "median pay", "employment": "employment", "lq": "location quotient"}


# The index --------------------------------------------------------------------------------


type Listed = tuple[PlaceRef, str]  # an area, and the state BLS files it under if another


@dataclass(frozen=True, slots=True)
class StateGroup:
    """A state (or territory) and the areas listed under it."""

    state: PlaceRef
    areas: list[Listed]
    matched: bool = True  # whether the state itself matches the search

    @property
    def count(self) -> int:
        return len(self.areas)


@dataclass(frozen=True, slots=True)
class PlaceIndex:
    release: LiveRelease
    groups: list[StateGroup]
    query: str = ""
    areas: int = 0  # how many metropolitan and nonmetropolitan areas match
    aliases: list[Alias] = field(default_factory=list)  # the names people use the search means

    @property
    def states(self) -> int:
        return sum(group.matched for group in self.groups)


def clean_query(raw: str) -> str:
    return " ".join(raw.split())[:MAX_QUERY]


def load_place_index(query: str = "") -> PlaceIndex | None:
    """Every state and territory with its areas, in name order; with
    ``query``, those whose words match."""
    release = live_release()
    if release is None:
        return None
    query = clean_query(query)
    words = re.findall(r"\w+", query.lower())
    rows = fetch_rows(ALL_PLACES, [release.id, NATIONAL])
    places = [PlaceRef(*row[:-1]) for row in rows]
    states = {p.state_code: p for p in places if p.is_state}
    by_code = {row[-1]: p for row, p in zip(rows, places, strict=True)}
    aliases = matching(aliases_of(by_code), query) if words else []
    aliased = {place.id for alias in aliases for place in alias.places}
    by_state: dict[str, list[PlaceRef]] = {code: [] for code in states}
    for area in places:
        if area.is_state:
            continue
        codes = area.states
        if words and area.id not in aliased and not _matches(words, area.name, codes, states):
            continue
        for code in codes:
            by_state.setdefault(code, []).append(area)
    groups, listed = [], set()
    for state in sorted(states.values(), key=lambda s: s.name):
        mine = by_state[state.state_code]
        matched = (
            not words
            or state.id in aliased
            or _matches(words, state.name, (state.state_code,), states)
        )
        if mine or matched:
            groups.append(StateGroup(state, listed_in(state, mine, states), matched=matched))
            listed.update(area.id for area in mine)
    return PlaceIndex(release, groups, query, len(listed), aliases)


def _matches(
    words: list[str], name: str, codes: tuple[str, ...], states: dict[str, PlaceRef]
) -> bool:
    """Whether every word begins a word of the name, or of the name or
    abbreviation of a state the place lies in ("tex" and "tx" find Austin)."""
    names = [states[code].name for code in codes if code in states]
    names += [geography.ABBREVIATIONS.get(code, "") for code in codes]
    said = " " + _NOT_WORD.sub(" ", " ".join([name, *names]).lower())
    return all(f" {word}" in said for word in words)


_NOT_WORD = re.compile(r"\W+")


def listed_in(state: PlaceRef, areas: list[PlaceRef], states: dict[str, PlaceRef]) -> list[Listed]:
    """``areas`` as listed under ``state``, each with the name of the state BLS
    files it under when that is another one."""
    return [
        (area, _name(states.get(area.state_code)) if area.state_code != state.state_code else "")
        for area in areas
    ]


def _name(state: PlaceRef | None) -> str:
    return state.name if state is not None else ""


ALL_PLACES = f"""
    SELECT {", ".join(PLACE_FIELDS)}, code FROM {table(Area)}
    WHERE release_id = %s AND kind <> %s ORDER BY name
"""


# A place's page ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OccupationHere:
    """An occupation's figures in the place, with its national median."""

    occupation: OccupationRef
    url: str  # the occupation x place page
    employment: Figure
    pay: Figure
    location_quotient: Figure
    national_pay: Figure

    @property
    def vs_nation(self) -> Difference:
        return difference(self.pay, self.national_pay)


@dataclass(frozen=True, slots=True)
class PlacePage:
    release: LiveRelease
    place: PlaceRef
    state: PlaceRef | None  # the state BLS files an area under
    also_in: list[PlaceRef]  # other states an area's name lists
    employment: Figure  # all occupations here
    pay: Figure  # all occupations' median here
    national_pay: Figure
    page: ListPage
    sort: str
    most_common: list[OccupationHere] = field(default_factory=list)
    best_paid: list[OccupationHere] = field(default_factory=list)
    areas: list[Listed] = field(default_factory=list)  # a state's areas, or its state's others
    prices: Prices | None = None  # BEA's price levels here, None without the dataset

    @property
    def rows(self) -> list[OccupationHere]:
        return self.page.object_list

    @property
    def vs_nation(self) -> Difference:
        return difference(self.pay, self.national_pay)

    @property
    def areas_state(self) -> PlaceRef:
        """The state whose areas the page lists."""
        return self.state or self.place


def load_place_page(slug: str, sort: str = "", page: str | int | None = None) -> PlacePage | None:
    """Everything ``/places/<slug>/`` shows; None if there is no such state or
    area (the nation has no place page: its figures are the occupation pages').

    Raises InvalidPage for a page number out of range.
    """
    release = live_release()
    if release is None:
        return None
    number = page_number(page)
    found = fetch(PLACE, [CROSS_INDUSTRY, NATIONAL, release.id, slug])
    if not found or found[0]["a_kind"] == NATIONAL:
        return None
    row = found[0]
    here = place(row, "a_")
    state_code = here.state_code
    abbreviation = geography.ABBREVIATIONS.get(state_code, "??")
    nearby = [
        place(r)
        for r in fetch(
            NEARBY, [release.id, Area.Kind.STATE, state_code, f"%, %{abbreviation}%", NATIONAL]
        )
    ]
    states = {p.state_code: p for p in nearby if p.is_state}
    areas = [p for p in nearby if not p.is_state and p.id != here.id and p.lies_in(state_code)]
    sort = sort if sort in SORTS else ""
    listed = _occupations(release.id, here, sort, number)
    if not listed and number > 1:
        raise EmptyPage("That page contains no results")
    where = _params(release.id, here)
    top = _highlights(release.id, where)
    count = top[0]["matches"] if top else 0
    by_pay = sorted(
        (r for r in top if r["list"] == "paid" and r["pay_key"] is not None),
        key=lambda r: (-r["pay_key"], r["code"]),
    )
    by_jobs = sorted(
        (r for r in top if r["list"] == "common" and r["employment"] is not None),
        key=lambda r: (-r["employment"], r["code"]),
    )
    return PlacePage(
        release=release,
        place=here,
        state=states.get(state_code) if not here.is_state else None,
        also_in=[states[c] for c in here.states[1:] if c in states],
        employment=figure(Datatype.EMPLOYMENT, row["p_employment"], row["p_employment_note"]),
        pay=_pay(row, "p_"),
        national_pay=_pay(row, "n_"),
        page=ListPage([_here(here, r) for r in listed], number, count, PER_PAGE),
        sort=sort,
        most_common=[_here(here, r) for r in by_jobs],
        best_paid=[_here(here, r) for r in by_pay],
        areas=listed_in(states.get(state_code, here), areas, states),
        prices=prices_at(here.id),
    )


def _pay(row: dict, prefix: str = "") -> Figure:
    return pay_of(
        figure(
            Datatype.ANNUAL_MEDIAN,
            decimal("annual_median", row[f"{prefix}annual_median"]),
            row[f"{prefix}annual_median_note"],
        ),
        figure(
            Datatype.HOURLY_MEDIAN,
            decimal("hourly_median", row[f"{prefix}hourly_median"]),
            row[f"{prefix}hourly_median_note"],
        ),
    )


def _here(where: PlaceRef, row: dict) -> OccupationHere:
    occupation = ref(row)
    return OccupationHere(
        occupation=occupation,
        url=occupation_place_path(occupation.slug, where.slug),
        employment=figure(Datatype.EMPLOYMENT, row["employment"], row["employment_note"]),
        pay=_pay(row),
        location_quotient=figure(
            Datatype.LOCATION_QUOTIENT,
            decimal("location_quotient", row["location_quotient"]),
            row["location_quotient_note"],
        ),
        national_pay=_pay(row, "n_"),
    )


_MEDIANS = ("annual_median", "annual_median_note", "hourly_median", "hourly_median_note")
_SUMMARY = ("employment", "employment_note", *_MEDIANS)
# The place and its all-occupations estimate beside the nation's.
PLACE = f"""
    SELECT {", ".join(f"a.{c} AS a_{c}" for c in PLACE_FIELDS)},
        {", ".join(f"ep.{c} AS p_{c}" for c in _SUMMARY)},
        {", ".join(f"en.{c} AS n_{c}" for c in _MEDIANS)}
    FROM {table(Area)} a
    JOIN {table(Industry)} i ON i.release_id = a.release_id AND i.code = %s
    JOIN {table(Area)} n ON n.release_id = a.release_id AND n.kind = %s
    LEFT JOIN {table(Occupation)} t ON t.release_id = a.release_id AND t.level = 0
    LEFT JOIN {table(Estimate)} ep
        ON ep.occupation_id = t.id AND ep.industry_id = i.id AND ep.area_id = a.id
    LEFT JOIN {table(Estimate)} en
        ON en.occupation_id = t.id AND en.industry_id = i.id AND en.area_id = n.id
    WHERE a.release_id = %s AND a.slug = %s
"""
# Every state (their names and addresses), and the areas that may lie in
# one state: filed under it, or naming its abbreviation (checked exactly
# by PlaceRef.lies_in, since LIKE ignores case and position).
NEARBY = f"""
    SELECT {", ".join(PLACE_FIELDS)} FROM {table(Area)}
    WHERE release_id = %s AND (kind = %s OR state_code = %s OR name LIKE %s) AND kind <> %s
    ORDER BY name
"""
_PAY_KEY = "CASE WHEN e.annual_median IS NOT NULL THEN e.annual_median "
_PAY_KEY += "WHEN e.annual_median_note = %s THEN CAST(%s AS NUMERIC) END"
# By the columns' names, so that the page's rows and the outer query that
# adds the nation's medians to them sort alike.
ORDERS = {
    "": "title, code",
    "median": "pay_key DESC NULLS LAST, code",
    "employment": "employment DESC NULLS LAST, code",
    "lq": "location_quotient DESC NULLS LAST, code",
}
_ROWS = f"""
    {", ".join(f"o.{c}" for c in OCCUPATION_FIELDS)},
    {", ".join(f"e.{c}" for c in (*_SUMMARY, "location_quotient", "location_quotient_note"))},
    e.industry_id
"""
_FROM = f"""
    FROM {table(Estimate)} e
    JOIN {table(Occupation)} o ON o.id = e.occupation_id
    WHERE e.area_id = %s
        AND e.industry_id = (SELECT id FROM {table(Industry)} WHERE release_id = %s AND code = %s)
        AND o.level = %s
"""
# The nation's median beside each row chosen: joined to the rows a page
# shows, not to the 800 it chooses from.
_NATION = f"""
    LEFT JOIN {table(Estimate)} n ON n.occupation_id = r.id AND n.industry_id = r.industry_id
        AND n.area_id = (SELECT id FROM {table(Area)} WHERE release_id = %s AND kind = %s)
"""
_WITH_NATION = f"r.*, {', '.join(f'n.{c} AS n_{c}' for c in _MEDIANS)}"
PAGE = f"""
    SELECT {_WITH_NATION} FROM (
        SELECT {_ROWS}, {_PAY_KEY} AS pay_key {_FROM}
        ORDER BY {{order}} LIMIT %s OFFSET %s
    ) r {_NATION}
    ORDER BY {{order}}
"""
# The few most common and best-paid occupations, each list a top-N sort
# (cheap: no window over every row), with how many there are in all.
_TOP = f"""
    SELECT * FROM (
        SELECT {_ROWS}, {_PAY_KEY} AS pay_key, '{{name}}' AS list {_FROM}
        ORDER BY {{order}} LIMIT %s
    ) {{name}}
"""
HIGHLIGHTS = f"""
    SELECT {_WITH_NATION}, (SELECT COUNT(*) {_FROM}) AS matches FROM (
        {_TOP.format(name="paid", order=ORDERS["median"])}
        UNION ALL
        {_TOP.format(name="common", order=ORDERS["employment"])}
    ) r {_NATION}
"""


def _pay_key_params() -> list:
    return [int(Footnote.TOP_CODED), str(TOP_CODE_ANNUAL)]


def _params(release_id: int, where: PlaceRef) -> list:
    return [where.id, release_id, CROSS_INDUSTRY, Occupation.Level.DETAILED]


def _occupations(release_id: int, where: PlaceRef, sort: str, number: int) -> list[dict]:
    sql = PAGE.format(order=ORDERS[sort])
    params = [*_pay_key_params(), *_params(release_id, where), PER_PAGE, (number - 1) * PER_PAGE]
    return fetch(sql, [*params, release_id, NATIONAL])


def _highlights(release_id: int, where: list) -> list[dict]:
    keys = _pay_key_params()
    params = [*where, *keys, *where, TOP, *keys, *where, TOP, release_id, NATIONAL]
    return fetch(HIGHLIGHTS, params)
