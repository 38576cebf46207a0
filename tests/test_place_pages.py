"""Place pages: the index of states and areas (grouped, searchable), and each
state's and area's page of occupations (sortable, paginated), with areas
that cross state lines listed under every state they reach.

``places_release`` (conftest): real May 2025 figures for the nation,
Arkansas, California, Texas, and four areas (Austin, San Jose, Hill Country
nonmetropolitan area, and Texarkana, TX-AR, which BLS files under Texas).
"""

from __future__ import annotations

import re

import pytest

from comparisons.models import Role
from tests.helpers import import_oews, page_text
from tests.oews import write_next_release

TEXAS = "/places/texas/"


def rows_of(text: str, start: str, end: str) -> str:
    return text[text.index(start) : text.index(end, text.index(start))]


# The index -------------------------------------------------------------------------------------


def test_the_index_lists_states_with_their_areas_and_crossing_areas_under_each(
    client, places_release
):
    response = client.get("/places/")
    assert response.status_code == 200
    text = page_text(response)
    assert "Arkansas 1 area Texarkana, TX-AR (filed under Texas)" in text
    assert "California 1 area San Jose-Sunnyvale-Santa Clara, CA" in text
    assert (
        "Texas 3 areas Austin-Round Rock-San Marcos, TX Hill Country Region of Texas "
        "nonmetropolitan area Texarkana, TX-AR Source"
    ) in text
    body = response.content.decode()
    assert '<a href="/places/texas/">Texas</a>' in body
    assert '<a href="/places/texarkana-tx-ar/">Texarkana, TX-AR</a>' in body
    assert "United States" not in rows_of(text, "Every state and territory", "Source")


@pytest.mark.parametrize(
    ("query", "found", "absent"),
    [("san jose", ["California", "San Jose-Sunnyvale-Santa Clara, CA"], ["Texas", "Austin"]),
     ("texas", ["Texas", "Austin-Round Rock", "Hill Country", "Texarkana"], ["San Jose"]),
     ("AR", ["Arkansas", "Texarkana"], ["San Jose"]),
     ("austin", ["Texas", "Austin-Round Rock"], ["Hill Country", "California"])],
)  # fmt: skip
def test_search_narrows_by_place_state_or_abbreviation(
    client, places_release, query, found, absent
):
    response = client.get("/places/", {"q": query})
    text = rows_of(page_text(response), "Places matching", "Source")
    for name in found:
        assert name in text, name
    for name in absent:
        assert name not in text, name
    assert response["X-Robots-Tag"] == "noindex"
    assert '<meta name="robots" content="noindex">' in response.text


def test_htmx_gets_only_the_results_and_a_status_line(client, places_release):
    response = client.get("/places/", {"q": "san jose"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "<html" not in body and "San Jose-Sunnyvale-Santa Clara, CA" in body
    assert 'role="status" data-hx-swap-oob="true">1 area matching “san jose”' in body
    texas = client.get("/places/", {"q": "texas"}, HTTP_HX_REQUEST="true").content.decode()
    assert "1 state or territory and 3 areas matching “texas”" in texas
    assert "HX-Request" in response["Vary"]
    nothing = page_text(client.get("/places/", {"q": "atlantis"}))
    assert "No place matches “atlantis”" in nothing


def test_the_search_form_works_without_javascript(client, places_release):
    body = client.get("/places/").content.decode()
    form = re.search(r'<form class="search-form"[^>]*>', body).group(0)
    assert 'method="get" action="/places/#results"' in form
    assert 'data-hx-get="/places/"' in form and 'data-hx-target="#results"' in form


# A place's page --------------------------------------------------------------------------------


def test_a_state_lists_its_occupations_compared_with_the_nation(client, places_release):
    response = client.get(TEXAS)
    assert response.status_code == 200
    text = page_text(response)
    # All occupations: 14,071,160 jobs, median $48,620 against $50,980 (-$2,360, -4.63%).
    assert (
        "Median pay across all occupations $48,620 a year: $2,360 (5%) less than nationally. "
        "14,071,160 jobs across all occupations in May 2025."
    ) in text
    table = rows_of(text, "Occupations in Texas Occupation", "Source")
    # By title; Texas $132,150 against $135,980: -2.8%, written -3%.
    assert "Software Developers 15-1252 $132,150 −3% 163,880 1.07" in table
    assert "Actors 27-2011 $25.86 an hour −11% 2,160 0.43" in table
    assert "Pediatric Surgeons 29-1243 at least $239,200 not worked out 300 2.82" in table
    assert table.index("Actors") < table.index("Anesthesiologists") < table.index("Cashiers")
    body = response.content.decode()
    assert '<a href="/occupations/software-developers/in/texas/">Software Developers</a>' in body


def test_most_common_and_best_paid_with_the_national_median(client, places_release):
    text = page_text(client.get(TEXAS))
    common = rows_of(text, "Most jobs Occupation", "Highest median pay")
    assert common.startswith(
        "Most jobs Occupation Jobs Median US median Cashiers 245,730 $29,230 $32,880 "
        "Software Developers 163,880 $132,150 $135,980"
    )
    paid = rows_of(text, "Highest median pay Occupation", "Source")
    # A top-coded median ranks as its bound ($239,200), below a published $257,850.
    assert paid.index("Chief Executives") < paid.index("Pediatric Surgeons")


@pytest.mark.parametrize(
    ("sort", "first", "last"),
    [("median", "Chief Executives", "Actors"),  # hourly only: last by median pay
     ("employment", "Cashiers", "Pediatric Surgeons"),
     ("lq", "Pediatric Surgeons", "Actors")],
)  # fmt: skip
def test_sorting_by_median_employment_and_location_quotient(
    client, places_release, sort, first, last
):
    text = page_text(client.get(TEXAS, {"sort": sort}))
    table = rows_of(text, "Occupations in Texas, by", "Source")
    names = [
        n for n in ("Chief Executives", "Actors", "Cashiers", "Pediatric Surgeons") if n in table
    ]
    positions = {name: table.index(name) for name in names}
    assert min(positions, key=positions.get) == first
    assert max(positions, key=positions.get) == last


def test_the_list_is_paginated_and_only_canonical_sorts_are_cached(
    client, places_release, monkeypatch
):

    from officialstats.queries import places

    monkeypatch.setattr(places, "PER_PAGE", 4)
    first = page_text(client.get(TEXAS))
    assert "Page 1 of 3" in first
    second = client.get(TEXAS, {"page": 2})
    assert second.status_code == 200 and "Page 2 of 3" in page_text(second)
    assert '<meta name="robots" content="noindex">' in second.text
    assert client.get(TEXAS, {"page": 9}).status_code == 404
    assert client.get(TEXAS, {"page": "x"}).status_code == 404

    from tests.helpers import is_cached as cached

    for query in ("sort=median", "sort=nonsense", "sort=lq&page=2", "page=1"):
        client.get(f"{TEXAS}?{query}")
    assert cached(TEXAS) and cached(f"{TEXAS}?sort=median") and cached(f"{TEXAS}?sort=lq&page=2")
    assert not cached(f"{TEXAS}?sort=nonsense") and not cached(f"{TEXAS}?page=1")


def test_a_state_links_its_areas_and_crossing_areas_say_where_bls_files_them(
    client, places_release
):
    texas = page_text(client.get(TEXAS))
    assert "Areas in Texas Austin-Round Rock-San Marcos, TX Hill Country" in texas
    arkansas = client.get("/places/arkansas/")
    assert "Areas in Arkansas Texarkana, TX-AR (BLS files it under Texas)" in page_text(arkansas)
    texarkana = page_text(client.get("/places/texarkana-tx-ar/"))
    assert "Metropolitan area in Texas" in texarkana
    assert "This area reaches into Arkansas as well; BLS files its figures under Texas" in texarkana
    assert "Elsewhere in Texas Texas, the whole state · Arkansas" in texarkana
    austin = page_text(client.get("/places/austin-round-rock-san-marcos-tx/"))
    assert "Elsewhere in Texas" in austin and "Texarkana, TX-AR" in austin


def test_unknown_places_404_and_the_nation_is_the_occupation_index(client, places_release):
    assert client.get("/places/atlantis/").status_code == 404
    nation = client.get("/places/united-states/")
    assert nation.status_code == 301 and nation["Location"] == "/occupations/"


def test_metadata_of_place_pages(client, places_release):
    body = client.get(TEXAS).content.decode()
    assert "<title>Pay and jobs in Texas: every occupation · careerguide</title>" in body
    assert '<link rel="canonical" href="http://testserver/places/texas/">' in body
    assert '<meta name="robots"' not in body
    assert '"name": "Places"' in body or '"name":"Places"' in body.replace(" ", "")
    sorted_page = client.get(TEXAS, {"sort": "median"}).content.decode()
    assert '<meta name="robots" content="noindex">' in sorted_page


def test_without_a_live_release_there_are_no_place_pages(client, db):
    assert "No official statistics are published yet" in page_text(client.get("/places/"))
    assert client.get(TEXAS).status_code == 404


# Caching and budgets --------------------------------------------------------------------------


def test_an_editorial_save_keeps_place_pages_and_a_publish_refreshes_them(
    client, content, places_release, tmp_path, monkeypatch
):
    from officialstats.views import places as views

    renders = []
    real = views.load_place_page
    monkeypatch.setattr(views, "load_place_page", lambda *a: renders.append(a) or real(*a))
    indexes = []
    real_index = views.load_place_index
    monkeypatch.setattr(views, "load_place_index", lambda *a: indexes.append(a) or real_index(*a))
    client.get(TEXAS), client.get("/places/")
    role = Role.objects.get(slug="backend-developer")
    role.summary += " Edited."
    role.save()
    client.get(TEXAS), client.get("/places/")
    assert len(renders) == len(indexes) == 1
    import_oews(write_next_release(tmp_path / "next"))
    assert "May 2026" in page_text(client.get(TEXAS))
    assert "May 2026" in page_text(client.get("/places/"))
    assert len(renders) == len(indexes) == 2


@pytest.mark.parametrize(
    ("path", "queries"),
    [("/places/", 2), ("/places/?q=tex", 3), (TEXAS, 5), ("/places/texas/?sort=median&page=1", 5),
     ("/places/texarkana-tx-ar/", 5)],
)  # fmt: skip
def test_query_count_is_fixed_whatever_the_catalogue(
    client, db, tmp_path, django_assert_num_queries, monkeypatch, path, queries
):
    """The live release; the places (index); or the place, its state's areas,
    a page of occupations and the highlights."""
    from officialstats.publishing import publish
    from tests import oews_sample_data as sample
    from tests.oews import write_release

    texarkana = sample.PLACES_AREAS[-1]  # listed, with no estimates in the small release
    import_oews(write_release(tmp_path / "small", areas=[*sample.AREAS, texarkana]))
    with django_assert_num_queries(queries):
        assert client.get(path).status_code == 200
    larger = write_release(
        tmp_path / "larger",
        release=("2026A01", "May 2026"),
        areas=sample.PLACES_AREAS,
        series=sample.PLACES_SERIES,
    )
    publish(import_oews(larger, publish=False))
    with django_assert_num_queries(queries):
        assert client.get(path).status_code == 200


# In a real browser ----------------------------------------------------------------------------


@pytest.fixture
def places_site(site, tmp_path):
    """The live server with the content and the places' release published."""
    from tests import oews_sample_data as sample
    from tests.oews import write_release

    import_oews(
        write_release(tmp_path / "site", areas=sample.PLACES_AREAS, series=sample.PLACES_SERIES)
    )
    return site


@pytest.mark.browser
@pytest.mark.parametrize(("width", "scheme"), [(360, "dark"), (1280, "light")])
def test_in_a_browser_the_pages_fit_and_axe_finds_nothing(open_page, places_site, width, scheme):
    from axe_playwright_python.sync_playwright import Axe

    from tests.browser import AXE_OPTIONS
    from tests.browser import OVERFLOWING_OUTSIDE_SCROLLERS as OVERFLOWING

    page = open_page(viewport={"width": width, "height": 800}, color_scheme=scheme)
    for path in (
        "/places/",
        "/places/?q=tex",
        TEXAS,
        "/places/texarkana-tx-ar/",
        "/occupations/software-developers/in/austin-round-rock-san-marcos-tx/",
        "/occupations/software-developers/in/texas/?pay=120000&per=year",
        "/occupations/actors/in/austin-round-rock-san-marcos-tx/",
    ):
        page.goto(places_site + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate(OVERFLOWING) == [], path
        results = Axe().run(page, options=AXE_OPTIONS)
        assert results.violations_count == 0, (path, results.generate_report())
        unlabelled = page.evaluate(
            "() => [...document.querySelectorAll('.place-table td, .compare-table td, "
            ".occupation-table td')].filter((td) => !td.dataset.label).length"
        )
        assert unlabelled == 0, path
    assert page.problems.all() == []


@pytest.mark.browser
def test_in_a_browser_the_search_narrows_in_place(open_page, places_site):
    page = open_page(viewport={"width": 360, "height": 800})
    page.goto(places_site + "/places/")
    page.evaluate("window.__marker = 1")
    page.fill("#place-q", "san jose")
    expect = pytest.importorskip("playwright.sync_api").expect
    expect(page.locator("#results-status")).to_contain_text("1 area matching")
    assert page.evaluate("window.__marker") == 1  # no page load
    assert "San Jose-Sunnyvale-Santa Clara, CA" in page.inner_text("#results")
    assert "Austin" not in page.inner_text("#results")
    assert page.url.endswith(("/places/?q=san+jose", "/places/?q=san%20jose"))
    assert page.problems.all() == []
