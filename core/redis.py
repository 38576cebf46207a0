"""Redis, used so that its failure is never the site's.

The site works without Redis (each process then keeps what it renders in its
own memory) and keeps working when Redis fails: a call that cannot reach it
answers its default, and Redis is skipped for RETRY_SECONDS, so a Redis that
hangs costs one timeout rather than one per request. A Redis that answers
but refuses a write (full, under ``noeviction``) is not skipped: reading
from it still works.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

import redis
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)
RETRY_SECONDS = 5
# Keys this site writes outside Django's cache API (pages, the site state).
PREFIX = "careerguide:"

_down_until = 0.0
_refused_logged_at = -60.0


def client() -> redis.Redis | None:
    """The Redis client behind Django's cache, or None when the cache is not Redis."""
    backend = caches["default"]
    return backend._cache.get_client(write=True) if isinstance(backend, RedisCache) else None


def call[T](operation: Callable[[redis.Redis], T], default: T) -> T:
    """``operation(client)``, or ``default`` without Redis or when it fails."""
    global _down_until, _refused_logged_at
    if time.monotonic() < _down_until or (connection := client()) is None:
        return default
    try:
        return operation(connection)
    except redis.ResponseError:
        # Redis answered, and said no (out of memory under noeviction):
        # reads still work, so keep using it; say so once a minute.
        now = time.monotonic()
        if now - _refused_logged_at >= 60:
            _refused_logged_at = now
            logger.warning("Redis refused a command", exc_info=True)
        return default
    except Exception:
        logger.warning("Redis unreachable: skipping it for %s s", RETRY_SECONDS, exc_info=True)
        _down_until = time.monotonic() + RETRY_SECONDS
        return default


def reset() -> None:
    """Forget a past failure (for tests, which point the cache elsewhere)."""
    global _down_until
    _down_until = 0.0
