"""Shared fixtures: the seed content, page helpers and test-only settings."""

from __future__ import annotations

import html
import re

import pytest
from django.core.management import call_command

ARTICLE_SLUG = "backend-developer-vs-ai-ml-engineer"
ARTICLE_URL = f"/compare/{ARTICLE_SLUG}/"


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
    # Each test's database starts again from the same content version, so a
    # page cached by an earlier test could otherwise be served to this one.
    from django.core.cache import cache

    from comparisons.caching import forget_memory

    cache.clear()
    forget_memory()


@pytest.fixture
def content(db):
    """The site's real content, loaded from fixtures/ as `make run` does."""
    call_command("load_content", verbosity=0)


INLINE_TAGS = re.compile(r"</?(a|abbr|b|code|data|em|i|small|span|strong|time)\b[^>]*>")


def page_text(response) -> str:
    """A page's visible text: tags stripped, entities decoded, spaces collapsed.

    Inline tags vanish without a trace ("<strong>Bay Area</strong>:" reads
    "Bay Area:"); every other tag separates words.
    """
    body = response.content.decode()
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    body = INLINE_TAGS.sub("", body)
    text = html.unescape(re.sub(r"<[^>]+>", " ", body))
    return re.sub(r"\s+", " ", text).strip()


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


EDITOR_PASSWORD = "a-long-and-unusual-passphrase-42"


@pytest.fixture
def superuser_client(client, db):
    """A superuser's client. (pytest-django's admin_client would name its user
    "admin", a name this project refuses.)"""
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_superuser("chief", "chief@example.com", EDITOR_PASSWORD)
    client.force_login(user)
    return client
