"""Where a release's files came from: ``provenance.json`` beside them, if any.

A copy of BLS's files that is not BLS's download itself (the embedded
default, written from a PyPI wheel) says what BLS published (each file's
address, size, SHA-256 and date), when it was retrieved, what package it
came in and how the files were derived, in a ``provenance.json``::

    {"format": 1,
     "published_on": "2026-05-15", "retrieved_on": "2026-09-26",
     "files": {"oe.area": {"url": "...", "size": 21915, "sha256": "...",
                           "last_modified": "2026-05-15"}, ...},
     "archive": {"name": "...whl", "sha256": "...", "url": "..."},
     "notes": "how the files were derived"}

Without one, each file is described by itself (its own size and SHA-256,
BLS's address for its name), and the dates come from the importer's options.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass, field
from pathlib import Path

from .problems import ImportProblem

FILENAME = "provenance.json"
BLS_URL = "https://download.bls.gov/pub/time.series/oe/"


@dataclass(frozen=True)
class PublishedFile:
    url: str
    size: int
    sha256: str
    last_modified: datetime.date | None = None


@dataclass(frozen=True)
class Provenance:
    published_on: datetime.date | None = None
    retrieved_on: datetime.date | None = None
    files: dict[str, PublishedFile] = field(default_factory=dict)
    archive_name: str = ""
    archive_url: str = ""
    archive_sha256: str = ""
    notes: str = ""


def find(paths: list[Path]) -> Path | None:
    for path in paths:
        candidate = path / FILENAME if path.is_dir() else path.parent / FILENAME
        if candidate.is_file():
            return candidate
    return None


def read(path: Path) -> Provenance:
    label = str(path)
    try:
        raw = json.loads(path.read_text())
        if raw.get("format") != 1:
            raise ImportProblem("unknown format (expected 1)", label)
        files = {
            name: PublishedFile(
                url=entry["url"],
                size=int(entry["size"]),
                sha256=entry["sha256"],
                last_modified=_date(entry.get("last_modified")),
            )
            for name, entry in raw.get("files", {}).items()
        }
        archive = raw.get("archive") or {}
        return Provenance(
            published_on=_date(raw.get("published_on")),
            retrieved_on=_date(raw.get("retrieved_on")),
            files=files,
            archive_name=archive.get("name", ""),
            archive_url=archive.get("url", ""),
            archive_sha256=archive.get("sha256", ""),
            notes=raw.get("notes", ""),
        )
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise ImportProblem(f"not a provenance file this reads ({error})", label) from error


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def published_file(provenance: Provenance, name: str, size: int, sha256: str) -> PublishedFile:
    """What the agency published under ``name``: from the provenance, else the file read."""
    return provenance.files.get(name) or PublishedFile(BLS_URL + name, size, sha256)
