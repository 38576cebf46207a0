"""Every page type in a real browser: sections, the chart, phone layout, tap
targets, console errors and CSP violations, and screenshots for people to look at.

With CAREERGUIDE_SCREENSHOTS set, screenshots go to screenshots/ (git-ignored),
one per page type at desktop and at phone size; the browser fixtures live in
conftest.py.
"""

from __future__ import annotations

import pytest

from tests.browser import (
    AXE_OPTIONS,
    CLIPPED_CELLS,
    DESKTOP,
    NOT_FOUND,
    OVERFLOWING,
    PHONE,
    PRIMARY_CONTROLS,
    SMALL_TARGETS,
    TARGETS,
    photograph,
    visit,
)
from tests.helpers import ARTICLE_URL

expect = pytest.importorskip("playwright.sync_api").expect

pytestmark = pytest.mark.browser


PAGES = {
    "home": "/",
    "article": ARTICLE_URL,
    "role": "/roles/backend-developer/",
    "role-index": "/roles/",
    "comparison-index": "/compare/",
    "calculator": "/calculator/",
    "methodology": "/methodology/",
    "about": "/about/",
    "not-found": NOT_FOUND,
}

ARTICLE_SECTIONS = {
    "levels": "Salary by experience level",
    "overview": "Salary overview",
    "factors": "What moves pay",
    "equity": "Equity and bonuses",
    "skills": "Skills and education",
    "competency": "Time to competency",
    "benefits": "Benefits",
    "paths": "Career paths",
    "demand": "Demand and market",
    "calculator": "Estimate your pay",
    "takeaways": "Takeaways",
    "sources": "Sources",
}


SIZES = {
    "desktop": {"viewport": DESKTOP},
    "phone": {"viewport": PHONE, "is_mobile": True, "has_touch": True},
}


def sized_page(open_page, site, size: str):
    page = open_page(**SIZES[size])
    page.base_url = site
    page.size = size
    return page


@pytest.fixture
def phone(open_page, site):
    return sized_page(open_page, site, "phone")


@pytest.fixture
def desktop(open_page, site):
    return sized_page(open_page, site, "desktop")


@pytest.fixture(params=SIZES)
def either(request, open_page, site):
    """The test runs twice: at desktop size and at phone size."""
    return sized_page(open_page, site, request.param)


@pytest.fixture(scope="module")
def axe():
    return pytest.importorskip("axe_playwright_python.sync_playwright").Axe()


# Each page is opened once per variant, and every check runs on that visit:
# a desktop in the light scheme, a phone in the dark one.
VARIANTS = {"desktop-light": ("desktop", "light"), "phone-dark": ("phone", "dark")}


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("name", PAGES)
def test_every_page_is_clean_accessible_and_fits(open_page, site, axe, variant, name):
    """No console error or CSP violation (after an htmx swap too, on the
    calculator), no axe violation (WCAG 2.2 A/AA and best practices) in the
    scheme the variant sets, and on a phone no sideways scrolling and targets
    big enough to tap (24 px, 44 px for the primary controls)."""
    size, scheme = VARIANTS[variant]
    page = open_page(**SIZES[size], color_scheme=scheme)
    page.base_url, page.size = site, size
    visit(page, PAGES[name])
    assert page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") == (scheme == "dark")
    results = axe.run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()
    if size == "phone":
        if name in ("article", "calculator"):
            page.click(".breakdown summary")  # the open breakdown must fit too
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"page is {width} px wide"
        assert page.evaluate(OVERFLOWING) == []
        assert page.evaluate(SMALL_TARGETS, TARGETS) == []
        for control in page.locator(PRIMARY_CONTROLS).all():
            if control.is_visible():
                box = control.bounding_box()
                assert box["width"] >= 44 and box["height"] >= 43.5, (control.text_content(), box)
    if name == "calculator":
        # After an htmx swap too: the new fragment must be as clean as the page.
        page.select_option("#id_level", "senior")
        expect(page.locator("#calc-result")).to_contain_text("Senior band")
    photograph(page, f"{name}-{size}")
    assert page.problems.all() == []


def test_article_renders_every_section_in_order_and_the_toc_reaches_each(desktop):
    visit(desktop, ARTICLE_URL)
    headings = desktop.locator("article > section[id] > h2").all_inner_texts()
    wanted = list(ARTICLE_SECTIONS.values())
    assert [h for h in headings if h in wanted] == wanted
    for anchor, heading in ARTICLE_SECTIONS.items():
        section = desktop.locator(f"section#{anchor}")
        expect(section.locator("h2").first).to_have_text(heading)
        expect(section).to_be_visible()
        link = desktop.locator(f'.toc a[href="#{anchor}"]')
        expect(link).to_have_text(heading)
    desktop.click('.toc a[href="#factors"]')
    expect(desktop).to_have_url(f"{desktop.base_url}{ARTICLE_URL}#factors")
    expect(desktop.locator("#factors h2")).to_be_in_viewport()
    assert desktop.problems.all() == []


@pytest.mark.parametrize("path", [ARTICLE_URL, PAGES["role"]])
def test_chart_is_visible_labelled_and_fits_its_box(either, path):
    page = either
    visit(page, path)
    svg = page.locator(".chart svg")
    expect(svg).to_be_visible()
    box = svg.bounding_box()
    assert box["width"] >= 300, box
    bars = svg.locator(".chart-group rect")
    labels = svg.locator(".chart-group .bar-label")
    assert bars.count() >= 3 and bars.count() == labels.count()
    for index in range(bars.count()):
        bar = bars.nth(index).bounding_box()
        assert bar["width"] >= 1 and bar["height"] >= 10
        assert "$" in labels.nth(index).text_content()
    # No label, tick or legend entry is cut off at the edge of the drawing.
    for text in svg.locator("text").all():
        part = text.bounding_box()
        assert part["x"] >= box["x"] - 0.5, text.text_content()
        assert part["x"] + part["width"] <= box["x"] + box["width"] + 0.5, text.text_content()
    # Readable on screen, not just in the drawing's own units.
    smallest = page.evaluate(
        """() => Math.min(...[...document.querySelectorAll(".chart text")].map((t) => {
             const svg = t.ownerSVGElement;
             const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
             return parseFloat(getComputedStyle(t).fontSize) * scale; }))"""
    )
    assert smallest >= 11, f"chart text as small as {smallest:.1f} px"
    assert page.problems.all() == []


@pytest.mark.parametrize("path", [ARTICLE_URL, PAGES["role"]])
def test_chart_has_a_table_with_the_same_figures_one_tap_away(desktop, path):
    visit(desktop, path)
    chart = desktop.locator("figure.chart")
    labels = chart.locator(".bar-label").all_text_contents()
    desktop.click("figure.chart figcaption a")
    table_id = desktop.url.rsplit("#", 1)[1]
    table = desktop.locator(f"table#{table_id}")
    expect(table).to_be_in_viewport()
    cells = " ".join(table.locator("td").all_text_contents())
    for label in labels:
        assert label in cells
    # The SVG is one image to assistive technology, named and described.
    assert desktop.get_by_role("img", name="Base salary by experience level").count() == 1
    described = chart.locator("svg").get_attribute("aria-describedby")
    assert all(label in desktop.locator(f"#{described}").text_content() for label in labels)


def test_tap_target_check_catches_a_small_standalone_link(phone):
    visit(phone, "/")
    phone.evaluate(
        """() => Object.assign(document.querySelector(".site-nav a").style, {
                   display: "inline-block", minHeight: "0", padding: "0",
                   fontSize: "8px", lineHeight: "1" })"""
    )
    assert any("Comparisons" in problem for problem in phone.evaluate(SMALL_TARGETS, TARGETS))


def test_csp_violations_are_noticed(desktop):
    visit(desktop, "/")
    # An inline script is exactly what the policy forbids; the listener must see it.
    desktop.evaluate(
        """() => { const s = document.createElement("script");
                   s.textContent = "window.ranInline = true"; document.body.append(s); }"""
    )
    assert desktop.evaluate("window.ranInline") is None
    for _ in range(50):
        if any(problem.startswith("csp: script-src") for problem in desktop.problems.all()):
            break
        desktop.wait_for_timeout(100)
    assert any(problem.startswith("csp: script-src") for problem in desktop.problems.all())
    assert any("Content Security Policy" in problem for problem in desktop.problems.all())


# The page types that show tables, or show data that could be one; each is
# checked whether or not it has a table today, so a table added later is too.
TABLE_PAGES = {
    "article": ARTICLE_URL,
    "role": PAGES["role"],
    "calculator": PAGES["calculator"],
    "role-index": PAGES["role-index"],
    "comparison-index": PAGES["comparison-index"],
    "methodology": PAGES["methodology"],
}
# Tables that must be there, so that the check is never vacuous where it matters.
MIN_TABLES = {"article": 3, "role": 2}


@pytest.mark.parametrize("name", TABLE_PAGES)
def test_no_table_cell_is_cut_off_on_a_phone(open_page, site, name):
    page = open_page(viewport={"width": 390, "height": 780}, is_mobile=True, has_touch=True)
    page.base_url = site
    visit(page, TABLE_PAGES[name])
    for toggle in page.locator(".breakdown summary").all():
        toggle.click()  # the calculator's breakdown, open
    assert page.locator("table").count() >= MIN_TABLES.get(name, 0)
    for width in (390, 360):
        page.set_viewport_size({"width": width, "height": 780})
        assert page.evaluate(CLIPPED_CELLS) == [], width
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert page.evaluate(OVERFLOWING) == [], width
    assert page.problems.all() == []


def test_stacked_tables_keep_their_table_semantics(open_page, site):
    page = open_page(viewport={"width": 360, "height": 780}, is_mobile=True, has_touch=True)
    page.base_url = site
    visit(page, ARTICLE_URL)
    table = page.locator("#factors table").first
    assert table.evaluate("t => getComputedStyle(t.querySelector('tbody tr')).display") == "block"
    tree = table.aria_snapshot()
    # Column headers are still announced with the cells, and the labels shown
    # on screen are not read a second time as part of the cell.
    for role in ("table", 'columnheader "Roles"', "rowheader", 'cell "Both"'):
        assert f"- {role}" in tree, tree
    assert "Roles:" not in tree


@pytest.mark.parametrize("width", [360, 1280])
def test_the_cut_off_check_sees_a_clipped_cell(open_page, site, width):
    page = open_page(viewport={"width": width, "height": 780})
    page.base_url = site
    visit(page, ARTICLE_URL)
    assert page.evaluate(CLIPPED_CELLS) == []
    page.evaluate("""() => { document.querySelector("#factors table").style.width = "900px"; }""")
    assert any("outside" in problem for problem in page.evaluate(CLIPPED_CELLS))
    page.evaluate(
        """() => { document.querySelector("#factors table").style.width = "";
                   const cell = document.querySelector("#factors td");
                   Object.assign(cell.style, { overflow: "hidden", whiteSpace: "nowrap",
                                               display: "block" });
                   cell.textContent = "a figure far too long to fit in any cell ".repeat(9); }"""
    )
    assert any("overflows its cell" in problem for problem in page.evaluate(CLIPPED_CELLS))
    page.evaluate("""() => { document.querySelector("#factors td").dataset.label = "Kind"; }""")
    assert any("not its column's header" in p for p in page.evaluate(CLIPPED_CELLS))
