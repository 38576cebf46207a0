"""The content version: one token that changes with every content change.

Every save, delete or many-to-many change of a content model bumps one
number in the database (:class:`~comparisons.models.ContentVersion`).
Whatever is cached is kept under that number, so after an editor's save the
next request finds nothing for the new version and renders fresh figures:
nothing is invalidated by hand and no process can serve stale content.

With Redis, the version is also published there when the save commits and
announced to every process (``shared_cache``), so reading it usually costs
nothing. Loaders and content-only fragments of pages can be remembered in
each process per version (:func:`per_content_version`,
``{% content_fragment %}``).
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import hashlib
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextvars import ContextVar
from functools import wraps
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from simple_history.models import HistoricalChanges

from . import shared_cache
from .models import ContentVersion
from .shared_cache import safe_get, safe_set

logger = logging.getLogger(__name__)
EPOCH = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
# The last version seen, kept without expiry for database outages.
LAST_STATE_KEY = "content-version:last"
FRAGMENTS = 256

type State = tuple[str, datetime.datetime]

_last_state: State | None = None
# The version a GET request started with, so that all it renders agrees.
_request_state: ContextVar[State | None] = ContextVar("content_state", default=None)
_memories: list[Memory] = []


def content_state() -> State:
    """A token that changes with every content change, and when that was.

    Within a request, the one the request started with. Otherwise the
    version this process heard of, else the one published in Redis, else
    the database's. While the database is unreachable, the last known
    version (shared, else this process's) keeps cached pages servable; with
    neither, the database error propagates (and becomes a 503).
    """
    global _last_state
    if (state := _request_state.get()) is not None:
        return state
    heard = shared_cache.heard()
    if (state := heard.current()) is not None:
        return state
    generation = heard.generation
    if (newest := shared_cache.published()) is not None:
        state = _last_state = state_of(*newest)
        heard.keep(state, generation)
        return state
    try:
        row = read_row()
    except DatabaseError:
        state = safe_get(LAST_STATE_KEY) or _last_state
        if state is None:
            raise
        logger.warning("database unreachable: serving pages cached under the last version")
        return state
    shared_cache.offer(*row)
    state = state_of(*row)
    heard.keep(state, generation)
    if state != _last_state:
        _last_state = state
        safe_set(LAST_STATE_KEY, state, None)
    return state


def state_of(number: int, changed_at: datetime.datetime) -> State:
    return (f"{number}.{changed_at.timestamp():.6f}", changed_at)


def read_row() -> tuple[int, datetime.datetime]:
    row = ContentVersion.objects.filter(pk=1).values_list("version", "changed_at").first()
    return (0, EPOCH) if row is None else row


def read_state() -> State:
    return state_of(*read_row())


def publish_state() -> None:
    """Tell every process about a committed change at once."""
    shared_cache.heard().forget()
    try:
        row = read_row()
    except DatabaseError:
        logger.warning("could not read the new content version to publish it", exc_info=True)
        shared_cache.withdraw()
        return
    shared_cache.offer(*row, announce=True)
    safe_set(LAST_STATE_KEY, state_of(*row), None)


def current_version() -> str:
    return content_state()[0]


# Many-to-many changes count once, after they happen; the pre_* signals
# announce the same change.
M2M_CHANGES = frozenset({"post_add", "post_remove", "post_clear"})

# Set while a bulk load counts as one change (see :func:`one_change`).
_suspended: ContextVar[bool] = ContextVar("content_version_suspended", default=False)


def bump_content_version(**kwargs) -> None:
    """Mark all content as changed; cached pages keyed by the old version die.

    Connected to post_save, post_delete and m2m_changed; called directly by
    code that changes content without model signals.
    """
    sender = kwargs.get("sender")
    if sender is not None and (
        sender._meta.app_label != "comparisons"
        or sender is ContentVersion
        or not getattr(sender, "is_content", True)  # e.g. warning acknowledgements
        or issubclass(sender, HistoricalChanges)  # history rows record content, not change it
    ):
        return
    if "action" in kwargs and (
        kwargs["action"] not in M2M_CHANGES
        # adding or removing nothing (an add of rows already there) changes nothing
        or (kwargs["action"] != "post_clear" and not kwargs.get("pk_set"))
    ):
        return
    if _suspended.get():
        return
    updated = ContentVersion.objects.filter(pk=1).update(
        version=F("version") + 1, changed_at=timezone.now()
    )
    if not updated:
        ContentVersion.objects.get_or_create(pk=1)
    transaction.on_commit(publish_state)


@contextlib.contextmanager
def one_change() -> Iterator[None]:
    """Count everything saved within as one content change (a fixture load).

    The version is bumped once at the end, and not at all if the block
    raises: what it wrote is then rolled back, or was never committed.
    """
    token = _suspended.set(True)
    try:
        yield
    finally:
        _suspended.reset(token)
    bump_content_version()


def connect_signals() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(bump_content_version, dispatch_uid=f"content-version-{signal!r}")


# What renders pages: the apps' code, the templates and the static files.
CODE = (("comparisons", "*.py"), ("officialstats", "*.py"), ("templates", "*"), ("static", "*"))


@functools.cache
def code_changed_at() -> datetime.datetime:
    """When the code and templates last changed, for Last-Modified after a deploy."""
    root = Path(settings.BASE_DIR)
    newest = max(
        (path.stat().st_mtime for folder, _ in CODE
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
    for folder, pattern in CODE:
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


class Memory[K, V]:
    """What this process remembers: bounded, the least recently used going
    first, and safe to share between threads (runserver, threaded workers)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()
        _memories.append(self)

    def get(self, key: K, default: V | None = None) -> V | None:
        with self._lock:
            if key not in self._items:
                return default
            self._items.move_to_end(key)
            return self._items[key]

    def put(self, key: K, value: V) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


_fragments: Memory[tuple, str] = Memory(FRAGMENTS)


def forget_remembered() -> None:
    """Drop what this process remembers (for tests, whose databases roll back)."""
    for memory in _memories:
        memory.clear()
    shared_cache.reset()


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
        memory: Memory[tuple, R] = Memory(size)

        @wraps(loader)
        def remembered(*args: P.args, **kwargs: P.kwargs) -> R:
            return _remembered(memory, key(*args, **kwargs), lambda: loader(*args, **kwargs))

        return remembered

    return decorate


def content_fragment(key: Hashable, render: Callable[[], str]) -> str:
    """A piece of a page rendered once per content version (see ``{% content_fragment %}``)."""
    return _remembered(_fragments, key, render)


_MISSING = object()


def _remembered[R](memory: Memory[tuple, R], key: Hashable, compute: Callable[[], R]) -> R:
    full_key = (current_version(), code_version(), key)
    result = memory.get(full_key, _MISSING)  # a loader may remember None
    if result is _MISSING:
        result = compute()
        memory.put(full_key, result)
    return result
