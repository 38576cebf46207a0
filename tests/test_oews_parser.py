"""Reading BLS's OEWS flat files: pure, no database."""

from __future__ import annotations

import gzip
import zipfile

import pytest

from officialstats.figures import Datatype
from officialstats.importing import classify, flatfiles, series, sources
from officialstats.importing.problems import ImportProblem
from tests import oews_sample_data as sample
from tests.oews import write_release

D = Datatype


def read_all(folder):
    found = sources.from_paths([folder])
    lists, measures = flatfiles.read_lists(found)
    with sources.Reading(found[flatfiles.DATA]) as reading:
        rows = {
            f"{a}{area}{industry}{occupation}": (values, notes)
            for a, area, industry, occupation, values, notes in series.read_series(reading, lists)
        }
        reading.finish()
        measures[flatfiles.DATA] = (reading.size, reading.sha256)
    return lists, rows, measures


def test_the_lists_and_the_release(oews_files):
    lists, rows, _ = read_all(oews_files)
    assert (lists.release.code, lists.release.name) == ("2025A01", "May 2025")
    assert lists.release.reference_month.isoformat() == "2025-05-01"
    assert lists.occupations["151252"].title == "Software Developers"
    assert lists.areas["0012420"].name == "Austin-Round Rock-San Marcos, TX"
    assert lists.footnotes[5].startswith("This wage is equal to or greater than $115.00")
    assert len(rows) == len(sample.SERIES) == 119


def test_one_row_per_series_with_every_datatype(oews_files):
    _, rows, _ = read_all(oews_files)
    values, notes = rows["N0000000000000151252"]
    assert values[D.EMPLOYMENT - 1] == "1687890"
    assert values[D.ANNUAL_MEDIAN - 1] == "135980"
    assert values[D.HOURLY_MEAN - 1] == "71.20"  # BLS's text, not a float
    # No location quotient for the nation: no such series, no footnote.
    assert values[D.LOCATION_QUOTIENT - 1] is None and notes[D.LOCATION_QUOTIENT - 1] is None
    # Actors nationally: hourly only (footnote 4) for the annual figures.
    values, notes = rows["N0000000000000272011"]
    assert values[D.ANNUAL_MEAN - 1] is None and notes[D.ANNUAL_MEAN - 1] == 4
    assert values[D.HOURLY_MEAN - 1] == "58.29" and notes[D.HOURLY_MEAN - 1] is None


def test_gzipped_files_and_a_zip_read_the_same(oews_files, tmp_path):
    plain = read_all(oews_files)
    gzipped = read_all(write_release(tmp_path / "gz", compress=True))
    packed = tmp_path / "release.zip"
    with zipfile.ZipFile(packed, "w") as archive:
        for path in sorted(oews_files.iterdir()):
            archive.write(path, f"oe/{path.name}")
    zipped = read_all(packed)
    assert plain[1] == gzipped[1] == zipped[1]
    # The measure is of the content, whatever the packing.
    assert plain[2] == gzipped[2] == zipped[2]


def test_sha256_is_of_the_content(oews_files):
    import hashlib

    _, _, measures = read_all(oews_files)
    content = (oews_files / "oe.data.0.Current").read_bytes()
    assert measures[flatfiles.DATA] == (len(content), hashlib.sha256(content).hexdigest())


def problem(folder) -> ImportProblem:
    with pytest.raises(ImportProblem) as raised:
        read_all(folder)
    return raised.value


def edit(path, old: str, new: str) -> None:
    text = path.read_bytes().decode()
    assert old in text
    path.write_bytes(text.replace(old, new, 1).encode())


def data_line_number(folder, series_id: str) -> int:
    lines = (folder / flatfiles.DATA).read_bytes().decode().split("\r\n")
    return next(i for i, line in enumerate(lines, 1) if line.startswith(series_id))


@pytest.mark.parametrize(
    ("series_id", "value", "message"),
    [
        ("OEUN000000000000015125213", "135,980", "not a number"),
        ("OEUN000000000000015125213", "n/a", "not a number"),
        ("OEUN000000000000015125213", "1e5", "not a number"),
        ("OEUN000000000000015125202", "123456.7", "more digits than"),
        ("OEUN000000000000015125201", "9999999999", "more digits than"),
    ],
)
def test_a_bad_value_names_the_file_and_line(oews_files, series_id, value, message):
    path = oews_files / flatfiles.DATA
    number = data_line_number(oews_files, series_id)
    text = path.read_bytes().decode().split("\r\n")
    fields = text[number - 1].split("\t")
    fields[3] = f"{value:>12}"
    text[number - 1] = "\t".join(fields)
    path.write_bytes("\r\n".join(text).encode())
    found = problem(oews_files)
    assert (found.file, found.line) == (str(path), number)
    assert message in found.message and repr(value) in found.message


def test_unknown_codes(oews_files):
    path = oews_files / flatfiles.DATA
    number = data_line_number(oews_files, "OEUS0600000000000151252")
    edit(path, "OEUS0600000000000151252", "OEUS0600000000000159999")
    found = problem(oews_files)
    assert found.line == number
    assert "occupation 159999 is not in oe.occupation" in found.message


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("OEUS0600000000000", "OEUS0700000000000", "area 0700000 is not in oe.area"),
        ("OEUS0600000000000", "OEUM0600000000000", "area type M, but oe.area"),
        ("OEUN0000000541500", "OEUN0000000999999", "industry 999999 is not in oe.industry"),
        ("OEUN000000000000000000001 ", "OEUN000000000000000000018 ", "datatype '18'"),
    ],
)
def test_every_code_of_a_series_is_checked(oews_files, old, new, expected):
    edit(oews_files / flatfiles.DATA, old, new)
    assert expected in problem(oews_files).message


def test_an_unknown_footnote(oews_files):
    edit(oews_files / flatfiles.DATA, "-\t4\r\n", "-\t7\r\n")
    found = problem(oews_files)
    assert "footnote code '7' is not in oe.footnote" in found.message
    assert found.line > 1


def test_a_series_given_twice(oews_files):
    path = oews_files / flatfiles.DATA
    text = path.read_bytes().decode()
    line = next(x for x in text.split("\r\n") if x.startswith("OEUN000000000000015125213"))
    path.write_bytes(text.replace(line, f"{line}\r\n{line}").encode())
    found = problem(oews_files)
    assert found.line == data_line_number(oews_files, "OEUN000000000000015125213") + 1
    assert "OEUN000000000000015125213 is given twice" in found.message


def test_a_series_split_apart(oews_files):
    path = oews_files / flatfiles.DATA
    lines = path.read_bytes().decode().split("\r\n")
    moved = lines.pop(2)  # a line of the first series, put at the end
    lines.insert(len(lines) - 1, moved)
    path.write_bytes("\r\n".join(lines).encode())
    assert "appears again after other series" in problem(oews_files).message


def test_a_truncated_file(oews_files):
    path = oews_files / flatfiles.DATA
    content = path.read_bytes()
    path.write_bytes(content[: len(content) // 2])
    found = problem(oews_files)
    assert found.file == str(path) and found.line > 1
    assert "truncated" in found.message or "cut short" in found.message


def test_a_truncated_gzip_file(tmp_path):
    folder = write_release(tmp_path / "gz", compress=True)
    path = folder / f"{flatfiles.DATA}.gz"
    content = path.read_bytes()
    path.write_bytes(content[: len(content) * 2 // 3])
    found = problem(folder)
    assert found.file == str(path)
    assert "the compressed data ends early: the file is truncated" in found.message


def test_a_data_file_with_no_data(oews_files):
    path = oews_files / flatfiles.DATA
    path.write_bytes(path.read_bytes().split(b"\r\n")[0] + b"\r\n")
    assert "holds no data" in problem(oews_files).message


@pytest.mark.parametrize(
    ("name", "old", "new", "expected"),
    [
        (flatfiles.DATA, "footnote_codes", "footnotes", "wrong header"),
        ("oe.area", "area_name", "name", "wrong header: expected the columns area_code"),
        ("oe.occupation", "occupation_code\t", "soc\t", "wrong header"),
        ("oe.release", "May 2025", "Spring 2025", "cannot tell the month"),
        ("oe.occupation", "151252\t", "15-1252\t", "is not a six-digit SOC code"),
        ("oe.area", "\tM\tAustin", "\tX\tAustin", "unknown area type 'X'"),
        ("oe.industry", "\t4\tT", "\tfour\tT", "display_level 'four' is not a number"),
    ],
)
def test_bad_lists(oews_files, name, old, new, expected):
    edit(oews_files / name, old, new)
    found = problem(oews_files)
    assert found.file == str(oews_files / name)
    assert expected in found.message


def test_a_code_listed_twice(oews_files):
    path = oews_files / "oe.occupation"
    lines = path.read_bytes().decode().split("\r\n")
    lines.insert(3, lines[2])
    path.write_bytes("\r\n".join(lines).encode())
    found = problem(oews_files)
    assert found.line == 4 and "listed twice (first on line 3)" in found.message


def test_a_missing_file(oews_files):
    (oews_files / "oe.footnote").unlink()
    assert "missing oe.footnote" in problem(oews_files).message


def test_a_year_that_is_not_the_release(oews_files):
    edit(oews_files / flatfiles.DATA, "\t2025\tA01\t", "\t2024\tA01\t")
    found = problem(oews_files)
    assert found.line == 2 and "2024 A01 is not the release's year" in found.message


def test_text_that_is_not_utf8(oews_files):
    path = oews_files / "oe.area"
    path.write_bytes(path.read_bytes().replace(b"California", b"Cal\xe9fornia"))
    assert "not UTF-8" in problem(oews_files).message


def test_a_dash_without_a_footnote_is_not_published():
    # Not in May 2025's data, but a dash must never read as "no such series".
    import io

    lists = flatfiles.Lists(
        flatfiles._release("2025A01", "May 2025", "oe.release", 2),
        {"000000": flatfiles.OccupationRow("000000", "All Occupations", 0, 2)},
        {"0000000": flatfiles.AreaRow("0000000", "N", "00", "National", 2)},
        {"000000": flatfiles.IndustryRow("000000", "Cross-industry", 0, 2)},
        {"01": "Employment"},
        {},
        dict(flatfiles.AREA_TYPES),
    )
    text = (
        b"series_id\tyear\tperiod\tvalue\tfootnote_codes\r\n"
        b"OEUN000000000000000000001\t2025\tA01\t-\t\r\n"
    )
    source = sources.Source("oe.data.0.Current", "data", len(text), lambda: io.BytesIO(text))
    with sources.Reading(source) as reading:
        [(_, _, _, _, values, notes)] = list(series.read_series(reading, lists))
    assert values[0] is None and notes[0] == 0


def test_the_limits_fit_the_model():
    from officialstats.models import Estimate

    for datatype, (whole, places) in series.LIMITS.items():
        field = Estimate._meta.get_field(datatype.field)
        if datatype is D.EMPLOYMENT:
            assert field.get_internal_type() == "PositiveIntegerField"
        else:
            assert (field.max_digits - field.decimal_places, field.decimal_places) == (
                whole,
                places,
            ), datatype


def test_gzip_is_recognised_by_its_content(oews_files):
    path = oews_files / "oe.footnote"
    path.write_bytes(gzip.compress(path.read_bytes()))  # compressed, but no .gz
    lists, _, _ = read_all(oews_files)
    assert lists.footnotes[8] == "Estimate not released."


# Levels, parents, kinds and slugs


def test_levels_are_the_ones_bls_gives():
    assert classify.occupation_level("000000", 0) == classify.TOTAL
    assert classify.occupation_level("150000", 0) == classify.MAJOR
    assert classify.occupation_level("151200", 1) == classify.MINOR
    assert classify.occupation_level("151250", 2) == classify.BROAD
    assert classify.occupation_level("151252", 3) == classify.DETAILED
    # Codes shaped like groups that BLS lists as detailed occupations or minor groups.
    assert classify.occupation_level("131020", 3) == classify.DETAILED
    assert classify.occupation_level("195010", 1) == classify.MINOR


def test_a_parent_is_the_nearest_group_listed_above():
    T, MAJ, MIN, B, D = range(5)
    levels = {"000000": T, "290000": MAJ, "291210": B, "291211": D, "111000": MIN, "110000": MAJ}
    levels |= {"111011": D, "130000": MAJ, "131000": MIN, "131020": D, "131021": D}
    assert classify.occupation_parent("291211", levels) == "291210"
    # 29-1200 is not listed: Physicians' parent is the major group.
    assert classify.occupation_parent("291210", levels) == "290000"
    # No 11-1010 broad group: Chief Executives belong to Top Executives.
    assert classify.occupation_parent("111011", levels) == "111000"
    assert classify.occupation_parent("110000", levels) == "000000"
    assert classify.occupation_parent("000000", levels) is None
    # A detailed occupation whose code looks like a broad group's is its
    # own entry, never its own parent, and parents no other detailed one.
    assert classify.occupation_parent("131020", levels) == "131000"
    assert classify.occupation_parent("131021", levels) == "131000"


def test_area_kinds():
    assert classify.area_kind("N", "National") == "national"
    assert classify.area_kind("S", "Texas") == "state"
    assert classify.area_kind("M", "Austin-Round Rock-San Marcos, TX") == "metro"
    assert (
        classify.area_kind("M", "Hill Country Region of Texas nonmetropolitan area") == "nonmetro"
    )


def test_slugs_are_readable_and_unique():
    slugs = classify.occupation_slugs(
        [("412010", "Cashiers", 3), ("412011", "Cashiers", 4), ("151252", "Software Developers", 4)]
    )
    assert slugs == {
        "412011": "cashiers",  # the detailed occupation keeps the plain slug
        "412010": "cashiers-41-2010",
        "151252": "software-developers",
    }
    areas = classify.area_slugs(
        [
            ("0000000", "N", "National"),
            ("0600000", "S", "California"),
            ("0012420", "M", "Austin-Round Rock-San Marcos, TX"),
        ]
    )
    assert areas == {
        "0000000": "united-states",
        "0600000": "california",
        "0012420": "austin-round-rock-san-marcos-tx",
    }
    industries = classify.industry_slugs(
        [("211000", "Oil and Gas Extraction", 3), ("211100", "Oil and Gas Extraction", 4)]
    )
    assert industries == {
        "211100": "oil-and-gas-extraction",
        "211000": "oil-and-gas-extraction-211000",
    }


def test_a_suffixed_slug_never_takes_another_title():
    slugs = classify.unique_slugs([("1", "A", 1), ("2", "A", 2), ("3", "A 1", 1)])
    assert len(set(slugs.values())) == 3
    assert slugs["2"] == "a" and slugs["3"] == "a-1" and slugs["1"] == "a-1-2"
