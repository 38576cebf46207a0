"""Faults, for real: a database that goes away and comes back, a Redis that is down.

The database test runs the production stack (gunicorn with two workers,
Redis) against the PostgreSQL server on 127.0.0.1:5432 through a TCP proxy
that the test cuts and restores, so nothing else using that server is
disturbed. Skipped where PostgreSQL is not running, unless
REQUIRE_SERVICE_TESTS is set (as `.ci/run` does).
"""

from __future__ import annotations

import os
import socket
import time
import uuid

import pytest

from tests.helpers import ARTICLE_URL
from tests.oews import write_release
from tests.servers import (
    PG,
    REDIS_URL,
    Proxy,
    deploy,
    fetch,
    free_port,
    gunicorn,
    manage,
    production_env,
    run_lock,
    shared_redis,
)

# Pages a reader may have been served just before the outage: each kind.
CACHED = [
    "/",
    ARTICLE_URL,
    "/roles/backend-developer/",
    "/methodology/",
    "/calculator/",
    "/occupations/software-developers/",
    "/occupations/software-developers/in/texas/",
    "/places/texas/",
    "/sitemap.xml",
]
RUNS = 10


def postgres_running() -> bool:
    try:
        socket.create_connection(PG, timeout=1).close()
        return True
    except OSError:
        return False


@pytest.fixture
def app_through_proxy(tmp_path, tmp_path_factory, static_files):
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
    folder = str(write_release(tmp_path / "oews"))
    manage(env, "import_oews", folder, "--publish", "--published-on", "2026-05-15", "-v0")
    with run_lock(tmp_path_factory, "redis"):  # the run's workers share Redis
        redis = shared_redis()
        proxy.start()
        env |= {
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:{proxy.port}/{name}",
            "REDIS_URL": REDIS_URL,
        }
        try:
            args = ("-c", "gunicorn.conf.py", "--workers", "2", "--access-logfile", "/dev/null")
            with gunicorn(env, *args, "--log-level", "critical") as port:
                yield port, proxy
        finally:
            proxy.stop()
            redis.flushdb()
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.close()


@pytest.mark.any_database
def test_database_outage_serves_cached_pages_then_503_then_recovers(app_through_proxy):
    port, proxy = app_through_proxy
    for path in CACHED:
        assert fetch(port, path)[0] == 200, path

    proxy.stop()  # the database is now unreachable
    for _ in range(RUNS):  # whichever worker answers, read the state or not
        for path in CACHED:
            assert fetch(port, path)[0] == 200, path
    status, body, _ = fetch(port, ARTICLE_URL)
    assert "Backend Developer vs AI/ML Engineer" in body
    for path in ("/roles/", "/occupations/actors/", "/compare/"):  # never cached
        status, body, headers = fetch(port, path)
        assert status == 503, path
        assert headers["Retry-After"] == "30"
        assert "We'll be back in a moment" in body and "Traceback" not in body
    assert fetch(port, "/healthz")[0] == 200
    ready = fetch(port, "/readyz")
    assert ready[0] == 503 and '"database": "unreachable"' in ready[1]

    proxy.start()  # the database is back: the site recovers by itself
    back = time.monotonic()
    while fetch(port, "/roles/")[0] != 200 and time.monotonic() - back < 5:
        time.sleep(0.05)
    assert time.monotonic() - back < 1.0, "not back within a second"
    assert fetch(port, "/readyz")[0] == 200
    for path in CACHED:
        assert fetch(port, path)[0] == 200, path


@pytest.mark.django_db
def test_redis_outage_falls_back_to_the_database(client, content, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache_backend.ReusingRedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",  # nothing listens here
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    for url in ("/", ARTICLE_URL, "/calculator/?level=senior", "/roles/backend-developer/"):
        assert client.get(url).status_code == 200, url
    ready = client.get("/readyz")
    assert ready.status_code == 503 and ready.json()["cache"] == "unreachable"
