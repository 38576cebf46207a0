"""How an OEWS figure reads, whatever its state. Pure: no database.

Every value a page shows goes through :func:`text`, so a value BLS did not
publish is never an empty cell: a top-coded wage reads as the open bound
BLS gives ("at least $239,200"), a wage published in the other unit only
says so, and an estimate BLS withheld says "not released".

Money is written the site's one way (``comparisons.formatting``, pure),
except hourly wages, which keep their cents as BLS publishes them
("$71.20", "$115.00").
"""

from __future__ import annotations

from decimal import Decimal

from core.formatting import money

from .figures import Datatype, Figure, State

PER_YEAR = "a year"
PER_HOUR = "an hour"

RATIOS = frozenset({Datatype.LOCATION_QUOTIENT, Datatype.JOBS_PER_1000})
PERCENTS = frozenset({Datatype.EMPLOYMENT_RSE, Datatype.WAGE_RSE})

MISSING = {
    State.NOT_RELEASED: "not released",
    State.NOT_PUBLISHED: "not published",
    State.NOT_APPLICABLE: "not applicable",
}


def hourly(value: Decimal) -> str:
    return f"${value:,.2f}"


def number(datatype: Datatype, value: Decimal) -> str:
    """A published value in its own unit."""
    if datatype.is_hourly:
        return hourly(value)
    if datatype.is_annual:
        return money(value)
    if datatype in PERCENTS:
        return f"{value}%"
    if datatype in RATIOS:
        return str(value)
    return f"{value:,}"


def text(figure: Figure) -> str:
    """What a reader sees for ``figure``: its value, or what BLS says in its place."""
    if figure.state is State.PUBLISHED:
        return number(figure.datatype, figure.value)
    if figure.state is State.TOP_CODED:
        return f"at least {number(figure.datatype, figure.bound)}"
    if figure.state is State.ONE_UNIT_ONLY:
        return "published hourly only" if figure.datatype.is_annual else "published annually only"
    return MISSING[figure.state]


def in_words(figure: Figure) -> str:
    """For a sentence: "$135,980 a year", "$115.00+ an hour", "not released"."""
    unit = PER_HOUR if figure.datatype.is_hourly else PER_YEAR
    if figure.state is State.PUBLISHED:
        return f"{number(figure.datatype, figure.value)} {unit}"
    if figure.state is State.TOP_CODED:
        return f"{number(figure.datatype, figure.bound)}+ {unit}"
    return text(figure)
