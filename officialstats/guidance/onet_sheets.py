"""Reading an O*NET file: its first sheet by position, its codes checked."""

from __future__ import annotations

import re

from .files import Fetched
from .xlsx import Sheet, open_sheet, text

CODE = re.compile(r"\d{2}-\d{4}\.\d{2}")


def sheet_of(fetched: dict[str, Fetched], name: str, columns: dict[str, str]) -> tuple[Sheet, dict]:
    found = fetched[name]
    sheet = open_sheet(found.path, name, index=0)
    if not sheet.rows:
        raise sheet.problem("is empty")
    return sheet, sheet.columns(columns, 1)


def code_of(sheet: Sheet, at: int, value: object) -> str:
    code = text(value)
    if not CODE.fullmatch(code):
        raise sheet.problem(f"“{code}” is not an O*NET-SOC code (like 15-1252.00)", at)
    return code


def known_code(sheet: Sheet, at: int, code: str, known: dict) -> None:
    if code not in known:
        raise sheet.problem(f"{code} is not in Occupation Data", at)
