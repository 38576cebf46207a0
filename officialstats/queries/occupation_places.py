"""The loader of an occupation's page for one state or area.

:func:`load_occupation_place` reads everything the page at
``/occupations/<occupation>/in/<place>/`` shows in three indexed queries
(the live release comes with the site state), whatever the size of the
catalogue:

1. the occupation and the place with the three estimates the page compares
   (the place's, the nation's and, for an area, its state's), and the
   place's standing among places, worked out when the release was imported
   (``importing/standings.py``): its ranks and its neighbours by pay;
2. the estimates of those neighbours and of the other areas of its state,
   each found through the unique index;
3. the places of its kind that pay and employ most, read in the order
   worked out at import (``rankings.places``).

The page's figures are its own: no other page shows this occupation's
estimate for this place, or its rank among places.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from .. import geography
from ..differences import Difference, difference
from ..figures import Datatype, Figure, figure
from ..live import LiveRelease, live_release
from ..models import Area, Estimate, Industry, Occupation, Standing
from ..prices import Worth, worth
from ..ranks import Rank
from ..thin import thin_reasons
from .areas import PLACE_FIELDS, PlaceRef, occupation_place_path, place
from .common import CROSS_INDUSTRY, NATIONAL, OCCUPATION_FIELDS, SORTS, OccupationRef, ref
from .occupations import (
    ESTIMATE_FIELDS,
    NationalFigures,
    estimate_figures,
    figures_by_code,
    national_figures_by_code,
)
from .prices import Prices, prices_at
from .rankings import PlaceRow, Ranking, places
from .related import At, Related, load_related
from .sql import decimal, fetch, fetch_rows, table, value


@dataclass(frozen=True, slots=True)
class PlaceFigures(NationalFigures):
    """One occupation's estimate for one place (or the nation)."""

    place: PlaceRef | None = None  # None: the nation

    @property
    def jobs_per_1000(self) -> Figure:
        return self.figures[Datatype.JOBS_PER_1000]

    @property
    def location_quotient(self) -> Figure:
        return self.figures[Datatype.LOCATION_QUOTIENT]


@dataclass(frozen=True, slots=True)
class PeerRow:
    """Another place's figures for the same occupation, linked to its page."""

    place: PlaceRef
    url: str
    employment: Figure
    pay: Figure
    location_quotient: Figure


@dataclass(frozen=True, slots=True)
class Comparison:
    """One figure here beside the nation's and the state's, with the differences."""

    label: str
    here: Figure
    nation: Difference
    state: Difference | None


@dataclass(frozen=True, slots=True)
class OccupationPlacePage:
    release: LiveRelease
    occupation: OccupationRef
    place: PlaceRef
    state: PlaceRef | None  # the state BLS files an area under; None for a state
    here: PlaceFigures
    nation: PlaceFigures
    state_figures: PlaceFigures | None
    ranks: dict[str, Rank]  # "pay", "employment", "location_quotient"
    in_state: list[PeerRow]  # a state's areas, or an area's state's other areas
    similar: list[PeerRow]  # places of its kind with the nearest median, highest first
    top: Ranking[PlaceRow]  # the places of its kind that pay and employ most
    thin: list[str] = field(default_factory=list)  # why it is too thin to index
    related: list[Related] = field(default_factory=list)  # O*NET's, with this place's pay
    prices: Prices | None = None  # BEA's price levels here, None without the dataset

    @property
    def worth(self) -> Worth | None:
        """The median here at national prices (None without a parity)."""
        parity = self.prices.parity if self.prices and self.prices.parity else None
        return worth(self.median, parity.all_items if parity else None)

    @property
    def url(self) -> str:
        return occupation_place_path(self.occupation.slug, self.place.slug)

    @property
    def hourly_only(self) -> bool:
        """Whether BLS publishes this occupation's wages by the hour only (the nation's say)."""
        return self.nation.hourly_only

    @property
    def indexable(self) -> bool:
        return not self.thin

    def pay_of(self, figures: PlaceFigures) -> Figure:
        median = Datatype.HOURLY_MEDIAN if self.hourly_only else Datatype.ANNUAL_MEDIAN
        return figures.figures[median]

    @property
    def median(self) -> Figure:
        return self.pay_of(self.here)

    @property
    def median_vs_nation(self) -> Difference:
        return difference(self.median, self.pay_of(self.nation))

    @property
    def median_vs_state(self) -> Difference | None:
        if self.state_figures is None:
            return None
        return difference(self.median, self.pay_of(self.state_figures))

    def spread(self) -> list[tuple[int, Figure]]:
        return [(p, h if self.hourly_only else a) for p, h, a in self.here.percentiles]

    @property
    def comparisons(self) -> list[Comparison]:
        """The percentiles, the mean and jobs per 1,000 beside the nation's and the state's."""
        unit = 1 if self.hourly_only else 2
        rows = [
            (name, row[unit])
            for name, row in zip(
                ("10th percentile", "25th percentile", "Median", "75th percentile",
                 "90th percentile"),
                self.here.percentiles,
                strict=True,
            )
        ]  # fmt: skip
        mean = Datatype.HOURLY_MEAN if self.hourly_only else Datatype.ANNUAL_MEAN
        rows.append(("Mean", self.here.figures[mean]))
        rows.append(("Jobs per 1,000", self.here.figures[Datatype.JOBS_PER_1000]))
        return [
            Comparison(
                label,
                here,
                difference(here, self.nation.figures[here.datatype]),
                difference(here, self.state_figures.figures[here.datatype])
                if self.state_figures is not None
                else None,
            )
            for label, here in rows
        ]


def load_occupation_place(occupation_slug: str, place_slug: str) -> OccupationPlacePage | None:
    """Everything the occupation x place page shows; None if the live release
    has no such occupation or place, or no estimate of the one in the other."""
    release = live_release()
    if release is None:
        return None
    rows = fetch(TARGET, _target_params(release.id, occupation_slug, place_slug))
    if not rows or rows[0]["p_id"] is None or rows[0]["a_kind"] == NATIONAL:
        return None
    row = rows[0]
    occupation = ref(row)
    here_place = place(row, "a_")
    state = place(row, "s_") if row["s_id"] is not None else None
    here = PlaceFigures(release, occupation, _figures(row, "p_"), here_place)
    nation = PlaceFigures(release, occupation, _figures(row, "n_"))
    state_figures = (
        PlaceFigures(release, occupation, _figures(row, "s_e_"), state)
        if state is not None and row["s_e_id"] is not None
        else None
    )
    similar = [int(part) for part in (row["st_neighbours"] or "").split(",") if part]
    peers = Peers(release.id, occupation, nation.hourly_only, here_place, similar)
    return OccupationPlacePage(
        release=release,
        occupation=occupation,
        place=here_place,
        state=state,
        here=here,
        nation=nation,
        state_figures=state_figures,
        ranks={measure: _rank(row, measure) for measure in MEASURES},
        in_state=peers.in_state(),
        similar=peers.similar(),
        top=places(occupation.id, nation.hourly_only)[0 if here_place.is_state else 1],
        thin=thin_reasons(here.figures),
        related=load_related(
            occupation.code,
            nation.median,
            None,
            national_figures_by_code,
            At(functools.partial(figures_by_code, area_id=here_place.id), here.median),
        ),
        prices=prices_at(here_place.id),
    )


MEASURES = ("pay", "employment", "location_quotient")


def sort_peers(rows: list[PeerRow], sort: str) -> list[PeerRow]:
    """Highest first by median pay (a top-coded median counts as its bound) or
    by jobs, for the sorts an occupation's lists offer (``SORTS``); as given
    (by name) otherwise. Places without the figure come last, by name."""
    if sort not in SORTS:
        return rows

    def key(row: PeerRow):
        return (row.pay if sort == "median" else row.employment).ranked

    with_value = sorted(
        (row for row in rows if key(row) is not None), key=lambda r: (-key(r), r.place.name)
    )
    return with_value + [row for row in rows if key(row) is None]


def _rank(row: dict, measure: str) -> Rank:
    """The place's rank by ``measure``, as worked out when the release was imported."""
    of = row[f"st_{measure}_of"] or 0
    return Rank(row[f"st_{measure}_rank"], of, bool(row[f"st_{measure}_tied"]))


def _figures(row: dict, prefix: str) -> dict[Datatype, Figure]:
    return estimate_figures(
        {column: value(column, row[f"{prefix}{column}"]) for column in ESTIMATE_FIELDS}
    )


class Peers:
    """The places a page names beside its own: the other areas of its state
    (for a state, its areas), and its neighbours by pay, as raw rows."""

    # Columns of PEERS, in order.
    ID, KIND, NAME, SLUG, STATE_CODE, STATE_ID = range(6)
    EMPLOYMENT, EMPLOYMENT_NOTE, PAY, PAY_NOTE, LQ, LQ_NOTE = range(6, 12)

    def __init__(
        self,
        release_id: int,
        occupation: OccupationRef,
        hourly_only: bool,
        here: PlaceRef,
        similar: list[int],
    ) -> None:
        self.occupation, self.here, self.similar_ids = occupation, here, similar
        self.pay = "hourly_median" if hourly_only else "annual_median"
        self.datatype = Datatype.HOURLY_MEDIAN if hourly_only else Datatype.ANNUAL_MEDIAN
        code = here.state_code
        # An area across a state line names every state it lies in: "…, TX-AR".
        named = f"%{geography.ABBREVIATIONS.get(code, '??')}%"
        ids = ", ".join(["%s"] * len(similar)) or "NULL"
        params = [occupation.id, release_id, CROSS_INDUSTRY, *similar, code, named]
        self.rows = fetch_rows(PEERS.format(pay=self.pay, ids=ids), params)

    def in_state(self) -> list[PeerRow]:
        """For a state, its areas (those BLS files under it and those across its
        border whose name lists it); for an area, the other areas of its state."""
        code = self.here.state_code
        chosen = [
            row
            for row in self.rows
            if row[self.KIND] != Area.Kind.STATE
            and row[self.ID] != self.here.id
            and code in geography.states_of(row[self.NAME], row[self.STATE_CODE])
        ]
        return [self.peer(row) for row in sorted(chosen, key=lambda row: row[self.NAME])]

    def similar(self) -> list[PeerRow]:
        """The places of its kind just above and just below it by median pay."""
        by_id = {row[self.ID]: row for row in self.rows}
        return [self.peer(by_id[area]) for area in self.similar_ids if area in by_id]

    def peer(self, row: tuple) -> PeerRow:
        where = PlaceRef(*row[: len(PLACE_FIELDS)])
        return PeerRow(
            place=where,
            url=occupation_place_path(self.occupation.slug, where.slug),
            employment=figure(Datatype.EMPLOYMENT, row[self.EMPLOYMENT], row[self.EMPLOYMENT_NOTE]),
            pay=figure(self.datatype, decimal(self.pay, row[self.PAY]), row[self.PAY_NOTE]),
            location_quotient=figure(
                Datatype.LOCATION_QUOTIENT,
                decimal("location_quotient", row[self.LQ]),
                row[self.LQ_NOTE],
            ),
        )


_ESTIMATES = ", ".join(
    f"{alias}.{column} AS {prefix}{column}"
    for alias, prefix in (("ep", "p_"), ("en", "n_"), ("es", "s_e_"))
    for column in ("id", *ESTIMATE_FIELDS)
)
_AREAS = ", ".join(
    f"{alias}.{column} AS {alias}_{column}" for alias in ("a", "s") for column in PLACE_FIELDS
)
_STANDING = (
    ", ".join(
        f"st.{column} AS st_{column}"
        for measure in ("pay", "employment", "location_quotient")
        for column in (f"{measure}_rank", f"{measure}_of", f"{measure}_tied")
    )
    + ", st.neighbours AS st_neighbours"
)
# The occupation and the place by their slugs, with the place's, the
# nation's and the state's cross-industry estimates: each found through the
# unique index (occupation, industry, area).
TARGET = f"""
    SELECT {", ".join(f"o.{column}" for column in OCCUPATION_FIELDS)}, {_AREAS}, {_ESTIMATES},
        {_STANDING}
    FROM {table(Occupation)} o
    JOIN {table(Area)} a ON a.release_id = o.release_id AND a.slug = %s
    LEFT JOIN {table(Area)} s ON s.id = a.state_id
    JOIN {table(Industry)} i ON i.release_id = o.release_id AND i.code = %s
    JOIN {table(Area)} n ON n.release_id = o.release_id AND n.kind = %s
    LEFT JOIN {table(Estimate)} ep
        ON ep.occupation_id = o.id AND ep.industry_id = i.id AND ep.area_id = a.id
    LEFT JOIN {table(Estimate)} en
        ON en.occupation_id = o.id AND en.industry_id = i.id AND en.area_id = n.id
    LEFT JOIN {table(Estimate)} es
        ON es.occupation_id = o.id AND es.industry_id = i.id AND es.area_id = s.id
    LEFT JOIN {table(Standing)} st ON st.estimate_id = ep.id
    WHERE o.release_id = %s AND o.slug = %s
"""


def _target_params(release_id: int, occupation_slug: str, place_slug: str) -> list:
    return [place_slug, CROSS_INDUSTRY, NATIONAL, release_id, occupation_slug]


# The estimates of the areas a page names beside its own: its neighbours by
# pay (by id) and the areas of its state, filed under it or naming it; each
# through the unique index (occupation, industry, area).
PEERS = f"""
    SELECT {", ".join(f"a.{column}" for column in PLACE_FIELDS)},
        e.employment, e.employment_note, e.{{pay}}, e.{{pay}}_note,
        e.location_quotient, e.location_quotient_note
    FROM {table(Area)} a JOIN {table(Estimate)} e
        ON e.area_id = a.id AND e.occupation_id = %s
        AND e.industry_id = (SELECT id FROM {table(Industry)} WHERE release_id = %s AND code = %s)
    WHERE a.id IN ({{ids}}) OR a.state_code = %s OR a.name LIKE %s
"""
