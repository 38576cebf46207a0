"""The salary calculator, offered to statistics pages (``core.links``): a
reader who placed a wage among an occupation's BLS percentiles can estimate
the pay of each role linked to that occupation, there, with that wage as the
offer to weigh."""

from __future__ import annotations

import re
from decimal import Decimal

from django.http import QueryDict
from django.urls import reverse

from core.formatting import money
from core.links import ToolLink, offer_pay_tool, offer_title_finder
from core.numbers import amount_text

from .calculator import run_calculator
from .models import Role
from .queries.calculator import load_calculator_options, load_official_choices

MOST = 3  # roles linked to one occupation, at most, each a link


def _location(code: str, place: str) -> dict[str, str]:
    """The calculator's location fields for a BLS place: a state, or an area
    under its state; nothing for the nation or a place it does not offer."""
    if not place:
        return {}
    offered = load_official_choices((code,))
    if any(state.slug == place for state in offered.states):
        return {"location": place}
    # An area reaching several states is offered under each: prefer the one BLS files it under.
    under = [
        (area.state_code, state)
        for state, areas in offered.areas.items()
        for area in areas
        if area.slug == place
    ]
    codes = {state.slug: state.state_code for state in offered.states}
    if not under:
        return {}
    _, state = min(under, key=lambda pair: codes.get(pair[1]) != pair[0])
    return {"location": state, "area": place}


def register() -> None:
    offer_pay_tool(calculator_links)
    offer_title_finder(roles_named)


def roles_named(words: list[str]) -> list[ToolLink]:
    """The published roles whose name has every word of a search (each
    beginning a word, as the occupation search reads titles), run together
    or not: "backend developer" finds Backend Developer, "back end" too."""
    if not words:
        return []
    squashed = "".join(words)
    found = []
    for role in Role.objects.published().only("name", "slug", "occupation_code"):
        name = role.name.lower()
        named = " " + re.sub(r"\W+", " ", name)
        parts = re.findall(r"\w+", name)
        starts = ("".join(parts[at:]) for at in range(len(parts)))  # from each word on
        run_together = len(squashed) > 3 and any(s.startswith(squashed) for s in starts)
        if run_together or all(f" {word}" in named for word in words):
            found.append(ToolLink(role.name, role.get_absolute_url()))
    return found[:MOST]


def calculator_links(code: str, place: str, pay: Decimal) -> list[ToolLink]:
    roles = list(Role.objects.published().filter(occupation_code=code)[:MOST])
    if not roles:
        return []
    defaults = load_calculator_options().default_roles or ()
    where = _location(code, place)
    action = reverse("comparisons:calculator")
    links = []
    for role in roles:
        other = next((r for r in defaults if r.pk != role.pk), None)
        if other is None:
            continue
        query = QueryDict(mutable=True)
        query.update(
            {"role_a": role.slug, "role_b": other.slug, **where, "offer": amount_text(pay)}
        )
        state = run_calculator(query, action=action)
        if state.valid:
            links.append(
                ToolLink(
                    f"Estimate {role.name} pay here with the salary calculator, and weigh "
                    f"{money(pay)} against it",
                    f"{state.share_url}#calculator",
                )
            )
    return links
