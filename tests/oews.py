"""Small OEWS releases written as BLS flat files, for tests.

:func:`write_release` lays out ``tests/oews_sample_data.py`` (real May 2025
figures for a few occupations and places) exactly as BLS publishes its
time-series files: tab-separated, padded series ids and values, CRLF line
ends. Tests change a copy to make a later release or a broken one.
"""

from __future__ import annotations

import gzip
from pathlib import Path

from tests import oews_sample_data as sample

RELEASE = ("2025A01", "May 2025")
NEXT_RELEASE = ("2026A01", "May 2026")
EOL = "\r\n"


def table(header: tuple[str, ...], rows) -> str:
    lines = ["\t".join(header), *("\t".join(str(field) for field in row) for row in rows)]
    return EOL.join(lines) + EOL


def data_line(series_id: str, year: str, period: str, value: str, footnote: str = "") -> str:
    return f"{series_id:<30}\t{year}\t{period}\t{value:>12}\t{footnote}{EOL}"


def data_text(series: dict[str, str], release: tuple[str, str] = RELEASE) -> str:
    year, period = release[0][:4], release[0][4:]
    out = [f"{'series_id':<30}\tyear\tperiod\t{'value':>12}\tfootnote_codes{EOL}"]
    for key in sorted(series):
        for index, token in enumerate(series[key].split(), 1):
            if token == ".":
                continue
            if token.startswith("-"):
                value, footnote = "-", token[1:]
            else:
                value, footnote = token, ""
            out.append(data_line(f"{key}{index:02d}", year, period, value, footnote))
    return "".join(out)


def write_release(
    folder: Path,
    *,
    release: tuple[str, str] = RELEASE,
    series: dict[str, str] | None = None,
    occupations: list[tuple[str, str, int]] | None = None,
    areas: list[tuple[str, str, str, str]] | None = None,
    industries: list[tuple[str, str, int]] | None = None,
    compress: bool = False,
) -> Path:
    """Write a release's eight files into ``folder`` and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    occupations = sample.OCCUPATIONS if occupations is None else occupations
    files = {
        "oe.release": table(("release_date", "description"), [release]),
        "oe.datatype": table(("datatype_code", "datatype_name"), sample.DATATYPES),
        "oe.footnote": table(("footnote_code", "footnote_text"), sample.FOOTNOTES),
        "oe.areatype": table(
            ("areatype_code", "areatype_name"),
            [("M", "Metropolitan or nonmetropolitan area"), ("N", "National"), ("S", "State")],
        ),
        "oe.area": table(
            ("state_code", "area_code", "areatype_code", "area_name"),
            sample.AREAS if areas is None else areas,
        ),
        "oe.occupation": table(
            ("occupation_code", "occupation_name", "display_level", "selectable", "sort_sequence"),
            [(c, n, level, "T", i) for i, (c, n, level) in enumerate(occupations, 1)],
        ),
        "oe.industry": table(
            ("industry_code", "industry_name", "display_level", "selectable", "sort_sequence"),
            [
                (c, n, level, "T", i)
                for i, (c, n, level) in enumerate(
                    sample.INDUSTRIES if industries is None else industries, 1
                )
            ],
        ),
        "oe.data.0.Current": data_text(sample.SERIES if series is None else series, release),
    }
    for name, text in files.items():
        if compress:
            (folder / f"{name}.gz").write_bytes(gzip.compress(text.encode(), mtime=0))
        else:
            (folder / name).write_bytes(text.encode())
    return folder


# The next year's release, as tests imagine it (not real figures): Software
# Quality Assurance Analysts and Testers gone, Web Developers new, and the
# national medians of a few occupations changed.
WEB_DEVELOPERS = ("151254", "Web Developers", 3)
NEXT_MEDIANS = {"151252": "142000", "152051": "112000", "412011": "31000"}
NEXT_WEB_DEVELOPERS = (
    "95000 1.1 47.10 97970 0.9 24.10 31.20 45.10 59.90 75.50 50130 64900 93810 124590 157040 . ."
)


def next_series() -> dict[str, str]:
    series = {key: row for key, row in sample.SERIES.items() if not key.endswith("151253")}
    for code, median in NEXT_MEDIANS.items():
        key = f"OEUN0000000000000{code}"
        tokens = series[key].split()
        tokens[12] = median  # datatype 13, the annual median
        series[key] = " ".join(tokens)
    series["OEUN0000000000000151254"] = NEXT_WEB_DEVELOPERS
    return series


def write_next_release(folder: Path) -> Path:
    occupations = [o for o in sample.OCCUPATIONS if o[0] != "151253"] + [WEB_DEVELOPERS]
    return write_release(
        folder,
        release=NEXT_RELEASE,
        series=next_series(),
        occupations=sorted(occupations),
    )


def replace_in(path: Path, old: str, new: str, count: int = 1) -> None:
    """Change a written file (a test breaking it on purpose)."""
    text = path.read_bytes().decode()
    assert old in text, f"{old!r} is not in {path.name}"
    path.write_bytes(text.replace(old, new, count).encode())
