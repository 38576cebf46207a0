"""BLS Employment Projections: Table 1.2 of ``occupation.xlsx`` into
:class:`~officialstats.models.Projection` rows.

The table: a title row, a header row, then one row per occupation (EP's
"Summary" groups and "Line item" detailed occupations) and footnotes after
the last. The years come from the headers ("Employment, 2024"), so the next
vintage reads the same way. "—" is EP's marker for "not available".
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from ..models import Projection
from .files import Fetched
from .xlsx import Sheet, normalise, number, open_sheet, text

SHEET = "Table 1.2"
NOT_AVAILABLE = "—"
MARKERS = {NOT_AVAILABLE: "not available"}
CODE = re.compile(r"\d{2}-\d{4}")
KINDS = {"Summary": Projection.Kind.SUMMARY, "Line item": Projection.Kind.LINE_ITEM}
COLUMNS = {
    "title": r"(\d{4}) national employment matrix title",
    "code": r"\d{4} national employment matrix code",
    "kind": r"occupation type",
    "employment_start": r"employment, \d{4}",
    "change": r"employment change, numeric, \d{4}-\d{2}",
    "change_percent": r"employment change, percent, \d{4}-\d{2}",
    "self_employed_percent": r"percent self employed, \d{4}",
    "openings": r"occupational openings, \d{4}-\d{2} annual average",
    "education": r"typical education needed for entry",
    "experience": r"work experience in a related occupation",
    "training": r"typical on-the-job training.*",
}
NUMBERS = ("employment_start", "employment_end", "change", "change_percent", "openings")
WORDS = ("education", "experience", "training")


@dataclass(frozen=True)
class Read:
    code: str  # "2024-34"
    name: str  # "2024–34"
    reference_month: datetime.date
    rows: list[Projection]

    def tables(self) -> dict:
        return {Projection: self.rows}


def header_row(sheet: Sheet) -> int:
    for number_, row in sheet.numbered(1):
        if row and re.fullmatch(COLUMNS["title"], normalise(row[0])):
            return number_
        if number_ > 10:
            break
    raise sheet.problem("no header row (“… National Employment Matrix title”) in its first rows")


def read(fetched: dict[str, Fetched]) -> Read:
    found = fetched["occupation.xlsx"]
    sheet = open_sheet(found.path, found.file.name, SHEET)
    top = header_row(sheet)
    columns = sheet.columns(COLUMNS, top)
    headers = [normalise(cell) for cell in sheet.rows[top - 1]]
    years = [i for i, h in enumerate(headers) if re.fullmatch(r"employment, \d{4}", h)]
    if len(years) != 2:
        raise sheet.problem("expected two “Employment, <year>” columns (base and projected)", top)
    columns["employment_start"], columns["employment_end"] = years
    start = int(re.fullmatch(COLUMNS["title"], headers[columns["title"]]).group(1))
    end = int(headers[years[1]].rsplit(" ", 1)[1])
    rows: list[Projection] = []
    seen: set[str] = set()
    for at, row in sheet.numbered(top + 1):
        code = text(row[columns["code"]]) if len(row) > columns["code"] else ""
        if not code:
            if any(rows) and text(row[0]).startswith(("Footnotes", "[", "Note", "Source")):
                break  # the footnotes after the table
            if not any(cell is not None for cell in row):
                continue
            raise sheet.problem("a row without an occupation code", at)
        if not CODE.fullmatch(code):
            raise sheet.problem(f"“{code}” is not a SOC code (like 15-1252)", at)
        if code in seen:
            raise sheet.problem(f"{code} appears twice", at)
        seen.add(code)
        kind = KINDS.get(text(row[columns["kind"]]))
        if kind is None:
            raise sheet.problem(
                f"occupation type “{text(row[columns['kind']])}” is neither Summary nor Line item",
                at,
            )
        values = {}
        for name in NUMBERS:
            values[name], _ = number(sheet, at, name, row[columns[name]], {})
        values["self_employed_percent"], _ = number(
            sheet, at, "percent self employed", row[columns["self_employed_percent"]], MARKERS
        )
        for name in WORDS:
            word = text(row[columns[name]])
            values[name] = "" if word == NOT_AVAILABLE else word
        rows.append(Projection(code=code, title=text(row[columns["title"]]), kind=kind, **values))
    if not rows:
        raise sheet.problem("no occupations under the header row", top)
    if "00-0000" not in seen:
        raise sheet.problem("no row for all occupations (00-0000), which pages compare with")
    return Read(
        f"{start}-{str(end)[2:]}", f"{start}\u2013{str(end)[2:]}", datetime.date(start, 1, 1), rows
    )
