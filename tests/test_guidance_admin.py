"""The career-guidance datasets through the admin, as OEWS releases go: start an
import (a background task), preview what it brings (its files' sha256, the codes
the live OEWS release lacks), publish, make the previous release live again,
discard; a broken copy fails saying why and changes nothing (issue 19)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission

from officialstats.models import ImportRun, Program, Projection, Release
from tests.guidance_files import EP_ROWS, with_row_value, write_ep, write_sums
from tests.helpers import page_text

pytestmark = pytest.mark.django_db

START = "/admin/officialstats/importrun/start/"
RELEASES = "/admin/officialstats/release/"
IMMEDIATE = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def data_dir(data_dir, settings):
    settings.TASKS = IMMEDIATE  # the task runs at once here; test_oews_admin uses a worker
    return data_dir


@pytest.fixture
def importer(client, editor):
    editor.user_permissions.add(Permission.objects.get(codename="import_release"))
    client.force_login(editor)
    return client


def start(importer, program: str):
    response = importer.post(START, {"source": program}, follow=True)
    assert response.status_code == 200
    return ImportRun.objects.latest("created_at"), response


def test_the_form_offers_each_dataset(importer, data_dir):
    text = page_text(importer.get(START))
    for label in ("BLS Employment Projections", "O*NET", "NCES", "BEA Regional Price Parities"):
        assert f"{label}: its publisher's files, from the data folder" in text


def test_preview_then_publish_then_restore_then_discard(importer, data_dir, oews_release):
    run, response = start(importer, "ep")
    assert (run.program, run.status) == (Program.EP, ImportRun.Status.STAGED)
    text = page_text(response)
    assert "BLS Employment Projections 2024\u201334 is imported and staged" in text
    assert run.release.files.get().sha256 in text  # the file's sha256, before publishing
    assert "Projections " + f"{len(EP_ROWS)}" in text
    # Codes the live OEWS release lacks are counted, and kept.
    assert "SOC codes of this release are not in the live OEWS release" in text
    assert "11-1031" in text and "00-0000" not in text.split("The codes")[1]

    response = importer.post(f"/admin/officialstats/importrun/{run.pk}/publish/", follow=True)
    assert "2024\u201334 is live" in page_text(response)
    first = Release.objects.get(program=Program.EP)
    assert first.is_live
    assert "Projected to grow about five times" in page_text(
        importer.get("/occupations/software-developers/")
    )

    # The next vintage, published; then the first made live again from the list.
    Release.objects.filter(pk=first.pk).update(code="2023-33", name="2023\u201333",
                                               reference_month="2023-01-01")  # fmt: skip
    second_run, _ = start(importer, "ep")
    importer.post(f"/admin/officialstats/importrun/{second_run.pk}/publish/")
    assert Release.objects.get(pk=first.pk).status == Release.Status.RETIRED
    importer.post(RELEASES, {"action": "make_live", "_selected_action": [first.pk]})
    assert Release.objects.get(pk=first.pk).is_live

    # A staged one discarded: its rows go with it.
    Release.objects.filter(pk=first.pk).update(
        code="2022-32", name="2022\u201332", reference_month="2022-01-01"
    )
    Release.objects.filter(pk=second_run.release_id).update(status=Release.Status.RETIRED)
    Release.objects.filter(pk=first.pk).update(status=Release.Status.RETIRED)
    third_run, _ = start(importer, "ep")
    assert third_run.status == ImportRun.Status.FAILED  # 2024-34 is there already
    assert "has been imported already" in third_run.error


def test_a_staged_release_is_discarded_from_its_preview(importer, data_dir):
    run, _ = start(importer, "cipsoc")
    response = importer.post(f"/admin/officialstats/importrun/{run.pk}/discard/", follow=True)
    assert "discarded" in page_text(response)
    assert not Release.objects.filter(program=Program.CIPSOC).exists()


def test_a_broken_copy_fails_saying_where_and_changes_nothing(importer, data_dir):
    write_ep(data_dir / "ep-2024-34" / "occupation.xlsx", with_row_value("15-1252", 8, "n/a"))
    write_sums(data_dir)
    run, response = start(importer, "ep")
    assert run.status == ImportRun.Status.FAILED
    assert "occupation.xlsx, sheet “Table 1.2”, row 6: “n/a”" in page_text(response)
    assert "Nothing was changed" in page_text(response)
    assert not Release.objects.exists() and not Projection.objects.exists()


def test_price_levels_are_previewed_with_the_places_they_miss(importer, data_dir, oews_release):
    run, response = start(importer, "rpp")
    assert (run.program, run.status) == (Program.RPP, ImportRun.Status.STAGED)
    text = page_text(response)
    assert "BEA Regional Price Parities 2023 is imported and staged" in text
    assert "Regional price parities 6" in text  # the nation, nonmetro portion, 2 states, 2 areas
    places = text[text.index("Places of the live OEWS release without a price level") :]
    assert "1 state or area of the live OEWS release has no price level" in places
    assert "Hill Country Region of Texas nonmetropolitan area" in places
    importer.post(f"/admin/officialstats/importrun/{run.pk}/publish/", follow=True)
    assert "112.581" in page_text(importer.get("/places/california/"))
