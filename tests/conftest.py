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
    # to have run; rendering pages in tests does not.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _empty_cache():
    # Each test's database starts again from the same content version, so a
    # page cached by an earlier test could otherwise be served to this one.
    from django.core.cache import cache

    cache.clear()


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
