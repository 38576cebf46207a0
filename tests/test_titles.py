"""Finding an occupation by the title on a job ad (issue 20, point 2): O*NET's
alternate, short and reported titles in a text index (FTS5 on SQLite,
full-text and trigram on PostgreSQL), SOC titles first, each match saying
why; the editors' roles named like the search; the two-occupation chooser
reading the same search."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import connection

from officialstats.models import OnetTitle, Release
from tests.helpers import page_text
from tests.test_occupation_search import titles as listed

INDEX = "/occupations/"


@pytest.fixture
def titled(oews_release, guidance):
    return oews_release


def search(client, query: str):
    return client.get(INDEX, {"q": query})


def titles(response) -> list[str]:
    return listed(response) if "</table>" in response.content.decode() else []


def test_titles_are_imported_once_per_occupation_and_kind(titled):
    stored = OnetTitle.objects.filter(code="15-1252.00")
    assert sorted(stored.values_list("kind", "title")) == [
        ("alternate", "Full Stack Software Engineer"),
        ("alternate", "Software Engineer"),
        ("reported", "Software Engineer"),
    ]
    # A short title is a title of its own, kept once however many sources list it.
    assert list(OnetTitle.objects.filter(title="MD").values_list("code", "kind")) == [
        ("29-1211.00", "short")
    ]


@pytest.mark.parametrize(
    ("query", "first", "why"),
    [
        ("software engineer", "Software Developers", "Also called Software Engineer"),
        ("Machine learning engineer", "Data Scientists", "Also called Machine Learning Engineer"),
        ("MD", "Anesthesiologists", "Also called MD"),
        ("stage performer", "Actors", "Also called Stage Performer"),
        # Adjacent words run together: "fullstack" finds "Full Stack".
        ("fullstack engineer", "Software Developers", "Full Stack Software Engineer"),
        # A finer O*NET occupation counts for its SOC occupation, named.
        ("bi analyst", "Data Scientists",
         "Also called BI Analyst (as O*NET's Business Intelligence Analysts)"),
    ],
)  # fmt: skip
def test_an_occupation_is_found_by_its_other_titles_saying_why(client, titled, query, first, why):
    response = search(client, query)
    assert titles(response)[0] == first
    row = page_text(response).split(first, 1)[1]
    assert why in row.split("Source:")[0]


def test_soc_titles_come_first_and_say_nothing_more(client, titled):
    response = search(client, "software developers")
    assert titles(response)[0] == "Software Developers"
    assert "Also called" not in page_text(response).split("Source:")[0].split("matching")[1]


def test_a_word_must_begin_a_word_of_the_title(client, titled):
    # "RN" used to find "Pattern Makers"; "iers" found Cashiers.
    assert titles(search(client, "iers")) == []
    assert "Cashiers" in titles(search(client, "cash"))


def test_without_o_net_titles_the_soc_titles_are_still_searched(client, oews_release):
    assert titles(search(client, "MD")) == []
    assert sorted(titles(search(client, "software"))) == [
        "Software Developers",
        "Software Quality Assurance Analysts and Testers",
        "Software and Web Developers, Programmers, and Testers",
    ]


def test_the_editors_role_named_like_the_search_is_offered(client, titled, content):
    response = search(client, "backend developer")
    body = response.content.decode()
    assert 'href="/roles/backend-developer/"' in body
    assert "Our guide to the role: Backend Developer." in page_text(response)
    assert "Our guide" not in page_text(search(client, "actor"))


def test_the_text_index_follows_imports_and_discards(client, titled):
    from officialstats.publishing import delete_rows

    assert titles(search(client, "MD")) == ["Anesthesiologists"]
    # As a discarded or retired release goes: raw deletes, titles among them.
    delete_rows(Release.objects.get(program="onet").pk)
    assert not OnetTitle.objects.exists()
    assert titles(search(client, "MD")) == []
    call_command("import_guidance", "onet", "--publish", verbosity=0)
    assert titles(search(client, "MD")) == ["Anesthesiologists"]


def test_a_search_by_title_takes_a_fixed_number_of_queries(
    client, titled, django_assert_num_queries
):
    # The live releases, the titles, the occupations, the editors' roles.
    with django_assert_num_queries(4):
        search(client, "machine learning engineer")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram similarity is PostgreSQL's")
def test_postgresql_forgives_a_typo_in_another_title(client, titled):
    assert titles(search(client, "machine lerning engineer"))[0] == "Data Scientists"


def test_the_chooser_of_two_occupations_reads_the_same_search(client, titled):
    asked = {"a": "data scientist", "b": "software engineer"}
    response = client.get("/occupations/compare/", asked)
    assert response.status_code == 302
    assert response["Location"] == "/occupations/compare/data-scientists-vs-software-developers/"


def test_an_occupation_page_lists_a_few_of_its_other_titles(client, titled):
    text = page_text(client.get("/occupations/software-developers/"))
    assert "Also called Software Engineer, Full Stack Software Engineer" in text
    # Reported titles are searched, not listed; groups list none.
    assert "Stage Performer" not in page_text(client.get("/occupations/actors/"))
    assert "Also called" not in page_text(client.get("/occupations/computer-occupations/"))


def test_a_search_naming_editors_pages_is_validated_against_their_edits(client, titled, content):
    from core import state

    first = search(client, "backend developer")["ETag"]
    assert search(client, "backend developer")["ETag"] == first
    state.bump(state.CONTENT)  # an editor's save, which may rename a role
    assert search(client, "backend developer")["ETag"] != first
    places = client.get("/places/", {"q": "austin"})["ETag"]
    state.bump(state.CONTENT)  # an editor's change of a place alias
    assert client.get("/places/", {"q": "austin"})["ETag"] != places
