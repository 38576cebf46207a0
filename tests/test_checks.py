"""The editors' consistency and freshness warnings, as pure functions."""

import datetime
from decimal import Decimal as D

import pytest

from comparisons.checks import (
    Average,
    Dated,
    averages_disagree,
    bands_outside_range,
    months_between,
    period_end,
    stale_sources,
)
from comparisons.salary import Range


def test_seed_backend_averages_differ_by_about_17_percent():
    warnings = averages_disagree(
        "Backend Developer",
        [Average("headline average", D(114528)), Average("salary overview", D(95000), True)],
        D(10),
    )
    assert [w.message for w in warnings] == [
        "Backend Developer: the salary overview (~$95,000) is 17% below the headline average "
        "($114,528), more than the 10% tolerance. Check both are right and labelled as "
        "separate data sets."
    ]


def test_averages_within_tolerance_pass():
    assert (
        averages_disagree("AI/ML", [Average("a", D(120082)), Average("b", D(120000))], D(10)) == []
    )
    assert (
        averages_disagree("Backend", [Average("a", D(114528)), Average("b", D(95000))], D(20)) == []
    )


def test_bands_that_miss_the_overview_range_entirely():
    typical = Range(D(80000), D(120000))
    bands = [
        ("entry-level", Range(D(75000), D(95000))),
        ("senior", Range(D(130000), D(180000))),
        ("intern", Range(D(30000), D(40000))),
        ("open", Range(D(60000), D(70000), open_ended=True)),
    ]
    flagged = [w.message for w in bands_outside_range("Backend", typical, bands)]
    assert len(flagged) == 2
    assert (
        "senior band ($130k–$180k) lies outside the typical range of $80,000–$120,000" in flagged[0]
    )
    assert "intern band" in flagged[1]
    assert bands_outside_range("Backend", None, bands) == []


@pytest.mark.parametrize(
    ("as_of", "precision", "end"),
    [
        (datetime.date(2025, 1, 1), "year", datetime.date(2025, 12, 31)),
        (datetime.date(2024, 2, 1), "month", datetime.date(2024, 2, 29)),
        (datetime.date(2025, 3, 9), "day", datetime.date(2025, 3, 9)),
    ],
)
def test_period_end(as_of, precision, end):
    assert period_end(as_of, precision) == end


def test_months_between():
    assert months_between(datetime.date(2025, 12, 31), datetime.date(2026, 11, 29)) == 10
    assert months_between(datetime.date(2025, 1, 15), datetime.date(2026, 7, 15)) == 18


def test_sources_older_than_the_limit_are_flagged():
    today = datetime.date(2027, 8, 1)
    sources = [
        Dated("jobcopy.ai", datetime.date(2025, 1, 1), "year"),  # ends 2025-12-31: 19 months
        Dated("fresh", datetime.date(2027, 1, 1), "month"),
    ]
    warnings = stale_sources(sources, today, 18)
    assert [w.message for w in warnings] == [
        "jobcopy.ai is 19 months old, past the 18-month limit. Look for newer figures."
    ]
    assert stale_sources(sources, datetime.date(2027, 6, 30), 18) == []
