"""HTTP behaviour of public addresses: HEAD like GET, errors in the format
asked for, a robots.txt that keeps the admin's address private."""

from __future__ import annotations

import csv
import io
import socket

import pytest

from tests.helpers import ARTICLE_URL, public_addresses
from tests.servers import gunicorn, production_env

pytestmark = pytest.mark.django_db

# Headers that may differ between two responses to the same request.
TIMELY = {"Date", "Expires"}


@pytest.fixture
def public_urls(client, public_site) -> list[str]:
    return [*public_addresses(client), "/static/css/site.css"]


def body_of(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def headers_of(response) -> dict[str, str]:
    return {name: value for name, value in response.items() if name not in TIMELY}


def test_head_answers_like_get_on_every_public_address(client, public_urls):
    for accept in ("", "gzip"):
        for url in public_urls:
            for _ in range(2):  # rendered, then (where pages are kept) from the page cache
                get = client.get(url, HTTP_ACCEPT_ENCODING=accept)
                head = client.head(url, HTTP_ACCEPT_ENCODING=accept)
                assert head.status_code == get.status_code != 405, url
                assert headers_of(head) == headers_of(get), url
                assert body_of(head) == b"", url
                if get.status_code == 200:
                    assert int(head["Content-Length"]) == len(body_of(get)), url


def test_head_on_a_page_not_yet_cached_renders_it_but_never_stores_it(client, content):
    from tests.helpers import is_cached

    def kept() -> bool:
        return is_cached(ARTICLE_URL)

    head = client.head(ARTICLE_URL)
    assert head.status_code == 200 and int(head["Content-Length"]) > 10_000
    assert not kept()
    get = client.get(ARTICLE_URL)
    assert len(get.content) == int(head["Content-Length"]) and get["ETag"] == head["ETag"]
    assert kept()


def test_head_is_answered_from_the_page_cache(client, content, django_assert_num_queries):
    from core import state

    client.get(ARTICLE_URL)
    state.forget()  # as every process does within a second
    with django_assert_num_queries(1):  # the site state
        head = client.head(ARTICLE_URL)
    assert head.status_code == 200
    again = client.head(ARTICLE_URL, HTTP_IF_NONE_MATCH=head["ETag"])
    assert again.status_code == 304


@pytest.mark.parametrize(
    "url",
    ["/", ARTICLE_URL, "/roles/", "/robots.txt", "/favicon.ico", "/manifest.webmanifest",
     "/sitemap.xml", "/compare/pair/", "/roles/backend-developer.json", "/healthz"],
)  # fmt: skip
def test_public_addresses_refuse_other_methods(client, content, url):
    for method in (client.post, client.put, client.delete):
        response = method(url)
        assert response.status_code == 405, (method, url)
        assert response["Allow"] == "GET, HEAD"


def test_the_admin_is_unaffected(client, editor):
    from tests.helpers import EDITOR_PASSWORD

    login = client.post(
        "/admin/login/?next=/admin/", {"username": "jane", "password": EDITOR_PASSWORD}
    )
    assert (login.status_code, login["Location"]) == (302, "/admin/")
    admin = client.get("/admin/")
    assert admin.status_code == 200 and "private" in admin["Cache-Control"]
    assert client.head("/admin/logout/").status_code == 405  # POST only, as Django has it
    assert client.post("/admin/logout/").status_code == 200
    assert client.get("/admin/").status_code == 302


def raw_request(port: int, method: str, path: str) -> tuple[str, dict[str, str], bytes]:
    """Everything the server sends for one request, read until it closes."""
    with socket.create_connection(("127.0.0.1", port), timeout=15) as sock:
        sock.sendall(
            f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: gzip\r\n"
            "Connection: close\r\n\r\n".encode()
        )
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
    head, _, body = received.partition(b"\r\n\r\n")
    status, *lines = head.decode("latin-1").split("\r\n")
    return status, dict(line.split(": ", 1) for line in lines), body


@pytest.mark.any_database
def test_under_gunicorn_head_sends_the_get_s_headers_and_no_body(db, deployed_database):
    env = production_env(DATABASE_URL=deployed_database)
    args = ("-c", "gunicorn.conf.py", "--workers", "1", "--access-logfile", "/dev/null")
    with gunicorn(env, *args) as port:
        # HEAD first: the page is rendered for it, and must not be kept without its body
        for path in (ARTICLE_URL, ARTICLE_URL, "/favicon.ico", "/manifest.webmanifest",
                     "/roles/nope.json"):  # fmt: skip
            status, headers, body = raw_request(port, "HEAD", path)
            get_status, get_headers, get_body = raw_request(port, "GET", path)
            assert status == get_status and body == b"", path
            assert len(get_body) == int(get_headers["Content-Length"]) > 0, path
            assert {k: v for k, v in headers.items() if k not in TIMELY} == {
                k: v for k, v in get_headers.items() if k not in TIMELY
            }, path


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
