"""Redis shared by every process: the published version, announcements, failures.

Against the real Redis on 127.0.0.1:6379 (database 13, flushed around each
test; CAREERGUIDE_TEST_REDIS_URL names another, so that two runs on one machine
keep out of each other's way). Skipped where it is not running, unless REQUIRE_SERVICE_TESTS is set
(as `.ci/run` does).
"""

from __future__ import annotations

import os
import socket
import time

import pytest
from django.db.models import F
from django.db.models.functions import Now

from comparisons import shared_cache
from comparisons.models import ContentVersion, SalaryBand
from comparisons.versioning import content_state, forget_remembered, read_row, read_state
from tests.conftest import ARTICLE_URL, page_text
from tests.servers import deploy, fetch, gunicorn, manage, production_env

pytestmark = pytest.mark.django_db
REDIS_URL = os.environ.get("CAREERGUIDE_TEST_REDIS_URL", "redis://127.0.0.1:6379/13")


@pytest.fixture
def redis(settings):
    """Django's cache on the real Redis, as in production; yields a raw client."""
    import redis as redis_py

    raw = redis_py.Redis.from_url(REDIS_URL, socket_connect_timeout=0.5)
    try:
        raw.flushdb()
    except redis_py.ConnectionError:
        if os.environ.get("REQUIRE_SERVICE_TESTS"):
            pytest.fail("REQUIRE_SERVICE_TESTS is set but Redis is not running")
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    settings.CACHES = {
        "default": {"BACKEND": "careerguide.cache_backend.ReusingRedisCache", "LOCATION": REDIS_URL}
    }
    forget_remembered()
    yield raw
    raw.flushdb()
    forget_remembered()


@pytest.fixture
def listening(redis):
    """This process hears of content changes, as each gunicorn worker does."""
    thread = shared_cache.start_listening()
    heard = shared_cache.heard()
    wait_for(lambda: heard.listening)
    yield heard
    shared_cache.stop_listening()
    thread.join(timeout=5)


def wait_for(condition, seconds: float = 5) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def bump_elsewhere() -> None:
    """A change committed by another process: the database row moves, no signal here."""
    ContentVersion.objects.filter(pk=1).update(version=F("version") + 1, changed_at=Now())


def test_with_redis_a_cached_page_needs_no_query(client, content, redis, django_assert_num_queries):
    client.get(ARTICLE_URL)
    with django_assert_num_queries(0):
        again = client.get(ARTICLE_URL)
    assert again.status_code == 200
    forget_remembered()  # as another process would: the page comes from Redis
    with django_assert_num_queries(0):
        assert client.get(ARTICLE_URL).content == again.content


def test_with_redis_a_committed_edit_shows_at_once(
    client, content, redis, django_capture_on_commit_callbacks
):
    assert "AI/ML Engineer · starts at $95k" in page_text(client.get(ARTICLE_URL))
    band = SalaryBand.objects.get(role__slug="ai-ml-engineer", level__slug="entry-level")
    with django_capture_on_commit_callbacks(execute=True):
        band.min_salary = 99000
        band.save()
    assert "AI/ML Engineer · starts at $99k" in page_text(client.get(ARTICLE_URL))


def test_only_a_newer_version_can_replace_the_published_one(content, redis):
    number, changed_at = read_row()
    shared_cache.offer(number + 1, changed_at, announce=True)  # the faster of two editors
    shared_cache.offer(number, changed_at, announce=True)  # the slower one, publishing late
    shared_cache.offer(number, changed_at)  # a reader that looked before both commits
    assert shared_cache.published() == (number + 1, changed_at)
    assert redis.ttl(redis.keys("*content-version:published")[0]) <= shared_cache.STATE_SECONDS


def test_a_lost_published_version_is_read_from_the_database(content, redis):
    content_state()
    redis.flushdb()  # evicted, or Redis restarted empty
    assert content_state() == read_state()
    assert shared_cache.published() == read_row()


def test_when_the_new_version_cannot_be_read_the_published_one_is_withdrawn(content, redis):
    content_state()
    assert shared_cache.published() is not None
    shared_cache.withdraw()
    assert shared_cache.published() is None


def test_a_hanging_redis_costs_one_timeout_not_one_per_call(content, settings):
    with socket.socket() as blackhole:  # accepts nothing: connecting waits for the timeout
        blackhole.bind(("127.0.0.1", 0))
        blackhole.listen(0)
        port = blackhole.getsockname()[1]
        settings.CACHES = {
            "default": {
                "BACKEND": "careerguide.cache_backend.ReusingRedisCache",
                "LOCATION": f"redis://127.0.0.1:{port}/0",
                "OPTIONS": {"socket_connect_timeout": 0.3, "socket_timeout": 0.3},
            }
        }
        forget_remembered()
        started = time.monotonic()
        for _ in range(5):
            assert content_state() == read_state()
        assert time.monotonic() - started < 1.5
    forget_remembered()


def test_the_redis_cache_reuses_its_client(redis):
    from django.core.cache import cache

    assert cache._cache.get_client() is cache._cache.get_client()


def test_while_listening_the_version_is_not_read_per_request(
    content, listening, redis, django_assert_num_queries
):
    first = content_state()
    redis.flushdb()  # were it read again, it would come from the database
    with django_assert_num_queries(0):
        assert content_state() == first


def test_a_change_announced_by_another_process_is_heard_at_once(content, listening):
    before = content_state()
    bump_elsewhere()
    shared_cache.offer(*read_row())  # published, but not yet announced
    assert content_state() == before  # nothing is re-read until announced
    shared_cache.offer(*read_row(), announce=True)
    wait_for(lambda: content_state() == read_state())


def test_a_version_read_before_a_change_is_never_kept(content, listening):
    stale = read_state()
    generation = listening.generation
    listening.forget()  # a change is heard while the stale version was on its way
    listening.keep(stale, generation)
    assert listening.current() is None


def test_losing_redis_stops_trusting_what_was_heard_until_listening_again(
    content, listening, redis
):
    content_state()
    generation = listening.generation
    redis.client_kill_filter(_type="pubsub")
    wait_for(lambda: listening.generation > generation)
    wait_for(lambda: listening.listening)  # subscribed again, by itself
    assert content_state() == read_state()


def test_an_admin_save_shows_at_once_in_every_gunicorn_worker(redis, tmp_path):
    """Real processes: two gunicorn workers listening, and an edit made by another."""
    env = production_env(DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3", REDIS_URL=REDIS_URL)
    deploy(env)
    args = ("-c", "gunicorn.conf.py", "--workers", "2", "--access-logfile", "/dev/null")
    with gunicorn(env, *args) as port:
        for _ in range(20):  # both workers cache the page and settle on the version
            assert "starts at $95k" in fetch(port, ARTICLE_URL)[1]
        manage(
            env,
            "shell",
            "-c",
            "from comparisons.models import SalaryBand; "
            "b = SalaryBand.objects.get(role__slug='ai-ml-engineer', level__slug='entry-level'); "
            "b.min_salary = 99000; b.save()",
        )
        for _ in range(20):  # whichever worker answers
            body = fetch(port, ARTICLE_URL)[1]
            assert "starts at $99k" in body and "starts at $95k" not in body


def test_a_published_value_it_cannot_read_sends_readers_to_the_database(content, redis):
    redis.set(":1:content-version:published", b"not a version")
    assert shared_cache.published() is None
    assert content_state() == read_state()
    assert shared_cache.published() == read_row()  # replaced, and Redis still in use
