"""The content version: one token that changes with every content change.

Every save, delete or many-to-many change of a content model bumps one
number in the database (:class:`~comparisons.models.ContentVersion`).
Whatever is cached is kept under that number, so after an editor's save the
next request finds nothing for the new version and renders fresh figures:
nothing is invalidated by hand and no process can serve stale content.

With a cache every process shares (Redis), the version is also published
there when the save commits, so reading it costs one cache read and no
database query. Loaders and content-only fragments of pages can be
remembered in each process per version (:func:`per_content_version`,
``{% content_fragment %}``).
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import hashlib
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextvars import ContextVar
from functools import wraps
from pathlib import Path

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from django.db import DatabaseError, transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from simple_history.models import HistoricalChanges

from .models import ContentVersion

logger = logging.getLogger(__name__)
EPOCH = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
# The version as published on commit; trusted for this long without asking
# the database, which bounds staleness should a publish ever be lost.
STATE_KEY = "content-state"
STATE_SECONDS = 10
# The last version seen, kept without expiry for database outages.
LAST_STATE_KEY = "content-state-last"
# Where a committed change is announced to every process.
CHANNEL = "content-state-changed"
FRAGMENTS = 256

type State = tuple[str, datetime.datetime]

_last_state: State | None = None
# The version a GET request started with, so that all it renders agrees.
_request_state: ContextVar[State | None] = ContextVar("content_state", default=None)
_fragments: OrderedDict[tuple, str] = OrderedDict()
_memos: list[OrderedDict] = [_fragments]
# runserver and threaded workers share these between threads.
_lock = threading.Lock()


def cache_is_shared() -> bool:
    """Whether every process sees the same cache (so a published version reaches all)."""
    return not isinstance(caches["default"], (LocMemCache, DummyCache))


def content_state() -> State:
    """A token that changes with every content change, and when that was.

    Read from the shared cache while it holds a published version, else from
    the database. While the database is unreachable, the last known version
    (in this process, or in the cache) keeps cached pages servable; with
    neither, the database error propagates (and becomes a 503).
    """
    global _last_state
    if (state := _request_state.get()) is not None:
        return state
    if (state := _heard.current()) is not None:
        return state
    generation = _heard.generation
    shared = cache_is_shared()
    if shared and (state := safe_get(STATE_KEY)) is not None:
        _last_state = state
        _heard.keep(state, generation)
        return state
    try:
        state = read_state()
    except DatabaseError:
        state = _last_state or safe_get(LAST_STATE_KEY)
        if state is None:
            raise
        logger.warning("database unreachable: serving pages cached under the last version")
        return state
    if shared:
        # add, not set: a version read before an editor's commit must not
        # overwrite the one that commit published.
        safe_add(STATE_KEY, state, STATE_SECONDS)
        _heard.keep(state, generation)
    if state != _last_state:
        _last_state = state
        safe_set(LAST_STATE_KEY, state, None)
    return state


class Heard:
    """The version as last read, trusted without asking Redis while a listener
    hears of every change (:func:`start_listening`).

    Every change, and every (re)subscription, moves ``generation`` on: a
    version read before it can then not be kept, so a reader racing an
    edit never keeps the older version. Trusted for STATE_SECONDS at most,
    which bounds staleness should a publish be lost.
    """

    def __init__(self) -> None:
        self.listening = False
        self.generation = 0
        self.state: State | None = None
        self.read_at = 0.0

    def current(self) -> State | None:
        if self.listening and time.monotonic() - self.read_at < STATE_SECONDS:
            return self.state
        return None

    def keep(self, state: State, generation: int) -> None:
        with _lock:
            if self.listening and generation == self.generation:
                self.state, self.read_at = state, time.monotonic()

    def forget(self) -> None:
        with _lock:
            self.generation += 1
            self.state = None


_heard = Heard()
_stop_listening = threading.Event()


def redis_client(write: bool = False):
    """The Redis client behind the cache, or None when the cache is not Redis."""
    backend = caches["default"]
    return backend._cache.get_client(write=write) if isinstance(backend, RedisCache) else None


def start_listening() -> threading.Thread | None:
    """Hear of edits from Redis in this process (gunicorn starts it in each
    worker), so that a cached page is served without reading the version."""
    if redis_client() is None:
        return None
    _stop_listening.clear()
    listener = threading.Thread(target=_listen, name="content-version-listener", daemon=True)
    listener.start()
    return listener


def stop_listening() -> None:
    _stop_listening.set()


def _listen() -> None:
    client = redis_client()
    while not _stop_listening.is_set():
        try:
            with client.pubsub() as pubsub:
                pubsub.subscribe(CHANNEL)
                while not _stop_listening.is_set():
                    message = pubsub.get_message(timeout=1.0)
                    if message is None:
                        continue
                    _heard.forget()  # a change, or (first) the subscription itself
                    if message["type"] == "subscribe":
                        _heard.listening = True
        except Exception:
            logger.warning("lost Redis: reading the content version per request", exc_info=True)
        _heard.listening = False
        _heard.forget()
        _stop_listening.wait(1.0)


def read_state() -> State:
    row = ContentVersion.objects.filter(pk=1).values_list("version", "changed_at").first()
    return ("0", EPOCH) if row is None else (f"{row[0]}.{row[1].timestamp():.6f}", row[1])


def publish_state() -> None:
    """Tell every process about a committed change at once."""
    _heard.forget()
    if not cache_is_shared():
        return
    try:
        safe_set(STATE_KEY, read_state(), STATE_SECONDS)
    except DatabaseError:
        logger.warning("could not read the new content version to publish it", exc_info=True)
    try:
        if (client := redis_client(write=True)) is not None:
            client.publish(CHANNEL, b"changed")
    except Exception:
        logger.warning("could not announce a content change", exc_info=True)


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


def safe_add(key: str, value, timeout) -> None:
    try:
        cache.add(key, value, timeout)
    except Exception:
        logger.warning("cache unreachable on add", exc_info=True)


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
    transaction.on_commit(publish_state)


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


@contextlib.contextmanager
def request_state(state: State) -> Iterator[None]:
    """Within a request, every reader of the version sees ``state``."""
    token = _request_state.set(state)
    try:
        yield
    finally:
        _request_state.reset(token)


def forget_remembered() -> None:
    """Drop what this process remembers (for tests, whose databases roll back)."""
    for memo in _memos:
        memo.clear()


def per_content_version[**P, R](
    key: Callable[P, Hashable], size: int = 64
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Remember what a loader returns, in this process, until content changes.

    Each result is kept under the content version it was loaded after
    (``key`` names the rest), so an editor's save reaches it at once. The
    version is read before the data, so what is kept is never older than
    the version it is kept under. Results are shared between requests:
    callers must not change them.
    """

    def decorate(loader: Callable[P, R]) -> Callable[P, R]:
        memo: OrderedDict[tuple, R] = OrderedDict()
        _memos.append(memo)

        @wraps(loader)
        def remembered(*args: P.args, **kwargs: P.kwargs) -> R:
            return _remembered(memo, key(*args, **kwargs), lambda: loader(*args, **kwargs), size)

        return remembered

    return decorate


def content_fragment(key: Hashable, render: Callable[[], str]) -> str:
    """A piece of a page rendered once per content version (see ``{% content_fragment %}``)."""
    return _remembered(_fragments, key, render, FRAGMENTS)


def _remembered[R](memo: OrderedDict[tuple, R], key: Hashable, compute: Callable[[], R], size):
    full_key = (current_version(), code_version(), key)
    with _lock:
        if full_key in memo:
            memo.move_to_end(full_key)
            return memo[full_key]
    result = compute()
    with _lock:
        memo[full_key] = result
        while len(memo) > size:
            memo.popitem(last=False)
    return result
