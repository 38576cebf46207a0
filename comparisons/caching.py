"""Whole-page caching keyed by the state of what a page shows (see ``versioning``).

Public GET views keep their successful responses under a state token, the
code's version and the URL. The state is the editorial content version
unless the view names another (statistics pages name the live release's,
``officialstats.versioning.release_state``), so an editor's save leaves
pages that show no editorial content cached. :class:`CachedPageMiddleware`
answers a request for a kept page before the rest of the middleware runs,
so a cached page costs about what a static file does. Each process also
keeps the pages it served most recently in memory, under the same keys, so
a hit usually costs one cache read: the state's.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import wraps

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, resolve
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe
from django_htmx.middleware import HtmxDetails

from officialstats.versioning import release_state

from .shared_cache import safe_get, safe_set
from .versioning import (
    Memory,
    State,
    code_changed_at,
    code_version,
    content_state,
    request_state,
)

CACHE_SECONDS = 60 * 60 * 24
MEMORY_PAGES = 200

type StateOf = Callable[[], State]


@dataclass
class Kept:
    """A page this process remembers, and its gzipped body once a client asked for it."""

    content: bytes
    headers: dict[str, str]
    gzipped: bytes | None = None


_memory: Memory[str, Kept] = Memory(MEMORY_PAGES)


def content_and_release_state() -> State:
    """The content version and the live release together, for editorial pages
    that also show official figures (role pages, articles, their downloads,
    the methodology): an editor's save or a published release changes them.

    Publishing a release also bumps the content version, but each process
    reads the live release at most once a second: keying on both means a
    page rendered from the old release is never kept under the new state.
    """
    content, release = content_state(), release_state()
    return f"{content[0]}|{release[0]}", max(content[1], release[1])


# States whose pages show editorial content: a request pins the content
# version it started with, so all it renders agrees (see request_state).
SHOWS_CONTENT = frozenset({content_state, content_and_release_state})


def page_cache_key(request: HttpRequest, version: str) -> str:
    """The key of a page: raises DisallowedHost for a host not allowed."""
    # What django-htmx makes of the headers, not their raw values: the view
    # renders by the same reading, and a client cannot mint keys.
    htmx = HtmxDetails(request)
    varying = f"{bool(htmx)}|{bool(htmx and htmx.history_restore_request)}"
    raw = f"{code_version()}|{request.build_absolute_uri()}|{varying}"
    return f"page:{version}:{hashlib.sha256(raw.encode()).hexdigest()}"


def shared_cache_headers(response: HttpResponse, etag: str, changed_at: datetime) -> None:
    """Validators from the content, and caching any cache may do.

    Browsers revalidate every time (a cheap 304 while nothing changed);
    shared caches such as a CDN may keep a page for SHARED_CACHE_SECONDS, so
    an edit reaches readers behind one within that time.
    """
    response["ETag"] = etag
    response["Last-Modified"] = http_date(changed_at.timestamp())
    response["Cache-Control"] = f"public, max-age=0, s-maxage={settings.SHARED_CACHE_SECONDS}"


def remember(key: str, response: HttpResponse) -> None:
    """Keep a page in the cache and in this process's memory."""
    safe_set(key, response, CACHE_SECONDS)
    keep_in_memory(key, response)


def keep_in_memory(key: str, response: HttpResponse) -> None:
    _memory.put(key, Kept(response.content, dict(response.items())))


def recall(key: str) -> HttpResponse | None:
    """A cached page, as a new response each time (middleware may change headers)."""
    if (kept := _memory.get(key)) is not None:
        response = HttpResponse(kept.content, headers=kept.headers)
    elif (response := safe_get(key)) is not None:
        keep_in_memory(key, response)
    else:
        return None
    # As CommonMiddleware, below the middleware that answers hits, would.
    response.headers.setdefault("Content-Length", str(len(response.content)))
    return response


def gzipped_for(request: HttpRequest, response: HttpResponse, key: str) -> HttpResponse:
    """A public page, gzipped for a client that accepts it.

    Django's GZipMiddleware would compress every response, admin pages with
    their CSRF tokens included, and again on every cache hit. Public pages
    hold no secret for a BREACH attack to guess, so they are compressed here
    without its random padding, and a page's compressed body is kept with
    it in memory: a hit costs no compression.
    """
    if response.status_code != 200 or not would_gzip(request, response):
        return response
    kept = _memory.get(key)
    body = kept.gzipped if kept else None
    if body is None:
        body = gzip.compress(response.content, compresslevel=6, mtime=0)
        if kept:
            kept.gzipped = body
    response.content = body
    response["Content-Length"] = str(len(body))
    response["Content-Encoding"] = "gzip"
    # RFC 9110 8.8.1: another encoding of the same page has a weak ETag.
    if (etag := response.get("ETag", "")).startswith('"'):
        response["ETag"] = f"W/{etag}"
    return response


def would_gzip(request: HttpRequest, response: HttpResponse) -> bool:
    return (
        not response.streaming
        and getattr(response, "is_rendered", True)
        and not response.has_header("Content-Encoding")
        and len(response.content) >= 200
        and accepts_gzip(request.META.get("HTTP_ACCEPT_ENCODING", ""))
    )


def accepts_gzip(accept_encoding: str) -> bool:
    """Whether gzip is acceptable: named, or else ``*``, with a quality above zero."""
    qualities = {}
    for coding in accept_encoding.lower().split(","):
        name, _, params = coding.partition(";")
        quality = re.search(r"q\s*=\s*([^\s;]*)", params)
        try:
            qualities[name.strip()] = float(quality.group(1)) if quality else 1.0
        except ValueError:
            qualities[name.strip()] = 0.0
    return qualities.get("gzip", qualities.get("*", 0.0)) > 0


def not_modified_or(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """A 304 for a client that holds this page already, else the page."""
    if "HTTP_IF_NONE_MATCH" not in request.META and "HTTP_IF_MODIFIED_SINCE" not in request.META:
        return response
    etag, last_modified = response["ETag"], parse_http_date_safe(response["Last-Modified"])
    not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if not_modified is None or not_modified.status_code != 304:
        return response
    # The headers the 200 would have had (RFC 9110 15.4.5), in the encoding it would have had.
    for header in ("ETag", "Last-Modified", "Cache-Control", "Vary"):
        if response.has_header(header):
            not_modified[header] = response[header]
    if would_gzip(request, response) and etag.startswith('"'):
        not_modified["ETag"] = f"W/{etag}"
    return not_modified


def answer(request: HttpRequest, response: HttpResponse, key: str) -> HttpResponse:
    """A page as this client should get it: a 304 if it has it (only a page
    known to exist, a 200, may be answered so), else gzipped if it accepts that."""
    return gzipped_for(request, not_modified_or(request, response), key)


def cache_page_by_content(
    view: Callable[..., HttpResponse] | None = None,
    *,
    params: tuple[str, ...] = (),
    state: StateOf = content_state,
) -> Callable[..., HttpResponse]:
    """Serve a GET (and HEAD) view's 200 responses from the cache until what
    they show changes, with an ETag and Last-Modified derived from it (and
    the code), answering conditional requests for such pages with 304.

    What a page shows is the editorial content unless ``state`` names
    another state function (a ``(token, changed_at)`` pair, like
    :func:`~comparisons.versioning.content_state`): pages are kept under its
    token, so they live until it changes.

    Only successful responses to a query string made of ``params`` alone are
    kept (a view may decide otherwise by setting ``response.cache_by_content``),
    so junk query strings cannot fill the cache.
    """
    if view is None:
        return functools.partial(cache_page_by_content, params=params, state=state)

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        # CachedPageMiddleware, when it has looked already, says where and
        # under which state, so that the page and its headers agree.
        missed = getattr(request, "missed_page_key", None)
        version, changed_at = (missed and request.missed_page_state) or state()
        key = missed or page_cache_key(request, version)
        response = None if missed else recall(key)
        if response is None:
            response = view(request, *args, **kwargs)
            if response.status_code != 200 or response.streaming:
                return response
            etag = f'"{hashlib.sha256(key.encode()).hexdigest()[:40]}"'
            shared_cache_headers(response, etag, max(changed_at, code_changed_at()))
            patch_vary_headers(response, ("Accept-Encoding",))
            cacheable = getattr(response, "cache_by_content", set(request.GET) <= set(params))
            # Only a GET stores a page: the body of a HEAD response is for
            # nobody (servers drop it), so nothing may rely on it.
            if cacheable and request.method == "GET":
                if getattr(response, "is_rendered", True):
                    remember(key, response)
                else:  # a TemplateResponse (the sitemap): cache it once rendered
                    response.add_post_render_callback(lambda r: remember(key, r))
        return answer(request, response, key)

    # Read by CachedPageMiddleware (decorators made with functools.wraps,
    # such as require_safe, carry it over).
    wrapper.page_state = state
    return wrapper


def page_state_of(request: HttpRequest) -> StateOf | None:
    """The state the page at this address is kept under, or None where no
    view keeps pages (nothing to look up)."""
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    return getattr(match.func, "page_state", None)


class CachedPageMiddleware:
    """Answers a GET or HEAD for a cached page before the rest of the middleware runs.

    Placed just after whitenoise, so a cached page costs about what a static
    file does. Pages are only ever stored by :func:`cache_page_by_content`
    (public, anonymous content), so whatever this finds may go to anyone;
    the view at the address says which state its pages are kept under, and
    an address whose view keeps none is not looked up.
    Middleware below this one never sees a hit: of the headers it would add,
    X-Frame-Options comes from above this one instead and Content-Length is
    set in :func:`recall`, so a hit's headers match the first response's.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # HEAD gets the GET's page, headers and all; the server drops the body.
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        state_of = page_state_of(request)
        if state_of is None:
            return self.get_response(request)
        try:
            # The content version first, pinned, so that the page's state
            # holds the very version the request renders with.
            content = content_state() if state_of in SHOWS_CONTENT else None
            if content is None:
                state = state_of()
            else:
                with request_state(content):
                    state = state_of()
            key = page_cache_key(request, state[0])
        except (DatabaseError, DisallowedHost):
            return self.get_response(request)  # the full stack answers these (503, 400)
        response = recall(key)
        if response is not None:
            return answer(request, response, key)
        request.missed_page_key, request.missed_page_state = key, state
        if content is None:
            return self.get_response(request)
        with request_state(content):
            return self.get_response(request)
