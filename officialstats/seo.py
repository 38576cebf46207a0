"""Titles, descriptions and structured data of the statistics pages.

Built from the loaded figures, so what search engines read agrees with
the page. The page metadata itself is the site's (``core.seo.PageMeta``,
which ``base.html`` renders); this module only fills it in.

An occupation is described by schema.org's ``Occupation``, its SOC code as
``occupationalCategory`` and its wage percentiles as a
``MonetaryAmountDistribution``. A top-coded percentile is left out: BLS
says only that it is at least $239,200 (or $115.00 an hour), and a number
in structured data would read as the value.
"""

from __future__ import annotations

from decimal import Decimal

from django.urls import reverse

from core.seo import PageMeta, base_url_of, home_crumb, shorten

from . import display
from .figures import State
from .models import Program
from .models.releases import PROGRAM_TITLES
from .outlook import signed
from .queries.common import occupations_path
from .queries.index import INDEX_SORTS, OccupationList
from .queries.occupations import OccupationPage

BLS = {
    "@type": "Organization",
    "name": "U.S. Bureau of Labor Statistics",
    "url": "https://www.bls.gov/",
}
OEWS_URL = "https://www.bls.gov/oes/"
PERCENTILE_KEYS = {
    10: "percentile10",
    25: "percentile25",
    50: "median",
    75: "percentile75",
    90: "percentile90",
}


def citation(release_name: str) -> str:
    """How BLS asks to be cited (as ``Release.citation``)."""
    return f"U.S. Bureau of Labor Statistics, {PROGRAM_TITLES[Program.OEWS]}, {release_name}"


def source_name(release_name: str) -> str:
    """How every figure names its source: "BLS OEWS, May 2025"."""
    return f"BLS OEWS, {release_name}"


def index_crumb() -> tuple[str, str]:
    return ("Occupations", occupations_path())


def crumbs(page: OccupationPage) -> list[tuple[str, str]]:
    """Home › Occupations › the groups above (not "All occupations") › the occupation."""
    groups = [(group.title, group.url) for group in page.lineage if group.level > 0]
    return [home_crumb(), index_crumb(), *groups, (page.occupation.title, page.occupation.url)]


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def salary_distribution(page: OccupationPage) -> dict | None:
    """The published percentiles, in the unit BLS publishes (annual where it can)."""
    spread = page.spread()
    published = {p: figure.value for p, figure in spread if figure.published}
    if not published:
        return None
    return {
        "@type": "MonetaryAmountDistribution",
        "name": "wages",
        "currency": "USD",
        "duration": "PT1H" if page.hourly_only else "P1Y",
        **{PERCENTILE_KEYS[p]: _number(value) for p, value in published.items()},
    }


def occupation_ld(meta: PageMeta, page: OccupationPage) -> dict:
    item = {
        "@context": "https://schema.org",
        "@type": "Occupation",
        "name": page.occupation.title,
        "description": meta.description,
        "occupationalCategory": page.occupation.code,
        "occupationLocation": [{"@type": "Country", "name": "United States"}],
        "mainEntityOfPage": meta.url,
    }
    if (distribution := salary_distribution(page)) is not None:
        item["estimatedSalary"] = [distribution]
    item.update(guidance_ld(page))
    return item


def guidance_ld(page: OccupationPage) -> dict:
    """What the guidance datasets add to the Occupation: its tasks shown at
    once and skills (O*NET), its typical entry education and experience (BLS
    projections)."""
    found: dict = {}
    work = page.work.single if page.work else None
    if work is not None and work.tasks:
        found["responsibilities"] = [task.text for task in work.first_tasks]
    if work is not None:
        named = [rated.name for rated in work.skills] or [tech.name for tech in work.hot[:10]]
        if named:
            found["skills"] = named
    outlook = page.outlook
    if outlook is not None and outlook.own.education:
        found["educationRequirements"] = outlook.own.education
        experience = outlook.own.experience
        if experience:
            found["experienceRequirements"] = (
                "No work experience in a related occupation"
                if experience == "None"
                else f"{experience} of work experience in a related occupation"
            )
    return found


def dataset_ld(meta: PageMeta, page: OccupationPage) -> dict:
    slug, release = page.occupation.slug, page.release
    return {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": f"{page.occupation.title}: employment and wages, {release.name}",
        "description": (
            f"National employment and wage estimates for {page.occupation.title} "
            f"(SOC {page.occupation.code}), with the states, areas and industries that pay and "
            f"employ most, from BLS's Occupational Employment and Wage Statistics, {release.name}."
        ),
        "url": meta.url,
        "creator": BLS,
        "temporalCoverage": release.name,
        "dateModified": release.published_on.isoformat(),
        "isBasedOn": {
            "@type": "Dataset",
            "name": f"Occupational Employment and Wage Statistics, {release.name}",
            "publisher": BLS,
            "url": OEWS_URL,
        },
        "distribution": [
            {
                "@type": "DataDownload",
                "encodingFormat": mime,
                "contentUrl": meta.base_url
                + reverse(f"officialstats:occupation_{kind}", args=[slug]),
            }
            for kind, mime in (("json", "application/json"), ("csv", "text/csv"))
        ],
    }


def describe(page: OccupationPage) -> str:
    """A search snippet made of the page's headline figures, its source first."""
    occupation = page.occupation
    parts = []
    if page.employment.published:
        parts.append(f"{display.text(page.employment)} US jobs")
    parts.append(f"median pay {display.in_words(page.median)}")
    if page.outlook is not None:
        growth = signed(page.outlook.own.change_percent)
        parts.append(f"jobs projected {growth} {page.outlook.span}")
    low, high = page.spread()[0][1], page.spread()[-1][1]
    if low.published and high.state in (State.PUBLISHED, State.TOP_CODED):
        parts.append(f"10th–90th percentile {display.text(low)} to {display.text(high)}")
    source = source_name(page.release.name)
    return shorten(f"{occupation.title} (SOC {occupation.code}; {source}): {', '.join(parts)}.")


def occupation_meta(request, page: OccupationPage, *, noindex: bool = False) -> PageMeta:
    occupation = page.occupation
    median = display.in_words(page.median)
    jobs = f", {display.text(page.employment)} jobs" if page.employment.published else ""
    meta = PageMeta(
        title=f"{occupation.title}: median pay {median}{jobs}",
        description=describe(page),
        path=occupation.url,
        breadcrumbs=crumbs(page),
        base_url=base_url_of(request),
        noindex=noindex,
    )
    meta.structured += [occupation_ld(meta, page), dataset_ld(meta, page)]
    return meta


def index_meta(request, listing: OccupationList | None) -> PageMeta:
    """The index; a search, a sorted list or a later page is not for search engines."""
    path = occupations_path()
    if listing is not None and listing.query:
        title = f"Occupations matching “{listing.query}”"
    elif listing is not None and listing.filters:
        title = f"Occupations {listing.filters.said}"
    elif listing is not None and listing.sort in INDEX_SORTS:
        title = f"Occupations by {INDEX_SORTS[listing.sort]}"
    else:
        title = "Occupations: pay and employment for every job BLS surveys"
    release = f", {listing.release.name}" if listing is not None else ""
    meta = PageMeta(
        title=title,
        description=shorten(
            "Employment and wages for every occupation in the US, from BLS's Occupational "
            f"Employment and Wage Statistics{release}: browse by group, sort by median pay or "
            "employment, or search by job title."
        ),
        path=path,
        breadcrumbs=[home_crumb(), index_crumb()],
        base_url=base_url_of(request),
        noindex=listing is None
        or bool(listing.query)
        or listing.page.number > 1
        or bool(listing.sort)
        or bool(listing.filters),  # the lists pages are the indexable ones
    )
    return meta


def lists_path() -> str:
    return reverse("officialstats:list_index")


def list_meta(request, career_list, listing: OccupationList | None) -> PageMeta:
    """A list readers look for: indexed, with an ItemList of what it ranks."""
    release = f" (BLS OEWS {listing.release.name} pay)" if listing is not None else ""
    meta = PageMeta(
        title=career_list.title,
        description=shorten(f"{career_list.lede}{release}"),
        path=f"{lists_path()}{career_list.slug}/",
        breadcrumbs=[home_crumb(), index_crumb(), ("Lists", lists_path())],
        base_url=base_url_of(request),
        noindex=listing is None or not listing.rows,
    )
    if listing is not None and listing.rows:
        meta.structured = [
            {
                "@context": "https://schema.org",
                "@type": "ItemList",
                "name": career_list.title,
                "itemListOrder": "https://schema.org/ItemListOrderDescending",
                "numberOfItems": len(listing.rows),
                "itemListElement": [
                    {
                        "@type": "ListItem",
                        "position": position,
                        "name": row.occupation.title,
                        "url": meta.base_url + row.occupation.url,
                    }
                    for position, row in enumerate(listing.rows, start=1)
                ],
            }
        ]
    return meta


def lists_index_meta(request) -> PageMeta:
    return PageMeta(
        title="Occupations ranked: growth, openings and pay by education",
        description=shorten(
            "The fastest-growing occupations, those with the most openings, and the best "
            "paid for each level of education needed to enter, from BLS's figures."
        ),
        path=lists_path(),
        breadcrumbs=[home_crumb(), index_crumb(), ("Lists", lists_path())],
        base_url=base_url_of(request),
    )
