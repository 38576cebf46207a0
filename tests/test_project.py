"""Project-level health: system checks, migrations, settings that fail loudly."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.helpers import settings_error

ROOT = Path(__file__).resolve().parent.parent


# JSON fields (the task queue's, an import run's) ask SQLite whether it
# supports JSON, which takes a connection.
@pytest.mark.django_db
def test_system_checks_pass():
    call_command("check", fail_level="WARNING")


@pytest.mark.django_db
def test_no_missing_migrations():
    out = StringIO()
    call_command("makemigrations", check=True, dry_run=True, stdout=out)


def test_missing_secret_key_is_named_when_debug_is_off():
    assert "DJANGO_SECRET_KEY must be set" in settings_error(DJANGO_ALLOWED_HOSTS="x")


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("DJANGO_DEBUG", "maybe"),
        ("DATABASE_URL", "mysql://x"),
        ("ADMIN_URL", "/admin"),
        ("REDIS_URL", "http://cache"),
        ("DJANGO_ALLOWED_HOSTS", " , "),
        ("SITE_URL", "careerguide.example.com"),
        ("CAREERGUIDE_SHARED_CACHE_SECONDS", "soon"),
    ],
)
def test_bad_values_stop_start_up_naming_the_variable(name, value):
    env = {"DJANGO_SECRET_KEY": "k", "DJANGO_ALLOWED_HOSTS": "x", name: value}
    assert name in settings_error(**env)


def test_good_values_start():
    assert (
        settings_error(
            DJANGO_SECRET_KEY="k",
            DJANGO_ALLOWED_HOSTS="example.com",
            DATABASE_URL="postgres://u@localhost/db",
            REDIS_URL="redis://127.0.0.1:6379/0",
        )
        == ""
    )


@pytest.mark.django_db(transaction=True)
def test_a_flush_between_tests_leaves_the_rows_migrations_made():
    """Transactional tests end with a flush; the next test, whatever its kind
    or order, still finds the Editors group with its permissions."""
    from django.contrib.auth.models import Group
    from django.core.management import call_command

    from comparisons.accounts import EDITORS_GROUP

    before = set(Group.objects.get(name=EDITORS_GROUP).permissions.values_list("codename"))
    call_command("flush", interactive=False, verbosity=0)
    after = set(Group.objects.get(name=EDITORS_GROUP).permissions.values_list("codename"))
    assert after == before and len(after) > 40
