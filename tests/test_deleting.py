"""Editors delete what hangs off a role or an article; the history keeps it, restorable."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.models import Group

from comparisons.accounts import EDITORS_MAY_DELETE
from comparisons.models import (
    Benefit,
    BenefitRole,
    Comparison,
    ExperienceLevel,
    PayFactor,
    Role,
    SalaryBand,
    SalaryStat,
    Skill,
    Source,
)
from tests.admin_forms import ADMIN, change_page_data, inline_index
from tests.helpers import page_text

pytestmark = pytest.mark.django_db

SUPERUSER_ONLY = [Role, Comparison, Source, ExperienceLevel]


def test_the_editors_group_may_delete_exactly_what_hangs_off_a_role_or_an_article(db):
    group = Group.objects.get(name="Editors")
    deletable = {
        codename.removeprefix("delete_")
        for codename in group.permissions.values_list("codename", flat=True)
        if codename.startswith("delete_")
    }
    # Withdrawing a warning's acknowledgement is not deleting content.
    assert deletable - {"warningacknowledgement"} == EDITORS_MAY_DELETE
    assert {"skill", "benefitrole", "careerstep", "salaryband", "takeaway"} <= EDITORS_MAY_DELETE
    assert not {model._meta.model_name for model in SUPERUSER_ONLY} & deletable


@pytest.mark.parametrize("model", SUPERUSER_ONLY, ids=lambda m: m.__name__)
def test_deleting_a_role_comparison_source_or_level_stays_with_superusers(
    editor_client, content, model
):
    obj = model.objects.first()
    url = f"{ADMIN}/{model._meta.model_name}/{obj.pk}/delete/"
    assert editor_client.get(url).status_code == 403
    assert editor_client.post(url, {"post": "yes"}).status_code == 403
    assert model.objects.filter(pk=obj.pk).exists()


def test_an_editor_deletes_a_skill_on_the_roles_page_with_a_reason(editor_client, editor, content):
    role = Role.objects.get(slug="backend-developer")
    skill = Skill.objects.filter(role=role).first()
    url = f"{ADMIN}/role/{role.pk}/change/"
    data = change_page_data(editor_client.get(url))
    index = inline_index(data, "skills", "id", skill.pk)
    data[f"skills-{index}-DELETE"] = "on"
    data["change_reason"] = "Listed twice"
    response = editor_client.post(url, data)
    assert response.status_code == 302
    assert not Skill.objects.filter(pk=skill.pk).exists()
    deleted = Skill.history.filter(id=skill.pk).latest()
    assert deleted.history_type == "-"
    assert deleted.history_user == editor
    assert deleted.history_change_reason == "Listed twice"


def test_an_editor_deletes_a_benefit_of_a_role_then_restores_it(editor_client, editor, content):
    link = BenefitRole.objects.select_related("benefit", "role").first()
    url = f"{ADMIN}/benefitrole/{link.pk}/delete/"
    page = editor_client.get(url)
    assert page.status_code == 200
    assert "can be restored from the list of deleted" in page_text(page)
    response = editor_client.post(url, {"post": "yes", "change_reason": "Not offered any more"})
    assert response.status_code == 302
    assert not BenefitRole.objects.filter(pk=link.pk).exists()

    changelist = editor_client.get(f"{ADMIN}/benefitrole/").content.decode()
    assert f'href="{ADMIN}/benefitrole/deleted/"' in changelist
    listing = editor_client.get(f"{ADMIN}/benefitrole/deleted/")
    text = page_text(listing)
    assert str(link) in text and "jane" in text and "Not offered any more" in text

    record = BenefitRole.history.filter(id=link.pk, history_type="-").get()
    done = editor_client.post(
        f"{ADMIN}/benefitrole/deleted/", {"restore": [record.history_id]}, follow=True
    )
    assert f"“{link}” was restored." in page_text(done)
    restored = BenefitRole.objects.get(pk=link.pk)  # the same row, so its history joins up
    assert (restored.role_id, restored.benefit_id) == (link.role_id, link.benefit_id)
    types = list(BenefitRole.history.filter(id=link.pk).values_list("history_type", flat=True))
    assert types[:2] == ["+", "-"]
    latest = BenefitRole.history.filter(id=link.pk).latest()
    assert latest.history_user == editor
    assert latest.history_change_reason == "Restored after deletion"
    assert str(link) not in page_text(editor_client.get(f"{ADMIN}/benefitrole/deleted/"))


def test_restoring_a_pay_factor_brings_back_the_roles_it_applied_to(editor_client, content):
    factor = PayFactor.objects.get(slug="bay-area")
    roles = sorted(factor.applies_to.values_list("slug", flat=True))
    editor_client.post(f"{ADMIN}/payfactor/{factor.pk}/delete/", {"post": "yes"})
    assert not PayFactor.objects.filter(pk=factor.pk).exists()
    record = PayFactor.history.filter(id=factor.pk, history_type="-").get()
    editor_client.post(f"{ADMIN}/payfactor/deleted/", {"restore": [record.history_id]})
    restored = PayFactor.objects.get(pk=factor.pk)
    assert sorted(restored.applies_to.values_list("slug", flat=True)) == roles
    # One history entry for the restore, with the roles in it.
    latest = restored.history.latest()
    assert latest.history_type == "+"
    assert sorted(latest.applies_to.values_list("role__slug", flat=True)) == roles


def test_a_record_whose_role_is_deleted_too_says_what_to_restore_first(superuser_client, content):
    role = Role.objects.get(slug="ai-ml-engineer")
    role_id = role.pk
    band = SalaryBand.objects.filter(role=role).first()
    Comparison.objects.all().delete()
    role.delete()
    record = SalaryBand.history.filter(id=band.pk, history_type="-").get()
    response = superuser_client.post(
        f"{ADMIN}/salaryband/deleted/", {"restore": [record.history_id]}, follow=True
    )
    assert "its role is deleted too: restore that first" in page_text(response)
    assert not SalaryBand.objects.filter(pk=band.pk).exists()

    role_record = Role.history.filter(id=role_id, history_type="-").get()
    response = superuser_client.post(
        f"{ADMIN}/role/deleted/", {"restore": [role_record.history_id]}, follow=True
    )
    assert "restored as a draft" in page_text(response)
    assert not Role.objects.get(pk=role_id).is_published
    superuser_client.post(f"{ADMIN}/salaryband/deleted/", {"restore": [record.history_id]})
    assert SalaryBand.objects.filter(pk=band.pk).exists()


def test_editors_have_no_deleted_list_for_what_they_cannot_delete(editor_client, content):
    assert editor_client.get(f"{ADMIN}/role/deleted/").status_code == 403
    assert "/role/deleted/" not in editor_client.get(f"{ADMIN}/role/").content.decode()


def test_a_published_roles_headline_and_last_band_cannot_be_deleted(editor_client, content):
    role = Role.objects.get(slug="backend-developer")
    headline = SalaryStat.objects.get(role=role, kind="headline")
    url = f"{ADMIN}/salarystat/{headline.pk}/delete/"
    page = editor_client.get(url)
    assert "cannot be deleted now" in page_text(page)
    assert "Backend Developer is published, and its page needs its headline average" in (
        page_text(page)
    )
    editor_client.post(url, {"post": "yes"})
    assert SalaryStat.objects.filter(pk=headline.pk).exists()

    bands = list(role.bands.values_list("pk", flat=True))
    response = editor_client.post(
        f"{ADMIN}/salaryband/",
        {"action": "delete_selected", "_selected_action": bands, "post": "yes"},
    )
    assert "needs at least one salary band" in page_text(response)
    assert role.bands.count() == len(bands)
    # All but one may go.
    editor_client.post(
        f"{ADMIN}/salaryband/",
        {"action": "delete_selected", "_selected_action": bands[1:], "post": "yes"},
    )
    assert list(role.bands.values_list("pk", flat=True)) == bands[:1]


def test_bulk_deletion_records_each_with_its_reason(editor_client, content):
    skills = list(Skill.objects.filter(role__slug="ai-ml-engineer").values_list("pk", flat=True))
    editor_client.post(
        f"{ADMIN}/skill/",
        {
            "action": "delete_selected",
            "_selected_action": skills,
            "post": "yes",
            "change_reason": "Old list",
        },
    )
    assert not Skill.objects.filter(pk__in=skills).exists()
    reasons = Skill.history.filter(id__in=skills, history_type="-").values_list(
        "history_change_reason", flat=True
    )
    assert list(reasons) == ["Old list"] * len(skills)


def test_deleting_a_shared_pay_factor_dates_its_roles(clock, editor_client, content):
    factor = PayFactor.objects.get(slug="bay-area")
    applied = list(factor.applies_to.values_list("pk", flat=True))
    assert applied
    editor_client.post(f"{ADMIN}/payfactor/{factor.pk}/delete/", {"post": "yes"})
    stamps = Role.objects.filter(pk__in=applied).values_list("figures_changed_at", flat=True)
    assert {stamp.date() for stamp in stamps} == {datetime.date(2027, 3, 15)}  # the clock's day


def test_a_deleted_benefit_can_be_read_and_restored_from_its_history(editor_client, content):
    benefit = Benefit.objects.first()
    editor_client.post(f"{ADMIN}/benefit/{benefit.pk}/delete/", {"post": "yes"})
    history = editor_client.get(f"{ADMIN}/benefit/{benefit.pk}/history/")
    assert history.status_code == 200
    record = Benefit.history.filter(id=benefit.pk, history_type="-").get()
    version = f"{ADMIN}/benefit/{benefit.pk}/history/{record.history_id}/"
    data = change_page_data(editor_client.get(version))
    assert editor_client.post(version, data).status_code == 302
    assert Benefit.objects.filter(pk=benefit.pk).exists()
    assert (
        Benefit.history.filter(id=benefit.pk)
        .latest()
        .history_change_reason.startswith("Restored from the version of")
    )
