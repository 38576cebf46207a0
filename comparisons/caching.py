"""Whole-page caching keyed by the content version.

Every save, delete or many-to-many change of a content model bumps one
number in the database (:class:`~comparisons.models.ContentVersion`). Cached
pages are stored under that number, so after an editor's save the next
request misses the cache and renders fresh figures: nothing is invalidated
by hand and no process can serve a stale page. Reading the version costs
one primary-key query per request.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import logging
from collections.abc import Callable
from functools import wraps
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from simple_history.models import HistoricalChanges

from .models import ContentVersion

logger = logging.getLogger(__name__)
CACHE_SECONDS = 60 * 60 * 24
# Requests that vary by these headers get separate cache entries, and say so.
VARY_HEADERS = ("HX-Request", "HX-History-Restore-Request")
EPOCH = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
STATE_KEY = "content-state"
_last_state: tuple[str, datetime.datetime] | None = None


def content_state() -> tuple[str, datetime.datetime]:
    """A token that changes with every content change, and when that was.

    Remembered in this process and in the cache, so that while the database
    is unreachable pages cached under the last known version can still be
    served; with neither, the database error propagates (and becomes a 503).
    """
    global _last_state
    try:
        row = ContentVersion.objects.filter(pk=1).values_list("version", "changed_at").first()
    except DatabaseError:
        state = _last_state or safe_get(STATE_KEY)
        if state is None:
            raise
        logger.warning("database unreachable: serving pages cached under the last version")
        return state
    state = ("0", EPOCH) if row is None else (f"{row[0]}.{row[1].timestamp():.6f}", row[1])
    if state != _last_state:
        _last_state = state
        safe_set(STATE_KEY, state, None)
    return state


def safe_get(key: str):
    """A cache read that treats an unreachable cache (Redis down) as a miss."""
    try:
        return cache.get(key)
    except Exception:
        logger.warning("cache unreachable on get", exc_info=True)
        return None


def safe_set(key: str, value, timeout) -> None:
    try:
        cache.set(key, value, timeout)
    except Exception:
        logger.warning("cache unreachable on set", exc_info=True)


def current_version() -> str:
    return content_state()[0]


def bump_content_version(**kwargs) -> None:
    """Mark all content as changed; cached pages keyed by the old version die."""
    sender = kwargs.get("sender")
    if sender is not None and (
        sender._meta.app_label != "comparisons"
        or sender is ContentVersion
        or issubclass(sender, HistoricalChanges)  # history rows record content, not change it
    ):
        return
    updated = ContentVersion.objects.filter(pk=1).update(
        version=F("version") + 1, changed_at=timezone.now()
    )
    if not updated:
        ContentVersion.objects.get_or_create(pk=1)


def connect_signals() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(bump_content_version, dispatch_uid=f"content-version-{signal!r}")


@functools.cache
def code_changed_at() -> datetime.datetime:
    """When the code and templates last changed, for Last-Modified after a deploy."""
    root = Path(settings.BASE_DIR)
    newest = max(
        (path.stat().st_mtime for folder in ("comparisons", "templates", "static")
         for path in (root / folder).rglob("*") if path.is_file()),
        default=0,
    )  # fmt: skip
    return datetime.datetime.fromtimestamp(newest, tz=datetime.UTC)


@functools.cache
def code_version() -> str:
    """A digest of the code and templates that render pages.

    Part of every cache key and ETag, so a deploy never serves pages (or
    links to hashed static files) rendered by the previous release.
    CAREERGUIDE_RELEASE, when set, names the release instead.
    """
    if settings.RELEASE:
        return settings.RELEASE
    root = Path(settings.BASE_DIR)
    digest = hashlib.sha256()
    for folder, pattern in (("comparisons", "*.py"), ("templates", "*"), ("static", "*")):
        for path in sorted((root / folder).rglob(pattern)):
            if path.is_file():
                digest.update(path.relative_to(root).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def page_cache_key(request: HttpRequest, version: str) -> str:
    # What django-htmx makes of the headers, not their raw values: the view
    # renders by the same reading, and a client cannot mint keys.
    htmx = getattr(request, "htmx", None)
    varying = f"{bool(htmx)}|{bool(htmx and htmx.history_restore_request)}"
    raw = f"{code_version()}|{request.build_absolute_uri()}|{varying}"
    return f"page:{version}:{hashlib.sha256(raw.encode()).hexdigest()}"


def shared_cache_headers(response: HttpResponse, etag: str, changed_at) -> None:
    """Validators from the content, and caching any cache may do.

    Browsers revalidate every time (a cheap 304 while nothing changed);
    shared caches such as a CDN may keep a page for SHARED_CACHE_SECONDS, so
    an edit reaches readers behind one within that time.
    """
    response["ETag"] = etag
    response["Last-Modified"] = http_date(changed_at.timestamp())
    response["Cache-Control"] = f"public, max-age=0, s-maxage={settings.SHARED_CACHE_SECONDS}"


def cache_page_by_content(
    view: Callable[..., HttpResponse] | None = None, *, params: tuple[str, ...] = ()
):
    """Serve a GET view's 200 responses from the cache until content changes,
    with an ETag and Last-Modified derived from the content (and the code),
    answering conditional requests for such pages with 304.

    Only successful responses to a query string made of ``params`` alone are
    kept (a view may decide otherwise by setting ``response.cache_by_content``),
    so junk query strings cannot fill the cache.
    """
    if view is None:
        return functools.partial(cache_page_by_content, params=params)

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        version, changed_at = content_state()
        changed_at = max(changed_at, code_changed_at())
        key = page_cache_key(request, version)
        etag = f'"{hashlib.sha256(key.encode()).hexdigest()[:40]}"'
        response = safe_get(key)
        if response is None:
            response = view(request, *args, **kwargs)
            if response.status_code != 200 or response.streaming:
                return response
            shared_cache_headers(response, etag, changed_at)
            cacheable = getattr(response, "cache_by_content", set(request.GET) <= set(params))
            if cacheable:
                if getattr(response, "is_rendered", True):
                    safe_set(key, response, CACHE_SECONDS)
                else:  # a TemplateResponse (the sitemap): cache it once rendered
                    response.add_post_render_callback(lambda r: safe_set(key, r, CACHE_SECONDS))
        # Only a page known to exist (a 200) may be answered with 304.
        not_modified = get_conditional_response(
            request, etag=etag, last_modified=int(changed_at.timestamp())
        )
        if not_modified is not None and not_modified.status_code == 304:
            shared_cache_headers(not_modified, etag, changed_at)
            patch_vary_headers(not_modified, VARY_HEADERS)
            return not_modified
        return response

    return wrapper
