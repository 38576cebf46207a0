"""BEA Regional Price Parities: the state and metropolitan CSV files into
:class:`~officialstats.models.PriceParity` rows, one per place.

Two layouts are read. BEA's own (the state file here; the metro file as BEA
publishes it): GeoFIPS, GeoName, Region, TableName, LineCode,
IndustryClassification, Description, Unit, then one column per year, and
BEA's notes at the end. And a reduced one (the metro copy here): GeoFIPS,
GeoName, Description and one year's column ("RPP 2023"), its values
rounded to two decimals, which the rows record. Rows are matched by their
description ("RPPs: Services: Housing"); the latest year is read, and both
files must give the same one. GeoFIPS codes come quoted with a leading space
(``' "06000"'``); a value BEA marks "(NA)" or "(D)" is kept empty.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from ..importing.problems import ImportProblem
from ..models import PriceParity
from .files import Fetched

STATES = "SARPP_STATE_2008_2023.csv"
METROS = "MARPP_MSA_2008_2023.csv"
FILES = (STATES, METROS)
MEASURES = {
    "rpps: all items": "all_items",
    "rpps: goods": "goods",
    "rpps: services: housing": "housing",
    "rpps: services: utilities": "utilities",
    "rpps: services: other": "other",
}
NOT_SHOWN = {"(NA)", "(D)", "(NM)", "(L)", "..."}
FIPS = re.compile(r"\d{1,5}")
UPDATED = re.compile(r"Last updated: (\w+ \d{1,2}, \d{4})")
Kind = PriceParity.Kind


@dataclass
class Read:
    code: str  # "2023"
    name: str  # "2023"
    reference_month: datetime.date
    published_on: datetime.date | None = None  # BEA's "last updated"
    rows: list[PriceParity] = field(default_factory=list)

    def tables(self) -> dict:
        return {PriceParity: self.rows}


def _text(fetched: Fetched) -> str:
    """UTF-8 (with or without BOM) as the copies here are, else Latin-1 as
    older BEA downloads were."""
    raw = fetched.path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _kind(fips: str, name: str) -> tuple[str, str]:
    """The place's kind and OEWS's code for it ("" for none)."""
    if fips == "00000":
        return Kind.NATION, "0000000"
    if fips == "00999" or "nonmetropolitan" in name.lower():
        return Kind.NONMETRO, ""
    if fips.endswith("000"):
        return Kind.STATE, f"{fips[:2]}00000"
    return Kind.METRO, f"00{fips}"


def _value(file: str, line: int, said: str) -> Decimal | None:
    said = said.strip()
    if said in NOT_SHOWN or not said:
        return None
    try:
        value = Decimal(said)
    except InvalidOperation as error:
        raise ImportProblem(f"“{said}” is not a price level", file, line) from error
    if not 0 < value < 1000:
        raise ImportProblem(f"{said} is not a price level (the nation = 100)", file, line)
    return value


def read_file(fetched: Fetched) -> tuple[int, bool, dict[str, PriceParity], str]:
    """One file's places (by GeoFIPS), the year read, whether its values were
    rounded, and BEA's "last updated" date if it says one."""
    name = fetched.file.name
    text = _text(fetched)
    rows = list(csv.reader(io.StringIO(text), skipinitialspace=True))
    if not rows:
        raise ImportProblem("is empty", name)
    header = [cell.strip().lower() for cell in rows[0]]
    if not header or header[0] != "geofips" or "description" not in header:
        raise ImportProblem("has no GeoFIPS and Description columns in its first row", name, 1)
    description = header.index("description")
    years = [(i, int(h)) for i, h in enumerate(header) if re.fullmatch(r"\d{4}", h)]
    reduced = [(i, int(m.group(1))) for i, h in enumerate(header)
               if (m := re.fullmatch(r"rpp (\d{4})", h))]  # fmt: skip
    columns = years or reduced
    if not columns:
        raise ImportProblem("has no year's column (2023, or “RPP 2023”)", name, 1)
    column, year = max(columns, key=lambda found: found[1])
    places: dict[str, PriceParity] = {}
    for line, row in enumerate(rows[1:], start=2):
        if len(row) <= column:  # BEA's notes after the table
            continue
        measure = MEASURES.get(row[description].strip().lower())
        if measure is None:
            continue
        fips = row[0].strip().strip('"').strip()
        if not FIPS.fullmatch(fips):
            raise ImportProblem(f"“{row[0]}” is not a GeoFIPS code", name, line)
        fips = fips.zfill(5)
        place_name = row[1].strip()
        if fips not in places:
            kind, area = _kind(fips, place_name)
            places[fips] = PriceParity(geo_fips=fips, name=place_name[:200], kind=kind,
                                       area_code=area, rounded=not years)  # fmt: skip
        setattr(places[fips], measure, _value(name, line, row[column]))
    if not places:
        raise ImportProblem("has no regional price parities (RPPs: All items, ...)", name)
    updated = next((m.group(1) for line in rows[-6:] for cell in line
                    if (m := UPDATED.search(cell))), "")  # fmt: skip
    return year, not years, places, updated


def read(fetched: dict[str, Fetched]) -> Read:
    years, found, updated = set(), {}, []
    for file in FILES:
        year, _, places, said = read_file(fetched[file])
        years.add(year)
        updated.append(said)
        for fips, place in places.items():
            found.setdefault(fips, place)  # the nation is in both: the state file's, unrounded
    if len(years) != 1:
        said = " and ".join(map(str, sorted(years)))
        raise ImportProblem(f"the two files give different years ({said})", METROS)
    year = years.pop()
    said = next(filter(None, updated), "")
    published = datetime.datetime.strptime(said, "%B %d, %Y").date() if said else None
    if "00000" not in found or found["00000"].all_items != 100:
        raise ImportProblem("has no parity of 100 for the United States", STATES)
    return Read(str(year), str(year), datetime.date(year, 1, 1), published, list(found.values()))
