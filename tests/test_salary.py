"""The calculator's math: exact vectors and properties."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from comparisons.salary import (
    FactorInput,
    Range,
    StepKind,
    apply_factor,
    estimate,
    total_compensation,
)

CENT = D("0.01")


def cents(value: D) -> D:
    return value.quantize(CENT)


def test_entry_backend_no_factors():
    result = estimate(Range(D(75000), D(95000)), [], (D(5), D(20)))
    assert (result.base.low, result.base.high) == (D(75000), D(95000))
    assert cents(result.total.low) == D("78947.37")
    assert cents(result.total.high) == D("118750.00")
    assert [step.kind for step in result.steps] == [StepKind.BAND, StepKind.EQUITY]


def test_senior_ai_ml_bay_area_finance_masters_large_firm():
    result = estimate(
        Range(D(170000), D(250000), open_ended=True),
        [
            FactorInput("Bay Area", D(20), D(40)),
            FactorInput("Finance", D(10), D(30)),
            FactorInput("Master's degree", D(10), D(25)),
            FactorInput("Large tech firm", None, None),
        ],
        (D(10), D(30)),
    )
    assert cents(result.base.low) == D("246840.00")
    assert cents(result.base.high) == D("568750.00")
    assert result.base.open_ended and result.total.open_ended
    assert cents(result.total.low) == D("274266.67")
    assert cents(result.total.high) == D("812500.00")
    assert result.unquantified == ["Large tech firm"]
    assert result.not_applicable == []


def test_mid_backend_startup_masters_not_applying():
    result = estimate(
        Range(D(95000), D(130000)),
        [
            FactorInput("Startup", D(-20), D(-10)),
            FactorInput("Master's degree", D(10), D(25), applies=False),
        ],
        (D(5), D(20)),
    )
    assert (cents(result.base.low), cents(result.base.high)) == (D("76000.00"), D("117000.00"))
    assert (cents(result.total.low), cents(result.total.high)) == (D("80000.00"), D("146250.00"))
    assert result.not_applicable == ["Master's degree"]


def test_without_a_share_total_equals_base():
    result = estimate(Range(D(1), D(2)), [FactorInput("x", D(10), D(10))])
    assert result.total == result.base == Range(D("1.1"), D("2.2"))
    assert result.share_low is None


def test_share_must_stay_below_everything():
    with pytest.raises(ValueError):
        total_compensation(Range(D(1), D(2)), D(10), D(100))
    with pytest.raises(ValueError):
        total_compensation(Range(D(1), D(2)), D(30), D(10))


def test_steps_carry_refs_and_intermediate_results():
    result = estimate(
        Range(D(100), D(200)),
        [FactorInput("a", D(10), D(20), ref="A"), FactorInput("b", None, None, ref="B")],
        (D(0), D(50)),
        band_ref="BAND",
        share_ref="SHARE",
    )
    assert [step.ref for step in result.steps] == ["BAND", "A", "B", "SHARE"]
    assert result.steps[1].result == Range(D(110), D(240))
    assert result.steps[2].result == result.steps[1].result


money = st.decimals(min_value=1, max_value=1_000_000, places=2)
percent = st.decimals(min_value=D("-99.99"), max_value=1000, places=2)
share = st.decimals(min_value=0, max_value=D("99.98"), places=2)


@st.composite
def bands(draw):
    low, high = sorted((draw(money), draw(money)))
    return Range(low, high, draw(st.booleans()))


@st.composite
def factors(draw):
    if draw(st.integers(0, 4)) == 0:
        return FactorInput("unquantified", None, None, draw(st.booleans()))
    low, high = sorted((draw(percent), draw(percent)))
    return FactorInput("f", low, high, draw(st.booleans()))


@st.composite
def shares(draw):
    return tuple(sorted((draw(share), draw(share))))


@given(bands(), st.lists(factors(), max_size=5), st.none() | shares())
def test_low_never_exceeds_high_and_open_top_survives(band, chosen, equity):
    result = estimate(band, chosen, equity)
    assert result.base.low <= result.base.high
    assert result.total.low <= result.total.high
    assert result.total.low >= result.base.low and result.total.high >= result.base.high
    assert result.total.open_ended == band.open_ended


@given(bands(), st.lists(factors(), max_size=4), shares(), percent, percent, st.integers(0, 4))
def test_monotonic_in_every_factor(band, chosen, equity, a, b, position):
    """Raising any factor's percentages never lowers either end of the result."""
    low, high = sorted((a, b))
    bump = D("5")
    before = FactorInput("x", low, high)
    after = FactorInput("x", low + bump, high + bump)
    where = min(position, len(chosen))
    smaller = estimate(band, [*chosen[:where], before, *chosen[where:]], equity)
    larger = estimate(band, [*chosen[:where], after, *chosen[where:]], equity)
    assert larger.base.low >= smaller.base.low and larger.base.high >= smaller.base.high
    assert larger.total.low >= smaller.total.low and larger.total.high >= smaller.total.high


@given(bands(), shares(), shares())
def test_monotonic_in_the_share(band, one, other):
    lower = (min(one[0], other[0]), min(one[1], other[1]))
    higher = (max(one[0], other[0]), max(one[1], other[1]))
    assert total_compensation(band, *lower).low <= total_compensation(band, *higher).low
    assert total_compensation(band, *lower).high <= total_compensation(band, *higher).high


@given(bands(), percent, percent)
def test_not_applying_or_unquantified_changes_nothing(band, a, b):
    low, high = sorted((a, b))
    skipped = estimate(band, [FactorInput("x", low, high, applies=False)])
    unknown = estimate(band, [FactorInput("y", None, None)])
    assert skipped.base == unknown.base == band


def test_apply_factor_keeps_open_end():
    assert apply_factor(Range(D(1), D(2), True), D(0), D(0)).open_ended
