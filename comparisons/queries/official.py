"""A role's linked occupation and its official national figures, for the role
page, the article, the downloads, the methodology and editors' warnings.

Roles link to an occupation by SOC code, since occupations belong to a
release: the figures are read from whichever release is live, in one query
for any number of roles (the live release is known from the site state).
Nothing here is remembered per site state: a release is published
without any editorial change, so the pages showing these figures are kept
under the editorial content *and* the live release (``core.state.Shows.EVERYTHING``).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from django.urls import reverse

from core.formatting import money
from officialstats.differences import Difference
from officialstats.figures import Datatype, Figure
from officialstats.live import LiveRelease, live_release
from officialstats.outlook import Outlook, compared
from officialstats.queries.common import OccupationRef
from officialstats.queries.occupations import NationalFigures, national_figures_by_code
from officialstats.queries.outlook import load_outlooks

from ..models import Role, SalaryStat
from ..official import (
    RoleAverage,
    SourceFacts,
    against_official,
    directions_agree,
    gap_cell,
    gap_sentence,
    headline_versus_levels,
    medians_sentence,
    why_figures_differ,
)
from ..salary import Range
from ..verdict import OccupationPair, Verdict, article_verdict
from .common import RoleProfile, band_range

PROGRAM_LABEL = "BLS OEWS"


class Link(enum.StrEnum):
    LINKED = "linked"  # the live release has the occupation's national figures
    UNLINKED = "unlinked"  # editors have not linked the role
    NO_RELEASE = "no-release"  # no release is live
    MISSING = "missing"  # the live release does not list the code (with national figures)


@dataclass(frozen=True, slots=True)
class GapRow:
    """One row of a role's table against BLS: which statistic, and the difference."""

    statistic: str  # "mean" or "median"
    difference: Difference

    @property
    def official(self) -> Figure:
        return self.difference.second

    @property
    def cell(self) -> str:
        return gap_cell(self.difference)


@dataclass(frozen=True)
class RoleOfficial:
    """One role beside its linked occupation's national figures, when there are any."""

    role: Role
    link: Link
    release: LiveRelease | None = None
    national: NationalFigures | None = None
    headline: SalaryStat | None = None

    @property
    def code(self) -> str:
        return self.role.occupation_code

    @property
    def stand_in(self) -> bool:
        """The editors chose the closest occupation and said why: not the role's own."""
        return bool(self.role.occupation_reason.strip())

    @property
    def reason_url(self) -> str:
        return f"{reverse('methodology')}#occupation-{self.role.slug}"

    @property
    def citation(self) -> str:
        """ "BLS OEWS, May 2025", from the release record."""
        return f"{PROGRAM_LABEL}, {self.release.name}" if self.release else PROGRAM_LABEL

    @property
    def occupation(self) -> OccupationRef | None:
        return self.national.occupation if self.national else None

    @property
    def mean(self) -> Figure | None:
        return self.national.figures[Datatype.ANNUAL_MEAN] if self.national else None

    @property
    def median(self) -> Figure | None:
        return self.national.figures[Datatype.ANNUAL_MEDIAN] if self.national else None

    @property
    def rows(self) -> list[tuple[str, Figure]]:
        """The figures the page shows, in order: employment, mean, the percentiles."""
        if self.national is None:
            return []
        figures = self.national.figures
        return [
            ("Employment", figures[Datatype.EMPLOYMENT]),
            ("Mean wage", figures[Datatype.ANNUAL_MEAN]),
            ("10th percentile", figures[Datatype.ANNUAL_P10]),
            ("25th percentile", figures[Datatype.ANNUAL_P25]),
            ("Median", figures[Datatype.ANNUAL_MEDIAN]),
            ("75th percentile", figures[Datatype.ANNUAL_P75]),
            ("90th percentile", figures[Datatype.ANNUAL_P90]),
        ]

    @property
    def gaps(self) -> list[GapRow]:
        """The headline average against the BLS mean, then the median."""
        if self.national is None or self.headline is None:
            return []
        average = self.headline.average
        return [
            GapRow("mean", against_official(average, self.mean)),
            GapRow("median", against_official(average, self.median)),
        ]

    @property
    def mean_gap(self) -> GapRow | None:
        return self.gaps[0] if self.gaps else None

    @property
    def headline_name(self) -> str:
        stat = self.headline
        return f"{self.role.name}'s headline average ({stat.label.lower()}, {stat_money(stat)})"

    @property
    def sentences(self) -> list[str]:
        return [
            gap_sentence(gap.statistic, gap.difference, self.headline_name, self.occupation.title)
            for gap in self.gaps
        ]

    @property
    def source_facts(self) -> SourceFacts | None:
        if self.headline is None:
            return None
        source = self.headline.source
        return SourceFacts(
            source.publisher, source.title, source.as_of_label, self.headline.label,
            bool(source.url.strip()),
        )  # fmt: skip

    @property
    def explanation(self) -> list[str]:
        return explain([self])


def explain(items: list[RoleOfficial]) -> list[str]:
    """Why the roles' editorial averages and their occupations' figures differ."""
    shown = [item for item in items if item.national is not None and item.headline is not None]
    if not shown:
        return []
    return why_figures_differ(
        [item.source_facts for item in shown],
        shown[0].release.name,
        [(item.occupation.title, item.stand_in) for item in shown],
    )


def stat_money(stat: SalaryStat) -> str:
    return money(stat.average, stat.currency, approximate=stat.approximate)


def load_official(profiles: list[RoleProfile]) -> list[RoleOfficial]:
    """Each role's official figures, in one query (and the live release's)."""
    release = live_release()
    codes = [profile.role.occupation_code for profile in profiles]
    found = national_figures_by_code(codes) if release is not None else {}
    result = []
    for profile in profiles:
        role, code = profile.role, profile.role.occupation_code
        if not code:
            link = Link.UNLINKED
        elif release is None:
            link = Link.NO_RELEASE
        elif code not in found:
            link = Link.MISSING
        else:
            link = Link.LINKED
        result.append(RoleOfficial(role, link, release, found.get(code), profile.headline))
    return result


@dataclass(frozen=True)
class OutlookColumn:
    """A role's linked occupation and its projections (None where EP has none)."""

    role: str
    occupation: OccupationRef
    outlook: Outlook | None


@dataclass(frozen=True)
class RolesOutlook:
    """The linked occupations' job outlook side by side, compared in words."""

    release: LiveRelease  # the live projections
    columns: list[OutlookColumn]
    compared: str = ""  # worked out from the two occupations' figures

    @property
    def projected(self) -> list[Outlook]:
        return [column.outlook for column in self.columns if column.outlook is not None]


def load_roles_outlook(roles: list[RoleOfficial]) -> RolesOutlook | None:
    """The projections for the roles' linked occupations, in one query; None
    without live projections or a linked role."""
    linked = [item for item in roles if item.link is Link.LINKED]
    projections, found = load_outlooks([item.code for item in linked])
    if projections is None or not linked:
        return None
    columns = [OutlookColumn(i.role.name, i.occupation, found.get(i.code)) for i in linked]
    words = ""
    if len(columns) == 2 and all(c.outlook for c in columns) and linked[0].code != linked[1].code:
        words = compared(*(column.outlook for column in columns))
    return RolesOutlook(projections, columns, words)


@dataclass(frozen=True)
class ArticleOfficial:
    """The article's official figures: each role's, the two occupations'
    medians side by side, and why the headline gap differs from the gaps by level."""

    roles: list[RoleOfficial]
    medians: str = ""  # which linked occupation's median is higher, in a sentence
    agreement: str = ""
    levels_explained: list[str] = field(default_factory=list)
    verdict: Verdict | None = None  # the article's summary, which needs the official figures
    outlook: RolesOutlook | None = None  # the linked occupations' projections

    @property
    def release(self) -> LiveRelease | None:
        return self.roles[0].release if self.roles else None

    @property
    def linked(self) -> list[RoleOfficial]:
        return [item for item in self.roles if item.link is Link.LINKED]

    @property
    def explanation(self) -> list[str]:
        return explain(self.roles)

    @property
    def same_occupation(self) -> bool:
        linked = self.linked
        return len(linked) == 2 and linked[0].code == linked[1].code


def load_article_official(page) -> ArticleOfficial:
    """What the article's official section and its summary show, for an
    already loaded ``ArticlePage``, in one query (and the live release's)."""
    roles = load_official(page.profiles)
    medians, agreement, pair = "", "", None
    both = [item for item in roles if item.link is Link.LINKED]
    if len(both) == 2 and both[0].code != both[1].code:
        (a, b) = both
        titles = (a.occupation.title, b.occupation.title)
        medians, found = medians_sentence(titles, (a.median, b.median))
        pair = OccupationPair(
            titles, (a.median, b.median), (a.role.name, b.role.name), found,
            (a.stand_in, b.stand_in),
        )  # fmt: skip
        if page.lead is not None:
            agreement = directions_agree(page.lead, found, (a.role.name, b.role.name))
    outlook = load_roles_outlook(roles)
    if page.lead is None:
        return ArticleOfficial(roles, medians, agreement, outlook=outlook)
    averages = tuple(
        RoleAverage(
            profile.role.name,
            profile.headline.average,
            [
                (level.name, band_range(profile.bands[level.pk]))
                for level in page.levels
                if level.pk in profile.bands
            ],
        )
        for profile in page.profiles
    )
    gaps = [row.gap for row in page.level_rows if row.gap is not None]
    shares = {
        profile.role.name: Range(profile.equity.low_percent, profile.equity.high_percent)
        for profile in page.profiles
        if profile.equity
    }
    verdict = article_verdict(
        page.lead, gaps, averages, overview=page.overview_lead, pair=pair, shares=shares
    )
    return ArticleOfficial(
        roles,
        medians,
        agreement,
        headline_versus_levels(page.lead, gaps, averages),
        verdict,
        outlook,
    )


@dataclass(frozen=True)
class LinkedOccupation:
    """A published role's link, for the methodology page."""

    role: Role
    link: Link
    occupation: OccupationRef | None

    @property
    def anchor(self) -> str:
        return f"occupation-{self.role.slug}"


def load_linked_occupations() -> list[LinkedOccupation]:
    """Every published role with a linked occupation, with the live release's
    occupation of that code, in two queries (and the live release's)."""
    roles = list(Role.objects.published().exclude(occupation_code="").order_by("name"))
    release = live_release()
    found = national_figures_by_code([role.occupation_code for role in roles])
    items = []
    for role in roles:
        national = found.get(role.occupation_code)
        link = Link.NO_RELEASE if release is None else Link.LINKED if national else Link.MISSING
        items.append(LinkedOccupation(role, link, national.occupation if national else None))
    return items
