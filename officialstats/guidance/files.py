"""A dataset's files: found in a folder of the publishers' files, or downloaded.

A folder's files are checked against its ``SHA256SUMS`` (``sha256sum``'s
format, paths relative to the folder): a file missing, unlisted or different
is refused. Publishers publish no checksums, so a download is recorded with
the sha256 of what was fetched, for the editor to see before publishing.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..importing.problems import ImportProblem

SUMS = "SHA256SUMS"
# bls.gov refuses requests without a browser-like User-Agent.
USER_AGENT = "Mozilla/5.0 (compatible; careerguide importer; +https://github.com/)"
TIMEOUT = 60


@dataclass(frozen=True, slots=True)
class DatasetFile:
    name: str  # as the publisher names it: "occupation.xlsx", "Task Statements.xlsx"
    url: str  # where the publisher publishes it, or the zip that holds it
    member: str = ""  # its path inside the zip at ``url``, when it comes in one


@dataclass(frozen=True, slots=True)
class Fetched:
    """A file ready to read, and what the release records of it."""

    file: DatasetFile
    path: Path
    sha256: str
    size: int
    downloaded: bool  # else found in a folder and checked against its SHA256SUMS


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def read_sums(folder: Path) -> dict[str, str]:
    """``SHA256SUMS`` as {relative path: sha256}; empty when there is none."""
    path = folder / SUMS
    if not path.is_file():
        return {}
    sums = {}
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        if not line.strip():
            continue
        # sha256sum's two forms: "<digest>  name" (text) and "<digest> *name" (binary).
        found = re.fullmatch(r"([0-9a-fA-F]{64}) [ *](.+)", line.rstrip("\r\n"))
        if found is None:
            raise ImportProblem("not a sha256sum line", str(path), number)
        sums[found.group(2).strip()] = found.group(1).lower()
    return sums


def from_folder(root: Path, subfolder: str, files: tuple[DatasetFile, ...]) -> list[Fetched]:
    """Each of ``files`` in ``root/subfolder``, checked against ``root/SHA256SUMS``."""
    sums = read_sums(root)
    if not sums:
        raise ImportProblem(f"no {SUMS} to check the files against", str(root))
    found = []
    for file in files:
        relative = f"{subfolder}/{file.name}"
        path = root / relative
        if not path.is_file():
            raise ImportProblem("the file is missing", str(path))
        expected = sums.get(relative)
        if expected is None:
            raise ImportProblem(f"not listed in {SUMS}, so it cannot be checked", relative)
        actual = sha256_of(path)
        if actual != expected:
            raise ImportProblem(
                f"sha256 {actual} is not the {expected} that {SUMS} lists: the file is not "
                "the publisher's as recorded (changed, truncated or replaced)",
                relative,
            )
        found.append(Fetched(file, path, actual, path.stat().st_size, downloaded=False))
    return found


def download(files: tuple[DatasetFile, ...], into: Path) -> list[Fetched]:
    """Each of ``files`` from its publisher into ``into`` (a zip fetched once
    for all its members), with the sha256 of what was fetched."""
    into.mkdir(parents=True, exist_ok=True)
    fetched: dict[str, Path] = {}
    found = []
    for file in files:
        if file.url not in fetched:
            target = into / Path(file.url.rstrip("/")).name
            _fetch(file.url, target)
            fetched[file.url] = target
        source = fetched[file.url]
        path = source
        if file.member:
            path = into / file.name
            try:
                with (
                    zipfile.ZipFile(source) as archive,
                    archive.open(file.member) as member,
                    path.open("wb") as out,
                ):
                    shutil.copyfileobj(member, out)
            except (zipfile.BadZipFile, KeyError) as error:
                raise ImportProblem(f"not in the archive as expected ({error})", file.url) from None
        found.append(Fetched(file, path, sha256_of(path), path.stat().st_size, downloaded=True))
    return found


def _fetch(url: str, target: Path) -> None:
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response, target.open("wb") as out:
            shutil.copyfileobj(response, out)
    except OSError as error:  # URLError, HTTPError, timeouts
        raise ImportProblem(f"could not be downloaded ({error})", url) from None
