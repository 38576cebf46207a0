"""What link previews, search engines and reusers read: titles, the share image,
the open data's licence, and the about page with its route for corrections."""

from __future__ import annotations

import json
import os
import re
import secrets
import struct
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from comparisons.freshness import TEXT_REVISED
from core.downloads import LICENSE_URL
from tests.helpers import ARTICLE_URL, page_text, settings_error, sitemap_paths, sitemap_text

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent


def meta_content(body: str, key: str) -> str:
    match = re.search(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)">', body)
    assert match, key
    return match.group(1)


def json_ld(body: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', body, re.S)
    return [json.loads(block) for block in blocks]


# Titles --------------------------------------------------------------------------------


def test_the_home_title_names_the_site_once(client, content):
    body = client.get("/").content.decode()
    assert "<title>careerguide: careers compared, with sourced pay figures</title>" in body


def test_every_page_title_names_the_site_exactly_once(client, content):
    for path in sitemap_paths(client):
        title = re.search(r"<title>([^<]*)</title>", client.get(path).content.decode())[1]
        assert title.count("careerguide") == 1, (path, title)


# The share image -----------------------------------------------------------------------


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_every_page_names_a_real_1200_by_630_share_image(client, content):
    for path in sitemap_paths(client):
        body = client.get(path).content.decode()
        image = meta_content(body, "og:image")
        assert image.startswith("http://testserver/static/og/") and image.endswith(".png")
        assert meta_content(body, "twitter:image") == image
        assert meta_content(body, "og:image:type") == "image/png"
        assert (meta_content(body, "og:image:width"), meta_content(body, "og:image:height")) == (
            "1200",
            "630",
        )
        assert "careerguide logo" in meta_content(body, "og:image:alt")
        assert meta_content(body, "twitter:image:alt") == meta_content(body, "og:image:alt")
        assert meta_content(body, "twitter:card") == "summary_large_image"
    response = client.get(urlsplit(image).path)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert png_size(b"".join(response.streaming_content)) == (1200, 630)


def test_the_share_image_is_small_enough_for_any_preview_crawler():
    from core.seo import SHARE_IMAGE, SHARE_IMAGE_SIZE

    data = (ROOT / "static" / SHARE_IMAGE).read_bytes()
    assert png_size(data) == SHARE_IMAGE_SIZE
    assert len(data) < 100_000


# The open data's licence -----------------------------------------------------------------


@pytest.mark.parametrize("path", [ARTICLE_URL, "/roles/backend-developer/"])
def test_the_dataset_and_the_page_state_the_licence(client, content, path):
    body = client.get(path).content.decode()
    dataset = next(item for item in json_ld(body) if item["@type"] == "Dataset")
    assert dataset["license"] == LICENSE_URL == "https://creativecommons.org/licenses/by/4.0/"
    assert dataset["creditText"] == f"careerguide, http://testserver{path}"
    assert f'<a href="{LICENSE_URL}" rel="license">CC BY 4.0</a>' in body
    assert "Each figure's publisher keeps its own terms for its publication." in page_text(
        client.get(path)
    )


@pytest.mark.parametrize(
    "path", ["/roles/backend-developer.json", "/roles/backend-developer.csv",
             ARTICLE_URL.rstrip("/") + ".json", ARTICLE_URL.rstrip("/") + ".csv"],
)  # fmt: skip
def test_every_download_carries_the_licence(client, content, path):
    response = client.get(path)
    assert response["Link"] == f'<{LICENSE_URL}>; rel="license"'
    if path.endswith(".json"):
        data = response.json()
        assert (data["license"], data["license_name"]) == (LICENSE_URL, "CC BY 4.0")
        assert data["credit"] == f"careerguide, {data['page']}"
        assert "whose own terms apply to that publication" in data["license_terms"]
        assert data["figures"]


# The about page ----------------------------------------------------------------------------


def test_the_about_page_says_who_runs_the_site_and_how_to_report_a_wrong_figure(
    client, content, settings
):
    settings.CONTACT_EMAIL = "figures@newsroom.example.org"
    response = client.get("/about/")
    assert response.status_code == 200
    text = page_text(response)
    for heading in ("Who runs the site", "How figures are chosen", "Report a wrong figure",
                    "Reusing our data"):  # fmt: skip
        assert heading in text
    body = response.content.decode()
    mailto = "mailto:figures@newsroom.example.org?subject=A%20wrong%20figure%20on%20careerguide"
    assert f'<a href="{mailto}">figures@newsroom.example.org</a>' in body
    assert f'<a href="{LICENSE_URL}" rel="license">' in body
    assert "Last revised 2 December 2026" in text
    assert not response.cookies and "csrf" not in body.lower()


def test_the_about_page_answers_head(client, content):
    response = client.head("/about/")
    assert response.status_code == 200 and response.content == b""


def test_the_about_page_is_in_the_sitemap_with_its_revision_date(client, content):
    body = sitemap_text(client)
    revised = TEXT_REVISED["about"].isoformat()
    assert f"<loc>http://testserver/about/</loc><lastmod>{revised}</lastmod>" in body


@pytest.mark.parametrize("path", ["/", ARTICLE_URL, "/roles/", "/methodology/", "/calculator/"])
def test_every_page_links_the_about_page_and_the_way_to_report(client, content, path):
    footer = client.get(path).content.decode().split('<footer class="site-footer">')[1]
    assert '<a href="/about/">About</a>' in footer
    assert '<a href="/about/#report">Report a wrong figure</a>' in footer


def test_the_contact_address_fails_loudly_when_it_is_not_one():
    env = {"DJANGO_SECRET_KEY": "k", "DJANGO_ALLOWED_HOSTS": "x"}
    error = settings_error(**env, CAREERGUIDE_CONTACT_EMAIL="corrections at example")
    assert "CAREERGUIDE_CONTACT_EMAIL='corrections at example' is not an email address" in error
    assert settings_error(**env, CAREERGUIDE_CONTACT_EMAIL="figures@example.org") == ""


def test_going_live_without_a_contact_address_is_a_deploy_warning():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    env.pop("CAREERGUIDE_CONTACT_EMAIL", None)
    env |= {"DJANGO_SECRET_KEY": secrets.token_urlsafe(50), "DJANGO_ALLOWED_HOSTS": "x.example"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode != 0
    assert "careerguide.W001" in result.stdout + result.stderr
