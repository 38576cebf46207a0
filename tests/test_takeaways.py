"""Takeaways state figures only through statements worked out from the records,
and editors are warned when written text states a figure the records do not give."""

from __future__ import annotations

import datetime
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from comparisons.checks import Recorded, stated_figures, written_figures_disagree
from comparisons.models import Comparison, Role, Source, Takeaway, TimeToCompetency
from comparisons.queries.editorial import comparison_warnings
from tests.helpers import ARTICLE_URL, page_text

BACKEND, AI = "Backend Developer", "AI/ML Engineer"
OLD_SEED_TAKEAWAY = (
    "On either path, budget 6–12 months of learning organised around projects with results "
    "you can measure: that is what lets you ask for more."
)

# The seed's records for the two roles, as the check sees them.
SEED = Recorded(
    months={BACKEND: (3, 6), AI: (6, 12)},
    percents=[
        (D(20), D(40)), (D(10), D(30)), (D(10), D(25)), (D(-20), D(-10)),  # pay factors
        (D(5), D(20)), (D(10), D(30)),  # equity shares
        (D("4.849"), D("4.849")),  # the headline difference, worked out
    ],
    dollars=[
        (D(114528), D(114528)), (D(120082), D(120082)), (D(95000), D(95000)),
        (D(80000), D(120000)), (D(75000), D(95000)), (D(170000), D(250000)),
    ],
    aliases={BACKEND: ["backend developer", "backend"], AI: ["ai/ml engineer", "ai/ml"]},
)  # fmt: skip


def messages(text: str, where: str = "Takeaway 2") -> list[str]:
    return [w.message for w in written_figures_disagree(where, text, SEED)]


# Reading figures out of prose ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit", "low", "high"),
    [
        ("budget 6–12 months of learning", "months", 6, 12),
        ("a 3-6 month course", "months", 3, 6),
        ("after 9 months", "months", 9, 9),
        ("pays 5% more", "percent", 5, 5),
        ("20–40% more", "percent", 20, 40),
        ("from +20% to +40%", "percent", 20, 40),
        ("−20% to −10% at a startup", "percent", -20, -10),
        ("12.5 percent", "percent", D("12.5"), D("12.5")),
        ("about $115k a year", "dollars", 115000, 115000),
        ("$75k–$95k", "dollars", 75000, 95000),
        ("~$95,000 on average", "dollars", 95000, 95000),
        ("$80,000 - $120,000", "dollars", 80000, 120000),
        ("$250k+", "dollars", 250000, 250000),
        ("$1.2 million", "dollars", 1200000, 1200000),
    ],
)
def test_figures_are_read_out_of_prose(text, unit, low, high):
    (stated,) = stated_figures(text)
    assert (stated.unit, stated.low, stated.high) == (unit, D(low), D(high))


def test_prose_without_figures_states_none():
    assert stated_figures("Both roles reward strong programmers, in 2 ways.") == []


# Which stated figures disagree with the records -----------------------------------


def test_the_old_seed_takeaway_is_flagged_for_backend():
    assert messages(OLD_SEED_TAKEAWAY) == [
        "Takeaway 2 says “6–12 months” without naming a role, so it reads as true of both, "
        "but Backend Developer's is 3–6 months. Name the role, or choose the "
        "time-to-competency statement."
    ]


def test_a_time_put_to_the_right_role_passes_and_to_the_wrong_one_is_flagged():
    assert messages("AI/ML engineers should plan on 6–12 months.") == []
    assert messages("Backend developers get there in 3–6 months; AI/ML takes 6–12 months.") == []
    assert messages("Backend: 4 months is typical.") == []  # within 3–6
    assert messages("Backend developers need 6–12 months.") == [
        "Takeaway 2 says “6–12 months” for Backend Developer, but the time to competency on "
        "record is 3–6 months."
    ]


@pytest.mark.parametrize(
    "text",
    [
        "AI/ML pays 5% more on average.",  # the worked-out difference, as the page rounds it
        "Location adds 20–40%.",
        "A startup pays 10% to 20% less.",  # the -20%..-10% factor, in words
        "About $115k.",  # $114,528 to the nearest thousand
        "~$95,000",
        "$75k–$95k at entry level.",
        "up to $250k+",
    ],
)
def test_figures_the_records_give_pass(text):
    assert messages(text) == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("AI/ML pays 15% more.", "“15%”"),
        ("Location adds 20–45%.", "“20–45%”"),
        ("Juniors start at $99,999.", "“$99,999”"),
        ("$75k–$96k at entry level.", "“$75k–$96k”"),
    ],
)
def test_figures_the_records_do_not_give_are_flagged(text, flagged):
    (message,) = messages(text, "The introduction")
    assert message.startswith(f"The introduction says {flagged}, which matches no ")


# The article and the admin ---------------------------------------------------------

pytestmark = pytest.mark.django_db


def test_the_seed_takeaways_state_their_figures_from_the_records(client, content):
    text = page_text(client.get(ARTICLE_URL))
    assert (
        "AI/ML Engineer takes longer to become job-ready: 6–12 months of study, plus portfolio "
        "projects, against 3–6 months of focused study for Backend Developer. Whichever you "
        "choose," in text
    )
    # The senior bands' gap is the levels table's: the takeaway does not say it again.
    assert "Go for AI/ML engineering" in text and "At the top of the senior band" not in text
    assert "Sentences in bold are worked out from the figures above, never typed." in text
    assert "budget 6–12 months" not in text
    for takeaway in Takeaway.objects.all():
        assert not stated_figures(takeaway.text), "figures belong to statements, not text"


def test_a_changed_time_to_competency_changes_the_takeaway(client, content):
    TimeToCompetency.objects.filter(role__slug="backend-developer").update(
        min_months=12, max_months=18, note=""
    )
    text = page_text(client.get(ARTICLE_URL))
    assert (
        "Backend Developer takes longer to become job-ready: 12–18 months, against 6–12 months "
        "of study, plus portfolio projects for AI/ML Engineer." in text
    )


def test_a_statement_without_its_figures_shows_the_text_and_warns_editors(client, content):
    TimeToCompetency.objects.filter(role__slug="ai-ml-engineer").delete()
    text = page_text(client.get(ARTICLE_URL))
    assert "takes longer to become job-ready" not in text
    assert "Whichever you choose, organise your learning" in text
    comparison = Comparison.objects.get()
    assert any(
        w.kind == "takeaway_statement" and w.message.startswith("Takeaway 2 asks for")
        for w in comparison_warnings([comparison])[comparison.pk]
    )


def test_a_takeaway_must_say_something(content):
    comparison = Comparison.objects.get()
    empty = Takeaway(comparison=comparison, order=3, source=Source.objects.get())
    with pytest.raises(ValidationError, match="Write the advice or choose a statement"):
        empty.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        empty.save()
    Takeaway(comparison=comparison, order=3, source=empty.source, statement="average_pay").save()


def test_the_seed_article_has_no_written_figure_warnings(content):
    comparison = Comparison.objects.get()
    kinds = {w.kind for w in comparison_warnings([comparison])[comparison.pk]}
    assert not kinds & {"written_figure", "takeaway_statement"}


def test_the_admin_warns_of_the_old_seed_takeaway(editor_client, content):
    Takeaway.objects.filter(order=2).update(statement="", text=OLD_SEED_TAKEAWAY)
    comparison = Comparison.objects.get()
    text = page_text(editor_client.get(f"/admin/comparisons/comparison/{comparison.pk}/change/"))
    assert "Takeaway 2 says “6–12 months” without naming a role" in text
    Comparison.objects.filter(pk=comparison.pk).update(
        introduction="Most people are job-ready in 2 months."
    )
    text = page_text(editor_client.get(f"/admin/comparisons/comparison/{comparison.pk}/change/"))
    assert "The introduction says “2 months” without naming a role" in text


@pytest.fixture
def clean_pair(db):
    """Two roles and a comparison that no other warning flags."""
    source = Source.objects.create(
        slug="survey", publisher="A Survey", title="Pay", url="https://survey.example/pay",
        as_of=datetime.date(2026, 1, 1),
    )  # fmt: skip
    a = Role.objects.create(name="Tester", slug="tester", summary="s", description="d")
    b = Role.objects.create(name="Designer", slug="designer", summary="s", description="d")
    for role, (low, high) in ((a, (2, 4)), (b, (6, 9))):
        TimeToCompetency.objects.create(role=role, min_months=low, max_months=high, source=source)
    return Comparison.objects.create(
        slug="tester-vs-designer", title="Tester vs Designer", role_a=a, role_b=b,
        summary="s", introduction="i",
    )  # fmt: skip


def test_the_has_warnings_filter_lists_a_comparison_whose_takeaway_disagrees(
    editor_client, clean_pair, settings
):
    settings.SOURCE_MAX_AGE_MONTHS = 10_000  # the check of sources' age is another test's
    url = "/admin/comparisons/comparison/?flagged="
    assert "Tester vs Designer" in page_text(editor_client.get(url + "no"))
    Takeaway.objects.create(
        comparison=clean_pair, order=1, source=Source.objects.get(),
        text="Either way, plan on 6–9 months.",
    )  # fmt: skip
    assert "Tester vs Designer" in page_text(editor_client.get(url + "yes"))
    assert "Tester vs Designer" not in page_text(editor_client.get(url + "no"))
    Takeaway.objects.update(text="Designers, plan on 6–9 months.")
    assert "Tester vs Designer" in page_text(editor_client.get(url + "no"))


def test_the_methodology_explains_every_statement_and_the_check(client, content):
    text = page_text(client.get("/methodology/"))
    for heading in (
        "Which role pays more on average",
        "Which role takes longer to become job-ready",
        "How high the most senior bands reach",
    ):
        assert heading in text
    assert "No editor types a figure into a sentence" in text
    assert "warn when one is not on record for the roles compared" in text
    assert len(Takeaway.Statement.choices) == 4  # a new statement needs explaining there too
