"""The editors' workflow in admin: permissions, validation, history, warnings, drafts."""

from __future__ import annotations

import re
from decimal import Decimal as D

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.urls import reverse

from comparisons.models import Comparison, SalaryBand, SalaryStat, Source
from tests.helpers import ARTICLE_URL, page_text

pytestmark = pytest.mark.django_db

ADMIN = "/admin/comparisons"


def band(role: str = "ai-ml-engineer", level: str = "entry-level") -> SalaryBand:
    return SalaryBand.objects.get(role__slug=role, level__slug=level)


def band_form(obj: SalaryBand, **changes) -> dict:
    data = {
        "role": obj.role_id,
        "level": obj.level_id,
        "min_salary": obj.min_salary,
        "max_salary": obj.max_salary,
        "open_ended": "on" if obj.open_ended else "",
        "currency": obj.currency,
        "source": obj.source_id,
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value != ""}


# Permissions -----------------------------------------------------------------


def test_editors_group_may_add_change_and_view_every_content_model_and_nothing_else():
    from comparisons.accounts import EDITORS_MAY_DELETE

    group = Group.objects.get(name="Editors")
    codenames = set(group.permissions.values_list("codename", flat=True))
    content = {
        model._meta.model_name
        for model in apps.get_app_config("comparisons").get_models()
        if not model.__name__.startswith("Historical") and getattr(model, "is_content", True)
    }
    expected = {f"{action}_{name}" for name in content for action in ("add", "change", "view")}
    expected |= {f"delete_{name}" for name in EDITORS_MAY_DELETE}
    # Acknowledging a warning: written once, read, withdrawn.
    expected |= {f"{a}_warningacknowledgement" for a in ("add", "view", "delete")}
    assert codenames == expected
    assert not group.permissions.exclude(content_type__app_label="comparisons").exists()


def test_create_editor_makes_a_staff_editor_that_is_not_a_superuser(editor):
    assert editor.is_staff and not editor.is_superuser
    assert list(editor.groups.values_list("name", flat=True)) == ["Editors"]
    assert editor.has_perm("comparisons.change_salaryband")
    assert not editor.has_perm("comparisons.delete_role")
    assert not editor.has_perm("auth.view_user")


@pytest.mark.parametrize("name", ["admin", "Admin", "root"])
def test_guessable_account_names_are_refused(db, name, monkeypatch):
    monkeypatch.setenv("CAREERGUIDE_EDITOR_PASSWORD", "a-long-and-unusual-passphrase-42")
    with pytest.raises(CommandError, match="too easy to guess"):
        call_command("create_editor", name, "--no-input")
    with pytest.raises(CommandError, match="too easy to guess"):
        call_command("createsuperuser", username=name, email="x@example.com", interactive=False)


def test_create_editor_refuses_a_weak_password(db, monkeypatch):
    monkeypatch.setenv("CAREERGUIDE_EDITOR_PASSWORD", "password")
    with pytest.raises(CommandError, match="too common"):
        call_command("create_editor", "weak", "--no-input")


def test_an_editor_changes_a_band_but_cannot_open_the_user_admin(editor_client, content):
    obj = band()
    url = f"{ADMIN}/salaryband/{obj.pk}/change/"
    assert editor_client.get(url).status_code == 200
    response = editor_client.post(url, band_form(obj, min_salary="99000"))
    assert response.status_code == 302
    assert band().min_salary == D("99000")
    assert editor_client.get("/admin/auth/user/").status_code == 403
    assert editor_client.get("/admin/auth/group/").status_code == 403
    assert editor_client.get(f"{ADMIN}/role/{obj.role_id}/delete/").status_code == 403


@pytest.mark.parametrize(
    "model",
    [m._meta.model_name for m in admin.site._registry if m._meta.app_label == "comparisons"],
)
def test_every_content_admin_page_opens(superuser_client, content, model):
    assert superuser_client.get(f"{ADMIN}/{model}/").status_code == 200
    assert superuser_client.get(f"{ADMIN}/{model}/add/").status_code == 200
    assert superuser_client.get(f"{ADMIN}/{model}/?q=a").status_code == 200


def test_the_admin_lives_at_admin_url(settings):
    assert reverse("admin:index") == f"/{settings.ADMIN_URL}"


# Validation --------------------------------------------------------------------


def test_form_reports_min_above_max_next_to_the_field(editor_client, content):
    obj = band()
    response = editor_client.post(
        f"{ADMIN}/salaryband/{obj.pk}/change/", band_form(obj, min_salary="200000")
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert re.search(
        r"field-max_salary.*?The highest salary must be at least the lowest salary", body, re.S
    )
    assert band().min_salary == D("95000")


def test_role_inline_rejects_a_second_band_for_the_same_level(superuser_client, content):
    role = band().role
    url = f"{ADMIN}/role/{role.pk}/change/"
    page = superuser_client.get(url)
    form = page.context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    for formset in page.context["inline_admin_formsets"]:
        management = formset.formset.management_form
        for field in management:
            data[field.html_name] = field.value()
        for inline_form in formset.formset.forms:
            for field in inline_form:
                value = field.value()
                if value not in (None, False):
                    data[field.html_name] = value
    prefix = "bands"
    total = int(data[f"{prefix}-TOTAL_FORMS"])
    duplicate = {
        "role": role.pk,
        "level": band().level_id,
        "min_salary": "1",
        "max_salary": "2",
        "currency": "USD",
        "source": band().source_id,
    }
    for key, value in duplicate.items():
        data[f"{prefix}-{total}-{key}"] = value
    data[f"{prefix}-TOTAL_FORMS"] = total + 1
    response = superuser_client.post(url, data)
    assert response.status_code == 200
    assert "This role already has a band for this level." in response.content.decode()
    assert SalaryBand.objects.filter(role=role).count() == 3


def test_publishing_needs_the_figures_the_article_shows(editor_client, content):
    comparison = Comparison.objects.get()
    SalaryStat.objects.filter(role=comparison.role_a, kind="headline").delete()
    comparison.refresh_from_db()
    with pytest.raises(Exception, match="has no headline average"):
        comparison.full_clean()


# History and revert -------------------------------------------------------------


def test_history_records_who_changed_which_values_and_reverts(editor_client, editor, content):
    obj = band()
    editor_client.post(f"{ADMIN}/salaryband/{obj.pk}/change/", band_form(obj, min_salary="99000"))
    latest = obj.history.latest()
    assert latest.history_user == editor and latest.history_type == "~"
    history = editor_client.get(f"{ADMIN}/salaryband/{obj.pk}/history/")
    text = page_text(history)
    assert "jane" in text
    assert re.search(r"min_salary|From \(a year\)", text, re.I)
    assert "95000.00" in text and "99000.00" in text

    earlier = obj.history.order_by("history_date").first()
    revert_url = f"{ADMIN}/salaryband/{obj.pk}/history/{earlier.history_id}/"
    assert editor_client.get(revert_url).status_code == 200
    editor_client.post(revert_url, band_form(earlier.instance))
    assert band().min_salary == D("95000")
    assert obj.history.count() == 3


def test_deleting_is_recorded(content):
    obj = band()
    pk = obj.pk
    obj.delete()
    assert SalaryBand.history.filter(id=pk).latest().history_type == "-"


# Warnings ----------------------------------------------------------------------


def test_role_page_warns_of_disagreeing_averages_and_bands_outside_the_range(
    editor_client, content
):
    role = band(role="backend-developer").role
    text = page_text(editor_client.get(f"{ADMIN}/role/{role.pk}/change/"))
    assert (
        "Backend Developer: the salary overview (~$95,000) is 17% below the headline average "
        "($114,528), more than the 10% tolerance." in text
    )
    assert "the senior band ($130k–$180k) lies outside the typical range" in text
    assert "you can still save" in text


def test_comparison_page_warns_about_its_roles_and_stale_sources(
    clock, editor_client, content, settings
):
    settings.SOURCE_MAX_AGE_MONTHS = 6
    comparison = Comparison.objects.get()
    text = page_text(editor_client.get(f"{ADMIN}/comparison/{comparison.pk}/change/"))
    assert "is 17% below the headline average" in text
    # The source describes 2025, so its age counts from 31 December 2025 to NOW.
    assert (
        "jobcopy.ai, “Backend Developer vs AI/ML Engineer salary comparison” is 14 months old, "
        "past the 6-month limit" in text
    )
    settings.SOURCE_MAX_AGE_MONTHS = 18
    assert "months old" not in page_text(
        editor_client.get(f"{ADMIN}/comparison/{comparison.pk}/change/")
    )


def test_flagged_filter_lists_only_flagged_rows(clock, editor_client, content, settings):
    settings.AVERAGE_TOLERANCE_PERCENT = D("50")
    Source.objects.update(url="https://publisher.example/report")  # no "no address" warning
    flagged = page_text(editor_client.get(f"{ADMIN}/role/?flagged=yes"))
    clean = page_text(editor_client.get(f"{ADMIN}/role/?flagged=no"))
    # Only the bands outside the overview range remain flagged; both roles have one.
    assert "Backend Developer" in flagged and "AI/ML Engineer" in flagged
    assert "0 roles" in clean or "Backend Developer" not in clean
    SalaryBand.objects.filter(level__slug="senior").delete()
    assert "Backend Developer" in page_text(editor_client.get(f"{ADMIN}/role/?flagged=no"))


# Drafts, preview and publishing ---------------------------------------------------


def test_a_draft_is_hidden_from_the_public_and_previewable_by_staff(client, editor, content):
    comparison = Comparison.objects.get()
    comparison.is_published = False
    comparison.save()
    # its address names two roles: the pair's data-only page, never the draft (test_pairs.py)
    public = client.get(ARTICLE_URL, follow=True)
    assert public.redirect_chain == [("/compare/ai-ml-engineer-vs-backend-developer/", 301)]
    assert "No editor has written about this pair yet" in page_text(public)
    assert ARTICLE_URL not in client.get("/").content.decode()
    preview = reverse("comparisons:preview", kwargs={"slug": comparison.slug})
    assert client.get(preview).status_code == 302  # to the admin login
    client.force_login(editor)
    response = client.get(preview)
    assert response.status_code == 200
    assert '<meta name="robots" content="noindex">' in response.content.decode()
    assert "This draft is not public" in page_text(response)
    assert "no-store" in response["Cache-Control"]


def test_view_on_site_opens_the_public_page_or_the_preview(editor_client, content):
    comparison = Comparison.objects.get()
    change = editor_client.get(f"{ADMIN}/comparison/{comparison.pk}/change/").content.decode()
    assert "View on site" in change
    role = band().role
    assert editor_client.get(f"{ADMIN}/role/{role.pk}/change/").status_code == 200
    from comparisons.admin.articles import ComparisonAdmin

    model_admin = ComparisonAdmin(Comparison, admin.site)
    assert model_admin.view_on_site(comparison) == ARTICLE_URL
    comparison.is_published = False
    assert model_admin.view_on_site(comparison).endswith("/preview/")


def test_done_when_an_editor_changes_checks_reverts_and_the_article_is_back(
    clock, client, editor, content
):
    before = page_text(client.get(ARTICLE_URL))
    assert "Last updated 2 December 2026" in before  # the editor's date
    calc_url = "/calculator/?role_a=ai-ml-engineer&role_b=backend-developer"
    assert "$95,000–$130,000" in page_text(client.get(calc_url))

    client.force_login(editor)
    obj = band()
    client.post(f"{ADMIN}/salaryband/{obj.pk}/change/", band_form(obj, min_salary="99000"))
    client.logout()
    changed = page_text(client.get(ARTICLE_URL))
    assert "AI/ML Engineer · starts at $99k" in changed and "$99k–$130k" in changed
    assert "$99,000–$130,000" in page_text(client.get(calc_url))

    client.force_login(editor)
    history = client.get(f"{ADMIN}/salaryband/{obj.pk}/history/")
    assert "99000.00" in page_text(history)
    earlier = obj.history.order_by("history_date").first()
    client.post(
        f"{ADMIN}/salaryband/{obj.pk}/history/{earlier.history_id}/", band_form(earlier.instance)
    )
    client.logout()
    # The figures are back, and the page rightly dates their last change (NOW).
    assert page_text(client.get(ARTICLE_URL)) == before.replace(
        "Last updated 2 December 2026 · first published 29 November 2026",
        "Last updated 15 March 2027 · first published 29 November 2026",
    )


def test_every_save_bumps_the_content_version(editor_client, content):
    from core.state import CONTENT, read_state

    version = read_state().version(CONTENT)
    obj = band()
    editor_client.post(f"{ADMIN}/salaryband/{obj.pk}/change/", band_form(obj, min_salary="99000"))
    assert read_state().version(CONTENT) > version


def form_data(response) -> dict:
    """What a rendered admin form would post back: its bound or initial values."""
    form = response.context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value in (None, False, ""):
            continue
        data[name] = [str(v) for v in value] if isinstance(value, list) else value
    return data


def test_reverting_restores_which_roles_a_factor_applies_to(editor_client, content):
    from comparisons.models import PayFactor, Role

    factor = PayFactor.objects.get(slug="bay-area")
    url = f"{ADMIN}/payfactor/{factor.pk}/change/"
    data = form_data(editor_client.get(url))
    data["applies_to"] = [str(Role.objects.get(slug="ai-ml-engineer").pk)]
    assert editor_client.post(url, data).status_code == 302
    assert list(factor.applies_to.values_list("slug", flat=True)) == ["ai-ml-engineer"]

    earliest = factor.history.order_by("history_date").first()
    revert_url = f"{ADMIN}/payfactor/{factor.pk}/history/{earliest.history_id}/"
    page = editor_client.get(revert_url)
    assert page.status_code == 200
    editor_client.post(revert_url, form_data(page))  # exactly what the revert form shows
    assert sorted(factor.applies_to.values_list("slug", flat=True)) == [
        "ai-ml-engineer",
        "backend-developer",
    ]


def test_stale_sources_of_pay_factors_are_flagged_too(clock, editor_client, content):
    import datetime

    from comparisons.models import PayFactor, Source

    old = Source.objects.create(
        slug="old-survey", publisher="Old Survey", title="Pay in 2019",
        as_of=datetime.date(2019, 1, 1),
    )  # fmt: skip
    PayFactor.objects.filter(slug="finance").update(source=old)
    role = band().role
    text = page_text(editor_client.get(f"{ADMIN}/role/{role.pk}/change/"))
    assert "Old Survey, “Pay in 2019” is 86 months old" in text
