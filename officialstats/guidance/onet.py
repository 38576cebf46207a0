"""O*NET: the database's Excel files into O*NET rows.

The release is named by ``Read Me.txt`` ("O*NET 29.3 Database / May 2025
Release"). Every file's first sheet is read by position (Excel cuts sheet
names at 31 characters: "Education, Training, and Experi"), its columns by
header. Ratings O*NET recommends suppressing, or marks not relevant, are
left out; a skill or knowledge area is kept with its importance (1-5) and
level (0-7) side by side.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal

from ..importing.problems import ImportProblem
from ..models import (
    OnetEducation,
    OnetJobZone,
    OnetOccupation,
    OnetRating,
    OnetRelated,
    OnetTask,
    OnetTechnology,
    OnetTitle,
)
from .files import Fetched
from .onet_sheets import code_of, known_code, sheet_of
from .titles import FILES as TITLE_FILES
from .titles import read_titles
from .xlsx import Sheet, number, text

MONTHS = {
    name: index
    for index, name in enumerate(
        (
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ),
        start=1,
    )
}
README = "Read Me.txt"
FILES = (
    "Occupation Data.xlsx",
    "Job Zones.xlsx",
    "Job Zone Reference.xlsx",
    "Task Statements.xlsx",
    "Technology Skills.xlsx",
    "Skills.xlsx",
    "Knowledge.xlsx",
    "Education, Training, and Experience.xlsx",
    "Education, Training, and Experience Categories.xlsx",
    "Related Occupations.xlsx",
    *TITLE_FILES,
    README,
)
REQUIRED_EDUCATION = "2.D.1"  # O*NET's element "Required Level of Education"
YES, NO = "Y", "N"
TASK_KINDS = {"Core": OnetTask.Kind.CORE, "Supplemental": OnetTask.Kind.SUPPLEMENTAL, "": ""}


@dataclass
class Read:
    code: str  # "29.3"
    name: str  # "29.3"
    reference_month: datetime.date
    occupations: list[OnetOccupation] = field(default_factory=list)
    zones: list[OnetJobZone] = field(default_factory=list)
    tasks: list[OnetTask] = field(default_factory=list)
    technologies: list[OnetTechnology] = field(default_factory=list)
    ratings: list[OnetRating] = field(default_factory=list)
    education: list[OnetEducation] = field(default_factory=list)
    related: list[OnetRelated] = field(default_factory=list)
    titles: list[OnetTitle] = field(default_factory=list)

    def tables(self) -> dict:
        return {
            OnetOccupation: self.occupations,
            OnetJobZone: self.zones,
            OnetTask: self.tasks,
            OnetTechnology: self.technologies,
            OnetRating: self.ratings,
            OnetEducation: self.education,
            OnetRelated: self.related,
            OnetTitle: self.titles,
        }


def version(fetched: Fetched) -> tuple[str, datetime.date]:
    """("29.3", May 2025) from Read Me.txt."""
    said = fetched.path.read_text(errors="replace")
    found = re.search(r"O\*NET ([\d.]+) Database", said)
    month = re.search(rf"({'|'.join(MONTHS)}) (\d{{4}}) Release", said)
    if not found or not month:
        raise ImportProblem("does not name the database's version and release month", README)
    return found.group(1), datetime.date(int(month.group(2)), MONTHS[month.group(1)], 1)


def _flag(sheet: Sheet, at: int, column: str, value: object) -> bool:
    said = text(value) or NO
    if said not in (YES, NO):
        raise sheet.problem(f"“{said}” in column “{column}” is neither Y nor N", at)
    return said == YES


def read(fetched: dict[str, Fetched]) -> Read:
    code, month = version(fetched[README])
    read = Read(code, code, month)
    known = _occupations(fetched, read)
    _zones(fetched, read, known)
    _tasks(fetched, read, known)
    _technologies(fetched, read, known)
    for name, domain in (
        ("Skills.xlsx", OnetRating.Domain.SKILL),
        ("Knowledge.xlsx", OnetRating.Domain.KNOWLEDGE),
    ):
        _ratings(fetched, name, domain, read, known)
    _education(fetched, read, known)
    _related(fetched, read, known)
    read.titles = read_titles(fetched, known)
    return read


def _occupations(fetched, read: Read) -> dict[str, OnetOccupation]:
    sheet, columns = sheet_of(
        fetched,
        "Occupation Data.xlsx",
        {"code": r"o\*net-soc code", "title": r"title", "description": r"description"},
    )
    known: dict[str, OnetOccupation] = {}
    for at, row in sheet.numbered(2):
        code = code_of(sheet, at, row[columns["code"]])
        if code in known:
            raise sheet.problem(f"{code} appears twice", at)
        known[code] = OnetOccupation(
            code=code,
            soc=code[:7],
            title=text(row[columns["title"]]),
            description=text(row[columns["description"]]),
        )
    read.occupations = list(known.values())
    return known


def _zones(fetched, read: Read, known: dict) -> None:
    sheet, columns = sheet_of(
        fetched,
        "Job Zone Reference.xlsx",
        {
            "zone": r"job zone",
            "name": r"name",
            "experience": r"experience",
            "education": r"education",
            "training": r"job training",
            "examples": r"examples",
        },
    )
    for at, row in sheet.numbered(2):
        zone, _ = number(sheet, at, "Job Zone", row[columns["zone"]], {})
        read.zones.append(
            OnetJobZone(
                zone=int(zone),
                **{
                    key: text(row[columns[key]])
                    for key in ("name", "experience", "education", "training", "examples")
                },
            )
        )
    zones = {zone.zone for zone in read.zones}
    sheet, columns = sheet_of(
        fetched, "Job Zones.xlsx", {"code": r"o\*net-soc code", "zone": r"job zone"}
    )
    for at, row in sheet.numbered(2):
        code = code_of(sheet, at, row[columns["code"]])
        known_code(sheet, at, code, known)
        zone, _ = number(sheet, at, "Job Zone", row[columns["zone"]], {})
        if int(zone) not in zones:
            raise sheet.problem(f"Job Zone {zone} is not in the Job Zone Reference", at)
        known[code].job_zone = int(zone)


def _tasks(fetched, read: Read, known: dict) -> None:
    sheet, columns = sheet_of(
        fetched,
        "Task Statements.xlsx",
        {"code": r"o\*net-soc code", "id": r"task id", "task": r"task", "kind": r"task type"},
    )
    for at, row in sheet.numbered(2):
        code = code_of(sheet, at, row[columns["code"]])
        known_code(sheet, at, code, known)
        task_id, _ = number(sheet, at, "Task ID", row[columns["id"]], {})
        kind = text(row[columns["kind"]])
        if kind not in TASK_KINDS:
            raise sheet.problem(f"task type “{kind}” is neither Core nor Supplemental", at)
        read.tasks.append(
            OnetTask(
                code=code,
                position=at,
                task_id=int(task_id),
                text=text(row[columns["task"]]),
                kind=TASK_KINDS[kind],
            )
        )


def _technologies(fetched, read: Read, known: dict) -> None:
    sheet, columns = sheet_of(
        fetched,
        "Technology Skills.xlsx",
        {
            "code": r"o\*net-soc code",
            "example": r"example",
            "commodity": r"commodity title",
            "hot": r"hot technology",
            "demand": r"in demand",
        },
    )
    for at, row in sheet.numbered(2):
        code = code_of(sheet, at, row[columns["code"]])
        known_code(sheet, at, code, known)
        read.technologies.append(
            OnetTechnology(
                code=code,
                example=text(row[columns["example"]])[:200],
                commodity=text(row[columns["commodity"]])[:200],
                hot=_flag(sheet, at, "Hot Technology", row[columns["hot"]]),
                in_demand=_flag(sheet, at, "In Demand", row[columns["demand"]]),
            )
        )


RATING_COLUMNS = {
    "code": r"o\*net-soc code",
    "element": r"element id",
    "name": r"element name",
    "scale": r"scale id",
    "value": r"data value",
    "suppress": r"recommend suppress",
    "relevant": r"not relevant",
}


def _ratings(fetched, name: str, domain: str, read: Read, known: dict) -> None:
    sheet, columns = sheet_of(fetched, name, RATING_COLUMNS)
    found: dict[tuple[str, str], OnetRating] = {}
    dropped: set[tuple[str, str]] = set()
    for at, row in sheet.numbered(2):
        code = code_of(sheet, at, row[columns["code"]])
        known_code(sheet, at, code, known)
        key = (code, text(row[columns["element"]]))
        scale = text(row[columns["scale"]])
        if scale not in ("IM", "LV"):
            raise sheet.problem(f"scale “{scale}” is neither IM (importance) nor LV (level)", at)
        value, _ = number(sheet, at, "Data Value", row[columns["value"]], {})
        if _flag(sheet, at, "Not Relevant", row[columns["relevant"]]):
            dropped.add(key)
        rating = found.setdefault(
            key,
            OnetRating(
                code=code, domain=domain, element_id=key[1], name=text(row[columns["name"]])
            ),
        )
        if _flag(sheet, at, "Recommend Suppress", row[columns["suppress"]]):
            continue
        if scale == "IM":
            rating.importance = value
        else:
            rating.level = value
    read.ratings += [
        rating
        for key, rating in found.items()
        if key not in dropped and rating.importance is not None
    ]


def _education(fetched, read: Read, known: dict) -> None:
    sheet, columns = sheet_of(
        fetched,
        "Education, Training, and Experience Categories.xlsx",
        {
            "element": r"element id",
            "scale": r"scale id",
            "category": r"category",
            "label": r"category description",
        },
    )
    labels = {}
    for at, row in sheet.numbered(2):
        if text(row[columns["element"]]) == REQUIRED_EDUCATION:
            category, _ = number(sheet, at, "Category", row[columns["category"]], {})
            labels[int(category)] = text(row[columns["label"]])
    if not labels:
        raise sheet.problem(f"no categories for {REQUIRED_EDUCATION}, Required Level of Education")
    sheet, columns = sheet_of(
        fetched,
        "Education, Training, and Experience.xlsx",
        {
            "code": r"o\*net-soc code",
            "element": r"element id",
            "category": r"category",
            "value": r"data value",
            "suppress": r"recommend suppress",
        },
    )
    for at, row in sheet.numbered(2):
        if text(row[columns["element"]]) != REQUIRED_EDUCATION:
            continue
        code = code_of(sheet, at, row[columns["code"]])
        known_code(sheet, at, code, known)
        category, _ = number(sheet, at, "Category", row[columns["category"]], {})
        if int(category) not in labels:
            raise sheet.problem(f"category {category} has no description in its Categories", at)
        suppressed = _flag(sheet, at, "Recommend Suppress", row[columns["suppress"]])
        percent, _ = number(sheet, at, "Data Value", row[columns["value"]], {})
        read.education.append(
            OnetEducation(
                code=code,
                category=int(category),
                label=labels[int(category)][:300],
                percent=None if suppressed else percent.quantize(Decimal("0.01")),
                suppressed=suppressed,
            )
        )


TIERS = {tier.label: tier for tier in OnetRelated.Tier}


def _related(fetched, read: Read, known: dict) -> None:
    sheet, columns = sheet_of(
        fetched,
        "Related Occupations.xlsx",
        {"code": r"o\*net-soc code", "related": r"related o\*net-soc code",
         "title": r"related title", "tier": r"relatedness tier", "index": r"index"},
    )  # fmt: skip
    for at, row in sheet.numbered(2):
        code = code_of(sheet, at, row[columns["code"]])
        known_code(sheet, at, code, known)
        related = code_of(sheet, at, row[columns["related"]])
        tier = TIERS.get(text(row[columns["tier"]]))
        if tier is None:
            raise sheet.problem(
                f"relatedness tier “{text(row[columns['tier']])}” is not O*NET's", at
            )
        index, _ = number(sheet, at, "Index", row[columns["index"]], {})
        read.related.append(
            OnetRelated(code=code, related=related, related_title=text(row[columns["title"]])[:200],
                        tier=tier, index=int(index))
        )  # fmt: skip
