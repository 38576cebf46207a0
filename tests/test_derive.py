"""Derived statements: who pays more, by how much, and band premiums."""

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from comparisons.derive import Months, band_gap, competency_lead, pay_lead, top_pay
from comparisons.salary import Range
from core.numbers import percent_change

BACKEND, AI = "Backend Developer", "AI/ML Engineer"


def test_seed_averages_make_ai_ml_the_leader_by_five_percent():
    lead = pay_lead(BACKEND, D("114528"), AI, D("120082"))
    assert lead.leader == AI and lead.trailer == BACKEND
    assert lead.difference == D("5554")
    assert round(lead.percent, 2) == D("4.85")
    assert lead.headline == "AI/ML Engineer pays more on average"
    assert "$5,554" in lead.detail and "5%" in lead.detail


def test_swapped_averages_make_backend_the_leader():
    lead = pay_lead(BACKEND, D("120082"), AI, D("114528"))
    assert lead.headline == "Backend Developer pays more on average"
    assert "more than the average AI/ML Engineer" in lead.detail


def test_equal_averages_are_a_tie():
    lead = pay_lead(BACKEND, D("100000"), AI, D("100000"))
    assert lead.tie
    assert lead.headline == "Backend Developer and AI/ML Engineer pay the same on average"


def test_approximate_figures_hedge_the_text():
    lead = pay_lead(BACKEND, D("95000"), AI, D("120000"), approximate=True)
    assert "about $25,000" in lead.detail
    assert "26%" in lead.detail


@given(
    st.decimals(min_value=1, max_value=10_000_000, places=2),
    st.decimals(min_value=1, max_value=10_000_000, places=2),
)
def test_lead_is_symmetric_and_never_negative(a, b):
    one, other = pay_lead("A", a, "B", b), pay_lead("B", b, "A", a)
    assert one.leader_value == other.leader_value == max(a, b)
    assert one.percent == other.percent >= 0
    assert (one.leader == other.leader) or one.tie


def test_entry_band_gap_from_seed_bands():
    gap = band_gap(BACKEND, Range(D("75000"), D("95000")), AI, Range(D("95000"), D("130000")))
    assert gap.leader == AI
    assert round(gap.bottom, 2) == D("26.67")
    assert round(gap.top, 2) == D("36.84")
    assert round(gap.middle, 2) == D("32.35")
    assert gap.range_label == "27%\u201337%"
    assert gap.sentence.startswith("AI/ML Engineer pays 27%\u201337% more than Backend Developer")


def test_open_ended_leader_top_is_at_least():
    gap = band_gap(
        BACKEND,
        Range(D("130000"), D("180000")),
        AI,
        Range(D("170000"), D("250000"), open_ended=True),
    )
    assert gap.open_ended
    assert gap.range_label == "31%\u201339%+"
    assert "35%+ at its midpoint" in gap.sentence


def test_open_ended_trailer_top_is_unknown():
    gap = band_gap("A", Range(D("100"), D("120"), open_ended=True), "B", Range(D("200"), D("210")))
    assert gap.leader == "B" and gap.top is None
    assert gap.range_label == "100% at the bottom of the band"


def test_band_gap_follows_changed_bands():
    gap = band_gap(BACKEND, Range(D("200000"), D("260000")), AI, Range(D("95000"), D("130000")))
    assert gap.leader == BACKEND


def test_range_rejects_inverted_bounds_and_percent_change_needs_a_base():
    with pytest.raises(ValueError):
        Range(D("2"), D("1"))
    with pytest.raises(ValueError):
        percent_change(D("1"), D("0"))


def test_equal_midpoints_with_different_spreads_are_not_called_the_same():
    gap = band_gap("A", Range(D(50), D(60)), "B", Range(D(40), D(70)))
    assert gap.tie and not gap.identical
    assert gap.summary == "Same midpoint"
    assert gap.sentence == "A and B bands share a midpoint but not a spread."


def test_identical_bands():
    gap = band_gap("A", Range(D(50), D(60)), "B", Range(D(50), D(60)))
    assert gap.identical and gap.summary == "None"


def test_open_end_stays_on_the_top_figure_even_when_it_is_the_smaller():
    # bottom premium 100%, top premium 10% but open-ended: "10%+–100%"
    gap = band_gap("A", Range(D(100), D(110), open_ended=True), "B", Range(D(50), D(100)))
    assert gap.range_label == "10%+–100%"


def test_both_tops_open_ended_leaves_the_top_unknown_and_unmarked():
    gap = band_gap(
        "A", Range(D(170), D(250), open_ended=True), "B", Range(D(130), D(180), open_ended=True)
    )
    assert gap.top is None and not gap.open_ended
    assert "+" not in gap.sentence


def test_data_set_gap_cell():
    from comparisons.derive import data_set_gap

    assert data_set_gap(D(114528), D(114528)) == "the same"
    assert data_set_gap(D(114528), D(95000)) == "17% below"
    assert data_set_gap(D(120000), D(120082)) == "0.1% above"


# Takeaway statements: worked out from the records, never typed ----------------


def test_seed_times_make_ai_ml_take_longer():
    lead = competency_lead(
        BACKEND, Months(3, 6, "of focused study"),
        AI, Months(6, 12, "of study, plus portfolio projects"),
    )  # fmt: skip
    assert lead.leader == AI and not lead.tie
    assert lead.sentence == (
        "AI/ML Engineer takes longer to become job-ready: 6–12 months of study, plus portfolio "
        "projects, against 3–6 months of focused study for Backend Developer."
    )


def test_changed_times_change_the_statement():
    lead = competency_lead(BACKEND, Months(9, 18), AI, Months(6, 12))
    assert lead.sentence.startswith("Backend Developer takes longer to become job-ready: 9–18")
    same = competency_lead(BACKEND, Months(6, 12), AI, Months(6, 12))
    assert same.sentence == (
        "Backend Developer and AI/ML Engineer take as long to become job-ready: "
        "6–12 months of study."
    )
    midpoint = competency_lead(BACKEND, Months(3, 9), AI, Months(5, 7))
    assert midpoint.tie and "take about as long" in midpoint.sentence
    assert Months(1, 1).label == "1 month"


def test_seed_senior_bands_give_ai_ml_the_higher_ceiling():
    top = top_pay(
        "Senior", BACKEND, Range(D(130000), D(180000)),
        AI, Range(D(170000), D(250000), open_ended=True),
    )  # fmt: skip
    assert top.sentence == (
        "At the top of the senior band, AI/ML Engineer reaches $250k+, against $180k for "
        "Backend Developer: a ceiling 39%+ higher."
    )


def test_an_open_top_below_the_other_leaves_the_ceiling_unknown():
    top = top_pay(
        "Senior", BACKEND, Range(D(130000), D(180000)), AI, Range(D(140000), D(150000), True)
    )
    assert top.leader == BACKEND and not top.known
    assert "neither can be said to reach higher" in top.sentence
    tie = top_pay("Senior", BACKEND, Range(D(1), D(180000)), AI, Range(D(2), D(180000)))
    assert tie.sentence == (
        "At the top of the senior band, Backend Developer and AI/ML Engineer both reach $180k."
    )
    level = top_pay("Senior", BACKEND, Range(D(1), D(180000)), AI, Range(D(2), D(180000), True))
    assert level.leader == AI and "at least as high as Backend Developer ($180k)" in level.sentence


OFFERS = {
    "150000": "$150,000 a year is $39,000 (35%) more than this estimate, above its typical range.",
    "111400": "$111,400 a year is about this estimate, within its typical range.",
    "100000": "$100,000 a year is $11,000 (10%) less than this estimate, within its typical range.",
    "80000": "$80,000 a year is $31,000 (28%) less than this estimate, below its typical range.",
}


@pytest.mark.parametrize("offer", OFFERS)
def test_an_offer_is_placed_against_the_estimate_as_the_estimate_is_shown(offer):
    """Amounts to the nearest $1,000, as the result shows them; the share is of
    the estimate, the figure the sentence compares against."""
    from comparisons.derive import offer_against

    spread = Range(D(94000), D(128000))
    assert offer_against(D(offer), D("111250.40"), spread) == OFFERS[offer]


def test_above_an_open_ended_range_says_the_source_left_its_top_open():
    from comparisons.derive import offer_against

    found = offer_against(D(400000), D(300000), Range(D(250000), D(350000), True))
    assert found.endswith("above the top of its range, which the source leaves open.")
