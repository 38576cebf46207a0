"""An occupation in brief, for pages about something else (an editors' role):
O*NET's first tasks and its hot technologies, in two queries (none without a
live O*NET release); and what O*NET lists for many occupations at once, for
editors' warnings. The occupation's own O*NET entry (``.00``) only: where
O*NET describes a SOC code in finer parts, the occupation's page says so.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..live import LiveRelease, live_release
from ..models import OnetRating, OnetTask, OnetTechnology, Program
from .sql import fetch_rows, marks, table

TASKS = 5
TECHNOLOGIES = 12


@dataclass(frozen=True)
class Brief:
    release: LiveRelease  # the live O*NET release
    code: str  # "15-1252.00"
    tasks: list[str]  # core first, in O*NET's order
    hot: list[str]  # hot technologies, those in demand first
    hot_count: int  # how many O*NET marks hot in all

    @property
    def onet_online(self) -> str:
        return f"https://www.onetonline.org/link/summary/{self.code}"


def load_brief(soc: str) -> Brief | None:
    onet = live_release(Program.ONET)
    if onet is None or not soc:
        return None
    code = f"{soc}.00"
    tasks = [
        text
        for (text,) in fetch_rows(
            f"SELECT text FROM {table(OnetTask)} WHERE release_id = %s AND code = %s "
            "ORDER BY CASE kind WHEN 'core' THEN 0 WHEN 'supplemental' THEN 1 ELSE 0 END, "
            "position LIMIT %s",
            [onet.id, code, TASKS],
        )
    ]
    hot = [
        example
        for (example,) in fetch_rows(
            f"SELECT example FROM {table(OnetTechnology)} "
            "WHERE release_id = %s AND code = %s AND hot "
            "ORDER BY in_demand DESC, example",
            [onet.id, code],
        )
    ]
    if not tasks and not hot:
        return None
    return Brief(onet, code, tasks, hot[:TECHNOLOGIES], len(hot))


def onet_terms(socs: list[str]) -> dict[str, list[str]]:
    """What O*NET lists for each SOC code's own occupation: its technologies
    (examples and their kinds) and the skills and knowledge it rates, in two
    queries (none without a live O*NET release or codes)."""
    onet = live_release(Program.ONET)
    socs = sorted({soc for soc in socs if soc})
    if onet is None or not socs:
        return {}
    codes = [f"{soc}.00" for soc in socs]
    found: dict[str, list[str]] = {soc: [] for soc in socs}
    for model, columns in ((OnetTechnology, "example, commodity"), (OnetRating, "name, name")):
        for code, first, second in fetch_rows(
            f"SELECT code, {columns} FROM {table(model)} "
            f"WHERE release_id = %s AND code IN ({marks(len(codes))})",
            [onet.id, *codes],
        ):
            found[code[:7]] += [first, second]
    return found
