"""The calculator in a real browser (Debian's Chromium driven by Playwright).

The browser fixtures and the skip rules live in conftest.py.
"""

from __future__ import annotations

import re

import pytest

expect = pytest.importorskip("playwright.sync_api").expect

pytestmark = pytest.mark.browser


def result_text(page) -> str:
    return " ".join(page.text_content("#calc-result").split())


def test_changing_an_input_swaps_the_result_pushes_the_url_and_back_restores(site, page, open_page):
    page.goto(f"{site}/calculator/")
    page.wait_for_load_state("networkidle")
    page.evaluate("window.notReloaded = true")
    assert "Entry-level band for Backend Developer" in result_text(page)

    result = page.locator("#calc-result")
    page.select_option("#id_level", "senior")
    expect(result).to_contain_text("Senior band")
    expect(page).to_have_url(re.compile(r"level=senior"))
    page.select_option("#id_location", "bay-area")
    expect(result).to_contain_text("Bay Area")
    expect(page).to_have_url(re.compile(r"location=bay-area"))
    # What the form sends is the result's own link, the address the page cache keeps.
    share = page.get_attribute(".share a", "href").split("#")[0]
    assert page.url == f"{site}{share}"
    assert page.evaluate("window.notReloaded") is True  # swapped in place, no page load
    # The address bar now holds a link to this very result, as a full page.
    page.wait_for_load_state("networkidle")
    shared = open_page(java_script_enabled=False)
    assert shared.goto(page.url).status == 200
    assert result_text(shared) == result_text(page)

    page.go_back()
    expect(result).not_to_contain_text("Bay Area")
    assert "Senior band" in result_text(page)
    assert page.eval_on_selector("#id_level", "e => e.value") == "senior"
    assert page.eval_on_selector("#id_location", "e => e.value") == ""
    assert page.problems.all() == []


def test_same_role_twice_shows_the_message_next_to_the_input(site, page):
    page.goto(f"{site}/calculator/")
    page.wait_for_load_state("networkidle")
    page.select_option("#id_role_b", "backend-developer")
    error = page.locator("#id_role_b-error")
    expect(error).to_have_text("Choose a role different from the first one.")
    assert "Some choices need another look" in result_text(page)
    page.select_option("#id_role_b", "ai-ml-engineer")
    expect(error).to_have_text("")
    assert page.problems.all() == []


def test_without_javascript_the_form_gives_the_same_result_as_a_full_page(site, open_page):
    choices = {
        "#id_level": "mid-career",
        "#id_company_size": "startup",
        "#id_education": "masters-degree",
    }

    # The article folds the circumstances away until the reader opens them.
    fold = "Location, industry, education, company size and your offer"
    with_js = open_page()
    with_js.goto(f"{site}/compare/backend-developer-vs-ai-ml-engineer/")
    with_js.wait_for_load_state("networkidle")
    with_js.get_by_text(fold).click()
    for selector, value in choices.items():
        with_js.select_option(selector, value)
        expect(with_js).to_have_url(re.compile(rf"{selector[4:]}={value}"))
    with_js.wait_for_load_state("networkidle")
    expected = result_text(with_js)

    no_js = open_page(java_script_enabled=False)
    no_js.goto(f"{site}/compare/backend-developer-vs-ai-ml-engineer/")
    no_js.get_by_text(fold).click()
    for selector, value in choices.items():
        no_js.select_option(selector, value)
    with no_js.expect_navigation():
        no_js.click("#calculator button[type=submit]")
    assert "level=mid-career" in no_js.url and no_js.url.endswith("#calculator")
    assert result_text(no_js) == expected
    assert "about $96,000 typically $81,000–$111,000" in expected
    assert with_js.problems.all() == no_js.problems.all() == []


def test_quick_successive_changes_end_on_the_last_choice_without_errors(site, page):
    # A reader flicking through options fires requests faster than they
    # return: only the last choice may win, and nothing is logged as failed
    # (an aborted request is a console error in htmx, so requests queue).
    page.goto(f"{site}/calculator/")
    page.wait_for_load_state("networkidle")
    for level in ("mid-career", "senior", "entry-level", "senior"):
        page.select_option("#id_level", level)
    page.select_option("#id_location", "bay-area")
    result = page.locator("#calc-result")
    expect(result).to_contain_text("Bay Area")
    page.wait_for_load_state("networkidle")
    assert "Senior band" in result_text(page)
    expect(page).to_have_url(re.compile(r"level=senior&location=bay-area"))
    assert page.problems.all() == []


def test_on_a_phone_a_change_brings_the_result_into_view(site, open_page):
    """The form is taller than a phone's screen: after a change the result, which
    would otherwise update out of sight, is scrolled to; it is a live region."""
    page = open_page(
        viewport={"width": 390, "height": 780}, is_mobile=True, has_touch=True,
        reduced_motion="reduce",
    )  # fmt: skip
    page.goto(f"{site}/calculator/")
    page.wait_for_load_state("networkidle")
    result = page.locator("#calc-result")
    assert result.get_attribute("aria-live") == "polite"
    assert result.evaluate("r => r.getBoundingClientRect().top") > 780  # below the screen
    page.select_option("#id_level", "senior")
    expect(result).to_contain_text("Senior band")
    page.wait_for_function(
        "() => { const t = document.querySelector('#calc-result').getBoundingClientRect().top;"
        " return t > -2 && t < innerHeight / 2; }"
    )
    # Once in view, a further change leaves the page where the reader put it.
    page.mouse.wheel(0, 200)
    page.wait_for_timeout(100)
    before = page.evaluate("scrollY")
    page.select_option("#id_location", "bay-area")
    expect(result).to_contain_text("Bay Area")
    assert page.evaluate("scrollY") == before
    assert page.problems.all() == []
