"""Geometry for two occupations' pay spreads on one chart. Pure.

Each percentile is a row of two bars, the first occupation's above the
second's, on one axis from zero, so lengths compare honestly across both.
As on the single spread (``chart.py``), a top-coded percentile is drawn to
BLS's bound with an arrow, and one BLS did not publish gets no bar but its
state in words. The series are told apart by position (first above second,
as the legend says) as well as by colour.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from . import display
from .chart import ARROW, NAMES, ROW_LABEL_WIDTH, WIDTH, Axis, Tick, reach
from .figures import Figure, State

BAR_HEIGHT = 16
BAR_GAP = 2
ROW_GAP = 12
ROW_HEIGHT = 2 * BAR_HEIGHT + BAR_GAP + ROW_GAP
TOP = 8
AXIS_HEIGHT = 30


@dataclass(frozen=True, slots=True)
class PairBar:
    series: int  # 0: the first occupation, 1: the second
    y: int
    width: int
    label: str
    label_x: int
    open_ended: bool
    drawn: bool

    height = BAR_HEIGHT

    @property
    def text_y(self) -> int:
        return self.y + BAR_HEIGHT - 3

    @property
    def arrow_points(self) -> str:
        end, mid = ROW_LABEL_WIDTH + self.width, self.y + BAR_HEIGHT // 2
        return f"{end},{self.y} {end + ARROW},{mid} {end},{self.y + BAR_HEIGHT}"


@dataclass(frozen=True, slots=True)
class PairGroup:
    name: str
    label_y: int
    bars: tuple[PairBar, PairBar]


@dataclass(frozen=True, slots=True)
class PairChart:
    width: int
    height: int
    groups: tuple[PairGroup, ...]
    ticks: tuple[Tick, ...]
    plot_bottom: int
    axis_y: int
    hourly: bool
    description: str

    plot_left = ROW_LABEL_WIDTH
    plot_top = TOP


def pair_chart(
    first: Sequence[tuple[int, Figure]],
    second: Sequence[tuple[int, Figure]],
    *,
    hourly: bool,
    names: Sequence[str],
) -> PairChart | None:
    """Lay out both spreads ((10, figure) ... (90, figure) each) in one unit.

    None when neither occupation has a percentile to draw: the table says why.
    """
    reaches = [[reach(figure) for _, figure in spread] for spread in (first, second)]
    known = [value for values in reaches for value in values if value is not None]
    if not known:
        return None
    labels = [[display.text(figure) for _, figure in spread] for spread in (first, second)]
    axis = Axis.fitting(known, (label for row in labels for label in row))
    groups = []
    for index, (percentile, _) in enumerate(first):
        top = TOP + index * ROW_HEIGHT
        bars = []
        for series in (0, 1):
            value = reaches[series][index]
            figure = (first, second)[series][index][1]
            open_ended = figure.state is State.TOP_CODED
            width, label_x = axis.bar(value, open_ended)
            bars.append(
                PairBar(
                    series=series,
                    y=top + series * (BAR_HEIGHT + BAR_GAP),
                    width=width,
                    label=labels[series][index],
                    label_x=label_x,
                    open_ended=open_ended,
                    drawn=value is not None,
                )
            )
        groups.append(PairGroup(NAMES[percentile], top + BAR_HEIGHT + 4, tuple(bars)))
    plot_bottom = TOP + len(groups) * ROW_HEIGHT - ROW_GAP + 4
    spoken = "; ".join(
        f"{group.name}: {names[0]} {group.bars[0].label}, {names[1]} {group.bars[1].label}"
        for group in groups
    )
    unit = "Hourly" if hourly else "Annual"
    return PairChart(
        width=WIDTH,
        height=plot_bottom + AXIS_HEIGHT,
        groups=tuple(groups),
        ticks=axis.ticks(hourly),
        plot_bottom=plot_bottom,
        axis_y=plot_bottom + 20,
        hourly=hourly,
        description=(
            f"{unit} wage percentiles of {names[0]} (upper bar of each pair) and {names[1]} "
            f"(lower bar). {spoken}."
        ),
    )
