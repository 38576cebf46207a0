"""The calculator's places and industries from BLS OEWS (issue 13, point 5).

A role linked to an occupation can be estimated in any state or area, and
in any industry, where its occupation has a published median: a state
step, then its areas (a sector, then its industries), without JavaScript
and with htmx. The small release has California, Texas, Arkansas, San Jose,
Austin, Texarkana and two sectors (``calculator_release``).
"""

from __future__ import annotations

import re
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from comparisons.models import PayFactor, Role
from core.state import forget as forget_state
from officialstats.models import Estimate
from tests.helpers import ARTICLE_URL, HTMX, page_text, result_of

pytestmark = pytest.mark.django_db

CALC = "/calculator/"
SAN_JOSE = "san-jose-sunnyvale-santa-clara-ca"
SENIOR_SAN_JOSE = {
    "role_a": "backend-developer",
    "role_b": "ai-ml-engineer",
    "level": "senior",
    "location": "california",
    "area": SAN_JOSE,
}
# content version, options (6, with the place aliases' areas), medians, band and share (2)
QUERY_BUDGET = 10


def options_of(body: str, name: str) -> list[str]:
    select = re.search(rf'<select name="{name}".*?</select>', body, re.S)
    return re.findall(r'<option value="([^"]*)"', select.group(0)) if select else []


def test_location_offers_states_with_data_after_the_sources_places(
    client, content, calculator_release
):
    body = client.get(CALC).content.decode()
    assert options_of(body, "location") == [
        "",
        "bay-area",
        "new-york-city",
        "arkansas",
        "california",
        "texas",
    ]
    assert '<optgroup label="Named by the article&#x27;s source">' in body
    assert '<optgroup label="States and territories (BLS OEWS, May 2025)">' in body
    # No area step until a state is chosen.
    assert options_of(body, "area") == []
    assert '<div id="field-area" class="field" hidden></div>' in body


def test_choosing_a_state_offers_its_areas_without_javascript(client, content, calculator_release):
    response = client.get(CALC, {"location": "california"})
    assert response.status_code == 200
    body = response.content.decode()
    assert options_of(body, "area") == ["", SAN_JOSE]
    assert '<option value="" selected>All of the state or territory</option>' in body
    texas = client.get(CALC, {"location": "texas"}).content.decode()
    # Metropolitan areas first, then nonmetropolitan; Texarkana, TX-AR under Texas.
    assert options_of(texas, "area") == [
        "",
        "austin-round-rock-san-marcos-tx",
        "texarkana-tx-ar",
        "hill-country-region-of-texas-nonmetropolitan-area",
    ]
    # An area across state lines is offered under each state it reaches.
    arkansas = client.get(CALC, {"location": "arkansas"}).content.decode()
    assert "texarkana-tx-ar" in options_of(arkansas, "area")


def test_backend_developer_in_san_jose_step_by_step(client, content, calculator_release):
    """The done-when line: a Backend Developer in San Jose from the BLS figures."""
    response = client.get(CALC, SENIOR_SAN_JOSE)
    assert response.status_code == 200
    text = result_of(response, "Backend Developer")
    assert "Base salary about $243,000 typically $204,000–$282,000" in text
    assert (
        "San Jose-Sunnyvale-Santa Clara, CA: software developers earn a median of $213,110 "
        "a year here, against $135,980 a year nationally; the estimate scales by the two: "
        "$155,000 × 213,110 ÷ 135,980 = $242,918.44 (+57%)." in text
    )
    assert "Source: BLS OEWS, May 2025: Software Developers in San Jose-Sunnyvale" in text
    assert "Official figures: BLS OEWS, May 2025" in text
    # The editor's factor for the same place is shown, and not used.
    assert (
        "The source's own figure for Bay Area, +20% to +40%, (jobcopy.ai, as of 2025), "
        "is not used" in text
    )
    assert "$242,918.44 × 130,000 ÷ 155,000 = $203,738.05" in text
    ai = result_of(response, "AI/ML Engineer")
    assert "data scientists earn a median of $185,080 a year here" in ai
    assert 'href="/occupations/software-developers/in/san-jose-sunnyvale-santa-clara-ca/"' in (
        response.content.decode()
    )


def test_choosing_the_sources_place_shows_bls_figures_beside_it(
    client, content, calculator_release
):
    text = result_of(
        client.get(CALC, {**SENIOR_SAN_JOSE, "location": "bay-area", "area": ""}),
        "Backend Developer",
    )
    assert "Bay Area: the source gives +20% to +40%; the estimate uses the middle, +30%" in text
    assert (
        "Beside it, BLS OEWS, May 2025: software developers earn a median of $213,110 a year "
        "in San Jose-Sunnyvale-Santa Clara, CA, against $135,980 a year nationally (+57%)." in text
    )
    assert "The estimate uses the source's figure you chose" in text
    # Said outside the breakdown too: how the source's region and BLS's areas relate.
    summary = text[: text.index("How we got this")]
    assert (
        "Bay Area is the source's own figure; it describes San Jose-Sunnyvale-Santa Clara, CA, "
        "for which BLS publishes medians of its own: choose one of them to use those instead."
    ) in summary
    chosen = result_of(client.get(CALC, SENIOR_SAN_JOSE), "Backend Developer")
    assert (
        "San Jose-Sunnyvale-Santa Clara, CA: BLS's median here is used; the source's own figure "
        "for Bay Area, which covers it, is not."
    ) in chosen[: chosen.index("How we got this")]


def test_industries_a_sector_then_an_industry_inside_it(client, content, calculator_release):
    body = client.get(CALC).content.decode()
    assert options_of(body, "industry") == [
        "",
        "finance",
        "autonomous-vehicles",
        "sector-52-finance-and-insurance",
        "sector-54-professional-scientific-and-technical-services",
    ]
    assert options_of(body, "sub_industry") == []
    query = {"level": "entry-level", "industry": "sector-52-finance-and-insurance"}
    sector = client.get(CALC, query)
    assert options_of(sector.content.decode(), "sub_industry") == [
        "",
        "credit-intermediation-and-related-activities",
        "securities-commodity-contracts-and-other-financial-investments-and-related-activities",
    ]
    text = result_of(sector, "Backend Developer")
    assert "$85,000 × 135,460 ÷ 135,980 = $84,674.95 (−0.4%)" in text
    assert "The source's own figure for Finance, +10% to +30%" in text
    narrower = client.get(
        CALC, {**query, "sub_industry": "credit-intermediation-and-related-activities"}
    )
    text = result_of(narrower, "Backend Developer")
    assert "$85,000 × 136,930 ÷ 135,980 = $85,593.84" in text
    # The editor's Finance names the sector, so it is shown beside what lies inside too.
    assert "The source's own figure for Finance" in text


def test_htmx_swaps_the_result_and_the_place_steps(client, content, calculator_release):
    response = client.get(CALC, {"location": "california"}, **HTMX)
    body = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in body and "<form" not in body
    for name in ("location", "area", "industry", "sub_industry"):
        assert re.search(
            rf'<div id="field-{name}" class="field[^"]*"[^>]*data-hx-swap-oob="true"', body
        )
    assert options_of(body, "area") == ["", SAN_JOSE]
    # The other fields' error messages are still updated out of band.
    assert 'id="id_level-error" class="field-error" data-hx-swap-oob="true"' in body
    full = client.get(CALC, {"location": "california"})
    assert result_of(full, "Backend Developer") == result_of(response, "Backend Developer")


def test_an_area_left_over_from_another_state_is_set_aside(client, content, calculator_release):
    response = client.get(CALC, {"location": "texas", "area": SAN_JOSE})
    assert response.status_code == 200
    text = page_text(response)
    assert "The area asked for is not one of the chosen state's" in text
    assert "Texas: software developers earn a median of $132,150" in text
    # The shareable link (and the cache) use the clean address.
    assert "area=&amp;" in response.content.decode()
    fragment = client.get(CALC, {"location": "texas", "area": SAN_JOSE}, **HTMX)
    assert fragment["HX-Push-Url"] == CALC + "?" + urlencode(
        {
            "role_a": "backend-developer",
            "role_b": "ai-ml-engineer",
            "level": "entry-level",
            "location": "texas",
            "area": "",
            "industry": "",
            "education": "",
            "company_size": "",
            "offer": "",
        }
    )


def test_share_link_carries_the_place(client, content, calculator_release):
    body = client.get(CALC, SENIOR_SAN_JOSE).content.decode()
    link = re.search(r'<a href="([^"]+)#calculator">Link to this result', body).group(1)
    assert link.replace("&amp;", "&") == CALC + "?" + urlencode(
        {
            **SENIOR_SAN_JOSE,
            "industry": "",
            "education": "",
            "company_size": "",
            "offer": "",
        }
    )


def test_each_estimate_links_to_where_it_falls_among_blss_wages_there(
    client, content, calculator_release
):
    """The calculator and "Where does my pay fall?" answer the same question from
    two sides: each result asks the other with its estimate, as shown, and place."""
    response = client.get(CALC, SENIOR_SAN_JOSE)
    body = response.content.decode()
    link = (
        "/occupations/software-developers/in/san-jose-sunnyvale-santa-clara-ca/"
        "?pay=243000&amp;per=year#pay-position"
    )
    assert f'href="{link}"' in body
    assert (
        "Where $243,000 falls among the wages BLS publishes for Software Developers in the "
        "San Jose-Sunnyvale-Santa Clara, CA area" in result_of(response, "Backend Developer")
    )
    answer = page_text(client.get(link.replace("&amp;", "&").split("#")[0]))
    assert "$243,000 a year" in answer and "percentile" in answer
    # No place chosen: placed nationally.
    national = client.get(CALC, {**SENIOR_SAN_JOSE, "location": "", "area": ""})
    assert "Software Developers nationally" in result_of(national, "Backend Developer")
    assert 'href="/occupations/software-developers/?pay=' in national.content.decode()


def test_an_offer_is_placed_against_each_estimate_and_among_blss_wages(
    client, content, calculator_release
):
    from tests.helpers import is_cached

    asked = {**SENIOR_SAN_JOSE, "offer": "$260k"}
    response = client.get(CALC, asked)
    assert response.status_code == 200
    backend = result_of(response, "Backend Developer")
    assert "$260,000 a year is $17,000 (7%) more than this estimate, within its typical range." in (
        backend
    )
    assert (
        "Where $260,000 falls among the wages BLS publishes for Software Developers in the "
        "San Jose-Sunnyvale-Santa Clara, CA area" in backend
    )
    body = response.content.decode()
    assert "?pay=260000&amp;per=year#pay-position" in body
    # The link to this result carries the offer, written one way; that address is cached.
    assert "&amp;offer=260000#calculator" in body
    canonical = re.search(r'href="/calculator/\?([^"#]+)#calculator"', body).group(1)
    client.get(f"{CALC}?{canonical.replace('&amp;', '&')}")
    assert is_cached(f"{CALC}?{canonical.replace('&amp;', '&')}")
    # Without an offer the link carries it empty, as the form itself sends it,
    # so a request from the form is the cached address.
    plain = client.get(CALC, SENIOR_SAN_JOSE).content.decode()
    shared = re.search(r'href="/calculator/\?([^"#]+)#calculator"', plain).group(1)
    assert shared.endswith("&amp;offer=")
    client.get(f"{CALC}?{shared.replace('&amp;', '&')}")
    assert is_cached(f"{CALC}?{shared.replace('&amp;', '&')}")


@pytest.mark.parametrize(
    ("offer", "message"),
    [("lots", "Write an amount in dollars a year, such as $150,000 or 150k."),
     ("0", "Write a yearly amount above zero and no more than $10,000,000."),
     ("9" * 25, "at most 20 characters")],
)  # fmt: skip
def test_a_wrong_offer_gets_a_message_beside_the_field(client, content, offer, message):
    response = client.get(CALC, {"offer": offer})
    assert response.status_code == 400
    assert message in page_text(response)
    assert 'id="id_offer" value=' in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()


def test_role_without_an_occupation_falls_back_visibly(client, content, calculator_release):
    Role.objects.filter(slug="backend-developer").update(occupation_code="")
    text = result_of(client.get(CALC, SENIOR_SAN_JOSE), "Backend Developer")
    assert (
        "Backend Developer is not linked to a BLS occupation, so BLS's figures do not apply. "
        "The estimate uses the source's figure for Bay Area instead." in text
    )
    assert "$155,000 × 1.3 = $201,500" in text
    # A place no editor's factor names changes nothing, and says so.
    text = result_of(client.get(CALC, {"location": "texas"}), "Backend Developer")
    assert "Texas: Backend Developer is not linked to a BLS occupation" in text
    assert "This step changes nothing." in text
    assert "Base salary about $85,000" in text
    assert "falls among the wages BLS publishes" not in text  # nothing to place it among


def test_a_top_coded_median_gives_no_ratio(client, content, calculator_release):
    """BLS publishes only a bound for a median above $239,200: no ratio from it
    (not a real figure: the test top-codes San Jose's software developers)."""
    Estimate.objects.filter(
        occupation__code="15-1252", area__slug=SAN_JOSE, industry__code="000000"
    ).update(annual_median=None, annual_median_note=5)
    response = client.get(CALC, SENIOR_SAN_JOSE)
    text = result_of(response, "Backend Developer")
    assert (
        "BLS publishes only that the median for software developers in the "
        "San Jose-Sunnyvale-Santa Clara, CA area is at least $239,200, so no ratio can be "
        "worked out from it. The estimate uses the source's figure for Bay Area instead." in text
    )
    # Data scientists' median there is published, so the place is still offered.
    assert "data scientists earn a median of $185,080" in result_of(response, "AI/ML Engineer")


def test_a_place_without_any_usable_median_is_not_offered(client, content, calculator_release):
    Estimate.objects.filter(
        occupation__code__in=["15-1252", "15-2051"], area__slug=SAN_JOSE
    ).update(annual_median=None, annual_median_note=8)
    body = client.get(CALC, {"location": "california"}).content.decode()
    assert options_of(body, "area") == []
    response = client.get(CALC, {"location": "california", "area": SAN_JOSE})
    assert "The area asked for is not one of the chosen state's" in page_text(response)


def test_without_a_live_release_only_the_sources_places_are_offered(client, content):
    body = client.get(CALC).content.decode()
    assert options_of(body, "location") == ["", "bay-area", "new-york-city"]
    assert "<optgroup" not in body
    response = client.get(CALC, {"location": "california"})
    assert response.status_code == 400
    assert "Choose a location option from the list." in page_text(response)


def test_an_editors_factor_names_only_places_and_industries(content):
    from django.core.exceptions import ValidationError

    factor = PayFactor.objects.get(slug="startup")
    factor.official_slugs = "california"
    with pytest.raises(ValidationError, match="Only a location or an industry"):
        factor.full_clean()
    factor = PayFactor.objects.get(slug="bay-area")
    factor.official_slugs = "San Jose!"
    with pytest.raises(ValidationError, match="separated by spaces"):
        factor.full_clean()


@pytest.mark.parametrize("release", ["calculator_release", "oews_states_release"])
@pytest.mark.parametrize("url", [CALC, ARTICLE_URL])
def test_query_budget_does_not_grow_with_places(client, content, request, release, url):
    request.getfixturevalue(release)
    forget_state()
    with CaptureQueriesContext(connection) as fragment:
        response = client.get(url, {"location": "california"}, **HTMX)
    assert response.status_code == 200
    # The article is also kept under the live release, which it reads itself.
    budget = QUERY_BUDGET + (url == ARTICLE_URL)
    assert len(fragment) <= budget, [q["sql"][:80] for q in fragment.captured_queries]


def test_article_query_budget_with_places(
    client, content, calculator_release, django_assert_max_num_queries
):
    from tests.helpers import ARTICLE_QUERY_BUDGET

    with django_assert_max_num_queries(ARTICLE_QUERY_BUDGET):
        assert client.get(ARTICLE_URL, SENIOR_SAN_JOSE).status_code == 200


def test_calculator_page_query_budget(
    client, content, calculator_release, django_assert_max_num_queries
):
    forget_state()
    with django_assert_max_num_queries(QUERY_BUDGET + 1):  # and the sources list
        assert client.get(CALC, SENIOR_SAN_JOSE).status_code == 200


def test_a_new_release_changes_the_calculators_pages(client, content, calculator_release, tmp_path):
    from tests.helpers import import_oews
    from tests.oews import write_next_release

    first = client.get(CALC, {"location": "california"})
    assert "against $135,980 a year nationally" in page_text(first)
    import_oews(write_next_release(tmp_path / "next"))
    forget_state()
    again = client.get(CALC, {"location": "california"})
    text = page_text(again)
    assert "against $142,000 a year nationally" in text
    assert "BLS OEWS, May 2026" in text


def test_methodology_explains_the_method(client, content):
    text = page_text(client.get("/methodology/"))
    for part in (
        "It starts from the middle of the role's salary band",
        "by 1 + the middle of its percentage range",
        "by the occupation's median pay there divided by its national median",
        "the estimate × the band's bottom ÷ the band's middle",
        "Every step's result is rounded to the cent",
        "the step shows both and uses BLS's",
    ):
        assert part in text


# In a real browser ------------------------------------------------------------------------------


def result_text(page) -> str:
    return " ".join(page.text_content("#calc-result").split())


@pytest.mark.browser
def test_in_a_browser_htmx_offers_the_states_areas_in_place(page, calculator_site):
    expect = pytest.importorskip("playwright.sync_api").expect
    page.goto(f"{calculator_site}/calculator/?level=senior")
    page.wait_for_load_state("networkidle")
    page.evaluate("window.notReloaded = true")
    assert not page.locator("#id_area").count()
    page.focus("#id_location")
    page.select_option("#id_location", "california")
    result = page.locator("#calc-result")
    expect(result).to_contain_text("California: software developers earn a median")
    expect(page.locator("#id_area")).to_be_visible()
    # The swapped location field keeps the keyboard where it was.
    assert page.evaluate("document.activeElement.id") == "id_location"
    page.select_option("#id_area", SAN_JOSE)
    expect(result).to_contain_text("$155,000 × 213,110 ÷ 135,980 = $242,918.44")
    expect(page).to_have_url(re.compile(rf"location=california&area={SAN_JOSE}"))
    assert page.evaluate("window.notReloaded") is True
    # Another state: the area left over is set aside, and history gets the clean address.
    page.select_option("#id_location", "texas")
    expect(result).to_contain_text("Texas: software developers earn a median of $132,150")
    expect(page).to_have_url(re.compile(r"location=texas&area=&"))
    assert page.problems.all() == []


@pytest.mark.browser
def test_without_javascript_a_state_then_its_area(open_page, calculator_site):
    page = open_page(java_script_enabled=False)
    page.goto(f"{calculator_site}/calculator/?level=senior")
    assert not page.locator("#id_area").count()
    page.select_option("#id_location", "california")
    with page.expect_navigation():
        page.click("#calculator button[type=submit]")
    page.select_option("#id_area", SAN_JOSE)
    with page.expect_navigation():
        page.click("#calculator button[type=submit]")
    assert "$155,000 × 213,110 ÷ 135,980 = $242,918.44" in result_text(page)
    assert page.problems.all() == []


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_and_a_phone_with_the_official_steps_open(open_page, calculator_site, scheme):
    from axe_playwright_python.sync_playwright import Axe

    from tests.browser import AXE_OPTIONS, CLIPPED_CELLS, OVERFLOWING, SMALL_TARGETS, TARGETS

    query = urlencode({**SENIOR_SAN_JOSE, "industry": "sector-52-finance-and-insurance"})
    for width in (1280, 360):
        page = open_page(viewport={"width": width, "height": 800}, color_scheme=scheme)
        for path in (f"{CALC}?{query}", f"{ARTICLE_URL}?{query}"):
            page.goto(calculator_site + path)
            for toggle in page.locator(".breakdown summary").all():
                toggle.click()
            results = Axe().run(page, options=AXE_OPTIONS)
            assert results.violations_count == 0, results.generate_report()
            assert page.evaluate("document.documentElement.scrollWidth") <= width
            assert page.evaluate(OVERFLOWING) == [], (width, path)
            assert page.evaluate(CLIPPED_CELLS) == [], (width, path)
            if width == 360:
                assert page.evaluate(SMALL_TARGETS, TARGETS) == [], path
        assert page.problems.all() == []


def test_a_sectors_naics_prefixes():
    from officialstats.queries.medians import IndustryRef

    def prefixes(code: str) -> tuple[str, ...]:
        return IndustryRef(code, "", "", 2).sector_prefixes

    assert prefixes("52--53") == ("52",)
    assert prefixes("31--34") == ("31", "32", "33")
    assert prefixes("99-100") == ("99",)
    assert prefixes("999101") == ()
