"""Related careers for an occupation's page: O*NET's related occupations, cut
to the SOC codes OEWS publishes, each with its pay, growth, entry education and
job zone, and the moves that pay more without more education marked (four
queries, five with a place's pay; none without a live O*NET release).

O*NET links O*NET-SOC codes; a link to a finer code (15-2051.01) is shown
under its SOC occupation, naming the finer one. Links back into the
occupation itself are dropped, and of several links to one SOC occupation the
closest (tier, then index) is kept. An occupation OEWS does not publish (an
older code O*NET splits, military 55-xxxx) is listed without pay, saying why.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from ..differences import Difference, difference
from ..figures import Figure
from ..lists import needs_no_more
from ..live import live_release
from ..models import OnetOccupation, OnetRelated, Program, Projection
from ..outlook import signed
from .sql import fetch_rows, fixed, marks, table
from .work import SPLITS

SHOWN = 5  # the closest; the page has a size budget


@dataclass(frozen=True)
class Related:
    soc: str
    title: str
    url: str  # its page; "" where OEWS does not publish it
    finer: str  # the finer O*NET occupation the link names, if it is one
    median: Figure | None
    difference: Difference | None  # its median against this occupation's
    growth: Decimal | None  # EP's change 2024-34, percent
    education: str
    job_zone: int | None
    next_step: bool  # pays more, and needs no more education to enter
    here: bool = False  # its pay is the place's (else the nation's)

    @property
    def growth_text(self) -> str:
        return signed(self.growth) if self.growth is not None else ""


@dataclass(frozen=True)
class At:
    """A place the reader came with: its figures by SOC code (one query), and
    this occupation's median there."""

    figures: Callable[[list[str]], dict]
    median: Figure


def load_related(
    code: str,
    median: Figure,
    education: str | None,
    national: Callable[[list[str]], dict],
    at: At | None = None,
) -> list[Related]:
    """``national`` reads OEWS's national figures by SOC code
    (``occupations.national_figures_by_code``, passed in: that module calls this one).
    With ``at``, each related occupation's pay is the place's where BLS
    publishes it there, set against this occupation's pay there; else the
    nation's against the nation's (one query more). ``education`` is this
    occupation's entry education (None: read with the others' projections)."""
    onet = live_release(Program.ONET)
    if onet is None:
        return []
    socs = [code, *SPLITS.get(code, ())]
    # Each SOC code's O*NET codes as a range of the index on (release, code):
    # "15-2051.00" to "15-2051.99", its own and its finer ones.
    ranges = " OR ".join(["r.code BETWEEN %s AND %s"] * len(socs))
    links = fetch_rows(
        f"SELECT r.related, r.related_title FROM {table(OnetRelated)} r "
        f"WHERE r.release_id = %s AND ({ranges}) "
        'ORDER BY r.tier, r."index", r.related',
        [onet.id, *(bound for soc in socs for bound in (f"{soc}.00", f"{soc}.99"))],
    )
    closest: dict[str, tuple[str, str]] = {}
    for related, title in links:
        soc = related[:7]
        if soc not in socs and soc not in closest:
            closest[soc] = (related, title)
    chosen = list(closest)[:SHOWN]
    if not chosen:
        return []
    oews = national(chosen)
    local = at.figures(chosen) if at is not None else {}
    ep = live_release(Program.EP)
    wanted = [*chosen, code]
    projected = {
        row[0]: (fixed(row[1], Decimal("0.1")), row[2])
        for row in (
            fetch_rows(
                f"SELECT code, change_percent, education FROM {table(Projection)} "
                f"WHERE release_id = %s AND code IN ({marks(len(wanted))})",
                [ep.id, *wanted],
            )
            if ep
            else []
        )
    }
    if education is None:
        education = projected.get(code, (None, ""))[1]
    # The job zone of the O*NET occupation the link names (a finer one's, where it is one).
    zones = dict(
        fetch_rows(
            f"SELECT code, job_zone FROM {table(OnetOccupation)} WHERE release_id = %s "
            f"AND code IN ({marks(len(chosen))})",
            [onet.id, *(closest[soc][0] for soc in chosen)],
        )
    )
    found = []
    for soc in chosen:
        related, onet_title = closest[soc]
        national = oews.get(soc)
        growth, entry = projected.get(soc, (None, ""))
        theirs, ours, here = (national.median if national else None), median, False
        there = local.get(soc)
        if (
            at is not None
            and at.median.ranked is not None  # else there is nothing to set it against here
            and there is not None
            and there.median.ranked is not None
        ):
            theirs, ours, here = there.median, at.median, True
        # Only like with like: an occupation paid by the hour only is not set against a salary.
        comparable = theirs is not None and theirs.datatype == ours.datatype
        gap = difference(theirs, ours) if comparable else None
        pays_more = gap is not None and gap.known and gap.amount > 0
        found.append(
            Related(
                soc=soc,
                title=national.occupation.title if national else onet_title,
                url=national.occupation.url if national else "",
                finer="" if related.endswith(".00") else onet_title,
                median=theirs,
                difference=gap,
                growth=growth,
                education=entry,
                job_zone=zones.get(related),
                next_step=pays_more and needs_no_more(entry, education),
                here=here,
            )
        )
    return found
