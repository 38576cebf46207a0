"""Geometry of the server-rendered salary chart."""

from decimal import Decimal as D

import pytest

from comparisons.chart import WIDTH, build_chart
from comparisons.salary import Range

SEED = [
    ("Entry-level", [Range(D(75000), D(95000)), Range(D(95000), D(130000))]),
    ("Mid-career", [Range(D(95000), D(130000)), Range(D(130000), D(170000))]),
    ("Senior", [Range(D(130000), D(180000)), Range(D(170000), D(250000), open_ended=True)]),
]


@pytest.fixture
def chart():
    return build_chart(["Backend", "AI/ML"], SEED, [SEED[0][1][0], SEED[0][1][1]])


def test_axis_spans_the_bands_in_nice_steps(chart):
    assert [tick.label for tick in chart.ticks] == ["$50k", "$100k", "$150k", "$200k", "$250k"]


def test_bars_are_ordered_and_fit(chart):
    bars = [bar for group in chart.groups for bar in group.bars]
    assert len(bars) == 6
    assert all(bar.x > 0 and bar.label_x < WIDTH for bar in bars)
    backend_entry, ai_entry = chart.groups[0].bars
    assert backend_entry.x < ai_entry.x
    assert backend_entry.x + backend_entry.width == ai_entry.x  # $95k meets $95k
    assert bars[-1].y > bars[0].y
    assert chart.height > bars[-1].y


def test_open_ended_band_gets_an_arrow_and_a_plus(chart):
    senior_ai = chart.groups[2].bars[1]
    assert senior_ai.open_ended and senior_ai.label == "$170k–$250k+"
    assert senior_ai.description == "AI/ML, Senior: $170k–$250k+"
    assert not chart.groups[2].bars[0].open_ended


def test_legend_states_starting_salaries(chart):
    assert [item.label for item in chart.legend] == [
        "Backend · starts at $75k",
        "AI/ML · starts at $95k",
    ]


def test_missing_bands_are_skipped():
    chart = build_chart(["A", "B"], [("Only", [None, Range(D(10), D(20))])], [None, None])
    assert [bar.series for bar in chart.groups[0].bars] == [1]
    assert [item.label for item in chart.legend] == ["A", "B"]


def test_a_chart_needs_a_band():
    with pytest.raises(ValueError):
        build_chart(["A"], [("Only", [None])], [None])
