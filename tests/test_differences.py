"""The site's one rule for how far apart two figures are (``officialstats.differences``),
its one percent formatter, and the same statement on every page that shows one.

Pure parts first (exact vectors and properties), then the pages: each page
type is requested through the client for the same pairs (published and
published, top-coded on either side, hourly only, not released) and must say
what the one function says.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.formatting import percent_difference
from officialstats.differences import Proof, difference, lead
from officialstats.figures import Datatype, Figure, State, figure
from officialstats.gaps import gap
from tests.helpers import annual, page_text

TOP = annual(None, 5)  # at least $239,200


# --- The rule ------------------------------------------------------------------------------


def test_two_published_figures_give_an_exact_difference_as_a_share_of_the_second():
    found = difference(annual(134120), annual(135980))
    assert found.proof is Proof.EXACT
    assert found.amount == Decimal(-1860)
    assert found.percent == Decimal(-1860) / Decimal(135980) * 100  # exact, -1.3678...
    assert found.words("nationally") == "$1,860 (1%) less than nationally"
    assert found.cell == "\u2212$1,860 (\u22121%)" and found.short == "\u22121%"
    up = difference(annual(134120), annual(132150))
    assert up.words("in Texas") == "$1,970 (1%) more than in Texas"
    assert up.cell == "+$1,970 (+1%)"
    same = difference(annual(5), annual(5))
    assert same.words("in Texas") == "the same as in Texas" and same.cell == same.short == "same"


def test_a_top_coded_figure_above_the_other_proves_at_least_its_bound_minus_the_other():
    found = difference(TOP, annual(224280))  # pediatric surgeons: Texas against the nation
    assert found.proof is Proof.AT_LEAST
    assert found.amount == Decimal(14920)
    assert found.percent == Decimal(14920) / Decimal(224280) * 100
    assert found.words("nationally") == "at least $14,920 (at least 7%) more than nationally"
    assert found.cell == "at least +$14,920 (at least +7%)"
    assert found.short == "at least +7%"


def test_a_published_figure_below_the_other_s_bound_is_at_least_that_much_less():
    found = difference(annual(224280), TOP)  # the nation against Texas
    assert found.proof is Proof.AT_LEAST and found.amount == Decimal(-14920)
    # A share of the bound, which the top-coded figure is at least: a bound on the share too.
    assert found.percent == Decimal(-14920) / Decimal(239200) * 100
    assert found.words("in Texas") == "at least $14,920 (at least 6%) less than in Texas"


@pytest.mark.parametrize(
    ("first", "second", "why", "brief"),
    [
        (TOP, annual(250000), "BLS publishes only that it is at least $239,200 here, which "
         "does not settle how it compares with $250,000 nationally", "a bound only"),
        (annual(250000), TOP, "BLS publishes only that it is at least $239,200 nationally, "
         "which does not settle how it compares with $250,000 here", "a bound only"),
        (TOP, annual(239200), "BLS publishes only that it is at least $239,200 here, which "
         "does not settle how it compares with $239,200 nationally", "a bound only"),
        (TOP, TOP, "BLS publishes only that both are at least $239,200", "a bound only"),
        (annual(None, 8), annual(135980), "here it is not released", "not released"),
        (annual(135980), annual(None, 4), "nationally it is published hourly only",
         "published hourly only"),
    ],
)  # fmt: skip
def test_otherwise_no_difference_and_the_words_say_why(first, second, why, brief):
    found = difference(first, second)
    assert found.proof is Proof.NONE and found.amount is None and not found.known
    assert found.words("nationally") == f"no difference can be worked out: {why}"
    assert found.cell == f"none: {brief}" and found.short == "not worked out"


def test_hourly_wages_keep_their_cents_and_jobs_are_counts():
    hourly = difference(
        figure(Datatype.HOURLY_MEDIAN, Decimal("25.86"), None),
        figure(Datatype.HOURLY_MEDIAN, Decimal("29.05"), None),
    )
    assert hourly.words("nationally") == "$3.19 (11%) less than nationally"
    jobs = difference(
        Figure(Datatype.EMPLOYMENT, State.PUBLISHED, 1_654_440),
        Figure(Datatype.EMPLOYMENT, State.PUBLISHED, 229_010),
    )
    assert jobs.amount_text() == "1,425,430" and jobs.percent_text() == "622%"


def test_a_zero_base_gives_an_amount_and_no_share():
    found = difference(annual(10), annual(0))
    assert found.amount == 10 and found.percent is None
    assert found.words("nationally") == "$10 more than nationally" and found.short == "+$10"


@given(st.integers(1, 10**7), st.integers(1, 10**7))
def test_an_exact_difference_added_to_the_second_gives_the_first_back(first, second):
    found = difference(annual(first), annual(second))
    assert second + found.amount == first
    assert found.percent * second / 100 == pytest.approx(found.amount)
    assert found.same or ("more" in found.words("x")) == (first > second)


@given(st.integers(1, 239_199), st.integers(0, 10**7))
def test_what_a_bound_proves_holds_for_every_value_the_top_coded_figure_may_have(other, above):
    """Whatever the true figure behind "at least $239,200" is, the difference
    proved is on its side and no larger than the true one."""
    true = Decimal(239_200 + above)
    for found, exact in (
        (difference(TOP, annual(other)), difference(annual(true), annual(other))),
        (difference(annual(other), TOP), difference(annual(other), annual(true))),
    ):
        assert found.proof is Proof.AT_LEAST
        assert (found.amount > 0) == (exact.amount > 0)
        assert abs(found.amount) <= abs(exact.amount)
        assert abs(found.percent) <= abs(exact.percent)


# --- Who is ahead, and the gap between several places ---------------------------------------


def test_the_higher_of_two_figures_leads_by_a_share_of_the_lower():
    found = lead(annual(120230), annual(135980))
    assert found.leader == 1
    assert found.difference.amount == 15750 and found.difference.percent_text() == "13%"
    assert lead(TOP, annual(135980)).difference.amount_text() == "at least $103,220"
    assert lead(annual(135980), TOP).leader == 1  # the top-coded one, however far
    assert lead(TOP, annual(250000)) is None and lead(TOP, TOP) is None
    assert lead(annual(5), annual(5)).equal
    assert lead(annual(None, 4), annual(1)) is None


def test_the_gap_is_the_highest_against_the_lowest_in_terms_it_can_defend():
    found = gap([("California", annual(174410)), ("Texas", annual(132150)),
                 ("Austin", annual(134120))])  # fmt: skip
    assert (found.highest, found.lowest, found.left_out) == (("California",), "Texas", ())
    assert found.difference.amount == 42260 and found.difference.percent_text() == "32%"
    partial = gap([("A", annual(100)), ("B", annual(None, 8)), ("C", annual(150))])
    assert partial.left_out == ("B",) and partial.difference.amount == 50
    # A top-coded figure may be the highest: "at least", and named among the highest.
    bounded = gap([("A", annual(200000)), ("B", TOP), ("C", annual(230000))])
    assert bounded.highest == ("B",) and bounded.difference.at_least
    assert bounded.difference.amount == 39200
    above = gap([("A", annual(200000)), ("B", TOP), ("C", annual(300000))])
    assert above.highest == ("B", "C") and above.difference.amount == 100000
    assert above.difference.at_least
    # A bound below the lowest published figure might be the lowest: no gap.
    assert gap([("A", annual(250000)), ("B", TOP)]) is None
    assert gap([("A", annual(1))]) is None
    assert gap([("A", TOP), ("B", TOP)]) is None


# --- The one percent formatter --------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "text"),
    [("4.85", "5%"), ("28.26", "28%"), ("-3.2", "\u22123%"), ("0.2", "0.2%"),
     ("0.01", "0.01%"), ("0", "0%"), ("0.5", "1%"), ("-0.04", "\u22120.04%")],
)  # fmt: skip
def test_a_worked_out_percentage_is_whole_or_keeps_the_decimals_it_needs(value, text):
    assert percent_difference(Decimal(value)).replace("-", "\u2212") == text


# --- The same statement on every page ---------------------------------------------------------

# Each pair a page may set side by side, Texas's figure against the nation's,
# from real May 2025 figures; the anesthesiologists' national median is made
# top-coded here, so that the nation's side is a bound for one occupation.
NATIONAL_ANESTHESIOLOGISTS = (
    "38760 11.0 173.35 360570 2.8 48.78 99.52 -5 235.83 267.85 101460 207000 -5 490530 557130 . ."
)
PAIRS = {
    # published on both sides
    "software-developers": (annual(132150), annual(135980)),
    # top-coded here, and the bound proves nothing against $559,030
    "pediatric-surgeons": (annual(None, 5), annual(559030)),
    # top-coded nationally, and the bound proves Texas is at least $23,970 lower
    "anesthesiologists": (annual(215230), annual(None, 5)),
    # published by the hour only: compared by the hour
    "actors": (
        figure(Datatype.HOURLY_MEDIAN, Decimal("25.86"), None),
        figure(Datatype.HOURLY_MEDIAN, Decimal("29.05"), None),
    ),
}


@pytest.fixture
def pairs_release(db, tmp_path):
    from tests import oews_sample_data as sample
    from tests.helpers import import_oews
    from tests.oews import write_release

    series = {**sample.PLACES_SERIES, "OEUN0000000000000291211": NATIONAL_ANESTHESIOLOGISTS}
    return import_oews(write_release(tmp_path / "pairs", areas=sample.PLACES_AREAS, series=series))


def texts(client, *paths: str) -> list[str]:
    found = []
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        found.append(page_text(response))
    return found


@pytest.mark.parametrize("slug", list(PAIRS))
def test_every_page_says_what_the_rule_says_about_a_median_here_and_nationally(
    client, pairs_release, slug
):
    found = difference(*PAIRS[slug])
    occupation_here, compared, place = texts(
        client,
        f"/occupations/{slug}/in/texas/",
        f"/occupations/{slug}/places/?p=texas",
        "/places/texas/",
    )
    assert f"a year: {found.words('nationally')}" in occupation_here or (
        f"an hour: {found.words('nationally')}" in occupation_here
    )
    median_row = compared[compared.index("Median ") : compared.index("10th percentile")]
    if found.known:
        assert f"{found.short} vs US" in median_row
    else:  # no claim at all beside the figure
        assert "vs US" not in median_row
    title = {"software-developers": "Software Developers 15-1252",
             "pediatric-surgeons": "Pediatric Surgeons 29-1243",
             "anesthesiologists": "Anesthesiologists 29-1211",
             "actors": "Actors 27-2011"}[slug]  # fmt: skip
    row = place[place.index(title) :][: len(title) + 40]  # the title, the median, the difference
    assert found.short in row


def test_pediatric_surgeons_in_texas_read_the_same_words_on_every_page(client, pairs_release):
    """Their median is top-coded (nothing proved against the nation's); their
    10th percentile is too, and that bound proves at least $23,790 more."""
    occupation_here, compared = texts(
        client,
        "/occupations/pediatric-surgeons/in/texas/",
        "/occupations/pediatric-surgeons/places/?p=texas",
    )
    p10 = difference(annual(None, 5), annual(215410))
    assert p10.cell == "at least +$23,790 (at least +11%)"
    assert f"10th percentile at least $239,200 $215,410 {p10.cell}" in occupation_here
    assert f"10th percentile at least $239,200 {p10.short} vs US $215,410" in compared
    median = difference(annual(None, 5), annual(559030))
    assert f"Median at least $239,200 $559,030 {median.cell}" in occupation_here
    assert "Median at least $239,200 $559,030 10th" in compared  # pay's first row


def test_not_released_is_said_and_never_compared(client, pairs_release):
    found = difference(annual(None, 8), annual(135980))
    (here,) = texts(client, "/occupations/actors/in/california/")
    assert "no difference can be worked out: here it is not released" in here
    assert found.words("nationally").startswith("no difference can be worked out")
