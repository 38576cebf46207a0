"""Releases: the unit of history of official statistics."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q


class Program(models.TextChoices):
    OEWS = "oews", "Occupational Employment and Wage Statistics (BLS)"


class ReleaseQuerySet(models.QuerySet):
    def live(self) -> ReleaseQuerySet:
        return self.filter(status=Release.Status.LIVE)


class Release(models.Model):
    """One publication of a statistical program, imported whole.

    Its rows are written while it is *staged*, which readers never see;
    publishing makes it *live* and the previous live release *retired* in
    one transaction, so readers switch from one complete release to the
    other at once. A retired release is kept and can be made live again.
    """

    class Status(models.TextChoices):
        STAGED = "staged", "Staged (not public)"
        LIVE = "live", "Live"
        RETIRED = "retired", "Retired (was live)"

    program = models.CharField(max_length=10, choices=Program, default=Program.OEWS)
    code = models.CharField(max_length=20, help_text='The publisher\'s code, e.g. "2025A01".')
    name = models.CharField(max_length=60, help_text='How readers see it, e.g. "May 2025".')
    reference_month = models.DateField(
        help_text="The month the estimates describe (first day of the month)."
    )
    published_on = models.DateField("published by the agency on")
    retrieved_on = models.DateField("retrieved on")
    status = models.CharField(max_length=10, choices=Status, default=Status.STAGED)
    imported_at = models.DateTimeField(auto_now_add=True)
    made_live_at = models.DateTimeField(null=True, blank=True, editable=False)
    notes = models.TextField(
        blank=True, help_text="Where the files came from, if not straight from the agency."
    )

    objects = ReleaseQuerySet.as_manager()

    class Meta:
        ordering = ["program", "-reference_month"]
        constraints = [
            models.UniqueConstraint(
                fields=["program", "code"],
                name="release_code_unique",
                violation_error_message="This release has been imported already.",
            ),
            models.UniqueConstraint(
                fields=["program"],
                condition=Q(status="live"),
                name="one_live_release_per_program",
                violation_error_message="Another release of this program is live.",
            ),
            models.CheckConstraint(
                condition=Q(published_on__gte=models.F("reference_month")),
                name="release_published_after_reference",
                violation_error_message="A release is published after the month it describes.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_program_display()}, {self.name}"

    def clean(self) -> None:
        if self.published_on and self.reference_month and self.published_on < self.reference_month:
            raise ValidationError(
                {"published_on": "A release is published after the month it describes."}
            )


class ReleaseFile(models.Model):
    """A file a release was imported from, so anyone can check it."""

    release = models.ForeignKey(Release, on_delete=models.CASCADE, related_name="files")
    name = models.CharField(max_length=100, help_text='e.g. "oe.data.0.Current".')
    url = models.URLField("URL", max_length=500, help_text="Where the agency publishes it.")
    size = models.PositiveBigIntegerField("size (bytes)")
    sha256 = models.CharField("SHA-256", max_length=64)
    last_modified = models.DateField(
        null=True, blank=True, help_text="When the agency last changed the file."
    )

    class Meta:
        ordering = ["release", "name"]
        constraints = [
            models.UniqueConstraint(fields=["release", "name"], name="release_file_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.release}: {self.name}"
