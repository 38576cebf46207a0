"""Editorial roles meet official data: a role's linked occupation and its BLS
figures beside the editorial ones, the differences and why, on role pages,
articles, the methodology and downloads; editors' warnings; caching."""

from __future__ import annotations

import json
from decimal import Decimal as D

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test.utils import CaptureQueriesContext

from comparisons.derive import band_gap, pay_lead
from comparisons.models import Role
from comparisons.official import (
    RoleAverage,
    SourceFacts,
    against_official,
    band_position,
    band_span,
    directions_agree,
    gap_cell,
    gap_sentence,
    headline_versus_levels,
    medians_sentence,
    why_figures_differ,
)
from comparisons.official_checks import occupation_not_in_release, official_average_differs
from comparisons.salary import Range
from officialstats.figures import Datatype, Figure, State
from tests.admin_forms import ADMIN
from tests.helpers import acknowledge, import_oews, open_text, page_text

ARTICLE = "/compare/backend-developer-vs-ai-ml-engineer/"
BACKEND = "/roles/backend-developer/"
AI = "/roles/ai-ml-engineer/"


def annual(value, datatype=Datatype.ANNUAL_MEAN) -> Figure:
    return Figure(datatype, State.PUBLISHED, D(value))


TOP_CODED = Figure(Datatype.ANNUAL_MEDIAN, State.TOP_CODED, bound=D("239200"))
HOURLY_ONLY = Figure(Datatype.ANNUAL_MEAN, State.ONE_UNIT_ONLY)
NOT_RELEASED = Figure(Datatype.ANNUAL_MEDIAN, State.NOT_RELEASED)

# The seed's bands, lowest level first.
AI_BANDS = [
    ("Entry-level", Range(D(95000), D(130000))),
    ("Mid-career", Range(D(130000), D(170000))),
    ("Senior", Range(D(170000), D(250000), True)),
]
BACKEND_BANDS = [
    ("Entry-level", Range(D(75000), D(95000))),
    ("Mid-career", Range(D(95000), D(130000))),
    ("Senior", Range(D(130000), D(180000))),
]


# --- Pure: differences from official figures (the site's one rule) ---------------------


def test_an_average_below_the_bls_mean_is_a_signed_share_of_the_mean():
    gap = against_official(D("114528"), annual("148100"))
    assert gap.amount == D("-33572")
    assert gap.percent == D("-33572") / D("148100") * 100
    assert gap_cell(gap) == "\u2212$33,572 (\u221223%)"
    assert gap_sentence("mean", gap, "The average", "Software Developers") == (
        "The average is $33,572 (23%) less than the BLS mean wage for Software Developers "
        "($148,100)."
    )


def test_an_average_above_or_equal_to_the_official_figure():
    above = against_official(D("130000"), annual("120230", Datatype.ANNUAL_MEDIAN))
    assert above.amount == D("9770") and gap_cell(above) == "+$9,770 (+8%)"
    same = against_official(D("120230"), annual("120230", Datatype.ANNUAL_MEDIAN))
    assert gap_cell(same) == "same"
    assert gap_sentence("median", same, "It", "Data Scientists") == (
        "It equals the BLS median wage for Data Scientists, $120,230."
    )


def test_a_top_coded_figure_gives_only_a_lower_bound_of_the_shortfall():
    gap = against_official(D("114528"), TOP_CODED)
    assert gap.at_least and gap.amount == D("-124672")
    assert gap_cell(gap) == "at least \u2212$124,672 (at least \u221252%)"
    assert gap_sentence("median", gap, "It", "Surgeons") == (
        "It is at least $124,672 (at least 52%) less than the BLS median wage for Surgeons "
        "(at least $239,200)."
    )
    # An editorial figure at or above the bound: nothing can be worked out.
    above = against_official(D("250000"), TOP_CODED)
    assert not above.known and above.amount is None and gap_cell(above) == "not worked out"
    assert gap_sentence("median", above, "It", "Surgeons") == (
        "It is not set against the BLS median wage for Surgeons: BLS publishes only that the "
        "median is at least $239,200, which the editorial figure already reaches."
    )


@pytest.mark.parametrize(
    ("official", "why"),
    [
        (HOURLY_ONLY, "BLS publishes this occupation's wages by the hour only"),
        (NOT_RELEASED, "BLS did not release this figure"),
    ],
)
def test_hourly_only_and_unreleased_figures_are_never_compared(official, why):
    gap = against_official(D("100000"), official)
    assert not gap.known and gap.percent is None and gap_cell(gap) == "not worked out"
    assert why in gap_sentence("mean", gap, "It", "Actors")


def test_two_official_medians_side_by_side():
    sentence, lead = medians_sentence(
        ("Data Scientists", "Software Developers"), (annual("120230"), annual("135980"))
    )
    assert lead.leader == 1 and lead.difference.amount == D("15750")
    assert sentence == (
        "At the official medians, Software Developers earn $15,750 a year more than Data "
        "Scientists: 13% more."
    )


def test_a_top_coded_median_leads_only_as_a_bound_and_never_trails_knowably():
    ahead, lead = medians_sentence(
        ("Surgeons", "Software Developers"), (TOP_CODED, annual("135980"))
    )
    assert lead.difference.at_least and "earn at least $103,220 a year more" in ahead
    unknown, lead = medians_sentence(("Surgeons", "Chiefs"), (TOP_CODED, annual("250000")))
    assert lead is None and "does not settle how it compares with $250,000 for Chiefs" in unknown
    both, lead = medians_sentence(("Surgeons", "Anesthesiologists"), (TOP_CODED, TOP_CODED))
    assert lead is None and "both are at least $239,200" in both
    hourly, lead = medians_sentence(
        ("Actors", "Software Developers"), (HOURLY_ONLY, annual("135980"))
    )
    assert lead is None and "for Actors, BLS publishes" in hourly


def test_whether_the_source_and_the_official_medians_point_the_same_way():
    editorial = pay_lead("AI/ML Engineer", D("120082"), "Backend Developer", D("114528"))
    _, medians = medians_sentence(
        ("Software Developers", "Data Scientists"), (annual("135980"), annual("120230"))
    )
    assert directions_agree(editorial, medians, ("Backend Developer", "AI/ML Engineer")) == (
        "They point opposite ways: the source puts AI/ML Engineer ahead by 5% on average, "
        "while the official median of the occupation linked to Backend Developer is the "
        "higher one."
    )
    assert directions_agree(editorial, medians, ("AI/ML Engineer", "Backend Developer")) == (
        "Both put AI/ML Engineer ahead: the source by 5% on average, the official medians "
        "of the linked occupations by 13%."
    )


# --- Pure: why the headline gap and the gaps by level differ ----------------------------


def test_where_an_average_falls_among_a_role_s_bands():
    assert band_position(D("120082"), AI_BANDS) == (0, "inside its entry-level band")
    assert band_position(D("130000"), AI_BANDS) == (
        0,
        "inside its entry-level and mid-career bands",
    )
    assert band_position(D("90000"), AI_BANDS) == (None, "below its entry-level band")
    assert band_position(D("999999"), AI_BANDS)[0] == 2  # an open top holds everything above
    assert band_position(D("190000"), BACKEND_BANDS) == (None, "above its senior band")
    gapped = [("Entry-level", Range(D(1), D(10))), ("Senior", Range(D(20), D(30)))]
    assert band_position(D(15), gapped) == (None, "between its entry-level and senior bands")


def test_the_span_of_the_gaps_by_level_keeps_an_open_top():
    gaps = [
        band_gap("AI/ML Engineer", ai, "Backend Developer", backend)
        for (_, ai), (_, backend) in zip(AI_BANDS, BACKEND_BANDS, strict=True)
    ]
    low, high, open_ended = band_span(gaps)
    assert low == D(20000) / D(75000) * 100  # entry-level bottoms: 26.67%
    assert high == D(70000) / D(180000) * 100 and open_ended  # senior tops: 38.89%+


def test_the_seed_s_5_percent_headline_gap_and_27_to_39_percent_band_gaps_are_explained():
    lead = pay_lead("AI/ML Engineer", D("120082"), "Backend Developer", D("114528"))
    gaps = [
        band_gap("AI/ML Engineer", ai, "Backend Developer", backend)
        for (_, ai), (_, backend) in zip(AI_BANDS, BACKEND_BANDS, strict=True)
    ]
    sentences = headline_versus_levels(
        lead,
        gaps,
        (
            RoleAverage("Backend Developer", D("114528"), BACKEND_BANDS),
            RoleAverage("AI/ML Engineer", D("120082"), AI_BANDS),
        ),
    )
    assert sentences[0].startswith(
        "The headline averages show a 5% gap between the two roles; the bands, level by "
        "level, show 27%\u201339%+."
    )
    assert sentences[1] == (
        "Backend Developer's headline average ($114,528) sits inside its mid-career band. "
        "AI/ML Engineer's headline average ($120,082) sits inside its entry-level band."
    )
    assert sentences[2].startswith(
        "So the source's average for AI/ML Engineer sits at a lower level of its own bands "
        "than Backend Developer's does: that is how a headline gap comes out smaller"
    )
    assert sentences[-1].startswith("The source does not publish how many people")


def test_a_headline_gap_against_the_levels_direction_is_said():
    lead = pay_lead("A", D("160000"), "B", D("75000"))
    bands_a = [("Entry-level", Range(D(50000), D(60000))), ("Senior", Range(D(150000), D(170000)))]
    bands_b = [("Entry-level", Range(D(70000), D(80000))), ("Senior", Range(D(90000), D(110000)))]
    gaps = [band_gap("A", a, "B", b) for (_, a), (_, b) in zip(bands_a, bands_b, strict=True)]
    sentences = headline_versus_levels(
        lead, gaps, (RoleAverage("A", D(160000), bands_a), RoleAverage("B", D(75000), bands_b))
    )
    assert sentences[1].endswith("B's headline average ($75,000) sits inside its entry-level band.")
    assert any("pushes the headline gap beyond" in sentence for sentence in sentences)
    assert headline_versus_levels(lead, [], ()) == []


def test_the_explanation_claims_only_what_the_records_say_and_names_each_source_once():
    facts = SourceFacts("jobcopy.ai", "Salaries", "2025", "Average annual salary", False)
    sentences = why_figures_differ(
        [facts, facts], "May 2025", [("Software Developers", False), ("Data Scientists", True)]
    )
    assert sum("jobcopy.ai" in sentence for sentence in sentences) == 1
    assert "Our records hold no description of how it was gathered" in sentences[0]
    assert "they describe May 2025" in sentences[1]
    assert "Software Developers is wider than one job title" in sentences[2]
    assert "Data Scientists is not the role's own occupation" in sentences[3]
    linked = SourceFacts("jobcopy.ai", "Salaries", "2025", "Average annual salary", True)
    assert (
        "Its publication describes how it was gathered"
        in why_figures_differ([linked], "May 2025", [])[0]
    )


# --- Pure: editors' warnings ---------------------------------------------------------


def test_the_official_warning_fires_only_beyond_the_tolerance():
    mean = annual("100000")
    args = ("Backend Developer", D("80000"), "Software Developers", "15-1252", "May 2025", mean)
    assert official_average_differs(*args, D(20), subject="role:1") == []  # exactly 20%
    (warning,) = official_average_differs(*args, D("19.9"), subject="role:1")
    assert warning.key == "official_average:role:1:official"
    assert (
        "is $20,000 (20%) less than the BLS mean wage for Software Developers (SOC 15-1252, "
        "May 2025), $100,000, more than the 19.9% tolerance" in warning.message
    )
    (moved,) = official_average_differs(
        "Backend Developer", D("70000"), "x", "15-1252", "May 2025", mean, D(10), subject="role:1"
    )
    assert moved.key == warning.key and moved.fingerprint != warning.fingerprint
    assert official_average_differs(*args[:5], HOURLY_ONLY, D(0)) == []


def test_a_code_missing_from_the_release_is_its_own_warning():
    (warning,) = occupation_not_in_release("Backend", "15-9999", "May 2025", subject="role:1")
    assert warning.key == "occupation_missing:role:1:occupation"
    assert "SOC 15-9999" in warning.message and "(May 2025)" in warning.message


def test_the_tolerance_setting_fails_loudly_on_a_bad_value(monkeypatch):
    from careerguide.settings import env_number

    monkeypatch.setenv("CAREERGUIDE_OFFICIAL_TOLERANCE_PERCENT", "twenty")
    with pytest.raises(ImproperlyConfigured, match="CAREERGUIDE_OFFICIAL_TOLERANCE_PERCENT"):
        env_number("CAREERGUIDE_OFFICIAL_TOLERANCE_PERCENT", "20")
    monkeypatch.setenv("CAREERGUIDE_OFFICIAL_TOLERANCE_PERCENT", "-5")
    with pytest.raises(ImproperlyConfigured):
        env_number("CAREERGUIDE_OFFICIAL_TOLERANCE_PERCENT", "20")


# --- Pages ----------------------------------------------------------------------------


def link(slug: str, code: str) -> None:
    Role.objects.filter(slug=slug).update(occupation_code=code)


@pytest.fixture
def top_coded_release(db, tmp_path):
    """The small release with Software Developers' median and upper percentiles
    top-coded ("at least $239,200"), as BLS marks such wages (footnote 5)."""
    from tests import oews_sample_data as sample
    from tests.oews import write_release

    series = dict(sample.SERIES)
    key = "OEUN0000000000000151252"
    tokens = series[key].split()
    for index in (7, 8, 9, 12, 13, 14):  # hourly and annual median, 75th, 90th
        tokens[index] = "-5"
    series[key] = " ".join(tokens)
    return import_oews(write_release(tmp_path / "top-coded", series=series))


def test_a_role_page_shows_its_occupation_s_figures_beside_the_editorial_average(
    client, content, oews_release
):
    response = client.get(BACKEND)
    body, text = response.content.decode(), page_text(response)
    assert 'href="/occupations/software-developers/"' in body
    assert 'href="/methodology/#oews-reliability"' in body
    assert "belongs to the official occupation Software Developers (SOC 15-1252)" in text
    assert "Source: BLS OEWS, May 2025, published 15 May 2026" in text
    for shown in ("Employment 1,687,890", "Mean wage $148,100", "10th percentile $82,460",
                  "25th percentile $105,210", "Median $135,980", "75th percentile $171,980",
                  "90th percentile $214,670"):  # fmt: skip
        assert shown in text
    assert "Mean $148,100 $114,528 \u2212$33,572 (\u221223%)" in text
    assert "Median $135,980 $114,528 \u2212$21,452 (\u221216%)" in text
    # The summary at the top says it once, against the median; the table has both.
    assert (
        "Official figures: The average is $21,452 (16%) less than the BLS median for Software "
        "Developers ($135,980). Software Developers is its official occupation"
    ) in text
    assert "Why the figures differ" in text and "employers report what they pay" in text


def test_a_stand_in_occupation_is_said_to_be_one_with_a_link_to_the_reason(
    client, content, oews_release
):
    response = client.get(AI)
    text = page_text(response)
    assert (
        "The official figures below are those of Data Scientists (SOC 15-2051), the "
        "occupation the editors chose as the closest to AI/ML Engineer: they are not figures "
        "for AI/ML Engineer itself."
    ) in text
    assert 'href="/methodology/#occupation-ai-ml-engineer"' in response.content.decode()
    assert "Mean $126,800 $120,082 \u2212$6,718 (\u22125%)" in text


def test_top_coded_figures_stay_bounds_and_the_difference_says_at_least(
    client, content, top_coded_release
):
    text = page_text(client.get(BACKEND))
    assert "Median at least $239,200" in text and "90th percentile at least $239,200" in text
    assert "Median at least $239,200 $114,528 at least \u2212$124,672 (at least \u221252%)" in text
    assert (
        "The average is at least $124,672 (at least 52%) less than the BLS median for Software "
        "Developers (at least $239,200)." in text
    )
    assert "Mean wage $148,100" in text  # the mean is still published


def test_an_hourly_only_occupation_is_never_set_against_a_salary(client, content, oews_release):
    link("backend-developer", "27-2011")  # Actors: BLS publishes hourly wages only
    text = page_text(client.get(BACKEND))
    assert "Mean wage published hourly only" in text
    assert "Mean published hourly only $114,528 not worked out" in text
    assert "BLS publishes this occupation's wages by the hour only" in text


@pytest.mark.parametrize(
    ("code", "release", "says"),
    [
        ("", True, "Backend Developer is not linked to an official occupation yet"),
        ("15-1252", False, "no official release is in use on the site yet"),
        ("15-9999", True, "linked to the occupation SOC 15-9999, which BLS OEWS, May 2025"),
    ],
)
def test_a_role_without_official_figures_still_works_and_says_why(
    client, content, oews_files, code, release, says
):
    if release:
        import_oews(oews_files)
    link("backend-developer", code)
    for url in (BACKEND, ARTICLE, "/roles/backend-developer.json"):
        assert client.get(url).status_code == 200, url
    assert says in page_text(client.get(BACKEND))
    if not code:
        assert "not linked to an official occupation" in page_text(client.get(ARTICLE))


def test_the_article_sets_both_roles_against_their_occupations(client, content, oews_release):
    response = client.get(ARTICLE)
    text = page_text(response)
    assert '<a href="#official">What the official figures say</a>' in response.content.decode()
    # Roles as columns, figures as rows.
    for row in (
        "Occupation Software Developers SOC 15-1252 Data Scientists SOC 15-2051, the closest "
        "occupation: why this one",
        "Editorial average $114,528 $120,082",
        "BLS mean $148,100 $126,800",
        "BLS median $135,980 $120,230",
        "Against the BLS mean \u2212$33,572 (\u221223%) \u2212$6,718 (\u22125%)",
        "Against the BLS median \u2212$21,452 (\u221216%) \u2212$148 (\u22120.1%)",
    ):
        assert row in text
    # The summary sets the two medians against the source's averages, once.
    assert (
        "BLS: Software Developers earn a median 13% higher than Data Scientists (the closest "
        "to AI/ML Engineer), the other way from the source"
    ) in text
    assert "At the official medians" not in text
    assert "Why the headline gap and the gaps by level differ" in text
    assert "The headline averages show a 5% gap between the two roles; the bands" in text
    assert "level by level, show 27%\u201339%+" in text


def test_the_article_explains_its_gaps_without_a_release(client, content):
    text = page_text(client.get(ARTICLE))
    assert "but no official release is in use on the site yet" in text
    assert "The headline averages show a 5% gap between the two roles" in text


def test_the_methodology_lists_each_published_role_s_occupation_and_reason(
    client, content, oews_release
):
    response = client.get("/methodology/")
    body, text = response.content.decode(), page_text(response)
    assert '<tr id="occupation-ai-ml-engineer">' in body
    assert 'href="/occupations/data-scientists/"' in body
    assert 'href="/occupations/software-developers/"' in body
    assert "AI/ML Engineer 15-2051 Data Scientists The federal Standard Occupational" in text
    assert "Backend Developer 15-1252 Software Developers The role is one kind of" in text
    Role.objects.filter(slug="backend-developer").update(is_published=False)
    assert "Backend Developer 15-1252" not in page_text(client.get("/methodology/?x=1"))


def test_role_downloads_carry_the_official_figures_with_their_source(
    client, content, top_coded_release
):
    figures = json.loads(client.get("/roles/backend-developer.json").content)["figures"]
    official = {row["figure"]: row for row in figures if row["figure"].startswith("official")}
    mean = official["official: mean wage"]
    assert mean["value"] == "148100.00" and mean["unit"] == "USD a year"
    assert mean["source_publisher"] == "U.S. Bureau of Labor Statistics"
    assert mean["as_of"] == "May 2025" and mean["source_url"] == "https://www.bls.gov/oes/"
    assert "Software Developers (SOC 15-1252)" in mean["detail"]
    median = official["official: median"]
    assert median["value"] == "" and median["low"] == "239200" and median["open_ended"] is True
    assert median["note"] == "at least $239,200"
    csv = client.get("/roles/backend-developer.csv").content.decode()
    assert "official: employment" in csv and "U.S. Bureau of Labor Statistics" in csv


# --- Editors' warnings ------------------------------------------------------------------


def role_admin(client, slug="backend-developer"):
    role = Role.objects.get(slug=slug)
    return client.get(f"{ADMIN}/role/{role.pk}/change/")


OFFICIAL_WARNING = "is $33,572 (23%) less than the BLS mean wage for Software Developers"


def test_editors_are_warned_when_a_headline_strays_from_the_bls_mean(
    editor_client, content, oews_release, settings
):
    assert D(20) == settings.OFFICIAL_TOLERANCE_PERCENT
    assert OFFICIAL_WARNING in open_text(role_admin(editor_client))
    assert "BLS mean" not in open_text(role_admin(editor_client, "ai-ml-engineer"))  # 5.3%
    settings.OFFICIAL_TOLERANCE_PERCENT = D(25)
    assert OFFICIAL_WARNING not in open_text(role_admin(editor_client))
    settings.OFFICIAL_TOLERANCE_PERCENT = D(5)
    assert "is $6,718 (5%) less than the BLS mean wage for Data Scientists" in open_text(
        role_admin(editor_client, "ai-ml-engineer")
    )


def test_the_official_warning_is_filtered_and_acknowledged_like_the_others(
    clock, editor_client, content, oews_release, settings
):
    # At a fixed date, so that no source has grown stale and flagged the other role.
    settings.AVERAGE_TOLERANCE_PERCENT = D(50)  # leave the official warning alone
    from comparisons.models import SalaryBand, Source

    Source.objects.update(url="https://example.org/report")
    SalaryBand.objects.filter(level__slug="senior").delete()  # no band warnings
    flagged = page_text(editor_client.get(f"{ADMIN}/role/?flagged=yes"))
    assert "Backend Developer" in flagged and "AI/ML Engineer" not in flagged
    done = acknowledge(
        editor_client, role_admin(editor_client), OFFICIAL_WARNING, "The source excludes bonuses"
    )
    assert done.status_code == 302
    assert OFFICIAL_WARNING not in open_text(role_admin(editor_client))
    flagged = page_text(editor_client.get(f"{ADMIN}/role/?flagged=yes"))
    assert "Backend Developer" not in flagged


def test_a_code_the_live_release_lacks_is_flagged(editor_client, content, oews_release):
    link("backend-developer", "15-9999")
    text = open_text(role_admin(editor_client))
    assert "Backend Developer is linked to SOC 15-9999, which the live official release" in text


def test_no_official_warning_without_a_live_release(editor_client, content):
    text = open_text(role_admin(editor_client))
    assert "BLS mean" not in text and "SOC 15-1252" not in text


# --- Caching and query budgets ------------------------------------------------------------


@pytest.mark.parametrize(
    "url", [BACKEND, ARTICLE, "/methodology/", "/roles/backend-developer.json"]
)
def test_a_new_live_release_alone_renders_the_page_afresh(client, content, oews_release, url):
    from core import state

    first = client.get(url)
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    # The release's part moves on, with no editorial change.
    state.bump(state.release_part("oews"), facts=state.read_state().facts("release:oews"))
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200 and again["ETag"] != first["ETag"]


def test_publishing_a_release_shows_its_figures_at_once(client, content, oews_release, tmp_path):
    from tests.oews import write_next_release

    before = client.get(BACKEND)
    assert "Median $135,980" in page_text(before)
    assert "$135,980" in page_text(client.get(ARTICLE))
    import_oews(write_next_release(tmp_path / "next"))
    after = client.get(BACKEND)
    assert after["ETag"] != before["ETag"]
    assert "Median $142,000" in page_text(after) and "BLS OEWS, May 2026" in page_text(after)
    assert "$142,000" in page_text(client.get(ARTICLE))


ROLE_PAGE_QUERIES = 14  # the site state, 12 for the role, its figures


def role_page_queries(client) -> int:
    from django.core.cache import cache

    from core import state

    cache.clear()
    state.forget()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(BACKEND).status_code == 200
    return len(queries)


def warnings_queries() -> int:
    from comparisons.queries.editorial import role_warnings
    from core import state

    state.forget()
    with CaptureQueriesContext(connection) as queries:
        role_warnings()
    return len(queries)


def test_query_budgets_do_not_grow_with_more_roles_and_occupations(client, content, oews_release):
    assert role_page_queries(client) == ROLE_PAGE_QUERIES
    few = warnings_queries()
    codes = ["15-1252", "15-2051", "27-2011", "29-1211", "11-1011", "15-9999", ""]
    for i in range(28):
        Role.objects.create(
            name=f"Role {i:02}", slug=f"role-{i:02}", summary="s", description="d",
            is_published=True, published_on="2026-01-01", occupation_code=codes[i % len(codes)],
        )  # fmt: skip
    assert role_page_queries(client) == ROLE_PAGE_QUERIES
    assert warnings_queries() == few


def test_the_article_keeps_its_query_budget_with_a_live_release(
    client, content, oews_release, django_assert_max_num_queries
):
    from core import state
    from tests.helpers import ARTICLE_QUERY_BUDGET

    state.forget()
    with django_assert_max_num_queries(ARTICLE_QUERY_BUDGET):
        assert client.get(ARTICLE).status_code == 200


# --- On a phone ----------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("path", [BACKEND, AI, ARTICLE, "/methodology/"])
def test_the_official_sections_fit_a_phone(open_page, site, tmp_path, path):
    pytest.importorskip("playwright.sync_api")
    from tests.browser import (
        CLIPPED_CELLS,
        OVERFLOWING,
        SMALL_TARGETS,
        TARGETS,
        visit,
    )
    from tests.helpers import OEWS_PUBLISHED_ON  # noqa: F401 the release's dates
    from tests.oews import write_release

    import_oews(write_release(tmp_path / "oews"))
    page = open_page(viewport={"width": 360, "height": 780}, is_mobile=True, has_touch=True)
    page.base_url = site
    visit(page, path)
    assert page.locator("#official, #official-occupations").count() == 1
    assert page.evaluate(CLIPPED_CELLS) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert page.evaluate(OVERFLOWING) == []
    assert page.evaluate(SMALL_TARGETS, TARGETS) == []
    assert page.problems.all() == []
