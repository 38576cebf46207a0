"""Loaders for the editors' warnings in admin, in a fixed number of queries."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.utils import timezone

from ..checks import (
    Average,
    ContentWarning,
    Dated,
    averages_disagree,
    bands_outside_range,
    stale_sources,
)
from ..models import Benefit, Comparison, PayFactor, PremiumClaim, Role, RoleNote, Source, Takeaway
from ..salary import Range
from .common import RoleProfile, band_range, load_role_profiles, unique_sources


def _dated(sources: Iterable[Source]) -> list[Dated]:
    return [
        Dated(
            f"{source.publisher}, “{source.title}”",
            source.as_of,
            source.as_of_precision,
            key=f"source:{source.pk}",
        )
        for source in sources
    ]


def _profile_warnings(profile: RoleProfile, shared: list) -> list[ContentWarning]:
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
    return [
        *averages_disagree(role, averages, settings.AVERAGE_TOLERANCE_PERCENT, subject=subject),
        *bands_outside_range(role, typical, bands, subject=subject),
        *stale_sources(
            _dated(unique_sources([*profile.figures, *shared])),
            timezone.localdate(),
            settings.SOURCE_MAX_AGE_MONTHS,
        ),
    ]


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


def role_warnings(roles: list[Role] | None = None) -> dict[int, list[ContentWarning]]:
    """Warnings per role id (every role when ``roles`` is None), in nine queries."""
    roles = list(Role.objects.all()) if roles is None else roles
    shared = _shared_by_role(roles)
    return {
        profile.role.pk: _profile_warnings(profile, shared[profile.role.pk])
        for profile in load_role_profiles(roles)
    }


def comparison_warnings(
    comparisons: list[Comparison] | None = None,
) -> dict[int, list[ContentWarning]]:
    """Warnings per comparison id: its roles' warnings, then stale sources of
    its own claims and takeaways. Twelve queries, whatever the number."""
    if comparisons is None:
        comparisons = list(Comparison.objects.select_related("role_a", "role_b"))
    roles = {c.role_a_id: c.role_a for c in comparisons} | {
        c.role_b_id: c.role_b for c in comparisons
    }
    by_role = role_warnings(list(roles.values()))
    own: dict[int, list] = {comparison.pk: [] for comparison in comparisons}
    ids = list(own)
    for item in PremiumClaim.objects.filter(comparison_id__in=ids).select_related("source"):
        own[item.comparison_id].append(item)
    for item in Takeaway.objects.filter(comparison_id__in=ids).select_related("source"):
        own[item.comparison_id].append(item)
    today, limit = timezone.localdate(), settings.SOURCE_MAX_AGE_MONTHS
    result = {}
    for comparison in comparisons:
        warnings = [*by_role[comparison.role_a_id], *by_role[comparison.role_b_id]]
        warnings += stale_sources(_dated(unique_sources(own[comparison.pk])), today, limit)
        result[comparison.pk] = list(dict.fromkeys(warnings))  # a shared stale source once
    return result


def source_warnings(sources: list[Source] | None = None) -> dict[int, list[ContentWarning]]:
    """Warnings per source id (every source when ``sources`` is None), in one query:
    shown on the source's own page, where they are fixed."""
    sources = list(Source.objects.all()) if sources is None else sources
    today, limit = timezone.localdate(), settings.SOURCE_MAX_AGE_MONTHS
    return {source.pk: stale_sources(_dated([source]), today, limit) for source in sources}


def current_warnings() -> dict[str, ContentWarning]:
    """Every warning the admin shows anywhere, by key."""
    found: dict[str, ContentWarning] = {}
    for loader in (role_warnings, comparison_warnings, source_warnings):
        for warnings in loader().values():
            for warning in warnings:
                found.setdefault(warning.key, warning)
    return found
