"""A release's life: checked before import, published atomically, discarded whole.

- :func:`check_new`: a release is imported once, and never one older than
  the live one (a retired release is made live again instead).
- :func:`publish`: one transaction turns the live release *retired* and
  the chosen one *live*, moves the site state's part of the program on and
  sends :data:`~officialstats.signals.release_published` once; readers see one
  complete release or the other, never a mix.
- :func:`discard`: an incomplete or staged release goes, rows and all, in
  a few statements (no per-row signals).
"""

from __future__ import annotations

from django.db import connection, transaction
from django.utils import timezone

from core.pages import retire_stale
from core.state import bump, release_part

from .guidance.programs import DATASETS
from .importing.flatfiles import ReleaseInfo
from .importing.problems import ImportProblem
from .live import LiveRelease
from .models import (
    Area,
    Estimate,
    ImportRun,
    Industry,
    Occupation,
    Release,
    ReleaseFile,
    Standing,
)
from .signals import release_published

PUBLISHABLE = (Release.Status.STAGED, Release.Status.RETIRED)


class PublishError(Exception):
    """A release that cannot be made live (or discarded) now, and why."""


def check_new(info: ReleaseInfo, program: str) -> None:
    """Refuse the same release twice, and a release not newer than the live one."""
    check_new_release(program, info.code, info.name, info.reference_month, info.file, info.line)


def check_new_release(
    program: str, code: str, name: str, reference_month, file: str = "", line: int | None = None
) -> None:
    """:func:`check_new` for any program's release, named by its parts."""
    existing = Release.objects.filter(program=program, code=code).first()
    if existing is not None:
        raise ImportProblem(
            f"release {code} ({name}) has been imported already "
            f"({existing.get_status_display().lower()}); a release is imported once",
            file,
            line,
        )
    live = Release.objects.live().filter(program=program).first()
    if live is not None and reference_month <= live.reference_month:
        raise ImportProblem(
            f"{name} is not newer than {live.name}, the live release; to show an "
            "earlier release again, make it live from the list of releases",
            file,
            line,
        )


def publish(release: Release) -> Release | None:
    """Make ``release`` live and the live one retired, at once; returns the retired one."""
    with transaction.atomic():
        release = Release.objects.select_for_update().get(pk=release.pk)
        if release.status not in PUBLISHABLE:
            raise PublishError(
                f"{release.name} is {release.get_status_display().lower()}: only a staged or "
                "a retired release can be made live"
            )
        previous = (
            Release.objects.select_for_update()
            .live()
            .filter(program=release.program)
            .exclude(pk=release.pk)
            .first()
        )
        if (
            release.status == Release.Status.STAGED
            and previous is not None
            and release.reference_month < previous.reference_month
        ):
            raise PublishError(f"{release.name} is older than {previous.name}, the live release")
        now = timezone.now()
        # update(), not save(): a status change, not an edit, and no signals.
        if previous is not None:
            Release.objects.filter(pk=previous.pk).update(status=Release.Status.RETIRED)
            previous.status = Release.Status.RETIRED
        Release.objects.filter(pk=release.pk).update(status=Release.Status.LIVE, made_live_at=now)
        release.status, release.made_live_at = Release.Status.LIVE, now
        ImportRun.objects.filter(release=release, status=ImportRun.Status.STAGED).update(
            status=ImportRun.Status.PUBLISHED
        )
        release_published.send(sender=Release, release=release, previous=previous)
        # Every page showing the program's figures is retired with its old
        # state, and deleted from Redis once the new one is committed.
        bump(release_part(release.program), facts=LiveRelease.of(release).facts())
        transaction.on_commit(retire_stale)
    return previous


def discard(release: Release) -> None:
    """Delete a release that never went live, with all its rows."""
    with transaction.atomic():
        status = Release.objects.filter(pk=release.pk).values_list("status", flat=True).first()
        if status is None:
            return
        if status not in (Release.Status.IMPORTING, Release.Status.STAGED):
            raise PublishError(
                f"{release.name} has been live: it is kept, so that it can be made live again"
            )
        ImportRun.objects.filter(release_id=release.pk).update(release=None)
        delete_rows(release.pk)


def delete_rows(release_id: int) -> None:
    """Raw deletes, children first: Django's delete() would load and signal
    every one of 370,000 estimates."""
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        guidance = [model for dataset in DATASETS.values() for model in dataset.models]
        for model in (Standing, Estimate, Occupation, Area, Industry, *guidance, ReleaseFile):
            cursor.execute(
                f"DELETE FROM {quote(model._meta.db_table)} WHERE release_id = %s",
                [release_id],
            )
        cursor.execute(
            f"DELETE FROM {quote(Release._meta.db_table)} WHERE id = %s",
            [release_id],
        )
