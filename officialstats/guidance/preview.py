"""What publishing a staged guidance release would bring, for the editor to
check first: its rows by table, its files with their sha256 (a download's is
of what was fetched), and the SOC codes it describes that the live OEWS
release lacks (kept, and never breaking a page: they are counted here)."""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Occupation, Program, Release
from ..queries.prices import unmatched_areas
from ..queries.work import SPLITS
from .programs import DATASETS

# The field holding each table's six-digit SOC code, where it has one.
SOC_FIELDS = {"Projection": "code", "OnetOccupation": "soc", "StudyProgram": "soc"}


@dataclass(frozen=True)
class GuidancePreview:
    release: Release
    live: Release | None
    label: str
    tables: list[tuple[str, int]]  # (what, rows)
    files: list  # ReleaseFile rows
    missing_codes: list[str]  # SOC codes the live OEWS release does not list
    kind: str = "guidance"
    unpriced: list[str] | None = None  # for price levels: the live OEWS places they miss


def guidance_preview(release: Release) -> GuidancePreview:
    dataset = DATASETS[release.program]
    live = Release.objects.live().filter(program=release.program).first()
    tables, codes = [], set()
    for model in dataset.models:
        rows = model.objects.filter(release=release)
        tables.append((str(model._meta.verbose_name_plural), rows.count()))
        if (field := SOC_FIELDS.get(model.__name__)) is not None:
            codes |= set(rows.values_list(field, flat=True).distinct())
    oews = set(
        Occupation.objects.filter(
            release__status=Release.Status.LIVE, release__program=Program.OEWS
        ).values_list("code", flat=True)
    )
    # The parts O*NET splits an OEWS code into are shown, on that code's page.
    parts = {part for split in SPLITS.values() for part in split}
    missing = sorted(
        code for code in codes if oews and code not in oews | parts and code != "00-0000"
    )
    unpriced = unmatched_areas(release.pk) if release.program == Program.RPP else None
    return GuidancePreview(
        release, live, dataset.cite(release.name), tables, list(release.files.all()), missing,
        unpriced=unpriced,
    )  # fmt: skip
