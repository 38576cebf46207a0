"""Loading blocks shared by the page loaders: role profiles and M2M items."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..derive import data_set_gap
from ..models import (
    Benefit,
    CareerStep,
    EquityShare,
    PayFactor,
    Role,
    RoleNote,
    SalaryBand,
    SalaryStat,
    Skill,
    Source,
    TimeToCompetency,
)
from ..salary import Range


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
    def skill_sources(self) -> list:
        """The sources of the editors' skills, each once."""
        return unique_sources([*self.core_skills, *self.pay_skills])

    @property
    def step_sources(self) -> list:
        return unique_sources(self.career_steps)

    @property
    def headline(self) -> SalaryStat | None:
        return self.stats.get(SalaryStat.Kind.HEADLINE)

    @property
    def overview(self) -> SalaryStat | None:
        return self.stats.get(SalaryStat.Kind.OVERVIEW)

    @property
    def data_set_gap(self) -> str:
        """Where the overview's average sits against the headline's: "17% below"."""
        if self.headline is None or self.overview is None:
            return ""
        return data_set_gap(self.headline.average, self.overview.average)

    @property
    def figures(self) -> list:
        """Every sourced record of the role's own, for listing their sources."""
        return [
            *self.stats.values(),
            *self.bands.values(),
            self.equity,
            self.competency,
            *self.core_skills,
            *self.pay_skills,
            *self.career_steps,
        ]


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


def shared_items(model, field_name: str, roles: list[Role]) -> list[Shared]:
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
