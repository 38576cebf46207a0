"""Editorial figures beside the official ones: every sentence that sets a
source's average against BLS's, or explains a gap, worked out here.

Pure functions over ``Decimal`` and :class:`officialstats.figures.Figure`
(pure too); no ORM and no Django. An official figure keeps its state: a
top-coded wage is a lower bound ("at least"), and a wage BLS publishes by
the hour only, or did not release, is never compared with a yearly salary.

Every difference is the site's one rule (``officialstats.differences``): a
difference from an official figure is a share of that official figure (BLS
is the reference); which of two occupations pays more is a share of the
lower one, the figure the sentence compares against ("X earn 5% more than Y").
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from core.formatting import money, percent_difference
from officialstats import display
from officialstats.differences import Difference, Lead, difference, lead
from officialstats.figures import Figure, State

from .derive import BandGap, PayLead
from .salary import Range

# Why a figure cannot be set against an official one, by the official figure's state.
NOT_COMPARED = {
    State.ONE_UNIT_ONLY: "BLS publishes this occupation's wages by the hour only, so there is "
    "no yearly figure to set a salary against",
    State.NOT_RELEASED: "BLS did not release this figure",
    State.NOT_PUBLISHED: "BLS did not publish this figure",
    State.NOT_APPLICABLE: "BLS publishes no such figure",
}


def against_official(editorial: Decimal, official: Figure) -> Difference:
    """An editorial yearly average against an official annual wage, by the
    site's one rule: its percentage is a share of the official figure."""
    return difference(Figure(official.datatype, State.PUBLISHED, editorial), official)


def gap_cell(gap: Difference) -> str:
    """For a table cell: "−$33,572 (−23%)", or "not worked out"."""
    return gap.cell if gap.known else "not worked out"


def why_not_compared(statistic: str, official: Figure) -> str:
    if official.state is State.TOP_CODED:
        return (
            f"BLS publishes only that the {statistic} is {display.text(official)}, which the "
            "editorial figure already reaches"
        )
    return NOT_COMPARED[official.state]


def gap_sentence(statistic: str, gap: Difference, figure_name: str, occupation: str) -> str:
    """One sentence setting ``figure_name`` (already holding its value) against BLS's."""
    official = f"the BLS {statistic} wage for {occupation}"
    if not gap.known:
        why = why_not_compared(statistic, gap.second)
        return f"{figure_name} is not set against {official}: {why}."
    if gap.same:
        return f"{figure_name} equals {official}, {display.text(gap.second)}."
    return f"{figure_name} is {gap.words(f'{official} ({display.text(gap.second)})')}."


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


def medians_sentence(
    names: tuple[str, str], medians: tuple[Figure, Figure]
) -> tuple[str, Lead | None]:
    """Which of two occupations has the higher official median, by the site's
    one rule (``differences.lead``), in a sentence; and the lead itself."""
    found = lead(*medians)
    if found is None:
        whys = [
            f"for {name}, {NOT_COMPARED[median.state]}"
            for name, median in zip(names, medians, strict=True)
            if median.state in NOT_COMPARED
        ]
        why = (
            whys[0] if whys else difference(*medians).why_not(f"for {names[1]}", f"for {names[0]}")
        )
        return f"The two official medians cannot be compared: {why}.", None
    if found.equal:
        return (
            f"The official medians of {names[0]} and {names[1]} are the same: "
            f"{display.text(medians[0])} a year.", found,
        )  # fmt: skip
    leader, trailer = names[found.leader], names[1 - found.leader]
    gap = found.difference
    return (
        f"At the official medians, {leader} earn {gap.amount_text()} a year more than {trailer}: "
        f"{gap.percent_text()} more.", found,
    )  # fmt: skip


def directions_agree(editorial: PayLead, official: Lead | None, roles: tuple[str, str]) -> str:
    """Whether the source's averages and the official medians put the same
    side ahead; ``roles`` are the roles the two medians' occupations are linked to."""
    if official is None or editorial.tie or official.equal:
        return ""
    official_role = roles[official.leader]
    if official_role == editorial.leader:
        return (
            f"Both put {editorial.leader} ahead: the source by "
            f"{percent_difference(editorial.percent)} on average, the official medians of the "
            f"linked occupations by {official.difference.percent_text()}."
        )
    return (
        f"They point opposite ways: the source puts {editorial.leader} ahead by "
        f"{percent_difference(editorial.percent)} on average, while the official median of the "
        f"occupation linked to {official_role} is the higher one."
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
    low_text, high_text = percent_difference(low), percent_difference(high)
    span = low_text if low_text == high_text else f"{low_text}\u2013{high_text}"
    span += "+" if open_ended else ""
    band_leaders = {gap.leader for gap in gaps if not gap.tie}
    headline = "no gap" if lead.tie else f"a {percent_difference(lead.percent)} gap"
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
