"""The admin's history reads well: one entry per change, with its reason and who made it."""

from __future__ import annotations

import re

import pytest

from comparisons.models import PayFactor, Role, SalaryBand, Source
from tests.admin_forms import ADMIN, change_page_data
from tests.helpers import page_text

pytestmark = pytest.mark.django_db


def factor_page(client, factor: PayFactor) -> tuple[str, dict]:
    url = f"{ADMIN}/payfactor/{factor.pk}/change/"
    return url, change_page_data(client.get(url))


def entries(obj) -> list[str]:
    return list(obj.history.order_by("history_id").values_list("history_type", flat=True))


# One entry per change --------------------------------------------------------------------


def test_changing_only_which_roles_a_factor_applies_to_writes_one_entry(editor_client, content):
    factor = PayFactor.objects.get(slug="bay-area")
    before = entries(factor)
    url, data = factor_page(editor_client, factor)
    data["applies_to"] = [str(Role.objects.get(slug="ai-ml-engineer").pk)]
    assert editor_client.post(url, data).status_code == 302
    assert entries(factor) == [*before, "~"]
    latest = factor.history.latest()
    changes = latest.diff_against(latest.prev_record).changes
    assert [change.field for change in changes] == ["applies_to"]


def test_a_field_and_its_roles_changed_together_are_one_entry_with_both(editor_client, content):
    factor = PayFactor.objects.get(slug="bay-area")
    before = entries(factor)
    url, data = factor_page(editor_client, factor)
    data["applies_to"] = [str(Role.objects.get(slug="ai-ml-engineer").pk)]
    data["note"] = "Checked against the source again."
    editor_client.post(url, data)
    assert entries(factor) == [*before, "~"]
    latest = factor.history.latest()
    assert {c.field for c in latest.diff_against(latest.prev_record).changes} == {
        "applies_to",
        "note",
    }
    assert list(latest.applies_to.values_list("role__slug", flat=True)) == ["ai-ml-engineer"]


def test_saving_without_a_change_writes_no_entry(editor_client, content):
    factor = PayFactor.objects.get(slug="bay-area")
    band = SalaryBand.objects.first()
    before = entries(factor), entries(band)
    url, data = factor_page(editor_client, factor)
    assert editor_client.post(url, data).status_code == 302
    band_url = f"{ADMIN}/salaryband/{band.pk}/change/"
    assert editor_client.post(band_url, change_page_data(editor_client.get(band_url))).status_code
    assert (entries(factor), entries(band)) == before


def test_a_new_factor_with_its_roles_is_one_creation(editor_client, content):
    add = f"{ADMIN}/payfactor/add/"
    data = change_page_data(editor_client.get(add))
    data.update(
        slug="seattle", kind="location", name="Seattle", quantified="on", low_percent="5",
        high_percent="15", applies_to=[str(pk) for pk in Role.objects.values_list("pk", flat=True)],
        order="3", source=str(Source.objects.get().pk),
    )  # fmt: skip
    assert editor_client.post(add, data).status_code == 302
    factor = PayFactor.objects.get(slug="seattle")
    assert entries(factor) == ["+"]
    assert factor.history.get().applies_to.count() == 2


def test_saving_a_role_page_records_only_the_figures_that_changed(editor_client, content):
    role = Role.objects.get(slug="backend-developer")
    band = role.bands.order_by("level__order").first()
    url = f"{ADMIN}/role/{role.pk}/change/"
    data = change_page_data(editor_client.get(url))
    index = next(
        i for i in range(int(data["bands-TOTAL_FORMS"])) if data[f"bands-{i}-id"] == band.pk
    )
    data[f"bands-{index}-min_salary"] = "76000"
    data["change_reason"] = "New survey release"
    role_before, band_before = entries(role), entries(band)
    assert editor_client.post(url, data).status_code == 302
    assert entries(role) == role_before  # the role itself did not change
    assert entries(band) == [*band_before, "~"]
    assert band.history.latest().history_change_reason == "New survey release"


# Reasons and who ---------------------------------------------------------------------------


def test_a_change_reason_is_asked_for_kept_and_shown(editor_client, editor, content):
    band = SalaryBand.objects.first()
    url = f"{ADMIN}/salaryband/{band.pk}/change/"
    page = editor_client.get(url)
    assert "Reason for this change" in page_text(page)
    data = change_page_data(page)
    data.update(min_salary="96000", change_reason="Corrected a typo")
    editor_client.post(url, data)
    assert band.history.latest().history_change_reason == "Corrected a typo"
    history = page_text(editor_client.get(f"{ADMIN}/salaryband/{band.pk}/history/"))
    assert "Corrected a typo" in history
    assert "None" not in history  # a version without a reason shows a dash
    assert "—" in history


def test_reverting_without_a_reason_says_it_was_a_revert(editor_client, content):
    band = SalaryBand.objects.first()
    url = f"{ADMIN}/salaryband/{band.pk}/change/"
    data = change_page_data(editor_client.get(url))
    editor_client.post(url, {**data, "min_salary": "96000"})
    first = band.history.order_by("history_id").first()
    version = f"{ADMIN}/salaryband/{band.pk}/history/{first.history_id}/"
    assert editor_client.post(version, change_page_data(editor_client.get(version))).status_code
    assert band.history.latest().history_change_reason.startswith("Reverted to the version of ")


def test_changed_by_links_to_the_user_only_for_those_who_may_open_it(
    editor_client, editor, content
):
    band = SalaryBand.objects.first()
    url = f"{ADMIN}/salaryband/{band.pk}/change/"
    editor_client.post(url, {**change_page_data(editor_client.get(url)), "min_salary": "96000"})
    history_url = f"{ADMIN}/salaryband/{band.pk}/history/"
    body = editor_client.get(history_url).content.decode()
    assert "jane" in body
    assert "/admin/auth/user/" not in body
    from django.contrib.auth import get_user_model

    from tests.helpers import EDITOR_PASSWORD

    chief = get_user_model().objects.create_superuser("chief", "c@example.com", EDITOR_PASSWORD)
    editor_client.force_login(chief)
    body = editor_client.get(history_url).content.decode()
    link = re.search(r'href="(/admin/auth/user/\d+/change/)">jane<', body)
    assert link and editor_client.get(link.group(1)).status_code == 200


# Markup --------------------------------------------------------------------------------------

INLINE = re.compile(r"<[^>]+\s(style|on[a-z]+)=", re.I)


def admin_pages(content) -> dict[str, str]:
    band = SalaryBand.objects.first()
    first = band.history.first()
    return {
        "history": f"{ADMIN}/salaryband/{band.pk}/history/",
        "revert": f"{ADMIN}/salaryband/{band.pk}/history/{first.history_id}/",
        "import": f"{ADMIN}/salaryband/import/",
        "export": f"{ADMIN}/salaryband/export/",
        "deleted": f"{ADMIN}/salaryband/deleted/",
    }


@pytest.mark.parametrize("page", ["history", "revert", "import", "export", "deleted"])
def test_history_import_and_export_pages_use_the_admins_breadcrumbs_and_no_inline_code(
    editor_client, content, page
):
    response = editor_client.get(admin_pages(content)[page])
    assert response.status_code == 200
    body = response.content.decode()
    assert '<ol class="breadcrumbs">' in body
    assert 'class="breadcrumbs"' not in body.replace('<ol class="breadcrumbs">', "")
    crumbs = re.search(r'<ol class="breadcrumbs">(.*?)</ol>', body, re.S).group(1)
    assert crumbs.count("<li") >= 4 and 'aria-current="page"' in crumbs
    assert not INLINE.search(body), INLINE.search(body)


def test_a_roles_history_opens_without_deprecated_calls(editor_client, content):
    import warnings

    role = Role.objects.first()
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        warnings.simplefilter("error", PendingDeprecationWarning)
        assert editor_client.get(f"{ADMIN}/role/{role.pk}/history/").status_code == 200
