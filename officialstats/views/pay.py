"""Glue for "Where does my pay fall?": the form, the answer, the partial.

The occupation page and the occupation x place pages both carry the form
(``officialstats/includes/pay_position.html``). It is a GET form on the
page itself: without JavaScript the page comes back whole with the answer;
with htmx only the answer, the include's built-in partial ``answer``. An
answer page is for the reader who asked: ``noindex``, and kept by the page
cache only when its query string is what the form itself writes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_vary_headers

from core.links import ToolLink, pay_tools

from .. import display, pay_position, prices
from ..figures import PERCENTILES, Datatype, Figure, State
from ..forms import PayForm

PARTIAL = "officialstats/includes/pay_position.html#answer"
ASKED = ("pay", "per")


@dataclass(frozen=True, slots=True)
class Placed:
    """The answer for one place."""

    where: str  # "in Texas", "nationally"
    position: pay_position.Position
    sentence: str
    url: str = ""  # the place's page, when it is not this one


@dataclass(frozen=True, slots=True)
class PayAnswer:
    pay_text: str  # "$120,000 a year"
    placed: list[Placed]
    other_unit: str = ""  # set when BLS publishes this occupation's wages in the other unit only
    tools: list[ToolLink] = field(
        default_factory=list
    )  # the editorial apps' tools, for a yearly pay
    national_prices: str = ""  # the pay at national prices, where the place has a price level


def points(figures: dict[Datatype, Figure], per: str) -> list[tuple[int, Figure]]:
    column = 1 if per == "hour" else 2
    return [(row[0], figures[row[column]]) for row in PERCENTILES]


def answer(
    form: PayForm,
    places: list[tuple[str, dict[Datatype, Figure], str]],
    subject: tuple[str, str] = ("", ""),
    parity: tuple[Decimal, str] | None = None,
) -> PayAnswer:
    """Where the form's pay falls in each of ``places`` (where, figures, url),
    with links to the tools that take a yearly pay further, for ``subject``
    (the occupation's SOC code and the page's place slug, "" for the nation)."""
    pay, per = form.cleaned_data["pay"], form.cleaned_data["per"]
    datatype = Datatype.HOURLY_MEDIAN if per == "hour" else Datatype.ANNUAL_MEDIAN
    pay_text = display.in_words(Figure(datatype, State.PUBLISHED, pay))
    placed = []
    for where, figures, url in places:
        spread = points(figures, per)
        if all(f.state is State.ONE_UNIT_ONLY for _, f in spread):
            other = "an hour" if per == "year" else "a year"
            return PayAnswer(pay_text, [], other_unit=other)
        found = pay_position.position(pay, spread)
        said = pay_position.sentence(found, spread)  # "It is ...", after "In Texas, "
        placed.append(Placed(where, found, said[0].lower() + said[1:], url))
    code, place = subject
    tools = pay_tools(code, place, pay) if code and per == "year" else []
    worth = in_national_prices(pay, pay_text, parity, hourly=per == "hour")
    return PayAnswer(pay_text, placed, tools=tools, national_prices=worth)


def in_national_prices(
    pay: Decimal, pay_text: str, parity: tuple[Decimal, str] | None, *, hourly: bool
) -> str:
    """ "At national prices, $150,000 a year here is worth about $132,896: ..." """
    if parity is None:
        return ""
    level, year = parity
    worth = prices.at_national_prices(pay, level)
    return (
        f"At national prices, {pay_text} here is worth about "
        f"{prices.money(worth, cents=hourly)} {'an hour' if hourly else 'a year'}: "
        f"{prices.money(pay, cents=pay != pay.to_integral())} ÷ {prices.parity_text(level)}, "
        f"BEA's {year} price level here, × 100 = {prices.money(worth, cents=True)}."
    )


def pay_form(query: QueryDict) -> PayForm | None:
    """The form, bound when the reader asked (``pay`` in the query string)."""
    if "pay" not in query:
        return None
    form = PayForm({name: query.get(name, "") for name in ASKED})
    form.is_valid()
    return form


def respond(
    request: HttpRequest,
    template: str,
    form: PayForm | None,
    places: list[tuple[str, dict[Datatype, Figure], str]],
    page_context: Callable[[PayAnswer | None], dict],
    canonical: dict[str, str | None],
    subject: tuple[str, str] = ("", ""),
    parity: tuple[Decimal, str] | None = None,
) -> HttpResponse:
    """The page (or, for htmx, the answer alone), cached only when canonical.

    ``canonical`` is the rest of the page's own query string (the other
    parameters it writes, None where absent); an asked page adds the pay.
    An invalid wage is a 400 for a whole page, and a 200 fragment carrying
    the message for htmx, as the calculator does.
    """
    asked = form is not None
    valid = asked and form.is_valid()
    result = answer(form, places, subject, parity) if valid else None
    partial = asked and bool(request.htmx) and not request.htmx.history_restore_request
    context = {
        "pay_form": form or PayForm(),
        "pay_answer": result,
        "pay_partial": partial,
        "methodology_url": reverse("methodology"),
    }
    if not partial:
        context.update(page_context(result))
    status = 400 if asked and not valid and not request.htmx else 200
    response = render(request, PARTIAL if partial else template, context, status=status)
    patch_vary_headers(response, ("HX-Request", "HX-History-Restore-Request"))
    if asked:
        response["X-Robots-Tag"] = "noindex"
    expected = {**canonical, **(form.canonical() if valid else {})}
    given = {name: request.GET.get(name) for name in expected}
    # Links to the editorial tools follow editorial content, which a page
    # cached under the release alone would not: an answer with them is not kept.
    response.cache_by_content = (
        (not asked or valid)
        and not (result and result.tools)
        and (set(request.GET) <= set(expected) and given == expected)
    )
    return response
