"""Reading a publisher's spreadsheet: openpyxl in read-only mode, every
problem named by file, sheet and row.

Headers are matched loosely but exactly in meaning: case, spacing, an en
dash for a hyphen ("2024–34") and footnote marks ("2024[1]") are ignored,
so the next vintage's columns are found by the same patterns.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from ..importing.problems import ImportProblem


def normalise(text: object) -> str:
    """A header as the patterns see it: "employment change, numeric, 2024-34"."""
    value = str(text or "").replace("\u2013", "-").replace("\u2014", "-").replace("\xa0", " ")
    value = re.sub(r"\[\d+\]", "", value)
    return re.sub(r"\s+", " ", value).strip().lower()


@dataclass
class Sheet:
    """One worksheet's rows, numbered as Excel numbers them."""

    file: str
    name: str
    rows: list[tuple]

    @property
    def where(self) -> str:
        return f"{self.file}, sheet “{self.name}”"

    def problem(self, message: str, row: int | None = None) -> ImportProblem:
        return ImportProblem(message, self.where, row, unit="row")

    def columns(self, wanted: dict[str, str], header_row: int) -> dict[str, int]:
        """Each wanted column's index, by a regular expression its normalised
        header must match (the first that does); a missing one is an error."""
        headers = [normalise(cell) for cell in self.rows[header_row - 1]]
        found = {}
        for key, pattern in wanted.items():
            index = next((i for i, h in enumerate(headers) if re.fullmatch(pattern, h)), None)
            if index is None:
                raise self.problem(f"no column matching “{pattern}” in the header row", header_row)
            found[key] = index
        return found

    def numbered(self, start: int) -> Iterator[tuple[int, tuple]]:
        """(Excel's row number, values) from row ``start`` on."""
        for offset, row in enumerate(self.rows[start - 1 :]):
            yield start + offset, row


def open_sheet(path: Path, file: str, name: str = "", *, index: int | None = None) -> Sheet:
    """The sheet named ``name`` (or starting with it: Excel cuts names at 31
    characters), or at ``index``, of the workbook at ``path``."""
    # Imported here: pages list the datasets without loading a spreadsheet library.
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise ImportProblem(
            f"not a readable Excel workbook (truncated or another format?): {error}", file
        ) from None
    try:
        names = workbook.sheetnames
        if index is not None:
            if index >= len(names):
                raise ImportProblem(f"has no sheet {index + 1} (it has {len(names)})", file)
            chosen = names[index]
        else:
            chosen = next((n for n in names if n == name), None) or next(
                (n for n in names if name.startswith(n) or n.startswith(name[:31])), None
            )
            if chosen is None:
                raise ImportProblem(f"has no sheet “{name}” (its sheets: {', '.join(names)})", file)
        try:
            rows = list(workbook[chosen].iter_rows(values_only=True))
        except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
            raise ImportProblem(f"sheet “{chosen}” cannot be read: {error}", file) from None
        return Sheet(file, chosen, rows)
    finally:
        workbook.close()


def number(sheet: Sheet, row: int, column: str, value: object, markers: dict[str, str]) -> tuple:
    """(Decimal, "") for a number, (None, marker's state) for one of the
    file's own markers; anything else is an error naming the cell."""
    if isinstance(value, bool):
        raise sheet.problem(f"“{value}” in column “{column}” is not a number", row)
    if isinstance(value, int | float):
        try:
            return Decimal(str(value)), ""
        except InvalidOperation:
            pass
    text = str(value).strip() if value is not None else ""
    if text in markers:
        return None, markers[text]
    raise sheet.problem(
        f"“{text}” in column “{column}” is neither a number nor one of the file's markers "
        f"({', '.join(f'“{m}”' for m in markers) or 'none'})",
        row,
    )


def text(value: object) -> str:
    return re.sub(r"\s+", " ", str(value)).strip() if value is not None else ""
