"""Where a dataset's files come from: the folder of the publishers' files
when it has them, else the publisher."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

from .files import Fetched, download, from_folder
from .programs import Dataset


def fetch(
    dataset: Dataset, folder: Path | None = None, *, allow_download: bool = True
) -> list[Fetched]:
    """``dataset``'s files from ``folder`` (default ``CAREERGUIDE_DATA_DIR``),
    checked against its SHA256SUMS; downloaded into the work folder when the
    folder does not have them (and ``allow_download``)."""
    folder = folder or settings.GUIDANCE_DATA_DIR
    # A folder that has the dataset's subfolder is the source: a file missing
    # from it is an error, not a reason to fetch something else instead.
    if (folder is not None and (folder / dataset.folder).is_dir()) or not allow_download:
        return from_folder(folder, dataset.folder, dataset.files) if folder else []
    return download(dataset.files, settings.OFFICIALSTATS_DATA_DIR / "downloads" / dataset.folder)


def how(fetched: list[Fetched]) -> str:
    """What the release records of where its files came from."""
    if fetched[0].downloaded:
        return (
            "Downloaded from the publisher's address; the SHA-256 given is of what was fetched "
            "(publishers publish no checksums)."
        )
    return (
        "Read from a folder of the publishers' files, each checked against the SHA-256 the "
        "folder lists for it before import."
    )
