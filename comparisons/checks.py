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
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from core.formatting import money, money_range, percent, percent_difference
from core.numbers import percent_change

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
    percent of the larger one (the lower set against the higher)."""
    warnings = []
    for index, first in enumerate(averages):
        for second in averages[index + 1 :]:
            lower, higher = sorted((first, second), key=lambda average: average.value)
            gap = abs(percent_change(lower.value, higher.value))
            if gap > tolerance:
                warnings.append(
                    ContentWarning(
                        "averages",
                        f"{role}: the {lower} is {percent_difference(gap)} below the {higher}, "
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


# --- Figures stated in written text -----------------------------------------
#
# Prose is meant to carry no figures (statements are worked out from the
# records), but an editor may still type one. These functions find months,
# percentages and dollar amounts in written text and flag any that no record
# about the article's roles gives, at the precision the text uses ("$115k"
# agrees with $114,528; "5%" with a 4.85% difference).

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SIGNED = rf"[+-]?(?:{_NUMBER})"
_TO = r"\s*(?:-|\u2013|\u2014|to)\s*"
_MONTHS = re.compile(rf"(?<![\w.])(?P<low>{_NUMBER})(?:{_TO}(?P<high>{_NUMBER}))?[\s-]*months?\b")
_PERCENT = re.compile(
    rf"(?<![\w.])(?P<low>{_SIGNED})(?:\s*%)?(?:{_TO}(?P<high>{_SIGNED}))?"
    r"\s*(?:%|percent\b|per\s+cent\b)"
)
_SCALE = r"\s*(?P<{0}>k\b|K\b|m\b|M\b|thousand\b|million\b)?\+?"
_DOLLARS = re.compile(
    rf"\$\s?(?P<low>{_NUMBER}){_SCALE.format('low_scale')}"
    rf"(?:{_TO}~?\$\s?(?P<high>{_NUMBER}){_SCALE.format('high_scale')})?"
)
_SCALES = {"k": 1000, "thousand": 1000, "m": 1000000, "million": 1000000}
_CLAUSE_END = re.compile(r"(?<=[.!?;])\s+")


@dataclass(frozen=True)
class Stated:
    """A figure as written: its unit, its ends, and the precision it was written to."""

    unit: str  # "months", "percent" or "dollars"
    low: Decimal
    high: Decimal
    step: Decimal  # "$115k" is to the nearest 1,000; "4.9%" to the nearest 0.1
    text: str

    @property
    def single(self) -> bool:
        return self.low == self.high


@dataclass(frozen=True)
class Recorded:
    """What the records about an article's two roles say, for checking prose.

    ``months`` maps each role's name to its time to competency (or ``None``);
    ``percents`` and ``dollars`` list every figure or worked-out difference
    as (low, high) pairs, a single value as (v, v). ``aliases`` are the words
    that name a role in prose: its name and, when distinctive, its first word.
    """

    months: dict[str, tuple[int, int] | None]
    percents: list[tuple[Decimal, Decimal]]
    dollars: list[tuple[Decimal, Decimal]]
    aliases: dict[str, list[str]]


def _decimal(number: str) -> Decimal:
    return Decimal(number.replace(",", ""))


def _step(number: str, scale: int = 1) -> Decimal:
    digits = number.replace(",", "").lstrip("+-")
    places = len(digits.split(".")[1]) if "." in digits else 0
    return Decimal(1).scaleb(-places) * scale


def stated_figures(text: str) -> list[Stated]:
    """Every month, percent and dollar figure written in ``text``."""
    text = text.replace("\u2212", "-")
    found = []
    for match in _MONTHS.finditer(text):
        low, high = match["low"], match["high"] or match["low"]
        found.append(Stated("months", _decimal(low), _decimal(high), Decimal(1), match[0].strip()))
    for match in _PERCENT.finditer(text):
        low, high = match["low"], match["high"] or match["low"]
        step = min(_step(low), _step(high))
        found.append(Stated("percent", _decimal(low), _decimal(high), step, match[0].strip()))
    for match in _DOLLARS.finditer(text):
        low_scale = _SCALES.get((match["low_scale"] or "").lower(), 1)
        high_scale = _SCALES.get((match["high_scale"] or "").lower(), low_scale)
        low = _decimal(match["low"]) * low_scale
        high = _decimal(match["high"]) * high_scale if match["high"] else low
        step = _step(match["low"], low_scale)
        if match["high"]:
            step = min(step, _step(match["high"], high_scale))
        found.append(Stated("dollars", low, high, step, match[0].strip()))
    return found


def _agrees(stated: Decimal, recorded: Decimal, step: Decimal) -> bool:
    """Equal at the precision the text was written to, rounding half up."""
    if stated == recorded:
        return True
    rounded = (recorded / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step
    return rounded == stated


def _range_agrees(stated: Stated, low: Decimal, high: Decimal, signless: bool) -> bool:
    if signless:
        stated_ends = sorted((abs(stated.low), abs(stated.high)))
        ends = sorted((abs(low), abs(high)))
    else:
        stated_ends, ends = [stated.low, stated.high], [low, high]
    if stated.single:
        return any(_agrees(stated_ends[0], end, stated.step) for end in ends)
    return all(_agrees(s, r, stated.step) for s, r in zip(stated_ends, ends, strict=True))


def _months_agree(stated: Stated, recorded: tuple[int, int]) -> bool:
    low, high = recorded
    if stated.single:
        return low <= stated.low <= high
    return (stated.low, stated.high) == (low, high)


def _named_roles(clause: str, recorded: Recorded) -> list[str]:
    lowered = clause.lower()
    return [
        role
        for role, aliases in recorded.aliases.items()
        if any(re.search(rf"(?<!\w){re.escape(alias)}s?(?!\w)", lowered) for alias in aliases)
    ]


def _months_warning(where: str, stated: Stated, clause: str, recorded: Recorded) -> str | None:
    named = _named_roles(clause, recorded)
    said = f"{where} says “{stated.text}”"
    if len(named) > 1:
        # Several roles in one clause: accept a figure that fits any of them.
        if any(recorded.months[r] and _months_agree(stated, recorded.months[r]) for r in named):
            return None
        return f"{said}, which is not the time to competency of {' or '.join(named)} on record."
    if len(named) == 1:
        (role,) = named
        record = recorded.months[role]
        if record is None:
            return f"{said} for {role}, who has no time to competency on record."
        if _months_agree(stated, record):
            return None
        return f"{said} for {role}, but the time to competency on record is {_months(record)}."
    # No role named: the figure is put to both ("on either path").
    wrong = [
        f"{role}'s is {_months(record)}"
        for role, record in recorded.months.items()
        if record is not None and not _months_agree(stated, record)
    ]
    if not any(recorded.months.values()):
        return f"{said}, but neither role has a time to competency on record."
    if wrong:
        return (
            f"{said} without naming a role, so it reads as true of both, but "
            f"{' and '.join(wrong)}. Name the role, or choose the time-to-competency statement."
        )
    return None


def _months(record: tuple[int, int]) -> str:
    low, high = record
    return f"{low} months" if low == high else f"{low}\u2013{high} months"


def written_figures_disagree(where: str, text: str, recorded: Recorded) -> list[ContentWarning]:
    """Figures typed in ``text`` (shown to editors as ``where``) that the records
    do not give: a time to competency that is not the named role's (or, with
    no role named, not both roles'), or a percentage or dollar amount that no
    figure about the two roles, nor any difference worked out from them, has."""
    warnings = []
    for clause in _CLAUSE_END.split(text):
        for stated in stated_figures(clause):
            message = None
            if stated.unit == "months":
                message = _months_warning(where, stated, clause, recorded)
            elif stated.unit == "percent" and not any(
                _range_agrees(stated, low, high, signless=True) for low, high in recorded.percents
            ):
                message = (
                    f"{where} says “{stated.text}”, which matches no percentage on record for "
                    "these roles (pay factors, equity shares, published premiums, or the "
                    "differences worked out from the figures)."
                )
            elif stated.unit == "dollars" and not any(
                _range_agrees(stated, low, high, signless=False) for low, high in recorded.dollars
            ):
                message = (
                    f"{where} says “{stated.text}”, which matches no salary on record for these "
                    "roles (averages, typical ranges, bands, or the differences between them)."
                )
            if message:
                warnings.append(ContentWarning("written_figure", message))
    return warnings


# --- Sources readers cannot open ----------------------------------------------


@dataclass(frozen=True)
class Cited:
    name: str
    url: str


def sources_without_address(sources: Iterable[Cited]) -> list[ContentWarning]:
    """Sources with no web address: pages cite them, but readers cannot open them."""
    return [
        ContentWarning(
            "no_address",
            f"{source.name} has no web address, so readers cannot check the figures it backs. "
            "Add its URL if it is published online; pages say it has no public address "
            "until then.",
        )
        for source in sources
        if not source.url.strip()
    ]
