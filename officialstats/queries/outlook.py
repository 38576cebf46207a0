"""An occupation's projections, beside all occupations', for its page."""

from __future__ import annotations

from decimal import Decimal

from ..live import LiveRelease, live_release
from ..models import Program, Projection
from ..outlook import Outlook, Projected
from .sql import fetch_rows, fixed, marks, table

EVERYONE = "00-0000"
TENTH = Decimal("0.1")  # EP's figures: NUMERIC(…, 1)


def load_outlooks(codes: list[str]) -> tuple[LiveRelease | None, dict[str, Outlook]]:
    """The live projections release and each code's outlook it has, in one
    query (none without a live release)."""
    release = live_release(Program.EP)
    if release is None or not codes:
        return release, {}
    wanted = sorted({*codes, EVERYONE})
    rows = {}
    for row in fetch_rows(
        "SELECT code, title, employment_start, employment_end, change, change_percent, "
        "openings, self_employed_percent, education, experience, training "
        f"FROM {table(Projection)} WHERE release_id = %s AND code IN ({marks(len(wanted))})",
        [release.id, *wanted],
    ):
        figures = [fixed(value, TENTH) for value in row[2:8]]
        rows[row[0]] = Projected(row[0], row[1], *figures, *row[8:])
    everyone = rows.get(EVERYONE)
    if everyone is None:
        return release, {}
    start, end = release.code.split("-")
    span = int(start), int(start[:2] + end)
    return release, {code: Outlook(rows[code], everyone, *span) for code in codes if code in rows}


def load_outlook(code: str) -> tuple[LiveRelease | None, Outlook | None]:
    """The live projections release and, when it has the occupation, what its
    page says of it: one query (none without a live release). Plain SQL, as
    the page's other loaders: it renders cold (``sql.py``)."""
    release = live_release(Program.EP)
    if release is None:
        return None, None
    rows = {}
    for row in fetch_rows(
        "SELECT code, title, employment_start, employment_end, change, change_percent, "
        "openings, self_employed_percent, education, experience, training "
        f"FROM {table(Projection)} WHERE release_id = %s AND code IN (%s, %s)",
        [release.id, code, EVERYONE],
    ):
        figures = [fixed(value, TENTH) for value in row[2:8]]
        rows[row[0]] = Projected(row[0], row[1], *figures, *row[8:])
    own, everyone = rows.get(code), rows.get(EVERYONE)
    if own is None or everyone is None:
        return release, None
    start, end = release.code.split("-")
    return release, Outlook(own, everyone, int(start), int(start[:2] + end))
