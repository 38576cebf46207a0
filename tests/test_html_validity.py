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

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from comparisons.models import Role
from tests.conftest import ARTICLE_URL, sitemap_paths

ROOT = Path(__file__).resolve().parent.parent
VNU_JAR = Path(
    os.environ.get("VNU_JAR", ROOT / "tools/vnu/node_modules/vnu-jar/build/dist/vnu.jar")
)
JAVA = os.environ.get("JAVA", "java")

# Pages that the sitemap does not list, with the status each answers.
NOT_IN_SITEMAP = {
    "/compare/ai-ml-engineer-vs-data-analyst/": 200,  # generated for a pair, noindex
    "/calculator/?role_a=no-such-role&level=nope": 400,  # the calculator's error state
    "/calculator/?location=texas": 200,  # a state chosen: its areas offered
    "/calculator/?location=texas&area=austin-round-rock-san-marcos-tx": 200,  # an area
    "/roles/?page=2": 200,  # an index's later page, with its pagination links
    "/compare/no-such-page/": 404,
    "/places/?q=texas": 200,  # a search
    "/places/texas/?sort=median": 200,  # a sorted list (noindex)
    "/occupations/actors/in/austin-round-rock-san-marcos-tx/": 200,  # too thin to index
    "/occupations/software-developers/in/texas/?pay=120000&per=year": 200,  # an answer
    "/occupations/software-developers/?pay=12&per=year": 200,  # below the 10th percentile
    "/occupations/compare/actors-vs-software-developers/": 200,  # a pair nobody wrote up
    "/occupations/compare/?a=software-developers": 200,  # the chooser, one chosen
    "/occupations/software-developers/in/texas/?pay=nope&per=year": 400,  # a wrong amount
}
STATIC_PAGES = ["500.html", "503.html"]  # served as files, without Django's context
# Each kind of page the site has must be in the run, whatever the sitemap says.
EXPECTED = {"/", "/compare/", "/roles/", "/calculator/", "/methodology/", ARTICLE_URL}
EXPECTED |= {"/roles/backend-developer/", "/roles/ai-ml-engineer/"}
EXPECTED |= {"/occupations/", "/occupations/software-developers/", "/places/", "/places/texas/"}
EXPECTED |= {"/places/austin-round-rock-san-marcos-tx/"}
EXPECTED |= {"/occupations/software-developers/in/texas/"}
EXPECTED |= {
    "/occupations/compare/",
    "/occupations/compare/data-scientists-vs-software-developers/",
}
EXPECTED |= {"/occupations/software-developers/in/austin-round-rock-san-marcos-tx/"}

# A page the checker must reject, so a checker that accepts anything fails the test.
BROKEN = '<!doctype html><html lang="en"><title>x</title><form hx-get="/"></form></html>'


def checker_unavailable() -> str | None:
    if not shutil.which(JAVA):
        return "no Java runtime (apt-get install default-jre-headless), so vnu.jar cannot run"
    if not VNU_JAR.is_file():
        where = VNU_JAR.relative_to(ROOT) if VNU_JAR.is_relative_to(ROOT) else VNU_JAR
        return f"no {where} (`make validate` installs it with npm ci)"
    return None


@pytest.fixture
def vnu():
    reason = checker_unavailable()
    if reason and os.environ.get("REQUIRE_HTML_CHECK"):
        pytest.fail(f"REQUIRE_HTML_CHECK is set but there is {reason}")
    if reason:
        pytest.skip(reason)

    def check(paths: list[Path]) -> list[dict]:
        """The checker's errors for these files (and any file it could not read)."""
        result = subprocess.run(
            [JAVA, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, paths)],
            capture_output=True,
            text=True,
            timeout=300,
        )
        # vnu writes its report to stderr; exit status 1 means "errors found".
        assert result.returncode in (0, 1), result.stderr
        return json.loads(result.stderr)["messages"]

    return check


def test_no_template_uses_bare_htmx_attributes():
    # hx-* is not valid HTML; htmx reads data-hx-* just the same. This holds
    # without Java, for pages no test renders (e.g. fragments).
    offenders = [
        f"{path.relative_to(ROOT)}: {match.group(0)}"
        for path in (ROOT / "templates").rglob("*.html")
        for match in re.finditer(r"(?<![-\w])hx-[a-z-]+=", path.read_text())
    ]
    assert not offenders, offenders


def test_every_page_is_valid_html(vnu, client, content, oews_release, tmp_path, monkeypatch):
    import comparisons.queries.roles

    Role.objects.create(
        name="Data Analyst",
        slug="data-analyst",
        summary="Answers questions with data.",
        description="Data analysts turn raw data into answers for the rest of the business.",
        is_published=True,
        published_on="2026-01-01",
    )
    monkeypatch.setattr(comparisons.queries.roles, "PER_PAGE", 1)  # so the indexes paginate

    urls = {url: 200 for url in sitemap_paths(client)} | NOT_IN_SITEMAP
    assert set(urls) >= EXPECTED
    files: dict[Path, str] = {}
    for number, (url, status) in enumerate(sorted(urls.items())):
        response = client.get(url)
        assert response.status_code == status, url
        assert response["Content-Type"].startswith("text/html"), url
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
