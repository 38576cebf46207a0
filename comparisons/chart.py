"""Geometry for the server-rendered "salary by experience level" chart.

Pure layout arithmetic: the template only draws what this computes, so the
chart needs no JavaScript and its numbers come from the same bands as the
table beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from core.formatting import money_range, money_short

from .salary import Range

WIDTH = 420
PAD_X = 22
# Right of the longest bar, for its value label ("$170k–$250k+") at the
# phone stylesheet's 16 px; the browser tests check that no label is cut off.
LABEL_ROOM = 132
LEGEND_HEIGHT = 56
LEVEL_TITLE = 26
BAR_HEIGHT = 20
BAR_GAP = 6
GROUP_GAP = 16
AXIS_HEIGHT = 28
TICK_STEP = Decimal(50_000)
ARROW = 10


@dataclass(frozen=True)
class Bar:
    series: int
    x: int
    y: int
    width: int
    label: str
    label_x: int
    open_ended: bool
    description: str

    @property
    def height(self) -> int:
        return BAR_HEIGHT

    @property
    def text_y(self) -> int:
        return self.y + BAR_HEIGHT - 5

    @property
    def arrow_points(self) -> str:
        end, mid = self.x + self.width, self.y + BAR_HEIGHT // 2
        return f"{end},{self.y} {end + ARROW},{mid} {end},{self.y + BAR_HEIGHT}"


@dataclass(frozen=True)
class Group:
    title: str
    title_y: int
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class Tick:
    x: int
    label: str


@dataclass(frozen=True)
class LegendItem:
    series: int
    x: int
    y: int
    label: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    plot_top: int
    plot_bottom: int
    axis_y: int
    groups: tuple[Group, ...]
    ticks: tuple[Tick, ...]
    legend: tuple[LegendItem, ...]
    title_x: int = PAD_X // 3


def _nice(value: Decimal, rounding: str) -> Decimal:
    return (value / TICK_STEP).to_integral_value(rounding=rounding) * TICK_STEP


def build_chart(
    series: list[str],
    levels: list[tuple[str, list[Range | None]]],
    starting: list[Range | None],
) -> Chart:
    """Lay out one horizontal range bar per series and level.

    ``series`` names the roles; ``levels`` pairs each level's title with one
    band (or ``None``) per series; ``starting`` gives each series' entry band,
    whose lower end the legend states as the starting salary.
    """
    ranges = [band for _, bands in levels for band in bands if band is not None]
    if not ranges:
        raise ValueError("a chart needs at least one band")
    low = _nice(min(r.low for r in ranges), ROUND_FLOOR)
    high = _nice(max(r.high for r in ranges), ROUND_CEILING)
    if high == low:
        high = low + TICK_STEP
    plot_width = WIDTH - 2 * PAD_X - LABEL_ROOM

    def x_of(value: Decimal) -> int:
        return PAD_X + round((value - low) / (high - low) * plot_width)

    legend = tuple(
        LegendItem(
            series=index,
            x=PAD_X,
            y=18 + index * 24,
            label=name
            + (f" \u00b7 starts at {money_short(start.low)}" if start is not None else ""),
        )
        for index, (name, start) in enumerate(zip(series, starting, strict=True))
    )
    y = LEGEND_HEIGHT
    plot_top = y
    groups = []
    for title, bands in levels:
        title_y = y + LEVEL_TITLE - 8
        y += LEVEL_TITLE
        bars = []
        for index, band in enumerate(bands):
            if band is None:
                continue
            start, end = x_of(band.low), x_of(band.high)
            label = money_range(band.low, band.high, open_ended=band.open_ended)
            bars.append(
                Bar(
                    series=index,
                    x=start,
                    y=y,
                    width=max(end - start, 2),
                    label=label,
                    label_x=end + (ARROW if band.open_ended else 0) + 6,
                    open_ended=band.open_ended,
                    description=f"{series[index]}, {title}: {label}",
                )
            )
            y += BAR_HEIGHT + BAR_GAP
        groups.append(Group(title=title, title_y=title_y, bars=tuple(bars)))
        y += GROUP_GAP
    plot_bottom = y
    ticks = []
    value = low
    while value <= high:
        ticks.append(Tick(x=x_of(value), label=money_short(value)))
        value += TICK_STEP
    return Chart(
        width=WIDTH,
        height=plot_bottom + AXIS_HEIGHT,
        plot_top=plot_top,
        plot_bottom=plot_bottom,
        axis_y=plot_bottom + 18,
        groups=tuple(groups),
        ticks=tuple(ticks),
        legend=legend,
    )
