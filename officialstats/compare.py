"""One occupation in two to four places: which places, in what order, and the
rows of figures side by side. Pure: no database.

The address names the places (``?p=california&p=texas``). :func:`choose`
reads what was asked for against the places the release knows and says,
in words, what it left out and why: a place it does not know, one asked for
twice, one where BLS publishes no estimate of the occupation, the nation
(always shown, for reference), and places past the fourth. The places kept
are put in one canonical order (states, then metropolitan, then
nonmetropolitan areas, each by name), so that any choice of the same places
has one address, which is the one cached.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import urlencode

from .differences import Difference, difference
from .figures import Datatype, Figure
from .gaps import Gap, gap
from .prices import worth

MAX_PLACES = 4
MIN_PLACES = 2
PARAM = "p"
# Read at most this many values of ``p``: an address with hundreds is not a choice.
MAX_READ = 12
KIND_ORDER = {"national": 0, "state": 1, "metro": 2, "nonmetro": 3}
KIND_LABELS = {
    "national": "nation",
    "state": "state",
    "metro": "metropolitan area",
    "nonmetro": "nonmetropolitan area",
}


@dataclass(frozen=True, slots=True)
class Place:
    """A state or area of the release, and whether BLS estimates the occupation there."""

    slug: str
    name: str
    kind: str
    state_code: str  # FIPS of the state BLS files it under
    state_name: str  # the state it lies in ("" for the nation)
    estimated: bool

    @property
    def kind_label(self) -> str:
        if self.kind == "state" and self.state_code in TERRITORIES:
            return "territory"
        return KIND_LABELS[self.kind]

    @property
    def sort_key(self) -> tuple[int, str]:
        return order_key(self.kind, self.name)


def order_key(kind: str, name: str) -> tuple[int, str]:
    """The canonical order: states, then metropolitan, then nonmetropolitan areas, by name."""
    return (KIND_ORDER[kind], name)


# Guam, Puerto Rico and the Virgin Islands, which BLS lists among the states.
TERRITORIES = frozenset({"66", "72", "78"})


@dataclass(frozen=True, slots=True)
class Choice:
    places: list[Place]  # in canonical order
    messages: list[str]  # what was left out, and why
    canonical: bool  # the address asked for exactly these, in this order

    @property
    def slugs(self) -> list[str]:
        return [place.slug for place in self.places]


def _names(names: Sequence[str]) -> str:
    if len(names) == 1:
        return names[0]
    return f"{', '.join(names[:-1])} and {names[-1]}"


def choose(
    requested: Sequence[str], places: dict[str, Place], *, occupation: str, release: str
) -> Choice:
    """The places to compare for the values of ``p`` in ``requested``."""
    messages: list[str] = []
    kept: list[Place] = []
    unknown, twice, without, past = [], [], [], []
    nation = False
    for raw in requested[:MAX_READ]:
        slug = raw.strip().lower()
        if not slug:
            continue
        place = places.get(slug)
        if place is None:
            unknown.append(f"“{raw.strip()[:60]}”")
        elif place.kind == "national":
            nation = True
        elif place in kept:
            if place.name not in twice:
                twice.append(place.name)
        elif not place.estimated:
            without.append(place.name)
        elif len(kept) >= MAX_PLACES:
            past.append(place.name)
        else:
            kept.append(place)
    if len(requested) > MAX_READ:
        messages.append(
            f"Only the first {MAX_READ} places asked for were read; at most {MAX_PLACES} "
            "fit side by side."
        )
    if unknown:
        verb = "is not a place" if len(unknown) == 1 else "are not places"
        messages.append(f"{_names(unknown)} {verb} in BLS's {release} figures, so left out.")
    if twice:
        messages.append(f"{_names(twice)}: asked for more than once, shown once.")
    if without:
        messages.append(
            f"BLS publishes no estimate for {occupation} in {_names(without)}, so left out."
        )
    if nation:
        messages.append("The United States is always shown, for reference, beside the places.")
    if past:
        messages.append(
            f"At most {MAX_PLACES} places fit side by side: {_names(past)} left out. "
            "Remove one to add another."
        )
    ordered = sorted(kept, key=lambda place: place.sort_key)
    canonical = not messages and list(requested) == [place.slug for place in ordered]
    return Choice(ordered, messages, canonical)


def query_string(slugs: Sequence[str]) -> str:
    """``?p=california&p=texas``, or "" for no places."""
    return f"?{urlencode([(PARAM, slug) for slug in slugs])}" if slugs else ""


# Rows ------------------------------------------------------------------------------------------

# The rows compared, in the order shown: (label, annual datatype, hourly
# datatype, money?). Pay first, what readers come to compare; then jobs. Pay
# is in the unit BLS publishes the occupation in.
ROWS = (
    ("Median", Datatype.ANNUAL_MEDIAN, Datatype.HOURLY_MEDIAN, True),
    ("10th percentile", Datatype.ANNUAL_P10, Datatype.HOURLY_P10, True),
    ("25th percentile", Datatype.ANNUAL_P25, Datatype.HOURLY_P25, True),
    ("75th percentile", Datatype.ANNUAL_P75, Datatype.HOURLY_P75, True),
    ("90th percentile", Datatype.ANNUAL_P90, Datatype.HOURLY_P90, True),
    ("Mean", Datatype.ANNUAL_MEAN, Datatype.HOURLY_MEAN, True),
    ("Jobs", Datatype.EMPLOYMENT, Datatype.EMPLOYMENT, False),
    ("Jobs per 1,000 jobs", Datatype.JOBS_PER_1000, Datatype.JOBS_PER_1000, False),
    ("Location quotient", Datatype.LOCATION_QUOTIENT, Datatype.LOCATION_QUOTIENT, False),
)


@dataclass(frozen=True, slots=True)
class Cell:
    figure: Figure
    versus_nation: Difference | None  # pay rows only
    missing: str = ""  # said instead of the figure where there is none to show


@dataclass(frozen=True, slots=True)
class Row:
    label: str
    money: bool
    cells: list[Cell]  # one per place, in the places' order
    nation: Figure
    gap: Gap | None  # highest minus lowest of the places (pay rows only)


def compare_rows(
    places: Sequence[tuple[str, dict[Datatype, Figure]]],
    nation: dict[Datatype, Figure],
    *,
    hourly: bool,
) -> list[Row]:
    """Each row of figures, for ``(place name, figures)`` pairs and the nation's figures."""
    rows = []
    for label, annual, per_hour, money in ROWS:
        datatype = per_hour if hourly else annual
        national = nation[datatype]
        cells = [
            Cell(figures[datatype], difference(figures[datatype], national) if money else None)
            for _, figures in places
        ]
        spread = gap([(name, figures[datatype]) for name, figures in places]) if money else None
        rows.append(Row(label, money, cells, national, spread))
    return rows


def national_prices_row(
    places: Sequence[tuple[str, Figure, Decimal | None]], nation: Figure, *, hourly: bool
) -> Row | None:
    """The median at national prices (``officialstats.prices``) for ``(place
    name, median, BEA price level)``, against the nation's median (its own
    price level being 100); None when no place chosen has a price level."""
    if not any(parity is not None for _, _, parity in places):
        return None
    cells, figures = [], []
    for name, median, parity in places:
        found = worth(median, parity)
        if found is None or found.at_least:
            said = "no price level" if parity is None else "not worked out"
            cells.append(Cell(median, None, said))
            continue
        value = found.figure()
        cells.append(Cell(value, difference(value, nation)))
        figures.append((name, value))
    label = "Median at national prices"
    return Row(label, True, cells, nation, gap(figures) if len(figures) > 1 else None)
