"""Admin login protection: lockout, expiring sessions, no guessable account names."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model

from tests.helpers import EDITOR_PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


def attempt(client, password: str, username: str = "jane"):
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR="10.0.0.7",
    )


def test_five_failures_lock_the_login_for_thirty_minutes(client, editor):
    for _ in range(4):
        assert attempt(client, "wrong").status_code == 200  # the form again, with an error
    assert attempt(client, "wrong").status_code == 429
    # Locked: even the right password is refused now.
    assert attempt(client, EDITOR_PASSWORD).status_code == 429
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_TIME.total_seconds() == 30 * 60


def test_a_successful_login_works_and_resets_the_count(client, editor):
    for _ in range(3):
        attempt(client, "wrong")
    assert attempt(client, EDITOR_PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        assert attempt(client, "wrong").status_code == 200


def test_sessions_expire():
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    assert settings.SESSION_COOKIE_AGE <= 12 * 60 * 60


def test_the_admin_user_form_refuses_admin_as_a_name(superuser_client):
    response = superuser_client.post(
        "/admin/auth/user/add/",
        {"username": "admin", "password1": EDITOR_PASSWORD, "password2": EDITOR_PASSWORD},
    )
    assert response.status_code == 200
    assert "too easy to guess" in response.content.decode()
    assert not get_user_model().objects.filter(username="admin").exists()
