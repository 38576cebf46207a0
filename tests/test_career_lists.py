"""The lists readers look for and the index's filters (issue 20, point 3):
fastest growing, most openings, best paid for each of EP's eight entry
education levels and among those growing faster than all occupations, each
a page in the sitemap, from the figures alone; the occupation index sorted
and narrowed by growth, openings and entry education (plain GET, htmx)."""

from __future__ import annotations

import json
import re

import pytest

from officialstats.lists import EDUCATION_SLUGS, LISTS
from tests.helpers import HTMX, lastmods, page_text
from tests.test_titles import titles

LISTS_URL = "/occupations/lists/"


@pytest.fixture
def projected(oews_release, guidance):
    return oews_release


def ranked(response) -> list[str]:
    return titles(response)


def test_the_fastest_growing_are_ranked_by_the_projected_change(client, projected):
    response = client.get(f"{LISTS_URL}fastest-growing/")
    assert ranked(response) == ["Data Scientists", "Software Developers", "Actors"]
    text = page_text(response)
    assert "All 3 Ranked by the projected change in employment, 2024–34." in text
    assert "1 Data Scientists 15-2051" in text and "+33.5% 23.4 Bachelor's degree" in text
    assert "+0.3% 6.3 Some college, no degree" in text


def test_most_openings(client, projected):
    assert ranked(client.get(f"{LISTS_URL}most-openings/")) == [
        "Software Developers",  # 115.2 thousand a year
        "Data Scientists",  # 23.4
        "Actors",  # 6.3
    ]


def test_best_paid_among_those_growing_faster_than_all_occupations(client, projected):
    response = client.get(f"{LISTS_URL}best-paid-growing-faster/")
    # Actors grow 0.3%, less than all occupations' 3.1%.
    assert ranked(response) == ["Software Developers", "Data Scientists"]
    text = page_text(response)
    assert "faster than all occupations together (+3.1%)" in text
    assert "Occupations BLS publishes hourly wages for only are not ranked" in text


def test_best_paid_for_each_entry_education_level(client, projected):
    assert len([slug for slug in LISTS if slug.startswith("best-paid-")]) == 9
    response = client.get(f"{LISTS_URL}best-paid-bachelors-degree/")
    assert ranked(response) == ["Software Developers", "Data Scientists"]
    assert "Best-paid occupations entered with: bachelor's degree" in page_text(response)
    # Actors (some college) are paid by the hour only: not ranked against salaries.
    empty = client.get(f"{LISTS_URL}best-paid-some-college-no-degree/")
    assert "No occupation fits this list" in page_text(empty)
    assert "noindex" in empty.content.decode()


def test_each_list_is_its_own_page_in_the_sitemap(client, projected):
    seen_titles = set()
    for found in LISTS.values():
        response = client.get(found.url)
        assert response.status_code == 200
        title = re.search(r"<title>([^<]+)</title>", response.content.decode()).group(1)
        seen_titles.add(title)
    assert len(seen_titles) == len(LISTS)
    mapped = lastmods(client)
    assert f"{LISTS_URL}fastest-growing/" in mapped and LISTS_URL in mapped
    index = page_text(client.get(LISTS_URL))
    assert "Fastest-growing occupations" in index
    assert "Best-paid occupations entered with: doctoral or professional degree" in index


def test_a_list_says_what_it_ranks_to_search_engines(client, projected):
    body = client.get(f"{LISTS_URL}fastest-growing/").content.decode()
    items = [json.loads(found) for found in re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', body, re.S)]  # fmt: skip
    listed = next(item for item in items if item["@type"] == "ItemList")
    assert [entry["name"] for entry in listed["itemListElement"]] == [
        "Data Scientists",
        "Software Developers",
        "Actors",
    ]
    assert client.get(f"{LISTS_URL}nothing-like-this/").status_code == 404


def test_without_projections_a_list_says_it_cannot_be_drawn(client, oews_release):
    text = page_text(client.get(f"{LISTS_URL}fastest-growing/"))
    assert "BLS Employment Projections are not loaded on this site yet" in text


def test_the_index_is_narrowed_and_sorted_by_the_projections(client, projected):
    response = client.get("/occupations/", {"education": "bachelors-degree", "sort": "growth"})
    assert ranked(response) == ["Data Scientists", "Software Developers"]
    text = page_text(response)
    assert "Detailed occupations entered with: Bachelor's degree" in text
    faster = client.get("/occupations/", {"outlook": "faster", "sort": "openings"})
    assert ranked(faster) == ["Software Developers", "Data Scientists"]
    many = client.get("/occupations/", {"openings": "100"})
    assert ranked(many) == ["Software Developers"]
    # An unknown value narrows nothing rather than failing.
    assert len(ranked(client.get("/occupations/", {"education": "phd!"}))) > 3


def test_the_filters_are_a_plain_form_that_htmx_narrows(client, projected):
    body = client.get("/occupations/").content.decode()
    form = body[body.index('class="filter-form"') :]
    form = form[: form.index("</form>")]
    assert 'method="get"' in form and 'data-hx-get="/occupations/"' in form
    for slug in EDUCATION_SLUGS:
        assert f'<option value="{slug}"' in form
    partial = client.get("/occupations/", {"outlook": "declining"}, **HTMX)
    assert "<html" not in partial.content.decode()
    assert "No occupation matches these choices" in page_text(partial)


def test_without_projections_the_index_offers_no_such_filters(client, oews_release):
    body = client.get("/occupations/").content.decode()
    assert "filter-form" not in body and "Projected growth" not in body


def test_lists_and_narrowed_index_take_a_fixed_number_of_queries(
    client, projected, django_assert_max_num_queries
):
    with django_assert_max_num_queries(3):
        client.get(f"{LISTS_URL}best-paid-growing-faster/")
    with django_assert_max_num_queries(3):
        client.get("/occupations/", {"education": "bachelors-degree", "sort": "growth"})
    with django_assert_max_num_queries(1):
        client.get(LISTS_URL)


def test_a_narrowed_index_is_not_for_search_engines(client, projected):
    response = client.get("/occupations/", {"education": "bachelors-degree"})
    body = response.content.decode()
    assert '<meta name="robots" content="noindex' in body
    assert "<title>Occupations entered with: Bachelor&#x27;s degree" in body


def test_a_search_can_be_narrowed_and_each_form_keeps_the_other(client, projected):
    response = client.get("/occupations/", {"q": "software", "education": "bachelors-degree"})
    assert ranked(response) == ["Software Developers"]
    body = response.content.decode()
    search_form = body[body.index('role="search"') : body.index("</form>")]
    assert '<input type="hidden" name="education" value="bachelors-degree">' in search_form
    filters = body[body.index('class="filter-form"') :]
    assert '<input type="hidden" name="q" value="software">' in filters[: filters.index("</form>")]
