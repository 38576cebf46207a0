from __future__ import annotations

from django.db import models


class ContentVersion(models.Model):
    """One row whose number changes whenever any content changes.

    Cached pages are keyed by it, so an editor's save shows on the next
    request. It lives in the database, not the cache, because every app
    process (and host) must see the same number.
    """

    version = models.PositiveBigIntegerField(default=1)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "content version"

    def __str__(self) -> str:
        return f"content version {self.version} ({self.changed_at:%Y-%m-%d %H:%M:%S})"
