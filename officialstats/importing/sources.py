"""Where a release's files come from, and reading them line by line.

A release is a set of BLS flat files found in a folder, given one by one,
or packed in a zip. Each file may be gzip-compressed (``oe.area.gz``); it is
recognised by its content, so the name may say so or not. Reading a file
also measures it: the size and SHA-256 of its content (decompressed), which
is what BLS's own checksums describe.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from .problems import ImportProblem

GZIP_MAGIC = b"\x1f\x8b"
CHUNK = 1 << 20


@dataclass(frozen=True)
class Source:
    """One file of a release: its BLS name and how to open its stored bytes."""

    name: str  # BLS's name, without ".gz": "oe.area"
    label: str  # how messages name it: "oe.area.gz", "may2025.zip: oe.area"
    size: int  # bytes as stored (compressed, if it is)
    opener: Callable[[], BinaryIO] = field(repr=False, compare=False)


def bls_name(filename: str) -> str:
    name = Path(filename).name
    return name.removesuffix(".gz")


def from_paths(paths: Iterable[Path]) -> dict[str, Source]:
    """The files of a release from folders, single files and zips.

    Files whose names BLS does not use are left out (a folder may hold a
    README or a provenance file); the caller decides which names it needs.
    """
    sources: dict[str, Source] = {}
    for path in paths:
        path = Path(path)
        if path.is_dir():
            found = [p for p in sorted(path.iterdir()) if p.is_file()]
        elif path.is_file():
            found = [path]
        else:
            raise ImportProblem("no such file or folder", str(path))
        for file in found:
            if zipfile.is_zipfile(file):
                entries = from_zip(file)
            elif file.name.startswith("oe."):
                entries = {bls_name(file.name): _path_source(file)}
            else:
                continue
            for name, source in entries.items():
                if name in sources:
                    raise ImportProblem(
                        f"given twice (also as {sources[name].label})", source.label
                    )
                sources[name] = source
    return sources


def _path_source(path: Path) -> Source:
    return Source(bls_name(path.name), str(path), path.stat().st_size, lambda: path.open("rb"))


def from_zip(path: Path | str, label: str | None = None) -> dict[str, Source]:
    """The BLS files inside a zip (in any folder of it)."""
    label = label or Path(path).name
    try:
        with zipfile.ZipFile(path) as archive:
            members = [m for m in archive.infolist() if not m.is_dir()]
    except zipfile.BadZipFile as error:
        raise ImportProblem(f"not a readable zip file ({error})", label) from error
    sources: dict[str, Source] = {}
    for member in members:
        base = Path(member.filename).name
        if not base.startswith("oe."):
            continue
        name = bls_name(base)
        if name in sources:
            raise ImportProblem(f"the zip holds {name} twice", label)

        def opener(member: zipfile.ZipInfo = member) -> BinaryIO:
            archive = zipfile.ZipFile(path)
            stream = archive.open(member)
            stream._careerguide_archive = archive  # closed with the member
            return stream

        sources[name] = Source(name, f"{label}: {member.filename}", member.compress_size, opener)
    return sources


class _Measured(io.RawIOBase):
    """Passes content through, counting and hashing it."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.digest = hashlib.sha256()
        self.size = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self.stream.read(len(buffer))
        count = len(data)
        buffer[:count] = data
        self.digest.update(data)
        self.size += count
        return count


class Reading:
    """A file opened for reading: text lines, its raw position, its measure.

    ``sha256`` and ``size`` describe the whole content once every line has
    been read; :meth:`finish` reads whatever was left, so they always do.
    """

    def __init__(self, source: Source) -> None:
        self.source = source
        self.label = source.label
        self._raw = source.opener()
        buffered = self._raw if hasattr(self._raw, "peek") else io.BufferedReader(self._raw)
        self.compressed = buffered.peek(2)[:2] == GZIP_MAGIC
        content = gzip.GzipFile(fileobj=buffered, mode="rb") if self.compressed else buffered
        self._measured = _Measured(content)
        self.text = io.TextIOWrapper(
            io.BufferedReader(self._measured, CHUNK), encoding="utf-8", newline=None
        )

    def position(self) -> int:
        """Bytes of the stored file read so far, for progress."""
        try:
            return self._raw.tell()
        except (OSError, ValueError):
            return self._measured.size

    def lines(self, start: int = 1) -> Iterator[tuple[int, str]]:
        """Each line with its number, without its line ending.

        Raises ImportProblem for a file that ends in the middle of a line or
        whose compressed data stops early: signs of a truncated copy.
        """
        number = start - 1
        line = "\n"
        with self.guard(lambda: number + 1):
            for number, line in enumerate(self.text, start):
                yield number, line.rstrip("\n")
        self.check_complete(number, line)

    def check_complete(self, number: int, last: str) -> None:
        if number and not last.endswith("\n"):
            raise ImportProblem(
                "the file ends in the middle of this line: it is truncated", self.label, number
            )
        if number == 0:
            raise ImportProblem("the file is empty", self.label)

    def guard(self, line: Callable[[], int]):
        return _Guard(self.label, line)

    def finish(self) -> None:
        with self.guard(lambda: 0):
            while self._measured.read(CHUNK):
                pass

    @property
    def sha256(self) -> str:
        return self._measured.digest.hexdigest()

    @property
    def size(self) -> int:
        return self._measured.size

    def close(self) -> None:
        self.text.close()
        archive = getattr(self._raw, "_careerguide_archive", None)
        self._raw.close()
        if archive is not None:
            archive.close()

    def __enter__(self) -> Reading:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


class _Guard:
    """Turns the ways a damaged file fails to read into an ImportProblem."""

    def __init__(self, label: str, line: Callable[[], int]) -> None:
        self.label = label
        self.line = line

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind, error, traceback) -> bool:
        if kind is None:
            return False
        line = self.line() or None
        if issubclass(kind, EOFError):
            raise ImportProblem(
                "the compressed data ends early: the file is truncated", self.label, line
            ) from error
        if issubclass(kind, gzip.BadGzipFile | zlib.error):
            raise ImportProblem(
                f"the compressed data is damaged ({error})", self.label, line
            ) from error
        if issubclass(kind, UnicodeDecodeError):
            raise ImportProblem("the text is not UTF-8", self.label, line) from error
        return False
