"""BEA Regional Price Parities (issue 21): a fourth program, read from BEA's
layout and the reduced metro copy; place pages show the price level, and an
occupation's page for a place its median at national prices, worked out."""

from __future__ import annotations

import datetime
from decimal import Decimal as D

import pytest
from django.core.management import CommandError, call_command

from officialstats.guidance.fetch import fetch
from officialstats.guidance.programs import RPP
from officialstats.models import PriceParity, Program, Release
from tests.guidance_files import RPP_METROS, reduced_layout, write_rpp, write_sums
from tests.helpers import page_text

AUSTIN = "austin-round-rock-san-marcos-tx"


def test_both_layouts_are_read_and_the_rounded_copy_says_so(db, data_dir):
    read = RPP.read({f.file.name: f for f in fetch(RPP)})
    assert (read.code, read.name, read.published_on) == ("2023", "2023", datetime.date(2025, 2, 20))
    places = {p.geo_fips: p for p in read.rows}
    california = places["06000"]
    assert (california.kind, california.area_code, california.rounded) == (
        "state",
        "0600000",
        False,
    )
    assert (california.all_items, california.housing) == (D("112.581"), D("157.839"))
    austin = places["12420"]
    assert (austin.kind, austin.area_code, austin.all_items, austin.rounded) == (
        "metro", "0012420", D("97.62"), True
    )  # fmt: skip
    assert places["00999"].kind == "nonmetro" and places["00999"].area_code == ""
    assert places["00000"].rounded is False  # the nation: the state file's, unrounded
    # BEA's own metro layout reads the same figures, unrounded.
    write_rpp(data_dir / "rpp-2023", metros="bea")
    write_sums(data_dir)
    read = RPP.read({f.file.name: f for f in fetch(RPP)})
    austin = next(p for p in read.rows if p.geo_fips == "12420")
    assert (austin.all_items, austin.rounded) == (D("97.62"), False)


@pytest.mark.parametrize(
    ("metros", "says"),
    [
        ("GeoName,Description,RPP 2023\n", "has no GeoFIPS and Description columns"),
        ("GeoFIPS,GeoName,Description,RPP 2023\n12420,Austin,RPPs: All items ,cheap\n",
         "MARPP_MSA_2008_2023.csv, line 2: “cheap” is not a price level"),
        ("GeoFIPS,GeoName,Description,RPP 2022\n12420,Austin,RPPs: All items ,97.1\n",
         "the two files give different years (2022 and 2023)"),
    ],
)  # fmt: skip
def test_bad_input_is_refused_naming_the_file_and_line(db, data_dir, metros, says):
    (data_dir / "rpp-2023" / "MARPP_MSA_2008_2023.csv").write_text(metros)
    write_sums(data_dir)
    with pytest.raises(CommandError) as raised:
        call_command("import_guidance", "rpp", verbosity=0)
    assert says in str(raised.value)
    assert not PriceParity.objects.exists()


@pytest.fixture
def priced(oews_release, guidance):
    return Release.objects.get(program=Program.RPP)


def test_a_state_shows_its_price_level_with_source_and_year(client, priced):
    text = page_text(client.get("/places/california/"))
    assert (
        "Prices in California are about 13% above the nation's: BEA's price level for all "
        "items is 112.581 (the nation = 100), and for housing 157.839."
    ) in text
    assert "Source: U.S. Bureau of Economic Analysis, Regional Price Parities, 2023" in text


def test_an_occupations_median_at_national_prices_is_worked_out(client, priced):
    text = page_text(client.get(f"/occupations/software-developers/in/{AUSTIN}/"))
    median = D("134120")
    worth = median / D("97.62") * 100
    assert f"Worked out: $134,120 ÷ 97.62 × 100 = ${worth.quantize(D('0.01')):,}" in text
    assert f"is worth ${worth.quantize(D(1)):,} at national prices" in text
    assert "BEA's price levels are for 2023; the pay is BLS's for May 2025" in text
    assert "Rounded to two decimals in the copy we read" in text


def test_an_area_without_a_parity_says_so_and_borrows_none(client, priced):
    text = page_text(client.get("/places/hill-country-region-of-texas-nonmetropolitan-area/"))
    assert "BEA publishes no price level for Hill Country Region of Texas" in text
    assert "We do not borrow a neighbour's." in text
    methodology = page_text(client.get("/methodology/"))
    assert "The 1 place without a price level Hill Country Region of Texas" in methodology


def test_without_the_dataset_pages_say_nothing_of_prices(client, oews_release):
    assert "What pay buys here" not in page_text(client.get("/places/california/"))


def test_reduced_layout_builder_matches_the_copy(tmp_path):
    path = reduced_layout(tmp_path / "m.csv", RPP_METROS[:1])
    assert path.read_text().splitlines()[:2] == [
        "GeoFIPS,GeoName,Description,RPP 2023",
        '0,"United States",RPPs: All items ,100',
    ]


FURTHEST = "/occupations/software-developers/where-pay-goes-furthest/"


def test_where_pay_goes_furthest_ranks_places_both_ways(client, priced):
    response = client.get(FURTHEST)
    text = page_text(response)
    states = text[text.index("States by median pay at national prices") :]
    # California: $174,410 / 112.581 x 100; Texas: $132,150 / 97.175 x 100.
    california = (D("174410") / D("112.581") * 100).quantize(D(1))
    texas = (D("132150") / D("97.175") * 100).quantize(D(1))
    assert f"California $174,410 112.581 ${california:,} 1 1" in states
    assert f"Texas $132,150 97.175 ${texas:,} 2 2" in states
    metros = text[text.index("Metropolitan areas by median pay at national prices") :]
    assert "Austin-Round Rock-San Marcos, TX $134,120 97.62" in metros
    # Three places ranked: too few for search engines, and said.
    assert "Only 3 places have both a published median and a price level" in text
    assert '<meta name="robots" content="noindex">' in response.content.decode()
    assert "Median pay of Software Developers at national prices by state" in text


def test_a_ranking_with_ten_places_is_indexed_and_in_the_sitemap(client, priced, monkeypatch):
    from officialstats.queries import furthest

    monkeypatch.setattr(furthest, "INDEXABLE", 3)
    response = client.get(FURTHEST)
    assert 'content="noindex"' not in response.content.decode()
    sitemap = client.get("/sitemap-lists.xml").content.decode()
    assert FURTHEST in sitemap


def test_comparing_places_adds_pay_at_national_prices(client, priced):
    text = page_text(
        client.get(
            "/occupations/software-developers/places/",
            {"p": ["california", "hill-country-region-of-texas-nonmetropolitan-area"]},
        )
    )
    california = (D("174410") / D("112.581") * 100).quantize(D(1))
    row = text[text.index("Median at national prices") :]
    assert row.startswith(f"Median at national prices ${california:,}")
    assert "no price level" in row.split("10th percentile")[0]
    assert "each place's median divided by BEA's price level there, times 100" in text


def test_pages_with_prices_take_a_fixed_number_of_queries(
    client, priced, django_assert_max_num_queries
):
    with django_assert_max_num_queries(3):
        client.get(FURTHEST)
    with django_assert_max_num_queries(6):
        client.get("/places/california/")


def test_the_calculator_shows_its_estimate_at_national_prices(
    client, content, calculator_release, guidance
):
    from tests.helpers import result_of
    from tests.test_calculator_places import CALC, SENIOR_SAN_JOSE

    response = client.get(CALC, SENIOR_SAN_JOSE)
    backend = result_of(response, "Backend Developer")
    # The estimate stays in San Jose's dollars ($242,918.44 from BLS's medians) ...
    assert "= $242,918.44 (+57%)" in backend
    # ... and beside it, what it is worth at national prices.
    central = (D("242918.44") / D("112.87") * 100 / 1000).quantize(D(1)) * 1000
    assert f"At national prices, this base salary is worth about ${central:,.0f}" in backend
    assert "the estimate ÷ 112.87, BEA's 2023 price level for San Jose-Sunnyvale-Santa" in backend
    nowhere = result_of(client.get(CALC, {**SENIOR_SAN_JOSE, "area": ""}), "Backend Developer")
    assert "At national prices" in nowhere  # California has a price level too


def test_where_does_my_pay_fall_answers_in_national_prices_too(client, priced):
    text = page_text(
        client.get(
            f"/occupations/software-developers/in/{AUSTIN}/", {"pay": "150000", "per": "year"}
        )
    )
    worth = D("150000") / D("97.62") * 100
    assert (
        "At national prices, $150,000 a year here is worth about "
        f"${worth.quantize(D(1)):,} a year: "
        f"$150,000 ÷ 97.62, BEA's 2023 price level here, × 100 = ${worth.quantize(D('0.01')):,}."
    ) in text
    nationally = page_text(
        client.get("/occupations/software-developers/", {"pay": "150000", "per": "year"})
    )
    assert "At national prices" not in nationally
