"""Home page, the 404 page, and rules every public page follows."""

from __future__ import annotations

import re

import pytest

from comparisons.models import Comparison, Role
from tests.helpers import ARTICLE_URL, page_text

pytestmark = pytest.mark.django_db


def test_home_lists_published_comparisons(client, content):
    response = client.get("/")
    assert response.status_code == 200
    assert f'href="{ARTICLE_URL}"' in response.content.decode()
    assert "Backend Developer vs AI/ML Engineer" in page_text(response)


def test_the_site_speaks_of_careers_not_only_tech_ones(client, content, oews_release):
    """Every occupation has pages, nurses' and actors' too: the home page, the
    footer and the web app manifest say "careers", not "tech careers"."""
    for path in ("/", "/occupations/actors/", "/manifest.webmanifest"):
        text = client.get(path).content.decode()
        assert "careers" in text.lower() and "tech careers" not in text.lower(), path


def test_home_hides_drafts(client, content):
    Comparison.objects.update(is_published=False)
    response = client.get("/")
    assert ARTICLE_URL not in response.content.decode()
    assert "No comparisons are published yet." in page_text(response)


def test_home_query_budget_does_not_grow(client, content, django_assert_max_num_queries):
    roles = [
        Role.objects.create(
            name=f"R{i}",
            slug=f"r{i}",
            summary="s",
            description="d",
            is_published=True,
            published_on="2026-01-01",
        )
        for i in range(10)
    ]
    for i in range(0, 10, 2):
        Comparison.objects.create(
            slug=f"c{i}",
            title=f"C{i}",
            role_a=roles[i],
            role_b=roles[i + 1],
            summary="s",
            introduction="i",
            is_published=True,
            published_on="2026-01-01",
        )
    with django_assert_max_num_queries(2):  # content version, comparisons
        assert client.get("/").status_code == 200


def test_unknown_slug_gets_the_styled_404(client, content, django_assert_max_num_queries):
    # content version, the comparison, the two roles a pair address would name
    with django_assert_max_num_queries(3):
        response = client.get("/compare/no-such-comparison/")
    assert response.status_code == 404
    assert "We couldn't find that page" in page_text(response)
    assert "css/site.css" in response.content.decode()


@pytest.mark.parametrize("url", ["/", ARTICLE_URL])
def test_public_pages_are_get_only(client, content, url):
    assert client.post(url).status_code == 405
    assert client.head(url).status_code == 200  # tests/test_http.py: HEAD everywhere


@pytest.mark.parametrize("url", ["/", ARTICLE_URL])
def test_pages_use_only_local_assets(client, content, url):
    body = client.get(url).content.decode()
    assets = re.sub(r'<link rel="canonical"[^>]*>', "", body)
    urls = re.findall(r'<(?:script|img|link)\b[^>]*\b(?:src|href)="([^"]+)"', assets)
    # Browsers look for these two at the site's root, so they are routes there.
    root_files = {"/favicon.ico", "/manifest.webmanifest"}
    assert urls and all(url.startswith("/static/") or url in root_files for url in urls), urls
