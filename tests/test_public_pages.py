"""What every public page promises, whatever it shows: GET and HEAD only, no
cookie, no CSRF token, nothing inline a strict Content-Security-Policy would
block, htmx attributes written as valid HTML.

The pages are every kind of public address (``tests.helpers.public_addresses``:
the sitemaps' pages and those no sitemap lists), so a page type added later
is held to the same rules without touching this file.
"""

from __future__ import annotations

import re

import pytest

from tests.helpers import public_addresses

pytestmark = pytest.mark.django_db

EXPECTED_KINDS = {
    "/", "/compare/", "/roles/", "/calculator/", "/methodology/", "/about/",
    "/compare/backend-developer-vs-ai-ml-engineer/", "/roles/backend-developer/",
    "/occupations/", "/occupations/software-developers/", "/places/", "/places/texas/",
    "/occupations/software-developers/in/texas/", "/occupations/compare/",
    "/occupations/compare/data-scientists-vs-software-developers/",
}  # fmt: skip


def test_every_kind_of_page_is_among_the_addresses(client, public_site):
    from django.urls import resolve

    def kinds(paths) -> set[str]:
        return {resolve(path.partition("?")[0]).route for path in paths}

    assert kinds(public_addresses(client)) >= kinds(EXPECTED_KINDS)


def test_public_pages_are_get_or_head_only_cookie_free_and_need_no_unsafe_csp(client, public_site):
    for path, status in public_addresses(client).items():
        response = client.get(path)
        assert response.status_code == status, path
        assert not response.cookies, path
        assert client.post(path).status_code == 405, path
        if not response["Content-Type"].startswith("text/html"):
            continue
        body = response.content.decode()
        assert "csrfmiddlewaretoken" not in body, path
        assert not re.search(r"\sstyle=", body) and "<style" not in body, path
        assert not re.search(r"\son[a-z]+=", body), path  # no inline event handlers
        # JSON-LD is a data block, never executed; any other script must be a file.
        for script in re.findall(r"<script\b[^>]*>", body):
            assert 'src="' in script or 'type="application/ld+json"' in script, (path, script)
        assert not re.search(r"\shx-[a-z]", body), path  # htmx attributes are data-hx-*
