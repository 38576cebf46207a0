"""Whole-page caching keyed by the content version.

Every save, delete or many-to-many change of a content model bumps one
number in the database (:class:`~comparisons.models.ContentVersion`). Cached
pages are stored under that number, so after an editor's save the next
request misses the cache and renders fresh figures: nothing is invalidated
by hand and no process can serve a stale page. Reading the version costs
one primary-key query per request.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import wraps

from django.core.cache import cache
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from .models import ContentVersion

CACHE_SECONDS = 60 * 60 * 24
# Requests that vary by these headers get separate cache entries, and say so.
VARY_HEADERS = ("HX-Request", "HX-History-Restore-Request")


def current_version() -> str:
    """A token that changes with every content change (version and time)."""
    row = ContentVersion.objects.filter(pk=1).values_list("version", "changed_at").first()
    if row is None:
        return "0"
    version, changed_at = row
    return f"{version}.{changed_at.timestamp():.6f}"


def bump_content_version(**kwargs) -> None:
    """Mark all content as changed; cached pages keyed by the old version die."""
    sender = kwargs.get("sender")
    if sender is not None and (sender._meta.app_label != "comparisons" or sender is ContentVersion):
        return
    updated = ContentVersion.objects.filter(pk=1).update(
        version=F("version") + 1, changed_at=timezone.now()
    )
    if not updated:
        ContentVersion.objects.get_or_create(pk=1)


def connect_signals() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(bump_content_version, dispatch_uid=f"content-version-{signal!r}")


def page_cache_key(request: HttpRequest, version: str) -> str:
    varying = "|".join(request.headers.get(name, "") for name in VARY_HEADERS)
    raw = f"{request.build_absolute_uri()}|{varying}"
    return f"page:{version}:{hashlib.sha256(raw.encode()).hexdigest()}"


def cache_page_by_content(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve a GET view's 200 responses from the cache until content changes.

    Only successful responses are kept, so junk query strings cannot fill
    the cache with error pages.
    """

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        key = page_cache_key(request, current_version())
        response = cache.get(key)
        if response is None:
            response = view(request, *args, **kwargs)
            if response.status_code == 200 and not response.streaming:
                cache.set(key, response, CACHE_SECONDS)
        return response

    return wrapper
