"""Two official occupations compared: the page's loader, its address, and
the editors' write-ups as readers find them.

The figures come from the live release (``officialstats.queries.pairs``);
the write-up, if an editor published one, is matched by the two SOC codes.
A pair has one address, its slugs in alphabetical order joined by "-vs-";
the other order is redirected to it.

Queries: the live release's (at most once a second), the two occupations
with their national figures, and the write-up: three, whatever the catalogue;
the guidance datasets add five (``officialstats.queries.pair_guidance``).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Q

from officialstats.figures import Datatype, State
from officialstats.live import LiveRelease, live_release
from officialstats.pair_chart import PairChart, pair_chart
from officialstats.pairs import PairRow, pair_rows, spread, statements, unit_is_hourly
from officialstats.queries.pair_guidance import PairGuidance, load_pair_guidance
from officialstats.queries.pairs import Side, detailed_occupations

from ..models import OccupationComparison
from ..models.occupations import pair_path
from ..models.roles import PAIR_SEPARATOR

SEPARATOR = PAIR_SEPARATOR


def splits(pair: str) -> list[tuple[str, str]]:
    """Every way to read ``pair`` as "<a>-vs-<b>" (a slug could hold "-vs-" itself)."""
    found = []
    start = pair.find(SEPARATOR)
    while start > 0:
        first, second = pair[:start], pair[start + len(SEPARATOR) :]
        if first and second:
            found.append((first, second))
        start = pair.find(SEPARATOR, start + 1)
    return found


@dataclass(frozen=True, slots=True)
class PairPage:
    release: LiveRelease
    first: Side
    second: Side
    write_up: OccupationComparison | None
    hourly: bool
    rows: list[PairRow]
    statements: list[str]
    chart: PairChart | None
    guidance: PairGuidance | None = None  # outlook, preparation, skills and technology

    @property
    def names(self) -> tuple[str, str]:
        return (self.first.occupation.title, self.second.occupation.title)

    @property
    def hourly_only_titles(self) -> str:
        """The occupations whose wages BLS publishes by the hour only."""
        titles = [
            side.occupation.title
            for side in (self.first, self.second)
            if side.figures[Datatype.ANNUAL_MEDIAN].state is State.ONE_UNIT_ONLY
        ]
        return " and ".join(titles)

    @property
    def path(self) -> str:
        return pair_path(self.first.occupation.slug, self.second.occupation.slug)

    @property
    def indexable(self) -> bool:
        return self.write_up is not None

    @property
    def last_updated(self) -> datetime.date:
        """The later of the release's publication and the write-up's text."""
        dates = [self.release.published_on]
        if self.write_up is not None and self.write_up.text_date is not None:
            dates.append(self.write_up.text_date)
        return max(dates)


@dataclass(frozen=True, slots=True)
class Found:
    """What an address names: a page, or the pair's canonical address to redirect to."""

    page: PairPage | None = None
    redirect_to: str | None = None


def load_occupation_pair(pair: str, *, drafts: bool = False) -> Found | None:
    """The page at ``/occupations/compare/<pair>/``; None when it names no
    two different detailed occupations of the live release. With ``drafts``
    (staff previews) an unpublished write-up shows too."""
    release = live_release()
    options = splits(pair)
    if release is None or not options:
        return None
    sides = detailed_occupations("slug", {slug for option in options for slug in option}, release)
    chosen = next(
        ((a, b) for a, b in options if a in sides and b in sides and a != b),
        None,
    )
    if chosen is None:
        return None
    if list(chosen) != sorted(chosen):
        return Found(redirect_to=pair_path(*chosen))
    first, second = sides[chosen[0]], sides[chosen[1]]
    write_ups = (
        OccupationComparison.objects.all() if drafts else OccupationComparison.objects.published()
    )
    write_up = write_ups.for_pair(first.occupation.code, second.occupation.code).first()
    if write_up is not None and write_up.code_a == second.occupation.code:
        first, second = second, first  # as the editor's title names them
    return Found(page=build(release, first, second, write_up))


def build(
    release: LiveRelease, first: Side, second: Side, write_up: OccupationComparison | None
) -> PairPage:
    hourly = unit_is_hourly(first.figures, second.figures)
    names = (first.occupation.title, second.occupation.title)
    guidance = load_pair_guidance(first.occupation.code, second.occupation.code)
    rows = pair_rows(first.figures, second.figures, hourly=hourly)
    return PairPage(
        release=release,
        first=first,
        second=second,
        write_up=write_up,
        hourly=hourly,
        rows=rows,
        statements=statements(rows, names, hourly=hourly),
        chart=pair_chart(
            spread(first.figures, hourly=hourly),
            spread(second.figures, hourly=hourly),
            hourly=hourly,
            names=names,
        ),
        guidance=guidance,
    )


# The editors' write-ups, where readers find comparisons ----------------------------


@dataclass(frozen=True, slots=True)
class WriteUpLink:
    title: str
    summary: str
    url: str
    codes: tuple[str, str]
    last_updated: datetime.date


def write_up_links(code: str = "") -> list[WriteUpLink]:
    """Published write-ups whose two occupations the live release has (only
    those involving the occupation ``code``, if given), newest first: two queries."""
    write_ups = OccupationComparison.objects.published()
    if code:
        write_ups = write_ups.filter(Q(code_a=code) | Q(code_b=code))
    write_ups = list(write_ups)
    release = live_release()
    if release is None or not write_ups:
        return []
    codes = {c for write_up in write_ups for c in write_up.codes}
    sides = detailed_occupations("code", codes, release)
    links = []
    for write_up in write_ups:
        if write_up.code_a in sides and write_up.code_b in sides:
            a, b = sides[write_up.code_a].occupation, sides[write_up.code_b].occupation
            links.append(
                WriteUpLink(
                    title=write_up.title,
                    summary=write_up.summary,
                    url=pair_path(a.slug, b.slug),
                    codes=write_up.codes,
                    last_updated=max(filter(None, [release.published_on, write_up.text_date])),
                )
            )
    return links
