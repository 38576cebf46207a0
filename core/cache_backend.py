"""Django's Redis cache, reusing one client per connection pool.

Django's client builds a new ``redis.Redis`` for every cache call, which
costs more than the round trip itself on a cached page (redis-py fills a
table of ~170 response callbacks each time). A client is only a thin
wrapper around its connection pool and is safe to share between threads.
"""

from __future__ import annotations

import redis
from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class ReusingRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key: str | None = None, *, write: bool = False) -> redis.Redis:
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ReusingRedisCache(RedisCache):
    def __init__(self, server: str, params: dict) -> None:
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient
