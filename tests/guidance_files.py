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


def with_row_value(code: str, index: int, value) -> list[tuple]:
    """EP_ROWS with one cell of ``code``'s row replaced: a broken copy."""
    return [(*row[:index], value, *row[index + 1 :]) if row[1] == code else row for row in EP_ROWS]


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
    write_onet(root / "onet-29.3")
    write_cip(root / "cip-soc-2020" / "CIP2020_SOC2018_Crosswalk.xlsx")
    write_rpp(root / "rpp-2023")
    write_sums(root)
    return root


# BEA's Regional Price Parities, 2023: BEA's own figures for the places named
# (all items, goods, housing, utilities, other services).
RPP_STATES = [
    ("00000", "United States", ("100.000", "99.505", "100.742", "98.645", "100.160")),
    ("06000", "California", ("112.581", "107.530", "157.839", "142.080", "104.826")),
    ("48000", "Texas", ("97.175", "98.412", "97.436", "92.663", "96.419")),
]
RPP_METROS = [
    ("0", "United States", ("100", "99.51", "100.74", "98.65", "100.16")),
    ("999", "United States (Nonmetropolitan Portion)", ("88.22", "95.26", "58.95", "89.12",
                                                        "97.05")),
    ("12420", "Austin-Round Rock-Georgetown, TX (Metropolitan Statistical Area)",
     ("97.62", "91.94", "126.36", "89.54", "95.27")),
    ("41940", "San Jose-Sunnyvale-Santa Clara, CA (Metropolitan Statistical Area)",
     ("112.87", "104.56", "213.01", "135.18", "104.29")),
]  # fmt: skip
RPP_LINES = ("RPPs: All items ", " RPPs: Goods ", " RPPs: Services: Housing ",
             " RPPs: Services: Utilities ", " RPPs: Services: Other ")  # fmt: skip
BEA_YEARS = tuple(range(2008, 2024))


def bea_layout(path: Path, places, table: str = "SARPP") -> Path:
    """A file in BEA's own layout: every year a column (the tests' figures in
    2023's, 1.0 before), quoted codes with a leading space, BEA's notes at the end."""
    lines = ['GeoFIPS,GeoName,Region,TableName,LineCode,IndustryClassification,Description,'
             f'Unit,{",".join(map(str, BEA_YEARS))}']  # fmt: skip
    for fips, name, values in places:
        lines.append(f' "{fips.zfill(5)}","{name}",5,{table},1,"...", "Real personal income",'
                     f'"Millions",{",".join(["1.0"] * len(BEA_YEARS))}')  # fmt: skip
        for code, (label, value) in enumerate(zip(RPP_LINES, values, strict=True), start=5):
            years = ",".join(["1.0"] * (len(BEA_YEARS) - 1) + [value])
            lines.append(f' "{fips.zfill(5)}","{name}",5,{table},{code},"...","{label}",'
                         f'"Index",{years}')  # fmt: skip
    lines += ['"Note: See the included footnote file."', f'"{table}: Regional price parities"',
              '"Last updated: February 20, 2025-- revised statistics for 2010-2019."',
              '"U.S. Bureau of Economic Analysis"']  # fmt: skip
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n")
    return path


def reduced_layout(path: Path, places) -> Path:
    """The metro copy's reduced layout: four columns, one year, two decimals."""
    lines = ["GeoFIPS,GeoName,Description,RPP 2023"]
    for at, label in enumerate(RPP_LINES):
        for fips, name, values in places:
            lines.append(f'{fips},"{name}",{label},{values[at]}')
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n")
    return path


def write_rpp(folder: Path, *, metros: str = "reduced") -> Path:
    """The state file in BEA's layout; the metro file reduced (as here) or in BEA's."""
    bea_layout(folder / "SARPP_STATE_2008_2023.csv", RPP_STATES)
    metro = folder / "MARPP_MSA_2008_2023.csv"
    if metros == "bea":
        bea_layout(metro, RPP_METROS, "MARPP")
    else:
        reduced_layout(metro, RPP_METROS)
    return folder


# O*NET: made-up content in O*NET's own layouts (the database's Excel files),
# for a few occupations; only the codes, the job zones' names and what the
# tests check against guidance.md's public figures are O*NET's.
ONET_README = """O*NET 29.3 Database
May 2025 Release
----------------

The content of the O*NET 29.3 Database is licensed under a Creative Commons Attribution 4.0
International License.
"""
ONET_OCCUPATIONS = [
    ("15-1252.00", "Software Developers", "Research, design, and develop software.", 4),
    ("15-2051.00", "Data Scientists", "Develop and implement methods to analyze data.", 4),
    ("15-2051.01", "Business Intelligence Analysts", "Produce financial and market reports.", 4),
    ("15-1299.00", "Computer Occupations, All Other", "All computer occupations not listed.", 3),
    ("15-1299.05", "Information Security Engineers", "Develop information security plans.", 4),
    ("15-1299.07", "Blockchain Engineers", "Maintain and support distributed systems.", 4),
    ("27-2011.00", "Actors", "Play parts in stage, television or film productions.", 2),
    ("29-1211.00", "Anesthesiologists", "Administer anesthetics and analgesics.", 5),
    ("29-2011.00", "Medical and Clinical Laboratory Technologists", "Perform complex tests.", 4),
    ("29-2012.00", "Medical and Clinical Laboratory Technicians", "Perform routine tests.", 3),
]
ONET_ZONES = [
    (1, "Job Zone One: Little or No Preparation Needed"),
    (2, "Job Zone Two: Some Preparation Needed"),
    (3, "Job Zone Three: Medium Preparation Needed"),
    (4, "Job Zone Four: Considerable Preparation Needed"),
    (5, "Job Zone Five: Extensive Preparation Needed"),
]
SD_FIRST_TASK = (
    "Analyze information to determine, recommend, and plan installation of a new system or "
    "modification of an existing system."
)
ONET_TASKS = [
    ("15-1252.00", 21661, SD_FIRST_TASK, None),
    *[("15-1252.00", 21662 + i, f"Software task number {i + 2}.", None) for i in range(6)],
    ("15-2051.00", 30001, "Supplemental data task.", "Supplemental"),
    ("15-2051.00", 30002, "Core data task.", "Core"),
    ("15-2051.01", 30101, "Business intelligence task.", "Core"),
    ("15-1299.05", 30501, "Security engineering task.", "Core"),
    ("15-1299.07", 30701, "Blockchain task.", "Core"),
    ("27-2011.00", 31101, "Learn parts.", "Core"),
    ("29-1211.00", 32101, "Administer anesthetics.", "Core"),
    ("29-2011.00", 32201, "Analyze samples.", "Core"),
    ("29-2012.00", 32301, "Prepare samples.", "Core"),
]
ONET_TECHNOLOGY = [
    ("15-1252.00", f"Tool {i:02d}", "Development environment software",
     "Y" if i % 2 else "N", "Y" if i < 3 else "N")
    for i in range(25)
] + [("29-1211.00", "Epic Systems", "Medical software", "Y", "N")]  # fmt: skip
# (code, element id, name, importance, level, importance suppressed, level not relevant)
ONET_SKILLS = [
    ("29-1211.00", "2.A.1.a", "Reading Comprehension", 4.5, 5.12, "N", "N"),
    ("29-1211.00", "2.A.1.b", "Active Listening", 4.62, 4.88, "N", "N"),
    ("29-1211.00", "2.A.1.c", "Writing", 3.5, 3.9, "Y", "N"),  # importance suppressed
    ("29-1211.00", "2.A.1.d", "Speaking", 2.0, 0.0, "N", "Y"),  # level not relevant: dropped
]
ONET_KNOWLEDGE = [
    ("29-1211.00", "2.C.7.a", "Medicine and Dentistry", 4.9, 6.5, "N", "N"),
]
ONET_EDUCATION_LABELS = [
    (1, "Less than a High School Diploma"),
    (2, "High School Diploma - or the equivalent (for example, GED)"),
    (6, "Bachelor's Degree"),
    (8, "Master's Degree"),
    (11, "Doctoral Degree"),
]
# (code, category, share, suppressed)
ONET_EDUCATION = [
    ("29-1211.00", 1, 0, "N"),
    ("29-1211.00", 6, 12.5, "Y"),
    ("29-1211.00", 8, 20.25, "N"),
    ("29-1211.00", 11, 67.25, "N"),
]


# (code, related code, related title, tier, index): a self-link, a finer code, its
# duplicate further down, an occupation OEWS does not publish, and one that pays more.
ONET_RELATED = [
    ("15-1252.00", "15-1252.00", "Software Developers", "Primary-Short", 1),
    ("15-1252.00", "15-2051.01", "Business Intelligence Analysts", "Primary-Short", 2),
    ("15-1252.00", "15-1253.00", "Software Quality Assurance Analysts", "Primary-Short", 3),
    ("15-1252.00", "55-1011.00", "Air Crew Officers", "Primary-Long", 1),
    ("15-1252.00", "15-2051.00", "Data Scientists", "Supplemental", 1),
    ("15-2051.00", "15-1252.00", "Software Developers", "Primary-Short", 1),
    ("27-2011.00", "27-2012.00", "Producers and Directors", "Primary-Short", 1),
]


# (code, alternate title, short title): O*NET's own titles for these codes,
# except that "Anesthesiology Physician" with "MD" is made up.
ONET_ALTERNATE_TITLES = [
    ("15-1252.00", "Software Engineer", None),
    ("15-1252.00", "Full Stack Software Engineer", None),
    ("15-2051.00", "Machine Learning Engineer", None),
    ("15-2051.01", "Business Intelligence Analyst", "BI Analyst"),
    ("29-1211.00", "Anesthesiology Physician", "MD"),
    ("29-1211.00", "Anesthesiology Physician", "MD"),  # O*NET lists a title per source
]
# (code, reported job title)
ONET_REPORTED_TITLES = [
    ("15-1252.00", "Software Engineer"),  # also an alternate title: found once
    ("27-2011.00", "Stage Performer"),
]


def _workbook(path: Path, sheet: str, header: tuple, rows) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    table = workbook.active
    table.title = sheet[:31]
    table.append(header)
    for row in rows:
        table.append(row)
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)


def write_onet(folder: Path, **replace) -> Path:
    """The O*NET files the importer reads, each as O*NET lays it out; ``replace``
    swaps a file's rows (by its name without ".xlsx")."""
    titles = {code: title for code, title, _, _ in ONET_OCCUPATIONS}
    code, title = "O*NET-SOC Code", "Title"
    files = {
        "Occupation Data": ((code, title, "Description"),
                            [(c, t, d) for c, t, d, _ in ONET_OCCUPATIONS]),
        "Job Zones": ((code, title, "Job Zone", "Date", "Domain Source"),
                      [(c, t, z, "08/2023", "Analyst") for c, t, _, z in ONET_OCCUPATIONS]),
        "Job Zone Reference": (("Job Zone", "Name", "Experience", "Education", "Job Training",
                                "Examples", "SVP Range"),
                               [(z, n, "Some experience.", f"Education for zone {z}.",
                                 "Some training.", "Examples.", "(range)") for z, n in ONET_ZONES]),
        "Task Statements": ((code, title, "Task ID", "Task", "Task Type", "Incumbents Responding",
                             "Date", "Domain Source"),
                            [(c, titles[c], i, t, k, 10, "08/2023", "Incumbent")
                             for c, i, t, k in ONET_TASKS]),
        "Technology Skills": ((code, title, "Example", "Commodity Code", "Commodity Title",
                               "Hot Technology", "In Demand"),
                              [(c, titles[c], e, 43232202, m, h, d)
                               for c, e, m, h, d in ONET_TECHNOLOGY]),
        "Skills": _ratings(ONET_SKILLS, titles),
        "Knowledge": _ratings(ONET_KNOWLEDGE, titles),
        "Education, Training, and Experience": (
            (code, title, "Element ID", "Element Name", "Scale ID", "Scale Name", "Category",
             "Data Value", "N", "Standard Error", "Lower CI Bound", "Upper CI Bound",
             "Recommend Suppress", "Date", "Domain Source"),
            [(c, titles[c], "2.D.1", "Required Level of Education", "RL", "Required Level",
              k, v, 20, 1.0, None, None, s, "08/2023", "Incumbent")
             for c, k, v, s in ONET_EDUCATION]),
        "Related Occupations": ((code, title, "Related O*NET-SOC Code", "Related Title",
                                 "Relatedness Tier", "Index"),
                                [(c, titles[c], r, t, k, i) for c, r, t, k, i in ONET_RELATED]),
        "Alternate Titles": ((code, title, "Alternate Title", "Short Title", "Source(s)"),
                             [(c, titles[c], a, t, "08") for c, a, t in ONET_ALTERNATE_TITLES]),
        "Sample of Reported Titles": ((code, title, "Reported Job Title", "Shown in My Next Move"),
                                      [(c, titles[c], r, "Y") for c, r in ONET_REPORTED_TITLES]),
        "Education, Training, and Experience Categories": (
            ("Element ID", "Element Name", "Scale ID", "Scale Name", "Category",
             "Category Description"),
            [("2.D.1", "Required Level of Education", "RL", "Required Level", k, d)
             for k, d in ONET_EDUCATION_LABELS]),
    }  # fmt: skip
    for name, (header, rows) in files.items():
        rows = replace.get(name.replace(" ", "_").replace(",", ""), rows)
        _workbook(folder / f"{name}.xlsx", name, header, rows)
    (folder / "Read Me.txt").write_text(ONET_README)
    return folder


def _ratings(rows, titles) -> tuple:
    header = ("O*NET-SOC Code", "Title", "Element ID", "Element Name", "Scale ID", "Scale Name",
              "Data Value", "N", "Standard Error", "Lower CI Bound", "Upper CI Bound",
              "Recommend Suppress", "Not Relevant", "Date", "Domain Source")  # fmt: skip
    out = []
    for code, element, name, importance, level, suppress, irrelevant in rows:
        out.append((code, titles[code], element, name, "IM", "Importance", importance, 8, 0.1,
                    None, None, suppress, None, "08/2023", "Analyst"))  # fmt: skip
        out.append((code, titles[code], element, name, "LV", "Level", level, 8, 0.1,
                    None, None, "N", irrelevant, "08/2023", "Analyst"))  # fmt: skip
    return header, out


# NCES's CIP 2020 to SOC 2018 crosswalk: its CIP-SOC sheet, with the real
# matches of the programs named (and a no-match row, as the file has them).
CIP_SOC = [
    ("11.0701", "Computer Science.", "15-1252", "Software Developers"),
    ("14.0903", "Computer Software Engineering.", "15-1252", "Software Developers"),
    ("30.7001", "Data Science, General.", "15-1252", "Software Developers"),
    ("30.7001", "Data Science, General.", "15-2051", "Data Scientists"),
    ("01.0508", "Taxidermy/Taxidermist.", "99-9999", "NO MATCH"),
    ("51.1203", "Anesthesiology.", "29-1211", "Anesthesiologists"),
]


def write_cip(path: Path, rows=CIP_SOC) -> Path:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.title = "File Guide"
    workbook.active.append(("File Name", "Description"))
    table = workbook.create_sheet("CIP-SOC")
    table.append(("CIP2020Code", "CIP2020Title", "SOC2018Code", "SOC2018Title"))
    for row in rows:
        table.append(row)
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path
