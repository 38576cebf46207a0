"""Maps of an occupation by state: classes, legend and words. Pure: no database.

A map shades each state by one figure, the median pay or the location
quotient, in a few classes, and says in words what each shade means and
what each state's figure is, so that nothing depends on colour alone:

- **Median pay**: up to five classes, each holding about as many states as
  the next (quantiles), their bounds rounded to round amounts. A top-coded
  median ("at least $239,200") falls in the highest class when that class
  starts at or below the bound; otherwise it would not be known which class
  it belongs to, and it gets a class of its own, drawn apart.
- **Location quotient**: fixed classes around 1 (the national share), so
  that maps of different occupations read alike: under 0.5, 0.5 to 0.8,
  0.8 to 1.25, 1.25 to 2, and 2 or more.
- A state with no figure (not released, not published, no estimate) is
  hatched and counted in its own legend entry.

Territories that BLS publishes but the map has no shape for are listed
beside the map with their figures. Every figure is written by
``display.text``, as everywhere else.
"""

from __future__ import annotations

import enum
import itertools
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal

from core.formatting import money, money_short, to_nearest

from . import display
from .figures import TOP_CODE_ANNUAL, TOP_CODE_HOURLY, Figure, State
from .geodata import StateShape
from .queries.states import StateRow

CLASSES = 5
NO_DATA = "nd"
TOP_CODED = "tc"
LQ_BREAKS = (Decimal("0.5"), Decimal("0.8"), Decimal("1.25"), Decimal(2))
NICE = (1, 2, Decimal("2.5"), 5)
# What each map's legend says of its classes.
PAY_METHOD = "Classes by quantile: each holds about as many states as the next."
LQ_METHOD = "Fixed classes around 1 (the national share), the same for every occupation."


class Measure(enum.StrEnum):
    PAY = "pay"
    LOCATION_QUOTIENT = "lq"


@dataclass(frozen=True, slots=True)
class LegendEntry:
    css: str
    label: str
    count: int


@dataclass(frozen=True, slots=True)
class Region:
    """One state as drawn: its shape's id, its class, and what it says."""

    fips: str
    css: str
    label: str  # "California: $174,410"
    short: str = ""  # written on the map: "$174k", "1.44"; empty where there is no figure
    href: str = ""  # the occupation's page for the state, where BLS has an estimate


@dataclass(frozen=True, slots=True)
class Unmapped:
    """A state or territory without a shape on the map, with its figure."""

    name: str
    text: str


@dataclass(frozen=True, slots=True)
class StateMap:
    measure: Measure
    title: str
    description: str
    regions: list[Region]
    legend: list[LegendEntry]
    unmapped: list[Unmapped]
    method: str = ""  # how the classes were drawn, said under the legend

    @property
    def id(self) -> str:
        return f"map-{self.measure}"


# Classes -------------------------------------------------------------------------------------


def nice_step(span: Decimal) -> Decimal:
    """The round step (1, 2, 2.5 or 5 times a power of ten) nearest above ``span``."""
    if span <= 0:
        return Decimal(1)
    exponent = span.adjusted()
    for factor in (*NICE, 10):
        step = Decimal(factor).scaleb(exponent)
        if step >= span:
            return step
    raise AssertionError("unreachable")


def to_step(value: Decimal, step: Decimal, rounding: str = ROUND_HALF_UP) -> Decimal:
    return (value / step).quantize(Decimal(1), rounding=rounding) * step


def quantile_breaks(values: Sequence[Decimal], classes: int = CLASSES) -> list[Decimal]:
    """Where each class after the first starts: quantiles of ``values``,
    rounded to a step of about a twentieth of their range (down or up when
    the nearest would fall outside it). A break that would leave a class
    empty is dropped, so few values make fewer classes."""
    ordered = sorted(values)
    if len(ordered) < 2 or ordered[0] == ordered[-1]:
        return []
    low, high = ordered[0], ordered[-1]
    step = nice_step((high - low) / 20)
    breaks: list[Decimal] = []
    for number in range(1, classes):
        quantile = ordered[min(-(-number * len(ordered) // classes), len(ordered) - 1)]
        for rounding in (ROUND_HALF_UP, ROUND_FLOOR, ROUND_CEILING):
            cut = to_step(quantile, step, rounding)
            if low < cut <= high:
                break
        else:
            continue
        below = breaks[-1] if breaks else low - 1
        if cut > below and any(below <= value < cut for value in ordered):
            breaks.append(cut)
    return breaks


def class_of(value: Decimal, breaks: Sequence[Decimal]) -> int:
    """0 for the first class, ``len(breaks)`` for the last: a value equal to
    a break belongs to the class it starts."""
    return sum(1 for cut in breaks if value >= cut)


def shades(count: int) -> list[str]:
    """CSS classes for ``count`` classes, spread over the five shades."""
    if count <= 1:
        return ["c3"] if count else []
    return [f"c{1 + round(index * 4 / (count - 1))}" for index in range(count)]


# Labels --------------------------------------------------------------------------------------


def amount(value: Decimal, hourly: bool) -> str:
    return display.hourly(value) if hourly else money_short(value)


def top_code(bound: Decimal, hourly: bool) -> str:
    """BLS's bound as it writes it: "$239,200", "$115.00"."""
    return display.hourly(bound) if hourly else money(bound)


def ranges(breaks: Sequence[Decimal], write, values: Sequence[Decimal] = ()) -> list[str]:
    """Legend labels: "under $95k", "$95k to $110k", "$130k and over"; for
    one class, the range of ``values`` (none without values)."""
    if not breaks:
        if not values:
            return []
        low, high = min(values), max(values)
        return [write(low) if low == high else f"{write(low)} to {write(high)}"]
    labels = [f"under {write(breaks[0])}"]
    labels += [f"{write(low)} to {write(high)}" for low, high in itertools.pairwise(breaks)]
    labels.append(f"{write(breaks[-1])} and over")
    return labels


def figure_text(row: StateRow, value: Figure) -> str:
    return display.text(value) if row.estimated else "no estimate"


def _lq(value: Decimal) -> str:
    return f"{value.normalize():f}"


# Maps ----------------------------------------------------------------------------------------


def pay_map(
    rows: Sequence[StateRow],
    shapes: dict[str, StateShape],
    *,
    subject: str,
    release: str,
    hourly: bool,
    highlight: str = "",
    links: dict[str, str] | None = None,
    title: str = "",
    method: str = "",
    label: Callable[[StateRow], str] | None = None,
    top_coded: bool = True,
) -> StateMap:
    """Each state shaded by the occupation's median pay there (hourly for an
    occupation BLS publishes by the hour only); ``title`` and ``method`` for
    another measure of pay (at national prices)."""
    values = [row.pay.value for row in rows if row.estimated and row.pay.published]
    breaks = quantile_breaks(values)
    css = shades(len(breaks) + 1 if values else 0)
    bound = TOP_CODE_HOURLY if hourly else TOP_CODE_ANNUAL

    def shade(row: StateRow) -> str:
        if not row.estimated:
            return NO_DATA
        if row.pay.published:
            return css[class_of(row.pay.value, breaks)]
        if row.pay.state is State.TOP_CODED:
            # At least the bound: in the highest class ("... and over") only if
            # that class starts at or below it.
            return css[-1] if breaks and bound >= breaks[-1] else TOP_CODED
        return NO_DATA

    def short(row: StateRow) -> str:
        if not row.estimated:
            return ""
        if row.pay.published:
            value = row.pay.value
            return display.hourly(value) if hourly else money_short(to_nearest(value, 1000))
        if row.pay.state is State.TOP_CODED:
            return f"{display.hourly(bound) if hourly else money_short(bound)}+"
        return ""

    labels = ranges(breaks, lambda value: amount(value, hourly), values)
    unit = "an hour" if hourly else "a year"
    return _state_map(
        Measure.PAY,
        rows,
        shapes,
        shade=shade,
        text=label or (lambda row: figure_text(row, row.pay)),
        short=short,
        links=links or {},
        legend=[
            *zip(css, labels, strict=True),
            # BLS's bound, where the map shows its medians as published.
            *([(TOP_CODED, f"at least {top_code(bound, hourly)}")] if top_coded else []),
        ],
        title=title or f"Median pay {unit} of {subject} by state, {release}",
        summary=_pay_summary(rows, unit),
        highlight=highlight,
        method=method or PAY_METHOD,
    )


def _pay_summary(rows: Sequence[StateRow], unit: str) -> str:
    published = [row for row in rows if row.estimated and row.pay.published]
    if not published:
        return "BLS publishes no median pay for this occupation in any state."
    high = max(published, key=lambda row: (row.pay.value, row.name))
    low = min(published, key=lambda row: (row.pay.value, row.name))
    if high is low:
        return f"Median pay is published for {high.name} only: {display.text(high.pay)} {unit}."
    return (
        f"Highest median: {high.name}, {display.text(high.pay)} {unit}; "
        f"lowest: {low.name}, {display.text(low.pay)}."
    )


def location_quotient_map(
    rows: Sequence[StateRow],
    shapes: dict[str, StateShape],
    *,
    subject: str,
    release: str,
    highlight: str = "",
    links: dict[str, str] | None = None,
) -> StateMap:
    """Each state shaded by the occupation's location quotient there."""
    css = [f"c{number}" for number in range(1, CLASSES + 1)]

    def shade(row: StateRow) -> str:
        if not (row.estimated and row.location_quotient.published):
            return NO_DATA
        return css[class_of(row.location_quotient.value, LQ_BREAKS)]

    return _state_map(
        Measure.LOCATION_QUOTIENT,
        rows,
        shapes,
        shade=shade,
        text=lambda row: figure_text(row, row.location_quotient),
        short=lambda row: (
            _lq(row.location_quotient.value)
            if row.estimated and row.location_quotient.published
            else ""
        ),
        links=links or {},
        legend=list(zip(css, ranges(LQ_BREAKS, _lq), strict=True)),
        title=f"Location quotient of {subject} by state, {release}",
        summary=_lq_summary(rows),
        highlight=highlight,
        method=LQ_METHOD,
    )


def _lq_summary(rows: Sequence[StateRow]) -> str:
    published = [row for row in rows if row.estimated and row.location_quotient.published]
    if not published:
        return "BLS publishes no location quotient for this occupation in any state."
    above = sum(1 for row in published if row.location_quotient.value > 1)
    high = max(published, key=lambda row: (row.location_quotient.value, row.name))
    return (
        f"Above 1 (a larger share of local jobs than nationwide) in {above} of "
        f"{len(published)} states and territories with a figure; highest: {high.name}, "
        f"{display.text(high.location_quotient)}."
    )


def _state_map(
    measure: Measure,
    rows: Sequence[StateRow],
    shapes: dict[str, StateShape],
    *,
    shade: Callable[[StateRow], str],
    text: Callable[[StateRow], str],
    short: Callable[[StateRow], str],
    links: dict[str, str],
    legend: list[tuple[str, str]],
    title: str,
    summary: str,
    highlight: str,
    method: str,
) -> StateMap:
    counts: Counter[str] = Counter()
    regions, last, unmapped = [], [], []
    for row in rows:
        css, label = shade(row), text(row)
        shape = shapes.get(row.code)
        if shape is None:
            unmapped.append(Unmapped(row.name, label))
            continue
        counts[css] += 1
        # A dot (a state too small to draw) and the highlighted state are
        # painted last, over their neighbours.
        painted_last = shape.dot or row.code == highlight
        region = Region(
            shape.fips,
            f"{css} hl" if row.code == highlight else css,
            f"{row.name}: {label}",
            short(row),
            links.get(row.slug, "") if row.estimated else "",
        )
        (last if painted_last else regions).append(region)
    listed = {row.code for row in rows}
    for fips, shape in shapes.items():  # a state this release does not list at all
        if fips not in listed:
            counts[NO_DATA] += 1
            regions.append(Region(fips, NO_DATA, f"{shape.name}: no estimate"))
    entries = [
        LegendEntry(css, label, counts[css])
        for css, label in legend
        if counts[css] or css != TOP_CODED
    ]
    if counts[NO_DATA]:
        entries.append(LegendEntry(NO_DATA, "no published figure", counts[NO_DATA]))
    description = summary
    if unmapped:
        description += (
            f" Not on the map: {_and([item.name for item in unmapped])}, listed below it."
        )
    return StateMap(measure, title, description, regions + last, entries, unmapped, method)


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def occupation_maps(
    rows: Sequence[StateRow],
    shapes: dict[str, StateShape],
    *,
    subject: str,
    release: str,
    hourly: bool,
    location_quotient: bool = True,
    highlight: str = "",
    links: dict[str, str] | None = None,
) -> list[StateMap]:
    """An occupation's maps: median pay, then (unless ``location_quotient``
    is False: all occupations together, where it is 1 everywhere) its
    location quotient; each state with an estimate links to ``links[slug]``."""
    common = {"subject": subject, "release": release, "highlight": highlight, "links": links}
    maps = [pay_map(rows, shapes, hourly=hourly, **common)]
    if location_quotient:
        maps.append(location_quotient_map(rows, shapes, **common))
    return maps
