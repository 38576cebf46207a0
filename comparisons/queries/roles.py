"""Loaders for role pages and the indexes."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Q

from officialstats.guidance.programs import onet_attribution
from officialstats.queries.brief import Brief, load_brief

from ..chart import Chart, build_chart
from ..models import Benefit, Comparison, ExperienceLevel, PayFactor, Role, RoleNote, SalaryStat
from ..official import RoleAverage
from ..salary import Range
from ..verdict import Verdict, role_verdict
from .common import (
    RoleProfile,
    Shared,
    band_range,
    load_role_profiles,
    shared_items,
    unique_sources,
)
from .official import Link, RoleOfficial, RolesOutlook, load_official, load_roles_outlook

PER_PAGE = 50


@dataclass
class RolePage:
    profile: RoleProfile
    levels: list[ExperienceLevel]
    factors: list[Shared]
    benefits: list[Shared]
    notes: list[Shared]
    comparisons: list[Comparison]
    chart: Chart | None
    official: RoleOfficial | None = None
    outlook: RolesOutlook | None = None  # the linked occupation's projections
    brief: Brief | None = None  # O*NET's tasks and hot technologies for it

    @property
    def onet_attribution(self) -> str:
        """O*NET's licence asks for it wherever its content appears."""
        return onet_attribution(self.brief.release.name) if self.brief else ""

    @property
    def factor_sources(self) -> list:
        return unique_sources(shared.item for shared in self.factors)

    @property
    def demand_notes(self) -> list[Shared]:
        return [n for n in self.notes if n.item.topic == RoleNote.Topic.DEMAND]

    @property
    def education_notes(self) -> list[Shared]:
        return [n for n in self.notes if n.item.topic == RoleNote.Topic.EDUCATION]

    @property
    def role(self) -> Role:
        return self.profile.role

    @property
    def bands(self) -> list:
        return [
            (level, self.profile.bands[level.pk])
            for level in self.levels
            if level.pk in self.profile.bands
        ]

    @property
    def verdict(self) -> Verdict | None:
        """The page's summary, from the same figures its sections show."""
        headline, overview = self.profile.headline, self.profile.overview
        if headline is None:
            return None
        average = RoleAverage(
            self.role.name,
            headline.average,
            [(level.name, band_range(band)) for level, band in self.bands],
        )
        official = self.official
        gap = official.gaps[1].difference if official and official.gaps else None
        return role_verdict(
            average,
            approximate=headline.approximate,
            overview=(
                (
                    overview.average,
                    Range(overview.range_low, overview.range_high)
                    if overview.range_low is not None
                    else None,
                    overview.approximate,
                )
                if overview
                else None
            ),
            official=(official.occupation.title, gap, official.stand_in) if gap else None,
        )

    @property
    def sources(self) -> list:
        profile = self.profile
        found = unique_sources(
            [
                *profile.figures,
                *(shared.item for shared in self.factors + self.benefits + self.notes),
            ]
        )
        return sorted(found, key=lambda source: (source.publisher, source.title))


def load_role_page(slug: str, *, drafts: bool = False) -> RolePage | None:
    """A published role (or, for staff's preview, any role) with everything
    its page shows, in thirteen queries (and the live release's), or ``None``."""
    roles = Role.objects.all() if drafts else Role.objects.published()
    role = roles.filter(slug=slug).first()
    if role is None:
        return None
    (profile,) = load_role_profiles([role])
    levels = list(ExperienceLevel.objects.all())
    comparisons = list(
        Comparison.objects.published()
        .filter(Q(role_a=role) | Q(role_b=role))
        .select_related("role_a", "role_b")
    )
    bands = [(level, profile.bands.get(level.pk)) for level in levels]
    shown = [(level, band) for level, band in bands if band is not None]
    chart = (
        build_chart(
            [role.name],
            [(level.name, [band_range(band)]) for level, band in shown],
            [band_range(profile.bands.get(levels[0].pk))],
        )
        if shown
        else None
    )
    official = load_official([profile])[0]
    return RolePage(
        profile=profile,
        levels=levels,
        factors=shared_items(PayFactor, "applies_to", [role]),
        benefits=shared_items(Benefit, "roles", [role]),
        notes=shared_items(RoleNote, "roles", [role]),
        comparisons=comparisons,
        chart=chart,
        official=official,
        outlook=load_roles_outlook([official]),
        brief=load_brief(official.code) if official.link is Link.LINKED else None,
    )


@dataclass(frozen=True)
class RoleListItem:
    role: Role
    headline: SalaryStat | None


def load_role_index(page_number: str | int | None) -> tuple[Page, list[RoleListItem]]:
    """One page of published roles, each with its headline average, in three queries."""
    roles = Role.objects.published().order_by("name")
    paginator = Paginator(roles, PER_PAGE, allow_empty_first_page=True)
    page = paginator.page(page_number or 1)  # EmptyPage / PageNotAnInteger: the view's 404
    roles = list(page.object_list)
    headlines = {
        stat.role_id: stat
        for stat in SalaryStat.objects.filter(
            role__in=roles, kind=SalaryStat.Kind.HEADLINE
        ).select_related("source")
    }
    return page, [RoleListItem(role, headlines.get(role.pk)) for role in roles]


def load_comparison_index(page_number: str | int | None) -> Page:
    """One page of published comparisons, newest first, in two queries."""
    comparisons = Comparison.objects.published().select_related("role_a", "role_b")
    return Paginator(comparisons, PER_PAGE).page(page_number or 1)
