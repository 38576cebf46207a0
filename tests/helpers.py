"""Helpers shared by the tests (plain functions; the fixtures are in conftest.py)."""

from __future__ import annotations

from django.test import RequestFactory


def is_cached(path: str, query: dict | None = None, **headers) -> bool:
    """Whether the page cache holds the page a client request like this would get."""
    from core.pages import page_key, recall, shows_at
    from core.state import site_state

    request = RequestFactory().get(path, query, **headers)
    shows = shows_at(request)
    return shows is not None and recall(page_key(request, site_state(), shows)) is not None


def statistics_state() -> str:
    """What the statistics pages are kept under now (it moves with a publish)."""
    from core.state import Shows, site_state

    return site_state().keyspace(Shows.RELEASES)


def annual(value, note: int | None = None, datatype=None):
    """An annual wage as BLS publishes it: a value, or a footnote code in its place
    (5: top-coded, 8: not released, 4: published hourly only)."""
    from decimal import Decimal

    from officialstats.figures import Datatype, figure

    datatype = datatype or Datatype.ANNUAL_MEDIAN
    return figure(datatype, None if value is None else Decimal(value), note)
