"""Whole pages, kept under the site state they show (see ``core.state``).

A public view decorated with :func:`cache_page` keeps its successful responses
under a key made of the keyspace of what it shows (:class:`~core.state.Shows`)
and the address, gzipped, with their headers: in this process's memory
(bounded in bytes) and in Redis (with a TTL), so any worker can serve what
another rendered. :class:`CachedPageMiddleware` answers a request for a kept
page before the rest of the middleware runs, so a cached page costs about
what a static file does.

A new state is a new keyspace: an edit or a publish makes the old pages
unreachable at once, and a publish (or a deploy, ``manage.py retire_pages``)
also deletes them from Redis (:func:`retire_stale`); what is left of an old
keyspace otherwise goes with its TTL, or first, under ``volatile-lru``.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import json
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.core.signals import setting_changed
from django.db import DatabaseError
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, resolve
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe
from django_htmx.middleware import HtmxDetails

from . import redis
from .state import Shows, SiteState, forget_remembered, pinned, read_state, site_state

KEY_PREFIX = f"{redis.PREFIX}page:"
FORMAT = b"careerguide-page-1\n"


@dataclass(slots=True)
class Kept:
    """A page: its headers and its body gzipped (the plain body made when asked)."""

    headers: dict[str, str]
    gzipped: bytes
    plain: bytes | None = None

    @property
    def size(self) -> int:
        return len(self.gzipped) + len(self.plain or b"") + 64 * len(self.headers)

    def body(self) -> bytes:
        if self.plain is None:
            self.plain = gzip.decompress(self.gzipped)
        return self.plain

    def dumps(self) -> bytes:
        return FORMAT + json.dumps(self.headers).encode() + b"\n" + self.gzipped

    @classmethod
    def loads(cls, raw: bytes) -> Kept | None:
        if not raw.startswith(FORMAT):
            return None
        headers, _, body = raw[len(FORMAT) :].partition(b"\n")
        return cls(json.loads(headers), body)


class Memory:
    """The pages this process served most recently, up to ``limit`` bytes;
    safe to share between threads (runserver, threaded workers)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.used = 0
        self._items: OrderedDict[str, tuple[Kept, int]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> Kept | None:
        with self._lock:
            found = self._items.get(key)
            if found is None:
                return None
            self._items.move_to_end(key)
            return found[0]

    def put(self, key: str, kept: Kept) -> None:
        size = kept.size
        if size > self.limit // 8:  # one huge page (a sitemap file) must not empty the rest
            return
        with self._lock:
            if (old := self._items.pop(key, None)) is not None:
                self.used -= old[1]
            self._items[key] = (kept, size)
            self.used += size
            while self.used > self.limit:
                _, (_, dropped) = self._items.popitem(last=False)
                self.used -= dropped

    def recount(self, key: str, kept: Kept) -> None:
        """``kept`` grew (its plain body was made): count it again, if still kept."""
        if self.get(key) is kept:
            self.put(key, kept)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self.used = 0


memory = Memory(settings.PAGE_MEMORY_BYTES)


def forget_everything() -> None:
    """Drop all this process keeps: pages, the state, remembered loaders and
    fragments (tests and benchmarks: as a process that has just started)."""
    memory.clear()
    forget_remembered()


def recall(key: str) -> Kept | None:
    if (kept := memory.get(key)) is not None:
        return kept
    raw = redis.call(lambda client: client.get(key), None)
    if raw is None or (kept := Kept.loads(raw)) is None:
        return None
    memory.put(key, kept)
    return kept


def keep(key: str, kept: Kept) -> None:
    memory.put(key, kept)
    redis.call(lambda client: client.set(key, kept.dumps(), ex=settings.PAGE_CACHE_SECONDS), None)


def keys_of(client, pattern: str) -> Iterator[bytes]:
    yield from client.scan_iter(match=pattern, count=1000)


def retire_stale(state: SiteState | None = None) -> int:
    """Delete from Redis the pages of every keyspace but the current ones
    (after a publish or a deploy); returns how many went."""
    state = state or read_state()
    current = {f"{KEY_PREFIX}{state.keyspace(shows)}:".encode() for shows in Shows}

    def sweep(client) -> int:
        stale, gone = [], 0
        for key in keys_of(client, f"{KEY_PREFIX}*"):
            if key[: key.rfind(b":") + 1] not in current:
                stale.append(key)
            if len(stale) >= 1000:
                gone += client.unlink(*stale)
                stale.clear()
        return gone + (client.unlink(*stale) if stale else 0)

    return redis.call(sweep, 0)


# --- Keys, validators and answers ------------------------------------------------


def address_of(request: HttpRequest) -> str:
    """What tells one page from another at any state: the full address and how
    htmx asked for it. Raises DisallowedHost for a host not allowed."""
    # What django-htmx makes of the headers, not their raw values: the view
    # renders by the same reading, and a client cannot mint keys. (It reads
    # nothing when there is no HX-Request header, and building it costs.)
    htmx = HtmxDetails(request) if "HTTP_HX_REQUEST" in request.META else False
    varying = f"{bool(htmx)}|{bool(htmx and htmx.history_restore_request)}"
    address = f"{request.build_absolute_uri()}|{varying}"
    return hashlib.sha256(address.encode()).hexdigest()


def page_key(request: HttpRequest, state: SiteState, shows: Shows, address: str = "") -> str:
    """The key of a page: its keyspace under ``state`` and its address."""
    return f"{KEY_PREFIX}{state.keyspace(shows)}:{address or address_of(request)}"


def validators(response: HttpResponse, key: str, state: SiteState, shows: Shows) -> None:
    """An ETag and Last-Modified from the state, and the caching any cache may do.

    Browsers revalidate every time (a cheap 304 while nothing changed);
    shared caches such as a CDN may keep a page for SHARED_CACHE_SECONDS, so
    an edit reaches readers behind one within that time.
    """
    response["ETag"] = f'"{hashlib.sha256(key.encode()).hexdigest()[:40]}"'
    response["Last-Modified"] = http_date(state.changed_at(shows).timestamp())
    response["Cache-Control"] = f"public, max-age=0, s-maxage={settings.SHARED_CACHE_SECONDS}"
    patch_vary_headers(response, ("Accept-Encoding",))


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


def answer(request: HttpRequest, kept: Kept, key: str) -> HttpResponse:
    """A kept page as this client should get it: a 304 if it holds it already,
    else gzipped if it accepts that (public pages hold no secret for a BREACH
    attack to guess, so they are compressed without its padding)."""
    gzipped = accepts_gzip(request.META.get("HTTP_ACCEPT_ENCODING", ""))
    headers = kept.headers
    etag = headers["ETag"]
    if gzipped:
        # RFC 9110 8.8.1: another encoding of the same page has a weak ETag.
        etag = f"W/{etag}"
    if "HTTP_IF_NONE_MATCH" in request.META or "HTTP_IF_MODIFIED_SINCE" in request.META:
        not_modified = get_conditional_response(
            request, etag=etag, last_modified=parse_http_date_safe(headers["Last-Modified"])
        )
        if not_modified is not None and not_modified.status_code == 304:
            # The headers the 200 would have had (RFC 9110 15.4.5).
            for header in ("Last-Modified", "Cache-Control", "Vary"):
                if header in headers:
                    not_modified[header] = headers[header]
            not_modified["ETag"] = etag
            return not_modified
    if gzipped:
        response = HttpResponse(kept.gzipped, headers=headers)
        response["Content-Encoding"] = "gzip"
        response["ETag"] = etag
    else:
        unpacked = kept.plain is None
        response = HttpResponse(kept.body(), headers=headers)
        if unpacked:
            memory.recount(key, kept)
    # As CommonMiddleware, below the middleware that answers hits, would.
    response["Content-Length"] = str(len(response.content))
    return response


# How hard to compress a page for keeping: statistics pages, most of them
# rendered for one crawler's visit, cheaply; the editorial pages, few and
# read often, well (the article must stay within 14 KB on the wire).
COMPRESSION = {Shows.RELEASES: 1, Shows.EVERYTHING: 6}


def kept_from(response: HttpResponse, shows: Shows) -> Kept:
    return Kept(
        dict(response.items()),
        gzip.compress(response.content, compresslevel=COMPRESSION[shows], mtime=0),
        response.content,
    )


# --- The view decorator and the middleware --------------------------------------


def cache_page(
    view: Callable[..., HttpResponse] | None = None,
    *,
    shows: Shows = Shows.EVERYTHING,
    params: tuple[str, ...] = (),
) -> Callable[..., HttpResponse]:
    """Keep a GET view's 200 responses until what they show changes, with an
    ETag and Last-Modified from the state, answering conditional requests
    for such pages with 304.

    ``shows`` says what the pages show: statistics pages show the live
    releases alone, so an editor's save leaves them cached. Only responses
    to a query string made of ``params`` alone are kept (a view may decide
    otherwise by setting ``response.cache_by_content``), so junk query
    strings cannot fill the cache.
    """
    if view is None:
        return functools.partial(cache_page, shows=shows, params=params)

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        # The middleware has looked already (and pinned the state), unless
        # the view is called some other way.
        state = site_state()
        if (key := getattr(request, "missed_page_key", None)) is None:
            key = page_key(request, state, shows)
            if (kept := recall(key)) is not None:
                return answer(request, kept, key)
        response = view(request, *args, **kwargs)
        if response.status_code != 200 or response.streaming:
            return response
        # A response may show more than its view's pages do (a statistics
        # search naming the editors' pages): its validators follow that too.
        showing = getattr(response, "page_shows", shows)
        if showing is not shows:
            key = page_key(request, state, showing)
        validators(response, key, state, showing)
        cacheable = getattr(response, "cache_by_content", set(request.GET) <= set(params))
        if not getattr(response, "is_rendered", True):  # a TemplateResponse (the sitemap)
            response.render()
        kept = kept_from(response, showing)
        # Only a GET stores a page: the body of a HEAD response is for
        # nobody (servers drop it), so nothing may rely on it.
        if cacheable and request.method == "GET":
            keep(key, kept)
        return answer(request, kept, key)

    wrapper.page_shows = shows  # read by CachedPageMiddleware (carried by functools.wraps)
    return wrapper


def shows_at(request: HttpRequest) -> Shows | None:
    """What the page at this address shows, or None where no view keeps pages."""
    return _shows_at_path(request.path_info)


@receiver(setting_changed)
def _urlconf_changed(setting: str, **kwargs) -> None:
    if setting == "ROOT_URLCONF":
        _shows_at_path.cache_clear()


@functools.lru_cache(maxsize=4096)
def _shows_at_path(path: str) -> Shows | None:
    # A path always resolves alike (until the URLconf changes, with the code).
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return getattr(match.func, "page_shows", None)


class CachedPageMiddleware:
    """Answers a GET or HEAD for a cached page before the rest of the middleware runs.

    Placed just after whitenoise. It reads the site state once and pins it
    for the whole request, so the page and its key agree. Pages are only
    ever stored by :func:`cache_page` (public, anonymous content), so what
    this finds may go to anyone. Of the headers middleware below would add,
    X-Frame-Options comes from above this one instead, and Content-Length is
    set by :func:`answer`, so a hit's headers match the first response's.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # HEAD gets the GET's page, headers and all; the server drops the body.
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        try:
            state = site_state()
            address = address_of(request)
        except (DatabaseError, DisallowedHost):
            return self.get_response(request)  # the full stack answers these (503, 400)
        # A page this process keeps is found without resolving the address
        # (which costs more than the rest of a hit): its key is in one keyspace.
        for shows in Shows:
            key = page_key(request, state, shows, address)
            if (kept := memory.get(key)) is not None:
                return answer(request, kept, key)
        if (shows := shows_at(request)) is None:  # no view keeps pages here
            return self.get_response(request)
        key = page_key(request, state, shows, address)
        if (kept := recall(key)) is not None:
            return answer(request, kept, key)
        request.missed_page_key = key
        with pinned(state):
            return self.get_response(request)
