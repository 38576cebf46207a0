"""Titles, descriptions and structured data of the places' pages.

As ``officialstats.seo`` does for occupations: built from the loaded
figures. An occupation x place page describes the occupation *in* that
place: schema.org ``Occupation`` with ``occupationLocation`` (the state,
or the area contained in its state) and the place's published wage
percentiles as its ``estimatedSalary``; a page too thin to help a reader,
or one answering a reader's own wage, is ``noindex``.
"""

from __future__ import annotations

from django.urls import reverse

from core.seo import PageMeta, base_url_of, home_crumb, shorten

from . import display
from .queries.areas import PlaceRef, occupation_place_path, places_path
from .queries.occupation_places import OccupationPlacePage
from .queries.places import SORTS, PlaceIndex, PlacePage
from .seo import BLS, OEWS_URL, index_crumb, salary_distribution, source_name


def places_crumb() -> tuple[str, str]:
    return ("Places", places_path())


def location(place: PlaceRef, state: PlaceRef | None) -> dict:
    """schema.org's place: a State, or an area contained in its state."""
    if place.is_state:
        return {"@type": "State", "name": place.name}
    item = {"@type": "AdministrativeArea", "name": place.name}
    if state is not None:
        item["containedInPlace"] = {"@type": "State", "name": state.name}
    return item


def occupation_place_crumbs(page: OccupationPlacePage) -> list[tuple[str, str]]:
    """Home › Occupations › the occupation › (its state, for an area) › the place."""
    occupation = page.occupation
    crumbs = [home_crumb(), index_crumb(), (occupation.title, occupation.url)]
    if page.state_figures is not None:  # the occupation's page for the state exists
        crumbs.append((page.state.name, occupation_place_path(occupation.slug, page.state.slug)))
    return [*crumbs, (page.place.name, page.url)]


def describe_occupation_place(page: OccupationPlacePage) -> str:
    occupation, place = page.occupation, page.place
    parts = []
    if page.here.employment.published:
        parts.append(f"{display.text(page.here.employment)} jobs")
    parts.append(f"median pay {display.in_words(page.median)}")
    vs = page.median_vs_nation
    if vs.known and vs.percent is not None and not vs.same:
        direction = "above" if vs.amount > 0 else "below"
        parts.append(f"{vs.percent_text()} {direction} the US median")
    pay_rank = page.ranks["pay"]
    if pay_rank.position is not None:
        parts.append(pay_rank.words("highest median", place.peers))
    source = source_name(page.release.name)
    return shorten(f"{occupation.title} {place.in_phrase} ({source}): {', '.join(parts)}.")


def occupation_place_meta(request, page: OccupationPlacePage, *, noindex: bool) -> PageMeta:
    occupation, place = page.occupation, page.place
    meta = PageMeta(
        title=f"{occupation.title} {place.in_phrase}: median pay {display.in_words(page.median)}",
        description=describe_occupation_place(page),
        path=page.url,
        breadcrumbs=occupation_place_crumbs(page),
        base_url=base_url_of(request),
        noindex=noindex,
    )
    item = {
        "@context": "https://schema.org",
        "@type": "Occupation",
        "name": occupation.title,
        "description": meta.description,
        "occupationalCategory": occupation.code,
        "occupationLocation": [location(place, page.state)],
        "mainEntityOfPage": meta.url,
    }
    if (distribution := salary_distribution(page)) is not None:
        item["estimatedSalary"] = [distribution]
    release = page.release
    dataset = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": f"{occupation.title} {place.in_phrase}: employment and wages, {release.name}",
        "description": (
            f"Employment and wage estimates for {occupation.title} (SOC {occupation.code}) "
            f"{place.in_phrase}, beside the nation's and the state's, from BLS's Occupational "
            f"Employment and Wage Statistics, {release.name}."
        ),
        "url": meta.url,
        "creator": BLS,
        "temporalCoverage": release.name,
        "dateModified": release.published_on.isoformat(),
        "spatialCoverage": location(place, page.state),
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
                + reverse(
                    f"officialstats:occupation_place_{kind}",
                    kwargs={"slug": occupation.slug, "place": place.slug},
                ),
            }
            for kind, mime in (("json", "application/json"), ("csv", "text/csv"))
        ],
    }
    meta.structured += [item, dataset]
    return meta


def place_meta(request, page: PlacePage) -> PageMeta:
    place = page.place
    crumbs = [home_crumb(), places_crumb()]
    if page.state is not None:
        crumbs.append((page.state.name, page.state.url))
    parts = []
    if page.employment.published:
        parts.append(f"{display.text(page.employment)} jobs")
    parts.append(f"median pay {display.in_words(page.pay)} across all occupations")
    if page.most_common:
        parts.append(f"most common: {page.most_common[0].occupation.title}")
    if page.best_paid:
        parts.append(f"best paid: {page.best_paid[0].occupation.title}")
    title = f"Pay and jobs {place.in_phrase}: every occupation"
    if page.sort:
        title += f", by {SORTS[page.sort]}"
    return PageMeta(
        title=title,
        description=shorten(
            f"{place.name} ({source_name(page.release.name)}): {', '.join(parts)}."
        ),
        path=place.url,
        breadcrumbs=[*crumbs, (place.name, place.url)],
        base_url=base_url_of(request),
        # One indexable page per place: a sorted list or a later page repeats its figures.
        noindex=bool(page.sort) or page.page.number > 1,
    )


def place_index_meta(request, index: PlaceIndex | None) -> PageMeta:
    title = "Places: pay and jobs in every state and metropolitan area"
    if index is not None and index.query:
        title = f"Places matching “{index.query}”"
    release = f", {index.release.name}" if index is not None else ""
    return PageMeta(
        title=title,
        description=shorten(
            "Employment and wages in every state, territory, metropolitan and nonmetropolitan "
            f"area of the US, from BLS's Occupational Employment and Wage Statistics{release}: "
            "find a place, then every occupation there."
        ),
        path=places_path(),
        breadcrumbs=[home_crumb(), places_crumb()],
        base_url=base_url_of(request),
        noindex=index is None or bool(index.query),
    )
