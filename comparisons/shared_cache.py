"""The cache every process shares (Redis), used so that its failure is never ours.

- Cache calls that treat an unreachable cache as a miss, and stop trying for
  a few seconds after a failure, so a Redis that hangs costs one timeout,
  not one per call.
- The *published* content version: the newest committed version, kept in
  Redis as ``<number>|<ISO time>``. A Lua script replaces it only with a
  greater number, so neither a reader that looked before a commit nor the
  slower of two editors' commits can put an older version back; it expires
  after STATE_SECONDS, which bounds staleness should a publish be lost.
- Announcements: every commit is announced on a channel; a thread in each
  gunicorn worker listens (:func:`start_listening`) and meanwhile :class:`Heard`
  keeps the version last read, so a cached page needs no round trip at all.
"""

from __future__ import annotations

import datetime
import logging
import threading
import time
from collections.abc import Callable

from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)
STATE_SECONDS = 10
PUBLISHED_KEY = "content-version:published"
CHANNEL = "content-version:changed"
RETRY_SECONDS = 5
OFFER = """
local current = redis.call('GET', KEYS[1])
local number = current and tonumber(string.match(current, '^(%d+)|'))
if number and number >= tonumber(ARGV[1]) then
  return 0
end
redis.call('SET', KEYS[1], ARGV[1] .. '|' .. ARGV[2], 'EX', tonumber(ARGV[3]))
return 1
"""

type Published = tuple[int, datetime.datetime]

_down_until = 0.0
_lock = threading.Lock()


def guarded[T](operation: Callable[[], T], default: T) -> T:
    """Run a cache operation; if the cache fails, answer ``default`` and skip
    the cache for RETRY_SECONDS (logging once, not on every request)."""
    global _down_until
    if time.monotonic() < _down_until:
        return default
    try:
        return operation()
    except Exception:
        logger.warning("cache unreachable: skipping it for %s s", RETRY_SECONDS, exc_info=True)
        _down_until = time.monotonic() + RETRY_SECONDS
        return default


def reset() -> None:
    """Forget a past failure (for tests, which point the cache elsewhere)."""
    global _down_until
    _down_until = 0.0
    _heard.forget()


def safe_get(key: str) -> object | None:
    return guarded(lambda: cache.get(key), None)


def safe_set(key: str, value: object, timeout: float | None) -> None:
    guarded(lambda: cache.set(key, value, timeout), None)


def redis_client(write: bool = False):
    """The Redis client behind the cache, or None when the cache is not Redis."""
    backend = caches["default"]
    return backend._cache.get_client(write=write) if isinstance(backend, RedisCache) else None


def _key() -> str:
    return caches["default"].make_key(PUBLISHED_KEY)


def _channel() -> str:
    return caches["default"].make_key(CHANNEL)


def published() -> Published | None:
    """The newest version published, if Redis is there and holds one."""
    client = redis_client()
    raw = guarded(lambda: client.get(_key()), None) if client is not None else None
    if raw is None:
        return None
    try:
        number, changed_at = raw.decode().split("|", 1)
        return int(number), datetime.datetime.fromisoformat(changed_at)
    except ValueError:  # not written by offer(): ignore it, read the database
        return None


def offer(number: int, changed_at: datetime.datetime, *, announce: bool = False) -> None:
    """Publish a version read from the database, unless a newer one is published;
    with ``announce``, also tell every process to read it again."""
    client = redis_client(write=True)
    if client is None:
        return
    args = [number, changed_at.isoformat(), STATE_SECONDS]
    if not announce:
        guarded(lambda: client.eval(OFFER, 1, _key(), *args), None)
        return
    # A commit: tried even while reads are being skipped, since a lost
    # announcement leaves other processes stale for up to STATE_SECONDS.
    try:
        client.eval(OFFER, 1, _key(), *args)
        client.publish(_channel(), b"changed")
    except Exception:
        logger.warning("could not publish a content change", exc_info=True)


def withdraw() -> None:
    """The new version could not be read: make every process read the database."""
    client = redis_client(write=True)
    if client is not None:
        try:
            client.delete(_key())
            client.publish(_channel(), b"changed")
        except Exception:
            logger.warning("could not withdraw the published content version", exc_info=True)


class Heard:
    """The version as last read, trusted without asking Redis while a listener
    hears of every change.

    Every announcement, and every (re)subscription, moves ``generation`` on:
    a version read before it can then not be kept, so a reader racing an
    edit never keeps the older version. Trusted for STATE_SECONDS at most.
    """

    def __init__(self) -> None:
        self.listening = False
        self.generation = 0
        self.value: object | None = None
        self.read_at = 0.0

    def current(self) -> object | None:
        if self.listening and time.monotonic() - self.read_at < STATE_SECONDS:
            return self.value
        return None

    def keep(self, value: object, generation: int) -> None:
        with _lock:
            if self.listening and generation == self.generation:
                self.value, self.read_at = value, time.monotonic()

    def forget(self) -> None:
        with _lock:
            self.generation += 1
            self.value = None


_heard = Heard()
_stop = threading.Event()


def heard() -> Heard:
    return _heard


def start_listening() -> threading.Thread | None:
    """Hear of content changes in this process (gunicorn starts it in each worker)."""
    if redis_client() is None:
        return None
    _stop.clear()
    listener = threading.Thread(target=_listen, name="content-version-listener", daemon=True)
    listener.start()
    return listener


def stop_listening() -> None:
    _stop.set()


def _listen() -> None:
    client = redis_client()
    channel = _channel()
    while not _stop.is_set():
        try:
            with client.pubsub() as pubsub:
                pubsub.subscribe(channel)
                while not _stop.is_set():
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
        _stop.wait(1.0)
