"""A page for every occupation: figures in every state, rankings, hierarchy,
downloads, search-engine metadata, the sitemap, caching by release, budgets.

The small release of ``tests/oews.py`` (real May 2025 figures) is imported
and published by the ``oews_release`` fixture; ``odd_release`` changes a
few national estimates so that every state a value can take shows.
"""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from comparisons.models import Role
from tests import oews_sample_data as sample
from tests.browser import OVERFLOWING_OUTSIDE_SCROLLERS
from tests.helpers import ODD, import_oews, is_cached, page_text
from tests.oews import write_release

SD = "/occupations/software-developers/"
LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


@pytest.fixture
def odd_release(db, tmp_path):
    return import_oews(write_release(tmp_path / "odd", series={**sample.SERIES, **ODD}))


def structured(response) -> list[dict]:
    return [json.loads(block) for block in LD.findall(response.content.decode())]


def of_type(response, kind: str) -> dict:
    return next(item for item in structured(response) if item["@type"] == kind)


def section(response, heading: str) -> str:
    """The text of the page from ``heading`` to the next h2."""
    text = page_text(response)
    start = text.index(heading)
    following = [text.find(h, start + 1) for h in SECTION_HEADINGS if text.find(h, start + 1) > 0]
    return text[start : min(following, default=len(text))]


SECTION_HEADINGS = [
    "Pay and employment in the United States",
    "How pay is spread",
    "How reliable these figures are",
    "Where it pays and employs most",
    "Industries that employ and pay most",
    "Where it sits in the classification",
    "Source",
]


# Figures ------------------------------------------------------------------


def test_software_developers_show_blss_figures_each_traced_to_the_release(client, oews_release):
    response = client.get(SD)
    assert response.status_code == 200
    text = page_text(response)
    assert "Software Developers" in text and "SOC 15-1252" in text
    for figure in ("1,687,890", "$148,100", "$135,980", "$82,460", "$214,670", "$71.20"):
        assert figure in text, figure
    # The answer first: what it pays, then how many do it.
    assert (
        "Median pay $135,980 a year; mean $148,100 a year. 1,687,890 jobs in the United States "
        "in May 2025." in text
    )
    cards = text[text.index("Pay and employment in the United States") :]
    assert cards.index("$135,980 median pay") < cards.index("1,687,890 jobs")
    # Every block of figures names its source and links to the methodology.
    cites = re.findall(r'<p class="cite">Source: <a href="([^"]+)">([^<]+)</a>', response.text)
    assert len(cites) == 6  # figures, spread, places, states, industries, related occupations
    assert {cite for cite in cites} == {("/methodology/#official-heading", "BLS OEWS, May 2025")}
    assert (
        "U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May 2025"
        in text
    )
    assert "published by BLS on 15 May 2026" in text


def test_the_spread_is_a_labelled_chart_with_the_same_figures_in_a_table(client, oews_release):
    response = client.get(SD)
    body = response.content.decode()
    svg = body[body.index("<svg") : body.index("</svg>")]
    assert 'role="img"' in svg and "aria-labelledby" in svg and "<desc" in svg
    desc = re.search(r"<desc[^>]*>(.*?)</desc>", svg).group(1)
    assert "10th percentile: $82,460" in desc and "90th percentile: $214,670" in desc
    labels = re.findall(r'class="bar-label[^"]*"[^>]*>([^<]+)<', svg)
    assert labels == ["$82,460", "$105,210", "$135,980", "$171,980", "$214,670"]
    table = body[
        body.index('id="spread-table"') : body.index("</table>", body.index("spread-table"))
    ]
    for label in labels:
        assert label in table
    assert "The same figures as a table" in page_text(response)


def test_reliability_is_said_in_words_from_the_rse(client, oews_release):
    text = section(client.get(SD), "How reliable these figures are")
    # Employment RSE 0.6%: 1.96 x 0.6 = 1.2.
    assert "Employment Precise: relative standard error 0.6%" in text
    assert "within ±1.2%" in text
    assert "Percentile wages BLS publishes no error measure" in text
    # Actors: employment RSE 17.7% is less precise, wage RSE 8.4% reliable.
    actors = section(client.get("/occupations/actors/"), "How reliable these figures are")
    assert "Employment Less precise: relative standard error 17.7%" in actors
    assert "Mean wage Reliable: relative standard error 8.4%" in actors


def test_the_methodology_states_the_reliability_bands(client, oews_release):
    text = page_text(client.get("/methodology/"))
    assert "Reading the official figures" in text
    for band in (
        "Under 5% Precise",
        "5% to under 10% Reliable",
        "10% to under 25% Less precise",
        "25% or more Unreliable",
    ):
        assert band in text, band
    assert "At least $239,200" in text


def test_location_quotient_is_said_not_to_apply_to_the_nation_and_shown_for_places(
    client, oews_release
):
    text = page_text(client.get(SD))
    assert "Location quotient: not applicable to the nation" in text
    places = section(client.get(SD), "Where it pays and employs most")
    assert "California 284,390 1.44" in places  # jobs, then LQ


def test_hourly_only_and_annual_only_wages_say_so(client, oews_release):
    actors = client.get("/occupations/actors/")
    text = page_text(actors)
    assert "Median pay $29.05 an hour" in text
    assert "10th percentile $16.50 published hourly only" in text
    assert "by the hour only" in text
    athletes = page_text(client.get("/occupations/athletes-and-sports-competitors/"))
    assert "10th percentile published annually only $26,500" in athletes
    assert "Median pay $66,710 a year" in athletes


def test_top_coded_withheld_and_contradicted_values_are_visible_never_blank(client, odd_release):
    chiefs = client.get("/occupations/chief-executives/")
    text = page_text(chiefs)
    assert "75th percentile at least $115.00 at least $239,200" in text
    assert "90th percentile at least $115.00 at least $239,200" in text
    assert (
        "for a wage it marks as top-coded, BLS publishes only that it is at least $115.00 an "
        "hour or $239,200 a year." in text
    )
    # BLS does publish wages above its bound; the note must not say otherwise.
    assert "no wage above" not in text
    chart = chiefs.content.decode()
    assert chart.count('class="series-0 open-end"') == 2  # arrows: at least, not exactly
    # A 90th percentile "at least $239,200" above a published 75th of $583,200.
    surgeons = page_text(client.get("/occupations/pediatric-surgeons/"))
    assert "90th percentile $349.35 not published" in surgeons
    withheld = client.get("/occupations/surgeons/")
    assert "BLS gives no national employment figure for May 2025 (not released)" in page_text(
        withheld
    )
    assert '<span class="fig-none">not released</span>' in withheld.content.decode()


# Rankings and hierarchy -----------------------------------------------------


def test_states_areas_and_industries_that_pay_and_employ_most(client, oews_release):
    places = section(client.get(SD), "Where it pays and employs most")
    assert "States that pay most State Median California $174,410 Texas $132,150" in places
    assert "States that employ most State Jobs LQ California 284,390 1.44 Texas 163,880 1.07" in (
        places
    )
    assert "Areas that pay most Area Median Austin-Round Rock-San Marcos, TX $134,120 " in places
    assert "Hill Country Region of Texas nonmetropolitan area $121,780" in places
    industries = section(client.get(SD), "Industries that employ and pay most")
    assert (
        "Industries that pay most Industry Median Computer Systems Design and Related Services "
        "$132,050 Spectator Sports $106,740"
    ) in industries
    assert "Computer Systems Design and Related Services 515,410 Spectator Sports 300" in industries
    # Each place links to the occupation's page for it; industries link nowhere.
    body = client.get(SD).content.decode()
    assert f'<a href="{SD}in/texas/">Texas</a>' in body
    assert f'<a href="{SD}in/austin-round-rock-san-marcos-tx/">Austin' in body
    assert "/in/computer-systems" not in body


def test_a_ranking_leaves_out_what_bls_did_not_publish(client, oews_release):
    # Actors in Austin: employment published, wages not released.
    places = section(client.get("/occupations/actors/"), "Where it pays and employs most")
    pay = places[places.index("Areas that pay most") : places.index("Areas that employ most")]
    assert "Austin" not in pay
    assert "Austin-Round Rock-San Marcos, TX 160 0.34" in places


def test_the_hierarchy_breadcrumbs_siblings_and_children(client, oews_release):
    response = client.get(SD)
    crumbs = of_type(response, "BreadcrumbList")["itemListElement"]
    assert [crumb["name"] for crumb in crumbs] == [
        "Home",
        "Occupations",
        "Computer and Mathematical Occupations",
        "Computer Occupations",
        "Software and Web Developers, Programmers, and Testers",
        "Software Developers",
    ]
    assert crumbs[-1]["item"].endswith(SD)
    body = response.content.decode()
    for slug in (
        "computer-and-mathematical-occupations",
        "computer-occupations",
        "software-and-web-developers-programmers-and-testers",
        "software-quality-assurance-analysts-and-testers",  # a sibling
    ):
        assert f'href="/occupations/{slug}/"' in body, slug
    related = section(response, "Where it sits in the classification")
    assert "Also in Software and Web Developers, Programmers, and Testers" in related
    assert "Software Quality Assurance Analysts and Testers 15-1253 $104,300 186,740" in related
    # A group lists what it holds, sortable.
    group = client.get("/occupations/computer-and-mathematical-occupations/")
    held = section(group, "Where it sits in the classification")
    assert held.index("Computer Occupations 15-1200") < held.index(
        "Mathematical Science Occupations 15-2000"
    )
    assert "Sort: SOC code · Median pay · Employment" in held
    by_jobs = section(
        client.get("/occupations/computer-and-mathematical-occupations/?sort=employment"),
        "Where it sits in the classification",
    )
    assert "Sort: SOC code · Median pay · Employment" in by_jobs
    assert by_jobs.index("Computer Occupations 15-1200") < by_jobs.index(
        "Mathematical Science Occupations"
    )
    by_pay = section(
        client.get(
            "/occupations/arts-design-entertainment-sports-and-media-occupations/?sort=median"
        ),
        "Where it sits in the classification",
    )
    assert "Entertainers and Performers, Sports and Related Workers" in by_pay


def test_every_level_has_a_page_and_all_occupations_has_no_parent(client, oews_release):
    for code, title, _ in sample.OCCUPATIONS:
        slug = (
            "cashiers-41-2010"
            if code == "412010"
            else re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
        )
        assert client.get(f"/occupations/{slug}/").status_code == 200, slug
    everything = client.get("/occupations/all-occupations/")
    text = page_text(everything)
    assert "155,495,730 jobs" in text and "Median pay $50,980 a year" in text
    assert "the top of the Standard Occupational Classification" in text
    assert "Management Occupations 11-0000" in text  # a child


def test_an_unknown_occupation_is_a_404(client, oews_release):
    response = client.get("/occupations/no-such-job/")
    assert response.status_code == 404
    assert b"<html" in response.content


def test_without_a_live_release_there_are_no_occupation_pages(client, db):
    assert client.get(SD).status_code == 404
    index = client.get("/occupations/")
    assert index.status_code == 200
    assert "No official statistics are published yet." in page_text(index)


# Downloads --------------------------------------------------------------------


def test_json_download_has_every_figure_of_the_page_exactly(client, oews_release):
    response = client.get("/occupations/software-developers.json")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    data = response.json()
    assert data["soc_code"] == "15-1252" and data["page"].endswith(SD)
    assert (
        data["source"]["release"] == "May 2025" and data["source"]["published_on"] == "2026-05-15"
    )
    assert "cannot vouch" in data["source"]["notice"]
    national = {
        (row["figure"], row["unit"]): row
        for row in data["figures"]
        if row["area"] == "United States" and row["industry"] == "All industries"
    }
    assert national[("employment", "jobs")]["value"] == 1687890
    assert national[("mean wage", "USD a year")]["value"] == "148100.00"
    assert national[("median wage", "USD an hour")]["value"] == "65.38"
    assert national[("location quotient", "ratio")]["state"] == "not-applicable"
    places = {(row["area"], row["figure"]) for row in data["figures"]}
    assert ("California", "location quotient") in places
    assert ("United States", "median wage") in places


def test_csv_download_never_writes_a_bound_as_a_value(client, odd_release):
    response = client.get("/occupations/chief-executives.csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    top = [row for row in rows if row["state"] == "top-coded"]
    assert len(top) == 4
    assert all(row["value"] == "" for row in top)
    assert {row["at_least"] for row in top} == {"115.00", "239200"}


@pytest.mark.parametrize("kind", ["json", "csv"])
def test_a_missing_download_is_a_404_in_its_format(client, oews_release, kind):
    response = client.get(f"/occupations/no-such-job.{kind}")
    assert response.status_code == 404
    if kind == "json":
        assert response.json()["status"] == 404
    else:
        assert response.content.decode().startswith("error")


# Search engines -----------------------------------------------------------------


def test_title_description_canonical_built_from_the_figures(client, oews_release):
    body = client.get(SD).content.decode()
    title = re.search(r"<title>(.*?)</title>", body).group(1)
    assert "Software Developers: median pay $135,980 a year, 1,687,890 jobs" in title
    description = re.search(r'<meta name="description" content="([^"]*)"', body).group(1)
    assert "1,687,890 US jobs" in description and "$135,980" in description
    assert "BLS OEWS, May 2025" in description and len(description) <= 160
    assert re.search(rf'<link rel="canonical" href="http://testserver{SD}">', body)
    assert 'name="robots"' not in body


def test_occupation_json_ld_with_soc_code_and_salary_percentiles(client, oews_release):
    occupation = of_type(client.get(SD), "Occupation")
    assert occupation["name"] == "Software Developers"
    assert occupation["occupationalCategory"] == "15-1252"
    (salary,) = occupation["estimatedSalary"]
    assert salary == {
        "@type": "MonetaryAmountDistribution",
        "name": "wages",
        "currency": "USD",
        "duration": "P1Y",
        "percentile10": 82460,
        "percentile25": 105210,
        "median": 135980,
        "percentile75": 171980,
        "percentile90": 214670,
    }
    actors = of_type(client.get("/occupations/actors/"), "Occupation")["estimatedSalary"][0]
    assert actors["duration"] == "PT1H" and actors["median"] == 29.05


def test_a_top_coded_percentile_is_left_out_of_the_structured_data(client, odd_release):
    response = client.get("/occupations/chief-executives/")
    salary = of_type(response, "Occupation")["estimatedSalary"][0]
    assert set(salary) & {"percentile75", "percentile90"} == set()
    assert salary["median"] == 213990
    assert "239200" not in json.dumps(structured(response))


def test_the_sitemap_lists_every_occupation_dated_by_the_release(client, oews_release):
    assert "/sitemap-occupations.xml" in client.get("/sitemap.xml").content.decode()
    body = client.get("/sitemap-occupations.xml").content.decode()
    assert f"<loc>http://testserver{SD}</loc><lastmod>2026-05-15</lastmod>" in body
    assert "<loc>http://testserver/occupations/</loc><lastmod>2026-05-15</lastmod>" in body
    assert body.count("/occupations/") == len(sample.OCCUPATIONS) + 1


def test_home_and_navigation_link_to_the_occupations(client, content):
    body = client.get("/").content.decode()
    assert body.count('href="/occupations/"') == 2  # the site navigation and the home page


# The page cache: kept under the live release ------------------------------------


def test_an_editorial_save_leaves_the_page_cached_and_a_publish_refreshes_it(
    client, content, oews_release, tmp_path, django_assert_max_num_queries, monkeypatch
):
    from officialstats.views import occupations as views
    from tests.oews import write_next_release

    renders = []
    real = views.load_occupation_page
    monkeypatch.setattr(views, "load_occupation_page", lambda *a: renders.append(a) or real(*a))
    assert "$135,980" in page_text(client.get(SD))
    role = Role.objects.get(slug="backend-developer")
    role.summary += " Edited."
    role.save()  # a new content version: editorial pages render again
    with django_assert_max_num_queries(1):  # the live release, at most
        again = client.get(SD)
    assert len(renders) == 1 and "$135,980" in page_text(again)
    import_oews(write_next_release(tmp_path / "next"))
    fresh = client.get(SD)
    assert len(renders) == 2
    assert "$142,000" in page_text(fresh) and "May 2026" in page_text(fresh)


def test_only_canonical_sorts_are_kept(client, oews_release):
    group = "/occupations/computer-and-mathematical-occupations/"
    for path in (group, f"{group}?sort=median", f"{group}?sort=nonsense", f"{SD}?sort=median"):
        assert client.get(path).status_code == 200
    assert is_cached(group) and is_cached(f"{group}?sort=median")
    assert not is_cached(f"{group}?sort=nonsense")
    assert not is_cached(f"{SD}?sort=median")  # a detailed occupation has nothing to sort


# Budgets and public-page rules -------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        SD,
        "/occupations/all-occupations/",
        "/occupations/actors/",
        "/occupations/computer-occupations/",
    ],
)
def test_query_count_is_fixed_whatever_the_page(
    client, oews_release, django_assert_num_queries, path, monkeypatch
):
    # The live release, the occupation with its family, its places, its industries,
    # every state for the maps.
    with django_assert_num_queries(5):
        assert client.get(path).status_code == 200


def test_download_query_count_is_fixed(
    client, oews_release, django_assert_num_queries, monkeypatch
):
    with django_assert_num_queries(5):
        assert client.get("/occupations/software-developers.csv").status_code == 200


# In a real browser --------------------------------------------------------------------------


@pytest.fixture
def oews_site(site, oews_files):
    """The live server with the content and the small release published."""
    import_oews(oews_files)
    return site


@pytest.mark.browser
@pytest.mark.parametrize(("width", "scheme"), [(360, "dark"), (1280, "light")])
def test_in_a_browser_the_page_fits_the_chart_is_whole_and_axe_finds_nothing(
    open_page, oews_site, width, scheme
):
    from axe_playwright_python.sync_playwright import Axe

    from tests.browser import AXE_OPTIONS

    page = open_page(viewport={"width": width, "height": 800}, color_scheme=scheme)
    paths = (SD, "/occupations/actors/", "/occupations/computer-occupations/")
    for path in (*paths, "/occupations/", "/occupations/?q=software"):
        page.goto(oews_site + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate(OVERFLOWING_OUTSIDE_SCROLLERS) == [], path
        results = Axe().run(page, options=AXE_OPTIONS)
        assert results.violations_count == 0, results.generate_report()
        if path not in paths:
            continue
        svg = page.locator(".spread-chart svg")
        box = svg.bounding_box()
        for text in svg.locator("text").all():
            part = text.bounding_box()
            assert part["x"] >= box["x"] - 0.5, text.text_content()
            assert part["x"] + part["width"] <= box["x"] + box["width"] + 0.5, (
                path,
                text.text_content(),
            )
    assert page.problems.all() == []


# Pure pieces: words for a figure, reliability bands, chart geometry ----------------------------


def test_a_figure_reads_in_its_state_and_escapes_what_it_shows():
    from decimal import Decimal

    from officialstats import display
    from officialstats.figures import Datatype, figure
    from officialstats.queries.rankings import IndustryRow
    from officialstats.templatetags.officialstats import fig, ranked_rows

    annual = figure(Datatype.ANNUAL_P90, Decimal("214670.00"), None)
    assert str(fig(annual)) == '<data value="214670.00">$214,670</data>'
    assert display.in_words(figure(Datatype.HOURLY_P90, None, 5)) == "$115.00+ an hour"
    assert display.text(figure(Datatype.HOURLY_MEAN, None, 4)) == "published annually only"
    assert display.text(figure(Datatype.LOCATION_QUOTIENT, None, None)) == "not applicable"
    row = IndustryRow("Media <Streaming> & Co", "516200", annual, annual)
    assert "Media &lt;Streaming&gt; &amp; Co" in ranked_rows([row], "pay")


@pytest.mark.parametrize(
    ("rse", "label", "margin"),
    [("0.6", "Precise", "1.2"), ("4.9", "Precise", "9.6"), ("5.0", "Reliable", "9.8"),
     ("10.0", "Less precise", "19.6"), ("25.0", "Unreliable", "49.0")],
)  # fmt: skip
def test_reliability_bands_and_the_95_percent_margin(rse, label, margin):
    from decimal import Decimal

    from officialstats.figures import Datatype, figure
    from officialstats.reliability import reliability

    reading = reliability(figure(Datatype.EMPLOYMENT_RSE, Decimal(rse), None))
    assert reading.label == label and reading.margin == Decimal(margin)
    assert not reliability(figure(Datatype.WAGE_RSE, None, 8)).known


def test_the_chart_draws_bounds_as_open_bars_and_leaves_room_for_every_label():
    from decimal import Decimal

    from officialstats.chart import WIDTH, nice_step, spread_chart
    from officialstats.figures import Datatype, figure

    assert nice_step(Decimal(214670)) == 50000 and nice_step(Decimal("71.2")) == 20
    spread = [
        (10, figure(Datatype.ANNUAL_P10, Decimal(75700), None)),
        (25, figure(Datatype.ANNUAL_P25, Decimal(129540), None)),
        (50, figure(Datatype.ANNUAL_MEDIAN, Decimal(213990), None)),
        (75, figure(Datatype.ANNUAL_P75, None, 5)),
        (90, figure(Datatype.ANNUAL_P90, None, 8)),
    ]
    chart = spread_chart(spread, hourly=False, subject="Chief Executives")
    bars = {bar.name: bar for bar in chart.bars}
    assert bars["75th"].open_ended and bars["75th"].label == "at least $239,200"
    assert not bars["90th"].drawn and bars["90th"].label == "not released"
    assert bars["10th"].width < bars["25th"].width < bars["Median"].width < bars["75th"].width
    for bar in chart.bars:  # the longest label fits at a generous 9 px a character
        assert bar.label_x + 9 * len(bar.label) <= WIDTH
    assert "75th percentile: at least $239,200" in chart.description
    assert chart.ticks[0].label == "$0" and chart.ticks[-1].label == "$250k"
    nothing = [(p, figure(Datatype.ANNUAL_P10, None, 8)) for p in (10, 25, 50, 75, 90)]
    assert spread_chart(nothing, hourly=False, subject="x") is None


def test_national_figures_by_soc_code_for_other_pages(
    oews_release, django_assert_num_queries, monkeypatch
):
    from decimal import Decimal

    from officialstats.queries.occupations import national_figures

    with django_assert_num_queries(2):  # the live release, the estimate
        developers = national_figures("15-1252")
    assert developers.occupation.title == "Software Developers"
    assert developers.employment.value == 1687890
    assert developers.median.value == Decimal("135980.00")
    assert [annual.value for _, _, annual in developers.percentiles][::4] == [
        Decimal("82460.00"),
        Decimal("214670.00"),
    ]
    assert national_figures("99-9999") is None
    assert national_figures("27-2011").hourly_only
