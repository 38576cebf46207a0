"""Finding an occupation: the index by group, every occupation sorted, and
search by title as a plain GET form that htmx narrows as you type."""

from __future__ import annotations

import re

import pytest
from django.db import connection

from core import state
from officialstats.queries import index
from tests.helpers import import_oews, is_cached, page_text

INDEX = "/occupations/"
HTMX = {"HTTP_HX_REQUEST": "true"}


def titles(response) -> list[str]:
    """The occupations listed in the results, in order."""
    body = response.content.decode()
    results = body[body.index('id="results"') :] if 'id="results"' in body else body
    table = results[: results.index("</table>")]
    return re.findall(r'<th scope="row"><a href="/occupations/[^"]+/">([^<]+)</a>', table)


# Browsing -------------------------------------------------------------------------------


def test_the_index_lists_the_major_groups_and_every_detailed_occupation(client, oews_release):
    response = client.get(INDEX)
    assert response.status_code == 200
    text = page_text(response)
    assert "Browse by group" in text
    for group in (
        "Management Occupations 11-0000",
        "Computer and Mathematical Occupations 15-0000",
    ):
        assert group in text
    assert "all occupations: 155,495,730 jobs, median pay $50,980 a year" in text
    body = response.content.decode()
    assert 'href="/occupations/computer-and-mathematical-occupations/"' in body
    # Detailed occupations only, by title.
    listed = titles(response)
    assert listed == sorted(listed)
    assert "Software Developers" in listed and "Computer Occupations" not in listed
    assert "9 detailed occupations, 50 to a page" in text
    # The figures of the list and of the groups each name their source.
    assert response.content.decode().count('<p class="cite">Source: ') == 2


def test_sorting_by_median_pay_or_employment(client, oews_release):
    by_pay = titles(client.get(f"{INDEX}?sort=median"))
    assert by_pay[:3] == ["Pediatric Surgeons", "Anesthesiologists", "Chief Executives"]
    assert by_pay[-1] == "Actors"  # paid by the hour only: no annual median to rank
    by_jobs = titles(client.get(f"{INDEX}?sort=employment"))
    assert by_jobs[:2] == ["Cashiers", "Software Developers"]
    text = page_text(client.get(f"{INDEX}?sort=median"))
    assert "Sort: Title · Median pay · Employment" in text


def test_sorted_and_later_pages_are_kept_only_when_canonical(client, oews_release, monkeypatch):
    monkeypatch.setattr(index, "PER_PAGE", 5)
    for path in (INDEX, f"{INDEX}?sort=median", f"{INDEX}?page=2", f"{INDEX}?page=1"):
        assert client.get(path).status_code == 200
    assert client.get(f"{INDEX}?sort=bogus").status_code == 200
    assert is_cached(INDEX) and is_cached(f"{INDEX}?sort=median") and is_cached(f"{INDEX}?page=2")
    assert not is_cached(f"{INDEX}?page=1") and not is_cached(f"{INDEX}?sort=bogus")


def test_pages_of_occupations(client, oews_release, monkeypatch):
    monkeypatch.setattr(index, "PER_PAGE", 5)
    first = client.get(f"{INDEX}?sort=employment")
    assert "Page 1 of 2" in page_text(first)
    assert 'href="?sort=employment&amp;page=2#results"' in first.content.decode()
    second = client.get(f"{INDEX}?sort=employment&page=2")
    assert titles(second) and set(titles(second)).isdisjoint(titles(first))
    for bad in ("99", "0", "x"):
        assert client.get(f"{INDEX}?page={bad}").status_code == 404


def test_browsing_is_for_search_engines_once_sorting_and_paging_are_not(client, oews_release):
    plain = client.get(INDEX).content.decode()
    assert 'name="robots"' not in plain
    assert '<link rel="canonical" href="http://testserver/occupations/">' in plain
    assert '<meta name="robots" content="noindex">' in client.get(f"{INDEX}?sort=median").text


# Searching -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("software", {"Software Developers", "Software Quality Assurance Analysts and Testers"}),
        ("Software DEVELOPERS", {"Software Developers"}),
        ("developers software", {"Software Developers"}),
        ("softw", {"Software Developers"}),
        ("cashier", {"Cashiers"}),
        ("15-20", {"Mathematical Science Occupations", "Data Scientists"}),
    ],
)
def test_search_finds_occupations_by_words_of_their_title(client, oews_release, query, found):
    response = client.get(INDEX, {"q": query})
    assert response.status_code == 200
    assert found <= set(titles(response)), titles(response)


def test_every_word_must_match_and_groups_are_found_too(client, oews_release):
    listed = titles(client.get(INDEX, {"q": "software developers"}))
    assert "Software Developers" in listed
    assert "Data Scientists" not in listed
    groups = titles(client.get(INDEX, {"q": "computer occupations"}))
    assert "Computer Occupations" in groups


def test_a_search_without_matches_says_what_to_try(client, oews_release):
    text = page_text(client.get(INDEX, {"q": "astronaut"}))
    assert "0 occupations matching “astronaut”" in text
    assert "Try fewer words, another spelling, or a SOC code such as 15-1252." in text


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram search is PostgreSQL's")
def test_postgresql_search_forgives_a_typo(client, oews_release):
    assert "Software Developers" in titles(client.get(INDEX, {"q": "sofware develoeprs"}))


def test_search_results_are_noindex_and_never_kept(client, oews_release):
    response = client.get(INDEX, {"q": "software"})
    assert '<meta name="robots" content="noindex">' in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex"
    assert not is_cached(f"{INDEX}?q=software")


def test_search_is_a_plain_get_form_that_htmx_narrows_as_you_type(client, oews_release):
    body = client.get(INDEX).content.decode()
    form = re.search(r"<form[^>]*>", body).group(0)
    assert 'method="get"' in form and 'action="/occupations/#results"' in form
    assert 'data-hx-get="/occupations/"' in form and 'data-hx-target="#results"' in form
    assert 'data-hx-trigger="input changed delay:300ms, search, submit"' in form
    assert re.search(r'<input type="search" id="occupation-q" name="q"', body)
    assert '<label for="occupation-q">' in body
    assert not re.search(r"\shx-[a-z]", body)
    assert "/static/django_htmx/htmx-2" in body or "htmx" in body


def test_htmx_gets_only_the_results_with_their_status(client, oews_release):
    response = client.get(INDEX, {"q": "software"}, **HTMX)
    body = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in body and "<form" not in body
    assert titles(response)[:1] == ["Software and Web Developers, Programmers, and Testers"] or (
        "Software Developers" in titles(response)
    )
    status = re.search(r'<p id="results-status"[^>]*data-hx-swap-oob="true">([^<]*)</p>', body)
    assert status and "matching “software”" in status.group(1)
    assert "HX-Request" in response["Vary"]
    # A history restore asks for the whole page.
    restore = client.get(INDEX, {"q": "software"}, HTTP_HX_HISTORY_RESTORE_REQUEST="true", **HTMX)
    assert b"<html" in restore.content


def test_htmx_and_plain_results_are_kept_apart_by_the_cache(client, oews_release):
    partial = client.get(INDEX, **HTMX)
    full = client.get(INDEX)
    assert b"<html" in full.content and b"<html" not in partial.content


# Budgets -------------------------------------------------------------------------------------


def test_index_and_search_take_a_fixed_number_of_queries(
    client, oews_release, django_assert_num_queries
):
    with django_assert_num_queries(3):  # the live release, the page of occupations, the groups
        client.get(f"{INDEX}?sort=median")
    for headers in ({}, HTMX):
        state.forget()
        with django_assert_num_queries(3):  # the live releases, the matches, the editors' roles
            client.get(INDEX, {"q": "software"}, **headers)


def test_without_a_live_release_the_index_says_so(client, db):
    assert "No official statistics are published yet." in page_text(client.get(INDEX))
    assert "No official statistics" in page_text(client.get(INDEX, {"q": "software"}))


def test_a_new_release_is_searched_at_once(client, oews_release, tmp_path):
    from tests.oews import write_next_release

    assert "Web Developers" not in titles(client.get(INDEX, {"q": "web"}))
    import_oews(write_next_release(tmp_path / "next"))
    assert "Web Developers" in titles(client.get(INDEX, {"q": "web"}))


# In a real browser --------------------------------------------------------------------------


@pytest.fixture
def oews_site(site, oews_files):
    """The live server with the content and the small release published."""
    import_oews(oews_files)
    return site


@pytest.mark.browser
def test_typing_narrows_the_results_in_place_and_the_address_follows(oews_site, page):
    expect = pytest.importorskip("playwright.sync_api").expect
    page.goto(f"{oews_site}{INDEX}")
    page.wait_for_load_state("networkidle")
    page.evaluate("window.notReloaded = true")
    page.fill("#occupation-q", "softw")
    results = page.locator("#results")
    expect(results).to_contain_text("matching “softw”")
    expect(results.locator("tbody a")).to_have_count(3)  # a group and two occupations
    expect(page).to_have_url(re.compile(r"\?q=softw"))
    expect(page.locator("#results-status")).to_contain_text("matching “softw”")
    assert page.evaluate("window.notReloaded") is True  # swapped in, not loaded
    page.fill("#occupation-q", "cashier")
    expect(results.locator("tbody a").first).to_have_text("Cashiers")
    page.go_back()
    expect(results).to_contain_text("matching “softw”")
    assert page.problems.all() == []


@pytest.mark.browser
def test_without_javascript_the_search_form_still_searches(oews_site, open_page):
    page = open_page(java_script_enabled=False)
    page.goto(f"{oews_site}{INDEX}")
    page.fill("#occupation-q", "data scientists")
    page.click(".search-form button")
    page.wait_for_load_state()
    assert "q=data+scientists" in page.url
    assert "Data Scientists" in page.locator("#results tbody").inner_text()
