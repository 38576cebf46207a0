"""Accessibility in a real browser beyond what every page is checked for
(test_browser_pages.py: axe in each scheme): tables stacked on a phone, the
calculator after an update and in error, the keyboard alone, contrast axe
cannot see (chart bars, focus rings), and print.

The browser fixtures live in conftest.py.
"""

from __future__ import annotations

import re

import pytest

from tests.browser import AXE_OPTIONS, CONTRAST, DESKTOP, visit
from tests.helpers import ARTICLE_URL

expect = pytest.importorskip("playwright.sync_api").expect
axe_api = pytest.importorskip("axe_playwright_python.sync_playwright")

pytestmark = pytest.mark.browser

ROLE_URL = "/roles/backend-developer/"


@pytest.fixture(scope="module")
def axe():
    return axe_api.Axe()


@pytest.fixture(params=["light", "dark"])
def scheme(request):
    return request.param


@pytest.fixture
def themed(open_page, site, scheme):
    page = open_page(viewport=DESKTOP, color_scheme=scheme)
    page.base_url = site
    return page


def assert_no_violations(axe, page) -> None:
    results = axe.run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("path", [ARTICLE_URL, ROLE_URL])
def test_axe_finds_no_violations_in_tables_stacked_on_a_phone(axe, open_page, site, path):
    # Every page is checked at phone size in the dark scheme with the other
    # pages (test_browser_pages.py); these stack their tables at 360 px.
    page = open_page(viewport={"width": 360, "height": 780})
    page.base_url = site
    visit(page, path)
    stacked = page.evaluate(
        "getComputedStyle(document.querySelector('.table-scroll:not(.compact) tbody tr')).display"
    )
    assert stacked == "block"
    assert_no_violations(axe, page)


def test_axe_finds_no_violations_in_the_calculator_after_an_update(axe, themed):
    visit(themed, "/calculator/")
    themed.select_option("#id_level", "senior")
    themed.select_option("#id_location", "bay-area")
    expect(themed.locator("#calc-result")).to_contain_text("Bay Area")
    themed.click(".breakdown summary")
    assert_no_violations(axe, themed)
    # The error state too: a message tied to its field, and the summary.
    themed.select_option("#id_role_b", "backend-developer")
    expect(themed.locator("#id_role_b-error")).not_to_be_empty()
    assert_no_violations(axe, themed)
    assert themed.problems.all() == [], themed.problems.all()


def test_axe_reports_what_it_should(axe, page, site):
    # The harness itself: a known violation in a real page must be reported.
    page.goto(site + "/")
    page.evaluate(
        """() => { const low = document.createElement("p");
                   low.textContent = "faint words"; low.className = "faint";
                   document.querySelector("main").append(low, document.createElement("img"));
                   low.style.color = "#e4e4e4"; }"""
    )
    results = axe.run(page, options=AXE_OPTIONS)
    found = {violation["id"] for violation in results.response["violations"]}
    assert {"image-alt", "color-contrast"} <= found, found


def test_the_pages_really_switch_theme(themed, scheme):
    visit(themed, "/")
    background = themed.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == ("rgb(18, 20, 23)" if scheme == "dark" else "rgb(253, 253, 252)")


@pytest.mark.parametrize("path", [ARTICLE_URL, ROLE_URL])
def test_chart_bars_stand_out_from_the_page(themed, path):
    # SC 1.4.11: graphics needed to understand the content need 3:1 against
    # what is next to them; axe checks text only.
    visit(themed, path)
    ratios = themed.evaluate(
        CONTRAST
        + """
        return [...document.querySelectorAll(".chart-group rect, .chart-legend rect")]
          .map((bar) => contrast(getComputedStyle(bar).fill, background));
        """.join(["(() => {", "})()"])
    )
    assert ratios and min(ratios) >= 3, ratios


def test_focus_ring_is_visible_against_the_page(themed):
    visit(themed, "/")
    themed.keyboard.press("Tab")
    themed.keyboard.press("Tab")  # past the skip link, onto the site's name
    ring = themed.evaluate(
        CONTRAST
        + """
        const style = getComputedStyle(document.activeElement);
        return {style: style.outlineStyle, width: parseFloat(style.outlineWidth),
                contrast: contrast(style.outlineColor, background)};
        """.join(["(() => {", "})()"])
    )
    assert ring["style"] != "none" and ring["width"] >= 2, ring
    assert ring["contrast"] >= 3, ring


def tab_stops(page, limit: int = 200) -> list[dict]:
    """Tabs through the page from the top, describing each focused element."""
    page.evaluate("document.activeElement && document.activeElement.blur()")
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = page.evaluate(
            """() => { const el = document.activeElement;
                if (!el || el === document.body) return null;
                const style = getComputedStyle(el);
                const box = el.getBoundingClientRect();
                const ring = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
                return {tag: el.tagName.toLowerCase(), text: el.textContent.trim().slice(0, 40),
                        id: el.id, index: [...document.querySelectorAll("*")].indexOf(el),
                        outline: ring,
                        onScreen: box.bottom > 0 && box.top < innerHeight && box.width > 1}; }"""
        )
        if stop is None or (stops and stop["index"] == stops[0]["index"]):
            break
        stops.append(stop)
    return stops


@pytest.mark.parametrize("path", ["/", ARTICLE_URL, "/calculator/"])
def test_keyboard_order_follows_the_page_and_focus_is_always_visible(page, site, path):
    page.set_viewport_size(DESKTOP)
    page.goto(site + path)
    page.wait_for_load_state("networkidle")
    stops = tab_stops(page)
    assert stops[0]["text"] == "Skip to content"
    assert len(stops) > 5
    # Logical order: the order of the document, since nothing sets tabindex > 0.
    assert [s["index"] for s in stops] == sorted(s["index"] for s in stops)
    assert page.locator("[tabindex]:not([tabindex='0']):not([tabindex='-1'])").count() == 0
    hidden = [s for s in stops if not (s["outline"] and s["onScreen"])]
    assert hidden == [], "focused but not visibly so"


def test_skip_link_appears_on_focus_and_moves_past_the_header(page, site):
    page.goto(site + ARTICLE_URL)
    skip = page.locator(".skip-link")
    assert not skip.is_visible() or skip.bounding_box()["y"] + skip.bounding_box()["height"] <= 0
    page.keyboard.press("Tab")
    expect(skip).to_be_focused()
    assert skip.bounding_box()["y"] >= 0
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()
    page.keyboard.press("Tab")
    # The next stop is inside the main content, not the site's navigation.
    assert page.evaluate("document.querySelector('main').contains(document.activeElement)")


def test_calculator_works_with_the_keyboard_alone(page, site):
    page.goto(site + "/calculator/")
    page.wait_for_load_state("networkidle")
    result = page.locator("#calc-result")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "id_level":
            break
    expect(page.locator("#id_level")).to_be_focused()
    page.keyboard.press("ArrowDown")  # entry-level to mid-career, without opening the list
    expect(result).to_contain_text("Mid-career band")
    expect(page).to_have_url(re.compile(r"level=mid-career"))
    # Focus stays where the reader is: the swap does not steal it.
    expect(page.locator("#id_level")).to_be_focused()
    while page.evaluate("document.activeElement.type") != "submit":
        page.keyboard.press("Tab")
    # The result already reads "Mid-career": wait for this submission's swap,
    # or it could replace the breakdown opened below.
    with page.expect_response(lambda response: "/calculator/" in response.url):
        page.keyboard.press("Enter")
    expect(page.locator("form.calc-form")).not_to_have_class(re.compile("htmx-request"))
    expect(result).to_contain_text("Mid-career band")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    while focused != "How we got this":
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.textContent.trim()")
    page.keyboard.press("Enter")
    expect(page.locator(".breakdown").first).to_have_attribute("open", "")
    expect(page.locator(".breakdown ol").first).to_be_visible()
    assert page.problems.all() == []


def test_article_prints_cleanly(page, site):
    from comparisons.models import Source

    source = Source.objects.first()
    source.url = "https://example.com/salary-report-2025"  # the seed source has no address
    source.save()
    page.goto(site + ARTICLE_URL)
    page.wait_for_load_state("networkidle")
    page.emulate_media(media="print", color_scheme="dark")
    for hidden in (".skip-link", ".site-header", ".site-nav", ".site-footer", ".toc",
                   ".breadcrumbs", ".calc-form", ".share"):  # fmt: skip
        assert not page.locator(hidden).first.is_visible(), f"{hidden} is printed"
    for shown in ("h1", "#levels-table", "figure.chart svg", "#sources", "#calc-result"):
        expect(page.locator(shown).first).to_be_visible()
    # Without the form, the estimate's steps tell which choices it is for.
    expect(page.locator(".breakdown summary").first).to_be_hidden()
    expect(page.locator(".breakdown ol").first).to_be_visible()
    expect(page.locator(".breakdown ol").first).to_contain_text("Entry-level band")
    # Paper is white whatever the screen's theme, and text black.
    colours = page.evaluate(
        """() => [getComputedStyle(document.body).backgroundColor,
                  getComputedStyle(document.body).color,
                  getComputedStyle(document.querySelector('.card')).backgroundColor]"""
    )
    assert colours[0] == "rgb(255, 255, 255)" and colours[1] == "rgb(0, 0, 0)", colours
    assert colours[2] in ("rgba(0, 0, 0, 0)", "rgb(255, 255, 255)"), colours
    # On paper a link cannot be followed: the address of each outside link is printed.
    link = page.locator("#sources a[href^='http']").first
    after = link.evaluate("a => getComputedStyle(a, '::after').content")
    assert source.url in after
    # Tables print whole rather than inside their scrolling box.
    overflow = page.evaluate("getComputedStyle(document.querySelector('.table-scroll')).overflowX")
    assert overflow == "visible"
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
