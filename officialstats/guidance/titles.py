"""O*NET's titles: alternate titles (with their short forms) and the titles
workers reported, for finding an occupation by the name on a job ad.

A title appears once per occupation and kind however many sources list it;
a short title ("RN") is kept as a title of its own, since that is what
readers type.
"""

from __future__ import annotations

from ..models import OnetTitle
from ..titles import search_text, squash
from .onet_sheets import code_of, known_code, sheet_of
from .xlsx import text

ALTERNATE = "Alternate Titles.xlsx"
REPORTED = "Sample of Reported Titles.xlsx"
FILES = (ALTERNATE, REPORTED)
Kind = OnetTitle.Kind


def read_titles(fetched, known: dict) -> list[OnetTitle]:
    """Every distinct (code, kind, title) of the two files, in file order."""
    seen: set[tuple[str, str, str]] = set()
    titles: list[OnetTitle] = []

    def add(code: str, kind: str, title: str) -> None:
        title = title[:250]
        key = (code, kind, title.lower())
        if title and key not in seen:
            seen.add(key)
            titles.append(
                OnetTitle(code=code, soc=code[:7], title=title, kind=kind,
                          search=search_text(title)[:600], squashed=squash(title)[:250])
            )  # fmt: skip

    sheet, columns = sheet_of(
        fetched,
        ALTERNATE,
        {"code": r"o\*net-soc code", "title": r"alternate title", "short": r"short title"},
    )
    for at, row in sheet.numbered(2):
        code = code_of(sheet, at, row[columns["code"]])
        known_code(sheet, at, code, known)
        add(code, Kind.ALTERNATE, text(row[columns["title"]]))
        add(code, Kind.SHORT, text(row[columns["short"]]))
    sheet, columns = sheet_of(
        fetched, REPORTED, {"code": r"o\*net-soc code", "title": r"reported job title"}
    )
    for at, row in sheet.numbered(2):
        code = code_of(sheet, at, row[columns["code"]])
        known_code(sheet, at, code, known)
        add(code, Kind.REPORTED, text(row[columns["title"]]))
    return titles
