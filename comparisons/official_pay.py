"""The calculator's official circumstances: places and industries from BLS OEWS.

For a role linked to an occupation, a place's effect is the occupation's
median there over its national median, and an industry's is its national
median in that industry over its median across all industries. What a
reader can choose comes from :func:`choices` (the places and industries
where at least one of the two roles' occupations has a usable median);
what each role's estimate uses, and why, from :func:`circumstance`. An
editor's factor for the same place or industry (``PayFactor.official_slugs``)
is shown beside the official figure, and the step says which one counts.
Pure: no queries.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from officialstats.differences import difference
from officialstats.display import in_words, text
from officialstats.figures import Figure, State
from officialstats.models import Area
from officialstats.queries.areas import PlaceRef, occupation_place_path
from officialstats.queries.medians import (
    SECTOR_LEVEL,
    IndustryRef,
    OccupationMedians,
    OfficialMedians,
)

from .models import PayFactor, Role
from .salary import FactorInput

LOCATION = PayFactor.Kind.LOCATION
INDUSTRY = PayFactor.Kind.INDUSTRY
AREA_ORDER = {Area.Kind.METRO: 0, Area.Kind.NONMETRO: 1}


def usable(occupation: OccupationMedians, found: Figure | None) -> bool:
    """A median gives a ratio only when it and the nation's are published
    numbers in the same unit: a top-coded one is only a lower bound."""
    return (
        found is not None
        and found.published
        and occupation.nation.published
        and found.datatype == occupation.nation.datatype
    )


@dataclass(frozen=True)
class Choices:
    """What the location and industry steps offer beside the editors' factors."""

    medians: OfficialMedians | None
    states: list[PlaceRef] = field(default_factory=list)
    areas: dict[str, list[PlaceRef]] = field(default_factory=dict)
    sectors: list[IndustryRef] = field(default_factory=list)
    sub_industries: dict[str, list[IndustryRef]] = field(default_factory=dict)

    @property
    def source(self) -> str:
        return self.medians.source if self.medians else ""


def choices(medians: OfficialMedians | None) -> Choices:
    """Every state with a usable median (its own, or one of its areas'), each
    state's areas (metropolitan, then nonmetropolitan, by name; an area that
    reaches several states is under each), every sector with a usable
    national median and what lies inside it."""
    if medians is None:
        return Choices(None)
    occupations = list(medians.occupations.values())

    def place_ok(slug: str) -> bool:
        return any(usable(o, o.place(slug)) for o in occupations)

    def industry_ok(slug: str) -> bool:
        return any(usable(o, o.industry(slug)) for o in occupations)

    states = {p.state_code: p for p in medians.places.values() if p.is_state}
    areas: dict[str, list[PlaceRef]] = {}
    for place in medians.places.values():
        if place.is_state or not place_ok(place.slug):
            continue
        for code in place.states:
            if code in states:
                areas.setdefault(states[code].slug, []).append(place)
    offered = sorted(
        (s for s in states.values() if place_ok(s.slug) or s.slug in areas),
        key=lambda s: s.name,
    )
    for listed in areas.values():
        listed.sort(key=lambda p: (AREA_ORDER.get(p.kind, 2), p.name))
    sectors = sorted(
        (i for i in medians.industries.values() if i.is_sector and industry_ok(i.slug)),
        key=lambda i: i.name,
    )
    # Each industry under the sector its NAICS code's first two digits name.
    sector_of = {prefix: sector.slug for sector in sectors for prefix in sector.sector_prefixes}
    inside: dict[str, list[IndustryRef]] = {sector.slug: [] for sector in sectors}
    for industry in sorted(medians.industries.values(), key=lambda i: i.code):
        slug = sector_of.get(industry.code[:2])
        if slug and industry.level > SECTOR_LEVEL and industry_ok(industry.slug):
            inside[slug].append(industry)
    return Choices(medians, offered, areas, sectors, inside)


@dataclass(frozen=True)
class OfficialFigure:
    """An occupation's median somewhere against its national median."""

    name: str
    occupation: str
    median: Figure
    nation: Figure
    source: str
    url: str = ""

    @property
    def versus_nation(self) -> str:
        """How far the median is from the nation's, as a share of it (for words
        only: the estimate multiplies by the two medians themselves)."""
        return difference(self.median, self.nation).percent_text(signed=True)

    @property
    def median_words(self) -> str:
        return in_words(self.median)

    @property
    def nation_words(self) -> str:
        return in_words(self.nation)


@dataclass(frozen=True)
class Circumstance:
    """What a step of the breakdown is about, and which figure it uses.

    ``uses`` is "official", "editor" or "" (nothing: the step changes no
    number); ``note`` says why, in a sentence, whenever that is not obvious.
    """

    factor: PayFactor | None = None
    official: OfficialFigure | None = None
    uses: str = "editor"
    note: str = ""
    alternatives: tuple[OfficialFigure, ...] = ()

    @property
    def source(self):
        """The source of the figure the step uses, when it is an editor's."""
        return self.factor.source if self.factor is not None and self.uses == "editor" else None

    @property
    def source_id(self) -> int | None:
        return self.factor.source_id if self.source is not None else None


def _why_not(role: Role, occupation: OccupationMedians | None, found: Figure | None, where: str):
    """Why no ratio can be worked out for ``role`` ``where``, in a sentence."""
    if not role.occupation_code:
        return f"{role.name} is not linked to a BLS occupation, so BLS's figures do not apply."
    if occupation is None:
        return f"The live BLS release has no estimate of {role.name}'s occupation."
    title = occupation.title.lower()
    if not occupation.nation.published:
        return (
            f"BLS's national median for {title} is {text(occupation.nation)}, so no place "
            "or industry can be set against it."
        )
    if found is None:
        return f"BLS publishes no estimate of {title} {where}."
    if found.state is State.TOP_CODED:
        return (
            f"BLS publishes only that the median for {title} {where} is {text(found)}, "
            "so no ratio can be worked out from it."
        )
    return f"BLS's median for {title} {where} is {text(found)}, so it gives no ratio."


def _official(
    medians: OfficialMedians, occupation: OccupationMedians, name: str, found: Figure, url: str
) -> OfficialFigure:
    return OfficialFigure(name, occupation.title, found, occupation.nation, medians.source, url)


def _figure_of(kind: str, occupation: OccupationMedians, slug: str) -> Figure | None:
    return occupation.place(slug) if kind == LOCATION else occupation.industry(slug)


def _where(kind: str, medians: OfficialMedians, slug: str) -> tuple[str, str]:
    """The place's or industry's name, and "in ..." for a sentence."""
    if kind == LOCATION:
        place = medians.places[slug]
        return place.name, place.in_phrase
    industry = medians.industries[slug]
    return industry.name, f"in {industry.name} nationally"


def _alternatives(
    kind: str, factor: PayFactor, occupation: OccupationMedians | None, medians
) -> tuple[OfficialFigure, ...]:
    """BLS's figures for the places or industries an editor's factor names."""
    if occupation is None or medians is None:
        return ()
    found = []
    for slug in factor.official_slug_list:
        median = _figure_of(kind, occupation, slug)
        if usable(occupation, median) and (
            slug in medians.places if kind == LOCATION else slug in medians.industries
        ):
            name, _ = _where(kind, medians, slug)
            url = occupation_place_path(occupation.slug, slug) if kind == LOCATION else ""
            found.append(_official(medians, occupation, name, median, url))
    return tuple(found)


def circumstance(
    kind: str,
    role: Role,
    *,
    factor: PayFactor | None,
    official_slug: str,
    parent_slug: str,
    medians: OfficialMedians | None,
    editors: list[PayFactor],
    applies,
) -> FactorInput | None:
    """The location or industry step of ``role``'s estimate.

    ``factor`` is an editor's factor the reader chose; ``official_slug`` a
    BLS place or industry (``parent_slug`` its state or sector, which an
    editor's factor may name instead). The official median is used when the
    role's occupation has a usable one there, else the editor's factor for
    the same place or industry, visibly; ``None`` when nothing was chosen.
    """
    occupation = (
        medians.occupations.get(role.occupation_code)
        if medians is not None and role.occupation_code
        else None
    )
    if factor is not None:
        return FactorInput(
            factor.name,
            factor.low_percent,
            factor.high_percent,
            applies=applies(factor, role),
            ref=Circumstance(
                factor,
                uses="editor",
                alternatives=_alternatives(kind, factor, occupation, medians),
            ),
        )
    if not official_slug or medians is None:
        return None
    name, where = _where(kind, medians, official_slug)
    matching = next(
        (
            f
            for f in editors
            if official_slug in f.official_slug_list or parent_slug in f.official_slug_list
        ),
        None,
    )
    found = _figure_of(kind, occupation, official_slug) if occupation is not None else None
    if occupation is not None and usable(occupation, found):
        url = occupation_place_path(occupation.slug, official_slug) if kind == LOCATION else ""
        official = _official(medians, occupation, name, found, url)
        return FactorInput(
            name,
            applies=True,
            ratio=(found.value, occupation.nation.value),
            ref=Circumstance(matching, official, uses="official"),
        )
    reason = _why_not(role, occupation, found, where)
    if matching is not None and matching.quantified and applies(matching, role):
        return FactorInput(
            matching.name,
            matching.low_percent,
            matching.high_percent,
            ref=Circumstance(
                matching,
                uses="editor",
                note=f"{reason} The estimate uses the source's figure for {matching.name} instead.",
            ),
        )
    return FactorInput(
        name, ref=Circumstance(None, uses="", note=f"{reason} This step changes nothing.")
    )
