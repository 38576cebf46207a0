"""The salary calculator: read a query string, load its inputs, run the math.

Glue only: choices come from :mod:`.queries`, validation from :mod:`.forms`
and every number from :mod:`.salary` and :mod:`.derive`. Both the calculator
page and each comparison article use :func:`run_calculator`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from urllib.parse import urlencode

from django.http import QueryDict

from core import formatting
from core.formatting import money, to_nearest
from core.numbers import amount_text
from officialstats.figures import PERCENTILES, Datatype
from officialstats.pay_position import position, sentence
from officialstats.prices import at_national_prices, parity_text
from officialstats.queries.areas import occupation_place_path
from officialstats.queries.common import occupations_path
from officialstats.queries.prices import prices_at

from .derive import EstimateGap, estimate_gap, estimates_sentence, offer_against
from .forms import DETAIL_FIELDS, FACTOR_FIELDS, CalculatorForm
from .models import EquityShare, Role, SalaryBand
from .official_pay import Choices, Circumstance, circumstance
from .queries import load_calculator_options, load_estimate_inputs
from .queries.calculator import load_official_choices, load_place_figures
from .queries.common import band_range
from .salary import Estimate, FactorInput, StepKind, estimate


@dataclass(frozen=True)
class RoleResult:
    role: Role
    band: SalaryBand | None
    share: EquityShare | None
    estimate: Estimate | None
    # "Where does my pay fall?" for the role's occupation, in the place
    # chosen (or nationally), asked with the reader's offer, else the
    # estimate as shown: "" without one.
    placed_url: str = ""
    placed_among: str = ""  # "Software Developers in Texas"
    placed_amount: str = ""  # "$150,000"
    offer_sentence: str = ""  # the offer against this estimate
    offer_placed: str = ""  # the offer among BLS's percentiles there, as "Where does my pay fall?"
    placed_where: str = ""  # the place slug it is placed in ("" for the nation)
    national_prices: str = ""  # the base estimate at national prices, where the place has a level

    @property
    def sources(self) -> list:
        """Every source behind this result (band, factors, share), each once."""
        if self.estimate is None:
            return []
        found: dict[int, object] = {}
        for step in self.estimate.steps:
            if step.ref is not None and step.ref.source_id is not None:
                found.setdefault(step.ref.source_id, step.ref.source)
        return list(found.values())

    @property
    def official_source(self) -> str:
        """ "BLS OEWS, May 2025" when a step uses an official figure."""
        for step in self.estimate.steps if self.estimate else ():
            if step.kind == StepKind.RATIO:
                return step.ref.official.source
        return ""


@dataclass
class CalculatorState:
    form: CalculatorForm
    action: str
    results: list[RoleResult] = field(default_factory=list)
    gap: EstimateGap | None = None  # base pay's
    total_gap: EstimateGap | None = None  # total pay's, where both roles publish an equity share

    @property
    def gap_sentence(self) -> str:
        return estimates_sentence(self.gap, self.total_gap) if self.gap else ""

    @property
    def valid(self) -> bool:
        return not self.form.errors

    @property
    def query(self) -> str:
        """Every input, in the form's order, as the form itself sends it: an
        empty offer too, but not a second step (area, industry within a
        sector) the form does not offer. The query string of a shareable
        link, and the one address per result the page cache keeps."""
        data = {**self.form.cleaned_data}
        data["offer"] = amount_text(data["offer"]) if data.get("offer") is not None else ""
        sent = [
            name
            for name, field in self.form.fields.items()
            if getattr(field, "offered", True) or data.get(name)
        ]
        return urlencode({name: data.get(name, "") for name in sent})

    @property
    def share_url(self) -> str:
        return f"{self.action}?{self.query}"

    def is_canonical(self, query: QueryDict) -> bool:
        """True for no query at all, or exactly the one the form itself sends.

        Only such requests are worth caching: anything else (unknown or
        reordered parameters) could otherwise fill the cache without bound.
        """
        return self.valid and (not query or query.urlencode() == self.query)


def _inputs(role: Role, form: CalculatorForm, options, official: Choices) -> list[FactorInput]:
    """One input per circumstance chosen, in the form's order."""
    by_slug = {factor.slug: factor for factor in options.factors}
    inputs = []
    for kind in FACTOR_FIELDS:
        editor_slug, official_slug, parent_slug = form.chosen(kind)
        factor = by_slug.get(editor_slug)
        if kind in DETAIL_FIELDS:
            found = circumstance(
                kind,
                role,
                factor=factor,
                official_slug=official_slug,
                parent_slug=parent_slug,
                medians=official.medians,
                editors=options.factors_of(kind),
                applies=options.applies,
            )
            if found is not None:
                inputs.append(found)
        elif factor is not None:
            inputs.append(
                FactorInput(
                    factor.name,
                    factor.low_percent,
                    factor.high_percent,
                    applies=options.applies(factor, role),
                    ref=Circumstance(factor),
                )
            )
    return inputs


def _placed(
    role: Role, found: Estimate | None, offer: Decimal | None, place: str, official: Choices
) -> tuple[str, str, str, str]:
    """The address of "Where does my pay fall?" for the role's occupation, in
    ``place`` where BLS publishes the occupation there (else nationally), asked
    with the reader's offer, or else the base estimate as the result shows it
    (to the nearest $1,000); what it is placed among; the amount asked; the
    place's slug ("" for the nation). Nothing where the role has no
    occupation with annual wages, or no estimate."""
    medians = official.medians
    occupation = medians.occupations.get(role.occupation_code) if medians else None
    if found is None or occupation is None:
        return "", "", "", ""
    if occupation.nation.datatype is not Datatype.ANNUAL_MEDIAN:
        return "", "", "", ""  # paid by the hour only: a yearly figure has nothing to fall among
    amount = offer if offer is not None else to_nearest(found.base_central, 1000)
    query = urlencode({"pay": amount_text(amount), "per": "year"})
    if place and occupation.place(place) is not None:
        path = occupation_place_path(occupation.slug, place)
        among = f"{occupation.title} {medians.places[place].in_phrase}"
    else:
        path, place = f"{occupations_path()}{occupation.slug}/", ""
        among = f"{occupation.title} nationally"
    return f"{path}?{query}#pay-position", among, money(amount), place


def _offer_placed(results: list[RoleResult], offer: Decimal) -> list[RoleResult]:
    """Each result with the offer placed among BLS's percentiles for its
    occupation where the result's link places it, by the function "Where does
    my pay fall?" uses: one query per place (at most two: here and the nation)."""
    wanted: dict[str, list[str]] = {}
    for result in results:
        if result.placed_url:
            wanted.setdefault(result.placed_where, []).append(result.role.occupation_code)
    figures = load_place_figures(wanted)
    placed = []
    for result in results:
        found = figures.get(result.placed_where, {}).get(result.role.occupation_code)
        if not result.placed_url or found is None:
            placed.append(result)
            continue
        spread = [(p, found[annual]) for p, _, annual in PERCENTILES]
        said = sentence(position(offer, spread), spread)
        among = f"Among {result.placed_among}, {said[0].lower()}{said[1:]}"
        placed.append(replace(result, offer_placed=among))
    return placed


def _estimate(inputs: list[FactorInput], band, share) -> Estimate | None:
    if band is None:
        return None
    return estimate(
        band_range(band),
        inputs,
        (share.low_percent, share.high_percent) if share else None,
        band_ref=band,
        share_ref=share,
    )


def _peek_roles(query: QueryDict, options) -> list[Role]:
    """The roles the query asks for (or the defaults), before validation:
    which places and industries the form offers depends on them."""
    by_slug = {role.slug: role for role in options.roles}
    defaults = options.default_roles or (None, None)
    chosen = []
    for name, default in zip(("role_a", "role_b"), defaults, strict=True):
        role = by_slug.get(query.get(name, "")) or default
        if role is not None:
            chosen.append(role)
    return chosen


def run_calculator(
    query: QueryDict, *, action: str, default_roles: tuple[Role, Role] | None = None
) -> CalculatorState:
    """Validate ``query`` and, when it is valid, estimate pay for both roles."""
    options = load_calculator_options(default_roles=default_roles)
    initial = {name: "" for name in (*FACTOR_FIELDS, *DETAIL_FIELDS.values())}
    if options.default_roles:
        initial["role_a"], initial["role_b"] = (role.slug for role in options.default_roles)
    if options.levels:
        initial["level"] = options.levels[0].slug
    codes = tuple(sorted({r.occupation_code for r in _peek_roles(query, options)} - {""}))
    official = load_official_choices(codes)
    form = CalculatorForm(query, options=options, initial=initial, official=official)
    state = CalculatorState(form=form, action=action)
    if not form.is_valid():
        return state

    data = form.cleaned_data
    by_slug = {role.slug: role for role in options.roles}
    roles = [by_slug[data["role_a"]], by_slug[data["role_b"]]]
    level = next(level for level in options.levels if level.slug == data["level"])
    loaded = load_estimate_inputs(roles, level)
    priced = _parity_of(form.chosen("location")[1], official)
    for role in roles:
        band, share = loaded.bands.get(role.pk), loaded.shares.get(role.pk)
        inputs = _inputs(role, form, options, official)
        found = _estimate(inputs, band, share)
        offer = form.offer
        placed = _placed(role, found, offer, form.chosen("location")[1], official)
        against = offer_against(offer, found.base_central, found.base) if offer and found else ""
        url, among, amount, where = placed
        state.results.append(
            RoleResult(
                role, band, share, found, url, among, amount, against, placed_where=where,
                national_prices=national_prices_line(found, *priced) if found and priced else "",
            )
        )  # fmt: skip
    if form.offer is not None:
        state.results = _offer_placed(state.results, form.offer)
    estimates = [result.estimate for result in state.results]
    if all(estimates):
        # At the central estimates; total pay only where both roles publish an equity share.
        names = (roles[0].name, roles[1].name)
        state.gap = estimate_gap(
            names[0], estimates[0].base_point, names[1], estimates[1].base_point, "base-pay"
        )
        if all(result.share for result in state.results):
            state.total_gap = estimate_gap(
                names[0], estimates[0].total_point, names[1], estimates[1].total_point
            )
    return state


def _parity_of(place_slug: str, official) -> tuple | None:
    """(BEA's all-items price level, the place's name, the year) for a BLS
    place chosen; None without one or a level for it (one query)."""
    places = official.medians.places if official and official.medians else {}
    place = places.get(place_slug)
    if place is None:
        return None
    prices = prices_at(place.id)
    if prices is None or prices.parity is None or prices.parity.all_items is None:
        return None
    return prices.parity.all_items, place.name, prices.release.name


def national_prices_line(estimate, parity: Decimal, place: str, year: str) -> str:
    """The base estimate at national prices, beside it (the estimate itself
    stays in the place's dollars): "about $167,000 at national prices ...".
    Rounded to the nearest $1,000, as the estimate is shown."""
    central = at_national_prices(estimate.base_central, parity)
    low = at_national_prices(estimate.base.low, parity)
    high = at_national_prices(estimate.base.high, parity)
    said = formatting.money_range(low, high, open_ended=estimate.open_ended, short=False,
                                  nearest=1000)  # fmt: skip
    return (
        f"At national prices, this base salary is worth about "
        f"{formatting.money(central, nearest=1000)}{'+' if estimate.open_ended else ''} "
        f"(typically {said}): the estimate ÷ {parity_text(parity)}, BEA's {year} price level "
        f"for {place}, × 100."
    )
