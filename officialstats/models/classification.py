"""What estimates are about: occupations (SOC), areas and industries (NAICS).

Each release brings its own lists, since BLS revises them (areas are
redrawn, occupations merged or split); a page's address is its slug, which
stays the same from one release to the next while the title does.
"""

from __future__ import annotations

from django.db import models
from django.urls import reverse

from .releases import Release


class Occupation(models.Model):
    """An occupation or group of the Standard Occupational Classification."""

    class Level(models.IntegerChoices):
        TOTAL = 0, "All occupations"
        MAJOR = 1, "Major group"
        MINOR = 2, "Minor group"
        BROAD = 3, "Broad occupation"
        DETAILED = 4, "Detailed occupation"

    release = models.ForeignKey(Release, on_delete=models.CASCADE, related_name="occupations")
    code = models.CharField("SOC code", max_length=7, help_text='As SOC writes it: "15-1252".')
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200)
    level = models.PositiveSmallIntegerField(choices=Level)
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )

    class Meta:
        ordering = ["release", "code"]
        constraints = [
            models.UniqueConstraint(fields=["release", "code"], name="occupation_code_unique"),
            models.UniqueConstraint(fields=["release", "slug"], name="occupation_slug_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.code})"

    def get_absolute_url(self) -> str:
        return reverse("officialstats:occupation", kwargs={"slug": self.slug})


class Area(models.Model):
    """The nation, a state or territory, or a metropolitan or nonmetropolitan area."""

    class Kind(models.TextChoices):
        NATIONAL = "national", "Nation"
        STATE = "state", "State or territory"
        METRO = "metro", "Metropolitan area"
        NONMETRO = "nonmetro", "Nonmetropolitan area"

    release = models.ForeignKey(Release, on_delete=models.CASCADE, related_name="areas")
    code = models.CharField(max_length=7, help_text="BLS's seven-digit area code.")
    kind = models.CharField(max_length=8, choices=Kind)
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200)
    state_code = models.CharField(
        max_length=2, help_text="FIPS code of the state BLS files the area under."
    )
    state = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="areas",
        help_text="The state or territory an area lies in (its main one, for areas across states).",
    )

    class Meta:
        ordering = ["release", "kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["release", "code"], name="area_code_unique"),
            models.UniqueConstraint(fields=["release", "slug"], name="area_slug_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class Industry(models.Model):
    """A NAICS-based industry as OEWS groups them; 000000 is all industries."""

    CROSS_INDUSTRY = "000000"

    release = models.ForeignKey(Release, on_delete=models.CASCADE, related_name="industries")
    code = models.CharField(max_length=6)
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200)
    level = models.PositiveSmallIntegerField(help_text="BLS's display level, 0 = all industries.")

    class Meta:
        verbose_name_plural = "industries"
        ordering = ["release", "code"]
        constraints = [
            models.UniqueConstraint(fields=["release", "code"], name="industry_code_unique"),
            models.UniqueConstraint(fields=["release", "slug"], name="industry_slug_unique"),
        ]

    def __str__(self) -> str:
        return self.name
