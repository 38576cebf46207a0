"""Three readers' journeys in Chromium, on a phone (390 px) and a desktop (1280 px):

1. a software developer in Texas asking whether she is paid fairly and where she
   would earn more;
2. someone choosing between data science and software development;
3. a backend developer weighing a $150k offer in Austin.

On every page of each journey: axe finds nothing, every figure says which column it
is in, nothing is wider than the screen, and no console error or CSP violation.
"""

from __future__ import annotations

import pytest

from tests.browser import AXE_OPTIONS, CLIPPED_CELLS, OVERFLOWING, visit

expect = pytest.importorskip("playwright.sync_api").expect

pytestmark = pytest.mark.browser

WIDTHS = {"phone": 390, "desktop": 1280}
SD = "/occupations/software-developers/"
AUSTIN = "austin-round-rock-san-marcos-tx"


@pytest.fixture(params=WIDTHS)
def reader(request, open_page, calculator_site):
    width = WIDTHS[request.param]
    page = open_page(
        viewport={"width": width, "height": 800},
        is_mobile=request.param == "phone",
        has_touch=True,
    )
    page.base_url = calculator_site
    axe = pytest.importorskip("axe_playwright_python.sync_playwright").Axe()

    def check() -> None:
        """What every page of a journey must keep, as it stands now (once htmx
        has settled: a result fades while a request is under way)."""
        page.wait_for_function(
            """() => !document.querySelector(".htmx-request") &&
                     [...document.querySelectorAll(".calc-result, .pay-answer")]
                       .every((el) => getComputedStyle(el).opacity === "1")"""
        )
        results = axe.run(page, options=AXE_OPTIONS)
        assert results.violations_count == 0, results.generate_report()
        assert page.evaluate(CLIPPED_CELLS) == [], page.url
        assert page.evaluate(OVERFLOWING) == [], page.url
        assert page.evaluate("document.documentElement.scrollWidth") <= width, page.url

    page.check = check
    yield page
    assert page.problems.all() == []


def answer_of(page) -> str:
    return page.locator("#pay-answer").inner_text()


def test_a_software_developer_in_texas_finds_her_place_and_where_she_would_earn_more(reader):
    visit(reader, f"{SD}in/texas/")
    expect(reader.locator("h1")).to_have_text("Software Developers in Texas")
    # The answer first: the median, against the nation.
    expect(reader.locator(".lede")).to_contain_text(
        "Median pay $132,150 a year: $3,830 (3%) less than nationally."
    )
    reader.check()
    # Her pay, written as people write it.
    reader.fill("#pay-input", "150k")
    reader.click(".pay-form button")
    expect(reader.locator("#pay-answer")).to_contain_text("$150,000 a year")
    assert "percentile" in answer_of(reader)
    reader.check()
    # Where she would earn more: the states that pay most, California first.
    most = reader.locator("section", has=reader.locator("#most-heading"))
    expect(most.locator(".ranking-table").first.locator("tbody th").first).to_have_text(
        "California"
    )
    most.get_by_role("link", name="Compare Texas with other places, side by side").click()
    reader.wait_for_load_state()
    assert reader.url.endswith(f"{SD}places/?p=california&p=texas")
    # Pay is what she came to compare: its rows come first.
    first_row = reader.locator(".compare-table tbody tr").first.locator("th")
    expect(first_row).to_have_text("Median")
    reader.check()


def test_choosing_between_data_science_and_software_development(reader):
    visit(reader, "/occupations/compare/data-scientists-vs-software-developers/")
    text = reader.locator("main").inner_text()
    assert "At the median, Software Developers are paid $15,750 a year more than Data" in text
    # 1,687,890 jobs against 262,440: a ratio, the same in the sentence and the table.
    assert text.count("6.4 times as many") >= 2
    reader.check()


def test_a_backend_developer_weighs_an_offer_in_austin_with_both_tools(reader):
    calculator = (
        "/calculator/?role_a=backend-developer&role_b=ai-ml-engineer&level=mid-career"
        f"&location=texas&area={AUSTIN}"
    )
    visit(reader, calculator)
    reader.check()
    # The offer, as people write it, placed against the estimate...
    reader.fill("#id_offer", "150k")
    reader.press("#id_offer", "Enter")
    heading = reader.get_by_role("heading", name="Backend Developer")
    result = reader.locator("article.result", has=heading)
    expect(result.locator(".offer-line").first).to_contain_text("$150,000 a year is")
    reader.check()
    # ... and among BLS's wages for software developers in Austin, by the same
    # function "Where does my pay fall?" uses on the page the result links to.
    link = result.locator(".placed a")
    expect(link).to_contain_text(
        "Where $150,000 falls among the wages BLS publishes for Software Developers in the "
        "Austin-Round Rock-San Marcos, TX"
    )
    inline_placement = result.locator(".offer-line").nth(1).inner_text()
    assert inline_placement.startswith(
        "Among Software Developers in the Austin-Round Rock-San Marcos, TX area, it is "
    )
    link.click()
    reader.wait_for_load_state()
    placed_by_calculator = answer_of(reader)
    assert "$150,000 a year" in placed_by_calculator and "percentile" in placed_by_calculator
    reader.check()
    reader.fill("#pay-input", "$150,000")
    reader.click(".pay-form button")
    expect(reader.locator("#pay-answer")).to_contain_text("$150,000 a year")
    assert answer_of(reader) == placed_by_calculator
    # The calculator said the same in its result, by the same function.
    here = placed_by_calculator.split("\n")[1]  # "In the Austin...area, it is at about..."
    assert here.split(", it is ", 1)[1] in inline_placement
    reader.check()
    # And back: the answer offers the calculator here, with the pay as the offer.
    back = reader.locator("#pay-answer .tool-link a").first
    expect(back).to_contain_text("Estimate Backend Developer pay here with the salary calculator")
    back.click()
    reader.wait_for_load_state()
    expect(reader.locator("#id_area")).to_have_value(AUSTIN)
    expect(reader.locator("#id_offer")).to_have_value("150000")
    expect(result.locator(".offer-line").first).to_contain_text("$150,000 a year is")
    reader.check()
