"""The occupation page's loader, and an occupation's national figures for other pages.

:func:`load_occupation_page` reads everything one occupation's page shows
from the live release in four indexed queries (plus the live release's,
read at most once a second), whatever the size of the catalogue:

1. the occupation, the groups above it, its siblings and its children,
   each with its national, cross-industry estimate;
2. its states and areas that pay and employ most (ranked in SQL);
3. its industries that employ and pay most (ranked in SQL);
4. every state and territory, for the maps (``states.py``).

:func:`national_figures` gives other pages one occupation's national
figures by SOC code, in one query; :func:`national_figures_by_code` several
occupations' in one query (role pages and articles, editors' warnings).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q

from ..figures import PERCENTILES, Datatype, Figure, State, row_figures
from ..live import LiveRelease, live_release
from ..models import NOTE_FIELDS, VALUE_FIELDS, Area, Estimate, Industry, Occupation
from ..outlook import Outlook
from ..reliability import Reliability, reliability
from . import rankings
from .common import (
    CROSS_INDUSTRY,
    NATIONAL,
    OCCUPATION_FIELDS,
    SUMMARY_FIELDS,
    OccupationRef,
    Summary,
    all_industries,
    nation,
    ref,
    sort_summaries,
    summary,
)
from .outlook import load_outlook
from .rankings import IndustryRow, PlaceRow, Ranking
from .related import Related, load_related
from .sql import fetch, marks, table, value
from .states import StateRow, state_rows
from .titles import other_titles
from .work import SPLITS, Studies, Work, load_studies, load_work

ALSO_CALLED = 4  # other titles shown under the heading (the page has a size budget)
ESTIMATE_FIELDS = (*VALUE_FIELDS, *NOTE_FIELDS)


def estimate_figures(row: dict) -> dict[Datatype, Figure]:
    return row_figures(
        {datatype: (row[datatype.field], row[f"{datatype.field}_note"]) for datatype in Datatype}
    )


@dataclass(frozen=True, slots=True)
class NationalFigures:
    """One occupation's national, cross-industry estimate in the live release."""

    release: LiveRelease
    occupation: OccupationRef
    figures: dict[Datatype, Figure]

    @property
    def hourly_only(self) -> bool:
        """BLS publishes this occupation's wages by the hour only (e.g. actors)."""
        return self.figures[Datatype.ANNUAL_MEDIAN].state is State.ONE_UNIT_ONLY

    @property
    def employment(self) -> Figure:
        return self.figures[Datatype.EMPLOYMENT]

    @property
    def mean(self) -> Figure:
        """The mean in the unit readers compare: annual, or hourly where only that is published."""
        return self.figures[Datatype.HOURLY_MEAN if self.hourly_only else Datatype.ANNUAL_MEAN]

    @property
    def hourly_mean(self) -> Figure:
        return self.figures[Datatype.HOURLY_MEAN]

    @property
    def annual_mean(self) -> Figure:
        return self.figures[Datatype.ANNUAL_MEAN]

    @property
    def one_unit_only(self) -> bool:
        """BLS publishes this occupation's wages in one unit only (hourly or annual)."""
        return any(figure.state is State.ONE_UNIT_ONLY for figure in self.figures.values())

    @property
    def top_coded(self) -> bool:
        return any(figure.state is State.TOP_CODED for figure in self.figures.values())

    @property
    def median(self) -> Figure:
        return self.figures[Datatype.HOURLY_MEDIAN if self.hourly_only else Datatype.ANNUAL_MEDIAN]

    @property
    def percentiles(self) -> list[tuple[int, Figure, Figure]]:
        """(percentile, hourly figure, annual figure), 10th to 90th."""
        return [
            (p, self.figures[hourly], self.figures[annual]) for p, hourly, annual in PERCENTILES
        ]

    def spread(self) -> list[tuple[int, Figure]]:
        """The percentiles in the unit the chart draws."""
        return [
            (p, hourly if self.hourly_only else annual) for p, hourly, annual in self.percentiles
        ]

    @property
    def employment_reliability(self) -> Reliability:
        return reliability(self.figures[Datatype.EMPLOYMENT_RSE])

    @property
    def wage_reliability(self) -> Reliability:
        return reliability(self.figures[Datatype.WAGE_RSE])


def national_figures(code: str) -> NationalFigures | None:
    """An occupation's national figures by SOC code ("15-1252"), in one query
    (and the live release's); None when the live release does not list it."""
    release = live_release()
    if release is None:
        return None
    row = (
        Estimate.objects.filter(
            occupation__release_id=release.id,
            occupation__code=code,
            area_id=nation(release.id),
            industry_id=all_industries(release.id),
        )
        .order_by()
        .values(*(f"occupation__{field}" for field in OCCUPATION_FIELDS), *ESTIMATE_FIELDS)
        .first()
    )
    if row is None:
        return None
    return NationalFigures(release, ref(row, "occupation__"), estimate_figures(row))


def figures_at(codes: list[str], place_slug: str = "") -> dict[str, dict[Datatype, Figure]]:
    """Several occupations' cross-industry figures in one state or area (the
    nation for ""), by SOC code, in one query (and the live release's); an
    occupation without an estimate there is left out."""
    codes = sorted({code for code in codes if code})
    release = live_release()
    if release is None or not codes:
        return {}
    where = (
        Q(area__release_id=release.id, area__slug=place_slug)
        if place_slug
        else Q(area_id=nation(release.id))
    )
    rows = (
        Estimate.objects.filter(
            where,
            occupation__release_id=release.id,
            occupation__code__in=codes,
            industry_id=all_industries(release.id),
        )
        .order_by()
        .values("occupation__code", *ESTIMATE_FIELDS)
    )
    return {row["occupation__code"]: estimate_figures(row) for row in rows}


def national_figures_by_code(codes: list[str]) -> dict[str, NationalFigures]:
    """The national figures of several occupations by SOC code, in one query
    (and the live release's), whatever their number: codes the live release
    does not list (or lists without a national estimate) are left out, and
    no live release gives an empty dict."""
    return figures_by_code(codes)


def figures_by_code(codes: list[str], area_id: int | None = None) -> dict[str, NationalFigures]:
    """As ``national_figures_by_code``, at the area ``area_id`` (None: the nation)."""
    codes = sorted({code for code in codes if code})
    release = live_release()
    if release is None or not codes:
        return {}
    # Plain SQL, as the pages' other loaders: every occupation page reads it cold.
    area = (
        f"(SELECT id FROM {table(Area)} WHERE release_id = %s AND kind = %s)"
        if area_id is None
        else "%s"
    )
    sql = f"""
        SELECT {", ".join(f"o.{field}" for field in OCCUPATION_FIELDS)},
            {", ".join(f"e.{field}" for field in ESTIMATE_FIELDS)}
        FROM {table(Occupation)} o JOIN {table(Estimate)} e ON e.occupation_id = o.id
            AND e.area_id = {area}
            AND e.industry_id = (
                SELECT id FROM {table(Industry)} WHERE release_id = %s AND code = %s)
        WHERE o.release_id = %s AND o.code IN ({marks(len(codes))})
    """
    where = [release.id, NATIONAL] if area_id is None else [area_id]
    found = {}
    for row in fetch(sql, [*where, release.id, CROSS_INDUSTRY, release.id, *codes]):
        occupation = ref(row)
        figures = estimate_figures({field: value(field, row[field]) for field in ESTIMATE_FIELDS})
        found[occupation.code] = NationalFigures(release, occupation, figures)
    return found


@dataclass(frozen=True, slots=True)
class OccupationPage(NationalFigures):
    lineage: list[OccupationRef]  # the groups above it, broadest first
    siblings: list[Summary]  # the other occupations of its group
    children: list[Summary]  # for a group: what it is made of
    states: Ranking[PlaceRow]
    areas: Ranking[PlaceRow]
    industries: Ranking[IndustryRow]
    by_state: list[StateRow]  # every state and territory, for the maps and their table
    projections: LiveRelease | None = None  # the live BLS Employment Projections release
    outlook: Outlook | None = None  # its figures for this occupation, when it has them
    work: Work | None = None  # what O*NET says of the work, None without a live O*NET release
    studies: Studies | None = None  # programs of study that lead there (NCES's crosswalk)
    related: list[Related] = field(default_factory=list)  # O*NET's related careers, with pay
    also_called: list[str] = field(default_factory=list)  # a few of O*NET's other titles for it

    @property
    def parent(self) -> OccupationRef | None:
        return self.lineage[-1] if self.lineage else None


def load_occupation_page(slug: str, sort: str = "") -> OccupationPage | None:
    """Everything the page at ``/occupations/<slug>/`` shows; None if the live
    release has no such occupation. ``sort`` orders a group's children."""
    release = live_release()
    if release is None:
        return None
    family = {row["id"]: row for row in fetch(FAMILY, _family_params(release.id, slug))}
    own = next((row for row in family.values() if row["slug"] == slug), None)
    if own is None or own["estimate_id"] is None:  # listed without a national estimate
        return None
    occupation = ref(own)
    figures = estimate_figures({field: value(field, own[field]) for field in ESTIMATE_FIELDS})
    hourly_only = figures[Datatype.ANNUAL_MEDIAN].state is State.ONE_UNIT_ONLY
    lineage = []
    parent_id = occupation.parent_id
    while parent_id is not None and parent_id in family:
        lineage.insert(0, ref(family[parent_id]))
        parent_id = family[parent_id]["parent_id"]

    def listed(parent: int | None) -> list[Summary]:
        return [
            summary(ref(row), {field: value(field, row[field]) for field in SUMMARY_FIELDS})
            for row in family.values()
            if row["parent_id"] == parent
            and row["id"] != occupation.id
            and row["estimate_id"] is not None
        ]

    states, areas = rankings.places(occupation.id, hourly_only)
    projections, outlook = load_outlook(occupation.code)
    work = load_work(occupation.code) if not occupation.is_group else None
    studies = load_studies(occupation.code) if not occupation.is_group else None
    related = (
        load_related(
            occupation.code,
            figures[Datatype.HOURLY_MEDIAN if hourly_only else Datatype.ANNUAL_MEDIAN],
            outlook.own.education if outlook else "",
            national_figures_by_code,
        )
        if not occupation.is_group
        else []
    )
    also_called = (
        other_titles(
            [occupation.code, *SPLITS.get(occupation.code, ())], occupation.title, ALSO_CALLED
        )
        if not occupation.is_group
        else []
    )
    return OccupationPage(
        release=release,
        occupation=occupation,
        figures=figures,
        lineage=lineage,
        siblings=listed(occupation.parent_id) if occupation.parent_id is not None else [],
        children=sort_summaries(listed(occupation.id), sort),
        states=states,
        areas=areas,
        industries=rankings.industries(release.id, occupation.id, hourly_only),
        by_state=state_rows(release.id, occupation.id, hourly_only),
        projections=projections,
        outlook=outlook,
        work=work,
        studies=studies,
        related=related,
        also_called=also_called,
    )


# The occupation at a slug, the groups above it (up its parents), its
# siblings and its children, each with its national, cross-industry estimate.
FAMILY = f"""
    WITH RECURSIVE target AS (
        SELECT id, parent_id FROM {table(Occupation)} WHERE release_id = %s AND slug = %s
    ), lineage (id, parent_id) AS (
        SELECT id, parent_id FROM target
        UNION ALL
        SELECT o.id, o.parent_id FROM {table(Occupation)} o JOIN lineage l ON o.id = l.parent_id
    )
    SELECT o.id, o.code, o.title, o.slug, o.level, o.parent_id, e.id AS estimate_id,
        {", ".join(f"e.{field}" for field in ESTIMATE_FIELDS)}
    FROM {table(Occupation)} o
    LEFT JOIN {table(Estimate)} e ON e.occupation_id = o.id
        AND e.industry_id = (
            SELECT id FROM {table(Industry)} WHERE release_id = %s AND code = %s)
        AND e.area_id = (SELECT id FROM {table(Area)} WHERE release_id = %s AND kind = %s)
    WHERE o.release_id = %s AND (
        o.id IN (SELECT id FROM lineage)
        OR o.parent_id IN (SELECT id FROM target)
        OR o.parent_id IN (SELECT parent_id FROM target))
    ORDER BY o.code
"""


def _family_params(release_id: int, slug: str) -> list:
    return [release_id, slug, release_id, CROSS_INDUSTRY, release_id, NATIONAL, release_id]
