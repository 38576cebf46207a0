"""NCES's CIP 2020 to SOC 2018 crosswalk: its "CIP-SOC" sheet into
:class:`~officialstats.models.StudyProgram` rows (no-match rows left out)."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from ..models import StudyProgram
from .files import Fetched
from .xlsx import open_sheet, text

FILE = "CIP2020_SOC2018_Crosswalk.xlsx"
CIP = re.compile(r"\d{2}\.\d{4}")
SOC = re.compile(r"\d{2}-\d{4}")
NO_MATCH = ("99.9999", "99-9999")


@dataclass(frozen=True)
class Read:
    code: str  # "2020-2018"
    name: str  # "CIP 2020 to SOC 2018"
    reference_month: datetime.date
    rows: list[StudyProgram]

    def tables(self) -> dict:
        return {StudyProgram: self.rows}


def read(fetched: dict[str, Fetched]) -> Read:
    found = fetched[FILE]
    sheet = open_sheet(found.path, FILE, "CIP-SOC")
    columns = sheet.columns({"cip": r"cip(\d{4})code", "title": r"cip\d{4}title",
                             "soc": r"soc(\d{4})code"}, 1)  # fmt: skip
    headers = [text(cell).lower() for cell in sheet.rows[0]]
    cip_year = re.fullmatch(r"cip(\d{4})code", headers[columns["cip"]]).group(1)
    soc_year = re.fullmatch(r"soc(\d{4})code", headers[columns["soc"]]).group(1)
    rows, seen = [], set()
    for at, row in sheet.numbered(2):
        cip, soc = text(row[columns["cip"]]), text(row[columns["soc"]])
        if not cip and not soc:
            continue
        if not CIP.fullmatch(cip):
            raise sheet.problem(f"“{cip}” is not a six-digit CIP code (like 30.7001)", at)
        if not SOC.fullmatch(soc):
            raise sheet.problem(f"“{soc}” is not a SOC code (like 15-1252)", at)
        if cip in NO_MATCH or soc in NO_MATCH or (cip, soc) in seen:
            continue
        seen.add((cip, soc))
        rows.append(StudyProgram(cip_code=cip, soc=soc,
                                 title=text(row[columns["title"]]).rstrip(".")[:200]))  # fmt: skip
    if not rows:
        raise sheet.problem("no program matched to an occupation")
    return Read(
        f"{cip_year}-{soc_year}", f"CIP {cip_year} to SOC {soc_year}",
        datetime.date(int(cip_year), 1, 1), rows,
    )  # fmt: skip
