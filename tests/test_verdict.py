"""One verdict per comparison (issue 18, point 3): the article and each role
page open with a short summary that says which gap is which and why they
differ, worked out from the figures; no generated sentence repeats a table.
"""

from __future__ import annotations

import html
import re
from decimal import Decimal as D

import pytest

from comparisons.derive import band_gap, pay_lead
from comparisons.models import EquityShare, SalaryStat
from comparisons.official import RoleAverage
from comparisons.salary import Range
from comparisons.verdict import OccupationPair, article_verdict, total_pay_point
from officialstats.differences import lead
from officialstats.figures import Datatype, Figure, State
from tests.helpers import ARTICLE_URL, page_text

BACKEND = [
    ("Entry-level", Range(D(75000), D(95000))),
    ("Mid-career", Range(D(95000), D(130000))),
    ("Senior", Range(D(130000), D(180000))),
]
AI = [
    ("Entry-level", Range(D(95000), D(130000))),
    ("Mid-career", Range(D(130000), D(170000))),
    ("Senior", Range(D(170000), D(250000), open_ended=True)),
]


def median(value: int) -> Figure:
    return Figure(Datatype.ANNUAL_MEDIAN, State.PUBLISHED, D(value))


def seed_verdict(**changes):
    averages = (RoleAverage("Backend Developer", D(114528), BACKEND),
                RoleAverage("AI/ML Engineer", D(120082), AI))  # fmt: skip
    gaps = [
        band_gap("Backend Developer", b, "AI/ML Engineer", a)
        for (_, b), (_, a) in zip(BACKEND, AI, strict=True)
    ]
    medians = (median(135980), median(120230))
    pair = OccupationPair(
        ("Software Developers", "Data Scientists"), medians,
        ("Backend Developer", "AI/ML Engineer"), lead(*medians), (False, True),
    )  # fmt: skip
    arguments = {
        "lead": pay_lead("Backend Developer", D(114528), "AI/ML Engineer", D(120082)),
        "gaps": gaps,
        "averages": averages,
        "overview": pay_lead(
            "Backend Developer", D(95000), "AI/ML Engineer", D(120000), approximate=True
        ),
        "pair": pair,
        "shares": {"Backend Developer": Range(D(5), D(20)),
                   "AI/ML Engineer": Range(D(10), D(30))},
    } | changes  # fmt: skip
    lead_ = arguments.pop("lead")
    gaps_ = arguments.pop("gaps")
    averages_ = arguments.pop("averages")
    return article_verdict(lead_, gaps_, averages_, **arguments)


def test_the_seed_verdict_reconciles_every_gap_in_a_few_lines():
    verdict = seed_verdict()
    assert verdict.headline == "AI/ML Engineer pays more on average, by 5% ($5,554 a year)."
    points = {point.label: (point.text, point.anchor) for point in verdict.points}
    assert list(points) == ["Level by level", "The source's overview", "BLS", "Total pay"]
    assert points["Level by level"] == (
        "AI/ML Engineer pays 27%–39%+ more at every level. The averages mix levels: Backend "
        "Developer's sits inside the mid-career band, AI/ML Engineer's inside the entry-level "
        "band.",
        "#levels",
    )
    assert points["The source's overview"][0] == (
        "A separate data set: AI/ML Engineer 26% ahead (~$120,000 against ~$95,000)."
    )
    assert points["BLS"][0].startswith(
        "Software Developers earn a median 13% higher than Data Scientists (the closest to "
        "AI/ML Engineer), the other way from the source"
    )
    assert points["Total pay"] == (
        "The gap is wider: equity and bonuses are 10%–30% of AI/ML Engineer's pay, 5%–20% of "
        "Backend Developer's.",
        "#calculator",
    )


def test_when_the_sources_agree_with_bls_the_verdict_says_so():
    medians = (median(120000), median(130000))
    pair = OccupationPair(
        ("Software Developers", "Data Scientists"), medians,
        ("Backend Developer", "AI/ML Engineer"), lead(*medians), (False, False),
    )  # fmt: skip
    (bls,) = [p for p in seed_verdict(pair=pair).points if p.label == "BLS"]
    assert bls.text == (
        "Data Scientists earn a median 8% higher than Software Developers, the same way as the "
        "source."
    )


def test_bands_that_disagree_with_the_averages_are_called_the_other_way():
    verdict = seed_verdict(
        lead=pay_lead("Backend Developer", D(130000), "AI/ML Engineer", D(120082))
    )
    assert verdict.headline.startswith("Backend Developer pays more on average, by 8%")
    assert "AI/ML Engineer pays 27%–39%+ more at every level, the other way from the averages." in (
        verdict.points[0].text
    )


def test_what_is_missing_is_left_out_not_guessed():
    verdict = seed_verdict(overview=None, pair=None, shares={})
    assert [point.label for point in verdict.points] == ["Level by level"]


def test_equal_equity_shares_keep_the_base_pay_gap():
    same = {"Backend Developer": Range(D(5), D(20)), "AI/ML Engineer": Range(D(5), D(20))}
    lead_ = pay_lead("Backend Developer", D(1), "AI/ML Engineer", D(2))
    assert total_pay_point(lead_, same).text.startswith("The gap is the same as in base pay")


# The pages ----------------------------------------------------------------------------------

pytestmark_db = pytest.mark.django_db


def summary(body: str) -> str:
    found = re.search(r'<section class="verdict".*?</section>', body, re.S)
    assert found, "no summary"
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", found.group(0))).strip())


@pytestmark_db
def test_the_article_opens_with_its_verdict_linking_to_each_detail(client, content, oews_release):
    body = client.get(ARTICLE_URL).content.decode()
    said = summary(body)
    assert "The short answer AI/ML Engineer pays more on average, by 5%" in said
    assert "Software Developers earn a median 13% higher than Data Scientists" in said
    for anchor in ("#levels", "#overview", "#official", "#calculator"):
        assert (
            f'<a href="{anchor}">'
            in body.split('<section class="verdict"')[1].split("</section>")[0]
        )
    # Right under the headline figures, before the introduction and every section.
    assert body.index('class="verdict"') < body.index('id="levels"')
    assert body.index('class="verdict"') < body.index("Both careers reward strong programmers")


@pytestmark_db
def test_no_generated_sentence_repeats_a_table(client, content, oews_release):
    text = page_text(client.get(ARTICLE_URL))
    for repeated in (
        "The average AI/ML Engineer earns",  # the cards' difference, now in the verdict
        "across the band",  # the levels table's difference column
        "the overview's typical average sits",  # the overview table's column
        "headline average (average annual salary",  # the official table's rows
        "At the official medians",  # the verdict's BLS point
        "At the top of the senior band",  # the levels table's senior row
    ):
        assert repeated not in text, repeated


@pytestmark_db
def test_the_verdict_follows_the_figures(client, content, oews_release):
    SalaryStat.objects.filter(kind="headline", role__slug="backend-developer").update(
        average=D("130000")
    )
    EquityShare.objects.filter(role__slug="ai-ml-engineer").update(
        low_percent=D(1), high_percent=D(2)
    )
    said = summary(client.get(ARTICLE_URL).content.decode())
    assert "Backend Developer pays more on average, by 8% ($9,918 a year)" in said
    assert "the other way from the averages" in said
    assert "the same way as the source" in said
    assert "The gap is wider: equity and bonuses are 5%–20% of Backend Developer's pay" in said


@pytestmark_db
def test_without_a_release_the_verdict_leaves_bls_out(client, content):
    said = summary(client.get(ARTICLE_URL).content.decode())
    assert "Level by level" in said and "BLS" not in said


@pytestmark_db
def test_a_role_page_opens_with_one_answer_to_what_it_pays(client, content, oews_release):
    said = summary(client.get("/roles/backend-developer/").content.decode())
    assert said == (
        "What it pays, in short Backend Developer pays $114,528 a year on average, by the "
        "source's figure. By experience : Base pay runs from $75k–$95k (entry-level) to "
        "$130k–$180k (senior); the average sits inside its mid-career band. A second data set "
        ": The source's broader overview puts typical pay at ~$95,000, typically "
        "$80,000–$120,000: 17% below the average. It is a separate data set, so both are "
        "shown. Official figures : The average is $21,452 (16%) less than the BLS median for "
        "Software Developers ($135,980). Software Developers is its official occupation: BLS "
        "counts everyone in it, at every level and in every industry. Worked out from the "
        "figures on this page, never typed."
    )
    said = summary(client.get("/roles/ai-ml-engineer/").content.decode())
    assert "Data Scientists is the closest official occupation" in said


@pytest.mark.browser
def test_the_article_fits_far_fewer_phone_screens(open_page, calculator_site):
    """It was about 23 screens of a 390 x 844 phone before the verdict: the
    summary replaced sentences that repeated tables, explanations fold away,
    tables of two roles keep their columns, and the calculator's
    circumstances start folded (at their baselines)."""
    from tests.browser import visit

    page = open_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page.base_url = calculator_site
    visit(page, ARTICLE_URL)
    screens = page.evaluate("document.documentElement.scrollHeight") / 844
    assert screens <= 18, f"{screens:.1f} phone screens"
    # Folded, not gone: a reader opens them.
    page.get_by_text("Location, industry, education, company size and your offer").click()
    assert page.locator("#id_location").is_visible()
    assert page.problems.all() == []
