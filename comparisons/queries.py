"""One loader per page, each returning plain data in a fixed number of queries.

Views and templates only read what these loaders return; no lazy relation is
left for a template to trigger, so the query count does not grow with the
number of roles, skills, factors or benefits.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from .chart import Chart, build_chart
from .derive import BandGap, PayLead, band_gap, pay_lead
from .models import (
    Benefit,
    CareerStep,
    Comparison,
    EquityShare,
    ExperienceLevel,
    PayFactor,
    PremiumClaim,
    Role,
    RoleNote,
    SalaryBand,
    SalaryStat,
    Skill,
    Source,
    Takeaway,
    TimeToCompetency,
)
from .salary import Range


def unique_sources(items: Iterable) -> list[Source]:
    """The distinct sources of ``items``, in order of first appearance."""
    seen: dict[int, Source] = {}
    for item in items:
        if item is not None:
            seen.setdefault(item.source_id, item.source)
    return list(seen.values())


def band_range(band: SalaryBand | None) -> Range | None:
    if band is None:
        return None
    return Range(band.min_salary, band.max_salary, band.open_ended)


@dataclass
class RoleProfile:
    """Everything about one role that its pages show, already loaded."""

    role: Role
    stats: dict[str, SalaryStat] = field(default_factory=dict)
    bands: dict[int, SalaryBand] = field(default_factory=dict)
    equity: EquityShare | None = None
    competency: TimeToCompetency | None = None
    core_skills: list[Skill] = field(default_factory=list)
    pay_skills: list[Skill] = field(default_factory=list)
    career_steps: list[CareerStep] = field(default_factory=list)

    @property
    def headline(self) -> SalaryStat | None:
        return self.stats.get(SalaryStat.Kind.HEADLINE)

    @property
    def overview(self) -> SalaryStat | None:
        return self.stats.get(SalaryStat.Kind.OVERVIEW)


def load_role_profiles(roles: list[Role]) -> list[RoleProfile]:
    """Profiles for ``roles``, in the given order, in six queries."""
    profiles = {role.pk: RoleProfile(role) for role in roles}
    ids = list(profiles)
    for stat in SalaryStat.objects.filter(role_id__in=ids).select_related("source"):
        profiles[stat.role_id].stats[stat.kind] = stat
    for band in SalaryBand.objects.filter(role_id__in=ids).select_related("source", "level"):
        profiles[band.role_id].bands[band.level_id] = band
    for share in EquityShare.objects.filter(role_id__in=ids).select_related("source"):
        profiles[share.role_id].equity = share
    for competency in TimeToCompetency.objects.filter(role_id__in=ids).select_related("source"):
        profiles[competency.role_id].competency = competency
    for skill in Skill.objects.filter(role_id__in=ids).select_related("source"):
        profile = profiles[skill.role_id]
        target = profile.core_skills if skill.kind == Skill.Kind.CORE else profile.pay_skills
        target.append(skill)
    for step in CareerStep.objects.filter(role_id__in=ids).select_related("source"):
        profiles[step.role_id].career_steps.append(step)
    return [profiles[role.pk] for role in roles]


@dataclass(frozen=True)
class Shared:
    """A factor, benefit or note, with the compared roles it applies to."""

    item: PayFactor | Benefit | RoleNote
    roles: tuple[Role, ...]
    for_all: bool


def _shared(model, field_name: str, roles: list[Role]) -> list[Shared]:
    """Items of an M2M-to-Role ``model`` that apply to any of ``roles``, in one query."""
    through = getattr(model, field_name).through
    item_attr = model._meta.model_name
    ordering = [
        f"-{item_attr}__{name[1:]}" if name.startswith("-") else f"{item_attr}__{name}"
        for name in model._meta.ordering
    ]
    links = (
        through.objects.filter(role_id__in=[role.pk for role in roles])
        .select_related(f"{item_attr}__source")
        .order_by(*ordering, "pk")
    )
    by_item: dict[int, tuple[object, set[int]]] = {}
    for link in links:
        item = getattr(link, item_attr)
        by_item.setdefault(item.pk, (item, set()))[1].add(link.role_id)
    return [
        Shared(
            item=item,
            roles=tuple(role for role in roles if role.pk in role_ids),
            for_all=len(role_ids) == len(roles),
        )
        for item, role_ids in by_item.values()
    ]


@dataclass(frozen=True)
class LevelRow:
    level: ExperienceLevel
    bands: tuple[SalaryBand | None, ...]
    gap: BandGap | None


@dataclass(frozen=True)
class FactorGroup:
    label: str
    factors: list[Shared]


@dataclass
class ArticlePage:
    comparison: Comparison
    profiles: list[RoleProfile]
    levels: list[ExperienceLevel]
    level_rows: list[LevelRow]
    lead: PayLead | None
    overview_lead: PayLead | None
    chart: Chart | None
    claims: list[PremiumClaim]
    factor_groups: list[FactorGroup]
    benefits: list[Shared]
    demand_notes: list[Shared]
    education_notes: list[Shared]
    takeaways: list[Takeaway]
    section_sources: dict[str, list[Source]]

    @property
    def sources(self) -> list[Source]:
        """Every source cited anywhere on the page, each once."""
        seen: dict[int, Source] = {}
        for sources in self.section_sources.values():
            for source in sources:
                seen.setdefault(source.pk, source)
        return sorted(seen.values(), key=lambda s: (s.publisher, s.title))

    @property
    def extra_benefits(self) -> list[tuple[Role, list[Benefit]]]:
        """Per role, the benefits that not every compared role offers."""
        extras = []
        for profile in self.profiles:
            items = [
                shared.item
                for shared in self.benefits
                if not shared.for_all and profile.role in shared.roles
            ]
            if items:
                extras.append((profile.role, items))
        return extras

    @property
    def entry_row(self) -> LevelRow | None:
        return self.level_rows[0] if self.level_rows else None


def _lead(profiles: list[RoleProfile], kind: str) -> PayLead | None:
    stats = [profile.stats.get(kind) for profile in profiles]
    if any(stat is None for stat in stats):
        return None
    (a, b), (stat_a, stat_b) = profiles, stats
    return pay_lead(
        a.role.name,
        stat_a.average,
        b.role.name,
        stat_b.average,
        approximate=stat_a.approximate or stat_b.approximate,
    )


def _level_rows(profiles: list[RoleProfile], levels: list[ExperienceLevel]) -> list[LevelRow]:
    rows = []
    for level in levels:
        bands = tuple(profile.bands.get(level.pk) for profile in profiles)
        if all(band is None for band in bands):
            continue
        gap = None
        if all(band is not None for band in bands):
            (a, b), (band_a, band_b) = profiles, bands
            gap = band_gap(a.role.name, band_range(band_a), b.role.name, band_range(band_b))
        rows.append(LevelRow(level, bands, gap))
    return rows


def _chart(profiles: list[RoleProfile], rows: list[LevelRow]) -> Chart | None:
    if not rows:
        return None
    first = rows[0].level
    return build_chart(
        [profile.role.name for profile in profiles],
        [(row.level.name, [band_range(band) for band in row.bands]) for row in rows],
        [band_range(profile.bands.get(first.pk)) for profile in profiles],
    )


def load_article(slug: str) -> ArticlePage | None:
    """The published comparison ``slug`` with all it shows, or ``None``."""
    comparison = (
        Comparison.objects.published().select_related("role_a", "role_b").filter(slug=slug).first()
    )
    if comparison is None:
        return None
    roles = [comparison.role_a, comparison.role_b]
    profiles = load_role_profiles(roles)
    levels = list(ExperienceLevel.objects.all())
    rows = _level_rows(profiles, levels)
    factors = _shared(PayFactor, "applies_to", roles)
    notes = _shared(RoleNote, "roles", roles)
    benefits = _shared(Benefit, "roles", roles)
    claims = list(comparison.premium_claims.select_related("source", "level", "leading_role"))
    takeaways = list(comparison.takeaways.select_related("source"))

    groups: dict[str, list[Shared]] = defaultdict(list)
    for shared in factors:
        groups[shared.item.kind].append(shared)
    factor_groups = [
        FactorGroup(kind.label, groups[kind.value]) for kind in PayFactor.Kind if groups[kind]
    ]

    def all_of(attr: str) -> list:
        return [getattr(profile, attr) for profile in profiles]

    bands = [band for row in rows for band in row.bands]
    return ArticlePage(
        comparison=comparison,
        profiles=profiles,
        levels=levels,
        level_rows=rows,
        lead=_lead(profiles, SalaryStat.Kind.HEADLINE),
        overview_lead=_lead(profiles, SalaryStat.Kind.OVERVIEW),
        chart=_chart(profiles, rows),
        claims=claims,
        factor_groups=factor_groups,
        benefits=benefits,
        demand_notes=[n for n in notes if n.item.topic == RoleNote.Topic.DEMAND],
        education_notes=[n for n in notes if n.item.topic == RoleNote.Topic.EDUCATION],
        takeaways=takeaways,
        section_sources={
            "headline": unique_sources(all_of("headline")),
            "overview": unique_sources(all_of("overview")),
            "levels": unique_sources([*bands, *claims]),
            "factors": unique_sources(shared.item for shared in factors),
            "equity": unique_sources(all_of("equity")),
            "skills": unique_sources(
                [
                    *(s for p in profiles for s in p.core_skills + p.pay_skills),
                    *(n.item for n in notes if n.item.topic == RoleNote.Topic.EDUCATION),
                ]
            ),
            "competency": unique_sources(all_of("competency")),
            "benefits": unique_sources(shared.item for shared in benefits),
            "paths": unique_sources(s for p in profiles for s in p.career_steps),
            "demand": unique_sources(
                n.item for n in notes if n.item.topic == RoleNote.Topic.DEMAND
            ),
            "takeaways": unique_sources(takeaways),
        },
    )


@dataclass(frozen=True)
class HomePage:
    comparisons: list[Comparison]


def load_home() -> HomePage:
    return HomePage(
        comparisons=list(Comparison.objects.published().select_related("role_a", "role_b"))
    )
