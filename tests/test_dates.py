"""Pages date themselves by when their content changed, never by when the database
was loaded or by today's date. Time is set explicitly in every test here."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from comparisons import freshness
from comparisons.changes import content_changed
from comparisons.models import (
    Benefit,
    Comparison,
    ExperienceLevel,
    PayFactor,
    Role,
    RoleNote,
    SalaryBand,
    Source,
)
from tests.helpers import ARTICLE_URL, lastmods, page_text

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
LOADED = datetime.datetime(2026, 11, 29, tzinfo=UTC)  # what the fixtures carry
EDIT = datetime.datetime(2027, 3, 4, 10, 30, tzinfo=UTC)
LATER = datetime.datetime(2027, 5, 6, 8, 0, tzinfo=UTC)
BACKEND, AI = "/roles/backend-developer/", "/roles/ai-ml-engineer/"


@pytest.fixture
def clock(monkeypatch):
    """Sets what ``timezone.now()`` answers (and so ``localdate()``) for the test."""

    def set_to(moment: datetime.datetime) -> None:
        monkeypatch.setattr(timezone, "now", lambda: moment)

    set_to(datetime.datetime(2026, 12, 1, 12, 0, tzinfo=UTC))  # the day it is loaded
    return set_to


@pytest.fixture
def loaded(clock, content):
    return clock


def stamp_of(slug: str) -> datetime.datetime | None:
    return Role.objects.get(slug=slug).figures_changed_at


def band(role: str = "ai-ml-engineer", level: str = "entry-level") -> SalaryBand:
    return SalaryBand.objects.get(role__slug=role, level__slug=level)


# Loading is not an edit -------------------------------------------------------------


def test_loaded_content_keeps_the_dates_it_was_written_on(client, loaded):
    assert stamp_of("backend-developer") == stamp_of("ai-ml-engineer") == LOADED
    assert Source.objects.get().changed_at == LOADED
    dates = lastmods(client)
    assert dates[BACKEND] == dates[AI] == "2026-11-29"
    assert dates[ARTICLE_URL] == "2026-12-02"  # the editor's update date
    assert "Last updated 29 November 2026" in page_text(client.get(BACKEND))


def test_a_content_version_bump_moves_no_date(client, loaded):
    before = lastmods(client)
    loaded(EDIT)
    content_changed()
    assert lastmods(client) == before


def test_a_role_never_stamped_gets_no_lastmod_rather_than_a_made_up_one(client, loaded):
    Role.objects.filter(slug="backend-developer").update(figures_changed_at=None)
    dates = lastmods(client)
    assert BACKEND in dates and dates[BACKEND] is None
    assert "Last updated" not in page_text(client.get(BACKEND)).split("Average pay")[0]


# A role's own records ---------------------------------------------------------------


def test_an_edited_band_dates_its_role_and_the_article(client, loaded):
    loaded(EDIT)
    edited = band()
    edited.min_salary = 99000
    edited.save()
    assert stamp_of("ai-ml-engineer") == EDIT.replace(microsecond=0)
    assert stamp_of("backend-developer") == LOADED
    dates = lastmods(client)
    assert (dates[AI], dates[BACKEND], dates[ARTICLE_URL]) == (
        "2027-03-04",
        "2026-11-29",
        "2027-03-04",
    )
    assert "Last updated 4 March 2027" in page_text(client.get(ARTICLE_URL))
    assert "Last updated 4 March 2027" in page_text(client.get(AI))
    body = client.get(AI).content.decode()
    assert '"dateModified": "2027-03-04"' in body


def test_a_save_that_changes_nothing_stamps_nothing(loaded):
    loaded(EDIT)
    band().save()
    Role.objects.get(slug="ai-ml-engineer").save()
    Source.objects.get().save()
    assert stamp_of("ai-ml-engineer") == LOADED
    assert Source.objects.get().changed_at == LOADED


def test_a_role_text_change_dates_the_role(client, loaded):
    loaded(EDIT)
    role = Role.objects.get(slug="backend-developer")
    role.summary = "Writes the code behind every app."
    role.save()
    assert stamp_of("backend-developer") == EDIT
    assert lastmods(client)[BACKEND] == "2027-03-04"


def test_a_renamed_level_dates_the_roles_with_a_band_there(loaded):
    Role.objects.create(name="No Bands", slug="no-bands", summary="s", description="d")
    loaded(EDIT)
    level = ExperienceLevel.objects.get(slug="senior")
    level.name = "Senior and staff"
    level.save()
    assert stamp_of("backend-developer") == stamp_of("ai-ml-engineer") == EDIT
    assert stamp_of("no-bands") != EDIT


# Sources ------------------------------------------------------------------------------


def test_an_edited_source_dates_every_role_that_cites_it(client, loaded):
    loaded(EDIT)
    source = Source.objects.get()
    source.title = "Backend Developer vs AI/ML Engineer: salaries compared"
    source.save()
    assert source.changed_at == EDIT
    assert stamp_of("backend-developer") == stamp_of("ai-ml-engineer") == EDIT
    dates = lastmods(client)
    assert dates[BACKEND] == dates[AI] == dates[ARTICLE_URL] == "2027-03-04"
    assert dates["/methodology/"] == "2027-03-04"


@pytest.mark.parametrize(
    ("model", "slug", "stamped"),
    [
        (PayFactor, "masters-degree", ["ai-ml-engineer"]),  # a factor for AI/ML only
        (Benefit, "research-funding", ["ai-ml-engineer"]),  # a benefit AI/ML offers
        (RoleNote, "demand-ai-ml-growth", ["ai-ml-engineer"]),  # a note on AI/ML
        (PayFactor, "finance", ["ai-ml-engineer", "backend-developer"]),
    ],
)
def test_a_source_cited_through_shared_records_dates_the_roles_they_apply_to(
    loaded, model, slug, stamped
):
    other = Source.objects.create(
        slug="other", publisher="Other", title="Other figures", as_of=datetime.date(2026, 1, 1)
    )
    model.objects.filter(slug=slug).update(source=other)  # no signal: not the edit under test
    Role.objects.update(figures_changed_at=LOADED)
    loaded(EDIT)
    other.as_of = datetime.date(2026, 6, 1)
    other.as_of_precision = Source.Precision.MONTH
    other.save()
    assert sorted(r.slug for r in Role.objects.filter(figures_changed_at=EDIT)) == stamped


# Many-to-many links and deletions -----------------------------------------------------


def test_linking_a_factor_dates_only_the_roles_it_newly_applies_to(loaded):
    factor = PayFactor.objects.get(slug="masters-degree")
    backend = Role.objects.get(slug="backend-developer")
    loaded(EDIT)
    factor.applies_to.add(backend)
    assert stamp_of("backend-developer") == EDIT and stamp_of("ai-ml-engineer") == LOADED
    loaded(LATER)
    backend.pay_factors.remove(factor)  # from the role's side
    assert stamp_of("backend-developer") == LATER and stamp_of("ai-ml-engineer") == LOADED


def test_clearing_a_factor_dates_the_roles_it_applied_to(loaded):
    loaded(EDIT)
    PayFactor.objects.get(slug="masters-degree").applies_to.clear()
    assert stamp_of("ai-ml-engineer") == EDIT and stamp_of("backend-developer") == LOADED


def test_deleting_a_benefit_dates_the_roles_that_offered_it(loaded):
    loaded(EDIT)
    Benefit.objects.get(slug="research-funding").delete()
    assert stamp_of("ai-ml-engineer") == EDIT and stamp_of("backend-developer") == LOADED


# The site's other pages ------------------------------------------------------------------


def test_static_pages_take_the_newest_change_among_what_they_show(client, loaded):
    revised = freshness.TEXT_REVISED
    dates = lastmods(client)
    assert dates["/"] == max(datetime.date(2026, 12, 2), revised["home"]).isoformat()
    assert dates["/compare/"] == "2026-12-02"  # the one article
    assert dates["/roles/"] == dates["/calculator/"] == "2026-11-29"  # the roles' records
    assert (
        dates["/methodology/"]
        == max(datetime.date(2026, 11, 29), revised["methodology"]).isoformat()
    )

    loaded(EDIT)
    edited = band()
    edited.max_salary = 131000
    edited.save()
    dates = lastmods(client)
    assert dates["/"] == dates["/compare/"] == dates["/roles/"] == dates["/calculator/"]
    assert dates["/"] == "2027-03-04"
    assert dates["/methodology/"] != "2027-03-04"  # it shows sources, not bands

    Comparison.objects.update(is_published=False)
    content_changed()
    assert lastmods(client)["/compare/"] is None  # nothing listed, nothing to date


# The wording of the static pages ---------------------------------------------------------


@pytest.mark.parametrize(("path", "name"), [("/about/", "about"), ("/methodology/", "methodology")])
def test_a_static_page_says_when_its_wording_was_last_revised(client, loaded, path, name):
    revised = freshness.TEXT_REVISED[name]
    body = client.get(path).content.decode()
    assert (
        f'Last revised <time datetime="{revised.isoformat()}">'
        f"{revised.day} {revised:%B %Y}</time>" in body
    )
    assert lastmods(client)[path] >= revised.isoformat()
