"""Editors' consistency and freshness warnings: pure functions over loaded data.

Warnings, not errors: published figures may legitimately disagree (the seed
sheet's two Backend averages come from different data sets), but an editor
should look before publishing. No ORM here; see ``queries.editorial``.

An editor may acknowledge a warning (``WarningAcknowledgement``): each one
has a stable ``key`` (its kind and subject, which name what it is about,
not the figures) and a ``fingerprint`` of the figures behind it, so an
acknowledged warning stays quiet until those figures change. A check gives
its warnings a ``subject`` and the ``figures`` it compared; one that gives
neither still works, keyed and fingerprinted by its message.
"""

from __future__ import annotations

import calendar
import datetime
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from .formatting import money, money_range, percent
from .salary import Range


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _plain(value: object) -> str:
    """A figure as the same text however it was loaded ("95000.00" and "95000" agree)."""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


@dataclass(frozen=True)
class ContentWarning:
    kind: str
    message: str
    # What it is about, unchanged while its figures change ("role:3:senior").
    subject: str = ""
    # The values it was computed from; acknowledging it covers these.
    figures: tuple = ()

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.subject or _digest(self.message)}"

    @property
    def fingerprint(self) -> str:
        if not self.figures:
            return _digest(self.message)
        return _digest("|".join(_plain(value) for value in self.figures))


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
    key: str = ""  # which source, for acknowledging its warning ("source:3")


def averages_disagree(
    role: str, averages: list[Average], tolerance: Decimal, *, subject: str = ""
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
                        subject=subject and f"{subject}:{first.label}:{second.label}",
                        figures=(first.value, first.approximate, second.value, second.approximate),
                    )
                )
    return warnings


def bands_outside_range(
    role: str, overview: Range | None, bands: list[tuple[str, Range]], *, subject: str = ""
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
            subject=subject and f"{subject}:{level}",
            figures=(overview.low, overview.high, band.low, band.high, band.open_ended),
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
                    subject=source.key,
                    # Not the age: acknowledged, it stays quiet as months pass,
                    # until the source's own date changes.
                    figures=(source.as_of, source.precision),
                )
            )
    return warnings
