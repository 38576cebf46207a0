"""Small copies of the guidance datasets' files, in their publishers' formats,
built by the tests (never copies of the real files): a folder laid out as
CAREERGUIDE_DATA_DIR is, with its SHA256SUMS.

The EP rows are BLS's own 2024-34 figures for the occupations they name
(software developers 1,693.8 -> 1,961.4 thousand, +15.8%...), copied from
the published table; a test changes them where it needs a broken file.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

EN = "\u2013"
EP_TITLE = f"Table 1.2 Occupational projections, 2024{EN}2034, and worker characteristics, 2024 (Employment in thousands)"  # noqa: E501
EP_HEADER = (
    "2024 National Employment Matrix title", "2024 National Employment Matrix code",
    "Occupation type", "Employment, 2024", "Employment, 2034",
    "Employment distribution, percent, 2024", "Employment distribution, percent, 2034",
    f"Employment change, numeric, 2024{EN}34", f"Employment change, percent, 2024{EN}34",
    "Percent self employed, 2024", f"Occupational openings, 2024{EN}34 annual average",
    "Median annual wage, dollars, 2024[1]", "Typical education needed for entry",
    "Work experience in a related occupation",
    "Typical on-the-job training needed to attain competency in the occupation",
    "Related Occupational Outlook Handbook (OOH) content xlsx",
)  # fmt: skip
DASH = "\u2014"
EP_ROWS = [
    ("Total, all occupations", "00-0000", "Summary", 169956.1, 175167.9, 100, 100, 5211.8, 3.1,
     5.8, 18863.3, 49500, DASH, DASH, DASH, DASH),
    ("  Computer and mathematical occupations", "15-0000", "Summary", 5416.7, 5962.3, 3.2, 3.4,
     545.6, 10.1, 2, 355.4, 105850, DASH, DASH, DASH, DASH),
    ("    Computer occupations", "15-1200", "Summary", 4985.6, 5414.4, 2.9, 3.1, 428.8, 8.6, 2.1,
     317.7, 105990, DASH, DASH, DASH, DASH),
    ("        Software developers", "15-1252", "Line item", 1693.8, 1961.4, 1, 1.1, 267.7, 15.8,
     1.6, 115.2, 133080, "Bachelor's degree", "None", "None", "OOH Content"),
    ("      Data scientists", "15-2051", "Line item", 245.9, 328.3, 0.1, 0.2, 82.5, 33.5, 1.8,
     23.4, 112590, "Bachelor's degree", "None", "None", "OOH Content"),
    ("      Legislators", "11-1031", "Line item", 27.7, 28.6, 0, 0, 0.9, 3.4, DASH, 2.2, 44810,
     "Bachelor's degree", "Less than 5 years", "None", DASH),
    ("        Actors", "27-2011", "Line item", 57, 57.1, 0, 0, 0.2, 0.3, 27.9, 6.3, DASH,
     "Some college, no degree", "None", "Long-term on-the-job training", "OOH Content"),
    ("      Registered nurses", "29-1141", "Line item", 3391, 3557.1, 2, 2, 166.1, 4.9, 0.5,
     189.1, 93600, "Bachelor's degree", "None", "None", "OOH Content"),
    ("        Word processors and typists", "43-9022", "Line item", 40, 25.6, 0, 0, -14.4, -36.1,
     7.5, 2.2, 47850, "High school diploma or equivalent", "None",
     "Short-term on-the-job training", DASH),
]  # fmt: skip
EP_FOOTNOTES = [
    ("Footnotes:",),
    ("[1] Data are from the Occupational Employment and Wage Statistics program.",),
    (f'Note: Data is unavailable for values denoted with a "{DASH}".',),
    ("Source: Employment Projections program, U.S. Bureau of Labor Statistics",),
]


def write_ep(path: Path, rows: list[tuple] | None = None, *, header=EP_HEADER, sheet="Table 1.2"):
    """occupation.xlsx as BLS lays it out: an index sheet, then Table 1.2."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.title = "Index"
    workbook.active.append(("Occupation.xlsx contents",))
    table = workbook.create_sheet(sheet)
    table.append((EP_TITLE,))
    table.append(header)
    for row in EP_ROWS if rows is None else rows:
        table.append(row)
    for row in EP_FOOTNOTES:
        table.append(row)
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path


def write_sums(root: Path) -> None:
    """SHA256SUMS for every file under ``root``, as sha256sum writes it."""
    lines = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.name != "SHA256SUMS":
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            lines.append(f"{digest}  {path.relative_to(root).as_posix()}")
    (root / "SHA256SUMS").write_text("\n".join(lines) + "\n")


def guidance_folder(root: Path, **ep) -> Path:
    """A CAREERGUIDE_DATA_DIR with the datasets' small files and their sums."""
    write_ep(root / "ep-2024-34" / "occupation.xlsx", **ep)
    write_sums(root)
    return root
