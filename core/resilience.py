"""Answer with a static 503 page, not a traceback, while the database is down."""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse

logger = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 30


@cache
def unavailable_page() -> bytes:
    """The 503 page: a plain file, so rendering it needs no database at all."""
    return (Path(settings.BASE_DIR) / "templates" / "503.html").read_bytes()


def service_unavailable() -> HttpResponse:
    response = HttpResponse(unavailable_page(), status=503, content_type="text/html; charset=utf-8")
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """Turns a database failure anywhere in a view into the static 503 page.

    The connection is retried on the next request (CONN_HEALTH_CHECKS), so
    the site recovers by itself once the database is back.
    """

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, DatabaseError) and _is_unavailable(exception):
            logger.error(
                "database unavailable: %s %s", request.method, request.path, exc_info=exception
            )
            return service_unavailable()
        return None


def _is_unavailable(exception: DatabaseError) -> bool:
    """Connection failures, not bad SQL: those are bugs and must stay 500s."""
    from django.db import InterfaceError, OperationalError

    return isinstance(exception, (OperationalError, InterfaceError))
