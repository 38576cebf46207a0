"""The sitemap index: Django's index view over one file per section, each
at most 50,000 addresses, each cached under the state of what it lists."""

from __future__ import annotations

import re

import pytest

from comparisons.models import Role
from core import state
from officialstats import sitemaps as statistics
from tests.helpers import import_oews, sitemap_files, sitemap_paths
from tests.oews import write_next_release

LOC = re.compile(r"<loc>([^<]+)</loc>")


def test_the_sitemap_is_an_index_of_one_file_per_section(client, content, places_release):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    body = response.content.decode()
    assert body.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex')
    assert sitemap_files(client) == [
        "/sitemap-pages.xml", "/sitemap-articles.xml", "/sitemap-roles.xml",
        "/sitemap-occupation-comparisons.xml", "/sitemap-occupations.xml", "/sitemap-lists.xml",
        "/sitemap-places.xml", "/sitemap-occupation-places.xml",
    ]  # fmt: skip
    assert "<sitemap><loc>http://testserver/sitemap-places.xml</loc><lastmod>2026-05-15" in body
    places = client.get("/sitemap-places.xml").content.decode()
    assert places.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns=')
    assert "<url><loc>http://testserver/places/texas/</loc><lastmod>2026-05-15</lastmod></url>" in (
        places
    )
    assert "/places/united-states/" not in places
    assert len(LOC.findall(places)) == 1 + 7  # the index, 3 states and 4 areas
    assert client.get("/sitemap-nothing.xml").status_code == 404
    assert client.get("/sitemap-places.xml?p=2").status_code == 404
    assert client.get("/sitemap-places.xml?p=x").status_code == 404


def test_a_large_section_is_split_into_files_of_at_most_the_limit(
    client, places_release, monkeypatch
):
    everything = set(sitemap_paths(client))
    monkeypatch.setattr(statistics.OccupationPlaceSitemap, "limit", 10)
    from django.core.cache import cache

    from core import pages

    cache.clear()
    pages.memory.clear()
    files = [f for f in sitemap_files(client) if f.startswith("/sitemap-occupation-places")]
    assert len(files) > 3 and files[1] == "/sitemap-occupation-places.xml?p=2"
    pages = []
    for path in files:
        found = LOC.findall(client.get(path).content.decode())
        assert 0 < len(found) <= 10
        pages += found
    assert len(pages) == len(set(pages))
    assert {p.removeprefix("http://testserver") for p in pages} <= everything
    assert statistics.OccupationPlaceSitemap.limit == 10
    assert statistics.Sitemap.limit == 50000  # the protocol's limit, Django's default


def test_editorial_files_follow_edits_and_statistics_files_follow_releases(
    client, content, places_release, tmp_path, monkeypatch
):
    from comparisons.sitemaps import RoleSitemap

    calls: list[str] = []
    for name, sitemap in (("roles", RoleSitemap), ("statistics", statistics.PlaceSitemap)):
        original = sitemap.items
        monkeypatch.setattr(
            sitemap, "items", lambda self, o=original, n=name: calls.append(n) or o(self)
        )
    files = ("/sitemap.xml", "/sitemap-roles.xml", "/sitemap-places.xml")
    for path in files:
        client.get(path)
    calls.clear()
    role = Role.objects.get(slug="backend-developer")
    role.summary += " Edited."
    role.save()

    def renders(path: str) -> list[str]:
        calls.clear()
        client.get(path)
        return list(calls)

    assert renders("/sitemap-roles.xml") == ["roles"]
    assert renders("/sitemap-places.xml") == []  # kept: an edit changes nothing it lists
    assert "roles" in renders("/sitemap.xml")  # the index names both
    import_oews(write_next_release(tmp_path / "next"))
    state.forget()
    assert renders("/sitemap-places.xml") == ["statistics"]
    assert renders("/sitemap-roles.xml") == ["roles"]  # a publish is a content change too


@pytest.mark.parametrize(
    ("path", "queries"),
    [("/sitemap-occupation-places.xml", 3), ("/sitemap-places.xml", 2),
     ("/sitemap-occupations.xml", 2), ("/sitemap.xml", 15)],
)  # fmt: skip
def test_statistics_files_take_a_fixed_number_of_queries(
    client, db, tmp_path, django_assert_num_queries, monkeypatch, path, queries
):
    """The site state, then the list (or, for the occupation x place pages, their count
    and a file's page of addresses); the index asks each section for its size and date."""
    from officialstats.publishing import publish
    from tests import oews_sample_data as sample
    from tests.oews import write_release

    import_oews(write_release(tmp_path / "small"))
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
