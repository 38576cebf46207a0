from __future__ import annotations

from django.db import models
from django.utils.dateformat import format as format_date
from simple_history.models import HistoricalRecords

from .base import NaturalKeyManager


class Source(models.Model):
    """A publication that figures on the site are taken from."""

    class Precision(models.TextChoices):
        YEAR = "year", "Year"
        MONTH = "month", "Month"
        DAY = "day", "Day"

    slug = models.SlugField(unique=True, max_length=80)
    publisher = models.CharField(max_length=120)
    title = models.CharField(max_length=250)
    url = models.URLField(
        "URL",
        blank=True,
        max_length=500,
        help_text="Where readers can check the figures. Leave empty only when the publication "
        "has no public web address: pages then say so, and editors are warned.",
    )
    as_of = models.DateField(
        "as of",
        help_text="When the figures were current. With a precision of 'year' "
        "only the year is shown, so enter the first day of that year.",
    )
    changed_at = models.DateTimeField(
        "last changed",
        null=True,
        blank=True,
        editable=False,
        help_text="Set by the site whenever this source's details change.",
    )
    as_of_precision = models.CharField(
        "as-of precision",
        max_length=5,
        choices=Precision,
        default=Precision.YEAR,
        help_text="How precisely the publisher dates its figures.",
    )

    objects = NaturalKeyManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["publisher", "title"]

    def __str__(self) -> str:
        return f"{self.publisher}: {self.title} ({self.as_of_label})"

    def natural_key(self) -> tuple[str]:
        return (self.slug,)

    @property
    def as_of_label(self) -> str:
        """The as-of date as precisely as the publisher gives it: "2025", "March 2025"."""
        pattern = {
            self.Precision.YEAR: "Y",
            self.Precision.MONTH: "F Y",
            self.Precision.DAY: "j F Y",
        }[self.Precision(self.as_of_precision)]
        return format_date(self.as_of, pattern)
