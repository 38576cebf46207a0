"""Loaders for the editors' warnings in admin, in a fixed number of queries."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from django.conf import settings
from django.utils import timezone

from core.numbers import percent_change
from officialstats.queries.brief import onet_terms

from ..checks import (
    Average,
    Cited,
    ContentWarning,
    Dated,
    Recorded,
    averages_disagree,
    bands_outside_range,
    sources_without_address,
    stale_sources,
    written_figures_disagree,
)
from ..derive import pay_lead, top_pay
from ..models import Benefit, Comparison, PayFactor, PremiumClaim, Role, RoleNote, Source, Takeaway
from ..official_checks import (
    occupation_not_in_release,
    official_average_differs,
    skills_unrelated,
)
from ..salary import Range
from .articles import LevelRow, rows_by_level, takeaway_statement
from .common import RoleProfile, band_range, load_role_profiles, unique_sources
from .official import Link, RoleOfficial, load_official


def _dated(sources: Iterable[Source]) -> list[Dated]:
    return [
        Dated(_name(source), source.as_of, source.as_of_precision, key=f"source:{source.pk}")
        for source in sources
    ]


def _name(source: Source) -> str:
    return f"{source.publisher}, “{source.title}”"


def _cited(sources: Iterable[Source]) -> list[Cited]:
    return [Cited(_name(source), source.url) for source in sources]


def _official_warnings(item: RoleOfficial) -> list[ContentWarning]:
    """The role's headline average against its occupation's BLS mean, and a
    code the live release does not list; nothing without a live release."""
    subject = f"role:{item.role.pk}"
    if item.link is Link.MISSING:
        return occupation_not_in_release(
            item.role.name, item.code, item.release.name, subject=subject
        )
    if item.link is not Link.LINKED or item.headline is None:
        return []
    return official_average_differs(
        item.role.name,
        item.headline.average,
        item.occupation.title,
        item.code,
        item.release.name,
        item.mean,
        settings.OFFICIAL_TOLERANCE_PERCENT,
        subject=subject,
    )


def _profile_warnings(
    profile: RoleProfile,
    shared: list,
    official: RoleOfficial | None = None,
    onet: list[str] | None = None,
) -> list[ContentWarning]:
    role = profile.role.name
    averages = [
        Average(stat.get_kind_display().lower(), stat.average, stat.approximate)
        for stat in profile.stats.values()
    ]
    overview = profile.overview
    typical = (
        Range(overview.range_low, overview.range_high)
        if overview is not None and overview.range_low is not None
        else None
    )
    bands = [
        (band.level.name.lower(), band_range(band))
        for band in sorted(profile.bands.values(), key=lambda band: band.level.order)
    ]
    subject = f"role:{profile.role.pk}"
    sources = unique_sources([*profile.figures, *shared])
    return [
        *averages_disagree(role, averages, settings.AVERAGE_TOLERANCE_PERCENT, subject=subject),
        *bands_outside_range(role, typical, bands, subject=subject),
        *stale_sources(_dated(sources), timezone.localdate(), settings.SOURCE_MAX_AGE_MONTHS),
        *sources_without_address(_cited(sources)),
        *(_official_warnings(official) if official is not None else []),
        *(_skills_warnings(profile, official, onet) if official is not None and onet else []),
    ]


def _skills_warnings(
    profile: RoleProfile, official: RoleOfficial, onet: list[str]
) -> list[ContentWarning]:
    if official.link is not Link.LINKED:
        return []
    skills = [skill.name for skill in [*profile.core_skills, *profile.pay_skills]]
    return skills_unrelated(
        profile.role.name,
        skills,
        official.occupation.title,
        official.code,
        onet,
        subject=f"role:{profile.role.pk}",
    )


def _shared_by_role(roles: list[Role]) -> dict[int, list]:
    """The factors, benefits and notes that apply to each role, in three queries."""
    found: dict[int, list] = {role.pk: [] for role in roles}
    for model, field in ((PayFactor, "applies_to"), (Benefit, "roles"), (RoleNote, "roles")):
        through = getattr(model, field).through
        name = model._meta.model_name
        links = through.objects.filter(role__in=roles).select_related(f"{name}__source")
        for link in links:
            found[link.role_id].append(getattr(link, name))
    return found


def _load_roles(roles: list[Role]) -> tuple[dict[int, RoleProfile], dict[int, list]]:
    """Each role's profile and shared items, in nine queries."""
    shared = _shared_by_role(roles)
    return {profile.role.pk: profile for profile in load_role_profiles(roles)}, shared


def _warnings_by_role(
    profiles: dict[int, RoleProfile], shared: dict[int, list]
) -> dict[int, list[ContentWarning]]:
    """Each role's own warnings, official figures and O*NET's lists included
    (three queries more, and the live releases')."""
    official = {item.role.pk: item for item in load_official(list(profiles.values()))}
    onet = onet_terms([item.code for item in official.values()])
    return {
        pk: _profile_warnings(profile, shared[pk], official[pk], onet.get(official[pk].code))
        for pk, profile in profiles.items()
    }


def role_warnings(roles: list[Role] | None = None) -> dict[int, list[ContentWarning]]:
    """Warnings per role id (every role when ``roles`` is None), in ten queries
    (and the live release's)."""
    roles = list(Role.objects.all()) if roles is None else roles
    return _warnings_by_role(*_load_roles(roles))


def comparison_warnings(
    comparisons: list[Comparison] | None = None,
) -> dict[int, list[ContentWarning]]:
    """Warnings per comparison id: its roles' warnings, then stale sources of
    its own claims and takeaways, then its written text against the figures.
    Thirteen queries (and the live release's), whatever the number."""
    if comparisons is None:
        comparisons = list(Comparison.objects.select_related("role_a", "role_b"))
    roles = {c.role_a_id: c.role_a for c in comparisons} | {
        c.role_b_id: c.role_b for c in comparisons
    }
    profiles, shared = _load_roles(list(roles.values()))
    by_role = _warnings_by_role(profiles, shared)
    claims: dict[int, list[PremiumClaim]] = {comparison.pk: [] for comparison in comparisons}
    takeaways: dict[int, list[Takeaway]] = {comparison.pk: [] for comparison in comparisons}
    ids = list(claims)
    for item in PremiumClaim.objects.filter(comparison_id__in=ids).select_related("source"):
        claims[item.comparison_id].append(item)
    for item in Takeaway.objects.filter(comparison_id__in=ids).select_related("source"):
        takeaways[item.comparison_id].append(item)
    today, limit = timezone.localdate(), settings.SOURCE_MAX_AGE_MONTHS
    result = {}
    for comparison in comparisons:
        pair = [profiles[comparison.role_a_id], profiles[comparison.role_b_id]]
        own = [*claims[comparison.pk], *takeaways[comparison.pk]]
        warnings = [*by_role[comparison.role_a_id], *by_role[comparison.role_b_id]]
        warnings += stale_sources(_dated(unique_sources(own)), today, limit)
        warnings += sources_without_address(_cited(unique_sources(own)))
        warnings += written_text_warnings(
            comparison,
            takeaways[comparison.pk],
            pair,
            shared[comparison.role_a_id] + shared[comparison.role_b_id],
            claims[comparison.pk],
        )
        result[comparison.pk] = list(dict.fromkeys(warnings))  # a shared stale source once
    return result


def source_warnings(sources: list[Source] | None = None) -> dict[int, list[ContentWarning]]:
    """Warnings per source id (every source when ``sources`` is None), in one query:
    shown on the source's own page, where they are fixed (its age, a missing address)."""
    sources = list(Source.objects.all()) if sources is None else sources
    today, limit = timezone.localdate(), settings.SOURCE_MAX_AGE_MONTHS
    return {
        source.pk: [
            *stale_sources(_dated([source]), today, limit),
            *sources_without_address(_cited([source])),
        ]
        for source in sources
    }


def current_warnings() -> dict[str, ContentWarning]:
    """Every warning the admin shows anywhere, by key."""
    found: dict[str, ContentWarning] = {}
    for loader in (role_warnings, comparison_warnings, source_warnings):
        for warnings in loader().values():
            for warning in warnings:
                found.setdefault(warning.key, warning)
    return found


# --- An article's written text against its roles' figures ------------------

# The comparison's prose fields, in the order the article shows them.
PROSE_FIELDS = [
    "summary",
    "introduction",
    "levels_text",
    "overview_text",
    "factors_text",
    "equity_text",
    "skills_text",
    "competency_text",
    "benefits_text",
    "paths_text",
    "demand_text",
]


def _levels_of(profiles: list[RoleProfile]) -> list:
    levels = {band.level.pk: band.level for p in profiles for band in p.bands.values()}
    return sorted(levels.values(), key=lambda level: level.order)


def _aliases(profiles: list[RoleProfile]) -> dict[str, list[str]]:
    """A role's name, and its first word when the other role's does not share it."""
    names = [profile.role.name for profile in profiles]
    firsts = [name.split()[0].lower() for name in names]
    return {
        name: [name.lower()]
        + ([first] if len(first) > 2 and firsts.count(first) == 1 and first != name.lower() else [])
        for name, first in zip(names, firsts, strict=True)
    }


def recorded_figures(
    profiles: list[RoleProfile], shared: list, claims: list[PremiumClaim], rows: list[LevelRow]
) -> Recorded:
    """Every figure about two roles, and every difference the site works out
    from them, in the form prose is checked against."""
    percents: list[tuple[Decimal, Decimal]] = []
    dollars: list[tuple[Decimal, Decimal]] = []
    for item in shared:
        if isinstance(item, PayFactor) and item.quantified:
            percents.append((item.low_percent, item.high_percent))
    percents += [(claim.low_percent, claim.high_percent) for claim in claims]
    for profile in profiles:
        if profile.equity:
            percents.append((profile.equity.low_percent, profile.equity.high_percent))
        for stat in profile.stats.values():
            dollars.append((stat.average, stat.average))
            if stat.range_low is not None:
                dollars.append((stat.range_low, stat.range_high))
        dollars += [(band.min_salary, band.max_salary) for band in profile.bands.values()]
    a, b = profiles
    for kind in {*a.stats} & {*b.stats}:
        lead = pay_lead(a.role.name, a.stats[kind].average, b.role.name, b.stats[kind].average)
        percents.append((lead.percent, lead.percent))
        dollars.append((lead.difference, lead.difference))
    for row in rows:
        if row.gap is None:
            continue
        gap = row.gap
        ends = [end for end in (gap.bottom, gap.top) if end is not None]
        percents += [(value, value) for value in (*ends, gap.middle)]
        percents.append((min(ends), max(ends)))
        band_a, band_b = (band_range(band) for band in row.bands)
        top = top_pay(row.level.name, a.role.name, band_a, b.role.name, band_b)
        if top.known:
            ceiling = percent_change(top.leader_band.high, top.trailer_band.high)
            percents.append((ceiling, ceiling))
    months = {
        profile.role.name: (
            (profile.competency.min_months, profile.competency.max_months)
            if profile.competency
            else None
        )
        for profile in profiles
    }
    return Recorded(months, percents, dollars, _aliases(profiles))


def written_text_warnings(
    comparison: Comparison,
    takeaways: list[Takeaway],
    profiles: list[RoleProfile],
    shared: list,
    claims: list[PremiumClaim],
) -> list[ContentWarning]:
    """Figures typed in the article's prose or takeaways that disagree with the
    records, and takeaway statements the figures cannot support."""
    rows = rows_by_level(profiles, _levels_of(profiles))
    recorded = recorded_figures(profiles, shared, claims, rows)
    warnings = []
    for name in PROSE_FIELDS:
        field = Comparison._meta.get_field(name)
        where = f"The {field.verbose_name}"
        warnings += written_figures_disagree(where, getattr(comparison, name), recorded)
    for takeaway in takeaways:
        where = f"Takeaway {takeaway.order}"
        warnings += written_figures_disagree(where, takeaway.text, recorded)
        if takeaway.statement and takeaway_statement(takeaway.statement, profiles, rows)[0] is None:
            warnings.append(
                ContentWarning(
                    "takeaway_statement",
                    f"{where} asks for the statement “{takeaway.get_statement_display()}”, but "
                    "the figures it needs are missing for one of the roles, so readers see "
                    "only its text.",
                )
            )
    return warnings
