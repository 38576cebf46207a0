"""The states of an OEWS value, as readers must see them (pure, no database)."""

from __future__ import annotations

from decimal import Decimal

from officialstats.figures import Datatype, Footnote, State, figure, row_figures

D = Datatype


def test_a_value_is_published_whatever_else_is_known():
    result = figure(D.ANNUAL_MEDIAN, Decimal("135980"), None)
    assert result.state is State.PUBLISHED and result.value == Decimal("135980")


def test_each_footnote_is_its_own_state():
    assert figure(D.ANNUAL_P90, None, Footnote.TOP_CODED).state is State.TOP_CODED
    assert figure(D.HOURLY_MEAN, None, Footnote.ONE_UNIT_ONLY).state is State.ONE_UNIT_ONLY
    assert figure(D.EMPLOYMENT, None, Footnote.NOT_RELEASED).state is State.NOT_RELEASED
    assert figure(D.LOCATION_QUOTIENT, None, None).state is State.NOT_APPLICABLE
    assert figure(D.EMPLOYMENT, None, 3).state is State.NOT_PUBLISHED


def test_a_top_coded_wage_is_an_open_bound_in_its_unit():
    assert figure(D.ANNUAL_P90, None, 5).bound == Decimal("239200")
    assert figure(D.HOURLY_P90, None, 5).bound == Decimal("115.00")
    assert figure(D.ANNUAL_P90, None, 5).value is None


def test_a_bound_below_a_published_lower_percentile_is_not_shown():
    # As in May 2025: a 75th percentile published above $239,200 and a 90th
    # carrying footnote 5 ("at least $239,200") in the same row.
    figures = row_figures(
        {
            D.ANNUAL_P75: (Decimal("320000"), None),
            D.ANNUAL_P90: (None, 5),
            D.HOURLY_P75: (Decimal("100.00"), None),
            D.HOURLY_P90: (None, 5),
        }
    )
    assert figures[D.ANNUAL_P90].state is State.NOT_PUBLISHED
    # $100.00 an hour is below $115.00: the bound stands.
    assert figures[D.HOURLY_P90].state is State.TOP_CODED


def test_every_datatype_has_a_field_of_its_own():
    fields = [datatype.field for datatype in Datatype]
    assert len(set(fields)) == 17
    assert D.ANNUAL_MEDIAN.is_annual and D.HOURLY_MEDIAN.is_hourly
    assert not D.EMPLOYMENT.is_annual and not D.EMPLOYMENT.is_hourly
