"""Discoverability: role pages, indexes, any pair, metadata, sitemap, open data, HTTP caching."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import deque

import pytest

from comparisons.models import Comparison, Role
from tests.helpers import ARTICLE_URL, page_text, sitemap_paths, sitemap_text

pytestmark = pytest.mark.django_db

PAIR_URL = "/compare/ai-ml-engineer-vs-backend-developer/"


def sitemap_urls(client) -> list[str]:
    return sitemap_paths(client)


def json_ld(body: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', body, re.S)
    return [json.loads(block) for block in blocks]


@pytest.fixture
def pair_roles(data_analyst):
    """A third role, so that two pairs exist that no editor has written up."""
    return data_analyst


def test_sitemap_lists_every_public_page_and_each_answers_with_metadata(client, content):
    urls = sitemap_urls(client)
    assert set(urls) >= {
        "/", "/compare/", "/roles/", "/calculator/", "/methodology/", ARTICLE_URL,
        "/roles/backend-developer/", "/roles/ai-ml-engineer/",
    }  # fmt: skip
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert re.search(rf'<link rel="canonical" href="http://testserver{re.escape(url)}">', body)
        items = json_ld(body)
        assert any(item["@type"] == "BreadcrumbList" for item in items), url
        assert '<meta name="robots" content="noindex">' not in body


def test_sitemap_has_lastmod_and_leaves_out_drafts_and_noindex_pages(client, pair_roles):
    body = sitemap_text(client)
    assert "<lastmod>2026-11-29</lastmod>" in body
    assert "data-analyst-vs" not in body and PAIR_URL not in body
    Comparison.objects.update(is_published=False)
    client.get("/")  # nothing stale: the update above bypassed the model signals
    from comparisons.changes import content_changed

    content_changed()
    assert ARTICLE_URL not in sitemap_text(client)


def test_robots_points_to_the_sitemap_and_never_names_the_admin(client, db):
    body = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "admin" not in body  # tests/test_http.py: with a custom ADMIN_URL too


def test_article_metadata(client, content):
    body = client.get(ARTICLE_URL).content.decode()
    assert "<title>Backend Developer vs AI/ML Engineer: salary and career comparison" in body
    assert re.search(
        r'<meta name="description" content="AI/ML Engineer pays more on average\.', body
    )
    assert '<meta property="og:type" content="article">' in body
    assert '<meta name="twitter:card" content="summary_large_image">' in body
    items = {item["@type"]: item for item in json_ld(body)}
    article = items["Article"]
    assert article["datePublished"] == "2026-11-29" and article["dateModified"] == "2026-12-02"
    assert "Last updated 2 December 2026" in page_text(client.get(ARTICLE_URL))
    dataset = items["Dataset"]
    assert dataset["isBasedOn"][0]["publisher"]["name"] == "jobcopy.ai"
    assert dataset["isBasedOn"][0]["temporalCoverage"] == "2025"
    downloads = {d["encodingFormat"]: d["contentUrl"] for d in dataset["distribution"]}
    assert downloads["text/csv"].endswith("/compare/backend-developer-vs-ai-ml-engineer.csv")
    crumbs = items["BreadcrumbList"]["itemListElement"]
    assert [c["name"] for c in crumbs] == [
        "Home",
        "Comparisons",
        "Backend Developer vs AI/ML Engineer",
    ]


def test_role_page_shows_everything_about_the_role(client, content):
    response = client.get("/roles/ai-ml-engineer/")
    text = page_text(response)
    for part in (
        "$120,082", "~$120,000", "$95k–$130k", "$170k–$250k+",
        "Master's degree or relevant research", "+10% to +25%",
        "10%–30% of total compensation", "6–12 months", "PyTorch", "Research funding",
        "Data science or software development", "Backend Developer vs AI/ML Engineer",
        "jobcopy.ai", "Figures as of 2025",
    ):  # fmt: skip
        assert part in text, part
    assert "Skills that raise pay" in text
    assert "<svg viewBox" in response.content.decode()


def test_any_two_roles_get_a_generated_noindex_page(client, pair_roles):
    response = client.get("/compare/ai-ml-engineer-vs-data-analyst/")
    assert response.status_code == 200
    body = response.content.decode()
    assert '<meta name="robots" content="noindex">' in body
    assert "No editor has written about this pair yet" in page_text(response)
    assert not any(item["@type"] == "Article" for item in json_ld(body))


def test_reversed_pair_redirects_once_to_the_canonical_order(client, pair_roles):
    response = client.get("/compare/data-analyst-vs-ai-ml-engineer/")
    assert response.status_code == 301
    assert response["Location"] == "/compare/ai-ml-engineer-vs-data-analyst/"
    assert client.get(response["Location"]).status_code == 200
    # a pair with an article redirects to the article, in one step
    response = client.get(PAIR_URL)
    assert (response.status_code, response["Location"]) == (301, ARTICLE_URL)


@pytest.mark.parametrize(
    "url", ["/compare/astronaut-vs-backend-developer/", "/compare/x/", "/roles/astronaut/"]
)
def test_unknown_slugs_are_404(client, content, url):
    assert client.get(url).status_code == 404


def test_pair_chooser_lands_on_the_canonical_page(client, pair_roles):
    response = client.get("/compare/pair/", {"a": "data-analyst", "b": "ai-ml-engineer"})
    assert response["Location"] == "/compare/ai-ml-engineer-vs-data-analyst/"
    response = client.get("/compare/pair/", {"a": "backend-developer", "b": "backend-developer"})
    assert response["Location"].endswith("?pair=invalid#choose")


def test_open_data_carries_source_and_date_on_every_figure(client, content):
    data = client.get("/compare/backend-developer-vs-ai-ml-engineer.json").json()
    figures = data["figures"]
    assert all(
        row["source_publisher"] == "jobcopy.ai" and row["as_of"] == "2025" for row in figures
    )
    senior = next(
        row for row in figures
        if row["role"] == "AI/ML Engineer" and row["detail"].startswith("Senior")
    )  # fmt: skip
    assert (senior["low"], senior["high"], senior["open_ended"]) == ("170000.00", "250000.00", True)
    rows = list(
        csv.DictReader(io.StringIO(client.get("/roles/backend-developer.csv").content.decode()))
    )
    headline = next(row for row in rows if row["figure"] == "headline average")
    assert headline["value"] == "114528.00" and headline["as_of"] == "2025"
    assert (
        "/roles/backend-developer.json" in client.get("/roles/backend-developer/").content.decode()
    )


def test_methodology_explains_the_data_and_the_math(client, content):
    text = page_text(client.get("/methodology/"))
    assert "total = base ÷ (1 − the middle of that share)" in text
    assert "as a share of the lower one" in text
    assert "jobcopy.ai" in text


def test_crawling_every_internal_link_from_the_home_page_finds_none_broken(client, pair_roles):
    seen, queue, broken = set(), deque(["/"]), []
    while queue and len(seen) < 300:
        url = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url, follow=True)
        if response.status_code != 200:
            broken.append((url, response.status_code))
            continue
        if "html" not in response["Content-Type"]:
            continue
        for href in re.findall(r'href="([^"#]*)', response.content.decode()):
            href = href.replace("&amp;", "&")
            if href.startswith("/") and not href.startswith(("/admin/", "//")):
                queue.append(href)
    assert not broken
    assert {"/roles/", "/compare/", "/methodology/", ARTICLE_URL, "/roles/data-analyst/"} <= seen
    assert any(url.endswith(".csv") for url in seen)


def test_revalidation_answers_304(client, content):
    for url in ("/", ARTICLE_URL, "/roles/backend-developer/", "/sitemap.xml"):
        first = client.get(url)
        assert first["Cache-Control"].startswith("public")
        assert "ETag" in first and "Last-Modified" in first
        again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304, url
        since = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
        assert since.status_code == 304, url


def test_an_edit_changes_the_validators(client, content):
    first = client.get(ARTICLE_URL)
    role = Role.objects.get(slug="backend-developer")
    role.summary = "A changed summary."
    role.save()
    again = client.get(ARTICLE_URL, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200 and again["ETag"] != first["ETag"]


@pytest.mark.parametrize(
    "url", ["/", "/roles/", "/compare/", "/roles/backend-developer/", ARTICLE_URL, PAIR_URL,
            "/methodology/", "/sitemap.xml", "/robots.txt", "/roles/backend-developer.json"],
)  # fmt: skip
def test_public_responses_set_no_cookie(client, content, url):
    response = client.get(url, follow=True)
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")


def test_index_pages_paginate(client, content):
    for i in range(60):
        Role.objects.create(
            name=f"Role {i:02}",
            slug=f"role-{i:02}",
            summary="s",
            description="d",
            is_published=True,
            published_on="2026-01-01",
        )
    first = page_text(client.get("/roles/"))
    assert "Page 1 of 2" in first
    second = client.get("/roles/?page=2")
    assert "Page 2 of 2" in page_text(second)
    assert (
        '<link rel="canonical" href="http://testserver/roles/?page=2">' in second.content.decode()
    )


PAGES = [
    "/", "/roles/", "/roles/?page=2", "/compare/", "/roles/backend-developer/", ARTICLE_URL,
    "/sitemap.xml", "/roles/backend-developer.json", ARTICLE_URL.rstrip("/") + ".csv",
]  # fmt: skip


def query_counts(client) -> dict[str, int]:
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from core import state

    counts = {}
    for url in PAGES:
        cache.clear()
        state.forget()  # each page reads the live release afresh, if it needs it
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200, url
        counts[url] = len(queries)
    return counts


def test_query_counts_do_not_grow_with_the_catalogue(client, content, monkeypatch):
    from django.core.management import call_command

    call_command("generate_catalogue", roles=60, yes=True, verbosity=0)
    many = query_counts(client)
    call_command("generate_catalogue", remove=True, verbosity=0)
    for i in range(60):  # two pages of roles either way, so the same URLs exist
        Role.objects.create(
            name=f"Plain {i:02}",
            slug=f"plain-{i:02}",
            summary="s",
            description="d",
            is_published=True,
            published_on="2026-01-01",
        )
    few = query_counts(client)
    assert many == few


def test_generate_catalogue_needs_confirmation(db):
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match="--yes"):
        call_command("generate_catalogue", roles=3)


def test_a_draft_at_the_pairs_canonical_address_leaves_the_data_page_reachable(client, pair_roles):
    analyst, ai = pair_roles, Role.objects.get(slug="ai-ml-engineer")
    Comparison.objects.create(
        slug="ai-ml-engineer-vs-data-analyst", title="Draft", role_a=ai, role_b=analyst,
        summary="A draft summary.", introduction="Draft prose.",
    )  # fmt: skip
    response = client.get("/compare/ai-ml-engineer-vs-data-analyst/")
    assert response.status_code == 200
    assert "Draft prose." not in response.content.decode()
    assert client.get("/compare/data-analyst-vs-ai-ml-engineer/").status_code == 301


def test_conditional_requests_never_turn_a_missing_page_into_304(client, content):
    since = client.get("/")["Last-Modified"]
    assert client.get("/roles/astronaut/", HTTP_IF_MODIFIED_SINCE=since).status_code == 404
    assert client.get("/roles/?page=99", HTTP_IF_MODIFIED_SINCE=since).status_code == 404


def test_unknown_query_strings_are_not_cached(client, content):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/methodology/", {"utm_source": "x"})
    with CaptureQueriesContext(connection) as queries:
        client.get("/methodology/", {"utm_source": "x"})
    assert len(queries) > 1
    client.get("/roles/", {"page": "1"})
    with CaptureQueriesContext(connection) as queries:
        client.get("/roles/", {"page": "1"})
    assert len(queries) == 0  # from the cache


def test_out_of_range_pages_are_404(client, content):
    assert client.get("/roles/?page=2").status_code == 404
    assert client.get("/compare/?page=abc").status_code == 404


def test_dataset_coverage_is_an_ordered_interval():
    from core.seo import coverage

    assert coverage([2025]) == "2025"
    assert coverage([2023, 2026]) == "2023/2026"


def test_role_page_cites_the_pay_factors(client, content):
    body = client.get("/roles/backend-developer/").content.decode()
    factors = body[body.index('id="factors-heading"') : body.index('id="figures-heading"')]
    assert '<p class="cite">Source: <a href="#source-jobcopy-backend-vs-ai-ml-2025">' in factors


def test_site_url_fixes_the_canonical_address(client, content, settings):
    settings.SITE_URL = "https://careerguide.example.com"
    body = client.get("/roles/").content.decode()
    assert '<link rel="canonical" href="https://careerguide.example.com/roles/">' in body


def test_site_url_is_used_by_the_sitemap_robots_and_open_data(client, content, settings):
    settings.SITE_URL = "https://careerguide.example.com"
    assert "<loc>https://careerguide.example.com/roles/</loc>" in sitemap_text(client)
    assert (
        "Sitemap: https://careerguide.example.com/sitemap.xml"
        in client.get("/robots.txt").content.decode()
    )
    data = client.get("/roles/backend-developer.json").json()
    assert data["page"] == "https://careerguide.example.com/roles/backend-developer/"


def test_role_page_claims_a_starting_salary_only_from_the_first_level(client, content):
    from comparisons.models import SalaryBand

    SalaryBand.objects.filter(role__slug="backend-developer", level__slug="entry-level").delete()
    body = client.get("/roles/backend-developer/").content.decode()
    assert "starts at" not in body


def test_no_empty_shared_benefits_heading(client, pair_roles):
    text = page_text(client.get("/compare/ai-ml-engineer-vs-data-analyst/"))
    assert "Offered in both roles" not in text
