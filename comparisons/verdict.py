"""One verdict per page: the few lines an article or a role page opens with.

An article's figures answer "which pays more, and by how much?" several ways
(the source's averages, its bands level by level, its second data set, BLS's
medians, total pay in the calculator), and a reader meeting them one by one
takes them for contradictions. The verdict says once which gap is which and
why they differ, each point naming the section that holds its detail. Every
figure and comparison here is worked out from the records, by the same rules
the sections use (``derive``, ``official``); pure functions, no ORM.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from core.formatting import money, money_range, percent_difference, percent_range
from core.numbers import percent_change
from officialstats import display
from officialstats.differences import Difference, Lead
from officialstats.figures import Figure

from .derive import BandGap, PayLead
from .official import RoleAverage, band_position, band_span, gap_sentence
from .salary import Range


@dataclass(frozen=True)
class Point:
    label: str  # a few words, set in bold before the text
    text: str
    anchor: str  # the section with the detail: "#levels"


@dataclass(frozen=True)
class Verdict:
    headline: str
    points: list[Point]


@dataclass(frozen=True)
class OccupationPair:
    """The two linked occupations of an article's roles, as BLS publishes them."""

    titles: tuple[str, str]
    medians: tuple[Figure, Figure]
    roles: tuple[str, str]  # the role each occupation is linked to
    lead: Lead | None  # None: BLS's figures cannot say which is higher
    stand_ins: tuple[bool, bool]  # the closest occupation, not the role's own


def _span(gaps: list[BandGap]) -> str:
    low, high, open_ended = band_span(gaps)
    low_text, high_text = percent_difference(low), percent_difference(high)
    span = low_text if low_text == high_text else f"{low_text}\u2013{high_text}"
    return span + ("+" if open_ended else "")


def levels_point(lead: PayLead, gaps: list[BandGap], averages: tuple[RoleAverage, ...]) -> Point:
    """The bands' gaps against the averages' gap, and where each average sits."""
    leaders = {gap.leader for gap in gaps if not gap.tie}
    if len(leaders) == 1:
        (leader,) = leaders
        text = f"{leader} pays {_span(gaps)} more at every level"
        text += (
            ", the other way from the averages." if not lead.tie and leader != lead.leader else "."
        )
    elif leaders:
        text = "Which role pays more changes with experience."
    else:
        text = "The bands' midpoints match at every level."
    placed = [
        f"{role.name}'s{' sits' if not index else ''} "
        + band_position(role.average, role.bands)[1].replace(" its ", " the ")
        for index, role in enumerate(averages)
    ]
    text += f" The averages mix levels: {', '.join(placed)}."
    return Point("Level by level", text, "#levels")


def overview_point(overview: PayLead) -> Point:
    about = {"approximate": overview.approximate}
    if overview.tie:
        text = f"both at {money(overview.leader_value, **about)}."
    else:
        text = (
            f"{overview.leader} {percent_difference(overview.percent)} ahead "
            f"({money(overview.leader_value, **about)} against "
            f"{money(overview.trailer_value, **about)})."
        )
    return Point("The source's overview", f"A separate data set: {text}", "#overview")


def official_point(editorial: PayLead, pair: OccupationPair) -> Point:
    """BLS's medians for the two linked occupations, and whether they agree with the source."""
    found = pair.lead
    titles = [
        f"{title} (the closest to {role})" if stand_in else title
        for role, title, stand_in in zip(pair.roles, pair.titles, pair.stand_ins, strict=True)
    ]
    if found is None:
        text = "the linked occupations' medians cannot be compared."
    elif found.equal:
        text = f"{titles[0]} and {titles[1]} have the same median."
    else:
        first, second = found.leader, 1 - found.leader
        text = (
            f"{titles[first]} earn a median {found.difference.percent_text()} higher than "
            f"{titles[second]}"
        )
        if editorial.tie:
            text += "."
        elif pair.roles[first] == editorial.leader:
            text += ", the same way as the source."
        else:
            text += (
                ", the other way from the source: BLS counts everyone in an occupation, at "
                "every level and in every industry."
            )
    return Point("BLS", text[0].upper() + text[1:], "#official")


def total_pay_point(lead: PayLead, shares: dict[str, Range]) -> Point | None:
    """Whether equity and bonuses widen or narrow the gap in total pay."""
    if lead.tie or lead.leader not in shares or lead.trailer not in shares:
        return None
    mine, theirs = shares[lead.leader], shares[lead.trailer]
    if mine.midpoint == theirs.midpoint:
        effect = "The gap is the same as in base pay"
    else:
        effect = f"The gap is {'wider' if mine.midpoint > theirs.midpoint else 'narrower'}"
    return Point(
        "Total pay",
        f"{effect}: equity and bonuses are {percent_range(mine.low, mine.high)} of "
        f"{lead.leader}'s pay, {percent_range(theirs.low, theirs.high)} of {lead.trailer}'s.",
        "#calculator",
    )


def article_verdict(
    lead: PayLead,
    gaps: list[BandGap],
    averages: tuple[RoleAverage, ...],
    *,
    overview: PayLead | None = None,
    pair: OccupationPair | None = None,
    shares: dict[str, Range] | None = None,
) -> Verdict:
    """The article's summary: the averages' answer, then each other gap and why it differs."""
    if lead.tie:
        headline = f"{lead.headline}: {money(lead.leader_value)} a year."
    else:
        headline = (
            f"{lead.headline}, by {percent_difference(lead.percent)} "
            f"({money(lead.difference)} a year)."
        )
    points = []
    if gaps:
        points.append(levels_point(lead, gaps, averages))
    if overview is not None:
        points.append(overview_point(overview))
    if pair is not None:
        points.append(official_point(lead, pair))
    total = total_pay_point(lead, shares or {})
    if total is not None:
        points.append(total)
    return Verdict(headline, points)


def role_verdict(
    average: RoleAverage,
    *,
    approximate: bool = False,
    overview: tuple[Decimal, Range | None, bool] | None = None,
    official: tuple[str, Difference, bool] | None = None,
) -> Verdict:
    """A role page's summary: its average, its bands, and why the other figures differ.

    ``overview`` is the second data set's average, its range and whether it is
    approximate; ``official`` the linked occupation's title, the average
    against its BLS median, and whether it is a stand-in.
    """
    figure = money(average.average, approximate=approximate)
    points = []
    if average.bands:
        (first_level, first), (last_level, last) = average.bands[0], average.bands[-1]
        placed = band_position(average.average, average.bands)[1]
        points.append(
            Point(
                "By experience",
                f"Base pay runs from {_band(first)} ({first_level.lower()}) to {_band(last)} "
                f"({last_level.lower()}); the average sits {placed}.",
                "#levels",
            )
        )
    if overview is not None:
        value, spread, about = overview
        if value == average.average:
            side = "the same as the average"
        else:
            gap = percent_difference(abs(percent_change(value, average.average)))
            side = f"{gap} {'below' if value < average.average else 'above'} the average"
        typical = (
            f", typically {money_range(spread.low, spread.high, short=False)}" if spread else ""
        )
        points.append(
            Point(
                "A second data set",
                "The source's broader overview puts typical pay at "
                f"{money(value, approximate=about)}{typical}: {side}. It is a separate data set, "
                "so both are shown.",
                "#pay",
            )
        )
    if official is not None:
        title, gap, stand_in = official
        median = f"the BLS median for {title} ({display.text(gap.second)})"
        text = (
            f"The average is {gap.words(median)}."
            if gap.known
            else gap_sentence("median", gap, f"The average ({figure})", title)
        )
        kind = "the closest official occupation" if stand_in else "its official occupation"
        points.append(
            Point(
                "Official figures",
                f"{text} {title} is {kind}: BLS counts everyone in it, at every level and in "
                "every industry.",
                "#official",
            )
        )
    return Verdict(
        f"{average.name} pays {figure} a year on average, by the source's figure.", points
    )


def _band(band: Range) -> str:
    return money_range(band.low, band.high, open_ended=band.open_ended, short=True)
