"""The production stack in real processes, for the tests that need one:
gunicorn, a TCP proxy in front of PostgreSQL that a test can cut, and
private Redis servers (configured as a test needs, never the shared one)."""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(port: int, path: str) -> tuple[int, str, dict]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=15) as response:
            return response.status, response.read().decode(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), dict(error.headers)


def production_env(**variables: str) -> dict[str, str]:
    """This environment without any Django settings of its own, plus ``variables``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    return env | {
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        **variables,
    }


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def deploy(env: dict[str, str]) -> None:
    """As a deploy fills a new database: migrated, with the site's content.

    The hashed static files come from the ``static_files`` fixture (once a
    run: every process shares STATIC_ROOT), and a SQLite database already
    deployed from ``deployed_sqlite``.
    """
    manage(env, "migrate", "-v0")
    manage(env, "load_content", "-v0")


@contextlib.contextmanager
def gunicorn(env: dict[str, str], *args: str) -> Iterator[int]:
    """gunicorn serving the site on a free port, stopped afterwards; yields the port."""
    port = free_port()
    command = [sys.executable, "-m", "gunicorn", "careerguide.wsgi", "--bind", f"127.0.0.1:{port}"]
    server = subprocess.Popen([*command, *args], cwd=ROOT, env=env, start_new_session=True)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        yield port
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


@contextlib.contextmanager
def run_lock(tmp_path_factory, name: str) -> Iterator[Path]:
    """Holds this test run's lock called ``name``; yields the run's folder.

    Each xdist worker is a process of its own, so they agree through a lock
    file in the run's temporary folder, which they share and no other run sees.
    """
    import fcntl

    folder = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        folder = folder.parent
    with open(folder / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield folder


REDIS_URL = os.environ.get("CAREERGUIDE_TEST_REDIS_URL", "redis://127.0.0.1:6379/13")


def shared_redis():
    """A client of the Redis the tests share (database 13 by default, flushed),
    or a skip (a failure with REQUIRE_SERVICE_TESTS) where none runs.

    Hold ``run_lock(tmp_path_factory, "redis")`` while using it (the
    ``shared_redis_db`` fixture does): the run's workers share the database."""
    import pytest
    import redis

    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=0.5)
    try:
        client.flushdb()
    except redis.ConnectionError:
        if os.environ.get("REQUIRE_SERVICE_TESTS"):
            pytest.fail("REQUIRE_SERVICE_TESTS is set but Redis is not running")
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    return client


@contextlib.contextmanager
def redis_server(*options: str) -> Iterator[str]:
    """A Redis server of the test's own on a free port (``options`` as on
    redis-server's command line, e.g. "--maxmemory", "1mb"); yields its URL."""
    import shutil

    import pytest
    import redis

    if shutil.which("redis-server") is None:
        if os.environ.get("REQUIRE_SERVICE_TESTS"):
            pytest.fail("REQUIRE_SERVICE_TESTS is set but redis-server is not installed")
        pytest.skip("redis-server is not installed")
    port = free_port()
    command = ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
               "--appendonly", "no", *options]  # fmt: skip
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"redis://127.0.0.1:{port}/0"
    try:
        client = redis.Redis.from_url(url)
        deadline = time.monotonic() + 10
        while True:
            try:
                client.ping()
                break
            except redis.ConnectionError:
                assert time.monotonic() < deadline, "redis-server did not start"
                time.sleep(0.05)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


PG = ("127.0.0.1", 5432)


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
