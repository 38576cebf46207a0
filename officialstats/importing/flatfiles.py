"""BLS's OEWS time-series flat files (download.bls.gov/pub/time.series/oe/): the lists.

Pure: no Django, no database. The lists (occupations, areas, industries,
datatypes, footnotes, the release) are read whole, they are small, and
checked against each other; the data file is streamed by :mod:`.series`.

Every way the input can be wrong raises :class:`ImportProblem` naming the
file and the line. docs/official-statistics.md documents the
format supported.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date

from ..figures import Datatype
from .problems import ImportProblem
from .sources import Reading, Source

DATA = "oe.data.0.Current"
REQUIRED_FILES = (
    DATA,
    "oe.occupation",
    "oe.area",
    "oe.industry",
    "oe.datatype",
    "oe.footnote",
    "oe.release",
)
OPTIONAL_FILES = ("oe.areatype",)
DATA_COLUMNS = ("series_id", "year", "period", "value", "footnote_codes")
AREA_TYPES = {"N": "National", "S": "State", "M": "Metropolitan or nonmetropolitan area"}


@dataclass(frozen=True, slots=True)
class ReleaseInfo:
    code: str  # "2025A01"
    name: str  # "May 2025"
    year: str
    period: str  # "A01"
    reference_month: date
    file: str
    line: int


@dataclass(frozen=True, slots=True)
class OccupationRow:
    code: str  # "151252", as BLS writes it (no dash)
    title: str
    display_level: int
    line: int


@dataclass(frozen=True, slots=True)
class AreaRow:
    code: str
    areatype: str  # N, S or M
    state_code: str
    name: str
    line: int


@dataclass(frozen=True, slots=True)
class IndustryRow:
    code: str
    name: str
    display_level: int
    line: int


@dataclass(frozen=True)
class Lists:
    """Everything in a release but its data."""

    release: ReleaseInfo
    occupations: dict[str, OccupationRow]
    areas: dict[str, AreaRow]
    industries: dict[str, IndustryRow]
    datatypes: dict[str, str]
    footnotes: dict[int, str]
    areatypes: dict[str, str]


def check_files(sources: Mapping[str, Source]) -> None:
    missing = [name for name in REQUIRED_FILES if name not in sources]
    if missing:
        raise ImportProblem(
            f"missing {', '.join(missing)} (a release needs {', '.join(REQUIRED_FILES)})"
        )


def read_table(reading: Reading, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a tab-separated BLS file as column -> value (fields stripped of
    their padding), checking the header names every column needed."""
    lines = reading.lines()
    try:
        _, header_line = next(lines)
    except StopIteration:  # pragma: no cover - lines() raises for an empty file
        raise ImportProblem("the file is empty", reading.label) from None
    header = [name.strip() for name in header_line.split("\t")]
    missing = [name for name in required if name not in header]
    if missing:
        raise ImportProblem(
            f"wrong header: expected the columns {', '.join(required)}; "
            f"found {', '.join(header) or 'none'}",
            reading.label,
            1,
        )
    width = len(header)
    for number, line in lines:
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) != width:
            raise ImportProblem(
                f"{len(fields)} fields where the header has {width}: the line is cut short "
                "or malformed",
                reading.label,
                number,
            )
        yield number, {name: value.strip() for name, value in zip(header, fields, strict=True)}


def _codes(
    reading: Reading, required: tuple[str, ...], pattern: str, what: str
) -> Iterator[tuple[int, dict[str, str]]]:
    seen: dict[str, int] = {}
    match = re.compile(pattern).fullmatch
    for number, row in read_table(reading, required):
        code = row[required[0]]
        if not match(code):
            raise ImportProblem(f"{code!r} is not {what}", reading.label, number)
        if code in seen:
            raise ImportProblem(
                f"{required[0]} {code} is listed twice (first on line {seen[code]:,})",
                reading.label,
                number,
            )
        seen[code] = number
        yield number, row


def _level(value: str, label: str, number: int) -> int:
    if not value.isdigit():
        raise ImportProblem(f"display_level {value!r} is not a number", label, number)
    return int(value)


def read_lists(sources: Mapping[str, Source]) -> tuple[Lists, dict[str, tuple[int, str]]]:
    """Every list of a release, checked against each other.

    Also returns each file's measure (size, SHA-256 of its content).
    """
    check_files(sources)
    measures: dict[str, tuple[int, str]] = {}

    def rows(name: str, required: tuple[str, ...], pattern: str, what: str):
        with Reading(sources[name]) as reading:
            result = list(_codes(reading, required, pattern, what))
            reading.finish()
            measures[name] = (reading.size, reading.sha256)
        return reading.label, result

    label, found = rows("oe.release", ("release_date", "description"), r"\d{4}A\d\d", "a code")
    if not found:
        raise ImportProblem("no release is listed", label)
    number, row = max(found, key=lambda item: item[1]["release_date"])
    release = _release(row["release_date"], row["description"], label, number)

    areatypes = dict(AREA_TYPES)
    if "oe.areatype" in sources:
        label, found = rows("oe.areatype", ("areatype_code", "areatype_name"), r"[A-Z]", "a code")
        listed = {row["areatype_code"]: row["areatype_name"] for _, row in found}
        for number, row in found:
            if row["areatype_code"] not in AREA_TYPES:
                raise ImportProblem(
                    f"area type {row['areatype_code']!r} is not one of "
                    f"{', '.join(AREA_TYPES)}, the ones OEWS uses",
                    label,
                    number,
                )
        areatypes = listed

    label, found = rows(
        "oe.datatype", ("datatype_code", "datatype_name"), r"\d\d", "a two-digit code"
    )
    known = {f"{d:02d}" for d in Datatype}
    datatypes = {}
    for number, row in found:
        if row["datatype_code"] not in known:
            raise ImportProblem(
                f"datatype {row['datatype_code']} ({row['datatype_name']}) is not one of the 17 "
                "this site stores",
                label,
                number,
            )
        datatypes[row["datatype_code"]] = row["datatype_name"]

    label, found = rows("oe.footnote", ("footnote_code", "footnote_text"), r"\d{1,3}", "a code")
    footnotes = {int(row["footnote_code"]): row["footnote_text"] for _, row in found}

    label, found = rows(
        "oe.occupation",
        ("occupation_code", "occupation_name", "display_level"),
        r"\d{6}",
        "a six-digit SOC code",
    )
    occupations = {
        row["occupation_code"]: OccupationRow(
            row["occupation_code"],
            row["occupation_name"],
            _level(row["display_level"], label, number),
            number,
        )
        for number, row in found
    }

    label, found = rows(
        "oe.area",
        ("area_code", "areatype_code", "state_code", "area_name"),
        r"\d{7}",
        "a seven-digit area code",
    )
    areas = {}
    for number, row in found:
        if row["areatype_code"] not in areatypes:
            raise ImportProblem(
                f"unknown area type {row['areatype_code']!r} (known: {', '.join(areatypes)})",
                label,
                number,
            )
        areas[row["area_code"]] = AreaRow(
            row["area_code"], row["areatype_code"], row["state_code"], row["area_name"], number
        )

    label, found = rows(
        "oe.industry",
        ("industry_code", "industry_name", "display_level"),
        r"[0-9A-Z-]{6}",
        "a six-character industry code",
    )
    industries = {
        row["industry_code"]: IndustryRow(
            row["industry_code"],
            row["industry_name"],
            _level(row["display_level"], label, number),
            number,
        )
        for number, row in found
    }
    for name, listed in (
        ("oe.occupation", occupations),
        ("oe.area", areas),
        ("oe.industry", industries),
    ):
        if not listed:
            raise ImportProblem("the file lists nothing", sources[name].label)

    lists = Lists(release, occupations, areas, industries, datatypes, footnotes, areatypes)
    return lists, measures


MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}


def _release(code: str, description: str, label: str, number: int) -> ReleaseInfo:
    year, period = code[:4], code[4:]
    words = description.split()
    month = MONTHS.get(words[0].lower()) if len(words) == 2 else None
    if month is None or words[1] != year:
        raise ImportProblem(
            f"cannot tell the month the estimates describe from {description!r} "
            f'(expected a month and the year {year}, e.g. "May {year}")',
            label,
            number,
        )
    return ReleaseInfo(code, description, year, period, date(int(year), month, 1), label, number)
