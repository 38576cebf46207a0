"""Importing from the admin: permission, background task, progress, preview, publish."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from officialstats import live
from officialstats.models import ImportRun, Release
from officialstats.preview import median_changes
from tests.helpers import page_text, statistics_state
from tests.oews import write_next_release

pytestmark = pytest.mark.django_db

START = "/admin/officialstats/importrun/start/"
RELEASES = "/admin/officialstats/release/"
IMMEDIATE = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _uploads_and_tasks(settings, tmp_path):
    settings.OFFICIALSTATS_DATA_DIR = tmp_path / "data"
    # Tasks run at once in these tests; one test below uses the real worker.
    settings.TASKS = IMMEDIATE


def zipped(folder: Path, with_provenance: bool = False) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.iterdir()):
            archive.write(path, path.name)
    return SimpleUploadedFile("oews.zip", buffer.getvalue(), content_type="application/zip")


def upload(client, folder: Path, **extra):
    data = {
        "source": "upload",
        "upload": zipped(folder),
        "published_on": "2027-05-14",
        "retrieved_on": "2027-05-20",
        **extra,
    }
    return client.post(START, data)


@pytest.fixture
def importer(client, editor):
    """An editor given the permission to import and publish releases."""
    editor.user_permissions.add(Permission.objects.get(codename="import_release"))
    client.force_login(editor)
    return client


def test_editors_need_the_permission(editor_client, oews_files):
    assert editor_client.get(START).status_code == 403
    assert upload(editor_client, oews_files).status_code == 403
    assert not ImportRun.objects.exists()


def test_superusers_and_permitted_editors_may_import(superuser_client, editor):
    from django.test import Client

    editor.user_permissions.add(Permission.objects.get(codename="import_release"))
    importer = Client()
    importer.force_login(editor)
    for client in (superuser_client, importer):
        page = client.get(START)
        assert page.status_code == 200
        assert 'value="Start the import"' in page.content.decode()


def test_an_upload_is_imported_staged_and_previewed(importer, oews_release, tmp_path):
    response = upload(importer, write_next_release(tmp_path / "next"))
    run = ImportRun.objects.get()
    assert response.status_code == 302 and response["Location"] == run.get_absolute_url()
    assert run.status == ImportRun.Status.STAGED and run.task_id
    assert run.release.status == Release.Status.STAGED
    assert (run.release.published_on.isoformat(), run.release.retrieved_on.isoformat()) == (
        "2027-05-14",
        "2027-05-20",
    )
    assert run.release.archive_name == "oews.zip" and len(run.release.archive_sha256) == 64
    assert not run.upload  # the uploaded file is removed once imported
    # Nothing public changed yet.
    assert live.live_release().code == "2025A01"

    text = page_text(importer.get(run.get_absolute_url()))
    assert "May 2026 is imported and staged: readers still see May 2025" in text
    assert "Occupations and groups 26" in text
    assert "Areas 5 (1 national, 2 state, 1 metro, 1 nonmetro)" in text
    assert "Industries 3" in text and "Estimates 114 (1,806 values)" in text
    assert "1 added, 1 removed" in text
    assert "15-1254 Web Developers" in text
    assert "15-1253 Software Quality Assurance Analysts and Testers" in text
    # The largest moves of the national median first; unchanged ones not at all.
    assert (
        "Data Scientists (15-2051) $120,230 $112,000 −$8,230 (−7%) "
        "Cashiers (41-2011) $32,880 $31,000 −$1,880 (−6%) "
        "Software Developers (15-1252) $135,980 $142,000 +$6,020 (+4%)"
    ) in text
    assert "0.0%" not in text
    assert "Publish May 2026 (retires May 2025)" in text


def test_publishing_from_the_preview(importer, oews_release, tmp_path):
    upload(importer, write_next_release(tmp_path / "next"))
    run = ImportRun.objects.get()
    before = statistics_state()
    response = importer.post(f"/admin/officialstats/importrun/{run.pk}/publish/")
    assert response.status_code == 302
    run.refresh_from_db()
    oews_release.refresh_from_db()
    assert run.status == ImportRun.Status.PUBLISHED and run.release.is_live
    assert oews_release.status == Release.Status.RETIRED
    assert statistics_state() != before
    text = page_text(importer.get(run.get_absolute_url()))
    assert "May 2026 is live. May 2025 is retired and can be made live again." in text


def test_discarding_from_the_preview(importer, oews_release, tmp_path):
    upload(importer, write_next_release(tmp_path / "next"))
    run = ImportRun.objects.get()
    importer.post(f"/admin/officialstats/importrun/{run.pk}/discard/")
    run.refresh_from_db()
    assert run.status == ImportRun.Status.DISCARDED and run.release is None
    assert list(Release.objects.values_list("code", flat=True)) == ["2025A01"]


def test_a_broken_upload_says_why_and_changes_nothing(importer, oews_release, tmp_path):
    folder = write_next_release(tmp_path / "next")
    (folder / "oe.industry").write_bytes(b"industry_code\tindustry_name\r\n000000\tAll\r\n")
    upload(importer, folder)
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.FAILED
    assert "oews.zip: oe.industry, line 1: wrong header" in run.error
    text = page_text(importer.get(run.get_absolute_url()))
    assert "Failed: nothing was changed" in text and "wrong header" in text
    assert list(Release.objects.values_list("code", "status")) == [("2025A01", "live")]


def test_the_form_explains_what_it_needs(importer, oews_files):
    page = importer.post(START, {"source": "upload"})
    assert "Choose the zip of the release" in page_text(page)
    page = importer.post(
        START, {"source": "upload", "upload": SimpleUploadedFile("x.zip", b"not a zip")}
    )
    assert "This is not a zip file." in page_text(page)
    page = importer.post(START, {"source": "upload", "upload": zipped(oews_files)})
    assert "Needed: the zip holds no provenance.json" in page_text(page)
    assert not ImportRun.objects.exists()


def test_progress_is_polled_with_htmx_and_refreshes_without_javascript(importer):
    run = ImportRun.objects.create(origin=ImportRun.Origin.BUNDLED, status="running")
    ImportRun.objects.filter(pk=run.pk).update(
        phase="Reading oe.data.0.Current and writing estimates",
        files_read=7,
        files_total=7,
        lines_read=3_000_000,
        rows_written=180_000,
        fraction_done=0.5,
        seconds_left=20,
    )
    page = importer.get(run.get_absolute_url())
    body = page.content.decode()
    assert "no-store" in page["Cache-Control"]
    assert 'data-hx-trigger="every 2s"' in body and "data-hx-get=" in body
    assert '<noscript><meta http-equiv="refresh" content="5"></noscript>' in body
    text = page_text(page)
    assert "Lines of data read: 3,000,000" in text and "About 20 s left" in text
    assert "Refresh" in text
    fragment = importer.get(run.get_absolute_url(), headers={"HX-Request": "true"})
    assert fragment.content.decode().lstrip().startswith('<div id="import-status"')
    assert "<html" not in fragment.content.decode()
    # Once finished, the fragment stops the polling.
    ImportRun.objects.filter(pk=run.pk).update(status="failed", error="oe.area: line 3: bad")
    fragment = importer.get(run.get_absolute_url(), headers={"HX-Request": "true"})
    assert "data-hx-trigger" not in fragment.content.decode()
    assert "noscript" not in importer.get(run.get_absolute_url()).content.decode()


def test_the_release_is_browsable_not_editable(superuser_client, oews_release):
    page = superuser_client.get(f"{RELEASES}{oews_release.pk}/change/")
    text = page_text(page)
    assert page.status_code == 200
    assert "oe.data.0.Current" in text and "the agency's file, byte for byte" in text
    assert 'name="name"' not in page.content.decode()  # read-only
    listing = page_text(superuser_client.get(RELEASES))
    assert "May 2025" in listing and "Import a release" in listing
    occupations = superuser_client.get(
        f"/admin/officialstats/occupation/?release__id__exact={oews_release.pk}&q=software"
    )
    assert "Software Developers" in page_text(occupations)
    assert superuser_client.get("/admin/officialstats/occupation/add/").status_code == 403
    assert superuser_client.get("/admin/officialstats/estimate/").status_code == 404


def test_make_live_again_from_the_release_list(importer, oews_release, tmp_path):
    from tests.helpers import import_oews

    import_oews(write_next_release(tmp_path / "next"))
    response = importer.post(
        RELEASES, {"action": "make_live", "_selected_action": [oews_release.pk]}, follow=True
    )
    assert "May 2025 is live; May 2026 is retired." in page_text(response)
    oews_release.refresh_from_db()
    assert oews_release.is_live


def test_median_changes_skip_unpublished_medians():
    from decimal import Decimal as D

    before = {"1": ("A", D("100")), "2": ("B", None), "3": ("C", D("200")), "4": ("D", D("50"))}
    after = {"1": ("A", D("110")), "2": ("B", D("90")), "3": ("C", None), "4": ("D", D("40"))}
    changes = median_changes(before, after)
    assert [(c.code, c.change.percent) for c in changes] == [("4", D("-20")), ("1", D("10"))]


@pytest.mark.django_db(transaction=True)
def test_the_database_backend_enqueues_and_a_worker_runs_it(settings, oews_files, client):
    """The real backend: the admin only enqueues; `db_worker` does the import."""
    from django.contrib.auth import get_user_model
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    # A superuser: a transactional test's database may have lost the Editors
    # group its migration made, emptied by an earlier transactional test.
    client.force_login(get_user_model().objects.create_superuser("chief", "c@example.com", "x"))
    provenance = oews_files / "provenance.json"
    provenance.write_text(
        '{"format": 1, "published_on": "2026-05-15", "retrieved_on": "2026-09-26"}'
    )
    client.post(START, {"source": "upload", "upload": zipped(oews_files)})
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.QUEUED
    task = DBTaskResult.objects.get(id=run.task_id)
    assert task.status == "READY"
    assert "Waiting for the worker" in page_text(client.get(run.get_absolute_url()))

    call_command("db_worker", "--batch", "--no-reload", "--no-startup-delay", verbosity=0)
    run.refresh_from_db()
    task.refresh_from_db()
    assert task.status == "SUCCESSFUL"
    assert task.return_value == {"status": "staged", "release": "2025A01", "error": ""}
    assert run.status == ImportRun.Status.STAGED
    assert run.release.published_on.isoformat() == "2026-05-15"


def test_a_silent_import_is_flagged(importer):
    import datetime

    from django.utils import timezone

    run = ImportRun.objects.create(
        origin=ImportRun.Origin.BUNDLED,
        status="running",
        heartbeat=timezone.now() - datetime.timedelta(minutes=10),
    )
    assert "No news from the import since" in page_text(importer.get(run.get_absolute_url()))
    ImportRun.objects.filter(pk=run.pk).update(heartbeat=timezone.now())
    assert "No news" not in page_text(importer.get(run.get_absolute_url()))


def test_editors_without_the_permission_cannot_make_a_release_live(
    editor_client, oews_release, tmp_path
):
    from tests.helpers import import_oews

    newer = import_oews(write_next_release(tmp_path / "next"), publish=False)
    response = editor_client.post(RELEASES, {"action": "make_live", "_selected_action": [newer.pk]})
    assert response.status_code in (302, 403)
    newer.refresh_from_db()
    assert newer.status == Release.Status.STAGED
    assert editor_client.post("/admin/officialstats/importrun/1/publish/").status_code == 403
