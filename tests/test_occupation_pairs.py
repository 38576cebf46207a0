"""Any two occupations compared (issue 12, point 7): the pure differences,
the pair's page and its one address, the chooser, the editors' write-ups
(noindex until written, then in the sitemap and listed), and budgets.

The small release of ``tests/oews.py`` holds real May 2025 national figures
of software developers, data scientists and QA analysts and testers; web
developers and database occupations are not in it, so those write-ups have
no page there and are left out of lists and the sitemap.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError

from comparisons.models import OccupationComparison
from officialstats.figures import Datatype, Figure, State
from officialstats.pair_chart import pair_chart
from officialstats.pairs import lead, pair_rows, statement, times
from tests import oews_sample_data as sample
from tests.helpers import import_oews, page_text, sitemap_paths
from tests.oews import write_release

SD_DS = "/occupations/compare/data-scientists-vs-software-developers/"
REVERSED = "/occupations/compare/software-developers-vs-data-scientists/"
SD_QA = (
    "/occupations/compare/software-developers-vs-software-quality-assurance-analysts-and-testers/"
)
# Not written up: noindex.
ACTORS_SD = "/occupations/compare/actors-vs-software-developers/"
CHOOSER = "/occupations/compare/"

P50 = Datatype.ANNUAL_MEDIAN


def published(value: str, datatype: Datatype = P50) -> Figure:
    return Figure(datatype, State.PUBLISHED, D(value))


def top_coded(datatype: Datatype = P50) -> Figure:
    return Figure(datatype, State.TOP_CODED, bound=D("239200"))


# Pure: who is ahead and by how much --------------------------------------------------


def test_two_published_figures_give_an_exact_difference_of_the_lower():
    found = lead(published("135980"), published("120230"))
    assert found.leader == 0
    assert found.difference.amount == D("15750.00")
    assert found.difference.amount_text(signed=False) == "$15,750"
    assert found.difference.percent_text(signed=False) == "13%"
    assert lead(published("120230"), published("135980")).leader == 1


def test_equal_figures_lead_nowhere():
    found = lead(published("100000"), published("100000"))
    assert found.equal and found.difference.amount == 0


def test_a_top_coded_wage_above_a_published_one_leads_by_at_least():
    found = lead(top_coded(), published("200000"))
    assert found.leader == 0 and found.difference.at_least
    assert found.difference.amount_text(signed=False) == "at least $39,200"
    assert lead(published("200000"), top_coded()).leader == 1


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (top_coded(), top_coded()),  # two bounds: either may be higher
        (top_coded(), published("250000")),  # a bound below the other figure
        (Figure(P50, State.NOT_RELEASED), published("100000")),
        (published("100000"), Figure(P50, State.ONE_UNIT_ONLY)),
    ],
)
def test_no_difference_is_guessed(first, second):
    assert lead(first, second) is None


def test_employment_differences_are_exact_and_in_jobs():
    first = {d: Figure(d, State.NOT_RELEASED) for d in Datatype}
    second = dict(first)
    first[Datatype.EMPLOYMENT] = Figure(Datatype.EMPLOYMENT, State.PUBLISHED, 1687890)
    second[Datatype.EMPLOYMENT] = Figure(Datatype.EMPLOYMENT, State.PUBLISHED, 262440)
    rows = pair_rows(first, second, hourly=False)
    assert [row.key for row in rows] == ["employment", "p10", "p25", "p50", "p75", "p90", "mean"]
    jobs = rows[0]
    # The table and the sentence say the share the same way.
    assert jobs.cell(("A", "B")) == "A: 1,425,450 more jobs (6.4 times as many)"
    assert statement(jobs, ("A", "B"), hourly=False) == (
        "A hold 1,425,450 more jobs than B nationwide: 6.4 times as many."
    )
    assert times(jobs.lead.difference) == "6.4"
    assert rows[3].cell(("A", "B")) == "not worked out"
    assert "cannot be worked out" in statement(rows[3], ("A", "B"), hourly=False)


def test_the_chart_draws_both_spreads_on_one_axis_and_says_every_figure():
    first = [(p, published(v)) for p, v in zip((10, 25, 50, 75, 90), (1, 2, 3, 4, 5), strict=True)]
    second = [
        (p, published(str(v * 2)))
        for p, v in zip((10, 25, 50, 75, 90), (1, 2, 3, 4, 5), strict=True)
    ]
    second[4] = (90, top_coded())
    chart = pair_chart(first, second, hourly=False, names=("A", "B"))
    assert len(chart.groups) == 5
    widths = [(g.bars[0].width, g.bars[1].width) for g in chart.groups]
    assert all(b >= a for a, b in widths[:4])
    assert chart.groups[4].bars[1].open_ended and chart.groups[4].bars[1].label.startswith(
        "at least"
    )
    assert "90th: A $5, B at least $239,200" in chart.description
    assert (
        pair_chart(
            [(10, Figure(P50, State.NOT_RELEASED))],
            [(10, Figure(P50, State.NOT_RELEASED))],
            hourly=False,
            names=("A", "B"),
        )
        is None
    )


# The editors' model ------------------------------------------------------------------


def test_prose_may_not_carry_figures_and_codes_must_differ(db):
    write_up = OccupationComparison(
        code_a="15-1252",
        code_b="15-1252",
        title="T",
        summary="Developers earn $120k.",
        introduction="About 15% more.",
        is_published=True,
    )
    with pytest.raises(ValidationError) as error:
        write_up.full_clean()
    assert set(error.value.message_dict) >= {"code_b", "summary", "introduction", "published_on"}


def test_the_fixtures_write_up_four_pairs_without_a_figure(content):
    write_ups = OccupationComparison.objects.published()
    assert {w.codes for w in write_ups} == {
        ("15-1252", "15-2051"),
        ("15-1254", "15-1252"),
        ("15-1252", "15-1253"),
        ("15-1242", "15-1243"),
    }
    for write_up in write_ups:
        write_up.full_clean()
        prose = " ".join([write_up.summary, write_up.introduction, write_up.pay_text])
        assert not re.search(r"\d", prose)


# The page -----------------------------------------------------------------------------


def test_a_written_pair_shows_both_spreads_the_differences_and_the_editors_text(
    client, content, oews_release
):
    response = client.get(SD_DS)
    assert response.status_code == 200
    text = page_text(response)
    body = response.content.decode()
    assert "Software developers vs data scientists" in text
    # As the editor's title names them: software developers first.
    assert text.index("Upper bar of each pair: Software Developers") > 0
    assert "Median $135,980 $120,230 Software Developers: $15,750 more (13%)" in text
    assert (
        "Employment 1,687,890 262,440 Software Developers: 1,425,450 more jobs (6.4 times as many)"
        in text
    )
    assert "At the median, Software Developers are paid $15,750 a year more than Data " in text
    assert "Mean $148,100 $126,800 Software Developers: $21,300 more (17%)" in text
    assert body.count('role="img"') == 1 and 'class="series-1"' in body
    assert "Source: BLS OEWS, May 2025" in text
    assert 'href="/methodology/#official-heading"' in body
    assert "15 May 2026" in text  # the release's publication
    assert "Data scientists collect, model and analyse data" in text
    assert 'name="robots"' not in body and "X-Robots-Tag" not in response
    assert 'rel="canonical" href="http://testserver' + SD_DS + '"' in body
    assert '"@type": "Article"' in body and '"@type": "BreadcrumbList"' in body


def test_any_other_pair_is_compiled_from_the_figures_and_noindex(client, content, oews_release):
    response = client.get(ACTORS_SD)
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex"
    assert 'content="noindex' in response.content.decode()
    text = page_text(response)
    assert "No editor has written about this pair yet" in text
    # Actors are paid by the hour only: both are compared by the hour.
    assert "wages an hour" in text and "Actors hourly only" in text
    # From double on, the share reads as a ratio: 65.38 / 29.05 = 2.25.
    assert "Median $29.05 $65.38 Software Developers: $36.33 more (2.3 times as much)" in text


def test_the_reversed_order_redirects_permanently_to_the_one_address(client, content, oews_release):
    response = client.get(REVERSED)
    assert (response.status_code, response["Location"]) == (301, SD_DS)


@pytest.mark.parametrize(
    "path",
    [
        "/occupations/compare/no-such-job-vs-software-developers/",
        "/occupations/compare/software-developers-vs-software-developers/",
        "/occupations/compare/software-developers/",
        # A group is not a detailed occupation.
        "/occupations/compare/computer-occupations-vs-software-developers/",
    ],
)
def test_unknown_or_odd_pairs_are_not_found(client, content, oews_release, path):
    assert client.get(path).status_code == 404


def test_a_top_coded_wage_gives_at_least_never_a_number(client, content, tmp_path):
    odd = {
        "OEUN0000000000000111011": "204350 3.1 129.63 269630 1.9 36.39 62.28 102.88 -5 -5 "
        "75700 129540 213990 -5 -5 . .",
    }
    import_oews(write_release(tmp_path / "odd", series={**sample.SERIES, **odd}))
    text = page_text(client.get("/occupations/compare/chief-executives-vs-software-developers/"))
    assert (
        "90th percentile at least $239,200 $214,670 Chief Executives: at least $24,530 more" in text
    )
    assert (
        "75th percentile at least $239,200 $171,980 Chief Executives: at least $67,220 more" in text
    )


# Write-ups: drafts, the sitemap and where readers find them ------------------------------


def test_a_draft_write_up_leaves_the_pair_noindex_and_hidden(client, content, oews_release):
    write_up = OccupationComparison.objects.get(code_b="15-2051")
    write_up.is_published = False
    write_up.save()
    response = client.get(SD_DS)
    assert response["X-Robots-Tag"] == "noindex"
    assert "Data scientists collect" not in response.content.decode()
    assert SD_DS not in sitemap_paths(client)


def test_the_sitemap_lists_written_pairs_the_release_has_dated_by_the_later_change(
    client, content, oews_release
):
    paths = sitemap_paths(client)
    assert SD_DS in paths and SD_QA in paths
    assert ACTORS_SD not in paths
    pairs = [path for path in paths if path.startswith("/occupations/compare/")]
    assert sorted(pairs) == sorted([CHOOSER, SD_DS, SD_QA])
    body = client.get("/sitemap-occupation-comparisons.xml").content.decode()
    assert f"<loc>http://testserver{SD_DS}</loc><lastmod>2026-12-02</lastmod>" in body
    write_up = OccupationComparison.objects.get(code_b="15-2051")
    write_up.published_on, write_up.updated_on = datetime.date(2026, 1, 1), None
    write_up.save()
    body = client.get("/sitemap-occupation-comparisons.xml").content.decode()
    assert f"<loc>http://testserver{SD_DS}</loc><lastmod>2026-05-15</lastmod>" in body


def test_written_pairs_are_listed_on_the_comparisons_index_and_both_occupations(
    client, content, oews_release
):
    index = client.get("/compare/").content.decode()
    assert f'href="{SD_DS}"' in index and f'href="{SD_QA}"' in index
    occupation = client.get("/occupations/data-scientists/").content.decode()
    assert 'data-hx-get="/occupations/compare/?a=data-scientists"' in occupation
    assert 'href="/occupations/compare/?a=data-scientists"' in occupation
    written = client.get("/occupations/compare/?a=data-scientists", HTTP_HX_REQUEST="true")
    body = written.content.decode()
    assert "<html" not in body and f'href="{SD_DS}"' in body and SD_QA not in body
    assert 'href="/occupations/compare/?a=data-scientists"' in body
    # A group's page offers no pair.
    assert "?a=" not in client.get("/occupations/computer-occupations/").content.decode()


def test_the_chooser_redirects_to_the_pair_and_works_without_javascript(
    client, content, oews_release
):
    page = client.get(CHOOSER)
    body = page.content.decode()
    assert page.status_code == 200 and "noindex" not in body
    # One list of suggestions, shared by both fields: detailed occupations only.
    assert body.count('<option value="Software Developers">') == 1
    assert body.count('list="occupation-titles"') == 2
    assert "Computer Occupations" not in body
    by_title = client.get(CHOOSER, {"a": "software developers ", "b": "Data Scientists"})
    assert (by_title.status_code, by_title["Location"]) == (302, SD_DS)
    by_slug = client.get(CHOOSER, {"a": "software-developers", "b": "data-scientists"})
    assert by_slug["Location"] == SD_DS
    same = client.get(CHOOSER, {"a": "software-developers", "b": "Software Developers"})
    assert same.status_code == 200 and "Choose two different occupations" in page_text(same)
    assert same["X-Robots-Tag"] == "noindex"
    unknown = page_text(client.get(CHOOSER, {"a": "software-developers", "b": "astronaut"}))
    assert "“astronaut” is not an occupation we can compare" in unknown
    preset = client.get(CHOOSER, {"a": "software-developers"}).content.decode()
    assert 'id="pair-a" name="a" list="occupation-titles" value="Software Developers"' in preset


# Budgets -----------------------------------------------------------------------------------


# The pair: its two occupations and the write-up; the chooser: every
# occupation, and the write-ups with their occupations. Neither grows.
@pytest.mark.parametrize(("path", "budget"), [(SD_DS, 4), (ACTORS_SD, 4), (CHOOSER, 5)])
def test_the_query_count_is_fixed(
    client, content, oews_release, path, budget, django_assert_max_num_queries
):
    client.get("/")  # the content version and the live release, read once
    with django_assert_max_num_queries(budget):
        assert client.get(path + "?nocache=1").status_code == 200


# In a real browser --------------------------------------------------------------------------


@pytest.fixture
def pairs_site(site, tmp_path):
    """The live server with the content and the small release."""
    from tests.helpers import import_oews
    from tests.oews import write_release

    import_oews(write_release(tmp_path / "oews"))
    return site


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_and_a_phone_sees_every_cell(open_page, pairs_site, scheme):
    from axe_playwright_python.sync_playwright import Axe

    from tests.browser import AXE_OPTIONS, CLIPPED_CELLS, OVERFLOWING, SMALL_TARGETS, TARGETS

    for width in (1280, 360):
        page = open_page(viewport={"width": width, "height": 800}, color_scheme=scheme)
        for path in (SD_QA, ACTORS_SD, CHOOSER, f"{CHOOSER}?a=software-developers"):
            page.goto(pairs_site + path)
            results = Axe().run(page, options=AXE_OPTIONS)
            assert results.violations_count == 0, results.generate_report()
            assert page.evaluate(OVERFLOWING) == [], (width, path)
            assert page.evaluate(CLIPPED_CELLS) == [], (width, path)
            if width == 360:
                assert page.evaluate(SMALL_TARGETS, TARGETS) == [], path
        assert page.problems.all() == []


@pytest.mark.browser
def test_an_occupation_page_loads_its_write_ups_with_htmx(page, pairs_site):
    expect = pytest.importorskip("playwright.sync_api").expect
    page.goto(f"{pairs_site}/occupations/software-quality-assurance-analysts-and-testers/")
    written = page.locator("#written")
    expect(written).to_contain_text("Written comparisons of Software Quality Assurance")
    expect(
        written.get_by_role("link", name=re.compile("Software developers vs software"))
    ).to_have_attribute("href", SD_QA)
    assert page.problems.all() == []


def test_the_query_counts_do_not_grow_with_the_catalogue(
    client, content, tmp_path, django_assert_max_num_queries
):
    """200 more occupations in the release and 40 more write-ups: the same budgets."""
    paths = [SD_DS, CHOOSER, "/compare/", "/sitemap-occupation-comparisons.xml"]

    def counts() -> dict[str, int]:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        found = {}
        for path in paths:
            client.get("/")
            with CaptureQueriesContext(connection) as captured:
                assert client.get(path, {"n": "1"}).status_code == 200  # never cached
            found[path] = len(captured)
        return found

    import_oews(write_release(tmp_path / "small"))
    small = counts()
    extra = [(f"43{index:04d}", f"Occupation number {index}", 3) for index in range(1000, 1200)]
    series = {
        f"OEUN0000000000000{code}": f"{index} 1.0 30.00 62400 1.0 15.00 20.00 30.00 40.00 "
        "50.00 31200 41600 62400 83200 104000 . ."
        for index, (code, _, _) in enumerate(extra, start=1000)
    }
    from core import state
    from officialstats.publishing import publish

    larger = write_release(
        tmp_path / "larger",
        release=("2026A01", "May 2026"),
        occupations=[*sample.OCCUPATIONS, *extra],
        series={**sample.SERIES, **series},
    )
    publish(import_oews(larger, publish=False))
    state.forget()
    OccupationComparison.objects.bulk_create(
        OccupationComparison(
            code_a=f"43-{index}",
            code_b=f"43-{index + 1}",
            title=f"Pair {index}",
            summary="A pair.",
            introduction="Words.",
            is_published=True,
            published_on=datetime.date(2026, 12, 1),
        )
        for index in range(1000, 1080, 2)
    )
    from comparisons.changes import content_changed

    content_changed()
    assert counts() == small


def test_staff_preview_a_draft_write_up_and_the_admin_links_there(
    content, oews_release, editor_client
):
    from django.test import Client

    write_up = OccupationComparison.objects.get(code_b="15-2051")
    write_up.is_published = False
    write_up.save()
    preview = SD_DS + "preview/"
    assert Client().get(preview).status_code == 302  # to the login
    response = editor_client.get(preview)
    assert response.status_code == 200 and response["X-Robots-Tag"] == "noindex"
    assert "This draft write-up is not public" in page_text(response)
    assert "Data scientists collect, model and analyse data" in page_text(response)
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    change = editor_client.get(f"/admin/comparisons/occupationcomparison/{write_up.pk}/change/")
    assert change.status_code == 200
    assert f'href="{preview}"' in change.content.decode()
    assert editor_client.get(REVERSED + "preview/").status_code == 404


def test_the_comparisons_index_is_dated_by_its_newest_write_up_too(client, content, oews_release):
    from tests.helpers import lastmods

    write_up = OccupationComparison.objects.get(code_b="15-2051")
    write_up.updated_on = datetime.date(2027, 1, 5)
    write_up.save()
    assert lastmods(client)["/compare/"] == "2027-01-05"
