"""An occupation page's figures as rows, for its JSON and CSV downloads.

One row per figure the page shows, exact as BLS published it, with its
unit and state. A value BLS did not publish has an empty ``value`` and its
state; a top-coded wage has its bound in ``at_least``, never in ``value``.
"""

from __future__ import annotations

from . import display
from .figures import Datatype, Figure, State
from .guidance.programs import onet_attribution
from .queries.occupation_places import OccupationPlacePage
from .queries.occupations import OccupationPage
from .queries.provenance import BLS_NOTICE
from .queries.rankings import IndustryRow, PlaceRow
from .seo import OEWS_URL

COLUMNS = [
    "occupation",
    "soc_code",
    "area",
    "industry",
    "figure",
    "value",
    "unit",
    "state",
    "at_least",
    "note",
    "source",
    "release",
    "published_on",
]
NATION = "United States"
ALL_INDUSTRIES = "All industries"
NAMES = {
    Datatype.EMPLOYMENT: ("employment", "jobs"),
    Datatype.EMPLOYMENT_RSE: ("employment relative standard error", "percent"),
    Datatype.HOURLY_MEAN: ("mean wage", "USD an hour"),
    Datatype.ANNUAL_MEAN: ("mean wage", "USD a year"),
    Datatype.WAGE_RSE: ("mean wage relative standard error", "percent"),
    Datatype.HOURLY_P10: ("10th percentile wage", "USD an hour"),
    Datatype.HOURLY_P25: ("25th percentile wage", "USD an hour"),
    Datatype.HOURLY_MEDIAN: ("median wage", "USD an hour"),
    Datatype.HOURLY_P75: ("75th percentile wage", "USD an hour"),
    Datatype.HOURLY_P90: ("90th percentile wage", "USD an hour"),
    Datatype.ANNUAL_P10: ("10th percentile wage", "USD a year"),
    Datatype.ANNUAL_P25: ("25th percentile wage", "USD a year"),
    Datatype.ANNUAL_MEDIAN: ("median wage", "USD a year"),
    Datatype.ANNUAL_P75: ("75th percentile wage", "USD a year"),
    Datatype.ANNUAL_P90: ("90th percentile wage", "USD a year"),
    Datatype.JOBS_PER_1000: ("employment per 1,000 jobs", "ratio"),
    Datatype.LOCATION_QUOTIENT: ("location quotient", "ratio"),
}
STATES = {
    State.PUBLISHED: "Published by BLS.",
    State.TOP_CODED: "Top-coded: BLS publishes only that the wage is at least at_least.",
    State.ONE_UNIT_ONLY: "BLS publishes this occupation's wages by the hour or by the year only.",
    State.NOT_RELEASED: "Not released by BLS.",
    State.NOT_PUBLISHED: "Not published by BLS.",
    State.NOT_APPLICABLE: "Not applicable here (a location quotient for the nation).",
}


def _row(
    page: OccupationPage | OccupationPlacePage,
    figure: Figure,
    area: str,
    industry: str,
    note: str = "",
) -> dict:
    name, unit = NAMES[figure.datatype]
    return {
        "occupation": page.occupation.title,
        "soc_code": page.occupation.code,
        "area": area,
        "industry": industry,
        "figure": name,
        "value": figure.value if figure.published else "",
        "unit": unit,
        "state": figure.state.value,
        "at_least": figure.bound if figure.state is State.TOP_CODED else "",
        "note": note or ("" if figure.published else display.text(figure)),
        "source": f"U.S. Bureau of Labor Statistics, OEWS, {page.release.name}",
        "release": page.release.code,
        "published_on": page.release.published_on.isoformat(),
    }


def occupation_rows(page: OccupationPage) -> list[dict]:
    """Every figure of the page: the national estimate, every state's (as its
    maps and their table show them), then each ranked area and industry."""
    rows = [_row(page, figure, NATION, ALL_INDUSTRIES) for figure in page.figures.values()]
    seen: set[tuple[str, str]] = set()
    for state in page.by_state:
        if state.estimated:
            seen.add((state.name, "True"))
            figures = (state.employment, state.pay, state.location_quotient)
            rows.extend(_row(page, figure, state.name, ALL_INDUSTRIES) for figure in figures)

    def ranked(items: list[PlaceRow | IndustryRow], place: bool) -> None:
        for item in items:
            if (item.name, str(place)) in seen:
                continue
            seen.add((item.name, str(place)))
            area, industry = (item.name, ALL_INDUSTRIES) if place else (NATION, item.name)
            figures = [item.employment, item.pay]
            if place:
                figures.append(item.location_quotient)
            rows.extend(_row(page, figure, area, industry) for figure in figures)

    for ranking in (page.states, page.areas):
        ranked([*ranking.by_pay, *ranking.by_employment], place=True)
    ranked([*page.industries.by_pay, *page.industries.by_employment], place=False)
    return rows + guidance_rows(page)


def about(page: OccupationPage | OccupationPlacePage) -> dict:
    """What the JSON download says about its source and the states of values."""
    release = page.release
    return {
        "publisher": "U.S. Bureau of Labor Statistics",
        "program": "Occupational Employment and Wage Statistics (OEWS)",
        "release": release.name,
        "release_code": release.code,
        "published_on": release.published_on.isoformat(),
        "retrieved_on": release.retrieved_on.isoformat(),
        "url": OEWS_URL,
        "notice": BLS_NOTICE,
        "states": {
            **{state.value: text for state, text in STATES.items()},
            NOT_AVAILABLE: "Not available (BLS Employment Projections' “—”).",
            SUPPRESSED: "O*NET recommends suppressing this figure: too imprecise to use.",
        },
    }


def guidance_sources(page: OccupationPage) -> dict:
    """What an occupation's download says of the guidance datasets' rows."""
    onet = onet_attribution(page.work.release.name) if page.work is not None else ""
    return {
        "BLS Employment Projections": "U.S. Bureau of Labor Statistics; public domain.",
        "O*NET": f"{onet} Rows marked derived are rankings careerguide made from O*NET's "
        "ratings.".strip(),
        "NCES CIP to SOC crosswalk": "National Center for Education Statistics and U.S. Bureau "
        "of Labor Statistics; public domain.",
    }


def occupation_place_rows(page: OccupationPlacePage) -> list[dict]:
    """Every figure of an occupation x place page: the place's estimate, the
    nation's and the state's, then each other place the page lists."""
    rows = [_row(page, f, page.place.name, ALL_INDUSTRIES) for f in page.here.figures.values()]
    rows += [_row(page, f, NATION, ALL_INDUSTRIES) for f in page.nation.figures.values()]
    if page.state_figures is not None:
        rows += [
            _row(page, f, page.state.name, ALL_INDUSTRIES)
            for f in page.state_figures.figures.values()
        ]
    seen: set[str] = set()
    for peer in (*page.in_state, *page.similar):
        if peer.place.slug in seen:
            continue
        seen.add(peer.place.slug)
        figures = (peer.employment, peer.pay, peer.location_quotient)
        rows.extend(_row(page, f, peer.place.name, ALL_INDUSTRIES) for f in figures)
    return rows


# The career-guidance datasets' figures: the same columns, their own sources.
NOT_AVAILABLE = "not-available"
SUPPRESSED = "suppressed"


def _guidance(page: OccupationPage, figure: str, value, unit: str, source: str, release,
              state: str = State.PUBLISHED.value, note: str = "") -> dict:  # fmt: skip
    return {
        "occupation": page.occupation.title,
        "soc_code": page.occupation.code,
        "area": NATION,
        "industry": ALL_INDUSTRIES,
        "figure": figure,
        "value": "" if value is None else value,
        "unit": unit,
        "state": state,
        "at_least": "",
        "note": note,
        "source": source,
        "release": release.code,
        "published_on": release.published_on.isoformat() if release.published_on else "",
    }


def guidance_rows(page: OccupationPage) -> list[dict]:
    """What the projections, O*NET and NCES's crosswalk say of the occupation,
    as the page shows it; O*NET's ratings ranked by careerguide (derived)."""
    rows = []
    if page.outlook is not None:
        own, ep = page.outlook.own, page.projections
        source = f"U.S. Bureau of Labor Statistics, Employment Projections program, {ep.name}"
        start, end = page.outlook.start_year, page.outlook.end_year
        for figure, value, unit in (
            (f"projected employment {start}", own.employment_start, "thousand jobs"),
            (f"projected employment {end}", own.employment_end, "thousand jobs"),
            (f"employment change {page.outlook.span}", own.change, "thousand jobs"),
            (f"employment change {page.outlook.span}", own.change_percent, "percent"),
            (f"openings a year {page.outlook.span}", own.openings, "thousand jobs"),
        ):
            rows.append(_guidance(page, figure, value, unit, source, ep))
        rows.append(_guidance(
            page, f"self-employed {start}", own.self_employed_percent, "percent", source, ep,
            NOT_AVAILABLE if own.self_employed_percent is None else State.PUBLISHED.value,
        ))  # fmt: skip
        for figure, value in (("typical entry education", own.education),
                              ("work experience in a related occupation", own.experience),
                              ("typical on-the-job training", own.training)):  # fmt: skip
            if value:
                rows.append(_guidance(page, figure, value, "category", source, ep))
    work = page.work
    for part in work.parts if work else []:
        source = f"O*NET {work.release.name} Database, USDOL/ETA (CC BY 4.0), {part.code}"
        if part.job_zone:
            rows.append(_guidance(page, "job zone", part.job_zone, "O*NET job zone (1-5)",
                                  source, work.release))  # fmt: skip
        for label, percent in part.education_shown:
            rows.append(_guidance(
                page, f"required education: {label}", percent, "percent of workers", source,
                work.release, SUPPRESSED if percent is None else State.PUBLISHED.value,
                "O*NET recommends suppressing it" if percent is None else "",
            ))  # fmt: skip
        for domain, rated in (("skill", part.skills), ("knowledge", part.knowledge)):
            for item in rated:
                note = "ranked by careerguide from O*NET's importance ratings (derived)"
                rows.append(
                    _guidance(
                        page,
                        f"{domain} importance: {item.name}",
                        item.importance,
                        "importance (1-5)",
                        source,
                        work.release,
                        note=note,
                    )
                )
                if item.level is not None:
                    rows.append(
                        _guidance(
                            page,
                            f"{domain} level: {item.name}",
                            item.level,
                            "level (0-7)",
                            source,
                            work.release,
                            note=note,
                        )
                    )
        for tech in part.hot:
            rows.append(
                _guidance(
                    page,
                    "hot technology",
                    tech.name,
                    "name",
                    source,
                    work.release,
                    note="in demand" if tech.in_demand else "",
                )
            )
    studies = page.studies
    for cip, title in studies.programs if studies else []:
        rows.append(_guidance(
            page, "program of study", title, f"CIP {cip}",
            f"National Center for Education Statistics, {studies.release.name} crosswalk",
            studies.release,
        ))  # fmt: skip
    return rows
