"""Compare places: one occupation in two to four states or areas, side by side.

Which places are compared and in what order (the differences are the site's
one rule: test_differences.py), the page with and without htmx, its canonical
address and cache, messages for what is left out, its query budget, and
the same in a real browser, with JavaScript and without.
"""

from __future__ import annotations

import re

import pytest

from officialstats.compare import MAX_READ, Place, choose, compare_rows, query_string
from officialstats.figures import Datatype, figure
from tests.helpers import annual, is_cached, page_text

BASE = "/occupations/software-developers/places/"
CANONICAL = f"{BASE}?p=california&p=texas&p=austin-round-rock-san-marcos-tx"


# Which places, in what order: pure -----------------------------------------------------------


def place(slug: str, name: str, kind: str = "state", estimated: bool = True) -> Place:
    return Place(slug, name, kind, "48", "Texas" if kind != "state" else name, estimated)


PLACES = {
    p.slug: p
    for p in (
        place("united-states", "United States", "national"),
        place("california", "California"),
        place("texas", "Texas"),
        place("wyoming", "Wyoming", estimated=False),
        place("austin", "Austin", "metro"),
        place("hill-country", "Hill Country", "nonmetro"),
        place("alaska", "Alaska"),
        place("utah", "Utah"),
    )
}


def chosen(requested: list[str]):
    return choose(requested, PLACES, occupation="Software Developers", release="May 2025")


def test_places_are_put_in_one_canonical_order():
    choice = chosen(["hill-country", "austin", "texas", "california"])
    assert choice.slugs == ["california", "texas", "austin", "hill-country"]
    assert not choice.canonical and choice.messages == []
    assert chosen(choice.slugs).canonical
    assert query_string(choice.slugs) == "?p=california&p=texas&p=austin&p=hill-country"
    assert query_string([]) == ""
    assert not chosen([" Texas "]).canonical and chosen([" Texas "]).slugs == ["texas"]
    assert not chosen(["", "texas"]).canonical  # an empty choice is dropped from the address


def test_what_is_left_out_is_said_in_words():
    choice = chosen(["texas", "texas", "nowhere", "wyoming", "united-states"])
    assert choice.slugs == ["texas"] and not choice.canonical
    assert choice.messages == [
        "“nowhere” is not a place in BLS's May 2025 figures, so left out.",
        "Texas: asked for more than once, shown once.",
        "BLS publishes no estimate for Software Developers in Wyoming, so left out.",
        "The United States is always shown, for reference, beside the places.",
    ]
    five = chosen(["alaska", "california", "texas", "austin", "utah", "hill-country"])
    assert five.slugs == ["alaska", "california", "texas", "austin"]
    assert five.messages == [
        "At most 4 places fit side by side: Utah and Hill Country left out. "
        "Remove one to add another."
    ]
    many = chosen(["texas"] * (MAX_READ + 5))
    assert many.messages[0].startswith(f"Only the first {MAX_READ} places asked for were read")


def test_rows_set_each_place_beside_the_nation_with_its_difference():
    nation = {d: annual("100", datatype=d) for d in Datatype}
    nation[Datatype.LOCATION_QUOTIENT] = figure(Datatype.LOCATION_QUOTIENT, None, None)
    one = {d: annual("110", datatype=d) for d in Datatype}
    two = {d: annual("90", datatype=d) for d in Datatype}
    rows = {row.label: row for row in compare_rows([("A", one), ("B", two)], nation, hourly=False)}
    # Pay first, what readers come to compare; then jobs.
    assert list(rows) == [
        "Median", "10th percentile", "25th percentile", "75th percentile", "90th percentile",
        "Mean", "Jobs", "Jobs per 1,000 jobs", "Location quotient",
    ]  # fmt: skip
    median = rows["Median"]
    assert [cell.versus_nation.short for cell in median.cells] == ["+10%", "−10%"]
    assert median.gap.highest == ("A",) and median.gap.difference.amount == 20
    assert rows["Jobs"].gap is None and rows["Jobs"].cells[0].versus_nation is None
    hourly = compare_rows([("A", one)], nation, hourly=True)
    assert hourly[0].cells[0].figure.datatype is Datatype.HOURLY_MEDIAN


# The page ---------------------------------------------------------------------------------------


def test_places_side_by_side_with_the_differences_worked_out(client, oews_release):
    response = client.get(CANONICAL)
    assert response.status_code == 200
    text = page_text(response)
    assert "California, Texas and Austin-Round Rock-San Marcos, TX" in text
    assert (
        "Median $174,410 +28% vs US $132,150 −3% vs US $134,120 −1% vs US $135,980 "
        "$42,260 (32%) California over Texas"
    ) in text
    assert "Jobs 284,390 163,880 31,960 1,687,890" in text
    assert text.index("Median $174,410") < text.index("Mean ") < text.index("Jobs 284,390")
    assert "Location quotient 1.44 1.07 2.28 not applicable" in text
    assert "10th percentile $105,060 +27% vs US $82,600 +0.2% vs US" in text
    assert "Source: BLS OEWS, May 2025" in text
    body = response.content.decode()
    assert '<meta name="robots" content="noindex">' in body
    assert response["X-Robots-Tag"] == "noindex"
    assert f'<link rel="canonical" href="http://testserver{CANONICAL.replace("&", "&amp;")}">' in (
        body
    )
    assert is_cached(CANONICAL)


def test_another_order_is_redirected_to_the_one_address(client, oews_release):
    response = client.get(f"{BASE}?p=austin-round-rock-san-marcos-tx&p=texas&p=california")
    assert response.status_code == 302 and response["Location"] == CANONICAL
    junk = client.get(f"{CANONICAL}&utm_source=x")
    assert junk.status_code == 302 and junk["Location"] == CANONICAL
    assert client.get(f"{BASE}?p=").status_code == 302


def test_a_choice_with_a_problem_is_answered_with_messages_and_not_cached(client, oews_release):
    path = f"{BASE}?p=texas&p=texas&p=atlantis"
    response = client.get(path)
    assert response.status_code == 200
    text = page_text(response)
    assert "Texas: asked for more than once, shown once." in text
    assert "“atlantis” is not a place in BLS's May 2025 figures, so left out." in text
    assert 'role="alert"' in response.content.decode()
    assert f'href="http://testserver{BASE}?p=texas"' in response.content.decode()  # canonical
    assert not is_cached(path)
    nation = page_text(client.get(f"{BASE}?p=united-states&p=texas"))
    assert "The United States is always shown, for reference" in nation


def test_with_htmx_only_the_comparison_is_sent_and_its_address_pushed(client, oews_release):
    response = client.get(
        f"{BASE}?p=california&p=texas&p=austin-round-rock-san-marcos-tx", HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "<html" not in body and '<table class="compare-table">' in body
    assert response["HX-Push-Url"] == CANONICAL
    assert "HX-Request" in response["Vary"]
    assert 'data-hx-swap-oob="true"' in body and "Comparing Software Developers in" in body
    # The form adds to the places in the address's order; the server puts them in order.
    reordered = client.get(
        f"{BASE}?p=texas&p=california&p=austin-round-rock-san-marcos-tx", HTTP_HX_REQUEST="true"
    )
    assert reordered.status_code == 200 and reordered["HX-Push-Url"] == CANONICAL
    assert is_cached(CANONICAL, HTTP_HX_REQUEST="true")
    assert not is_cached(f"{BASE}?p=texas&p=california&p=austin-round-rock-san-marcos-tx")


def test_the_form_adds_a_place_and_links_remove_one_without_javascript(client, oews_release):
    body = client.get(f"{BASE}?p=california&p=texas").content.decode()
    form = body[body.index('<form class="add-place"') : body.index("</form>")]
    assert f'action="{BASE}"' in form and f'data-hx-get="{BASE}"' in form
    assert 'data-hx-push-url="true"' in form and 'data-hx-target="#comparison"' in form
    hidden = re.findall(r'<input type="hidden" name="p" value="([^"]+)">', form)
    assert hidden == ["california", "texas"]
    options = re.findall(r'<option value="([^"]*)">', form)
    assert options == ["", "austin-round-rock-san-marcos-tx", "hill-country-region-of-texas-"
                       "nonmetropolitan-area"]  # fmt: skip
    assert '<optgroup label="Texas">' in form
    removals = re.findall(r'<a class="remove" href="([^"]+)" data-hx-get="([^"]+)"', body)
    assert removals == [(f"{BASE}?p=texas",) * 2, (f"{BASE}?p=california",) * 2]
    # Submitting the form: the two places, then the one chosen.
    added = client.get(f"{BASE}?p=california&p=texas&p=austin-round-rock-san-marcos-tx")
    assert added.status_code == 200  # already the canonical order here
    full = client.get(
        f"{BASE}?p=california&p=texas&p=austin-round-rock-san-marcos-tx"
        "&p=hill-country-region-of-texas-nonmetropolitan-area"
    ).content.decode()
    assert "<select" not in full and "4 places is the most that fit side by side" in full


def test_with_no_place_or_one_the_page_asks_for_more(client, oews_release):
    text = page_text(client.get(BASE))
    assert "Choose places" in text and "Add two to 4 states or areas." in text
    one = page_text(client.get(f"{BASE}?p=texas"))
    assert "Add at least one more place to compare." in one
    assert "Jobs 163,880 1,687,890" in one  # Texas beside the nation
    assert "Highest vs lowest" not in one


def test_the_occupation_page_links_to_a_comparison_of_its_two_biggest_states(client, oews_release):
    body = client.get("/occupations/software-developers/").content.decode()
    assert f'<a href="{BASE}?p=california&amp;p=texas" rel="nofollow">' in body


def test_hourly_only_and_top_coded_figures_compare_honestly(client, oews_states_release):
    actors = page_text(client.get("/occupations/actors/places/?p=california&p=texas"))
    assert "wages by the hour" in actors
    # California's wages were not released: no difference, and no gap with one figure.
    assert "Median not released $25.86 −11% vs US $29.05 not worked out" in actors
    anesthesiologists = page_text(
        client.get("/occupations/anesthesiologists/places/?p=alaska&p=texas")
    )
    # Alaska's median is top-coded; Texas's is $215,230.
    assert "Median at least $239,200 $215,230 −45% vs US $391,490" in anesthesiologists
    assert "at least $23,970 (at least 11%) Alaska over Texas" in anesthesiologists


@pytest.mark.parametrize(
    "path",
    [BASE, f"{BASE}?p=texas", f"{BASE}?p=california&p=texas", CANONICAL.replace("?", "?p=alaska&")],
)
def test_query_budget_is_fixed_whatever_the_places(
    client, oews_states_release, django_assert_num_queries, monkeypatch, path
):
    # The live release, the occupation with every area, the chosen places' estimates.
    with django_assert_num_queries(3):
        assert client.get(path).status_code == 200


def test_an_unknown_occupation_is_a_404(client, oews_release):
    assert client.get("/occupations/no-such-job/places/?p=texas").status_code == 404


def test_names_are_escaped_in_the_table_and_the_chooser():
    from officialstats.queries.compare import PlaceFigures
    from officialstats.templatetags.compareplaces import compare_table_rows, place_options

    hostile = Place("x", "<b>&co</b>", "metro", "48", "Te<x>as", True)
    assert "&lt;b&gt;&amp;co&lt;/b&gt;" in place_options([hostile])
    assert 'label="Te&lt;x&gt;as"' in place_options([hostile])
    nation = {d: annual("1", datatype=d) for d in Datatype}
    rows = compare_rows([(hostile.name, nation)], nation, hourly=False)
    html = compare_table_rows(rows, [PlaceFigures(hostile, nation)])
    assert 'data-label="&lt;b&gt;&amp;co&lt;/b&gt;"' in html and "<b>" not in html


# In a real browser ------------------------------------------------------------------------------

AUSTIN = "austin-round-rock-san-marcos-tx"


@pytest.fixture
def states_site(site, tmp_path):
    """The live server with the content and the release with every state."""
    from tests.helpers import import_oews
    from tests.oews_sample_states import write_states_release

    import_oews(write_states_release(tmp_path / "states"))
    return site


@pytest.mark.browser
def test_in_a_browser_htmx_adds_and_removes_a_place_in_place(page, states_site):
    expect = pytest.importorskip("playwright.sync_api").expect
    page.goto(f"{states_site}{BASE}?p=california&p=texas")
    page.evaluate("window.stayed = true")  # gone if the page were loaded again
    page.select_option("#add-place", AUSTIN)
    page.click(".add-place button")
    expect(page.locator("#compare-caption")).to_contain_text("Austin-Round Rock-San Marcos, TX")
    assert page.url == states_site + CANONICAL
    assert page.evaluate("window.stayed") is True
    expect(page.locator("#compare-status")).to_have_text(
        "Comparing Software Developers in California, Texas and Austin-Round Rock-San Marcos, "
        "TX and the United States."
    )
    assert page.title().startswith("Software Developers in California, Texas and Austin")
    page.get_by_role("link", name="Remove California").click()
    expect(page.locator("#compare-caption")).not_to_contain_text("California")
    assert page.url == f"{states_site}{BASE}?p=texas&p={AUSTIN}"
    assert page.evaluate("window.stayed") is True
    page.go_back()
    expect(page.locator("#compare-caption")).to_contain_text("California")
    assert page.problems.all() == []


@pytest.mark.browser
def test_without_javascript_the_form_and_the_links_do_the_same(open_page, states_site):
    expect = pytest.importorskip("playwright.sync_api").expect
    page = open_page(java_script_enabled=False)
    page.goto(f"{states_site}{BASE}?p=texas&p=california")  # redirected to the one order
    assert page.url == f"{states_site}{BASE}?p=california&p=texas"
    page.select_option("#add-place", AUSTIN)
    page.click(".add-place button")
    page.wait_for_load_state()
    assert page.url == states_site + CANONICAL
    expect(page.locator("#compare-caption")).to_contain_text("Austin-Round Rock-San Marcos, TX")
    page.get_by_role("link", name="Remove Texas").click()
    page.wait_for_load_state()
    assert page.url == f"{states_site}{BASE}?p=california&p={AUSTIN}"
    assert page.problems.all() == []


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_and_a_phone_sees_every_cell(open_page, states_site, scheme):
    from axe_playwright_python.sync_playwright import Axe

    from tests.browser import AXE_OPTIONS, CLIPPED_CELLS, OVERFLOWING, SMALL_TARGETS, TARGETS

    four = CANONICAL.replace("?", "?p=alaska&")
    for width in (1280, 360):
        page = open_page(viewport={"width": width, "height": 800}, color_scheme=scheme)
        for path in (four, f"{BASE}?p=texas&p=texas", BASE):
            page.goto(states_site + path)
            results = Axe().run(page, options=AXE_OPTIONS)
            assert results.violations_count == 0, results.generate_report()
            assert page.evaluate(OVERFLOWING) == [], (width, path)
            assert page.evaluate(CLIPPED_CELLS) == [], (width, path)
            if width == 360:
                assert page.evaluate(SMALL_TARGETS, TARGETS) == [], path
                for control in page.locator(".add-place select, .add-place button, .remove").all():
                    assert control.bounding_box()["height"] >= 43.5
        assert page.problems.all() == []


def test_places_link_to_the_occupations_own_page_for_them_where_the_site_has_one(monkeypatch):
    from django.urls import NoReverseMatch

    from officialstats.views import links

    def missing(*args, **kwargs):
        raise NoReverseMatch("no such pages")

    monkeypatch.setattr(links, "reverse", missing)
    assert links.place_links("software-developers", ["texas"]) == {}
    monkeypatch.setattr(links, "reverse", lambda name, args: "/occupations/{}/in/{}/".format(*args))
    assert links.place_links("software-developers", ["texas", "place-slugs-r-us"]) == {
        "texas": "/occupations/software-developers/in/texas/",
        "place-slugs-r-us": "/occupations/software-developers/in/place-slugs-r-us/",
    }
