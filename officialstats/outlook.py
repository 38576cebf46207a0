"""Job outlook in words, worked out from BLS Employment Projections' figures. Pure.

Every comparison with all occupations is computed from the two rows, never
typed: "grows about five times as fast as all occupations (+15.8% against
+3.1%)". EP publishes changes rounded to a tenth of a percent; the ratio is
worked out from those published figures and rounded only in words.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .differences import MINUS

WORDS = {2: "twice", 3: "three times", 4: "four times", 5: "five times", 6: "six times",
         7: "seven times", 8: "eight times", 9: "nine times", 10: "ten times"}  # fmt: skip
ABOUT_AS_FAST = (Decimal("0.8"), Decimal("1.25"))  # within a quarter of the average


def signed(percent: Decimal) -> str:
    """+15.8%, −1.2%, 0.0%: as EP writes changes, to a tenth."""
    text = f"{abs(percent):.1f}%"
    return f"+{text}" if percent > 0 else f"{MINUS}{text}" if percent < 0 else text


def growth(percent: Decimal, everyone: Decimal) -> str:
    """How an occupation's projected change compares with all occupations'."""
    both = f"({signed(percent)} against {signed(everyone)})"
    if percent < 0:
        return (
            f"projected to shrink ({signed(percent)}) while all occupations change by "
            f"{signed(everyone)}"
        )
    if percent == 0:
        return f"projected to stay about the same size {both}"
    if everyone <= 0:
        return f"projected to grow while all occupations together do not {both}"
    ratio = percent / everyone
    low, high = ABOUT_AS_FAST
    if low <= ratio <= high:
        return f"projected to grow about as fast as all occupations {both}"
    if ratio > high:
        if ratio < Decimal("1.4"):
            return f"projected to grow faster than all occupations {both}"
        if ratio < Decimal("1.75"):
            return f"projected to grow about one and a half times as fast as all occupations {both}"
        times = int(ratio.quantize(Decimal(1), rounding=ROUND_HALF_UP))
        said = WORDS.get(times, f"{times} times")
        return f"projected to grow about {said} as fast as all occupations {both}"
    if ratio >= Decimal("0.4"):
        return f"projected to grow more slowly than all occupations {both}"
    return f"projected to grow much more slowly than all occupations {both}"


def times(ratio: Decimal) -> str:
    """ "twice", "about one and a half times", "seven times": a ratio above 1.4, in words."""
    if ratio < Decimal("1.75"):
        return "one and a half times"
    whole = int(ratio.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return WORDS.get(whole, f"{whole} times")


def versus(a_name: str, a: Projected, b_name: str, b: Projected, start_year: int) -> str:
    """Two occupations' outlooks set side by side in words, worked out from
    their published figures: which is projected to grow faster, and by about
    how much; which has more openings a year, and why that can differ."""
    faster, slower = ((a_name, a), (b_name, b))
    if b.change_percent > a.change_percent:
        faster, slower = slower, faster
    both = f"({signed(faster[1].change_percent)} against {signed(slower[1].change_percent)})"
    f_pct, s_pct = faster[1].change_percent, slower[1].change_percent
    if f_pct == s_pct:
        if f_pct > 0:
            growing = f"{a_name} and {b_name} are projected to grow at the same rate {both}"
        elif f_pct == 0:
            growing = f"neither {a_name} nor {b_name} are projected to grow {both}"
        else:
            growing = f"{a_name} and {b_name} are projected to shrink at the same rate {both}"
    elif f_pct <= 0:  # neither grows
        if f_pct == 0:
            growing = f"{faster[0]} are projected to hold steady while {slower[0]} shrink {both}"
        else:
            growing = f"both are projected to shrink, {faster[0]} less than {slower[0]} {both}"
    elif s_pct <= 0:
        growing = f"{faster[0]} are projected to grow while {slower[0]} are not {both}"
    elif f_pct / s_pct >= Decimal("1.4"):
        growing = (
            f"{faster[0]} are projected to grow about {times(f_pct / s_pct)} as fast as "
            f"{slower[0]} {both}"
        )
    else:
        growing = f"{faster[0]} are projected to grow faster than {slower[0]} {both}"
    more, fewer = (a_name, a), (b_name, b)
    if b.openings > a.openings:
        more, fewer = fewer, more
    openings = f"({more[1].openings:,.1f} thousand against {fewer[1].openings:,.1f} thousand)"
    if fewer[1].openings <= 0 or more[1].openings == fewer[1].openings:
        return f"{growing}."
    ratio = more[1].openings / fewer[1].openings
    many = f"about {times(ratio)} as many" if ratio >= Decimal("1.4") else "more"
    said = f"{growing}; {more[0]} are projected to have {many} openings a year {openings}"
    if (
        more[0] == slower[0]
        and fewer[1].employment_start > 0
        and more[1].employment_start > fewer[1].employment_start
    ):
        # Openings follow size as well as growth: say so where they point the other way.
        size = more[1].employment_start / fewer[1].employment_start
        many = f"about {times(size)} as many" if size >= Decimal("1.4") else "more"
        said += (
            f", as there are {many} of them to begin with ({more[1].employment_start:,.1f} "
            f"thousand jobs in {start_year} against {fewer[1].employment_start:,.1f} thousand)"
        )
    return f"{said}."


def mid_sentence(title: str) -> str:
    """EP's titles are in sentence case ("Software developers"): as they read mid-sentence."""
    return title[:1].lower() + title[1:]


def compared(a: Outlook, b: Outlook) -> str:
    """Two occupations' outlooks compared in words, by their EP titles."""
    return versus(mid_sentence(a.own.title), a.own, mid_sentence(b.own.title), b.own, a.start_year)


def share_of_openings(openings: Decimal, everyone: Decimal) -> str:
    """ "0.6% of all openings": this occupation's part of every opening a year."""
    if everyone <= 0:
        return ""
    share = openings / everyone * 100
    places = Decimal("0.1") if share >= Decimal("0.1") else Decimal("0.01")
    if share and share < Decimal("0.01"):
        return "less than 0.01% of all openings"
    return f"{share.quantize(places, rounding=ROUND_HALF_UP)}% of all openings"


@dataclass(frozen=True)
class Projected:
    """One row of the projections, as published (thousands; percentages to a tenth)."""

    code: str
    title: str
    employment_start: Decimal
    employment_end: Decimal
    change: Decimal
    change_percent: Decimal
    openings: Decimal
    self_employed_percent: Decimal | None
    education: str = ""
    experience: str = ""
    training: str = ""

    @property
    def change_text(self) -> str:
        sign = "+" if self.change > 0 else MINUS if self.change < 0 else ""
        return f"{sign}{abs(self.change):,.1f} ({signed(self.change_percent)})"


@dataclass(frozen=True)
class Outlook:
    """An occupation's projections beside all occupations'."""

    own: Projected
    everyone: Projected
    start_year: int
    end_year: int

    @property
    def is_everyone(self) -> bool:
        """The all-occupations page: nothing to compare with but itself."""
        return self.own.code == self.everyone.code

    @property
    def growth(self) -> str:
        if self.is_everyone:
            return f"projected to change by {signed(self.own.change_percent)}"
        return growth(self.own.change_percent, self.everyone.change_percent)

    @property
    def openings_share(self) -> str:
        return share_of_openings(self.own.openings, self.everyone.openings)

    @property
    def span(self) -> str:
        """ "2024–34" """
        return f"{self.start_year}\u2013{str(self.end_year)[2:]}"
