"""Where the live release's figures come from, for the methodology page (2 queries)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from ..models import Program, Release

# BLS's notice, which BLS asks to accompany data taken from its site; quoted.
BLS_NOTICE = (
    "BLS.gov cannot vouch for the data or analyses derived from these data after the data "
    "have been retrieved from BLS.gov."
)


@dataclass(frozen=True)
class File:
    name: str
    url: str
    size: int
    sha256: str
    last_modified: datetime.date | None
    identical: bool
    imported_size: int
    imported_sha256: str


@dataclass(frozen=True)
class Provenance:
    name: str
    code: str
    citation: str
    published_on: datetime.date | None
    retrieved_on: datetime.date
    made_live_at: datetime.datetime | None
    archive_name: str
    archive_url: str
    archive_sha256: str
    notes: str
    files: list[File]
    notice: str = BLS_NOTICE

    @property
    def derived(self) -> list[File]:
        return [file for file in self.files if not file.identical]


def live_provenance(program: str = Program.OEWS) -> Provenance | None:
    release = Release.objects.live().filter(program=program).first()
    return None if release is None else _provenance(release)


def guidance_provenance(programs: list[str]) -> dict[str, Provenance]:
    """The live release of each of ``programs`` that has one, with its files: two queries."""
    releases = Release.objects.live().filter(program__in=programs).prefetch_related("files")
    return {release.program: _provenance(release) for release in releases}


def _provenance(release: Release) -> Provenance:
    files = [
        File(
            f.name,
            f.url,
            f.size,
            f.sha256,
            f.last_modified,
            f.identical,
            f.imported_size,
            f.imported_sha256,
        )
        for f in release.files.all()
    ]
    return Provenance(
        name=release.name,
        code=release.code,
        citation=release.citation,
        published_on=release.published_on,
        retrieved_on=release.retrieved_on,
        made_live_at=release.made_live_at,
        archive_name=release.archive_name,
        archive_url=release.archive_url,
        archive_sha256=release.archive_sha256,
        notes=release.notes,
        files=files,
    )


def guidance_sources() -> list[tuple]:
    """Each career-guidance dataset with its live release's provenance (or None)."""
    from ..guidance.programs import DATASETS

    live = guidance_provenance(list(DATASETS))
    return [
        (dataset, found, dataset.attribution_for(found.name) if found else "")
        for program, dataset in DATASETS.items()
        for found in [live.get(program)]
    ]
