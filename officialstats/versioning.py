"""The release version: a token that changes when the live release does.

Statistics pages show the live release and nothing editors write, so their
cache keys carry this token rather than the editorial content version: an
editor's save leaves them cached, and publishing a release (once a year)
refreshes them all at once.

Reading it costs one indexed query on a table of a few rows, at most once a
second per process (:data:`TRUST_SECONDS`); the process that publishes
forgets its copy when the publish commits, so it sees the new release at
once, and every other process within a second. A release changes too
rarely for more machinery (Redis announcements) to pay; and statistics must
not import the editorial app's version machinery.
"""

from __future__ import annotations

import datetime
import logging
import threading
import time
from dataclasses import dataclass

from django.db import DatabaseError

from .models import Program, Release

logger = logging.getLogger(__name__)
TRUST_SECONDS = 1.0
EPOCH = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
NO_RELEASE = "none"

type State = tuple[str, datetime.datetime]


@dataclass(frozen=True, slots=True)
class LiveRelease:
    """What pages need to know about the live release, without a model instance."""

    id: int
    code: str
    name: str
    published_on: datetime.date
    retrieved_on: datetime.date
    made_live_at: datetime.datetime

    @property
    def token(self) -> str:
        return f"{self.id}.{self.made_live_at.timestamp():.6f}"


_known: dict[str, tuple[float, LiveRelease | None]] = {}
_lock = threading.Lock()


def live_release(program: str = Program.OEWS) -> LiveRelease | None:
    """The live release of ``program``, read at most once a second per process.

    While the database is unreachable, the last one read (if any) stands in.
    """
    now = time.monotonic()
    known = _known.get(program)
    if known is not None and now - known[0] < TRUST_SECONDS:
        return known[1]
    try:
        row = (
            Release.objects.live()
            .filter(program=program)
            .values("id", "code", "name", "published_on", "retrieved_on", "made_live_at")
            .first()
        )
    except DatabaseError:
        if known is None:
            raise
        logger.warning("database unreachable: keeping the live release last read")
        return known[1]
    live = LiveRelease(**row) if row else None
    with _lock:
        _known[program] = (now, live)
    return live


def release_state(program: str = Program.OEWS) -> State:
    """A token that changes whenever the live release does, and when it did."""
    live = live_release(program)
    if live is None:
        return NO_RELEASE, EPOCH
    return live.token, live.made_live_at


def release_version(program: str = Program.OEWS) -> str:
    return release_state(program)[0]


def forget() -> None:
    """Read the live release again on next use (after a publish, and in tests)."""
    with _lock:
        _known.clear()
