"""Geometry for an occupation's pay spread: one bar per percentile. Pure.

The template tag ``spread_svg`` (``officialstats.templatetags``) only draws what
this computes, so the chart needs no JavaScript and shows exactly the
figures of the table beside it. Bars start at zero, so their lengths
compare honestly; a top-coded percentile is drawn to BLS's bound with an
arrow (it is at least that), and a percentile BLS did not publish gets no
bar but its state in words.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal

from . import display
from .figures import Figure, State

WIDTH = 420
ROW_LABEL_WIDTH = 70  # "Median", "10th", at the phone stylesheet's 16 px
GAP = 8
ROW_HEIGHT = 30
BAR_HEIGHT = 20
TOP = 8
AXIS_HEIGHT = 30
ARROW = 10
# Room right of a bar for its label: a generous average glyph width at 16 px,
# so that no label is cut off (the longest is "at least $239,200").
CHAR_WIDTH = 9
NAMES = {10: "10th", 25: "25th", 50: "Median", 75: "75th", 90: "90th"}
STEPS = (1, 2, Decimal("2.5"), 5)
MAX_TICKS = 5


@dataclass(frozen=True, slots=True)
class SpreadBar:
    name: str
    y: int
    width: int
    label: str
    label_x: int
    open_ended: bool
    drawn: bool

    @property
    def text_y(self) -> int:
        return self.y + BAR_HEIGHT - 5

    @property
    def height(self) -> int:
        return BAR_HEIGHT

    @property
    def arrow_points(self) -> str:
        end, mid = ROW_LABEL_WIDTH + self.width, self.y + BAR_HEIGHT // 2
        return f"{end},{self.y} {end + ARROW},{mid} {end},{self.y + BAR_HEIGHT}"


@dataclass(frozen=True, slots=True)
class Tick:
    x: int
    label: str


@dataclass(frozen=True, slots=True)
class SpreadChart:
    width: int
    height: int
    bars: tuple[SpreadBar, ...]
    ticks: tuple[Tick, ...]
    plot_bottom: int
    axis_y: int
    hourly: bool
    description: str

    plot_left = ROW_LABEL_WIDTH
    plot_top = TOP


def nice_step(high: Decimal) -> Decimal:
    """The smallest step of 1, 2, 2.5 or 5 times a power of ten giving at
    most MAX_TICKS intervals from zero to ``high``."""
    scale = Decimal(1).scaleb(high.adjusted() - 1)
    while True:
        for step in STEPS:
            candidate = step * scale
            if high / candidate <= MAX_TICKS:
                return candidate
        scale *= 10


def tick_label(value: Decimal, hourly: bool) -> str:
    if value == 0:
        return "$0"
    if hourly:
        return f"${value:,.0f}" if value == value.to_integral() else f"${value:,.2f}"
    return f"${value / 1000:,.0f}k" if value % 1000 == 0 else f"${value / 1000:,.1f}k"


@dataclass(frozen=True, slots=True)
class Axis:
    """One axis from zero for every bar of a chart, so lengths compare honestly."""

    high: Decimal
    step: Decimal
    plot_width: int

    @classmethod
    def fitting(cls, known: list[Decimal], labels: Iterable[str]) -> Axis:
        """Room for the largest value drawn and, right of it, the longest label."""
        step = nice_step(max(known))
        high = (max(known) / step).to_integral_value(rounding=ROUND_CEILING) * step
        label_room = GAP + CHAR_WIDTH * max(len(label) for label in labels) + ARROW
        return cls(high, step, WIDTH - ROW_LABEL_WIDTH - label_room)

    def x_of(self, value: Decimal) -> int:
        return round(value / self.high * self.plot_width)

    def bar(self, value: Decimal | None, open_ended: bool) -> tuple[int, int]:
        """A bar's width (none for a value not drawn) and where its label starts."""
        width = max(self.x_of(value), 2) if value is not None else 0
        return width, ROW_LABEL_WIDTH + width + (ARROW if open_ended else 0) + GAP

    def ticks(self, hourly: bool) -> tuple[Tick, ...]:
        ticks = []
        value = Decimal(0)
        while value <= self.high:
            ticks.append(Tick(ROW_LABEL_WIDTH + self.x_of(value), tick_label(value, hourly)))
            value += self.step
        return tuple(ticks)


def reach(figure: Figure) -> Decimal | None:
    """How far a figure's bar goes: its value, or a top-coded figure's bound."""
    if figure.state is State.PUBLISHED:
        return figure.value
    if figure.state is State.TOP_CODED:
        return figure.bound
    return None


def spread_chart(
    percentiles: list[tuple[int, Figure]], *, hourly: bool, subject: str
) -> SpreadChart | None:
    """Lay out ``percentiles`` ((10, figure), ... (90, figure)) in one unit.

    None when not one of them is published or top-coded: there is nothing
    to draw, and the table says why.
    """
    reaches = [reach(figure) for _, figure in percentiles]
    known = [value for value in reaches if value is not None]
    if not known:
        return None
    labels = [display.text(figure) for _, figure in percentiles]
    axis = Axis.fitting(known, labels)
    bars = []
    for index, ((percentile, figure), value, label) in enumerate(
        zip(percentiles, reaches, labels, strict=True)
    ):
        open_ended = figure.state is State.TOP_CODED
        width, label_x = axis.bar(value, open_ended)
        bars.append(
            SpreadBar(
                name=NAMES[percentile],
                y=TOP + index * ROW_HEIGHT,
                width=width,
                label=label,
                label_x=label_x,
                open_ended=open_ended,
                drawn=value is not None,
            )
        )
    plot_bottom = TOP + len(bars) * ROW_HEIGHT
    unit = "Hourly" if hourly else "Annual"
    spoken = "; ".join(f"{bar.name} percentile: {bar.label}" for bar in bars)
    return SpreadChart(
        width=WIDTH,
        height=plot_bottom + AXIS_HEIGHT,
        bars=tuple(bars),
        ticks=axis.ticks(hourly),
        plot_bottom=plot_bottom,
        axis_y=plot_bottom + 20,
        hourly=hourly,
        description=f"{unit} wages of {subject}. {spoken.replace('Median percentile', 'Median')}.",
    )
