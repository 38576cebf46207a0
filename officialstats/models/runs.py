"""Imports started from the admin (or the command): their progress and outcome.

An import runs as a background task (``officialstats.tasks``); its run row
is what the editor's page polls, so it shows how far the import got, and
its result, also after the tab was closed.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.urls import reverse
from django.utils import timezone

from .releases import Program, Release

STALLED_AFTER = datetime.timedelta(minutes=2)


def upload_storage() -> FileSystemStorage:
    """Where uploaded releases wait for the worker: private, never served."""
    return FileSystemStorage(location=settings.OFFICIALSTATS_DATA_DIR / "uploads")


class ImportRunQuerySet(models.QuerySet):
    def active(self) -> ImportRunQuerySet:
        return self.filter(status__in=(ImportRun.Status.QUEUED, ImportRun.Status.RUNNING))


class ImportRun(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting for the worker"
        RUNNING = "running", "Importing"
        STAGED = "staged", "Imported, not public: preview and publish"
        PUBLISHED = "published", "Published"
        FAILED = "failed", "Failed: nothing was changed"
        DISCARDED = "discarded", "Discarded"

    class Origin(models.TextChoices):
        BUNDLED = "bundled", "The May 2025 release bundled with the site"
        UPLOAD = "upload", "Files uploaded by an editor"
        FILES = "files", "Files on the server"

    origin = models.CharField(max_length=10, choices=Origin)
    program = models.CharField(
        max_length=10,
        choices=Program,
        default=Program.OEWS,
        help_text="Which dataset: OEWS, or a career-guidance dataset (officialstats/guidance).",
    )
    upload = models.FileField(
        upload_to="%Y/%m/", storage=upload_storage, blank=True, max_length=300
    )
    upload_name = models.CharField("file uploaded", max_length=200, blank=True)
    paths = models.JSONField(default=list, blank=True, help_text="Files on the server.")
    published_on = models.DateField("published by the agency on", null=True, blank=True)
    retrieved_on = models.DateField("retrieved on", null=True, blank=True)
    publish_when_done = models.BooleanField(default=False)

    status = models.CharField(max_length=10, choices=Status, default=Status.QUEUED)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    heartbeat = models.DateTimeField(
        null=True, blank=True, help_text="When the import last reported progress."
    )
    task_id = models.CharField("background task", max_length=64, blank=True)

    phase = models.CharField(max_length=200, blank=True)
    files_read = models.PositiveSmallIntegerField(default=0)
    files_total = models.PositiveSmallIntegerField(default=0)
    lines_read = models.PositiveBigIntegerField(default=0)
    rows_written = models.PositiveIntegerField(default=0)
    fraction_done = models.FloatField(default=0)
    seconds_left = models.PositiveIntegerField(null=True, blank=True)
    error = models.TextField(blank=True)
    release = models.ForeignKey(
        Release, on_delete=models.SET_NULL, null=True, blank=True, related_name="import_runs"
    )

    objects = ImportRunQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "import"

    def __str__(self) -> str:
        what = self.release.name if self.release else self.upload_name or self.get_origin_display()
        return f"Import {self.pk}: {what} ({self.get_status_display().lower()})"

    def get_absolute_url(self) -> str:
        return reverse("admin:officialstats_importrun_progress", args=[self.pk])

    @property
    def finished(self) -> bool:
        return self.status not in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def stalled(self) -> bool:
        """Running, but silent for a while: its worker may have been killed."""
        return (
            self.status == self.Status.RUNNING
            and self.heartbeat is not None
            and timezone.now() - self.heartbeat > STALLED_AFTER
        )

    @property
    def percent_done(self) -> int:
        return round(self.fraction_done * 100)
