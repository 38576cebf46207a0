"""Every public page is valid HTML, as the W3C Nu Html Checker (vnu.jar) judges it.

The pages to check are every address in the sitemaps the index lists (so a
page type added later is checked without touching this file), with the
tests' small OEWS release published so the statistics pages are among them,
plus the pages no sitemap lists: a generated pair page, the calculator's
error state, a second page of an index, searches, a page too thin to index,
answers to "Where does my pay fall?", the 404 page, an article's staff
preview and the static 500/503 pages.
They are rendered with the test client and checked in one run of the checker
(one JVM start, a few seconds). Errors fail; warnings do not.

The checker is pinned by tools/vnu/package-lock.json (`make validate` installs
it and runs this file). Without Java or the jar the test is skipped with the
reason; with REQUIRE_HTML_CHECK set (CI) it fails instead.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tests.helpers import ARTICLE_URL, public_addresses

ROOT = Path(__file__).resolve().parent.parent

STATIC_PAGES = ["500.html", "503.html"]  # served as files, without Django's context

# A page the checker must reject, so a checker that accepts anything fails the test.
BROKEN = '<!doctype html><html lang="en"><title>x</title><form hx-get="/"></form></html>'


def test_no_template_uses_bare_htmx_attributes():
    # hx-* is not valid HTML; htmx reads data-hx-* just the same. This holds
    # without Java, for pages no test renders (e.g. fragments).
    offenders = [
        f"{path.relative_to(ROOT)}: {match.group(0)}"
        for path in (ROOT / "templates").rglob("*.html")
        for match in re.finditer(r"(?<![-\w])hx-[a-z-]+=", path.read_text())
    ]
    assert not offenders, offenders


@pytest.mark.any_database
def test_every_page_is_valid_html(vnu, client, public_site, tmp_path):
    urls = public_addresses(client, every=True)
    files: dict[Path, str] = {}
    for number, (url, status) in enumerate(sorted(urls.items())):
        response = client.get(url)
        assert response.status_code == status, url
        if not response["Content-Type"].startswith("text/html") or status in (301, 302):
            continue
        path = tmp_path / f"page-{number:03}.html"
        path.write_bytes(response.content)
        files[path] = url
    preview = ARTICLE_URL + "preview/"  # the editors' preview of an article, with its banner
    staff = Client()
    staff.force_login(get_user_model().objects.create_superuser("chief", "c@example.com", "x"))
    response = staff.get(preview)
    assert response.status_code == 200 and b"preview-banner" in response.content
    files[tmp_path / "preview.html"] = preview
    (tmp_path / "preview.html").write_bytes(response.content)
    for name in STATIC_PAGES:
        files[ROOT / "templates" / name] = f"templates/{name}"
    broken = tmp_path / "broken.html"
    broken.write_text(BROKEN)

    errors = vnu([*files, broken])
    by_file = {Path(urlsplit(m.get("url", "")).path): m for m in errors}
    assert broken in by_file, "the checker accepted a page with hx-get on a form"
    report = [
        f"{files.get(Path(urlsplit(m.get('url', '')).path), m.get('url'))}"
        f":{m.get('lastLine', '?')}: {m.get('message')} [{' '.join(m.get('extract', '').split())}]"
        for m in errors
        if Path(urlsplit(m.get("url", "")).path) != broken
    ]
    assert not report, "\n".join(report)
