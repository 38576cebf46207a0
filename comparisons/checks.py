"""Editors' consistency and freshness warnings: pure functions over loaded data.

Warnings, not errors: published figures may legitimately disagree (the seed
sheet's two Backend averages come from different data sets), but an editor
should look before publishing. No ORM here; see ``queries.editorial``.
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from .formatting import money, money_range, percent
from .salary import Range


@dataclass(frozen=True)
class ContentWarning:
    kind: str
    message: str


@dataclass(frozen=True)
class Average:
    label: str
    value: Decimal
    approximate: bool = False

    def __str__(self) -> str:
        return f"{self.label} ({money(self.value, approximate=self.approximate)})"


@dataclass(frozen=True)
class Dated:
    name: str
    as_of: datetime.date
    precision: str  # "year", "month" or "day"


def averages_disagree(
    role: str, averages: list[Average], tolerance: Decimal
) -> list[ContentWarning]:
    """Pairs of a role's published averages further apart than ``tolerance``
    percent of the larger one."""
    warnings = []
    for index, first in enumerate(averages):
        for second in averages[index + 1 :]:
            larger = max(first.value, second.value)
            gap = abs(first.value - second.value) / larger * 100
            if gap > tolerance:
                warnings.append(
                    ContentWarning(
                        "averages",
                        f"{role}: the {first} and the {second} differ by {percent(gap)}, "
                        f"more than the {percent(tolerance)} tolerance. Check both are right "
                        "and labelled as separate data sets.",
                    )
                )
    return warnings


def bands_outside_range(
    role: str, overview: Range | None, bands: list[tuple[str, Range]]
) -> list[ContentWarning]:
    """Bands that do not overlap the role's typical (overview) range at all."""
    if overview is None:
        return []
    typical = money_range(overview.low, overview.high, short=False)
    return [
        ContentWarning(
            "band_range",
            f"{role}: the {level} band "
            f"({money_range(band.low, band.high, open_ended=band.open_ended)}) "
            f"lies outside the typical range of {typical}.",
        )
        for level, band in bands
        if band.low > overview.high or (band.high < overview.low and not band.open_ended)
    ]


def period_end(as_of: datetime.date, precision: str) -> datetime.date:
    """The last day a figure dated ``as_of`` can describe: "2025" runs to 31 December."""
    if precision == "year":
        return datetime.date(as_of.year, 12, 31)
    if precision == "month":
        return as_of.replace(day=calendar.monthrange(as_of.year, as_of.month)[1])
    return as_of


def months_between(start: datetime.date, end: datetime.date) -> int:
    """Whole months from ``start`` to ``end``."""
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - (1 if end.day < start.day else 0)


def stale_sources(
    sources: Iterable[Dated], today: datetime.date, max_age_months: int
) -> list[ContentWarning]:
    """Sources whose figures are older than ``max_age_months``, counted from
    the end of the period they describe."""
    warnings = []
    for source in sources:
        age = months_between(period_end(source.as_of, source.precision), today)
        if age > max_age_months:
            warnings.append(
                ContentWarning(
                    "stale_source",
                    f"{source.name} is {age} months old, past the {max_age_months}-month "
                    "limit. Look for newer figures.",
                )
            )
    return warnings
