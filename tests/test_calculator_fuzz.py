"""Throw generated query strings at the calculator: never a 5xx, never a traceback."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import ARTICLE_URL

pytestmark = pytest.mark.django_db

FIELDS = ["role_a", "role_b", "level", "location", "industry", "education", "company_size"]
GOOD_VALUES = [
    "backend-developer", "ai-ml-engineer", "entry-level", "mid-career", "senior", "bay-area",
    "new-york-city", "finance", "autonomous-vehicles", "masters-degree", "startup",
    "large-tech-firm", "",
]  # fmt: skip
text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
values = st.one_of(
    st.sampled_from(GOOD_VALUES),
    text,
    st.integers().map(str),
    st.floats(allow_nan=True).map(str),
    st.sampled_from(["x" * 10_000, "%00", "../../etc/passwd", "<script>", "'; DROP TABLE x;--"]),
)
keys = st.one_of(st.sampled_from(FIELDS), text)
pairs = st.lists(st.tuples(keys, values), max_size=12).map(lambda p: urlencode(p))
raw = st.text(st.characters(blacklist_categories=("Cs",)), max_size=200).map(
    lambda s: s.encode("utf-8", "surrogatepass").decode("latin-1")
)
query_strings = st.one_of(pairs, pairs, raw)


@pytest.mark.parametrize(("url", "examples"), [("/calculator/", 500), (ARTICLE_URL, 100)])
def test_generated_query_strings_never_break_the_calculator(content, client, url, examples):
    seen = []

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(query_strings)
    def check(query_string: str) -> None:
        for extra in ({}, {"HTTP_HX_REQUEST": "true"}):
            response = client.get(url, QUERY_STRING=query_string, **extra)
            assert response.status_code in (200, 400), (query_string, response.status_code)
            assert b"Traceback" not in response.content
            seen.append(response.status_code)

    check()
    # Each generated query string went to the full page and to the fragment.
    assert len(seen) == 2 * examples
    assert {200, 400} <= set(seen)
