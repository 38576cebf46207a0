from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET

from comparisons.caching import cache_page_by_content
from comparisons.calculator import CalculatorState, run_calculator

RESULT_PARTIAL = "comparisons/calculator.html#result"


def render_with_calculator(
    request: HttpRequest,
    template: str,
    calc: CalculatorState,
    page_context: Callable[[], dict] = dict,
) -> HttpResponse:
    """The full page, or only the calculator's result for an htmx request.

    ``page_context`` loads the rest of the page, and is skipped for htmx.
    htmx's history restore asks for a whole page, so it gets one. An invalid
    full page is a 400; an invalid fragment is a 200 carrying the error
    messages, since htmx (and django-htmx's debug helper) treat a 4xx as a
    failed request rather than content to swap in.
    """
    partial = request.htmx and not request.htmx.history_restore_request
    response = render(
        request,
        RESULT_PARTIAL if partial else template,
        {"calc": calc, **({} if partial else page_context())},
        status=200 if calc.valid or partial else 400,
    )
    patch_vary_headers(response, ("HX-Request", "HX-History-Restore-Request"))
    return response


@require_GET
@cache_page_by_content
def calculator(request: HttpRequest) -> HttpResponse:
    calc = run_calculator(request.GET, action=reverse("comparisons:calculator"))
    return render_with_calculator(request, "comparisons/calculator.html", calc)
