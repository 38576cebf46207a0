"""NCES's crosswalk from programs of study (CIP 2020) to occupations (SOC
2018): which programs lead to an occupation. Rows that match nothing
(``99-9999``, ``99.9999``) are not kept."""

from __future__ import annotations

from django.db import models

from .releases import Release


class StudyProgram(models.Model):
    release = models.ForeignKey(Release, on_delete=models.CASCADE, related_name="+")
    cip_code = models.CharField("CIP code", max_length=7, help_text='"30.7001"')
    title = models.CharField(max_length=200, help_text="The CIP title, without its final stop.")
    soc = models.CharField("SOC code", max_length=7)

    class Meta:
        ordering = ["release", "soc", "cip_code"]
        verbose_name = "program of study"
        indexes = [models.Index(fields=["release", "soc"], name="study_program_soc")]
        constraints = [
            models.UniqueConstraint(
                fields=["release", "cip_code", "soc"], name="study_program_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.cip_code} {self.title} -> {self.soc}"
