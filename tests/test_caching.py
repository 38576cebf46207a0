"""Whole-page caching keyed by the content version: fast, and never stale."""

from __future__ import annotations

import re
from decimal import Decimal as D

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from comparisons.caching import current_version
from comparisons.models import PayFactor, Role, SalaryBand, Skill, Source
from tests.conftest import ARTICLE_URL, page_text

pytestmark = pytest.mark.django_db

CALC = "/calculator/"


@pytest.mark.parametrize("url", ["/", ARTICLE_URL, CALC])
def test_a_repeat_request_is_served_from_the_cache(client, content, url, django_assert_num_queries):
    first = client.get(url)
    with django_assert_num_queries(1):  # the content version
        again = client.get(url)
    assert again.content == first.content


def test_a_saved_figure_shows_on_the_next_request(client, content):
    assert "AI/ML Engineer · starts at $95k" in page_text(client.get(ARTICLE_URL))
    band = SalaryBand.objects.get(role__slug="ai-ml-engineer", level__slug="entry-level")
    band.min_salary = D("99000")
    band.save()
    text = page_text(client.get(ARTICLE_URL))
    assert "AI/ML Engineer · starts at $99k" in text and "starts at $95k" not in text
    calc = page_text(client.get(CALC, {"role_a": "ai-ml-engineer", "role_b": "backend-developer"}))
    assert "$99,000–$130,000" in calc


def test_deletes_and_many_to_many_changes_bump_the_version(content):
    before = current_version()
    Skill.objects.filter(name="Java").delete()
    after_delete = current_version()
    PayFactor.objects.get(slug="masters-degree").applies_to.add(
        Role.objects.get(slug="backend-developer")
    )
    after_m2m = current_version()
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
    with django_assert_max_num_queries(10) as queries:
        assert client.get(CALC, {"level": "nope"}).status_code == 400
    assert len(queries) > 1


@pytest.mark.parametrize(
    "query",
    [
        {"level": "nope"},  # invalid: an error fragment
        {"junk": "x", "level": "senior"},  # unknown parameter
        {"level": "senior", "role_a": "backend-developer"},  # not the form's own order
    ],
)
def test_only_valid_canonical_calculator_requests_are_cached(client, content, query):
    client.get(CALC, query, HTTP_HX_REQUEST="true")
    with CaptureQueriesContext(connection) as queries:
        client.get(CALC, query, HTTP_HX_REQUEST="true")
    assert len(queries) > 1


def test_the_form_s_own_query_is_cached(client, content):
    first = client.get(CALC, {"level": "senior"})
    canonical = re.search(r'href="/calculator/\?([^"#]+)#calculator">Link', first.content.decode())
    query = canonical.group(1).replace("&amp;", "&")
    client.get(f"{CALC}?{query}", HTTP_HX_REQUEST="true")
    with CaptureQueriesContext(connection) as queries:
        client.get(f"{CALC}?{query}", HTTP_HX_REQUEST="true")
    assert len(queries) == 1


def test_a_new_release_does_not_reuse_pages_cached_by_the_old_one(client, content, settings):
    from comparisons.caching import code_version

    first = client.get("/")
    code_version.cache_clear()
    settings.RELEASE = "next-release"
    try:
        again = client.get("/")
        assert again["ETag"] != first["ETag"]
    finally:
        code_version.cache_clear()


def test_one_save_bumps_the_version_once_history_rows_do_not(content):
    from comparisons.models import ContentVersion

    band = SalaryBand.objects.first()
    before = ContentVersion.objects.get().version
    band.min_salary = band.min_salary + 1
    band.save()  # also writes a HistoricalSalaryBand row
    assert ContentVersion.objects.get().version == before + 1


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
    client.get("/compare/", query)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/compare/", query).status_code == 200
    assert len(queries) > 1
