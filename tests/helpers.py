"""Helpers shared by the tests (plain functions; the fixtures are in conftest.py)."""

from __future__ import annotations

import datetime as dt
import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from django.test import RequestFactory

ROOT = Path(__file__).resolve().parent.parent
ARTICLE_SLUG = "backend-developer-vs-ai-ml-engineer"
ARTICLE_URL = f"/compare/{ARTICLE_SLUG}/"

# The instant every date-sensitive test runs at (the `clock` fixture): after
# the seed article's date (29 November 2026), and 14 months after the end of
# its source's period (2025), so within the 18-month freshness limit.
NOW = dt.datetime(2027, 3, 15, 10, 30, tzinfo=dt.UTC)

# The real release's dates, for the small releases tests import.
OEWS_PUBLISHED_ON = dt.date(2026, 5, 15)
OEWS_RETRIEVED_ON = dt.date(2026, 9, 26)


def import_oews(folder, publish: bool = True):
    """Import (and by default publish) a release from its files, as the command does."""
    from officialstats.importing import sources
    from officialstats.importing.provenance import Provenance
    from officialstats.importing.writer import import_release
    from officialstats.publishing import publish as make_live

    release = import_release(
        sources.from_paths([folder]),
        Provenance(published_on=OEWS_PUBLISHED_ON, retrieved_on=OEWS_RETRIEVED_ON),
    )
    if publish:
        make_live(release)
        release.refresh_from_db()
    return release


def sitemap_files(client) -> list[str]:
    """The sitemap files the index at /sitemap.xml lists, as paths (with ``?p=``)."""
    from urllib.parse import urlsplit

    index = client.get("/sitemap.xml").content.decode()
    assert "<sitemapindex" in index
    files = []
    for loc in re.findall(r"<loc>([^<]+)</loc>", index):
        parts = urlsplit(html.unescape(loc))
        files.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return files


def sitemap_text(client) -> str:
    """Every sitemap file the index lists, one after another."""
    bodies = []
    for path in sitemap_files(client):
        response = client.get(path)
        assert response.status_code == 200, path
        bodies.append(response.content.decode())
    return "\n".join(bodies)


def sitemap_paths(client) -> list[str]:
    """The path of every page the sitemaps list."""
    from urllib.parse import urlsplit

    return [urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap_text(client))]


INLINE_TAGS = re.compile(r"</?(a|abbr|b|code|data|em|i|small|span|strong|time)\b[^>]*>")


def page_text(response) -> str:
    """A page's visible text: tags stripped, entities decoded, spaces collapsed.

    Inline tags vanish without a trace ("<strong>Bay Area</strong>:" reads
    "Bay Area:"); every other tag separates words.
    """
    body = response.content.decode()
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    body = INLINE_TAGS.sub("", body)
    text = html.unescape(re.sub(r"<[^>]+>", " ", body))
    return re.sub(r"\s+", " ", text).strip()


EDITOR_PASSWORD = "a-long-and-unusual-passphrase-42"


def is_cached(path: str, query: dict | None = None, **headers) -> bool:
    """Whether the page cache holds the page a client request like this would get."""
    from core.pages import page_key, recall, shows_at
    from core.state import site_state

    request = RequestFactory().get(path, query, **headers)
    shows = shows_at(request)
    return shows is not None and recall(page_key(request, site_state(), shows)) is not None


def statistics_state() -> str:
    """What the statistics pages are kept under now (it moves with a publish)."""
    from core.state import Shows, site_state

    return site_state().keyspace(Shows.RELEASES)


def annual(value, note: int | None = None, datatype=None):
    """An annual wage as BLS publishes it: a value, or a footnote code in its place
    (5: top-coded, 8: not released, 4: published hourly only)."""
    from decimal import Decimal

    from officialstats.figures import Datatype, figure

    datatype = datatype or Datatype.ANNUAL_MEDIAN
    return figure(datatype, None if value is None else Decimal(value), note)


# Public addresses no sitemap lists (it lists the pages to index), with the
# status each answers on ``public_site`` (conftest.py). With every sitemap
# address they make every kind of public page the site has.
NOT_IN_SITEMAP = {
    "/sitemap.xml": 200,
    "/sitemap-pages.xml": 200,
    "/sitemap-occupation-places.xml": 200,
    "/robots.txt": 200,
    "/favicon.ico": 200,
    "/manifest.webmanifest": 200,
    "/compare/ai-ml-engineer-vs-data-analyst/": 200,  # generated for a pair, noindex
    "/compare/data-analyst-vs-ai-ml-engineer/": 301,  # its reversed address
    "/compare/pair/?a=data-analyst&b=backend-developer": 302,  # the pair chooser
    "/compare/no-such-page/": 404,
    "/calculator/?level=senior": 200,
    "/calculator/?role_a=no-such-role&level=nope": 400,  # the calculator's error state
    "/calculator/?location=texas": 200,  # a state chosen: its areas offered
    "/calculator/?location=texas&area=austin-round-rock-san-marcos-tx": 200,  # an area
    "/roles/?page=2": 200,  # an index's later page, with its pagination links
    "/roles/backend-developer.json": 200,
    "/roles/backend-developer.csv": 200,
    "/compare/backend-developer-vs-ai-ml-engineer.json": 200,
    "/compare/backend-developer-vs-ai-ml-engineer.csv": 200,
    "/roles/nope/": 404,
    "/roles/nope.json": 404,  # in JSON
    "/places/?q=texas": 200,  # a search
    "/occupations/?q=software": 200,
    "/places/texas/?sort=median": 200,  # a sorted list (noindex)
    "/occupations/actors/in/austin-round-rock-san-marcos-tx/": 200,  # too thin to index
    "/occupations/software-developers/in/texas/?pay=120000&per=year": 200,  # an answer
    "/occupations/software-developers/?pay=12&per=year": 200,  # below the 10th percentile
    "/occupations/software-developers/in/texas/?pay=nope&per=year": 400,  # a wrong amount
    "/occupations/software-developers.json": 200,
    "/occupations/software-developers/in/texas.csv": 200,
    "/occupations/software-developers/places/?p=california&p=texas": 200,
    "/occupations/compare/actors-vs-software-developers/": 200,  # a pair nobody wrote up
    "/occupations/compare/?a=software-developers": 200,  # the chooser, one chosen
    "/healthz": 200,
    "/readyz": 200,
}


def public_addresses(client, *, every: bool = False) -> dict[str, int]:
    """Every kind of public address with the status it answers: the sitemaps'
    pages (two of each kind, or ``every`` one) and those no sitemap lists."""
    from django.urls import resolve

    listed, per_kind = {}, {}
    for path in sitemap_paths(client):
        kind = resolve(path).route
        per_kind[kind] = per_kind.get(kind, 0) + 1
        if every or per_kind[kind] <= 2:
            listed[path] = 200
    return listed | NOT_IN_SITEMAP


HTMX = {"HTTP_HX_REQUEST": "true"}


def result_of(response, role: str) -> str:
    """The visible text of one role's result card."""
    body = response.content.decode()
    cards = re.findall(r'<article class="result.*?</article>', body, re.S)
    card = next(card for card in cards if f">{role}</h3>" in card)
    return page_text(type("R", (), {"content": card.encode()}))


# content version, 14 for the article, 7 for its calculator, the live release
# and its official figures (the figures only when a release is live)
ARTICLE_QUERY_BUDGET = 24


def acknowledge(client, response, fragment: str, reason: str):
    (url,) = [url for text, url in acknowledge_links(response).items() if fragment in text]
    form = client.get(url)
    assert form.status_code == 200
    assert fragment in page_text(form)
    query = {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}
    return client.post(url, {**query, "reason": reason})


def open_text(response) -> str:
    """The open warnings only (acknowledged ones are listed after them)."""
    text = page_text(response)
    return text.split("Acknowledged warnings")[0]


def settings_error(**env) -> str:
    """Import the settings in a fresh interpreter with ``env`` and return stderr."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    result = subprocess.run(
        [sys.executable, "-c", "import careerguide.settings"],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )
    return result.stderr if result.returncode else ""


def map_svg(body: str, measure: str) -> str:
    start = body.index(f'<figure class="chart map map-{measure}"')
    return body[start : body.index("</svg>", start)]


def map_labels(body: str, measure: str) -> dict[str, str]:
    """Each region's name and figure, as a screen reader hears it (a state's
    link's name, or a shape's title)."""
    svg = map_svg(body, measure)
    regions = svg[svg.index('<g class="regions">') : svg.index('<g class="labels"')]
    found = re.findall(r"<title>([^<]+)</title>", regions)
    return dict(html.unescape(label).split(": ", 1) for label in found)


def map_links(body: str, measure: str) -> dict[str, str]:
    """Where each linked state goes: its shape's link, or its box under the map."""
    found = re.findall(
        r'<a href="([^"]+)" tabindex="-1" aria-label="([^"]+)">', map_svg(body, measure)
    )
    return {html.unescape(label).split(": ", 1)[0]: href for href, label in found}


def map_figures(body: str, measure: str) -> list[str]:
    """The figures written on the map and in the small states' boxes."""
    svg = map_svg(body, measure)
    return [html.unescape(text) for text in re.findall(r"<text[^>]*>([^<]+)</text>", svg)]


def lastmods(client) -> dict[str, str | None]:
    body = sitemap_text(client)
    found = re.findall(r"<loc>https?://[^/]+([^<]*)</loc>(?:<lastmod>([^<]*)</lastmod>)?", body)
    return {path: (date or None) for path, date in found}


# National estimates changed (not real figures) so that each value state shows:
# chief executives' upper percentiles top-coded below a published median;
# pediatric surgeons' 90th top-coded above a published 75th (a contradiction
# BLS's files contain, shown as "not published"); surgeons' employment withheld.
ODD = {
    "OEUN0000000000000111011": "204350 3.1 129.63 269630 1.9 36.39 62.28 102.88 -5 -5 "
    "75700 129540 213990 -5 -5 . .",
    "OEUN0000000000000291243": "1190 33.7 241.37 502050 5.1 103.56 161.72 268.76 280.38 "
    "349.35 215410 336380 559030 583200 -5 . .",
    "OEUN0000000000000291240": "-8 -8 175.17 364360 3.0 40.21 82.94 177.66 241.14 308.02 "
    "83630 172510 369540 501570 640680 . .",
}


def acknowledge_links(response) -> dict[str, str]:
    """Each open warning's message (its start) and its "Acknowledge…" link."""
    body = response.content.decode()
    links = {}
    for item in re.findall(r'<li class="warning">(.*?)</li>', body, re.S):
        link = re.search(r'<a href="([^"]+)">Acknowledge…</a>', item)
        if link:
            text = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", item))).strip()
            links[text] = html.unescape(link.group(1))
    return links


VNU_JAR = Path(
    os.environ.get("VNU_JAR", ROOT / "tools/vnu/node_modules/vnu-jar/build/dist/vnu.jar")
)


JAVA = os.environ.get("JAVA", "java")


def checker_unavailable() -> str | None:
    if not shutil.which(JAVA):
        return "no Java runtime (apt-get install default-jre-headless), so vnu.jar cannot run"
    if not VNU_JAR.is_file():
        where = VNU_JAR.relative_to(ROOT) if VNU_JAR.is_relative_to(ROOT) else VNU_JAR
        return f"no {where} (`make validate` installs it with npm ci)"
    return None
