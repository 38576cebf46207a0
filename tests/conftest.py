"""Shared fixtures: the seed content, releases, editors, real browsers and test-only
settings. The plain helpers they and the tests use are in ``tests/helpers.py``."""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib
import importlib.util
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.management import call_command
from hypothesis import settings as hypothesis_settings

from tests.browser import CHROMIUM, CHROMIUM_ARGS, PageProblems, browser_unavailable
from tests.helpers import EDITOR_PASSWORD, JAVA, NOW, VNU_JAR, checker_unavailable, import_oews
from tests.servers import deploy, manage, production_env, run_lock, shared_redis

# No test may time itself (the machines running the suite are shared and
# noisy): property tests keep Hypothesis's checks, without its 200 ms deadline.
hypothesis_settings.register_profile("careerguide", deadline=None)
hypothesis_settings.load_profile("careerguide")


@pytest.fixture
def clock(time_machine):
    """The clock at NOW, ticking on from there (so history keeps its order).

    Use it in any test whose outcome depends on the date: "last updated" after
    an edit, freshness warnings, sitemap dates. `clock.move_to(...)` moves it.
    Ask for it before any fixture that logs in: a session started at the real
    time may have expired at NOW.
    """
    time_machine.move_to(NOW, tick=True)
    return time_machine


def pytest_addoption(parser):
    parser.addoption(
        "--today",
        default=os.environ.get("CAREERGUIDE_TEST_TODAY") or None,
        metavar="YYYY-MM-DD",
        help="run the whole session with this process's clock moved to noon (UTC) on that day, "
        "to show that no test depends on the day it runs (also CAREERGUIDE_TEST_TODAY)",
    )


@pytest.fixture(scope="session", autouse=True)
def _session_day(request):
    today = request.config.getoption("--today")
    if not today:
        yield
        return
    import time_machine

    day = dt.date.fromisoformat(today)
    with time_machine.travel(dt.datetime.combine(day, dt.time(12), tzinfo=dt.UTC), tick=True):
        yield


def _restore_migration_rows(sender, **kwargs) -> None:
    """A transactional test (live server, migrations) ends by emptying every
    table, and with them the rows data migrations made: the Editors group. The
    flush announces itself with post_migrate, once per app; once this app's
    permissions exist again, they are put back as the migrations made them,
    so no test depends on running before such a test (as one would under
    pytest-xdist, or in any order but pytest-django's own)."""
    if sender.label != "comparisons":
        return
    from django.contrib.auth.models import Group, Permission

    def migration(name):
        return importlib.import_module(f"comparisons.migrations.{name}")

    group = migration("0003_editors_group")
    codenames = [f"{a}_{model}" for model in group.CONTENT_MODELS for a in group.ACTIONS]
    codenames += migration("0008_editors_delete_what_hangs_off_a_role").codenames()
    codenames += migration("0010_editors_acknowledge_warnings").CODENAMES
    codenames += migration("0013_occupationcomparison").CODENAMES
    editors, _ = Group.objects.get_or_create(name=group.EDITORS)
    editors.permissions.add(
        *Permission.objects.filter(content_type__app_label="comparisons", codename__in=codenames)
    )


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Production's hasher takes half a second on purpose; tests that make
    # editors would spend minutes on it. Which hasher runs is Django's concern.
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        # Accounts made by the real commands, in processes of their own.
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    # Production uses whitenoise's manifest storage, which needs collectstatic
    # to have run; tests serve the source files instead, so that links to
    # them can be followed on a fresh clone.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.WHITENOISE_USE_FINDERS = True
    settings.WHITENOISE_AUTOREFRESH = True


@pytest.fixture(autouse=True)
def _empty_cache():
    # Each test's database starts again from the same site state, so a page
    # cached by an earlier test could otherwise be served to this one.
    from django.core.cache import cache

    from core import pages

    cache.clear()
    pages.forget_everything()


@pytest.fixture(autouse=True)
def _state_read_once(monkeypatch):
    """A process reads the site state at most once a second; here, once until
    something changes it (a save, a publish, ``core.state.forget()``), so no
    query count depends on how fast a test runs."""
    from core import state

    monkeypatch.setattr(state, "_clock", lambda: 0.0)


@pytest.fixture
def content(db):
    """The site's real content, loaded from fixtures/ as `make run` does."""
    call_command("load_content", verbosity=0)


@pytest.fixture
def oews_files(tmp_path):
    """A small OEWS release as BLS's flat files, in a folder (``tests/oews.py``).

    Real May 2025 figures for 26 occupations at every SOC level, the nation,
    California, Texas, Austin and a Texas nonmetropolitan area, and three
    industries nationally; with hourly-only, not-released and top-coded
    values, and a top-coded 90th percentile below a published 75th.
    """
    from tests.oews import write_release

    return write_release(tmp_path / "oews-2025")


@pytest.fixture
def oews_release(db, oews_files):
    """``oews_files`` imported and published: the live OEWS release."""
    return import_oews(oews_files)


@pytest.fixture
def places_release(db, tmp_path):
    """The small release with three more real places (Arkansas, San Jose, and
    Texarkana, TX-AR, filed under Texas), imported and published."""
    from tests import oews_sample_data as sample
    from tests.oews import write_release

    folder = write_release(
        tmp_path / "oews-places", areas=sample.PLACES_AREAS, series=sample.PLACES_SERIES
    )
    return import_oews(folder)


@pytest.fixture
def data_analyst(content):
    """A third published role, with no figures and no article: the pairs it
    makes with the others are generated, not written up."""
    from comparisons.models import Role

    return Role.objects.create(
        name="Data Analyst",
        slug="data-analyst",
        summary="Answers questions with data.",
        description="Data analysts turn raw data into answers for the rest of the business.",
        is_published=True,
        published_on="2026-01-01",
    )


@pytest.fixture
def public_site(data_analyst, places_release, monkeypatch):
    """Everything the public site shows: the content, a role with no article
    (so pairs are generated), the small release with its places, and the
    role index paginated; ``tests.helpers.public_addresses`` lists its pages."""
    import comparisons.queries.roles

    monkeypatch.setattr(comparisons.queries.roles, "PER_PAGE", 1)  # so the indexes paginate


@pytest.fixture
def calculator_release(db, tmp_path):
    """``places_release``'s places with two industry sectors and two industries
    inside one (``tests/oews_sample_industries.py``), imported and published:
    what the calculator's places and industries need."""
    from tests import oews_sample_data as sample
    from tests import oews_sample_industries as industries
    from tests.oews import write_release

    folder = write_release(
        tmp_path / "oews-calculator",
        areas=sample.PLACES_AREAS,
        industries=industries.INDUSTRIES,
        series=industries.SERIES,
    )
    return import_oews(folder)


@pytest.fixture
def editor(db):
    """An editor made the documented way: `manage.py create_editor`."""
    import os

    from django.contrib.auth import get_user_model

    os.environ["CAREERGUIDE_EDITOR_PASSWORD"] = EDITOR_PASSWORD
    try:
        call_command("create_editor", "jane", "--no-input", verbosity=0)
    finally:
        del os.environ["CAREERGUIDE_EDITOR_PASSWORD"]
    return get_user_model().objects.get(username="jane")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def superuser_client(client, db):
    """A superuser's client. (pytest-django's admin_client would name its user
    "admin", a name this project refuses.)"""
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_superuser("chief", "chief@example.com", EDITOR_PASSWORD)
    client.force_login(user)
    return client


# Real-browser tests (marked `browser`) drive Debian's Chromium through
# Playwright, which never downloads a browser of its own. Where either is
# missing they are skipped with the reason; with REQUIRE_BROWSER_TESTS set
# (CI), the run stops instead, so CI can never pass without them.
def pytest_report_header(config):
    if config.getoption("--today"):
        return f"clock moved to {config.getoption('--today')} for the whole session (--today)"
    return None


def pytest_configure(config):
    from django.db.models.signals import post_migrate

    post_migrate.connect(_restore_migration_rows, dispatch_uid="tests-restore-migration-rows")
    config.addinivalue_line("markers", "browser: drives a real browser (Chromium via Playwright)")
    config.addinivalue_line(
        "markers",
        "any_database: runs the same whatever DATABASE_URL names (its processes make "
        "databases of their own); CI runs it once",
    )
    config.addinivalue_line(
        "markers", "full_release: imports the whole OEWS release (only with OEWS_FULL_RELEASE=1)"
    )
    reason = browser_unavailable()
    if reason and os.environ.get("REQUIRE_BROWSER_TESTS"):
        raise pytest.UsageError(f"REQUIRE_BROWSER_TESTS is set but {reason}")


def pytest_collection_modifyitems(config, items):
    reason = browser_unavailable()
    if reason:
        for item in items:
            if "browser" in item.keywords:
                item.add_marker(pytest.mark.skip(reason=reason))
    # The whole release takes a minute: .ci/run imports it once, in a step of its own.
    if not os.environ.get("OEWS_FULL_RELEASE"):
        for item in items:
            if "full_release" in item.keywords:
                item.add_marker(
                    pytest.mark.skip(reason="the whole OEWS release: set OEWS_FULL_RELEASE=1")
                )


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole session; each test gets its own context."""
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls
    # in the browser tests' fixtures are synchronous and safe here.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def site(transactional_db, live_server) -> str:
    """The live server's address, serving the real content."""
    call_command("load_content", verbosity=0)
    return live_server.url


@pytest.fixture
def calculator_site(site, tmp_path) -> str:
    """The live server with the content and ``calculator_release``'s places and
    industries: software developers and data scientists in Texas, Austin,
    California, San Jose..."""
    from tests import oews_sample_data as sample
    from tests import oews_sample_industries as industries
    from tests.oews import write_release

    import_oews(
        write_release(
            tmp_path / "calc",
            areas=sample.PLACES_AREAS,
            industries=industries.INDUSTRIES,
            series=industries.SERIES,
        )
    )
    return site


@pytest.fixture
def open_page(browser):
    """Opens a page in a fresh context (viewport, colour scheme, JavaScript...).

    ``page.problems.all()`` lists what went wrong in it; every context is
    closed after the test.
    """
    contexts = []

    def open_page(**context_options):
        context = browser.new_context(**context_options)
        contexts.append(context)
        page = context.new_page()
        page.problems = PageProblems(page)
        return page

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(open_page):
    return open_page()


@pytest.fixture
def oews_states_release(db, tmp_path):
    """The small release with every state and territory and two more metro
    areas (``tests/oews_sample_states.py``: real figures for four occupations),
    imported and published: what the maps and compare-places tests need."""
    from tests.oews_sample_states import write_states_release

    return import_oews(write_states_release(tmp_path / "oews-2025-states"))


@pytest.fixture
def vnu():
    reason = checker_unavailable()
    if reason and os.environ.get("REQUIRE_HTML_CHECK"):
        pytest.fail(f"REQUIRE_HTML_CHECK is set but there is {reason}")
    if reason:
        pytest.skip(reason)

    def check(paths: list[Path]) -> list[dict]:
        """The checker's errors for these files (and any file it could not read)."""
        result = subprocess.run(
            [JAVA, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, paths)],
            capture_output=True,
            text=True,
            timeout=300,
        )
        # vnu writes its report to stderr; exit status 1 means "errors found".
        assert result.returncode in (0, 1), result.stderr
        return json.loads(result.stderr)["messages"]

    return check


# The production stack's setup, done once per test run rather than per test.


@contextlib.contextmanager
def _once_per_run(tmp_path_factory, name: str) -> Iterator[tuple[Path, bool]]:
    """Holds the run's lock on ``name``; yields the run's folder and whether
    the work is done already (by this process or another worker)."""
    with run_lock(tmp_path_factory, name) as folder:
        done = folder / f"{name}.done"
        yield folder, done.exists()
        done.touch()


@pytest.fixture(scope="session")
def static_files(tmp_path_factory) -> None:
    """The hashed static files in STATIC_ROOT, collected as a deploy does."""
    with _once_per_run(tmp_path_factory, "static") as (_, done):
        if not done:
            manage(production_env(), "collectstatic", "--noinput", "-v0")


@pytest.fixture(scope="session")
def deployed_sqlite(tmp_path_factory, static_files) -> Path:
    """A SQLite database as a deploy leaves it; never written to (copy it with
    ``deployed_database``)."""
    with _once_per_run(tmp_path_factory, "deployed") as (folder, done):
        path = folder / "deployed.sqlite3"
        if not done:
            deploy(production_env(DATABASE_URL=f"sqlite:///{path}"))
    return path


@pytest.fixture
def deployed_database(deployed_sqlite, tmp_path) -> str:
    """The URL of this test's own copy of a freshly deployed SQLite database."""
    copy = shutil.copyfile(deployed_sqlite, tmp_path / "deployed.sqlite3")
    return f"sqlite:///{copy}"


@pytest.fixture
def shared_redis_db(tmp_path_factory):
    """A client of the Redis database the tests share, flushed, and this test's
    alone until it ends (the run's other workers wait for it)."""
    with run_lock(tmp_path_factory, "redis"):
        client = shared_redis()
        yield client
        client.flushdb()


@pytest.fixture
def data_dir(tmp_path, settings):
    """CAREERGUIDE_DATA_DIR with small copies of the guidance datasets' files
    (``tests/guidance_files.py``) and their SHA256SUMS; downloads and uploads go
    to a work folder of the test's own."""
    from tests.guidance_files import guidance_folder

    settings.GUIDANCE_DATA_DIR = guidance_folder(tmp_path / "shared-data")
    settings.OFFICIALSTATS_DATA_DIR = tmp_path / "work"
    return settings.GUIDANCE_DATA_DIR


@pytest.fixture
def guidance(db, data_dir) -> None:
    """EP, O*NET and the CIP-SOC crosswalk live, from ``data_dir``'s small copies."""
    call_command("import_guidance", "all", "--publish", verbosity=0)
