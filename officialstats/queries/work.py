"""What an occupation's work is, from O*NET, for its page: the O*NET
occupations that describe it and their content, in six queries (none
without a live O*NET release).

OEWS's six-digit codes map to O*NET's eight-digit ones: ``.00`` is the
occupation itself, other suffixes O*NET's finer occupations inside it. Twelve
OEWS codes are aggregates O*NET splits into older codes (``SPLITS``, from the
O*NET-SOC taxonomy as ``../shared/data/guidance.md`` lists it): their parts
are shown, each named.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from ..live import LiveRelease, live_release
from ..models import (
    OnetEducation,
    OnetJobZone,
    OnetOccupation,
    OnetRating,
    OnetTask,
    OnetTechnology,
    Program,
    StudyProgram,
)
from .sql import fetch_rows, fixed, marks, table

SPLITS = {
    "13-1020": ("13-1021", "13-1022", "13-1023"),
    "13-2020": ("13-2022", "13-2023"),
    "21-1018": ("21-1011", "21-1014"),
    "25-2052": ("25-2055", "25-2056"),
    "25-9045": ("25-9042", "25-9043", "25-9049"),
    "29-2010": ("29-2011", "29-2012"),
    "31-1120": ("31-1121", "31-1122"),
    "39-7010": ("39-7011", "39-7012"),
    "47-4090": ("47-4091", "47-4099"),
    "51-2028": ("51-2022", "51-2023"),
    "51-2090": ("51-2092", "51-2099"),
    "53-1047": ("53-1042", "53-1043", "53-1044", "53-1049"),
}
SHOWN_RATINGS = 6  # the most important skills, and knowledge areas, of each part
FIRST_TASKS = 5  # shown at once; the rest one tap away
SHOWN_TECHNOLOGIES = 15  # in demand and hot first; the other hot ones one tap away
MORE_TECHNOLOGIES = 40  # more than this left to O*NET OnLine (linked) rather than listed
# Where several O*NET occupations are shown (finer ones, or an OEWS code's
# parts), each shows less, so the page stays within its size budget.
FIRST_TASKS_OF_PART = 3
TECHNOLOGIES_OF_PART = 8
RATINGS_OF_PART = 5
BRIEF_AFTER = 1  # more parts than this: ratings, education and technology on O*NET OnLine


@dataclass(frozen=True)
class Task:
    text: str
    kind: str  # "core", "supplemental", "" (O*NET gives no type)


def short_label(label: str) -> str:
    """O*NET's education category without its examples: "Post-Secondary Certificate"."""
    for cut in (" - ", " (", " -"):
        label = label.split(cut)[0]
    return label.strip()


@dataclass(frozen=True)
class Rated:
    name: str
    importance: Decimal
    level: Decimal | None


@dataclass(frozen=True)
class Technology:
    name: str
    hot: bool
    in_demand: bool


@dataclass
class Part:
    """One O*NET occupation whose content the page shows."""

    code: str
    title: str
    description: str
    job_zone: int | None
    tasks: list[Task] = field(default_factory=list)
    skills: list[Rated] = field(default_factory=list)
    knowledge: list[Rated] = field(default_factory=list)
    skills_rated: int = 0
    knowledge_rated: int = 0
    technologies: list[Technology] = field(default_factory=list)
    education: list[tuple[int, str, Decimal | None]] = field(default_factory=list)

    @property
    def education_shown(self) -> list[tuple[str, Decimal | None]]:
        """Each level some workers name, lowest first, in short, for the chart and
        table; None for a share O*NET recommends suppressing (shown as such)."""
        return [
            (short_label(label), percent)
            for _, label, percent in sorted(self.education, key=lambda row: row[0])
            if percent is None or percent > 0
        ]

    @property
    def education_suppressed(self) -> bool:
        return any(percent is None for _, percent in self.education_shown)

    job_zone_ref: OnetJobZone | None = None
    technologies_listed: int = (
        0  # every technology O*NET lists (only the hot and in demand are read)
    )
    compact: bool = False  # one of several parts shown: less of each, to keep the page light
    brief: bool = False  # one of many: its description, tasks and job zone, and a link for more

    @property
    def education_bars(self) -> list[dict]:
        """The chart's bars: 14 units high, 6 apart, up to 200 units for 100%."""
        return [
            {"label": label, "percent": percent, "y": index * 20,
             "width": int((percent * 2).to_integral_value()) if percent is not None else 0}
            for index, (label, percent) in enumerate(self.education_shown)
        ]  # fmt: skip

    @property
    def education_height(self) -> int:
        return max(20 * len(self.education_shown), 20)

    @property
    def rated_blocks(self) -> list[tuple[str, list[Rated], int]]:
        """(heading, the most important, how many O*NET rates) for skills and knowledge."""
        blocks = [("Skills", self.skills, self.skills_rated),
                  ("Knowledge", self.knowledge, self.knowledge_rated)]  # fmt: skip
        return [block for block in blocks if block[1]]

    @property
    def in_demand_count(self) -> int:
        return sum(1 for tech in self.technologies if tech.in_demand)

    @property
    def first_tasks(self) -> list[Task]:
        return self.tasks[: FIRST_TASKS_OF_PART if self.compact else FIRST_TASKS]

    @property
    def more_tasks(self) -> list[Task]:
        """The rest, one tap away (a brief part's are on O*NET OnLine, linked)."""
        if self.brief:
            return []
        return self.tasks[FIRST_TASKS_OF_PART if self.compact else FIRST_TASKS :]

    @property
    def shown_technologies(self) -> list[Technology]:
        return self.technologies[: TECHNOLOGIES_OF_PART if self.compact else SHOWN_TECHNOLOGIES]

    @property
    def more_technologies(self) -> list[Technology]:
        """The other hot technologies (every one is on O*NET OnLine, linked), for
        an occupation of its own: the page has a size budget."""
        if self.compact or len(self.technologies) > SHOWN_TECHNOLOGIES + MORE_TECHNOLOGIES:
            return []
        return [tech for tech in self.technologies[SHOWN_TECHNOLOGIES:] if tech.hot]

    @property
    def onet_online(self) -> str:
        """O*NET's own page for the occupation, with every technology it lists."""
        return f"https://www.onetonline.org/link/summary/{self.code}"

    @property
    def hot(self) -> list[Technology]:
        return [t for t in self.technologies if t.hot]


@dataclass(frozen=True)
class Finer:
    code: str
    title: str
    description: str


@dataclass
class Work:
    release: LiveRelease
    how: str  # "own" (its .00), "finer" (its .00 is empty: the finer ones), "split", "none"
    parts: list[Part]
    finer: list[Finer]  # O*NET's finer occupations not shown in full
    zones: dict[int, OnetJobZone]

    @property
    def single(self) -> Part | None:
        """The one O*NET occupation shown, as the page's own (never for a split
        code: its one part shown is still a part, and named)."""
        return self.parts[0] if len(self.parts) == 1 and self.how != "split" else None


KIND_ORDER = {"core": 0, "supplemental": 1}


def _describing(soc: str, occupations: list, tasks: dict) -> list:
    """The O*NET occupations that describe ``soc``: its own (``.00``) when
    O*NET gives it tasks, else its finer ones that have tasks, else its own
    (a description without tasks)."""
    own = [o for o in occupations if o.code == f"{soc}.00"]
    if own and tasks[own[0].code]:
        return own
    finer = [o for o in occupations if o.code.startswith(soc) and o not in own and tasks[o.code]]
    return finer or own


@dataclass(frozen=True)
class _Occupation:
    code: str
    title: str
    description: str
    job_zone: int | None


HUNDREDTH = Decimal("0.01")  # O*NET's ratings and shares: NUMERIC(…, 2)


def load_work(code: str) -> Work | None:
    """O*NET's content for the OEWS occupation ``code``; None without a live O*NET release.

    Plain SQL rows, not model instances, as the other loaders of this page:
    it renders cold, and an occupation has dozens of ratings and hundreds of
    technologies (only the hot and in-demand ones are read, with the count)."""
    release = live_release(Program.ONET)
    if release is None:
        return None
    socs = list(SPLITS.get(code, (code,)))
    occupations = [
        _Occupation(*row)
        for row in fetch_rows(
            f"SELECT code, title, description, job_zone FROM {table(OnetOccupation)} "
            f"WHERE release_id = %s AND soc IN ({marks(len(socs))}) ORDER BY code",
            [release.id, *socs],
        )
    ]
    if not occupations:
        return Work(release, "none", [], [], {})
    every = [o.code for o in occupations]
    tasks: dict[str, list[Task]] = defaultdict(list)
    for task_code, text, kind in fetch_rows(
        f"SELECT code, text, kind FROM {table(OnetTask)} WHERE release_id = %s "
        f"AND code IN ({marks(len(every))}) ORDER BY code, position",
        [release.id, *every],
    ):
        tasks[task_code].append(Task(text, kind))
    if code in SPLITS:
        # One part per SOC code O*NET splits it into, each named: its own
        # occupation, or its finer ones where O*NET leaves that empty.
        how = "split"
        shown = [o for soc in socs for o in _describing(soc, occupations, tasks)]
    else:
        shown = _describing(code, occupations, tasks)
        how = "own" if shown and shown[0].code.endswith(".00") else "finer"
    if not shown:
        return Work(release, "none", [], [], {})
    codes = [o.code for o in shown]
    parts = {
        o.code: Part(
            o.code,
            o.title,
            o.description,
            o.job_zone,
            sorted(tasks[o.code], key=lambda task: KIND_ORDER.get(task.kind, 2)),
        )
        for o in shown
    }
    for part in parts.values():
        part.compact = len(parts) > 1
        part.brief = len(parts) > BRIEF_AFTER
    for rating_code, domain, name, importance, level in fetch_rows(
        f"SELECT code, domain, name, importance, level FROM {table(OnetRating)} "
        f"WHERE release_id = %s AND code IN ({marks(len(codes))}) "
        "ORDER BY code, domain, importance DESC, level DESC NULLS LAST, name",
        [release.id, *codes],
    ):
        part = parts[rating_code]
        most = RATINGS_OF_PART if part.compact else SHOWN_RATINGS
        rated = Rated(name, fixed(importance, HUNDREDTH), fixed(level, HUNDREDTH))
        if domain == OnetRating.Domain.SKILL:
            part.skills_rated += 1
            if len(part.skills) < most:
                part.skills.append(rated)
        else:
            part.knowledge_rated += 1
            if len(part.knowledge) < most:
                part.knowledge.append(rated)
    technology = table(OnetTechnology)
    among = marks(len(codes))
    for tech_code, example, hot, in_demand, listed in fetch_rows(
        f"SELECT n.code, t.example, t.hot, t.in_demand, n.listed FROM (SELECT code, "
        f"COUNT(*) AS listed FROM {technology} WHERE release_id = %s AND code IN ({among}) "
        f"GROUP BY code) n LEFT JOIN {technology} t ON t.code = n.code AND t.release_id = %s "
        "AND (t.hot OR t.in_demand) ORDER BY n.code, t.in_demand DESC, t.hot DESC, t.example",
        [release.id, *codes, release.id],
    ):
        part = parts[tech_code]
        part.technologies_listed = listed
        if example is not None:  # a part listing no hot or in-demand technology
            part.technologies.append(Technology(example, bool(hot), bool(in_demand)))
    for edu_code, category, label, percent in fetch_rows(
        f"SELECT code, category, label, percent FROM {table(OnetEducation)} "
        f"WHERE release_id = %s AND code IN ({marks(len(codes))})",
        [release.id, *codes],
    ):
        parts[edu_code].education.append((category, label, fixed(percent, HUNDREDTH)))
    zones = {zone.zone: zone for zone in OnetJobZone.objects.filter(release_id=release.id)}
    for part in parts.values():
        part.job_zone_ref = zones.get(part.job_zone)
    finer = [Finer(o.code, o.title, o.description) for o in occupations if o.code not in parts]
    return Work(release, how, list(parts.values()), finer, zones)


SHOWN_PROGRAMS = 24  # a postsecondary teacher's occupation has hundreds: the rest in the download


@dataclass(frozen=True)
class Studies:
    release: LiveRelease
    programs: list[tuple[str, str]]  # (CIP code, title), by code

    @property
    def shown(self) -> list[tuple[str, str]]:
        return self.programs[:SHOWN_PROGRAMS]

    @property
    def more(self) -> int:
        return max(len(self.programs) - SHOWN_PROGRAMS, 0)


def load_studies(code: str) -> Studies | None:
    """The programs of study NCES's crosswalk leads to ``code`` (or to the
    parts of a code O*NET and SOC 2018 split): one query; None without a live
    crosswalk."""
    release = live_release(Program.CIPSOC)
    if release is None:
        return None
    socs = [code, *SPLITS.get(code, ())]
    found = dict(
        fetch_rows(
            f"SELECT cip_code, title FROM {table(StudyProgram)} WHERE release_id = %s "
            f"AND soc IN ({marks(len(socs))}) ORDER BY cip_code",
            [release.id, *socs],
        )
    )
    return Studies(release, sorted(found.items()))
