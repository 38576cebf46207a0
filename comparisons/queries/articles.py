"""Loaders for the home page and the comparison article."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q

from core.state import Shows, per_state

from ..chart import Chart, build_chart
from ..derive import (
    BandGap,
    Months,
    PayLead,
    band_gap,
    competency_lead,
    pay_lead,
    top_pay,
)
from ..models import (
    Benefit,
    Comparison,
    ExperienceLevel,
    PayFactor,
    PremiumClaim,
    Role,
    RoleNote,
    SalaryBand,
    SalaryStat,
    Source,
    Takeaway,
)
from ..models.roles import PAIR_SEPARATOR
from .common import (
    RoleProfile,
    Shared,
    band_range,
    load_role_profiles,
    shared_items,
    unique_sources,
)


@dataclass(frozen=True)
class LevelRow:
    level: ExperienceLevel
    bands: tuple[SalaryBand | None, ...]
    gap: BandGap | None


@dataclass(frozen=True)
class TakeawayLine:
    """A takeaway with the sentence its chosen statement works out, if any."""

    takeaway: Takeaway
    derived: str | None


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
    related: list[Comparison]
    section_sources: dict[str, list[Source]]
    takeaway_lines: list[TakeawayLine] = field(default_factory=list)

    @property
    def generated(self) -> bool:
        """True for a pair of roles shown from data alone, with no editor's article."""
        return self.comparison.pk is None

    @property
    def sources(self) -> list[Source]:
        """Every source cited anywhere on the page, each once."""
        seen: dict[int, Source] = {}
        for sources in self.section_sources.values():
            for source in sources:
                seen.setdefault(source.pk, source)
        return sorted(seen.values(), key=lambda s: (s.publisher, s.title))

    @property
    def band_leader(self) -> str:
        """The role whose band is higher at every level both publish, if one
        is: the levels table then heads its difference column with it."""
        gaps = [row.gap for row in self.level_rows if row.gap is not None]
        leaders = {gap.leader for gap in gaps}
        if len(leaders) != 1 or any(gap.tie for gap in gaps):
            return ""
        return leaders.pop()

    @property
    def derived_takeaways(self) -> bool:
        return any(line.derived for line in self.takeaway_lines)

    @property
    def shared_benefits(self) -> list[Benefit]:
        return [shared.item for shared in self.benefits if shared.for_all]

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


def rows_by_level(profiles: list[RoleProfile], levels: list[ExperienceLevel]) -> list[LevelRow]:
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


def _chart(
    profiles: list[RoleProfile], rows: list[LevelRow], first: ExperienceLevel | None
) -> Chart | None:
    """The chart of bands; the legend's starting salary is the first career stage's."""
    if not rows or first is None:
        return None
    return build_chart(
        [profile.role.name for profile in profiles],
        [(row.level.name, [band_range(band) for band in row.bands]) for row in rows],
        [band_range(profile.bands.get(first.pk)) for profile in profiles],
    )


def takeaway_statement(
    kind: str, profiles: list[RoleProfile], rows: list[LevelRow]
) -> tuple[str | None, list]:
    """The sentence a takeaway's statement works out, and the records it rests on.

    ``None`` when either role lacks the figures it needs (editors are warned).
    """
    a, b = profiles
    if kind == Takeaway.Statement.COMPETENCY and a.competency and b.competency:
        times = [
            Months(p.competency.min_months, p.competency.max_months, p.competency.note)
            for p in profiles
        ]
        lead = competency_lead(a.role.name, times[0], b.role.name, times[1])
        return lead.sentence, [a.competency, b.competency]
    if kind == Takeaway.Statement.AVERAGE_PAY:
        lead = _lead(profiles, SalaryStat.Kind.HEADLINE)
        if lead is not None:
            return f"{lead.headline}. {lead.detail}", [a.headline, b.headline]
    if kind == Takeaway.Statement.TOP_PAY:
        both = [row for row in rows if row.gap is not None]
        if both:
            row = both[-1]
            band_a, band_b = row.bands
            top = top_pay(
                row.level.name, a.role.name, band_range(band_a), b.role.name, band_range(band_b)
            )
            return top.sentence, [band_a, band_b]
    return None, []


def _takeaway_lines(
    takeaways: list[Takeaway], profiles: list[RoleProfile], rows: list[LevelRow]
) -> tuple[list[TakeawayLine], list]:
    lines, records = [], []
    for takeaway in takeaways:
        derived, used = (
            takeaway_statement(takeaway.statement, profiles, rows)
            if takeaway.statement
            else (None, [])
        )
        if derived or takeaway.text.strip():
            lines.append(TakeawayLine(takeaway, derived))
            records += [takeaway, *used]
    return lines, records


RELATED_LIMIT = 6


def related_comparisons(comparison: Comparison) -> list[Comparison]:
    """Other published comparisons that share a role with ``comparison``."""
    roles = [comparison.role_a_id, comparison.role_b_id]
    return list(
        Comparison.objects.published()
        .filter(Q(role_a__in=roles) | Q(role_b__in=roles))
        .exclude(pk=comparison.pk)
        .select_related("role_a", "role_b")[:RELATED_LIMIT]
    )


def pair_slug(role_a: Role, role_b: Role) -> str:
    return f"{role_a.slug}{PAIR_SEPARATOR}{role_b.slug}"


def resolve_pair(slug: str) -> tuple[Role, Role] | None:
    """The two published roles a "<a>-vs-<b>" slug names, in its order, in one query.

    Role slugs cannot contain "-vs-" (a model constraint), so a pair slug
    splits one way only.
    """
    parts = slug.split(PAIR_SEPARATOR)
    if len(parts) != 2 or parts[0] == parts[1]:
        return None
    roles = {role.slug: role for role in Role.objects.published().filter(slug__in=parts)}
    if len(roles) != 2:
        return None
    return roles[parts[0]], roles[parts[1]]


def published_for_pair(role_a: Role, role_b: Role) -> Comparison | None:
    """The editors' published article about these two roles, in either order."""
    return (
        Comparison.objects.published()
        .filter(Q(role_a=role_a, role_b=role_b) | Q(role_a=role_b, role_b=role_a))
        .first()
    )


def generated_comparison(role_a: Role, role_b: Role) -> Comparison:
    """An unsaved comparison for a pair without an article: data only, no prose."""
    return Comparison(
        slug=pair_slug(role_a, role_b),
        title=f"{role_a.name} vs {role_b.name}",
        role_a=role_a,
        role_b=role_b,
        summary=(
            f"{role_a.name} and {role_b.name} side by side: pay by experience level, "
            "what moves it, skills, benefits and career paths, from published figures."
        ),
    )


@per_state(Shows.EVERYTHING, key=lambda slug: slug)
def find_comparison(slug: str) -> Comparison | None:
    """The published comparison ``slug`` with its two roles, or ``None``."""
    return (
        Comparison.objects.published().select_related("role_a", "role_b").filter(slug=slug).first()
    )


# A generated comparison has no pk: its slug and roles name it.
@per_state(Shows.EVERYTHING, key=lambda c: (c.pk, c.slug, c.role_a_id, c.role_b_id))
def load_article(comparison: Comparison) -> ArticlePage:
    """Everything the article about ``comparison`` shows, in a fixed number of queries."""
    roles = [comparison.role_a, comparison.role_b]
    profiles = load_role_profiles(roles)
    levels = list(ExperienceLevel.objects.all())
    rows = rows_by_level(profiles, levels)
    factors = shared_items(PayFactor, "applies_to", roles)
    notes = shared_items(RoleNote, "roles", roles)
    benefits = shared_items(Benefit, "roles", roles)
    if comparison.pk is None:  # a page generated for a pair no editor has written up
        claims, takeaways, related = [], [], []
    else:
        claims = list(comparison.premium_claims.select_related("source", "level", "leading_role"))
        takeaways = list(comparison.takeaways.select_related("source"))
        related = related_comparisons(comparison)

    groups: dict[str, list[Shared]] = defaultdict(list)
    for shared in factors:
        groups[shared.item.kind].append(shared)
    factor_groups = [
        FactorGroup(kind.label, groups[kind.value]) for kind in PayFactor.Kind if groups[kind]
    ]

    def all_of(attr: str) -> list:
        return [getattr(profile, attr) for profile in profiles]

    bands = [band for row in rows for band in row.bands]
    takeaway_lines, takeaway_records = _takeaway_lines(takeaways, profiles, rows)
    return ArticlePage(
        comparison=comparison,
        profiles=profiles,
        levels=levels,
        level_rows=rows,
        lead=_lead(profiles, SalaryStat.Kind.HEADLINE),
        overview_lead=_lead(profiles, SalaryStat.Kind.OVERVIEW),
        chart=_chart(profiles, rows, levels[0] if levels else None),
        claims=claims,
        factor_groups=factor_groups,
        benefits=benefits,
        demand_notes=[n for n in notes if n.item.topic == RoleNote.Topic.DEMAND],
        education_notes=[n for n in notes if n.item.topic == RoleNote.Topic.EDUCATION],
        takeaways=takeaways,
        related=related,
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
            "takeaways": unique_sources(takeaway_records),
        },
        takeaway_lines=takeaway_lines,
    )


HOME_LIMIT = 12


@dataclass(frozen=True)
class HomePage:
    comparisons: list[Comparison]
    more: bool


def load_home() -> HomePage:
    """The newest published comparisons, in one query whatever the catalogue's size."""
    newest = list(
        Comparison.objects.published().select_related("role_a", "role_b")[: HOME_LIMIT + 1]
    )
    return HomePage(comparisons=newest[:HOME_LIMIT], more=len(newest) > HOME_LIMIT)
