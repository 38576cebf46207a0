"""Production settings: deploy checks, security headers, cookies, health checks."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ARTICLE_URL

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.django_db


def test_check_deploy_reports_nothing_with_production_settings():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    env |= {
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "careerguide.example.com",
        "CAREERGUIDE_CONTACT_EMAIL": "corrections@careerguide.example.com",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("url", ["/", ARTICLE_URL, "/calculator/", "/admin/login/", "/healthz"])
def test_every_response_carries_the_security_headers(client, content, url):
    response = client.get(url, secure=True)
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "script-src 'self'" in csp and "style-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    hsts = response["Strict-Transport-Security"]
    assert int(hsts.split("max-age=")[1].split(";")[0]) >= 365 * 24 * 60 * 60
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_plain_http_is_redirected_to_https_in_production(client, settings, content):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/")
    assert response.status_code == 301 and response["Location"].startswith("https://")


def test_admin_cookies_are_secure_httponly_samesite_and_host_prefixed(client, editor):
    from tests.helpers import EDITOR_PASSWORD

    page = client.get("/admin/login/", secure=True)
    csrf = page.cookies["__Host-csrftoken"]
    assert csrf["secure"] and csrf["httponly"] and csrf["samesite"] == "Strict"
    assert csrf["path"] == "/" and not csrf["domain"]
    response = client.post(
        "/admin/login/",
        {"username": "jane", "password": EDITOR_PASSWORD, "next": "/admin/",
         "csrfmiddlewaretoken": csrf.value},
        secure=True, HTTP_REFERER="https://testserver/admin/login/",
    )  # fmt: skip
    assert response.status_code == 302
    session = response.cookies["__Host-sessionid"]
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"
    assert session["path"] == "/" and not session["domain"]


def test_healthz_and_readyz(client, db):
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json() == {"database": "ok", "cache": "ok"}
    assert "no-store" in ready["Cache-Control"] or "max-age=0" in ready["Cache-Control"]


def test_the_500_and_503_pages_are_static():
    for name in ("500.html", "503.html"):
        text = (ROOT / "templates" / name).read_text()
        assert "{%" not in text and "{{" not in text
