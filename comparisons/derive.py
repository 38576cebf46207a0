"""Derived statements: every comparative sentence the site makes about figures.

Editors type figures, never conclusions. Whether one role "pays more on
average", by how much, and how large the entry-level premium is are all
computed here from the figures, so a changed figure changes the text.
Pure functions over ``Decimal``; no ORM and no Django.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from core.formatting import money, money_short, percent_difference, to_nearest
from core.numbers import percent_change

from .salary import Range


@dataclass(frozen=True)
class PayLead:
    """Which of two averages is higher, and by how much.

    ``percent`` is the difference as a share of the lower figure, the way
    people say "X pays 5% more than Y".
    """

    leader: str
    trailer: str
    leader_value: Decimal
    trailer_value: Decimal
    approximate: bool = False

    @property
    def tie(self) -> bool:
        return self.leader_value == self.trailer_value

    @property
    def difference(self) -> Decimal:
        return self.leader_value - self.trailer_value

    @property
    def percent(self) -> Decimal:
        return percent_change(self.leader_value, self.trailer_value)

    @property
    def headline(self) -> str:
        if self.tie:
            return f"{self.leader} and {self.trailer} pay the same on average"
        return f"{self.leader} pays more on average"

    @property
    def detail(self) -> str:
        about = "about " if self.approximate else ""
        if self.tie:
            return f"Both average {about}{money(self.leader_value)} a year."
        return (
            f"The average {self.leader} earns {about}{money(self.difference)} a year more "
            f"than the average {self.trailer}: a difference of {percent_difference(self.percent)}."
        )

    @property
    def cell(self) -> str:
        """For a table cell: "AI/ML Engineer about $25,000 (26%) higher"."""
        if self.tie:
            return "None"
        about = "about " if self.approximate else ""
        return (
            f"{self.leader} {about}{money(self.difference)} "
            f"({percent_difference(self.percent)}) higher"
        )


def pay_lead(
    name_a: str,
    value_a: Decimal,
    name_b: str,
    value_b: Decimal,
    *,
    approximate: bool = False,
) -> PayLead:
    """Order two named averages so the higher one leads; a tie keeps the given order.

    ``approximate`` marks figures the source gives as "~", so the text hedges.
    """
    if value_b > value_a:
        return PayLead(name_b, name_a, value_b, value_a, approximate)
    return PayLead(name_a, name_b, value_a, value_b, approximate)


@dataclass(frozen=True)
class BandGap:
    """How far one role's band at a level sits above another's.

    ``bottom`` compares the bands' lower ends, ``top`` their upper ends and
    ``middle`` their midpoints, each as a percent of the trailing role's
    figure. When the leader's top is open-ended its premiums at the top and
    midpoint are lower bounds ("+"); when the trailer's top is open-ended the
    top premium cannot be known and is ``None``.
    """

    leader: str
    trailer: str
    bottom: Decimal
    top: Decimal | None
    middle: Decimal
    open_ended: bool

    @property
    def tie(self) -> bool:
        """Neither role leads: the midpoints match."""
        return self.middle == 0 and not self.open_ended

    @property
    def identical(self) -> bool:
        return self.tie and self.bottom == 0 and self.top == 0

    @property
    def range_label(self) -> str:
        """The premium across the band, "+" kept on the top's figure."""
        if self.top is None:
            return f"{percent_difference(self.bottom)} at the bottom of the band"
        bottom = (self.bottom, percent_difference(self.bottom))
        top = (self.top, percent_difference(self.top) + ("+" if self.open_ended else ""))
        (_, low), (_, high) = sorted((bottom, top), key=lambda pair: pair[0])
        return low if low == high else f"{low}\u2013{high}"

    @property
    def summary(self) -> str:
        """A few words for a table cell."""
        if self.identical:
            return "None"
        if self.tie:
            return "Same midpoint"
        return f"{self.leader} {self.range_label} higher"

    @property
    def sentence(self) -> str:
        if self.identical:
            return f"{self.leader} and {self.trailer} bands are the same."
        if self.tie:
            return f"{self.leader} and {self.trailer} bands share a midpoint but not a spread."
        middle = percent_difference(self.middle) + ("+" if self.open_ended else "")
        return (
            f"{self.leader} pays {self.range_label} more than {self.trailer} "
            f"across the band, {middle} at its midpoint."
        )


def band_gap(name_a: str, band_a: Range, name_b: str, band_b: Range) -> BandGap:
    """Compare two bands; the one with the higher midpoint leads."""
    if band_b.midpoint > band_a.midpoint:
        name_a, band_a, name_b, band_b = name_b, band_b, name_a, band_a
    top_known = not band_b.open_ended
    return BandGap(
        leader=name_a,
        trailer=name_b,
        bottom=percent_change(band_a.low, band_b.low),
        top=percent_change(band_a.high, band_b.high) if top_known else None,
        middle=percent_change(band_a.midpoint, band_b.midpoint),
        open_ended=band_a.open_ended and top_known,
    )


@dataclass(frozen=True)
class EstimateGap:
    """The difference between two pay estimates, at their central values
    (the calculator passes each central estimate as a range of one point).

    An open-ended top makes a midpoint or central estimate a lower bound, so the gap is hedged:
    "at least" when only the leader's top is open, "at most" when only the
    trailer's is, and "roughly" when both are.
    """

    lead: PayLead
    leader_open: bool
    trailer_open: bool
    basis: str = "total-pay"

    @property
    def qualifier(self) -> str:
        if self.leader_open and self.trailer_open:
            return "roughly "
        if self.leader_open:
            return "at least "
        if self.trailer_open:
            return "at most "
        return ""

    @property
    def sentence(self) -> str:
        lead = self.lead
        if lead.tie:
            return f"The two central estimates match: {money(lead.leader_value)} a year."
        return (
            f"Comparing the central {self.basis} estimates, {lead.leader} comes out "
            f"{self.qualifier}{money(lead.difference)} a year ahead of {lead.trailer}: "
            f"{self.qualifier}{percent_difference(lead.percent)} more."
        )


def estimate_gap(
    name_a: str, range_a: Range, name_b: str, range_b: Range, basis: str = "total-pay"
) -> EstimateGap:
    lead = pay_lead(name_a, range_a.midpoint, name_b, range_b.midpoint)
    leader, trailer = (range_a, range_b) if lead.leader == name_a else (range_b, range_a)
    return EstimateGap(lead, leader.open_ended, trailer.open_ended, basis)


def estimates_sentence(base: EstimateGap, total: EstimateGap | None) -> str:
    """The calculator's comparison: base pay's gap, and total pay's beside it
    with why the two differ (equity and bonus are a different share of each
    role's pay), so the reader does not meet two percentages unexplained."""
    if total is None:
        return base.sentence
    b, t = base.lead, total.lead
    if b.tie or t.tie or b.leader != t.leader:
        return f"{base.sentence} {total.sentence}"

    def ahead(gap: EstimateGap) -> str:
        q = gap.qualifier
        return f"{q}{money(gap.lead.difference)} ({q}{percent_difference(gap.lead.percent)})"

    if t.percent == b.percent:
        why = ""
    else:
        share = "larger" if t.percent > b.percent else "smaller"
        why = f": equity and bonus make up a {share} share of {b.leader}'s pay"
    return (
        f"At the central estimates, {b.leader} comes out ahead of {b.trailer} by "
        f"{ahead(base)} a year in base pay and {ahead(total)} in total pay{why}."
    )


def data_set_gap(headline: Decimal, overview: Decimal) -> str:
    """How far a role's overview average sits from its headline average, for a
    table cell: "17% below", "the same"."""
    if headline == overview:
        return "the same"
    direction = "below" if overview < headline else "above"
    return f"{percent_difference(abs(percent_change(overview, headline)))} {direction}"


@dataclass(frozen=True)
class Months:
    """A published time range in whole months, with what the source adds."""

    low: int
    high: int
    note: str = ""

    @property
    def midpoint(self) -> Decimal:
        return Decimal(self.low + self.high) / 2

    @property
    def label(self) -> str:
        if self.low == self.high:
            return f"{self.low} month{'' if self.low == 1 else 's'}"
        return f"{self.low}\u2013{self.high} months"

    @property
    def described(self) -> str:
        return f"{self.label} {self.note}".strip()


@dataclass(frozen=True)
class CompetencyLead:
    """Which of two roles takes longer to become job-ready, at the midpoints."""

    leader: str
    trailer: str
    leader_time: Months
    trailer_time: Months

    @property
    def tie(self) -> bool:
        return self.leader_time.midpoint == self.trailer_time.midpoint

    @property
    def sentence(self) -> str:
        lead, trail = self.leader_time, self.trailer_time
        if (lead.low, lead.high) == (trail.low, trail.high):
            return (
                f"{self.leader} and {self.trailer} take as long to become job-ready: "
                f"{lead.label} of study."
            )
        if self.tie:
            return (
                f"{self.leader} and {self.trailer} take about as long to become job-ready: "
                f"{lead.described} for {self.leader}, {trail.described} for {self.trailer}."
            )
        return (
            f"{self.leader} takes longer to become job-ready: {lead.described}, "
            f"against {trail.described} for {self.trailer}."
        )


def competency_lead(name_a: str, time_a: Months, name_b: str, time_b: Months) -> CompetencyLead:
    """Order two times to competency so the longer one leads; a tie keeps the order."""
    if time_b.midpoint > time_a.midpoint:
        return CompetencyLead(name_b, name_a, time_b, time_a)
    return CompetencyLead(name_a, name_b, time_a, time_b)


@dataclass(frozen=True)
class TopPay:
    """How high two roles' bands reach at the most senior level both publish.

    An open-ended top ("$250k+") is a lower bound: a role whose top is open
    and not below the other's reaches higher, and when the trailing role's
    top is open nobody can say which reaches higher.
    """

    level: str
    leader: str
    trailer: str
    leader_band: Range
    trailer_band: Range

    @property
    def known(self) -> bool:
        return not self.trailer_band.open_ended

    @property
    def tie(self) -> bool:
        lead, trail = self.leader_band, self.trailer_band
        return lead.high == trail.high and lead.open_ended == trail.open_ended

    @property
    def sentence(self) -> str:
        lead = money_short(self.leader_band.high, open_ended=self.leader_band.open_ended)
        trail = money_short(self.trailer_band.high, open_ended=self.trailer_band.open_ended)
        where = f"At the top of the {self.level.lower()} band"
        if self.tie:
            return f"{where}, {self.leader} and {self.trailer} both reach {lead}."
        if not self.known:
            return (
                f"{where}, {self.leader} reaches {lead} and {self.trailer} {trail}, a top the "
                "source leaves open, so neither can be said to reach higher."
            )
        if self.leader_band.high == self.trailer_band.high:
            return (
                f"{where}, {self.leader} reaches {lead}, at least as high as {self.trailer} "
                f"({trail})."
            )
        gap = percent_difference(percent_change(self.leader_band.high, self.trailer_band.high))
        more = f"{gap}+" if self.leader_band.open_ended else gap
        return (
            f"{where}, {self.leader} reaches {lead}, against {trail} for {self.trailer}: "
            f"a ceiling {more} higher."
        )


def top_pay(level: str, name_a: str, band_a: Range, name_b: str, band_b: Range) -> TopPay:
    """Order two bands at one level by how high they reach; a tie keeps the order."""
    if (band_b.high, band_b.open_ended) > (band_a.high, band_a.open_ended):
        return TopPay(level, name_b, name_a, band_b, band_a)
    return TopPay(level, name_a, name_b, band_a, band_b)


def offer_against(offer: Decimal, central: Decimal, spread: Range) -> str:
    """An offer (or a reader's pay) against a role's estimate: how far from its
    centre, as a share of the centre, and where it lies in the typical range.
    Amounts to the nearest $1,000, as the estimate is shown."""
    gap = to_nearest(offer, 1000) - to_nearest(central, 1000)
    if gap == 0:
        size = "about this estimate"
    else:
        share = percent_difference(abs(percent_change(offer, central)))
        size = f"{money(abs(gap))} ({share}) {'more' if gap > 0 else 'less'} than this estimate"
    if offer < spread.low:
        where = "below its typical range"
    elif offer > spread.high and not spread.open_ended:
        where = "above its typical range"
    elif offer > spread.high:
        where = "above the top of its range, which the source leaves open"
    else:
        where = "within its typical range"
    return f"{money(offer)} a year is {size}, {where}."
