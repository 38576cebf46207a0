"""Two occupations side by side: their figures row by row, which one is
ahead on each and by how much, and what that says in words. Pure: no database.

Who is ahead is the site's one rule (``differences.lead``): two published
figures give an exact difference; a top-coded wage ("at least $239,200")
above a published one gives an "at least" difference; anything else (a
figure not released, two top-coded wages, a bound below the other figure)
gives none, and the page says so rather than guessing. The difference is
the higher figure against the lower, as a share of the lower.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from . import display
from .differences import Difference, Lead, lead
from .figures import PERCENTILES, Datatype, Figure, State

HUNDRED = Decimal(100)
TENTH = Decimal("0.1")
NAMES = {10: "10th percentile", 25: "25th percentile", 50: "Median", 75: "75th percentile"}
NAMES[90] = "90th percentile"


@dataclass(frozen=True, slots=True)
class PairRow:
    """One figure of both occupations, and which is ahead on it."""

    key: str  # "employment", "p10" ... "p90", "mean"
    label: str
    first: Figure
    second: Figure
    lead: Lead | None

    @property
    def money(self) -> bool:
        return self.key != "employment"

    def amount_text(self) -> str:
        """The size of the difference, unsigned: "$15,750", "at least $3,000", "1,200 jobs"."""
        if self.lead is None:
            return ""
        amount = self.lead.difference.amount_text()
        return amount if self.money else f"{amount} jobs"

    def percent_text(self) -> str:
        return "" if self.lead is None else self.lead.difference.percent_text(signed=False)

    def share_text(self, more: str = " more") -> str:
        """The difference as a share of the lower figure, as the table and the
        sentence both say it: "14% more" (``more`` after a percentage), or from
        double on "6.4 times as many" ("2,305%" reads worse), "at least" where
        only a bound is known."""
        difference = self.lead.difference
        if difference.percent is None or difference.percent < HUNDRED:
            return self.percent_text() + more
        hedge = "at least " if difference.at_least else ""
        return f"{hedge}{times(difference)} times as {'much' if self.money else 'many'}"

    def cell(self, names: Sequence[str]) -> str:
        """For the table's difference column: who is ahead, by how much."""
        if self.lead is None:
            return "not worked out"
        if self.lead.equal:
            return "the same"
        more = "more jobs" if not self.money else "more"
        amount = self.amount_text().removesuffix(" jobs")
        return f"{names[self.lead.leader]}: {amount} {more} ({self.share_text(more='')})"


def unit_is_hourly(first: dict[Datatype, Figure], second: dict[Datatype, Figure]) -> bool:
    """Compare by the hour when BLS publishes either occupation's wages hourly only."""
    return any(
        figures[Datatype.ANNUAL_MEDIAN].state is State.ONE_UNIT_ONLY for figures in (first, second)
    )


def pair_rows(
    first: dict[Datatype, Figure], second: dict[Datatype, Figure], *, hourly: bool
) -> list[PairRow]:
    """Employment, each percentile and the mean of two occupations, in one unit."""
    column = 1 if hourly else 2
    mean = Datatype.HOURLY_MEAN if hourly else Datatype.ANNUAL_MEAN
    wanted = [("employment", "Employment", Datatype.EMPLOYMENT)]
    wanted += [(f"p{row[0]}", NAMES[row[0]], row[column]) for row in PERCENTILES]
    wanted.append(("mean", "Mean", mean))
    return [
        PairRow(key, label, a, b, lead(a, b))
        for key, label, datatype in wanted
        for a, b in [(first[datatype], second[datatype])]
    ]


def spread(figures: dict[Datatype, Figure], *, hourly: bool) -> list[tuple[int, Figure]]:
    """The percentiles of one occupation in the unit the chart draws."""
    return [(row[0], figures[row[1] if hourly else row[2]]) for row in PERCENTILES]


# What the figures say, in sentences ------------------------------------------------

UNIT = {True: " an hour", False: " a year"}
SUBJECTS = {
    "p10": "At the 10th percentile, the low end of the range,",
    "p50": "At the median,",
    "p90": "At the 90th percentile, the high end of the range,",
    "mean": "On average (the mean),",
}
STATED = ("employment", "p50", "mean", "p10", "p90")


def statement(row: PairRow, names: Sequence[str], *, hourly: bool) -> str:
    """One sentence about one row: who is ahead and by how much, or why it
    cannot be said. Every figure in it comes from ``row``."""
    if row.key == "employment":
        return _employment(row, names)
    subject = SUBJECTS[row.key]
    if row.lead is None:
        return (
            f"{subject} which pays more cannot be worked out from what BLS publishes: "
            f"{names[0]} {display.in_words(row.first)}, {names[1]} {display.in_words(row.second)}."
        )
    if row.lead.equal:
        return f"{subject} both are paid the same: {display.in_words(row.first)}."
    ahead, behind = names[row.lead.leader], names[1 - row.lead.leader]
    return (
        f"{subject} {ahead} are paid {row.amount_text()}{UNIT[hourly]} more than {behind}, "
        f"{row.share_text()}."
    )


def _employment(row: PairRow, names: Sequence[str]) -> str:
    if row.lead is None:
        return (
            "Which employs more cannot be worked out: BLS publishes "
            f"{display.text(row.first)} for {names[0]} and {display.text(row.second)} "
            f"for {names[1]}."
        )
    if row.lead.equal:
        return f"Both hold the same number of jobs: {display.text(row.first)}."
    ahead, behind = names[row.lead.leader], names[1 - row.lead.leader]
    count = row.amount_text().removesuffix(" jobs")
    return f"{ahead} hold {count} more jobs than {behind} nationwide: {row.share_text()}."


def times(difference: Difference) -> str:
    """How many times the lower figure the higher one is, to a tenth: "6.4"."""
    ratio = 1 + difference.percent / HUNDRED
    return f"{ratio.quantize(TENTH, rounding=ROUND_HALF_UP):,}"


def statements(rows: Sequence[PairRow], names: Sequence[str], *, hourly: bool) -> list[str]:
    """The sentences a pair's page opens with, in a fixed order."""
    by_key = {row.key: row for row in rows}
    return [statement(by_key[key], names, hourly=hourly) for key in STATED]
