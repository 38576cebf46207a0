"""The calculator's math: exact vectors and properties.

A central estimate from the middle of the band, scaled once per
circumstance; the band's spread moved with it; every step to the cent and
reproducible from what the breakdown shows.
"""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from comparisons.salary import (
    FactorInput,
    Range,
    Scale,
    StepKind,
    estimate,
    midpoint_percent,
    to_cent,
)

BAY_AREA = FactorInput("Bay Area", D(20), D(40))
FINANCE = FactorInput("Finance", D(10), D(30))
MASTERS = FactorInput("Master's degree", D(10), D(25))
STARTUP = FactorInput("Startup", D(-20), D(-10))
SENIOR_AI = Range(D(170000), D(250000), open_ended=True)


def test_entry_backend_no_factors():
    result = estimate(Range(D(75000), D(95000)), [], (D(5), D(20)))
    assert result.base_central == D("85000.00")
    assert result.base == Range(D(75000), D(95000))
    # total = base / (1 - 12.5%), to the cent
    assert result.total_central == D("97142.86")
    assert result.total == Range(D("85714.29"), D("108571.43"))
    assert [step.kind for step in result.steps] == [
        StepKind.BAND,
        StepKind.SPREAD,
        StepKind.EQUITY,
    ]


def test_senior_ai_ml_bay_area_finance_masters_large_firm():
    result = estimate(
        SENIOR_AI,
        [BAY_AREA, FINANCE, MASTERS, FactorInput("Large tech firm", None, None)],
        (D(10), D(30)),
    )
    # 210,000 x 1.3 x 1.2 x 1.175
    assert result.base_central == D("384930.00")
    assert result.base == Range(D("311610.00"), D("458250.00"), open_ended=True)
    assert result.total_central == D("481162.50")
    assert result.total == Range(D("389512.50"), D("572812.50"), open_ended=True)
    assert result.open_ended
    assert result.unquantified == ["Large tech firm"]
    assert result.not_applicable == []


def test_the_issue_example_stays_informative():
    """Senior AI/ML, Bay Area, finance, master's and a startup: $219k-$731k by
    stacking every factor's ends; now a central estimate with the band's spread."""
    result = estimate(SENIOR_AI, [BAY_AREA, FINANCE, MASTERS, STARTUP], (D(10), D(30)))
    assert result.base_central == D("327190.50")
    assert result.base == Range(D("264868.50"), D("389512.50"), open_ended=True)
    # 327,190.50 / 0.8 = 408,988.125: half to even
    assert result.total_central == D("408988.12")
    assert result.total == Range(D("331085.62"), D("486890.62"), open_ended=True)
    # The spread is the band's own, relative to its middle: no wider.
    band_width = (SENIOR_AI.high - SENIOR_AI.low) / SENIOR_AI.midpoint
    assert (result.base.high - result.base.low) / result.base_central == pytest.approx(
        band_width, abs=D("0.0001")
    )


def test_mid_backend_startup_masters_not_applying():
    result = estimate(
        Range(D(95000), D(130000)),
        [STARTUP, FactorInput("Master's degree", D(10), D(25), applies=False)],
        (D(5), D(20)),
    )
    assert result.base_central == D("95625.00")
    assert result.base == Range(D("80750.00"), D("110500.00"))
    assert result.total_central == D("109285.71")
    assert result.total == Range(D("92285.71"), D("126285.71"))
    assert result.not_applicable == ["Master's degree"]


def test_an_official_ratio_scales_by_the_two_medians():
    """Senior Backend Developer in San Jose: software developers' median there
    ($213,110) over the nation's ($135,980), BLS OEWS May 2025."""
    result = estimate(
        Range(D(130000), D(180000)),
        [FactorInput("San Jose", D(20), D(40), ratio=(D(213110), D(135980)))],
        (D(5), D(20)),
    )
    step = result.steps[1]
    assert step.kind == StepKind.RATIO
    assert step.low_percent is None  # the editor's percentages are not used
    # 155,000 x 213,110 / 135,980 = 242,918.4439...
    assert (step.before, step.central) == (D("155000.00"), D("242918.44"))
    assert result.base == Range(D("203738.05"), D("282098.83"))
    assert result.total_central == D("277621.07")


def test_without_a_share_total_equals_base():
    result = estimate(Range(D(1), D(2)), [FactorInput("x", D(10), D(10))])
    assert result.total == result.base == Range(D("1.10"), D("2.20"))
    assert result.total_central == result.base_central == D("1.65")
    assert result.share_low is None and result.share_mid is None


def test_share_must_stay_below_everything():
    with pytest.raises(ValueError):
        estimate(Range(D(1), D(2)), [], (D(10), D(100)))
    with pytest.raises(ValueError):
        estimate(Range(D(1), D(2)), [], (D(30), D(10)))


def test_a_scale_must_be_positive():
    with pytest.raises(ValueError):
        Scale(D(0))
    with pytest.raises(ValueError):
        Scale(D(1), D(-2))


def test_steps_carry_refs_and_their_arithmetic():
    result = estimate(
        Range(D(100), D(200)),
        [FactorInput("a", D(10), D(20), ref="A"), FactorInput("b", None, None, ref="B")],
        (D(0), D(50)),
        band_ref="BAND",
        share_ref="SHARE",
    )
    assert [step.ref for step in result.steps] == ["BAND", "A", "B", None, "SHARE"]
    band, a, b, spread, equity = result.steps
    assert band.central == D(150)
    assert (a.before, a.scale, a.central, a.midpoint_percent) == (
        D(150),
        Scale(D("1.15")),
        D("172.50"),
        D(15),
    )
    assert b.central == a.central and b.scale is None
    assert spread.spread == Range(D("115.00"), D("230.00"))
    assert equity.scale == Scale(D(1), D("0.75"))
    assert equity.central == D("230.00")


money = st.decimals(min_value=1, max_value=1_000_000, places=2)
percent = st.decimals(min_value=D("-99.99"), max_value=1000, places=2)
share = st.decimals(min_value=0, max_value=D("99.98"), places=2)
median = st.decimals(min_value=1, max_value=500_000, places=2)


@st.composite
def bands(draw):
    low, high = sorted((draw(money), draw(money)))
    return Range(low, high, draw(st.booleans()))


@st.composite
def factors(draw):
    choice = draw(st.integers(0, 5))
    if choice == 0:
        return FactorInput("unquantified", None, None, draw(st.booleans()))
    if choice == 1:
        return FactorInput("official", ratio=(draw(median), draw(median)))
    low, high = sorted((draw(percent), draw(percent)))
    return FactorInput("f", low, high, draw(st.booleans()))


@st.composite
def shares(draw):
    return tuple(sorted((draw(share), draw(share))))


def whole_cents(value: D) -> bool:
    return value == to_cent(value)


@given(bands(), st.lists(factors(), max_size=5), st.none() | shares())
def test_central_estimate_lies_within_the_spread(band, chosen, equity):
    result = estimate(band, chosen, equity)
    assert result.base.low <= result.base_central <= result.base.high
    assert result.total.low <= result.total_central <= result.total.high
    assert result.total.low >= result.base.low and result.total.high >= result.base.high
    assert result.total_central >= result.base_central
    assert result.base.open_ended == result.total.open_ended == band.open_ended


@given(bands(), st.lists(factors(), max_size=5), st.none() | shares())
def test_the_breakdown_reproduces_the_result(band, chosen, equity):
    """Every step's shown arithmetic, redone from the shown (whole-cent)
    figures, gives the next figure exactly; the last gives the result."""
    result = estimate(band, chosen, equity)
    steps = result.steps
    assert steps[0].central == to_cent((band.low + band.high) / 2)
    middle = previous = steps[0].central
    for step in steps[1:]:
        assert whole_cents(step.central)
        if step.kind in (StepKind.FACTOR, StepKind.RATIO):
            assert step.before == previous
            assert to_cent(previous * step.scale.numerator / step.scale.denominator) == step.central
        elif step.kind == StepKind.SPREAD:
            assert step.central == previous
            assert step.spread.low == to_cent(previous * band.low / middle)
            assert step.spread.high == to_cent(previous * band.high / middle)
            spread = step.spread
        elif step.kind == StepKind.EQUITY:
            keep = 1 - (equity[0] + equity[1]) / 2 / 100
            assert step.scale.denominator == keep
            assert step.central == to_cent(previous / keep)
            assert step.spread.low == to_cent(spread.low / keep)
            assert step.spread.high == to_cent(spread.high / keep)
            spread = step.spread
        else:
            assert step.central == previous
        previous = step.central
    assert (result.total_central, result.total) == (previous, spread)


@given(bands(), st.lists(factors(), max_size=4), shares(), percent, percent, st.integers(0, 4))
def test_monotonic_in_every_factor(band, chosen, equity, a, b, position):
    """Raising any factor's percentages never lowers the estimate or its spread."""
    low, high = sorted((a, b))
    bump = D("5")
    before = FactorInput("x", low, high)
    after = FactorInput("x", low + bump, high + bump)
    where = min(position, len(chosen))
    smaller = estimate(band, [*chosen[:where], before, *chosen[where:]], equity)
    larger = estimate(band, [*chosen[:where], after, *chosen[where:]], equity)
    assert larger.base_central >= smaller.base_central
    assert larger.base.low >= smaller.base.low and larger.base.high >= smaller.base.high
    assert larger.total_central >= smaller.total_central
    assert larger.total.low >= smaller.total.low and larger.total.high >= smaller.total.high


@given(bands(), median, median)
def test_a_place_paying_more_than_the_nation_raises_the_estimate(band, one, other):
    low, high = sorted((one, other))
    result = estimate(band, [FactorInput("place", ratio=(high, low))])
    assert result.base_central >= to_cent(band.midpoint)


@given(bands(), shares(), shares())
def test_monotonic_in_the_share(band, one, other):
    lower = (min(one[0], other[0]), min(one[1], other[1]))
    higher = (max(one[0], other[0]), max(one[1], other[1]))
    assert estimate(band, [], lower).total_central <= estimate(band, [], higher).total_central


@given(bands(), percent, percent)
def test_not_applying_or_unquantified_changes_nothing(band, a, b):
    low, high = sorted((a, b))
    skipped = estimate(band, [FactorInput("x", low, high, applies=False)])
    unknown = estimate(band, [FactorInput("y", None, None)])
    plain = estimate(band, [])
    assert skipped.base == unknown.base == plain.base
    assert skipped.base_central == unknown.base_central == plain.base_central


def test_midpoint_percent():
    assert midpoint_percent(D(-20), D(-10)) == D(-15)
    assert midpoint_percent(D(10), D(25)) == D("17.5")
