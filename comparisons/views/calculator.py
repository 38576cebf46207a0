from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_safe

from comparisons.calculator import CalculatorState, run_calculator
from comparisons.models import Source
from core.pages import cache_page
from core.seo import simple_meta

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
    full page is a 400; an invalid fragment or history restore is a 200
    carrying the error messages, since htmx (and django-htmx's debug helper)
    treat a 4xx as a failed request rather than content to swap in. Only
    valid, canonical requests may be kept by the page cache.
    """
    partial = bool(request.htmx) and not request.htmx.history_restore_request
    response = render(
        request,
        RESULT_PARTIAL if partial else template,
        {"calc": calc, "calc_partial": partial, **({} if partial else page_context())},
        status=200 if calc.valid or request.htmx else 400,
    )
    if partial and calc.valid and calc.form.set_aside:
        # An area or industry left over from a changed first step was set
        # aside: history gets the address of what is shown.
        response["HX-Push-Url"] = calc.share_url
    patch_vary_headers(response, ("HX-Request", "HX-History-Restore-Request"))
    response.cache_by_content = calc.is_canonical(request.GET)
    return response


@require_safe
@cache_page
def calculator(request: HttpRequest) -> HttpResponse:
    path = reverse("comparisons:calculator")
    calc = run_calculator(request.GET, action=path)
    return render_with_calculator(
        request,
        "comparisons/calculator.html",
        calc,
        lambda: {
            "sources": list(Source.objects.all()),
            "meta": simple_meta(
                request,
                "Salary calculator: estimate pay for two tech roles",
                "Estimate base and total pay for two tech roles by experience level, location, "
                "industry, education and company size, with every step and source shown.",
                path,
                [("Salary calculator", path)],
            ),
        },
    )
