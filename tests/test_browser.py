"""The calculator in a real browser (Debian's Chromium driven by Playwright).

Skipped, with the reason, where /usr/bin/chromium is missing; `.ci/run`
installs it and sets REQUIRE_BROWSER_TESTS, so CI always runs these.
"""

from __future__ import annotations

import os
import re
import shutil

import pytest
from django.core.management import call_command

playwright_api = pytest.importorskip("playwright.sync_api")
expect = playwright_api.expect

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
if not shutil.which(CHROMIUM):
    if os.environ.get("REQUIRE_BROWSER_TESTS"):
        raise RuntimeError(f"REQUIRE_BROWSER_TESTS is set but there is no Chromium at {CHROMIUM}")
    pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)", allow_module_level=True)

# Playwright's sync API runs an event loop in this thread; the ORM calls in
# these tests' fixtures are synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def site(transactional_db, live_server) -> str:
    call_command("load_content", verbosity=0)
    return live_server.url


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    page.problems = []
    page.on("console", lambda m: m.type == "error" and page.problems.append(m.text))
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    yield page
    context.close()


def result_text(page) -> str:
    return " ".join(page.text_content("#calc-result").split())


def test_changing_an_input_swaps_the_result_pushes_the_url_and_back_restores(site, page):
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
    assert page.evaluate("window.notReloaded") is True  # swapped in place, no page load

    page.go_back()
    expect(result).not_to_contain_text("Bay Area")
    assert "Senior band" in result_text(page)
    assert page.eval_on_selector("#id_level", "e => e.value") == "senior"
    assert page.eval_on_selector("#id_location", "e => e.value") == ""
    assert page.problems == []


def test_same_role_twice_shows_the_message_next_to_the_input(site, page):
    page.goto(f"{site}/calculator/")
    page.wait_for_load_state("networkidle")
    page.select_option("#id_role_b", "backend-developer")
    error = page.locator("#id_role_b-error")
    expect(error).to_have_text("Choose a role different from the first one.")
    assert "Some choices need another look" in result_text(page)
    page.select_option("#id_role_b", "ai-ml-engineer")
    expect(error).to_have_text("")
    assert page.problems == []


def test_without_javascript_the_form_gives_the_same_result_as_a_full_page(site, browser):
    choices = {
        "#id_level": "mid-career",
        "#id_company_size": "startup",
        "#id_education": "masters-degree",
    }

    with_js = browser.new_page()
    with_js.goto(f"{site}/compare/backend-developer-vs-ai-ml-engineer/")
    with_js.wait_for_load_state("networkidle")
    for selector, value in choices.items():
        with_js.select_option(selector, value)
        expect(with_js).to_have_url(re.compile(rf"{selector[4:]}={value}"))
    with_js.wait_for_load_state("networkidle")
    expected = result_text(with_js)

    context = browser.new_context(java_script_enabled=False)
    no_js = context.new_page()
    no_js.goto(f"{site}/compare/backend-developer-vs-ai-ml-engineer/")
    for selector, value in choices.items():
        no_js.select_option(selector, value)
    with no_js.expect_navigation():
        no_js.click("#calculator button[type=submit]")
    assert "level=mid-career" in no_js.url and no_js.url.endswith("#calculator")
    assert result_text(no_js) == expected
    assert "$76,000–$117,000" in expected
    context.close()
    with_js.close()
