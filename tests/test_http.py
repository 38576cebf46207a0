"""HTTP behaviour of public addresses: errors in the format asked for."""

from __future__ import annotations

import csv
import io

import pytest

pytestmark = pytest.mark.django_db

MISSING_JSON = ["/roles/nope.json", "/compare/nope.json", "/compare/astronaut-vs-nope.json",
                "/roles/.json", "/no/such/download.json"]  # fmt: skip
MISSING_CSV = ["/roles/nope.csv", "/compare/nope.csv", "/compare/astronaut-vs-nope.csv",
               "/roles/.csv"]  # fmt: skip


@pytest.mark.parametrize("url", MISSING_JSON)
def test_a_missing_json_download_answers_404_in_json(client, content, url):
    response = client.get(url)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["status"] == 404 and body["error"].endswith(".")
    assert not response.cookies


@pytest.mark.parametrize("url", MISSING_CSV)
def test_a_missing_csv_download_answers_404_in_csv(client, content, url):
    response = client.get(url)
    assert response.status_code == 404
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["error"] and len(rows) == 2 and rows[1][0].endswith(".")
    assert "<html" not in response.content.decode()


def test_a_missing_role_says_what_is_missing(client, content):
    assert client.get("/roles/nope.json").json()["error"] == "No role with this address."


def test_a_missing_download_is_json_even_with_debug_on(client, content, settings):
    settings.DEBUG = True  # Django's own debug 404 page would be HTML
    response = client.get("/roles/nope.json")
    assert response.status_code == 404 and response["Content-Type"] == "application/json"


def test_other_missing_pages_keep_the_html_404(client, content):
    for url in ("/roles/nope/", "/nope", "/roles/nope.json/", "/compare/nope.xml"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert response["Content-Type"].startswith("text/html"), url
        assert b"We couldn't find that page" in response.content, url


def test_downloads_that_exist_are_unchanged(client, content):
    assert client.get("/roles/backend-developer.json").status_code == 200
    assert client.get("/roles/backend-developer.csv")["Content-Type"] == "text/csv; charset=utf-8"


@pytest.fixture
def private_admin(settings):
    """The admin at a custom ADMIN_URL, as production sets it (the URLconf reads it once)."""
    import importlib

    from django.urls import clear_url_caches

    import careerguide.urls

    default = settings.ADMIN_URL

    def mount(admin_url: str) -> None:
        settings.ADMIN_URL = admin_url
        importlib.reload(careerguide.urls)
        clear_url_caches()

    mount("editors-7f3a/")
    yield "/editors-7f3a/"
    mount(default)


def test_robots_txt_never_publishes_the_admin_address(client, content, private_admin):
    robots = client.get("/robots.txt")
    assert robots.status_code == 200
    body = robots.content.decode()
    assert "editors-7f3a" not in body and "admin" not in body
    assert body.startswith("User-agent: *\n") and "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /compare/*/preview/" in body
    for url in ("/sitemap.xml", "/", "/methodology/"):
        assert "editors-7f3a" not in client.get(url).content.decode(), url


def test_the_private_admin_asks_search_engines_not_to_index_it(client, content, private_admin):
    assert client.get("/admin/").status_code == 404
    entrance = client.get(private_admin)
    assert entrance.status_code == 302 and "login" in entrance["Location"]
    login = client.get(entrance["Location"])
    assert login.status_code == 200
    assert '<meta name="robots" content="NONE,NOARCHIVE">' in login.content.decode()
