"""Loaders for the salary calculator: its options, then one estimate's inputs."""

from __future__ import annotations

from dataclasses import dataclass

from core.state import Shows, per_state
from officialstats.queries.aliases import area_slugs
from officialstats.queries.medians import load_medians
from officialstats.queries.occupations import figures_at

from ..models import Comparison, EquityShare, ExperienceLevel, PayFactor, Role, SalaryBand
from ..official_pay import Choices, choices


@dataclass(frozen=True)
class CalculatorOptions:
    """Everything the calculator form offers, straight from the database."""

    roles: list[Role]
    levels: list[ExperienceLevel]
    factors: list[PayFactor]
    factor_roles: dict[int, frozenset[int]]
    default_roles: tuple[Role, Role] | None

    def factors_of(self, kind: str) -> list[PayFactor]:
        return [factor for factor in self.factors if factor.kind == kind]

    def applies(self, factor: PayFactor, role: Role) -> bool:
        return role.pk in self.factor_roles.get(factor.pk, frozenset())


@per_state(
    Shows.EVERYTHING,
    key=lambda *, default_roles=None: default_roles and tuple(role.pk for role in default_roles),
)
def load_calculator_options(*, default_roles: tuple[Role, Role] | None = None) -> CalculatorOptions:
    """Published roles, levels and pay factors in five queries (six to find
    default roles).

    Without ``default_roles``, the two roles of the newest published
    comparison are the defaults, else the first two roles. Default roles
    that are drafts (a staff preview's) are offered too, so that the
    preview's calculator works; public pages only pass published roles.
    """
    roles = list(Role.objects.published())
    drafts = [role for role in default_roles or () if not role.is_published]
    if drafts:
        roles = sorted([*roles, *drafts], key=lambda role: role.name)
    levels = list(ExperienceLevel.objects.all())
    factors = list(PayFactor.objects.select_related("source", "place_alias"))
    # The areas each factor's place alias names, all in one query.
    named = area_slugs(f.place_alias for f in factors if f.place_alias is not None)
    for factor in factors:
        factor.alias_area_slugs = named.get(factor.place_alias_id, [])
    factor_roles: dict[int, set[int]] = {}
    for factor_id, role_id in PayFactor.applies_to.through.objects.values_list(
        "payfactor_id", "role_id"
    ):
        factor_roles.setdefault(factor_id, set()).add(role_id)
    if default_roles is None:
        newest = Comparison.objects.published().select_related("role_a", "role_b").first()
        if newest is not None:
            default_roles = (newest.role_a, newest.role_b)
        elif len(roles) >= 2:
            default_roles = (roles[0], roles[1])
    return CalculatorOptions(
        roles=roles,
        levels=levels,
        factors=factors,
        factor_roles={key: frozenset(value) for key, value in factor_roles.items()},
        default_roles=default_roles,
    )


@dataclass(frozen=True)
class EstimateInputs:
    bands: dict[int, SalaryBand]
    shares: dict[int, EquityShare]


@per_state(Shows.EVERYTHING, key=lambda roles, level: (tuple(role.pk for role in roles), level.pk))
def load_estimate_inputs(roles: list[Role], level: ExperienceLevel) -> EstimateInputs:
    """The roles' bands at ``level`` and their equity shares, in two queries."""
    ids = [role.pk for role in roles]
    bands = SalaryBand.objects.filter(role_id__in=ids, level=level).select_related(
        "source", "level"
    )
    shares = EquityShare.objects.filter(role_id__in=ids).select_related("source")
    return EstimateInputs(
        bands={band.role_id: band for band in bands},
        shares={share.role_id: share for share in shares},
    )


@per_state(Shows.RELEASES, key=lambda codes: codes)
def load_official_choices(codes: tuple[str, ...]) -> Choices:
    """The places and industries offered for occupations ``codes``, with their
    medians, in two queries (none without codes). Kept per live release (they
    show nothing editors write), so an editor's save does not throw them away."""
    if not codes:
        return Choices(None)
    return choices(load_medians(codes))


def load_place_figures(wanted: dict[str, list[str]]) -> dict[str, dict[str, dict]]:
    """For each place slug ("" for the nation), the cross-industry figures of
    the occupations ``wanted`` there, by SOC code: one query per place. Not
    remembered: asked only with a reader's offer, whose pages are their own."""
    return {where: figures_at(codes, where) for where, codes in wanted.items()}
