"""Editorial roles meet official data: a role's linked occupation, its BLS
figures beside the editorial ones, the differences and why, on role pages,
articles, the methodology, downloads and editors' warnings."""

from __future__ import annotations

import pytest

from tests.conftest import page_text

ARTICLE = "/compare/backend-developer-vs-ai-ml-engineer/"
BACKEND = "/roles/backend-developer/"
AI = "/roles/ai-ml-engineer/"


def test_smoke(client, content, oews_release):
    for url in (BACKEND, AI, ARTICLE, "/methodology/"):
        r = client.get(url)
        assert r.status_code == 200
        print(page_text(r)[:20000])
