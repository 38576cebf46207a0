"""Releases: the unit of history of official statistics."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q


class Program(models.TextChoices):
    OEWS = "oews", "Occupational Employment and Wage Statistics (BLS)"
    EP = "ep", "Employment Projections (BLS)"
    ONET = "onet", "O*NET (U.S. Department of Labor)"
    CIPSOC = "cipsoc", "CIP to SOC crosswalk (NCES)"
    RPP = "rpp", "Regional Price Parities (BEA)"


PROGRAM_TITLES = {
    Program.OEWS: "Occupational Employment and Wage Statistics",
    Program.EP: "Employment Projections program",
    Program.ONET: "O*NET Database",
    Program.CIPSOC: "CIP to SOC crosswalk",
    Program.RPP: "Regional Price Parities",
}
# Who to cite for each program's figures, before its title.
PUBLISHERS = {
    Program.OEWS: "U.S. Bureau of Labor Statistics",
    Program.EP: "U.S. Bureau of Labor Statistics",
    Program.ONET: "U.S. Department of Labor, Employment and Training Administration",
    Program.CIPSOC: "National Center for Education Statistics and U.S. Bureau of Labor Statistics",
    Program.RPP: "U.S. Bureau of Economic Analysis",
}


class ReleaseQuerySet(models.QuerySet):
    def live(self) -> ReleaseQuerySet:
        return self.filter(status=Release.Status.LIVE)

    def complete(self) -> ReleaseQuerySet:
        """Releases whose every row is written (any status but importing)."""
        return self.exclude(status=Release.Status.IMPORTING)


class Release(models.Model):
    """One publication of a statistical program, imported whole.

    Its rows are written while it is *importing*, then it is *staged*;
    readers see neither. Publishing makes it *live* and the previous live
    release *retired* in one transaction, so readers switch from one
    complete release to the other at once. A retired release is kept and
    can be made live again. See :mod:`officialstats.publishing`.
    """

    class Status(models.TextChoices):
        IMPORTING = "importing", "Importing (incomplete)"
        STAGED = "staged", "Staged (not public)"
        LIVE = "live", "Live"
        RETIRED = "retired", "Retired (was live)"

    program = models.CharField(max_length=10, choices=Program, default=Program.OEWS)
    code = models.CharField(max_length=20, help_text='The publisher\'s code, e.g. "2025A01".')
    name = models.CharField(max_length=60, help_text='How readers see it, e.g. "May 2025".')
    reference_month = models.DateField(
        help_text="The month the estimates describe (first day of the month)."
    )
    published_on = models.DateField(
        "published by the agency on",
        null=True,
        blank=True,
        help_text="Empty where the files do not say (the guidance datasets' copies).",
    )
    retrieved_on = models.DateField("retrieved on")
    status = models.CharField(max_length=10, choices=Status, default=Status.IMPORTING)
    imported_at = models.DateTimeField(auto_now_add=True)
    made_live_at = models.DateTimeField(null=True, blank=True, editable=False)
    notes = models.TextField(
        blank=True, help_text="Where the files came from, if not straight from the agency."
    )
    # The package or upload the files came in, when they did not come alone.
    archive_name = models.CharField("came in", max_length=200, blank=True)
    archive_url = models.URLField("its address", max_length=500, blank=True)
    archive_sha256 = models.CharField("its SHA-256", max_length=64, blank=True)
    # Counted when the import finishes, so lists need not count 370,000 rows.
    occupation_count = models.PositiveIntegerField("occupations", default=0)
    area_count = models.PositiveIntegerField("areas", default=0)
    industry_count = models.PositiveIntegerField("industries", default=0)
    estimate_count = models.PositiveIntegerField("estimates", default=0)
    value_count = models.PositiveIntegerField(
        "values", default=0, help_text="Lines of the data file: one value each."
    )

    objects = ReleaseQuerySet.as_manager()

    class Meta:
        ordering = ["program", "-reference_month"]
        permissions = [
            ("import_release", "Can import releases, and publish or retire them"),
        ]
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

    @property
    def is_live(self) -> bool:
        return self.status == self.Status.LIVE

    @property
    def citation(self) -> str:
        """How the publisher asks to be cited."""
        return f"{PUBLISHERS[self.program]}, {PROGRAM_TITLES[self.program]}, {self.name}"

    def clean(self) -> None:
        if self.published_on and self.reference_month and self.published_on < self.reference_month:
            raise ValidationError(
                {"published_on": "A release is published after the month it describes."}
            )


class ReleaseFile(models.Model):
    """A file a release was imported from, so anyone can check it.

    ``size`` and ``sha256`` describe the file as the agency published it
    (from the provenance that came with the files, else the file itself);
    ``imported_size`` and ``imported_sha256`` the content actually read
    (decompressed). They are equal unless the file was derived, and then
    ``Release.notes`` says how.
    """

    release = models.ForeignKey(Release, on_delete=models.CASCADE, related_name="files")
    name = models.CharField(max_length=100, help_text='e.g. "oe.data.0.Current".')
    url = models.URLField("URL", max_length=500, help_text="Where the agency publishes it.")
    size = models.PositiveBigIntegerField("size (bytes)")
    sha256 = models.CharField("SHA-256", max_length=64)
    last_modified = models.DateField(
        null=True, blank=True, help_text="When the agency last changed the file."
    )
    imported_size = models.PositiveBigIntegerField("size imported (bytes)")
    imported_sha256 = models.CharField("SHA-256 of the content imported", max_length=64)

    class Meta:
        ordering = ["release", "name"]
        constraints = [
            models.UniqueConstraint(fields=["release", "name"], name="release_file_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.release}: {self.name}"

    @property
    def identical(self) -> bool:
        """Whether the content imported is byte for byte the agency's file."""
        return self.imported_sha256 == self.sha256
