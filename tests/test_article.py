"""The comparison article: every seed figure, sourced and dated, derived text, budget."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal as D

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from comparisons.models import (
    Benefit,
    PayFactor,
    Role,
    SalaryBand,
    SalaryStat,
    Skill,
    Source,
)
from tests.helpers import ARTICLE_QUERY_BUDGET, ARTICLE_URL, page_text

pytestmark = pytest.mark.django_db


# Every figure in ../shared/seed-facts.md, written the site's one way.
SEED_FIGURES = [
    # headline cards and the derived difference
    "$114,528",
    "$120,082",
    "AI/ML Engineer pays more on average, by 5% ($5,554 a year)",
    # salary overview
    "~$95,000",
    "~$120,000",
    "$80,000–$120,000",
    "$100,000–$150,000",
    # bands by level, with years
    "Entry-level 0–2 years $75k–$95k $95k–$130k",
    "Mid-career 3–6 years $95k–$130k $130k–$170k",
    "Senior 7+ years $130k–$180k $170k–$250k+",
    # the source's own entry-level claim
    "often pays 20%–40% more",
    # pay factors
    "Bay Area Raises base pay compared with the national figures. +20% to +40%",
    "New York City Raises base pay compared with the national figures. +20% to +40%",
    "Finance Comes on top of any location premium. +10% to +30%",
    "Autonomous vehicles Comes on top of any location premium. +10% to +30%",
    "Master's degree or relevant research Compared with a bachelor's degree. +10% to +25% "
    "AI/ML Engineer only",
    "Startup Lower base pay, usually balanced by a larger equity stake. -20% to -10%",
    "Large tech firm Higher base pay and larger bonuses; the source puts no figure on either. "
    "no figure given",
    # equity share
    "5%–20% of total compensation",
    "10%–30% of total compensation, mostly stock and options",
    # time to competency
    "3–6 months of focused study",
    "6–12 months of study, plus portfolio projects",
    # takeaways: the statement worked out from the times to competency
    "6–12 months of study, plus portfolio projects, against 3–6 months of focused study",
]

SEED_TERMS = [
    # skills
    "Java", "Python", "SQL", "Web frameworks", "Distributed systems", "Databases",
    "Docker/Kubernetes", "Machine-learning algorithms", "Data preprocessing",
    "Statistical analysis", "TensorFlow", "PyTorch", "ML frameworks (PyTorch, TensorFlow)",
    "MLOps", "advanced degree in computer science, data science or a related field",
    # benefits
    "Health insurance", "Retirement plans", "Paid time off", "Research funding",
    "Access to advanced technology", "Continuous learning", "Workshops and conferences",
    # career paths
    "Technical lead or software architect", "Data science or software development",
    # the source, with its date
    "jobcopy.ai", "Backend Developer vs AI/ML Engineer salary comparison",
    "Figures as of 2025",
]  # fmt: skip

SECTIONS = [
    "Salary by experience level",
    "Salary overview",
    "What moves pay",
    "Equity and bonuses",
    "Skills and education",
    "Time to competency",
    "Benefits",
    "Career paths",
    "Demand and market",
    "Takeaways",
    "Sources",
]


@pytest.fixture
def text(client, content) -> str:
    response = client.get(ARTICLE_URL)
    assert response.status_code == 200
    return page_text(response)


def test_every_seed_figure_is_on_the_page(text):
    assert [figure for figure in SEED_FIGURES if figure not in text] == []


def test_every_seed_fact_is_on_the_page(text):
    assert [term for term in SEED_TERMS if term not in text] == []


def test_every_section_is_there(client, content):
    body = client.get(ARTICLE_URL).content.decode()
    missing = [h for h in SECTIONS if not re.search(rf"<h2 [^>]*>{re.escape(h)}</h2>", body)]
    assert missing == []


def test_every_figure_block_cites_its_source_and_date(client, content):
    body = client.get(ARTICLE_URL).content.decode()
    cites = re.findall(
        r'<p class="cite">Source: <a href="#source-jobcopy-backend-vs-ai-ml-2025">jobcopy\.ai</a>,'
        r' as of <time datetime="2025-01-01">2025</time></p>',
        body,
    )
    # two headline cards, levels, overview, factors, equity, skills, competency,
    # benefits, paths, demand, takeaways, and the calculator's two results
    assert len(cites) == 14
    assert 'id="source-jobcopy-backend-vs-ai-ml-2025"' in body


def test_last_updated_date_is_visible(text):
    assert "Last updated 2 December 2026" in text


def test_premium_by_level_is_derived_from_the_bands(text):
    assert "AI/ML Engineer ahead by" in text
    assert "Entry-level 0–2 years $75k–$95k $95k–$130k 27%–37%" in text
    assert "Senior 7+ years $130k–$180k $170k–$250k+ 31%–39%+" in text


def test_swapped_averages_make_the_page_say_backend_pays_more(client, content):
    SalaryStat.objects.filter(kind="headline", role__slug="backend-developer").update(
        average=D("120082")
    )
    SalaryStat.objects.filter(kind="headline", role__slug="ai-ml-engineer").update(
        average=D("114528")
    )
    text = page_text(client.get(ARTICLE_URL))
    assert "Backend Developer pays more on average" in text
    assert "AI/ML Engineer pays more on average" not in text


def test_changed_band_changes_derived_premium(client, content):
    SalaryBand.objects.filter(role__slug="ai-ml-engineer", level__slug="entry-level").update(
        min_salary=D("90000")
    )
    text = page_text(client.get(ARTICLE_URL))
    assert "Entry-level 0–2 years $75k–$95k $90k–$130k 20%–37%" in text
    assert "AI/ML Engineer pays 20%–39%+ more at every level" in text


def test_changed_source_date_shows_everywhere(client, content):
    Source.objects.update(as_of=datetime.date(2026, 6, 1), as_of_precision="month")
    text = page_text(client.get(ARTICLE_URL))
    assert "as of June 2026" in text and "as of 2025" not in text


def test_chart_is_accessible_svg_with_a_table_alternative(client, content):
    body = client.get(ARTICLE_URL).content.decode()
    svg = re.search(r"<svg [^>]*role=\"img\"[^>]*>(.*?)</svg>", body, re.S)
    assert svg
    assert 'aria-labelledby="levels-chart-title" aria-describedby="levels-chart-desc"' in body
    assert '<title id="levels-chart-title">Base salary by experience level</title>' in body
    assert "AI/ML Engineer, Senior: $170k–$250k+" in svg.group(1)
    assert "Backend Developer · starts at $75k" in svg.group(1)
    assert "AI/ML Engineer · starts at $95k" in svg.group(1)
    assert '<a href="#levels-table">' in body and 'id="levels-table"' in body


def test_prose_is_our_own_and_no_figure_is_typed_in_it(content):
    from comparisons.models import Comparison

    comparison = Comparison.objects.get()
    prose = " ".join(
        getattr(comparison, name)
        for name in ("introduction", "overview_text", "levels_text", "factors_text")
    )
    assert not re.search(r"\d", prose), "figures belong in records, not in prose"


def test_unpublished_article_is_not_shown(client, content):
    from comparisons.models import Comparison

    introduction = Comparison.objects.get().introduction
    Comparison.objects.update(is_published=False)
    # Its address names two roles, so it leads to their data-only page (test_pairs.py).
    response = client.get(ARTICLE_URL, follow=True)
    assert response.redirect_chain == [("/compare/ai-ml-engineer-vs-backend-developer/", 301)]
    assert introduction not in response.content.decode()
    Comparison.objects.update(slug="backend-and-ai")
    from comparisons.changes import content_changed

    content_changed()
    assert client.get("/compare/backend-and-ai/").status_code == 404


def test_article_query_budget(client, content, django_assert_max_num_queries):
    with django_assert_max_num_queries(ARTICLE_QUERY_BUDGET):
        assert client.get(ARTICLE_URL).status_code == 200


def grow_catalogue() -> None:
    """Many more roles, and more skills, factors and benefits on the compared roles."""
    source = Source.objects.get()
    compared = list(Role.objects.all())
    for i in range(30):
        role = Role.objects.create(
            name=f"Role {i}",
            slug=f"role-{i}",
            summary="s",
            description="d",
            is_published=True,
            published_on="2026-01-01",
        )
        Skill.objects.create(role=role, kind="core", name="Go", source=source)
        for level in SalaryBand.objects.filter(role=compared[0]).values_list("level", flat=True):
            SalaryBand.objects.create(
                role=role, level_id=level, min_salary=D(1), max_salary=D(2), source=source
            )
    for i in range(20):
        for role in compared:
            Skill.objects.create(role=role, kind="pay", name=f"Skill {i}", source=source)
        factor = PayFactor.objects.create(
            slug=f"f-{i}",
            kind="industry",
            name=f"Industry {i}",
            low_percent=D(1),
            high_percent=D(2),
            source=source,
        )
        factor.applies_to.set(compared)
        benefit = Benefit.objects.create(slug=f"b-{i}", name=f"Benefit {i}", source=source)
        benefit.roles.set(compared[:1])


def test_article_query_count_does_not_grow_with_the_catalogue(client, content):
    from core import state

    state.forget()  # each request reads the site state afresh
    with CaptureQueriesContext(connection) as before:
        client.get(ARTICLE_URL)
    grow_catalogue()
    state.forget()
    with CaptureQueriesContext(connection) as after:
        response = client.get(ARTICLE_URL)
    assert "Industry 19" in page_text(response)
    assert len(after) == len(before) <= ARTICLE_QUERY_BUDGET


def test_without_entry_bands_no_entry_premium_or_starting_salary_is_claimed(client, content):
    SalaryBand.objects.filter(level__slug="entry-level", role__slug="backend-developer").delete()
    body = client.get(ARTICLE_URL).content.decode()
    text = page_text(client.get(ARTICLE_URL))
    assert "The entry-level premium" not in text
    assert "Backend Developer · starts at" not in body
    assert "AI/ML Engineer · starts at $95k" in body


def test_every_prose_field_is_free_of_typed_figures(content):
    """Figures come from records; prose that types one would go stale."""
    from comparisons.models import Comparison, Role, RoleNote

    comparison = Comparison.objects.get()
    texts = [
        getattr(comparison, field.name)
        for field in Comparison._meta.get_fields()
        if field.name.endswith("_text") or field.name in ("introduction", "summary")
    ]
    texts += [role.summary + role.description for role in Role.objects.all()]
    texts += list(RoleNote.objects.values_list("text", flat=True))
    assert len(texts) >= 15
    for text in texts:
        assert not re.search(r"\d", text), text


def test_the_overview_table_works_out_each_data_set_gap_and_the_difference(client, content):
    text = page_text(client.get(ARTICLE_URL))
    assert "Against the headline average 17% below 0.1% below" in text
    assert "Difference AI/ML Engineer about $25,000 (26%) higher" in text
    overview = SalaryStat.objects.get(role__slug="ai-ml-engineer", kind="overview")
    overview.average = D("120082")
    overview.save()
    assert "Against the headline average 17% below the same" in page_text(client.get(ARTICLE_URL))
