"""Faults, for real: a database that goes away and comes back, a Redis that is down.

The database test runs the app under gunicorn against the PostgreSQL server
on 127.0.0.1:5432 through a TCP proxy that the test cuts and restores, so
nothing else using that server is disturbed. The Redis test points the
cache at a closed port. Skipped where PostgreSQL is not running, unless
REQUIRE_SERVICE_TESTS is set (as `.ci/run` does).
"""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import uuid

import pytest

from tests.conftest import ARTICLE_URL
from tests.servers import deploy, fetch, free_port, gunicorn, production_env

PG = ("127.0.0.1", 5432)


def postgres_running() -> bool:
    try:
        socket.create_connection(PG, timeout=1).close()
        return True
    except OSError:
        return False


class Proxy:
    """Forwards a local port to PostgreSQL until stopped; can start again."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.connections: list[socket.socket] = []
        self.server: socket.socket | None = None

    def start(self) -> None:
        self.server = socket.create_server(("127.0.0.1", self.port), reuse_port=False)
        self.server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        threading.Thread(target=self._accept, args=(self.server,), daemon=True).start()

    def stop(self) -> None:
        if self.server is not None:
            # shutdown() wakes the thread blocked in accept(); close() alone
            # would leave the port listening on Linux.
            with contextlib.suppress(OSError):
                self.server.shutdown(socket.SHUT_RDWR)
            self.server.close()
            self.server = None
        for conn in self.connections:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
            conn.close()
        self.connections.clear()

    def _accept(self, server: socket.socket) -> None:
        while True:
            try:
                client, _ = server.accept()
            except OSError:
                return
            upstream = socket.create_connection(PG)
            self.connections += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, target: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                target.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, target):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)


@pytest.fixture
def app_through_proxy():
    if not postgres_running():
        if os.environ.get("REQUIRE_SERVICE_TESTS"):
            pytest.fail("REQUIRE_SERVICE_TESTS is set but PostgreSQL is not running")
        pytest.skip("PostgreSQL is not running on 127.0.0.1:5432")
    import psycopg

    name = f"careerguide_faults_{uuid.uuid4().hex[:8]}"
    admin = psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True)
    admin.execute(f'CREATE DATABASE "{name}"')
    proxy = Proxy(free_port())
    env = production_env(DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{name}")
    deploy(env)
    proxy.start()
    env["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:{proxy.port}/{name}"
    try:
        with gunicorn(env, "--workers", "1", "--log-level", "warning") as port:
            yield port, proxy
    finally:
        proxy.stop()
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def test_database_outage_serves_cached_pages_then_503_then_recovers(app_through_proxy):
    port, proxy = app_through_proxy
    for path in ("/", ARTICLE_URL):
        assert fetch(port, path)[0] == 200

    proxy.stop()  # the database is now unreachable
    status, body, _ = fetch(port, ARTICLE_URL)
    assert status == 200 and "Backend Developer vs AI/ML Engineer" in body  # from the cache
    status, body, headers = fetch(port, "/roles/")  # never cached
    assert status == 503
    assert headers["Retry-After"] == "30"
    assert "We'll be back in a moment" in body and "Traceback" not in body
    assert fetch(port, "/healthz")[0] == 200
    ready = fetch(port, "/readyz")
    assert ready[0] == 503 and '"database": "unreachable"' in ready[1]

    proxy.start()  # the database is back: the site recovers by itself
    assert fetch(port, "/roles/")[0] == 200
    assert fetch(port, "/readyz")[0] == 200


@pytest.mark.django_db
def test_redis_outage_falls_back_to_the_database(client, content, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",  # nothing listens here
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    for url in ("/", ARTICLE_URL, "/calculator/?level=senior", "/roles/backend-developer/"):
        assert client.get(url).status_code == 200, url
    ready = client.get("/readyz")
    assert ready.status_code == 503 and ready.json()["cache"] == "unreachable"
