"""Editors' acknowledgements of the admin's consistency and freshness warnings."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class WarningAcknowledgementQuerySet(models.QuerySet):
    def latest_by_key(self, keys) -> dict[str, WarningAcknowledgement]:
        """The newest acknowledgement of each of ``keys``, in one query."""
        found: dict[str, WarningAcknowledgement] = {}
        for ack in self.filter(key__in=list(keys)).select_related("acknowledged_by"):
            found.setdefault(ack.key, ack)  # newest first, by Meta.ordering
        return found


class WarningAcknowledgement(models.Model):
    """An editor checked a warning and keeps the figures as they are, saying why.

    It covers the figures the warning was about, by their fingerprint: when
    they change, the warning shows again. Every acknowledgement is kept, so
    the list reads as the log of what was checked, by whom and why.
    """

    # Not content: acknowledging changes no public page, and no fixture.
    is_content = False

    key = models.CharField(
        max_length=200, db_index=True, help_text="Which warning: its kind and subject."
    )
    fingerprint = models.CharField(
        max_length=64, help_text="The figures the warning was about, when acknowledged."
    )
    message = models.TextField("warning", help_text="The warning as the editor read it.")
    reason = models.TextField(help_text="Why the figures stay as they are.")
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    acknowledged_at = models.DateTimeField(default=timezone.now)

    objects = WarningAcknowledgementQuerySet.as_manager()

    class Meta:
        ordering = ["-acknowledged_at", "-pk"]
        get_latest_by = "acknowledged_at"

    def __str__(self) -> str:
        return f"{self.message[:80]} (acknowledged {self.acknowledged_at:%Y-%m-%d})"

    def covers(self, fingerprint: str) -> bool:
        """True while the figures are those the editor acknowledged."""
        return self.fingerprint == fingerprint
