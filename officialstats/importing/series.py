"""BLS's OEWS data file (``oe.data.0.Current``), streamed one series at a time.

Pure: no Django, no database. Six million lines become one :data:`Series`
per occupation x area x industry with all its datatypes, so memory stays
bounded whatever the file's size; each line is checked against the lists
(:mod:`.flatfiles`) on the way, and every problem names the file and line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from ..figures import Datatype
from .flatfiles import DATA_COLUMNS, Lists
from .problems import ImportProblem
from .sources import Reading

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


# One series row: the codes it is about, then per datatype (index 0 is
# datatype 01) the value as BLS wrote it (None for "-" or no such series)
# and its footnote (None: none; 0: a dash without a footnote).
type Series = tuple[str, str, str, str, list[str | None], list[int | None]]


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
