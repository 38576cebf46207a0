"""Where a dataset's files come from: the folder of the publishers' files
when it has them, else the publisher."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

from ..importing.problems import ImportProblem
from .files import Fetched, download, from_folder
from .programs import Dataset


def fetch(
    dataset: Dataset, folder: Path | None = None, *, allow_download: bool = True
) -> list[Fetched]:
    """``dataset``'s files from ``folder`` (default ``CAREERGUIDE_DATA_DIR``),
    checked against its SHA256SUMS; downloaded into the work folder only when
    no folder was named and the default one does not have the dataset (and
    ``allow_download``). Raises ImportProblem when there is neither."""
    chosen = folder or settings.GUIDANCE_DATA_DIR
    # A folder named, or one that has the dataset's subfolder, is the source: a
    # file missing from it is an error, not a reason to fetch something else.
    if folder is not None or (chosen is not None and (chosen / dataset.folder).is_dir()):
        return from_folder(chosen, dataset.folder, dataset.files)
    if not allow_download:
        raise ImportProblem("no folder of the publishers' files, and no download")
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
