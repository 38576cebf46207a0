"""The site state's table: one row per part of what is live (see ``core.state``)."""

from __future__ import annotations

from django.db import models


class StatePart(models.Model):
    """One part of what the site shows: the editorial content, or one
    program's live release. Its version moves on with every change, and
    every cached page is kept under the versions of the parts it shows."""

    name = models.CharField(max_length=64, primary_key=True)
    version = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField()
    # What readers of the part need to know besides its version (a release's
    # name and dates, say), so that knowing the state is knowing what is live.
    facts = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "site state part"

    def __str__(self) -> str:
        return f"{self.name} {self.version} ({self.changed_at:%Y-%m-%d %H:%M:%S})"
