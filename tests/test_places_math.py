"""The pure pieces of the place pages: ranks, the thin-page rule and which
states an area lies in (differences: test_differences.py). No database."""

from __future__ import annotations

from decimal import Decimal

import pytest

from officialstats import geography
from officialstats.figures import Datatype, figure
from officialstats.ranks import ordinal, rank
from officialstats.thin import is_thin, thin_reasons

# Ranks ----------------------------------------------------------------------------------------


def test_ranks_count_only_places_with_a_value_and_say_ties():
    values = [Decimal(3), Decimal(9), None, Decimal(9), Decimal(1)]
    assert rank(Decimal(3), values).position == 3
    assert rank(Decimal(3), values).of == 4
    top = rank(Decimal(9), values)
    assert top.position == 1 and top.tied
    assert top.words("highest median pay", "areas") == "tied for 1st highest median pay of 4 areas"
    assert rank(None, values).words("most jobs", "areas") == (
        "not ranked: none published here (4 areas have one)"
    )


@pytest.mark.parametrize(
    ("number", "text"),
    [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"), (13, "13th"),
     (21, "21st"), (22, "22nd"), (101, "101st"), (111, "111th"), (112, "112th")],
)  # fmt: skip
def test_ordinals(number, text):
    assert ordinal(number) == text


# The thin-page rule -------------------------------------------------------------------------


def row(percentiles=5, hourly=5, employment_rse="2.0", wage_rse="1.0") -> dict:
    figures = {d: figure(d, Decimal(1), None) for d in Datatype}
    annual_types = [Datatype.ANNUAL_P10, Datatype.ANNUAL_P25, Datatype.ANNUAL_MEDIAN,
                    Datatype.ANNUAL_P75, Datatype.ANNUAL_P90]  # fmt: skip
    hourly_types = [Datatype.HOURLY_P10, Datatype.HOURLY_P25, Datatype.HOURLY_MEDIAN,
                    Datatype.HOURLY_P75, Datatype.HOURLY_P90]  # fmt: skip
    for datatype in annual_types[percentiles:]:
        figures[datatype] = figure(datatype, None, 5)
    for datatype in hourly_types[hourly:]:
        figures[datatype] = figure(datatype, None, 8)
    for datatype, value in ((Datatype.EMPLOYMENT_RSE, employment_rse),
                            (Datatype.WAGE_RSE, wage_rse)):  # fmt: skip
        figures[datatype] = figure(datatype, None if value is None else Decimal(value), 8)
    return figures


@pytest.mark.parametrize(
    ("figures", "reasons"),
    [(row(), []),
     (row(percentiles=3, hourly=0), []),
     (row(percentiles=2, hourly=2), ["BLS publishes only 2 of the five percentile wages"]),
     (row(percentiles=0, hourly=3), []),  # hourly only
     (row(percentiles=0, hourly=0), ["BLS publishes none of the five percentile wages"]),
     (row(employment_rse="39.9"), []),
     (row(employment_rse="40.0"),
      ["the employment estimate's relative standard error is 40.0%"]),
     (row(wage_rse="24.9"), []),
     (row(wage_rse="25.0"), ["the mean wage's relative standard error is 25.0%"]),
     (row(employment_rse=None, wage_rse=None), [])],
)  # fmt: skip
def test_the_thin_rule(figures, reasons):
    assert thin_reasons(figures) == reasons
    assert is_thin(figures) is bool(reasons)


# Geography ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "filed", "states"),
    [("Austin-Round Rock-San Marcos, TX", "48", ("48",)),
     ("Texarkana, TX-AR", "48", ("48", "05")),
     ("New York-Newark-Jersey City, NY-NJ", "36", ("36", "34")),
     ("Philadelphia-Camden-Wilmington, PA-NJ-DE-MD", "42", ("42", "34", "10", "24")),
     ("Washington-Arlington-Alexandria, DC-VA-MD-WV", "11", ("11", "51", "24", "54")),
     ("Hill Country Region of Texas nonmetropolitan area", "48", ("48",)),
     ("San Juan-Bayamón-Caguas, PR", "72", ("72",))],
)  # fmt: skip
def test_an_area_lies_in_the_state_bls_files_it_under_and_every_state_its_name_lists(
    name, filed, states
):
    assert geography.states_of(name, filed) == states
    assert geography.crosses_states(name, filed) is (len(states) > 1)


def test_every_state_and_territory_has_one_abbreviation():
    assert len(geography.ABBREVIATIONS) == 54 == len(geography.FIPS)
    assert geography.ABBREVIATIONS["06"] == "CA" and geography.FIPS["TX"] == "48"
