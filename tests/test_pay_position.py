"""Where does my pay fall? The interpolation (exact vectors and properties),
the form, and the answer on the occupation and occupation x place pages.

The pure function is ``officialstats.pay_position.position``; figures are
real May 2025 ones (software developers nationally: 10th $82,460, 25th
$105,210, median $135,980, 75th $171,980, 90th $214,670).
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from officialstats.figures import PERCENTILES, Datatype, Figure, State, figure
from officialstats.forms import PayForm
from officialstats.pay_position import Kind, position, sentence
from tests.helpers import page_text

SD = "/occupations/software-developers/"
AUSTIN = f"{SD}in/austin-round-rock-san-marcos-tx/"
ANNUAL = [a for _, _, a in PERCENTILES]


def annual(*values) -> list[tuple[int, Figure]]:
    """Five annual percentiles: a number, or a footnote code as "-5", "-8"."""
    points = []
    for (p, _, datatype), value in zip(PERCENTILES, values, strict=True):
        if isinstance(value, str) and value.startswith("-"):
            points.append((p, figure(datatype, None, int(value[1:]))))
        else:
            points.append((p, figure(datatype, Decimal(value), None)))
    return points


DEVELOPERS = annual(82460, 105210, 135980, 171980, 214670)


# Exact vectors ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pay", "kind", "percentile", "low", "high"),
    [
        (120000, Kind.BETWEEN, Decimal(25) + Decimal(14790) / Decimal(30770) * 25, 25, 50),
        (82460, Kind.AT, Decimal(10), 10, 10),
        (135980, Kind.AT, Decimal(50), 50, 50),
        (214670, Kind.AT, Decimal(90), 90, 90),
        (82459, Kind.BELOW, None, None, 10),
        (214671, Kind.ABOVE, None, 90, None),
        (193325, Kind.BETWEEN, Decimal("82.5"), 75, 90),  # half-way from $171,980 to $214,670
        (94000, Kind.BETWEEN, Decimal(10) + Decimal(11540) / Decimal(22750) * 15, 10, 25),
    ],
)  # fmt: skip
def test_a_wage_is_placed_by_straight_lines_between_published_percentiles(
    pay, kind, percentile, low, high
):
    found = position(Decimal(pay), DEVELOPERS)
    assert (found.kind, found.percentile, found.low, found.high) == (kind, percentile, low, high)


def test_the_answer_in_words_names_each_percentile_with_its_value():
    found = position(Decimal(120000), DEVELOPERS)
    assert found.rounded == 37
    assert sentence(found, DEVELOPERS) == (
        "It is at about the 37th percentile, between the 25th percentile ($105,210) and the "
        "median ($135,980): about 37% earn less."
    )
    below = position(Decimal(50000), DEVELOPERS)
    assert sentence(below, DEVELOPERS) == (
        "It is below the 10th percentile ($82,460): fewer than a tenth earn less."
    )
    above = position(Decimal(300000), DEVELOPERS)
    assert sentence(above, DEVELOPERS) == (
        "It is above the 90th percentile ($214,670): more than nine in ten earn less."
    )
    at = position(Decimal(135980), DEVELOPERS)
    assert sentence(at, DEVELOPERS) == "It is exactly the median ($135,980): half earn less."


# A top-coded 90th percentile: BLS publishes only "at least $239,200".
TOP_CODED = annual(101460, 207000, 230000, 235000, "-5")


def test_above_the_last_published_percentile_with_a_top_coded_one_above_it_is_said_honestly():
    found = position(Decimal(250000), TOP_CODED)
    assert found.kind is Kind.ABOVE and found.low == 75 and found.percentile is None
    assert sentence(found, TOP_CODED) == (
        "It is above the 75th percentile ($235,000); BLS publishes only that the 90th "
        "percentile is at least $239,200."
    )


def test_under_a_top_coded_bound_a_wage_is_below_that_percentile_but_not_interpolated():
    found = position(Decimal(237000), TOP_CODED)
    assert found.kind is Kind.BRACKETED and (found.low, found.high) == (75, 90)
    assert found.percentile is None
    assert sentence(found, TOP_CODED) == (
        "It is between the 75th percentile ($235,000) and the 90th percentile; BLS publishes "
        "only that the 90th percentile is at least $239,200."
    )


def test_every_percentile_top_coded():
    # Pediatric surgeons in Texas: every wage top-coded.
    all_top = annual("-5", "-5", "-5", "-5", "-5")
    below = position(Decimal(200000), all_top)
    assert below.kind is Kind.BELOW and below.high == 10
    assert sentence(below, all_top) == (
        "It is below the 10th percentile, which BLS publishes only as at least $239,200: "
        "fewer than a tenth earn less."
    )
    unplaced = position(Decimal(300000), all_top)
    assert unplaced.kind is Kind.UNPLACED
    assert "BLS publishes only that the 10th percentile is at least $239,200" in sentence(
        unplaced, all_top
    )


def test_across_a_percentile_not_released_there_is_no_straight_line():
    gap = annual(82460, 105210, "-8", 171980, 214670)
    found = position(Decimal(140000), gap)
    assert found.kind is Kind.BRACKETED and (found.low, found.high) == (25, 75)
    assert sentence(found, gap).endswith("; BLS did not publish the median.")
    nothing = annual("-8", "-8", "-8", "-8", "-8")
    assert position(Decimal(1), nothing).kind is Kind.UNPLACED
    assert sentence(position(Decimal(1), nothing), nothing) == (
        "It cannot be placed: BLS publishes no percentile wages here."
    )


def test_the_lowest_published_percentile_bounds_from_below_when_the_10th_is_missing():
    missing_10th = annual("-8", 105210, 135980, 171980, 214670)
    found = position(Decimal(90000), missing_10th)
    assert found.kind is Kind.BELOW and found.high == 25
    assert "fewer than a quarter earn less" in sentence(found, missing_10th)


# Properties -------------------------------------------------------------------------------

increasing = st.lists(
    st.integers(min_value=1000, max_value=600000), min_size=5, max_size=5, unique=True
).map(sorted)
pays = st.integers(min_value=1, max_value=900000).map(Decimal)


@given(increasing, pays, pays)
def test_a_higher_wage_never_falls_lower(values, first, second):
    points = annual(*values)
    low, high = sorted((first, second))

    def rank(pay):  # an order on answers: below < between/at (by percentile) < above
        found = position(pay, points)
        if found.kind is Kind.BELOW:
            return Decimal(-1)
        if found.kind is Kind.ABOVE:
            return Decimal(101)
        return found.percentile

    assert rank(low) <= rank(high)


@given(increasing, pays)
def test_an_interpolated_percentile_lies_strictly_between_its_neighbours(values, pay):
    found = position(pay, annual(*values))
    if found.kind is Kind.BETWEEN:
        assert found.low < found.percentile < found.high
        assert [10, 25, 50, 75, 90].index(found.high) == [10, 25, 50, 75, 90].index(found.low) + 1
    elif found.kind is Kind.BELOW:
        assert pay < values[0]
    elif found.kind is Kind.ABOVE:
        assert pay > values[-1]
    else:
        assert found.kind is Kind.AT and pay in values


@given(increasing)
def test_each_published_percentile_is_placed_at_itself(values):
    points = annual(*values)
    for (p, _, _), value in zip(PERCENTILES, values, strict=True):
        found = position(Decimal(value), points)
        assert found.kind is Kind.AT and found.percentile == p


@given(increasing, pays, st.integers(min_value=0, max_value=4))
def test_a_top_coded_percentile_is_never_placed_above_or_interpolated_to(values, pay, top):
    """With percentiles from ``top`` on top-coded, no answer claims a wage is
    at or above one of them, or interpolates up to one."""
    values = [v for v in values]
    assume(all(v < 239200 for v in values[:top]))
    points = annual(*values[:top], *["-5"] * (5 - top))
    found = position(pay, points)
    coded = [p for p, f in points if f.state is State.TOP_CODED]
    if found.low is not None:
        assert found.low not in coded
    if found.kind is Kind.BETWEEN:
        assert found.high not in coded
    if found.kind is Kind.ABOVE:
        assert found.unknown is not None or found.low == 90


# The form -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "per", "pay", "canonical"),
    [("85000", "year", Decimal(85000), "85000"), ("$85,000", "year", Decimal(85000), "85000"),
     (" 42.5 ", "hour", Decimal("42.5"), "42.50"), ("42.50", "", Decimal("42.50"), "42.50"),
     ("150k", "year", Decimal(150000), "150000"), ("$150,000", "year", Decimal(150000), "150000"),
     ("92.5K", "year", Decimal(92500), "92500"), ("$ 1.2m", "year", Decimal(1200000), "1200000")],
)  # fmt: skip
def test_the_form_reads_wages_as_people_write_them(raw, per, pay, canonical):
    form = PayForm({"pay": raw, "per": per})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["pay"] == pay
    assert form.canonical() == {"pay": canonical, "per": per or "year"}


@pytest.mark.parametrize(
    ("raw", "per", "message"),
    [("", "year", "required"), ("abc", "year", "Write an amount in dollars"),
     ("0", "year", "above zero"), ("-5", "year", "Write an amount"),
     ("12.345", "year", "Write an amount"), ("1,50,000", "year", "Write an amount"),
     ("150 thousand", "year", "Write an amount"), ("k", "year", "Write an amount"),
     ("20000000", "year", "more than $10,000,000 a year:"),
     ("6000", "hour", "more than $5,000 an hour:"), ("50", "month", "Choose a year or an hour"),
     ("9" * 30, "year", "at most 20 characters")],
)  # fmt: skip
def test_the_form_says_what_is_wrong(raw, per, message):
    form = PayForm({"pay": raw, "per": per})
    assert not form.is_valid()
    assert message in " ".join(str(e) for errors in form.errors.values() for e in errors)


# On the pages -------------------------------------------------------------------------------


def test_the_occupation_page_places_a_salary_nationally(client, oews_release):
    response = client.get(f"{SD}?pay=120000&per=year")
    assert response.status_code == 200
    text = page_text(response)
    assert "$120,000 a year" in text
    assert (
        "Nationally, it is at about the 37th percentile, between the 25th percentile "
        "($105,210) and the median ($135,980): about 37% earn less."
    ) in text
    assert '<meta name="robots" content="noindex">' in response.text
    assert response["X-Robots-Tag"] == "noindex"
    # The form keeps what was asked.
    assert 'name="pay" id="pay-input" value="120000"' in response.text


def test_the_place_page_places_it_here_in_the_state_and_nationally(client, oews_release):
    text = page_text(client.get(f"{AUSTIN}?pay=100000&per=year"))
    # Austin: 10th $96,110, 25th $104,000; Texas: 10th $82,600, 25th $103,350.
    assert "In the Austin-Round Rock-San Marcos, TX area, it is at about the 17th percentile" in (
        text
    )  # 10 + (100,000 - 96,110) / (104,000 - 96,110) x 15 = 17.4
    assert "In Texas, it is at about the 23rd percentile" in text  # 22.6
    assert "Nationally, it is at about the 22nd percentile" in text  # 21.6


def test_an_hourly_offer_is_placed_among_hourly_wages(client, oews_release):
    text = page_text(client.get(f"{SD}?pay=71.20&per=hour"))
    # Hourly: 50th $65.38, 75th $82.68: (71.20 - 65.38) / 17.30 x 25 + 50 = 58.4.
    assert "$71.20 an hour" in text and "about the 58th percentile" in text


def test_an_hourly_only_occupation_asks_for_an_hourly_wage(client, oews_release):
    text = page_text(client.get("/occupations/actors/?pay=50000&per=year"))
    assert "BLS publishes these wages by the hour only" in text
    assert "give the pay an hour instead" in text
    text = page_text(client.get("/occupations/actors/?pay=30&per=hour"))
    # Median $29.05, 75th $97.95: 50 + 0.95 / 68.90 x 25 = 50.3.
    assert "at about the median, between the median ($29.05)" in text


def test_htmx_gets_the_answer_alone_and_a_bad_amount_its_message(client, oews_release):
    response = client.get(f"{AUSTIN}?pay=250000&per=year", HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    body = response.content.decode()
    assert "<html" not in body and "<h1" not in body
    assert "above the 90th percentile ($209,890)" in body
    assert "HX-Request" in response["Vary"]
    bad = client.get(f"{AUSTIN}?pay=lots&per=year", HTTP_HX_REQUEST="true")
    assert bad.status_code == 200  # htmx swaps in what it gets; a 4xx it would not
    assert 'id="pay-input-error" class="field-error" data-hx-swap-oob="true">Write an amount' in (
        bad.content.decode()
    )
    full = client.get(f"{AUSTIN}?pay=lots&per=year")
    assert full.status_code == 400
    assert 'aria-invalid="true"' in full.content.decode() and "<h1" in full.content.decode()


def test_answers_are_cached_only_for_what_the_form_writes(client, oews_release, monkeypatch):
    from tests.helpers import is_cached as cached

    for path in (
        f"{AUSTIN}?pay=120000&per=year",
        f"{AUSTIN}?pay=$120,000&per=year",
        f"{AUSTIN}?pay=120000",
        f"{AUSTIN}?pay=120000&per=year&x=1",
        f"{AUSTIN}?pay=nope&per=year",
    ):
        client.get(path)
    assert cached(f"{AUSTIN}?pay=120000&per=year")
    assert not cached(f"{AUSTIN}?pay=$120,000&per=year")
    assert not cached(f"{AUSTIN}?pay=120000")
    assert not cached(f"{AUSTIN}?pay=120000&per=year&x=1")
    assert not cached(f"{AUSTIN}?pay=nope&per=year")


def test_the_form_works_without_javascript_and_names_its_partial(client, oews_release):
    body = client.get(AUSTIN).content.decode()
    form = re.search(r'<form class="pay-form"[^>]*>', body).group(0)
    assert f'method="get" action="{AUSTIN}#pay-position"' in form
    assert f'data-hx-get="{AUSTIN}"' in form and 'data-hx-target="#pay-answer"' in form
    assert '<div id="pay-answer"' in body


def test_the_methodology_states_the_method(client, oews_release):
    text = page_text(client.get("/methodology/"))
    assert "Where a wage falls" in text
    assert "straight line" in text and "top-coded" in text


@pytest.mark.browser
def test_in_a_browser_htmx_swaps_the_answer_in_place(open_page, oews_site):
    page = open_page(viewport={"width": 360, "height": 800})
    page.goto(oews_site + AUSTIN)
    page.fill("#pay-input", "150000")
    page.evaluate("window.__marker = 1")
    page.click(".pay-form button")
    page.wait_for_selector("#pay-answer li")
    assert page.evaluate("window.__marker") == 1  # no page load
    assert "about the 61st percentile" in page.inner_text("#pay-answer")
    assert page.url.endswith("?pay=150000&per=year")
    assert page.problems.all() == []


@pytest.fixture
def oews_site(site, oews_files):
    from tests.helpers import import_oews

    import_oews(oews_files)
    return site


def test_datatypes_of_the_points(oews_release):
    from officialstats.views.pay import points

    figures = {d: figure(d, Decimal(1), None) for d in Datatype}
    assert [f.datatype for _, f in points(figures, "year")] == ANNUAL
