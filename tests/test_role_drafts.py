"""Roles have drafts: nothing public shows a role until an editor publishes it."""

from __future__ import annotations

import datetime
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor

from comparisons.models import Comparison, ExperienceLevel, Role, SalaryBand, SalaryStat, Source
from tests.admin_forms import ADMIN, add_inline_row, change_page_data, errors_of, inline_index
from tests.helpers import ARTICLE_URL, page_text, sitemap_text

pytestmark = pytest.mark.django_db

DRAFT = "data-analyst"


@pytest.fixture
def draft(content) -> Role:
    """A new role with a full set of figures, not yet published."""
    role = Role.objects.create(
        name="Data Analyst",
        slug=DRAFT,
        summary="Answers questions with data.",
        description="Data analysts turn raw data into answers for the rest of the business.",
    )
    give_figures(role)
    return role


def give_figures(role: Role) -> None:
    source = Source.objects.get()
    SalaryStat.objects.create(
        role=role, kind="headline", label="Average annual salary", average=D("81234"),
        source=source,
    )  # fmt: skip
    for level in ExperienceLevel.objects.all():
        SalaryBand.objects.create(
            role=role, level=level, min_salary=D("60000") + level.order * 10000,
            max_salary=D("80000") + level.order * 10000, source=source,
        )  # fmt: skip


def publish(role: Role) -> None:
    role.is_published = True
    role.published_on = datetime.date(2026, 11, 30)
    role.full_clean()
    role.save()


PAIR = f"/compare/ai-ml-engineer-vs-{DRAFT}/"


def public_traces(client) -> dict[str, bool]:
    """Where the public could meet the role "data-analyst"."""
    calc = client.get("/calculator/", {"role_a": "backend-developer", "role_b": DRAFT})
    chooser = client.get("/compare/pair/", {"a": "ai-ml-engineer", "b": DRAFT})
    return {
        "role index": "Data Analyst" in page_text(client.get("/roles/")),
        "role page": client.get(f"/roles/{DRAFT}/").status_code == 200,
        "open data": client.get(f"/roles/{DRAFT}.json").status_code == 200,
        "sitemap": f"/roles/{DRAFT}/" in sitemap_text(client),
        "calculator select": f'value="{DRAFT}"' in client.get("/calculator/").content.decode(),
        "calculator result": calc.status_code == 200,
        "pair chooser select": f'value="{DRAFT}"' in client.get("/compare/").content.decode(),
        "pair chooser": "invalid" not in chooser["Location"],
        "pair page": client.get(PAIR).status_code == 200,
        "pair data": client.get(PAIR.rstrip("/") + ".csv").status_code == 200,
    }


def test_a_new_role_is_a_draft_that_no_public_page_shows(client, draft):
    assert not draft.is_published
    traces = public_traces(client)
    assert not any(traces.values()), traces


def test_once_published_it_shows_everywhere(client, draft):
    publish(draft)
    traces = public_traces(client)
    assert all(traces.values()), traces


def test_staff_preview_a_draft_role_never_cached_and_noindex(client, editor, draft):
    url = f"/roles/{DRAFT}/preview/"
    assert client.get(url).status_code == 302  # to the admin login
    client.force_login(editor)
    response = client.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    assert '<meta name="robots" content="noindex">' in body
    assert response["X-Robots-Tag"] == "noindex"
    assert "no-store" in response["Cache-Control"]
    assert "This draft is not public" in page_text(response)
    assert "$81,234" in page_text(response)
    published = client.get("/roles/backend-developer/preview/")
    assert "This is the published page as staff see it" in page_text(published)
    assert client.get("/roles/astronaut/preview/").status_code == 404
    assert "Disallow: /roles/*/preview/" in client.get("/robots.txt").content.decode()


def test_publishing_needs_a_date_and_the_figures_the_page_shows(content):
    role = Role(name="Empty", slug="empty", summary="s", description="d", is_published=True)
    with pytest.raises(ValidationError) as error:
        role.full_clean()
    assert "published_on" in error.value.message_dict
    role.published_on = datetime.date(2026, 11, 30)
    with pytest.raises(ValidationError) as error:
        role.full_clean()
    assert error.value.message_dict["is_published"] == [
        "Not ready to publish: Empty has no headline average; Empty has no salary band."
    ]
    with pytest.raises(IntegrityError), transaction.atomic():
        Role.objects.create(name="Undated", slug="undated", summary="s", description="d",
                            is_published=True)  # fmt: skip


def test_a_published_comparison_needs_two_published_roles(draft):
    ai = Role.objects.get(slug="ai-ml-engineer")
    comparison = Comparison(
        slug="ai-vs-analyst", title="AI vs Analyst", role_a=ai, role_b=draft, summary="s",
        introduction="i", is_published=True, published_on=datetime.date(2026, 11, 30),
    )  # fmt: skip
    with pytest.raises(ValidationError, match="Data Analyst is not published"):
        comparison.full_clean()
    publish(draft)
    comparison.full_clean()


def test_comparisons_with_a_draft_role_are_hidden_everywhere(client, content):
    # However a role became a draft, its articles go with it.
    Role.objects.filter(slug="ai-ml-engineer").update(is_published=False)
    assert not Comparison.objects.published().exists()
    assert client.get(ARTICLE_URL).status_code == 404
    assert ARTICLE_URL not in client.get("/").content.decode()
    assert ARTICLE_URL not in client.get("/compare/").content.decode()
    assert ARTICLE_URL not in sitemap_text(client)
    assert ARTICLE_URL not in client.get("/roles/backend-developer/").content.decode()


def test_a_role_an_article_needs_cannot_be_unpublished(content):
    role = Role.objects.get(slug="ai-ml-engineer")
    role.is_published = False
    with pytest.raises(ValidationError, match="“Backend Developer vs AI/ML Engineer” needs"):
        role.full_clean()


def test_the_seed_roles_are_published(content):
    assert set(Role.objects.published().values_list("slug", flat=True)) == {
        "ai-ml-engineer",
        "backend-developer",
    }
    assert Role.objects.filter(published_on=None).count() == 0


# In the admin -------------------------------------------------------------------------


def test_an_editor_publishes_a_new_role_with_its_figures_in_one_save(editor_client, content):
    page = editor_client.get(f"{ADMIN}/role/add/")
    data = change_page_data(page)
    data.update(
        name="Data Analyst", slug=DRAFT, summary="s", description="d", is_published="on",
        published_on="2026-11-30",
    )  # fmt: skip
    response = editor_client.post(f"{ADMIN}/role/add/", data)
    assert response.status_code == 200
    assert "its page needs a headline average" in errors_of(response)
    assert "its page needs a salary band" in errors_of(response)
    assert not Role.objects.filter(slug=DRAFT).exists()

    source = Source.objects.get().pk
    add_inline_row(
        data, "salary_stats",
        {"kind": "headline", "label": "Average", "average": "81234", "currency": "USD",
         "source": source},
    )  # fmt: skip
    add_inline_row(
        data, "bands",
        {"level": ExperienceLevel.objects.first().pk, "min_salary": "60000",
         "max_salary": "80000", "currency": "USD", "source": source},
    )  # fmt: skip
    response = editor_client.post(f"{ADMIN}/role/add/", data)
    assert response.status_code == 302, errors_of(response)
    assert Role.objects.published().filter(slug=DRAFT).exists()


def test_a_published_role_keeps_its_headline_and_last_band_on_its_page(editor_client, content):
    role = Role.objects.get(slug="backend-developer")
    url = f"{ADMIN}/role/{role.pk}/change/"
    data = change_page_data(editor_client.get(url))
    headline = inline_index(data, "salary_stats", "kind", "headline")
    response = editor_client.post(url, {**data, f"salary_stats-{headline}-DELETE": "on"})
    assert response.status_code == 200
    assert "Backend Developer is published, and its page needs a headline average" in errors_of(
        response
    )
    every_band = {f"bands-{i}-DELETE": "on" for i in range(int(data["bands-TOTAL_FORMS"]))}
    response = editor_client.post(url, {**data, **every_band})
    assert "its page needs a salary band" in errors_of(response)
    assert role.bands.count() == 3

    # Unpublished first (its article too), it may lose them.
    Comparison.objects.update(is_published=False)
    data.pop("is_published")
    response = editor_client.post(url, {**data, **every_band})
    assert response.status_code == 302, errors_of(response)
    assert role.bands.count() == 0


def test_an_editor_cannot_unpublish_a_role_an_article_needs(editor_client, content):
    role = Role.objects.get(slug="backend-developer")
    url = f"{ADMIN}/role/{role.pk}/change/"
    data = change_page_data(editor_client.get(url))
    data.pop("is_published")
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "unpublish it first" in errors_of(response)


def test_roles_list_shows_and_filters_drafts_and_view_on_site_opens_the_preview(
    editor_client, draft
):
    drafts = page_text(editor_client.get(f"{ADMIN}/role/?is_published__exact=0"))
    assert "Data Analyst" in drafts and "Backend Developer" not in drafts
    from django.contrib import admin

    from comparisons.admin.content import RoleAdmin, SalaryBandAdmin

    assert RoleAdmin(Role, admin.site).view_on_site(draft) == f"/roles/{DRAFT}/preview/"
    band = draft.bands.first()
    assert SalaryBandAdmin(SalaryBand, admin.site).view_on_site(band).endswith("/preview/")
    publish(draft)
    assert RoleAdmin(Role, admin.site).view_on_site(draft) == f"/roles/{DRAFT}/"


def test_the_article_preview_offers_its_draft_roles_in_the_calculator(client, editor, draft):
    ai = Role.objects.get(slug="ai-ml-engineer")
    Comparison.objects.create(
        slug="ai-vs-analyst", title="AI vs Analyst", role_a=ai, role_b=draft, summary="s",
        introduction="i",
    )  # fmt: skip
    client.force_login(editor)
    response = client.get("/compare/ai-vs-analyst/preview/")
    assert response.status_code == 200
    assert "Data Analyst" in page_text(response)
    assert "Choose a role from the list" not in page_text(response)


# The migration ---------------------------------------------------------------------------


def _migration(loader, suffix: str) -> tuple[str, str]:
    (name,) = [
        n for app, n in loader.disk_migrations if app == "comparisons" and n.endswith(suffix)
    ]
    return ("comparisons", name)


@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_existing_roles_public():
    executor = MigrationExecutor(connection)
    target = _migration(executor.loader, "_role_publishing")
    (before,) = executor.loader.graph.node_map[target].parents
    latest = executor.loader.graph.leaf_nodes("comparisons")
    try:
        executor.migrate([before.key])
        old_apps = executor.loader.project_state([before.key]).apps
        old_apps.get_model("comparisons", "Role").objects.create(
            name="Old", slug="old", summary="s", description="d"
        )
        executor = MigrationExecutor(connection)
        executor.migrate([target])
        new_apps = executor.loader.project_state([target]).apps
        old = new_apps.get_model("comparisons", "Role").objects.get(slug="old")
        assert old.is_published and old.published_on is not None
    finally:
        MigrationExecutor(connection).migrate(latest)
