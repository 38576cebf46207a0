"""Two occupations side by side beyond pay: the projections' outlook and entry
education, O*NET's job zones, the skills both rate highly and those only one
does, technology in common and apart, and whether O*NET relates them. Five
queries (fewer without the guidance datasets); each part is None or empty
where its dataset says nothing, and the page says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..live import LiveRelease, live_release
from ..models import OnetOccupation, OnetRating, OnetRelated, OnetTechnology, Program
from ..outlook import Outlook, compared
from .outlook import load_outlooks
from .sql import fetch_rows, fixed, marks, table

HIGH = Decimal("3.5")  # O*NET importance (1 to 5) from which a skill counts as rated highly
SHOWN = 12  # technologies listed in each group


@dataclass(frozen=True)
class Sets:
    both: list[str] = field(default_factory=list)
    only_first: list[str] = field(default_factory=list)
    only_second: list[str] = field(default_factory=list)
    counts: tuple[int, int, int] = (0, 0, 0)  # in common, only the first's, only the second's


def split(first: list[str], second: list[str], shown: int | None = None) -> Sets:
    """What two lists share and what each has alone, each in the first list's order."""
    a, b = set(first), set(second)
    both = [x for x in first if x in b]
    only_a = [x for x in first if x not in b]
    only_b = [x for x in second if x not in a]
    cut = slice(0, shown)
    return Sets(both[cut], only_a[cut], only_b[cut], (len(both), len(only_a), len(only_b)))


@dataclass(frozen=True)
class PairGuidance:
    projections: LiveRelease | None
    onet: LiveRelease | None
    outlooks: tuple[Outlook | None, Outlook | None] = (None, None)
    compared: str = ""  # the outlooks compared in words
    zones: tuple[int | None, int | None] = (None, None)
    rated: tuple[bool, bool] = (False, False)  # whether O*NET rates each one's skills
    skills: Sets = Sets()
    technology: Sets = Sets()
    related: tuple[str, str] = ("", "")  # O*NET's tier where each lists the other, else ""

    @property
    def has_onet(self) -> bool:
        return self.onet is not None

    @property
    def years(self) -> tuple[int, int] | None:
        """The projections' first and last years, from whichever outlook there is."""
        found = next((o for o in self.outlooks if o is not None), None)
        return (found.start_year, found.end_year) if found else None


def load_pair_guidance(first: str, second: str) -> PairGuidance:
    """For two SOC codes (each occupation's own O*NET entry, ``.00``)."""
    projections, outlooks = load_outlooks([first, second])
    pair = (outlooks.get(first), outlooks.get(second))
    words = compared(*pair) if pair[0] is not None and pair[1] is not None else ""
    onet = live_release(Program.ONET)
    if onet is None:
        return PairGuidance(projections, None, pair, words)
    codes = [f"{first}.00", f"{second}.00"]
    zones = dict(
        fetch_rows(
            f"SELECT code, job_zone FROM {table(OnetOccupation)} "
            f"WHERE release_id = %s AND code IN ({marks(2)})",
            [onet.id, *codes],
        )
    )
    ratings: dict[str, list[tuple[str, Decimal]]] = {code: [] for code in codes}
    for code, name, importance in fetch_rows(
        f"SELECT code, name, importance FROM {table(OnetRating)} WHERE release_id = %s "
        f"AND code IN ({marks(2)}) AND domain = %s ORDER BY importance DESC, name",
        [onet.id, *codes, OnetRating.Domain.SKILL],
    ):
        ratings[code].append((name, fixed(importance, Decimal("0.01"))))
    high = [[n for n, i in ratings[code] if i is not None and i >= HIGH] for code in codes]
    technology: dict[str, list[str]] = {code: [] for code in codes}
    for code, example in fetch_rows(
        f"SELECT code, example FROM {table(OnetTechnology)} WHERE release_id = %s "
        f"AND code IN ({marks(2)}) ORDER BY hot DESC, in_demand DESC, example",
        [onet.id, *codes],
    ):
        technology[code].append(example)
    tiers: dict[tuple[str, str], str] = {}
    for code, related, tier in fetch_rows(
        f"SELECT code, related, tier FROM {table(OnetRelated)} WHERE release_id = %s "
        f"AND code IN ({marks(2)}) ORDER BY tier DESC",  # the closest link last, and kept
        [onet.id, *codes],
    ):
        tiers[(code, related[:7])] = OnetRelated.Tier(tier).label
    return PairGuidance(
        projections,
        onet,
        pair,
        words,
        (zones.get(codes[0]), zones.get(codes[1])),
        (bool(ratings[codes[0]]), bool(ratings[codes[1]])),
        split(*high),
        split(technology[codes[0]], technology[codes[1]], SHOWN),
        (tiers.get((codes[0], second), ""), tiers.get((codes[1], first), "")),
    )
