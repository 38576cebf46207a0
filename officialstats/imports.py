"""Running an import end to end, for the command and the background task alike.

An :class:`~officialstats.models.ImportRun` says what to import (the
bundled release, an upload, files on the server); :func:`execute` finds
the files, imports them as a staged release, publishes it if asked, and
records progress and the outcome on the run, so the admin can show both.
"""

from __future__ import annotations

import datetime
import logging
import tempfile
import time
import zipfile
from contextlib import ExitStack
from dataclasses import replace
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from . import publishing
from .importing import bundled, provenance, sources
from .importing.problems import ImportProblem
from .importing.progress import Progress
from .importing.writer import import_release
from .models import ImportRun, Program, Release

logger = logging.getLogger(__name__)
SAVE_EVERY = 0.5  # seconds between progress writes


def bundled_folder() -> Path:
    return settings.OFFICIALSTATS_DATA_DIR / "oews" / bundled.RELEASE_CODE


class RunProgress(Progress):
    """Keeps an import's progress on its run (and tells ``echo``, a terminal)."""

    def __init__(self, run: ImportRun, echo: Progress | None = None) -> None:
        super().__init__()
        self.run = run
        self.echo = echo
        self.saved = 0.0

    def changed(self, force: bool) -> None:
        if self.echo is not None:
            self.echo.text, self.echo.fraction = self.text, self.fraction
            self.echo.files_read, self.echo.files_total = self.files_read, self.files_total
            self.echo.lines, self.echo.rows = self.lines, self.rows
            self.echo.data_started = self.data_started
            self.echo.changed(force)
        now = time.monotonic()
        if not force and now - self.saved < SAVE_EVERY:
            return
        self.saved = now
        # update(), not save(): no signals, and only these columns.
        ImportRun.objects.filter(pk=self.run.pk).update(
            phase=self.text[:200],
            files_read=self.files_read,
            files_total=self.files_total,
            lines_read=self.lines,
            rows_written=self.rows,
            fraction_done=self.fraction,
            seconds_left=self.seconds_left,
            heartbeat=timezone.now(),
        )

    def note(self, text: str) -> None:
        """A step before the import proper (fetching, unpacking)."""
        self.phase(text)


def execute(run: ImportRun, echo: Progress | None = None) -> Release | None:
    """Import what ``run`` names; returns the staged (or published) release, or
    None when it failed, with the reason in ``run.error``."""
    now = timezone.now()
    _set(run, status=ImportRun.Status.RUNNING, started_at=now, heartbeat=now, error="")
    progress = RunProgress(run, echo)
    try:
        if run.program != Program.OEWS:
            release = _import_guidance(run, progress)
        else:
            with ExitStack() as cleanup:
                found, described = locate(run, progress, cleanup)
                release = import_release(found, described, progress=progress)
        _set(run, status=ImportRun.Status.STAGED, release=release, fraction_done=1.0)
        if run.publish_when_done:
            publishing.publish(release)
            _set(run, status=ImportRun.Status.PUBLISHED)
        return release
    except (ImportProblem, publishing.PublishError) as problem:
        _set(run, status=ImportRun.Status.FAILED, error=str(problem))
        return None
    except (KeyboardInterrupt, SystemExit):
        _set(
            run,
            status=ImportRun.Status.FAILED,
            error="Interrupted: the import was stopped before it ended. Nothing was changed.",
        )
        raise
    except BaseException as error:
        logger.exception("import %s failed unexpectedly", run.pk)
        _set(run, status=ImportRun.Status.FAILED, error=f"Unexpected error: {error!r}")
        raise
    finally:
        _set(run, finished_at=timezone.now(), seconds_left=None)
        if run.upload:
            run.upload.delete(save=False)
            ImportRun.objects.filter(pk=run.pk).update(upload="")


def locate(
    run: ImportRun, progress: RunProgress, cleanup: ExitStack
) -> tuple[dict[str, sources.Source], provenance.Provenance]:
    """The files a run names, and what is known of where they came from."""
    if run.origin == ImportRun.Origin.BUNDLED:
        folder = bundled_folder()
        if not bundled.is_prepared(folder):
            bundled.prepare(folder, progress=progress.note)
        paths = [folder]
    elif run.origin == ImportRun.Origin.UPLOAD:
        if not run.upload:
            raise ImportProblem("the uploaded file is gone (was the import started twice?)")
        scratch = Path(cleanup.enter_context(tempfile.TemporaryDirectory(prefix="oews-upload-")))
        paths = [_unpack_upload(run, scratch)]
    else:
        paths = [Path(p) for p in run.paths]
    found = sources.from_paths(paths)
    where = provenance.find(paths)
    described = provenance.read(where) if where else provenance.Provenance()
    if not where and run.origin == ImportRun.Origin.UPLOAD:
        described = provenance.Provenance(
            archive_name=run.upload_name,
            archive_sha256=bundled.sha256_of(paths[0]),
            notes="Uploaded by an editor in the admin.",
        )
    return found, _with_dates(described, run)


def _unpack_upload(run: ImportRun, scratch: Path) -> Path:
    """An upload is a zip of the flat files, or a single (gzipped) file."""
    name = Path(run.upload_name or run.upload.name).name
    target = scratch / name
    with run.upload.open("rb") as stored, target.open("wb") as out:
        while chunk := stored.read(1 << 20):
            out.write(chunk)
    if zipfile.is_zipfile(target):
        with zipfile.ZipFile(target) as archive:
            if any(m.filename == provenance.FILENAME for m in archive.infolist()):
                archive.extract(provenance.FILENAME, scratch)
    return target


def _with_dates(described: provenance.Provenance, run: ImportRun) -> provenance.Provenance:
    """Dates given with the run fill in what the provenance does not say."""
    return replace(
        described,
        published_on=described.published_on or run.published_on,
        retrieved_on=described.retrieved_on or run.retrieved_on or datetime.date.today(),
    )


def _set(run: ImportRun, **fields) -> None:
    for name, value in fields.items():
        setattr(run, name, value)
    ImportRun.objects.filter(pk=run.pk).update(**fields)


def _import_guidance(run: ImportRun, progress: RunProgress) -> Release:
    """A career-guidance dataset, from the data folder or its publisher (``guidance``)."""
    from .guidance.fetch import fetch, how
    from .guidance.programs import DATASETS
    from .guidance.writer import import_dataset

    dataset = DATASETS[run.program]
    progress.note(f"Finding {dataset.label}'s files and checking each one")
    fetched = fetch(dataset)
    _set(run, files_total=len(fetched), files_read=len(fetched))
    progress.note(f"Reading {dataset.label} and writing it as a staged release")
    return import_dataset(dataset, fetched, published_on=run.published_on, notes=how(fetched))
