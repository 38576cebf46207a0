"""Editorial figures beside the official ones: every sentence that sets a
source's average against BLS's, or explains a gap, worked out here.

Pure functions over ``Decimal`` and :class:`officialstats.figures.Figure`
(pure too); no ORM and no Django. An official figure keeps its state: a
top-coded wage is a lower bound ("at least"), and a wage BLS publishes by
the hour only, or did not release, is never compared with a yearly salary.

A difference from an official figure is a share of that official figure
(BLS is the reference); a gap between two roles or occupations is a share of
the lower one, the way the rest of the site says "X pays 5% more".
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from core.formatting import money, percent
from officialstats.figures import Figure, State

from .derive import BandGap, PayLead, pay_lead
from .salary import Range, percent_change

PLACES = 1  # differences from official figures are shown to a tenth of a percent

# Why a figure cannot be set against an official one, by the official figure's state.
NOT_COMPARED = {
    State.ONE_UNIT_ONLY: "BLS publishes this occupation's wages by the hour only, so there is "
    "no yearly figure to set a salary against",
    State.NOT_RELEASED: "BLS did not release this figure",
    State.NOT_PUBLISHED: "BLS did not publish this figure",
    State.NOT_APPLICABLE: "BLS publishes no such figure",
}


def _pct(value: Decimal) -> str:
    return percent(value, PLACES)


@dataclass(frozen=True)
class OfficialGap:
    """An editorial yearly average against one official annual wage.

    ``difference`` and ``percent`` are signed: negative when the editorial
    figure is below the official one. Against a top-coded wage only a lower
    bound of the shortfall is known (``at_least``), and only when the
    editorial figure is below the bound.
    """

    statistic: str  # "mean" or "median"
    editorial: Decimal
    official: Figure

    @property
    def reference(self) -> Decimal | None:
        """The official value the difference is taken from: the value, or a top-code's bound."""
        if self.official.state is State.PUBLISHED:
            return self.official.value
        if self.official.state is State.TOP_CODED and self.editorial < self.official.bound:
            return self.official.bound
        return None

    @property
    def at_least(self) -> bool:
        return self.official.state is State.TOP_CODED

    @property
    def known(self) -> bool:
        return self.reference is not None

    @property
    def difference(self) -> Decimal | None:
        reference = self.reference
        return None if reference is None else self.editorial - reference

    @property
    def percent(self) -> Decimal | None:
        reference = self.reference
        return None if reference is None else percent_change(self.editorial, reference)

    @property
    def why_not(self) -> str:
        """Why no difference is worked out (empty when one is)."""
        if self.known:
            return ""
        if self.official.state is State.TOP_CODED:
            return (
                f"BLS publishes only that the {self.statistic} is at least "
                f"{money(self.official.bound)}, which the editorial figure already reaches"
            )
        return NOT_COMPARED[self.official.state]

    @property
    def summary(self) -> str:
        """A few words for a table cell: "$33,572 below (22.7%)"."""
        if not self.known:
            return "not worked out"
        if self.difference == 0:
            return "the same"
        side = "below" if self.difference < 0 else "above"
        hedge = "at least " if self.at_least else ""
        return f"{hedge}{money(abs(self.difference))} {side} ({hedge}{_pct(abs(self.percent))})"

    def sentence(self, figure_name: str, occupation: str) -> str:
        """One sentence setting ``figure_name`` (already holding its value) against BLS's."""
        official = f"the BLS {self.statistic} wage for {occupation}"
        if not self.known:
            return f"{figure_name} is not set against {official}: {self.why_not}."
        if self.difference == 0:
            return f"{figure_name} equals {official}, {money(self.reference)}."
        side = "below" if self.difference < 0 else "above"
        if self.at_least:
            return (
                f"{figure_name} is at least {money(abs(self.difference))} below {official}, "
                f"which BLS publishes only as at least {money(self.reference)}: at least "
                f"{_pct(abs(self.percent))} below it."
            )
        return (
            f"{figure_name} is {money(abs(self.difference))} {side} {official} "
            f"({money(self.reference)}): {_pct(abs(self.percent))} {side} it."
        )


def official_gap(statistic: str, editorial: Decimal, official: Figure) -> OfficialGap:
    return OfficialGap(statistic, editorial, official)


@dataclass(frozen=True)
class SourceFacts:
    """What the site's records say about an editorial figure's source."""

    publisher: str
    title: str
    as_of: str  # "2025", "March 2025"
    label: str  # the figure's own label: "Average annual salary"
    has_address: bool


def why_figures_differ(
    sources: list[SourceFacts], release: str, occupations: list[tuple[str, bool]]
) -> list[str]:
    """Why editorial averages and BLS's figures need not agree, in the site's
    words, claiming only what the records of the sources say.

    ``occupations`` are the linked occupations' titles, each with whether it
    is a stand-in (the closest occupation, not the role's own).
    """
    sentences = []
    for source in dict.fromkeys(sources):
        method = (
            "Its publication describes how it was gathered"
            if source.has_address
            else "Our records hold no description of how it was gathered (for example from "
            "job advertisements or from pay that people report themselves), nor of which pay "
            "it counts, so the site cannot adjust for either"
        )
        sentences.append(
            f"The editorial figure is what {source.publisher}'s “{source.title}”, dated "
            f"{source.as_of}, gives as “{source.label}”. {method}."
        )
    sentences.append(
        "BLS's figures come from its Occupational Employment and Wage Statistics (OEWS) "
        "survey, in which employers report what they pay every worker in an occupation, "
        f"across all industries and the whole country; they describe {release}. OEWS counts "
        "straight-time gross pay, leaving out overtime, bonuses not tied to output and "
        "employer-paid benefits, and it does not cover the self-employed."
    )
    for occupation, stand_in in dict.fromkeys(occupations):
        if stand_in:
            sentences.append(
                f"{occupation} is not the role's own occupation but the closest one the "
                "editors found, so part of any difference comes from comparing two different "
                "jobs."
            )
        else:
            sentences.append(
                f"{occupation} is wider than one job title: it counts everyone employers "
                "classify under it, at every level of experience and in every specialism."
            )
    sentences.append(
        "A gap therefore shows how far a source's picture is from the national official "
        "one; it does not on its own say which is wrong."
    )
    return sentences


# --- The two occupations of an article, side by side ---------------------------


@dataclass(frozen=True)
class OfficialLead:
    """Which of two occupations has the higher official median, and by how much.

    ``lead`` is None when it cannot be said: a median not published as a
    yearly figure, or a top-coded median whose bound does not clear the other.
    """

    names: tuple[str, str]
    medians: tuple[Figure, Figure]
    lead: PayLead | None
    at_least: bool
    reason: str = ""

    @property
    def sentence(self) -> str:
        if self.lead is None:
            return f"The two official medians cannot be compared: {self.reason}."
        lead = self.lead
        if lead.tie:
            return (
                f"The official medians of {lead.leader} and {lead.trailer} are the same: "
                f"{money(lead.leader_value)} a year."
            )
        hedge = "at least " if self.at_least else ""
        return (
            f"At the official medians, {lead.leader} earn {hedge}{money(lead.difference)} a "
            f"year more than {lead.trailer}: {hedge}{_pct(lead.percent)} more."
        )


def official_lead(name_a: str, median_a: Figure, name_b: str, median_b: Figure) -> OfficialLead:
    """Compare two annual medians in their states (see :class:`OfficialLead`)."""
    names, medians = (name_a, name_b), (median_a, median_b)
    for name, median in zip(names, medians, strict=True):
        if median.state not in (State.PUBLISHED, State.TOP_CODED):
            return OfficialLead(
                names, medians, None, False, f"for {name}, {NOT_COMPARED[median.state]}"
            )
    if median_a.state is State.TOP_CODED and median_b.state is State.TOP_CODED:
        return OfficialLead(
            names, medians, None, False, "BLS publishes only that both are at least "
            f"{money(median_a.bound)}"
        )  # fmt: skip
    values = [m.value if m.published else m.bound for m in medians]
    lead = pay_lead(name_a, values[0], name_b, values[1])
    top_coded = next((m for m in medians if not m.published), None)
    if top_coded is None:
        return OfficialLead(names, medians, lead, False)
    leader_top_coded = medians[names.index(lead.leader)] is top_coded
    if not leader_top_coded or lead.tie:
        return OfficialLead(
            names, medians, None, False,
            f"BLS publishes only that one is at least {money(top_coded.bound)}, "
            "which does not settle which is higher",
        )  # fmt: skip
    return OfficialLead(names, medians, lead, True)


def directions_agree(editorial: PayLead, official: OfficialLead, role_of: dict[str, str]) -> str:
    """Whether the source's averages and the official medians put the same
    side ahead. ``role_of`` maps each occupation's name to its role's. The
    source's gap is written to a whole percent, as the article's headline shows it."""
    if official.lead is None or editorial.tie or official.lead.tie:
        return ""
    official_role = role_of[official.lead.leader]
    if official_role == editorial.leader:
        return (
            f"Both put {editorial.leader} ahead: the source by {percent(editorial.percent)} on "
            f"average, the official medians of the linked occupations by "
            f"{'at least ' if official.at_least else ''}{_pct(official.lead.percent)}."
        )
    return (
        f"They point opposite ways: the source puts {editorial.leader} ahead by "
        f"{percent(editorial.percent)} on average, while the official median of the occupation "
        f"linked to {official_role} is the higher one."
    )


# --- Why the headline gap and the gaps by level differ ---------------------------


def band_position(average: Decimal, bands: list[tuple[str, Range]]) -> tuple[int | None, str]:
    """Where an average falls among a role's bands, in order of level: the
    index of the first band holding it (None if none does) and it in words."""
    holding = [
        (index, level)
        for index, (level, band) in enumerate(bands)
        if band.low <= average and (band.open_ended or average <= band.high)
    ]
    if holding:
        index = holding[0][0]
        names = " and ".join(level.lower() for _, level in holding)
        return index, f"inside its {names} band{'s' if len(holding) > 1 else ''}"
    if not bands:
        return None, "with no band to place it in"
    if average < bands[0][1].low:
        return None, f"below its {bands[0][0].lower()} band"
    if not bands[-1][1].open_ended and average > bands[-1][1].high:
        return None, f"above its {bands[-1][0].lower()} band"
    below = [index for index, (_, band) in enumerate(bands) if band.high < average]
    index = below[-1] if below else 0
    return None, f"between its {bands[index][0].lower()} and {bands[index + 1][0].lower()} bands"


def band_span(gaps: list[BandGap]) -> tuple[Decimal, Decimal, bool]:
    """The lowest and highest premium across the levels' bands (bottoms and
    tops), and whether the highest is a lower bound (an open-ended top)."""
    ends = [
        (end, gap.open_ended and end is gap.top)
        for gap in gaps
        for end in (gap.bottom, gap.top)
        if end is not None
    ]
    low = min(end for end, _ in ends)
    high, open_ended = max(ends, key=lambda pair: pair[0])
    return low, high, open_ended


@dataclass(frozen=True)
class RoleAverage:
    """A role's headline average and its bands, lowest level first."""

    name: str
    average: Decimal
    bands: list[tuple[str, Range]]


def headline_versus_levels(
    lead: PayLead, gaps: list[BandGap], roles: tuple[RoleAverage, RoleAverage]
) -> list[str]:
    """Why the gap between two headline averages differs from the gaps between
    the bands at each level, worked out from the figures; empty when there is
    nothing to explain (no level both roles publish)."""
    if not gaps:
        return []
    low, high, open_ended = band_span(gaps)
    # Whole percentages, as the article shows both gaps.
    span = percent(low) if percent(low) == percent(high) else f"{percent(low)}\u2013{percent(high)}"
    span += "+" if open_ended else ""
    band_leaders = {gap.leader for gap in gaps if not gap.tie}
    headline = "no gap" if lead.tie else f"a {percent(lead.percent)} gap"
    sentences = [
        f"The headline averages show {headline} between the two roles; the bands, level "
        f"by level, show {span}. The two measure different things: a band gap compares the "
        "two roles at the same experience level, while a headline average is taken over "
        "everyone in a role, whatever their experience, so it also depends on how many "
        "people of each level the source counted."
    ]
    if len(band_leaders) == 1 and not lead.tie and band_leaders != {lead.leader}:
        (band_leader,) = band_leaders
        sentences.append(
            f"Here they even disagree on direction: the bands put {band_leader} ahead at every "
            f"level both publish, the headline averages {lead.leader}."
        )
    placed = {role.name: band_position(role.average, role.bands) for role in roles}
    sentences.append(
        " ".join(
            f"{role.name}'s headline average ({money(role.average)}) sits {placed[role.name][1]}."
            for role in roles
        )
    )
    first, second = (placed[role.name][0] for role in roles)
    same_way = band_leaders == {lead.leader}
    if first is not None and second is not None and first != second and not lead.tie:
        lower, higher = roles if first < second else roles[::-1]
        if lower.name == lead.leader and same_way and lead.percent < low:
            sentences.append(
                f"So the source's average for {lower.name} sits at a lower level of its own "
                f"bands than {higher.name}'s does: that is how a headline gap comes out smaller "
                f"than every gap by level, when the {lower.name} figures count relatively more "
                "people early in their careers."
            )
        elif higher.name == lead.leader and (not same_way or lead.percent > high):
            sentences.append(
                f"So the source's average for {higher.name} sits at a higher level of its own "
                f"bands than {lower.name}'s does, which pushes the headline gap beyond what "
                "the gaps by level alone would give."
            )
    elif first is not None and first == second:
        sentences.append(
            "Both averages sit at the same level of their bands, so the mix of levels alone "
            "does not explain the difference; the averages and the bands may rest on "
            "different samples."
        )
    sentences.append(
        "The source does not publish how many people of each level its averages cover, so "
        "the site cannot say how much of the difference the mix explains."
    )
    return sentences
