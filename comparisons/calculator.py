"""The salary calculator: read a query string, load its inputs, run the math.

Glue only: choices come from :mod:`.queries`, validation from :mod:`.forms`
and every number from :mod:`.salary` and :mod:`.derive`. Both the calculator
page and each comparison article use :func:`run_calculator`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.http import QueryDict

from .derive import EstimateGap, estimate_gap
from .forms import FACTOR_FIELDS, CalculatorForm
from .models import EquityShare, PayFactor, Role, SalaryBand
from .queries import load_calculator_options, load_estimate_inputs
from .queries.common import band_range
from .salary import Estimate, FactorInput, estimate


@dataclass(frozen=True)
class RoleResult:
    role: Role
    band: SalaryBand | None
    share: EquityShare | None
    estimate: Estimate | None

    @property
    def sources(self) -> list:
        """Every source behind this result (band, factors, share), each once."""
        if self.estimate is None:
            return []
        found: dict[int, object] = {}
        for step in self.estimate.steps:
            if step.ref is not None:
                found.setdefault(step.ref.source_id, step.ref.source)
        return list(found.values())


@dataclass
class CalculatorState:
    form: CalculatorForm
    action: str
    results: list[RoleResult] = field(default_factory=list)
    factors: list[PayFactor] = field(default_factory=list)
    gap: EstimateGap | None = None

    @property
    def valid(self) -> bool:
        return not self.form.errors

    @property
    def query(self) -> str:
        """Every input, in the form's order: the query string of a shareable link."""
        return urlencode({name: self.form.cleaned_data.get(name, "") for name in self.form.fields})

    @property
    def share_url(self) -> str:
        return f"{self.action}?{self.query}"

    def is_canonical(self, query: QueryDict) -> bool:
        """True for no query at all, or exactly the one the form itself sends.

        Only such requests are worth caching: anything else (unknown or
        reordered parameters) could otherwise fill the cache without bound.
        """
        return self.valid and (not query or query.urlencode() == self.query)


def _estimate(role: Role, factors: list[PayFactor], options, band, share) -> Estimate | None:
    if band is None:
        return None
    inputs = [
        FactorInput(
            name=factor.name,
            low_percent=factor.low_percent,
            high_percent=factor.high_percent,
            applies=options.applies(factor, role),
            ref=factor,
        )
        for factor in factors
    ]
    return estimate(
        band_range(band),
        inputs,
        (share.low_percent, share.high_percent) if share else None,
        band_ref=band,
        share_ref=share,
    )


def run_calculator(
    query: QueryDict, *, action: str, default_roles: tuple[Role, Role] | None = None
) -> CalculatorState:
    """Validate ``query`` and, when it is valid, estimate pay for both roles."""
    options = load_calculator_options(default_roles=default_roles)
    initial = {name: "" for name in FACTOR_FIELDS}
    if options.default_roles:
        initial["role_a"], initial["role_b"] = (role.slug for role in options.default_roles)
    if options.levels:
        initial["level"] = options.levels[0].slug
    form = CalculatorForm(query, options=options, initial=initial)
    state = CalculatorState(form=form, action=action)
    if not form.is_valid():
        return state

    data = form.cleaned_data
    by_slug = {role.slug: role for role in options.roles}
    roles = [by_slug[data["role_a"]], by_slug[data["role_b"]]]
    level = next(level for level in options.levels if level.slug == data["level"])
    by_factor_slug = {factor.slug: factor for factor in options.factors}
    state.factors = [by_factor_slug[data[name]] for name in FACTOR_FIELDS if data[name]]
    inputs = load_estimate_inputs(roles, level)
    for role in roles:
        band, share = inputs.bands.get(role.pk), inputs.shares.get(role.pk)
        state.results.append(
            RoleResult(role, band, share, _estimate(role, state.factors, options, band, share))
        )
    estimates = [result.estimate for result in state.results]
    if all(estimates):
        # Compare total pay when both roles publish an equity share, else base pay.
        totals = all(result.share for result in state.results)
        state.gap = estimate_gap(
            roles[0].name,
            estimates[0].total if totals else estimates[0].base,
            roles[1].name,
            estimates[1].total if totals else estimates[1].base,
            basis="total-pay" if totals else "base-pay",
        )
    return state
