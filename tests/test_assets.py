"""The favicon and the web app manifest: real routes, under the strict CSP."""

from __future__ import annotations

import json
import re
import struct
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from tests.helpers import ARTICLE_URL

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.django_db


def css_colours(scheme: str) -> dict[str, str]:
    """The stylesheet's custom properties for the light or the dark theme."""
    css = (ROOT / "static" / "css" / "site.css").read_text()
    dark = css.index("@media (prefers-color-scheme: dark)")
    block = css[css.index(":root") : dark] if scheme == "light" else css[dark:]
    block = block[: block.index("}")]
    return dict(re.findall(r"(--[\w-]+):\s*(#[0-9a-f]{3,6})", block))


def test_favicon_ico_is_a_real_icon_served_under_the_csp(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/vnd.microsoft.icon"
    body = response.content
    reserved, kind, count = struct.unpack("<HHH", body[:6])
    assert (reserved, kind) == (0, 1) and count >= 2  # an icon directory
    sizes = {body[6 + 16 * i] for i in range(count)}
    assert {16, 32} <= sizes
    assert b"\x89PNG" in body
    assert "public" in response["Cache-Control"] and "max-age=" in response["Cache-Control"]
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert not response.cookies


def test_favicon_and_manifest_answer_get_only(client):
    for url in ("/favicon.ico", "/manifest.webmanifest"):
        assert client.post(url).status_code == 405


def test_every_page_links_the_icons_and_the_manifest(client, content):
    for url in ("/", ARTICLE_URL, "/calculator/", "/roles/backend-developer/", "/nowhere/"):
        body = client.get(url).content.decode()
        assert '<link rel="icon" href="/favicon.ico"' in body
        assert '<link rel="manifest" href="/manifest.webmanifest">' in body
        assert 'rel="apple-touch-icon"' in body


def test_manifest_is_served_as_a_manifest_with_name_icons_and_colours(client, content):
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert not response.cookies
    manifest = json.loads(response.content)
    assert manifest["name"].startswith("careerguide")
    assert manifest["short_name"] == "careerguide"
    assert manifest["start_url"] == "/" and manifest["scope"] == "/"
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    assert any(icon.get("purpose") == "maskable" for icon in manifest["icons"])


def test_manifest_icons_exist_and_are_the_size_they_claim(client):
    for icon in json.loads(client.get("/manifest.webmanifest").content)["icons"]:
        path = finders.find(icon["src"].removeprefix("/static/"))
        assert path, f"{icon['src']} is not a static file"
        data = Path(path).read_bytes()
        if icon["type"] == "image/png":
            assert data[:8] == b"\x89PNG\r\n\x1a\n"
            width, height = struct.unpack(">II", data[16:24])
            assert icon["sizes"] == f"{width}x{height}"
        else:
            assert data.startswith(b"<svg")


def test_theme_colours_match_the_stylesheet(client, content):
    light, dark = css_colours("light"), css_colours("dark")
    manifest = json.loads(client.get("/manifest.webmanifest").content)
    assert manifest["theme_color"] == manifest["background_color"] == light["--bg"]
    body = client.get("/").content.decode()
    assert f'<meta name="theme-color" content="{light["--bg"]}"' in body
    assert f'<meta name="theme-color" content="{dark["--bg"]}"' in body
