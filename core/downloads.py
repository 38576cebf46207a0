"""JSON and CSV downloads: one way to write rows, one licence, one 404.

Every download of the site is a list of rows (dicts of one shape) with exact
values: a ``Decimal`` is written as its string, never as a float that would
round it. The site's compilation may be reused under CC BY 4.0; each figure's
own source keeps its own terms (named on the row).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from decimal import Decimal
from functools import wraps

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse

FORMATS = ("json", "csv")
NOT_FOUND = "Nothing is published at this address."

LICENSE_NAME = "CC BY 4.0"
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
LICENSE_TERMS = (
    "careerguide's compilation of these figures may be reused under CC BY 4.0: credit "
    "careerguide and link to the page. Each figure comes from the publication named on its "
    "row, whose own terms apply to that publication."
)
# For the HTTP Link header of every download, JSON and CSV alike.
LICENSE_LINK = f'<{LICENSE_URL}>; rel="license"'


def credit(page_url: str) -> str:
    return f"careerguide, {page_url}"


def licence(page_url: str) -> dict:
    """What a JSON download says about reusing it."""
    return {
        "license": LICENSE_URL,
        "license_name": LICENSE_NAME,
        "license_terms": LICENSE_TERMS,
        "credit": credit(page_url),
    }


def to_json(rows: list[dict]) -> list[dict]:
    """Rows with exact decimal strings (JSON numbers would round them)."""
    return [
        {key: str(value) if isinstance(value, Decimal) else value for key, value in row.items()}
        for row in rows
    ]


def to_csv(rows: list[dict], columns: Sequence[str]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def download(
    kind: str, rows: list[dict], columns: Sequence[str], *, filename: str, describe: dict
) -> HttpResponse:
    """``rows`` as CSV, or as JSON under ``describe`` (title, page, source...)."""
    if kind == "csv":
        response = HttpResponse(to_csv(rows, columns), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'inline; filename="{filename}.csv"'
    else:
        response = JsonResponse(
            {**describe, "figures": to_json(rows)},
            json_dumps_params={"ensure_ascii": False, "indent": 2},
        )
    response["Link"] = LICENSE_LINK
    return response


def not_found(kind: str, message: str = NOT_FOUND) -> HttpResponse:
    """A 404 in the format the address asked for: a script that fetched a
    download gets an answer it can parse, not the HTML error page."""
    if kind == "csv":
        body = io.StringIO()
        csv.writer(body).writerows([["error"], [message]])
        return HttpResponse(body.getvalue(), status=404, content_type="text/csv; charset=utf-8")
    return JsonResponse({"error": message, "status": 404}, status=404)


def in_kind_when_missing(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Turns the view's Http404 into :func:`not_found` for its ``kind``."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, kind: str, **kwargs) -> HttpResponse:
        try:
            return view(request, *args, kind=kind, **kwargs)
        except Http404 as error:
            return not_found(kind, str(error) or NOT_FOUND)

    return wrapper
