"""What publishing a staged release would change, for the editor to check first.

Counts of what it holds, the occupations it adds and drops against the live
release (by SOC code), and the largest changes in the national,
cross-industry annual median wage. A few queries whatever the release's
size; :func:`median_changes` is the pure part.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count

from .differences import Difference, difference
from .figures import Datatype, Figure, State
from .models import Area, Estimate, Industry, Occupation, Release

CROSS_INDUSTRY = Industry.CROSS_INDUSTRY
LARGEST = 10


@dataclass(frozen=True)
class Listed:
    code: str
    title: str


@dataclass(frozen=True)
class MedianChange:
    code: str
    title: str
    before: Decimal
    after: Decimal

    @property
    def change(self) -> Difference:
        """The new median against the live one (the site's one rule)."""
        return difference(
            Figure(Datatype.ANNUAL_MEDIAN, State.PUBLISHED, self.after),
            Figure(Datatype.ANNUAL_MEDIAN, State.PUBLISHED, self.before),
        )


@dataclass(frozen=True)
class Preview:
    release: Release
    live: Release | None
    occupations: int
    areas: dict[str, int]  # by kind, in Area.Kind's order
    industries: int
    estimates: int
    added: list[Listed]
    removed: list[Listed]
    changes: list[MedianChange]
    compared: int  # occupations with a published median in both

    @property
    def area_total(self) -> int:
        return sum(self.areas.values())


type Medians = dict[str, tuple[str, Decimal | None]]  # SOC code -> (title, median)


def national_medians(release: Release) -> Medians:
    """Each occupation's national, cross-industry annual median (None if not published)."""
    field = Datatype.ANNUAL_MEDIAN.field
    rows = Estimate.objects.filter(
        area__release=release,
        area__kind=Area.Kind.NATIONAL,
        industry__release=release,
        industry__code=CROSS_INDUSTRY,
    ).values_list("occupation__code", "occupation__title", field)
    return {code: (title, median) for code, title, median in rows}


def median_changes(before: Medians, after: Medians, largest: int = LARGEST) -> list[MedianChange]:
    """The occupations whose median moved most, as a share of the earlier one.

    Only occupations with a published median in both releases count (a
    median that is top-coded or not released has no size to compare), and
    only those that moved.
    """
    changes = [
        MedianChange(code, title, before[code][1], median)
        for code, (title, median) in after.items()
        if code in before and median is not None and before[code][1] and median != before[code][1]
    ]
    changes.sort(key=lambda c: (-abs(c.change.percent), c.code))
    return changes[:largest]


def preview(release: Release) -> Preview:
    live = Release.objects.live().filter(program=release.program).exclude(pk=release.pk).first()
    codes = dict(Occupation.objects.filter(release=release).values_list("code", "title"))
    live_codes = (
        dict(Occupation.objects.filter(release=live).values_list("code", "title")) if live else {}
    )
    by_kind = dict(Area.objects.filter(release=release).values_list("kind").annotate(n=Count("id")))
    after = national_medians(release)
    before = national_medians(live) if live else {}
    return Preview(
        release=release,
        live=live,
        occupations=len(codes),
        areas={kind: by_kind.get(kind, 0) for kind in Area.Kind.values},
        industries=Industry.objects.filter(release=release).count(),
        estimates=release.estimate_count,
        added=[Listed(c, codes[c]) for c in sorted(codes.keys() - live_codes.keys())]
        if live
        else [],
        removed=[Listed(c, live_codes[c]) for c in sorted(live_codes.keys() - codes.keys())],
        changes=median_changes(before, after),
        compared=sum(
            1 for c, (_, m) in after.items() if m is not None and before.get(c, ("", None))[1]
        ),
    )
