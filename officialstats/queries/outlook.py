"""An occupation's projections, beside all occupations', for its page."""

from __future__ import annotations

from ..live import LiveRelease, live_release
from ..models import Program, Projection
from ..outlook import Outlook, Projected

EVERYONE = "00-0000"


def load_outlook(code: str) -> tuple[LiveRelease | None, Outlook | None]:
    """The live projections release and, when it has the occupation, what its
    page says of it: one query (none without a live release)."""
    release = live_release(Program.EP)
    if release is None:
        return None, None
    rows = {
        row.code: row
        for row in Projection.objects.filter(release_id=release.id, code__in=(code, EVERYONE))
    }
    own, everyone = rows.get(code), rows.get(EVERYONE)
    if own is None or everyone is None:
        return release, None
    start, end = release.code.split("-")
    return release, Outlook(_projected(own), _projected(everyone), int(start), int(start[:2] + end))


def _projected(row: Projection) -> Projected:
    return Projected(
        row.code, row.title, row.employment_start, row.employment_end, row.change,
        row.change_percent, row.openings, row.self_employed_percent, row.education,
        row.experience, row.training,
    )  # fmt: skip
