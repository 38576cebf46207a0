"""BLS Employment Projections: one row per occupation (detailed, or a group
EP sums) of a projections release, as Table 1.2 of ``occupation.xlsx`` gives it.

Employment and openings are in thousands, as EP publishes them; EP counts
all jobs, the self-employed included, so pages label them as the
projections' own, beside OEWS's. A figure EP marks "—" (not available) is
NULL; EP's median wage is not kept (the site's pay is OEWS's).
"""

from __future__ import annotations

from django.db import models

from .releases import Release


def _thousands(name: str) -> models.DecimalField:
    return models.DecimalField(f"{name} (thousands)", max_digits=10, decimal_places=1)


class Projection(models.Model):
    class Kind(models.TextChoices):
        SUMMARY = "summary", "Summary (a group)"
        LINE_ITEM = "line", "Line item (a detailed occupation)"

    release = models.ForeignKey(Release, on_delete=models.CASCADE, related_name="projections")
    code = models.CharField(
        "SOC code", max_length=7, help_text='"15-1252"; "00-0000" is the total.'
    )
    title = models.CharField(max_length=200, help_text="EP's own title.")
    kind = models.CharField(max_length=8, choices=Kind)
    employment_start = _thousands("employment in the base year")
    employment_end = _thousands("employment in the projected year")
    change = _thousands("change")
    change_percent = models.DecimalField("change (%)", max_digits=6, decimal_places=1)
    self_employed_percent = models.DecimalField(
        "self-employed (%)", max_digits=5, decimal_places=1, null=True, blank=True,
        help_text="Empty where EP marks it “—” (not available).",
    )  # fmt: skip
    openings = _thousands("openings a year")
    education = models.CharField("typical entry education", max_length=100, blank=True)
    experience = models.CharField("work experience in a related occupation", max_length=100,
                                  blank=True)  # fmt: skip
    training = models.CharField("typical on-the-job training", max_length=100, blank=True)

    class Meta:
        ordering = ["release", "code"]
        constraints = [
            models.UniqueConstraint(fields=["release", "code"], name="projection_code_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"
