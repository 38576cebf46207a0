"""What is live: one site-state token for the code, the content and every live release.

The state is a few numbered *parts* (a row each in :class:`~core.models.StatePart`):
``content`` moves on with every editorial change, ``release:<program>`` with
every publish of that program's release. With the code's version they make
the :class:`SiteState`, from which every cache key is made: a page is kept
under the parts it shows (:class:`Shows`), so an editor's save retires the
editorial pages and leaves the statistics cached, and a publish retires both.

Each process reads the state at most once a second (one query), and a request
reads it once and keeps it (:func:`pinned`), so a page and its key agree.
Every read also leaves a copy in Redis, without expiry; while the database is
unreachable the state comes from there, so any worker, one started during the
outage included, serves the pages it can find cached.
"""

from __future__ import annotations

import contextlib
import datetime
import enum
import functools
import hashlib
import json
import logging
import os
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from . import redis
from .models import StatePart

logger = logging.getLogger(__name__)
TRUST_SECONDS = 1.0
EPOCH = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
CONTENT = "content"
RELEASE = "release:"
MIRROR_KEY = f"{redis.PREFIX}site-state"


def release_part(program: str) -> str:
    return f"{RELEASE}{program}"


class Shows(enum.StrEnum):
    """Which parts of the state a page (or a remembered piece of one) shows."""

    RELEASES = "releases"  # official statistics alone: editors' saves leave them be
    EVERYTHING = "everything"  # editorial content, with official figures beside it

    def includes(self, part: str) -> bool:
        return self is Shows.EVERYTHING or part.startswith(RELEASE)


@dataclass(frozen=True, slots=True)
class Part:
    version: int
    changed_at: datetime.datetime
    facts: Mapping = field(default_factory=dict)


@dataclass(frozen=True)
class SiteState:
    code: str
    parts: Mapping[str, Part]
    _keyspaces: dict = field(default_factory=dict, compare=False, repr=False)

    def version(self, part: str) -> int:
        found = self.parts.get(part)
        return found.version if found else 0

    def facts(self, part: str) -> Mapping:
        found = self.parts.get(part)
        return found.facts if found else {}

    def keyspace(self, shows: Shows) -> str:
        """A name for what pages showing ``shows`` look like now: it changes
        with the code and with every part they show, and nothing else."""
        if (known := self._keyspaces.get(shows)) is None:
            versions = ",".join(
                f"{name}={part.version}"
                for name, part in sorted(self.parts.items())
                if shows.includes(name)
            )
            digest = hashlib.sha256(f"{self.code}|{versions}".encode()).hexdigest()[:16]
            known = self._keyspaces[shows] = f"{shows}-{digest}"
        return known

    def changed_at(self, shows: Shows) -> datetime.datetime:
        """When what ``shows`` covers last changed, the code included."""
        times = [p.changed_at for name, p in self.parts.items() if shows.includes(name)]
        return max([code_changed_at(), *times])


_known: tuple[float, SiteState] | None = None
_pinned: ContextVar[SiteState | None] = ContextVar("site_state", default=None)


def _clock() -> float:
    return time.monotonic()


def site_state() -> SiteState:
    """What is live: the request's own state within one, else this process's,
    read again once it is a second old.

    While the database is unreachable the copy in Redis stands in (or, without
    one, the state this process read last); with neither, the database error
    propagates and becomes a 503.
    """
    global _known
    if (pinned := _pinned.get()) is not None:
        return pinned
    known, now = _known, _clock()
    if known is not None and now - known[0] < TRUST_SECONDS:
        return known[1]
    try:
        parts = read_parts()
    except DatabaseError:
        parts = read_mirror()
        if parts is None:
            if known is None:
                raise
            parts = known[1].parts
        logger.warning("database unreachable: serving pages cached under the last known state")
    else:
        write_mirror(parts)
    state = SiteState(code_version(), parts)
    _known = (now, state)
    return state


@contextlib.contextmanager
def pinned(state: SiteState) -> Iterator[SiteState]:
    """Within the block (a request), every reader of the state sees ``state``."""
    token = _pinned.set(state)
    try:
        yield state
    finally:
        _pinned.reset(token)


def read_state() -> SiteState:
    """The state as the database has it now, whatever this process or request holds."""
    return SiteState(code_version(), read_parts())


def read_parts() -> dict[str, Part]:
    rows = StatePart.objects.values_list("name", "version", "changed_at", "facts")
    return {name: Part(version, changed_at, facts) for name, version, changed_at, facts in rows}


def read_mirror() -> dict[str, Part] | None:
    raw = redis.call(lambda client: client.get(MIRROR_KEY), None)
    if raw is None:
        return None
    try:
        return {
            name: Part(version, datetime.datetime.fromisoformat(changed_at), facts)
            for name, (version, changed_at, facts) in json.loads(raw).items()
        }
    except (ValueError, TypeError, AttributeError):
        logger.warning("the site state in Redis is not one this site wrote: ignored")
        return None


def write_mirror(parts: Mapping[str, Part]) -> None:
    """Copy the state to Redis, with no expiry (an eviction policy that spares
    keys without one, ``volatile-lru``, keeps it: see ``core.checks``).

    Written on every read, once a second per process, so a copy left behind
    by a write that lost a race is put right within a second."""
    value = json.dumps(
        {name: [p.version, p.changed_at.isoformat(), p.facts] for name, p in sorted(parts.items())}
    )
    redis.call(lambda client: client.set(MIRROR_KEY, value), None)


def forget() -> None:
    """Read the state again on next use (after a change, and in tests)."""
    global _known
    _known = None


def bump(part: str, facts: Mapping | None = None) -> None:
    """Move ``part`` on (with new ``facts``, if given): what was cached under
    its old version is retired.

    Within a transaction, the change counts when it commits; this process
    reads the new state at once, every other within a second.
    """
    changes = {"version": F("version") + 1, "changed_at": timezone.now()}
    if facts is not None:
        changes["facts"] = dict(facts)
    if not StatePart.objects.filter(name=part).update(**changes):
        try:
            with transaction.atomic():
                StatePart.objects.create(name=part, version=1, changed_at=changes["changed_at"],
                                         facts=changes.get("facts", {}))  # fmt: skip
        except IntegrityError:  # created meanwhile by another process: move it on
            StatePart.objects.filter(name=part).update(**changes)
    forget()
    transaction.on_commit(_after_change)


_on_change: list[Callable[[], None]] = []


def on_change(callback: Callable[[], None]) -> None:
    """Call ``callback`` after every committed change of the state."""
    _on_change.append(callback)


def _after_change() -> None:
    forget()
    try:
        write_mirror(read_parts())
    except DatabaseError:
        logger.warning("could not read the new site state to copy it to Redis", exc_info=True)
    for callback in _on_change:
        callback()


# --- What each process remembers per state ------------------------------------


class Remembered:
    """What one loader (or one kind of fragment) returned, per keyspace: the
    current keyspace's results are kept, up to ``size``; a new keyspace
    drops the others, whose state is gone."""

    def __init__(self, shows: Shows, size: int = 256) -> None:
        self.shows, self.size = shows, size
        self._items: dict = {}
        self._keyspace = ""
        self._lock = threading.Lock()
        _memories.append(self)

    def get[R](self, key: object, compute: Callable[[], R]) -> R:
        keyspace = site_state().keyspace(self.shows)
        with self._lock:
            if keyspace == self._keyspace and key in self._items:
                return self._items[key]
        result = compute()
        with self._lock:
            if keyspace != self._keyspace:
                self._items, self._keyspace = {}, keyspace
            if len(self._items) >= self.size:
                self._items.pop(next(iter(self._items)))
            self._items[key] = result
        return result

    def clear(self) -> None:
        with self._lock:
            self._items, self._keyspace = {}, ""


_memories: list[Remembered] = []


def per_state[**P, R](
    shows: Shows, key: Callable[P, object], size: int = 64
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Remember what a loader returns, in this process, until what ``shows``
    covers changes. The state is read before the data, so nothing is kept
    under a state older than it. Results are shared: callers must not change them."""

    def decorate(loader: Callable[P, R]) -> Callable[P, R]:
        memory = Remembered(shows, size)

        @functools.wraps(loader)
        def remembered(*args: P.args, **kwargs: P.kwargs) -> R:
            return memory.get(key(*args, **kwargs), lambda: loader(*args, **kwargs))

        return remembered

    return decorate


def forget_remembered() -> None:
    """Drop what this process remembers (for tests, whose databases roll back)."""
    forget()
    for memory in _memories:
        memory.clear()
    redis.reset()


# --- The code's version -----------------------------------------------------------

# What does not render pages: tests, tools, documents, and what is installed
# or generated beside the code.
SKIPPED = frozenset(
    {
        ".git", ".venv", ".data", ".tmp", ".pytest_cache", ".ruff_cache", "__pycache__",
        "node_modules", "staticfiles", "screenshots", "tests", "bench", "docs", "tools",
        "migrations",
    }
)  # fmt: skip
SKIPPED_SUFFIXES = (".pyc", ".log", ".md", ".sqlite3", "-journal", "-wal", ".sqlite3-shm")


def code_files(root: Path) -> list[Path]:
    """Every file of the installed site that can change a page: the project's
    Python, templates, static files and data, whichever folder they are in."""
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED and not d.startswith("."))
        found += [
            Path(folder, name)
            for name in sorted(files)
            if not name.endswith(SKIPPED_SUFFIXES) and not name.startswith(".")
        ]
    return found


@functools.cache
def code_version() -> str:
    """A digest of the code, templates and static files.

    Part of every cache key and ETag, so a deploy never serves pages (or
    links to hashed static files) rendered by the previous release.
    CAREERGUIDE_RELEASE, when set, names the release instead.
    """
    if settings.RELEASE:
        return settings.RELEASE
    root = Path(settings.BASE_DIR)
    digest = hashlib.sha256()
    for path in code_files(root):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@functools.cache
def code_changed_at() -> datetime.datetime:
    """When the code last changed, for Last-Modified after a deploy."""
    newest = max((path.stat().st_mtime for path in code_files(Path(settings.BASE_DIR))), default=0)
    return datetime.datetime.fromtimestamp(newest, tz=datetime.UTC)
