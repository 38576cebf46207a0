"""The site state and the page cache, with Redis as production runs them.

Against the real Redis on 127.0.0.1:6379 (database 13, flushed around each
test and used by one test at a time across the run's workers;
CAREERGUIDE_TEST_REDIS_URL names another), and, where a test needs Redis
configured its own way (full, say), a private redis-server on a free port.
Skipped where Redis is not running, unless REQUIRE_SERVICE_TESTS is set (as
`.ci/run` does).
"""

from __future__ import annotations

import gzip
import socket
import time

import pytest
from django.core.management import call_command
from django.db import OperationalError
from django.db.models import F

from comparisons.models import SalaryBand
from core import pages, state
from core.models import StatePart
from core.state import Shows, site_state
from tests.helpers import ARTICLE_URL, page_text
from tests.servers import (
    REDIS_URL,
    fetch,
    gunicorn,
    manage,
    production_env,
    redis_server,
)

pytestmark = pytest.mark.django_db
OCCUPATION = "/occupations/software-developers/"


def use_redis(settings, url: str) -> None:
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache_backend.ReusingRedisCache",
            "LOCATION": url,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    another_process()


def another_process() -> None:
    """Forget what this process holds, as a worker that has never served a page."""
    pages.forget_everything()


@pytest.fixture
def redis(settings, shared_redis_db):
    """Django's cache on the shared Redis, as in production; yields a raw client."""
    use_redis(settings, REDIS_URL)
    yield shared_redis_db
    another_process()


@pytest.fixture
def state_clock(monkeypatch):
    """The clock the site state is read by, moved on by hand."""

    class Clock:
        now = 1000.0

        def advance(self, seconds: float) -> None:
            self.now += seconds

    clock = Clock()
    monkeypatch.setattr(state, "_clock", lambda: clock.now)
    return clock


def changed_elsewhere() -> None:
    """A change committed by another process: the row moves, nothing here hears of it."""
    StatePart.objects.filter(name=state.CONTENT).update(version=F("version") + 1)


def database_down(monkeypatch) -> None:
    def unreachable():
        raise OperationalError("connection refused")

    monkeypatch.setattr(state, "read_parts", unreachable)


# --- Reading the state -------------------------------------------------------------------


def test_the_state_is_read_at_most_once_a_second(content, state_clock, django_assert_num_queries):
    first = site_state()
    changed_elsewhere()
    state_clock.advance(0.9)
    with django_assert_num_queries(0):
        assert site_state() is first
    state_clock.advance(0.2)
    with django_assert_num_queries(1):
        assert site_state().version(state.CONTENT) == first.version(state.CONTENT) + 1


def test_a_change_made_here_is_read_at_once(content, state_clock):
    before = site_state().version(state.CONTENT)
    SalaryBand.objects.update(min_salary=F("min_salary"))  # no signal: nothing is known yet
    assert site_state().version(state.CONTENT) == before
    band = SalaryBand.objects.first()
    band.save()
    assert site_state().version(state.CONTENT) == before + 1


def test_a_request_sees_one_state_throughout(content, state_clock):
    with state.pinned(site_state()) as pinned:
        changed_elsewhere()
        state_clock.advance(5)
        assert site_state() is pinned
    assert site_state() is not pinned


def test_the_state_is_mirrored_in_redis_without_expiry(content, redis):
    live = site_state()
    assert redis.ttl(state.MIRROR_KEY) == -1
    assert state.read_mirror() == dict(live.parts)


def test_with_the_database_down_the_state_comes_from_redis(content, redis, monkeypatch):
    live = site_state()
    another_process()  # a worker started during the outage knows nothing yet
    database_down(monkeypatch)
    assert site_state() == live


def test_with_neither_the_database_nor_a_copy_the_error_stands(content, redis, monkeypatch):
    site_state()
    redis.flushdb()
    another_process()
    database_down(monkeypatch)
    with pytest.raises(OperationalError):
        site_state()


def test_a_copy_that_lost_a_race_is_put_right_by_the_next_read(content, redis, state_clock):
    live = site_state()
    changed_elsewhere()
    state.write_mirror(live.parts)  # a late write of an older state
    state_clock.advance(1.1)
    now = site_state()
    assert state.read_mirror() == dict(now.parts) != dict(live.parts)


def test_a_copy_the_site_cannot_read_is_ignored(content, redis, monkeypatch):
    redis.set(state.MIRROR_KEY, b"not a state")
    another_process()
    database_down(monkeypatch)
    with pytest.raises(OperationalError):
        site_state()


def test_the_code_version_covers_every_file_that_renders_pages(settings):
    from pathlib import Path

    root = Path(settings.BASE_DIR)
    files = {path.relative_to(root).as_posix() for path in state.code_files(root)}
    for rendering in (
        "careerguide/urls.py",
        "careerguide/settings.py",
        "core/pages.py",
        "officialstats/templates/officialstats/methodology_provenance.html",
        "officialstats/geodata/states.json",
        "templates/base.html",
        "static/css/site.css",
        "requirements/runtime.txt",
    ):
        assert rendering in files, rendering
    assert not any(
        name.startswith(("tests/", "bench/", "docs/", ".venv/", ".git/")) for name in files
    )


def test_a_new_code_version_is_a_new_keyspace(content, settings):
    before = site_state()
    state.code_version.cache_clear()
    settings.RELEASE = "next-release"
    try:
        state.forget()
        after = site_state()
        assert after.parts == before.parts
        for shows in Shows:
            assert after.keyspace(shows) != before.keyspace(shows)
    finally:
        state.code_version.cache_clear()


def test_an_edit_keeps_the_statistics_keyspace_and_a_publish_moves_both(content, oews_release):
    before = site_state()
    band = SalaryBand.objects.first()
    band.save()
    edited = site_state()
    assert edited.keyspace(Shows.RELEASES) == before.keyspace(Shows.RELEASES)
    assert edited.keyspace(Shows.EVERYTHING) != before.keyspace(Shows.EVERYTHING)
    state.bump(state.release_part("oews"), facts=edited.facts("release:oews"))
    published = site_state()
    assert published.keyspace(Shows.RELEASES) != edited.keyspace(Shows.RELEASES)
    assert published.keyspace(Shows.EVERYTHING) != edited.keyspace(Shows.EVERYTHING)


# --- Pages in Redis ------------------------------------------------------------------------


def test_with_redis_a_cached_page_needs_no_query(client, content, redis, django_assert_num_queries):
    client.get(ARTICLE_URL)
    with django_assert_num_queries(0):
        again = client.get(ARTICLE_URL)
    assert again.status_code == 200
    pages.memory.clear()  # another worker: the page comes from Redis
    with django_assert_num_queries(0):
        assert client.get(ARTICLE_URL).content == again.content


def test_pages_are_kept_in_redis_gzipped_with_their_headers_and_a_ttl(
    client, content, redis, settings
):
    page = client.get(ARTICLE_URL)
    (key,) = redis.keys(f"{pages.KEY_PREFIX}*")
    assert 0 < redis.ttl(key) <= settings.PAGE_CACHE_SECONDS
    kept = pages.Kept.loads(redis.get(key))
    assert gzip.decompress(kept.gzipped) == page.content
    assert (
        kept.headers["ETag"] == page["ETag"]
        and kept.headers["Content-Type"] == page["Content-Type"]
    )


def test_a_publish_deletes_the_statistics_pages_of_the_old_release(
    client, content, oews_release, redis, tmp_path, django_capture_on_commit_callbacks
):
    from tests.helpers import import_oews
    from tests.oews import write_next_release

    for path in (OCCUPATION, "/places/", ARTICLE_URL):
        assert client.get(path).status_code == 200
    assert len(redis.keys(f"{pages.KEY_PREFIX}*")) == 3
    redis.set(f"{pages.KEY_PREFIX}other-site-state:x", b"left by an earlier deploy")
    with django_capture_on_commit_callbacks(execute=True):
        import_oews(write_next_release(tmp_path / "next"))
    assert redis.keys(f"{pages.KEY_PREFIX}*") == []
    assert redis.exists(state.MIRROR_KEY)  # the state itself stays
    assert "May 2026" in page_text(client.get(OCCUPATION))


def test_retire_pages_keeps_the_live_state_s_pages(client, content, redis):
    client.get(ARTICLE_URL)
    redis.set(f"{pages.KEY_PREFIX}everything-0123456789abcdef:x", b"an old page")
    call_command("retire_pages", verbosity=0)
    (left,) = redis.keys(f"{pages.KEY_PREFIX}*")
    assert site_state().keyspace(Shows.EVERYTHING).encode() in left


def test_memory_is_bounded_in_bytes(settings):
    memory = pages.Memory(limit=40_000)
    for n in range(20):
        memory.put(f"page-{n}", pages.Kept({"ETag": '"x"'}, b"z" * 4_000))
    assert memory.used <= 40_000
    assert memory.get("page-19") is not None and memory.get("page-0") is None
    memory.put("huge", pages.Kept({}, b"z" * 10_000))  # over an eighth: never kept
    assert memory.get("huge") is None


def test_a_hanging_redis_costs_one_timeout_not_one_per_call(client, content, settings):
    with socket.socket() as blackhole:  # accepts nothing: connecting waits for the timeout
        blackhole.bind(("127.0.0.1", 0))
        blackhole.listen(0)
        use_redis(settings, f"redis://127.0.0.1:{blackhole.getsockname()[1]}/0")
        started = time.monotonic()
        for _ in range(5):
            pages.memory.clear()
            assert client.get(ARTICLE_URL).status_code == 200
        assert time.monotonic() - started < 2.5
    another_process()


def test_the_redis_cache_reuses_its_client(redis):
    from django.core.cache import cache

    assert cache._cache.get_client() is cache._cache.get_client()


@pytest.mark.parametrize("policy", ["noeviction", "volatile-lru"])
def test_a_full_redis_never_breaks_a_page(client, content, oews_release, settings, policy):
    with redis_server("--maxmemory", "2mb", "--maxmemory-policy", policy) as url:
        use_redis(settings, url)
        import redis as redis_py

        full = redis_py.Redis.from_url(url)
        # Filled with what cannot be evicted, as the state is: nothing else fits.
        for n in range(10_000):
            try:
                full.set(f"filler:{n}", b"x" * 1000)
            except redis_py.ResponseError:
                break
        for path in (ARTICLE_URL, OCCUPATION, "/places/", "/roles/backend-developer/"):
            assert client.get(path).status_code == 200, path
            assert client.get(path).status_code == 200, path  # this process kept it
        pages.memory.clear()
        assert client.get(ARTICLE_URL).status_code == 200
    another_process()


@pytest.mark.any_database
@pytest.mark.parametrize(
    ("options", "warnings"),
    [
        (("--maxmemory", "64mb", "--maxmemory-policy", "volatile-lru"), set()),
        (("--maxmemory", "64mb", "--maxmemory-policy", "noeviction"), {"careerguide.W003"}),
        (("--maxmemory", "64mb", "--maxmemory-policy", "allkeys-lru"), {"careerguide.W003"}),
        (("--maxmemory-policy", "volatile-lru"), {"careerguide.W002"}),
    ],
)
def test_deploy_checks_name_redis_settings_that_would_lose_pages_or_the_state(
    settings, options, warnings
):
    from core.checks import redis_keeps_the_state_and_takes_writes

    with redis_server(*options) as url:
        use_redis(settings, url)
        found = {warning.id for warning in redis_keeps_the_state_and_takes_writes(None)}
    another_process()
    assert found == warnings


# --- Real processes ------------------------------------------------------------------------


@pytest.mark.any_database
def test_an_admin_save_shows_within_a_second_in_every_gunicorn_worker(redis, deployed_database):
    """Two gunicorn workers, and an edit made by another process."""
    env = production_env(DATABASE_URL=deployed_database, REDIS_URL=REDIS_URL)
    args = ("-c", "gunicorn.conf.py", "--workers", "2", "--access-logfile", "/dev/null")
    with gunicorn(env, *args) as port:
        for _ in range(20):  # both workers cache the page
            assert "starts at $95k" in fetch(port, ARTICLE_URL)[1]
        manage(
            env,
            "shell",
            "-c",
            "from comparisons.models import SalaryBand; "
            "b = SalaryBand.objects.get(role__slug='ai-ml-engineer', level__slug='entry-level'); "
            "b.min_salary = 99000; b.save()",
        )
        saved = time.monotonic()
        time.sleep(state.TRUST_SECONDS)
        for _ in range(20):  # whichever worker answers
            body = fetch(port, ARTICLE_URL)[1]
            assert "starts at $99k" in body and "starts at $95k" not in body
        assert time.monotonic() - saved < 5
