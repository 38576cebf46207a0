"""Whole-page caching keyed by the site state: fast, and never stale."""

from __future__ import annotations

import gzip
import re
from decimal import Decimal as D

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from comparisons.models import PayFactor, Role, SalaryBand, Skill, Source
from core import state
from core.state import Shows, per_state, site_state
from tests.helpers import ARTICLE_URL, is_cached, page_text

pytestmark = pytest.mark.django_db

CALC = "/calculator/"


@pytest.mark.parametrize("url", ["/", ARTICLE_URL, CALC])
def test_a_repeat_request_is_served_from_the_cache(client, content, url, django_assert_num_queries):
    first = client.get(url)
    state.forget()  # as every process does within a second
    with django_assert_num_queries(1):  # the site state, and nothing else
        again = client.get(url)
    assert again.content == first.content


@pytest.mark.parametrize("url", [ARTICLE_URL, f"{CALC}?level=senior"])
def test_a_page_answered_from_the_cache_carries_the_same_headers(client, content, url):
    first = client.get(url)
    again = client.get(url)
    assert again.content == first.content
    assert {k: v for k, v in again.items() if k != "Date"} == {
        k: v for k, v in first.items() if k != "Date"
    }
    assert again["X-Frame-Options"] == "DENY" and "Content-Security-Policy" in again


def test_a_cached_page_answers_a_conditional_request_with_304(client, content):
    first = client.get(ARTICLE_URL)
    again = client.get(ARTICLE_URL, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again["ETag"] == first["ETag"]
    assert again.content == b""


def test_a_saved_figure_shows_on_the_next_request(client, content):
    assert "AI/ML Engineer · starts at $95k" in page_text(client.get(ARTICLE_URL))
    band = SalaryBand.objects.get(role__slug="ai-ml-engineer", level__slug="entry-level")
    band.min_salary = D("99000")
    band.save()
    text = page_text(client.get(ARTICLE_URL))
    assert "AI/ML Engineer · starts at $99k" in text and "starts at $95k" not in text
    calc = page_text(client.get(CALC, {"role_a": "ai-ml-engineer", "role_b": "backend-developer"}))
    assert "$99,000–$130,000" in calc


def content_version() -> int:
    return site_state().version(state.CONTENT)


def test_deletes_and_many_to_many_changes_bump_the_version(content):
    before = content_version()
    Skill.objects.filter(name="Java").delete()
    after_delete = content_version()
    PayFactor.objects.get(slug="masters-degree").applies_to.add(
        Role.objects.get(slug="backend-developer")
    )
    after_m2m = content_version()
    assert len({before, after_delete, after_m2m}) == 3


def test_a_source_edit_shows_at_once(client, content):
    client.get(ARTICLE_URL)
    source = Source.objects.get()
    source.publisher = "jobcopy.ai research"
    source.save()
    assert "jobcopy.ai research" in page_text(client.get(ARTICLE_URL))


def test_htmx_fragment_and_full_page_are_cached_apart(client, content):
    page = client.get(CALC)
    fragment = client.get(CALC, HTTP_HX_REQUEST="true")
    assert b"<html" in client.get(CALC).content
    assert b"<html" not in client.get(CALC, HTTP_HX_REQUEST="true").content
    assert page.content != fragment.content


def test_error_responses_are_not_cached(client, content, django_assert_max_num_queries):
    assert client.get(CALC, {"level": "nope"}).status_code == 400
    with django_assert_max_num_queries(10):
        assert client.get(CALC, {"level": "nope"}).status_code == 400
    assert not is_cached(CALC, {"level": "nope"})


@pytest.mark.parametrize(
    "query",
    [
        {"level": "nope"},  # invalid: an error fragment
        {"junk": "x", "level": "senior"},  # unknown parameter
        {"level": "senior", "role_a": "backend-developer"},  # not the form's own order
    ],
)
def test_only_valid_canonical_calculator_requests_are_cached(client, content, query):
    assert client.get(CALC, query, HTTP_HX_REQUEST="true").status_code == 200
    assert not is_cached(CALC, query, HTTP_HX_REQUEST="true")


def test_the_form_s_own_query_is_cached(client, content):
    first = client.get(CALC, {"level": "senior"})
    canonical = re.search(r'href="/calculator/\?([^"#]+)#calculator">Link', first.content.decode())
    query = canonical.group(1).replace("&amp;", "&")
    client.get(f"{CALC}?{query}", HTTP_HX_REQUEST="true")
    with CaptureQueriesContext(connection) as queries:
        client.get(f"{CALC}?{query}", HTTP_HX_REQUEST="true")
    assert len(queries) == 0
    assert is_cached(f"{CALC}?{query}", HTTP_HX_REQUEST="true")


def test_a_new_release_does_not_reuse_pages_cached_by_the_old_one(client, content, settings):
    from core.state import code_version

    first = client.get("/")
    code_version.cache_clear()
    settings.RELEASE = "next-release"
    try:
        state.forget()
        again = client.get("/")
        assert again["ETag"] != first["ETag"]
    finally:
        code_version.cache_clear()


def test_one_save_bumps_the_version_once_history_rows_do_not(content):
    band = SalaryBand.objects.first()
    before = content_version()
    band.min_salary = band.min_salary + 1
    band.save()  # also writes a HistoricalSalaryBand row
    assert content_version() == before + 1


@pytest.mark.parametrize(
    ("poison", "victim"),
    [
        ({"HTTP_HX_REQUEST": "false"}, {"HTTP_HX_REQUEST": "true"}),
        (
            {"HTTP_HX_REQUEST": "true", "HTTP_HX_HISTORY_RESTORE_REQUEST": "no"},
            {"HTTP_HX_REQUEST": "true", "HTTP_HX_HISTORY_RESTORE_REQUEST": "true"},
        ),
    ],
)
def test_odd_htmx_header_values_cannot_poison_the_cache(client, content, poison, victim):
    client.get(CALC, **poison)
    fragment = client.get(CALC, HTTP_HX_REQUEST="true").content
    full = (
        client.get(CALC, **victim).content if "HTTP_HX_HISTORY_RESTORE_REQUEST" in victim else None
    )
    assert b"<html" not in fragment
    if full is not None:
        assert b"<html" in full


@pytest.mark.parametrize("query", [{"page": "0001"}, {"pair": "anything"}])
def test_index_pages_cache_only_their_own_links(client, content, query):
    assert client.get("/compare/", query).status_code == 200
    assert not is_cached("/compare/", query)
    assert client.get("/compare/").status_code == 200
    assert is_cached("/compare/")


def test_a_page_cache_miss_reuses_the_content_rendered_for_this_version(
    client, content, django_assert_max_num_queries
):
    client.get(ARTICLE_URL)
    # A query string the page cache does not keep: only the calculator is new.
    with django_assert_max_num_queries(1):  # the comparison
        page = client.get(ARTICLE_URL, {"utm_source": "newsletter"})
    assert page.status_code == 200 and "Sources" in page_text(page)


def test_the_staff_preview_banner_never_reaches_the_public_article(
    client, superuser_client, content
):
    preview = superuser_client.get(f"{ARTICLE_URL}preview/")
    assert "Preview." in page_text(preview)
    assert "Preview." not in page_text(client.get(ARTICLE_URL, {"utm_source": "x"}))


def test_remembered_loaders_reload_after_an_edit(content):
    calls = []

    @per_state(Shows.EVERYTHING, key=lambda slug: slug)
    def load(slug):
        calls.append(slug)
        return Role.objects.get(slug=slug).name

    assert load("backend-developer") == load("backend-developer") == "Backend Developer"
    assert len(calls) == 1
    Role.objects.filter(slug="backend-developer").update(name="Back-end Developer")
    role = Role.objects.get(slug="backend-developer")
    role.save()  # a save through the ORM, as admin does, bumps the version
    assert load("backend-developer") == "Back-end Developer"
    assert len(calls) == 2


@pytest.mark.parametrize("url", ["/", ARTICLE_URL, f"{CALC}?level=senior"])
def test_public_pages_are_gzipped_for_clients_that_accept_it(client, content, url):
    plain = client.get(url)
    assert "Accept-Encoding" in plain["Vary"] and not plain.has_header("Content-Encoding")
    for _ in range(2):  # rendered, then from the cache
        packed = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
        assert packed["Content-Encoding"] == "gzip"
        assert gzip.decompress(packed.content) == plain.content
        assert packed["Content-Length"] == str(len(packed.content))
        assert packed["ETag"] == f"W/{plain['ETag']}"
    again = client.get(url, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=packed["ETag"])
    assert again.status_code == 304


def test_the_article_is_gzipped_to_under_14_kb(client, content):
    assert len(client.get(ARTICLE_URL, HTTP_ACCEPT_ENCODING="gzip").content) <= 14 * 1024


def test_admin_pages_are_never_compressed(editor_client):
    # They carry CSRF tokens: compressing them would help a BREACH attack.
    page = editor_client.get("/admin/comparisons/role/", HTTP_ACCEPT_ENCODING="gzip")
    assert page.status_code == 200 and not page.has_header("Content-Encoding")


@pytest.mark.parametrize(
    ("accept_encoding", "gzipped"),
    [
        ("gzip", True),
        ("br, gzip;q=0.5", True),
        ("*", True),
        ("gzip;q=0, identity", False),
        ("*, gzip;q=0", False),
        ("identity", False),
        ("gzip;q=nonsense", False),
    ],
)
def test_gzip_only_where_the_client_accepts_it(client, content, accept_encoding, gzipped):
    page = client.get("/", HTTP_ACCEPT_ENCODING=accept_encoding)
    assert page.has_header("Content-Encoding") is gzipped


@pytest.mark.parametrize("url", ["/", f"{CALC}?level=senior"])
def test_a_304_carries_the_headers_the_200_would_have(client, content, url):
    for encoding in ("", "gzip"):
        page = client.get(url, HTTP_ACCEPT_ENCODING=encoding)
        again = client.get(url, HTTP_ACCEPT_ENCODING=encoding, HTTP_IF_NONE_MATCH=page["ETag"])
        assert again.status_code == 304
        for header in ("ETag", "Vary", "Cache-Control", "Last-Modified"):
            assert again[header] == page[header], header


def test_remembered_fragments_render_once_per_site_state(content):
    from django.template import engines

    template = engines["django"].from_string(
        "{% remember 'test' key %}{{ figure }}{% endremember %}"
    )
    assert template.render({"key": "a", "figure": 1}) == "1"
    assert template.render({"key": "a", "figure": 2}) == "1"  # the same content: reused
    assert template.render({"key": "b", "figure": 2}) == "2"  # another key
    state.bump(state.CONTENT)
    assert template.render({"key": "a", "figure": 3}) == "3"  # new content: rendered again
