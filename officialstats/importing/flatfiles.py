"""BLS's OEWS time-series flat files (download.bls.gov/pub/time.series/oe/), parsed.

Pure: no Django, no database. The lists (occupations, areas, industries,
datatypes, footnotes, the release) are read whole, they are small; the data
file, six million lines, is streamed: :func:`read_series` yields one
:class:`Series` per occupation x area x industry with all its datatypes, so
memory stays bounded whatever the file's size.

Every way the input can be wrong raises :class:`ImportProblem` naming the
file and the line. The README's "Official statistics" section documents the
format supported.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator, Mapping
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
SERIES_PREFIX = "OEU"
SERIES_LENGTH = 25  # OEU + area type (1) + area (7) + industry (6) + SOC (6) + datatype (2)
KEY_LENGTH = SERIES_LENGTH - 2
PROGRESS_EVERY = 1 << 16  # lines

# What the Estimate model can hold for each datatype: digits before the
# point and after it (tests check these against the model's fields).
LIMITS: dict[Datatype, tuple[int, int]] = {
    Datatype.EMPLOYMENT: (10, 0),
    Datatype.EMPLOYMENT_RSE: (4, 1),
    Datatype.WAGE_RSE: (4, 1),
    Datatype.JOBS_PER_1000: (6, 3),
    Datatype.LOCATION_QUOTIENT: (5, 2),
    **{d: (6, 2) for d in Datatype if d.is_hourly},
    **{d: (8, 2) for d in Datatype if d.is_annual},
}
MAX_EMPLOYMENT = 2**31 - 1  # a PositiveIntegerField on every database
# When one value carries several footnotes, the one that decides what a
# reader sees: not released, then top-coded, then one unit only.
FOOTNOTE_PRIORITY = (8, 5, 4)


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


# One series row: the codes it is about, then per datatype (index 0 is
# datatype 01) the value as BLS wrote it (None for "-" or no such series)
# and its footnote (None: none; 0: a dash without a footnote).
type Series = tuple[str, str, str, str, list[str | None], list[int | None]]


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


class _SeriesReader:
    """The state of one pass over the data file."""

    def __init__(self, reading: Reading, lists: Lists) -> None:
        self.reading = reading
        self.label = reading.label
        self.lists = lists
        self.year = lists.release.year
        self.period = lists.release.period
        self.slots = {code: int(code) - 1 for code in lists.datatypes}  # "01" -> index 0 of a row
        self.notes: dict[str, int] = {}
        self.seen: set[str] = set()

    def key(self, series_id: str, number: int) -> tuple[str, str, str, str]:
        """Check the codes of a new series against the lists."""
        if len(series_id) != SERIES_LENGTH or not series_id.startswith(SERIES_PREFIX):
            raise ImportProblem(
                f"{series_id!r} is not an OEWS series id (OEU, area type, area, industry, "
                "SOC code and datatype: 25 characters)",
                self.label,
                number,
            )
        key = series_id[:KEY_LENGTH]
        if key in self.seen:
            raise ImportProblem(
                f"series {key} appears again after other series: a series' lines must be "
                "together, as BLS publishes them (sorted by series id)",
                self.label,
                number,
            )
        self.seen.add(key)
        areatype, area, industry, occupation = key[3], key[4:11], key[11:17], key[17:23]
        lists = self.lists
        found = lists.areas.get(area)
        if found is None:
            raise ImportProblem(
                f"series {series_id}: area {area} is not in oe.area", self.label, number
            )
        if found.areatype != areatype:
            raise ImportProblem(
                f"series {series_id}: area type {areatype}, but oe.area gives area {area} "
                f"the type {found.areatype}",
                self.label,
                number,
            )
        if industry not in lists.industries:
            raise ImportProblem(
                f"series {series_id}: industry {industry} is not in oe.industry",
                self.label,
                number,
            )
        if occupation not in lists.occupations:
            raise ImportProblem(
                f"series {series_id}: occupation {occupation} is not in oe.occupation",
                self.label,
                number,
            )
        return areatype, area, industry, occupation

    def footnote(self, raw: str, number: int) -> int:
        codes = []
        for part in raw.split(","):
            part = part.strip()
            if not part.isdigit() or int(part) not in self.lists.footnotes:
                raise ImportProblem(
                    f"footnote code {part!r} is not in oe.footnote", self.label, number
                )
            codes.append(int(part))
        chosen = next((c for c in FOOTNOTE_PRIORITY if c in codes), min(codes))
        self.notes[raw] = chosen
        return chosen

    def bad_value(self, value: str, slot: int, number: int) -> ImportProblem:
        datatype = Datatype(slot + 1)
        whole, places = LIMITS[datatype]
        if re.fullmatch(r"\d+(\.\d+)?", value):
            reason = (
                f"more digits than a {self.lists.datatypes[f'{slot + 1:02d}'].lower()} can have "
                f"({whole} before the point, {places} after)"
            )
        else:
            reason = 'not a number (nor "-")'
        return ImportProblem(f"value {value!r}: {reason}", self.label, number)

    def other(self, fields: list[str], series_id: str, number: int) -> ImportProblem:
        """The problem with a line the fast path refused."""
        if fields[1].strip() != self.year or fields[2].strip() != self.period:
            return ImportProblem(
                f"{fields[1].strip()} {fields[2].strip()} is not the release's year and "
                f"period ({self.year} {self.period}, from oe.release)",
                self.label,
                number,
            )
        code = series_id[KEY_LENGTH:]
        if code not in self.slots:
            return ImportProblem(
                f"series {series_id}: datatype {code!r} is not in oe.datatype",
                self.label,
                number,
            )
        return ImportProblem(f"series {series_id} is given twice", self.label, number)


def read_series(
    reading: Reading, lists: Lists, progress: Callable[[int], None] | None = None
) -> Iterator[Series]:
    """Every series of the data file, all of its datatypes in one row.

    ``progress`` is called with the number of data lines (values) read so
    far, every 65,536 lines or so, and at the end.
    """
    state = _SeriesReader(reading, lists)
    label = state.label
    text = reading.text
    header = text.readline()
    columns = tuple(name.strip() for name in header.split("\t"))
    if columns != DATA_COLUMNS:
        raise ImportProblem(
            f"wrong header: expected {' '.join(DATA_COLUMNS)}; found "
            f"{' '.join(columns) if header else 'an empty file'}",
            label,
            1,
        )
    year, period, slots = state.year, state.period, state.slots
    whole = [LIMITS[d][0] for d in Datatype]
    places = [LIMITS[d][1] for d in Datatype]
    reported = 0
    notes = state.notes
    key: str | None = None
    codes: tuple[str, str, str, str] = ("", "", "", "")
    values: list[str | None] = []
    footnotes: list[int | None] = []
    line = header
    number = 1
    blank = 0
    with reading.guard(lambda: number + 1):
        for number, line in enumerate(text, 2):
            fields = line.split("\t")
            if len(fields) != 5:
                if not line.strip():
                    blank += 1
                    continue
                raise ImportProblem(
                    f"{len(fields)} fields where the header has 5: the line is cut short "
                    "or malformed",
                    label,
                    number,
                )
            series_id = fields[0].rstrip()
            if series_id[:KEY_LENGTH] != key:
                if key is not None:
                    yield (*codes, values, footnotes)
                    if progress is not None and number - reported >= PROGRESS_EVERY:
                        progress(number - 1 - blank)
                        reported = number
                codes = state.key(series_id, number)
                key = series_id[:KEY_LENGTH]
                values = [None] * 17
                footnotes = [None] * 17
            slot = slots.get(series_id[KEY_LENGTH:])
            if (
                slot is None
                or fields[1] != year
                or fields[2] != period
                or footnotes[slot] is not None
                or values[slot] is not None
                or len(series_id) != SERIES_LENGTH
            ):
                if len(series_id) != SERIES_LENGTH:
                    state.key(series_id, number)  # raises
                if slot is None or fields[1].strip() != year or fields[2].strip() != period:
                    raise state.other(fields, series_id, number)
                if footnotes[slot] is not None or values[slot] is not None:
                    raise state.other(fields, series_id, number)
            value = fields[3].strip()
            raw_note = fields[4].strip()
            if value != "-":
                # str methods, not a regular expression: this runs six million times.
                if value.isdigit() and value.isascii():
                    if len(value) > whole[slot] or (
                        slot == 0 and len(value) == 10 and int(value) > MAX_EMPLOYMENT
                    ):
                        raise state.bad_value(value, slot, number)
                else:
                    digits, point, decimals = value.partition(".")
                    if not (
                        point
                        and digits.isdigit()
                        and decimals.isdigit()
                        and value.isascii()
                        and len(digits) <= whole[slot]
                        and len(decimals) <= places[slot]
                    ):
                        raise state.bad_value(value, slot, number)
                values[slot] = value
            if raw_note:
                note = notes.get(raw_note)
                footnotes[slot] = state.footnote(raw_note, number) if note is None else note
            elif value == "-":
                footnotes[slot] = 0
    reading.check_complete(number, line)
    if key is None:
        raise ImportProblem("the file holds no data, only its header", label, 1)
    yield (*codes, values, footnotes)
    if progress is not None:
        progress(number - 1 - blank)
