"""Writing a parsed release into the database, in bulk, as a staged release.

The release row is created first (status *importing*), then its
occupations, areas and industries (a few bulk inserts), then its estimates
in batches: PostgreSQL's COPY (psycopg 3), SQLite's executemany. Nothing
here sends a model signal, writes history or bumps a version. Each batch
commits, so other connections keep working and the admin sees progress;
readers never see the rows, which belong to a release that is not live.
If anything fails (bad input found deep in the data file, the database, an
interrupt), the partial release is deleted and the error goes on: nothing
is left changed. The release becomes *staged* only once complete.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from itertools import islice

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from .. import publishing
from ..figures import Datatype
from ..models import Area, Estimate, Industry, Occupation, Program, Release, ReleaseFile, Standing
from ..queries.sql import analyze
from . import classify, flatfiles
from .flatfiles import Lists
from .problems import ImportProblem
from .progress import Progress, Silent
from .provenance import Provenance, published_file
from .series import Series, read_series
from .sources import Reading, Source
from .standings import write_standings

BATCH = 20_000  # series per transaction
VALUE_COLUMNS = [datatype.field for datatype in Datatype]
NOTE_COLUMNS = [f"{field}_note" for field in VALUE_COLUMNS]
ESTIMATE_COLUMNS = ["release_id", "occupation_id", "area_id", "industry_id"]
ESTIMATE_COLUMNS += VALUE_COLUMNS + NOTE_COLUMNS


def import_release(
    sources: Mapping[str, Source],
    provenance: Provenance,
    *,
    progress: Progress | None = None,
    program: str = Program.OEWS,
) -> Release:
    """Read, check and write a release; returns it staged (not live)."""
    progress = progress or Silent()
    names = [*flatfiles.REQUIRED_FILES, *(n for n in flatfiles.OPTIONAL_FILES if n in sources)]
    progress.phase("Reading the lists", 0, len(names))
    lists, measures = flatfiles.read_lists(sources)
    progress.phase("Checking the release against the database", len(measures), len(names))
    publishing.check_new(lists.release, program)
    if provenance.published_on is None or provenance.retrieved_on is None:
        raise ImportProblem(
            "the dates BLS published the release and it was retrieved are needed "
            "(a provenance.json beside the files, or the importer's options)"
        )
    try:
        release = Release.objects.create(
            program=program,
            code=lists.release.code,
            name=lists.release.name,
            reference_month=lists.release.reference_month,
            published_on=provenance.published_on,
            retrieved_on=provenance.retrieved_on,
            status=Release.Status.IMPORTING,
            notes=provenance.notes,
            archive_name=provenance.archive_name,
            archive_url=provenance.archive_url,
            archive_sha256=provenance.archive_sha256,
        )
    except IntegrityError as error:  # another import of it started meanwhile
        raise ImportProblem(
            f"release {lists.release.code} is being imported already",
            lists.release.file,
            lists.release.line,
        ) from error
    try:
        counts = _write(release, sources, lists, measures, provenance, progress, len(names))
    except BaseException:
        publishing.discard(release)
        raise
    Release.objects.filter(pk=release.pk).update(status=Release.Status.STAGED, **counts)
    release.refresh_from_db()
    return release


def _write(release, sources, lists, measures, provenance, progress, total_files) -> dict:
    progress.phase("Writing occupations, areas and industries", len(measures), total_files)
    with transaction.atomic():
        occupations = _occupations(release, lists)
        areas = _areas(release, lists)
        industries = _industries(release, lists)
    data = sources[flatfiles.DATA]
    progress.phase(f"Reading {data.name} and writing estimates", len(measures), total_files)
    rows = values = 0
    with Reading(data) as reading:
        size = max(data.size, 1)

        def report(lines: int) -> None:
            nonlocal values
            values = lines
            progress.data(values, rows, reading.position() / size)

        series = read_series(reading, lists, report)
        ids = (release.pk, occupations, areas, industries)
        write = _copy if connection.vendor == "postgresql" else _executemany
        while batch := list(islice(series, BATCH)):
            with transaction.atomic():
                write(_rows(batch, ids))
            rows += len(batch)
            progress.data(values, rows, reading.position() / size)
        reading.finish()
        measures[flatfiles.DATA] = (reading.size, reading.sha256)
    files = [
        ReleaseFile(
            release=release,
            name=name,
            **_published(provenance, name, *measures[name]),
            imported_size=measures[name][0],
            imported_sha256=measures[name][1],
        )
        for name in sorted(measures)
    ]
    ReleaseFile.objects.bulk_create(files)
    progress.phase("Working out where each place stands", total_files, total_files)
    with transaction.atomic():
        write_standings(release.pk)
    analyze([Occupation, Area, Industry, Estimate, Standing])
    progress.phase("Imported: staged, not yet public", total_files, total_files)
    return {
        "occupation_count": len(occupations),
        "area_count": len(areas),
        "industry_count": len(industries),
        "estimate_count": rows,
        "value_count": values,
    }


def _published(provenance: Provenance, name: str, size: int, sha256: str) -> dict:
    published = published_file(provenance, name, size, sha256)
    return {
        "url": published.url,
        "size": published.size,
        "sha256": published.sha256,
        "last_modified": published.last_modified,
    }


def _occupations(release: Release, lists: Lists) -> dict[str, int]:
    levels = {
        code: classify.occupation_level(code, row.display_level)
        for code, row in lists.occupations.items()
    }
    slugs = classify.occupation_slugs(
        (code, row.title, levels[code]) for code, row in lists.occupations.items()
    )
    ids: dict[str, int] = {}
    by_level: dict[int, list[str]] = {}
    for code, level in levels.items():
        by_level.setdefault(level, []).append(code)
    for level in sorted(by_level):  # parents first, so their ids are known
        created = Occupation.objects.bulk_create(
            [
                Occupation(
                    release=release,
                    code=classify.soc(code),
                    title=lists.occupations[code].title,
                    slug=slugs[code],
                    level=level,
                    parent_id=ids.get(classify.occupation_parent(code, levels)),
                )
                for code in by_level[level]
            ],
            batch_size=500,
        )
        ids.update(zip(by_level[level], (o.pk for o in created), strict=True))
    return ids


def _areas(release: Release, lists: Lists) -> dict[str, int]:
    slugs = classify.area_slugs([(a.code, a.areatype, a.name) for a in lists.areas.values()])
    ids: dict[str, int] = {}
    tiers = (
        [a for a in lists.areas.values() if a.areatype != "M"],
        [a for a in lists.areas.values() if a.areatype == "M"],
    )
    for tier in tiers:  # the nation and states first: areas link to their state
        created = Area.objects.bulk_create(
            [
                Area(
                    release=release,
                    code=area.code,
                    kind=classify.area_kind(area.areatype, area.name),
                    name=area.name,
                    slug=slugs[area.code],
                    state_code=area.state_code,
                    state_id=ids.get(classify.state_area_code(area.state_code))
                    if area.areatype == "M"
                    else None,
                )
                for area in tier
            ],
            batch_size=500,
        )
        ids.update(zip((a.code for a in tier), (a.pk for a in created), strict=True))
    return ids


def _industries(release: Release, lists: Lists) -> dict[str, int]:
    rows = list(lists.industries.values())
    slugs = classify.industry_slugs((i.code, i.name, i.display_level) for i in rows)
    created = Industry.objects.bulk_create(
        [
            Industry(
                release=release,
                code=i.code,
                name=i.name,
                slug=slugs[i.code],
                level=i.display_level,
            )
            for i in rows
        ],
        batch_size=500,
    )
    return {i.code: i.pk for i in created}


def _rows(batch: list[Series], ids) -> Iterator[tuple]:
    release_id, occupations, areas, industries = ids
    for _areatype, area, industry, occupation, values, notes in batch:
        yield (
            release_id,
            occupations[occupation],
            areas[area],
            industries[industry],
            *values,
            *notes,
        )


def _executemany(rows: Iterable[tuple]) -> None:
    table = connection.ops.quote_name(Estimate._meta.db_table)
    columns = ", ".join(ESTIMATE_COLUMNS)
    marks = ", ".join("?" * len(ESTIMATE_COLUMNS))
    connection.ensure_connection()
    # The DB-API connection itself: Django's cursor wrapper would rewrite
    # placeholders and log each batch, for nothing.
    connection.connection.executemany(
        f"INSERT INTO {table} ({columns}) VALUES ({marks})",
        rows,
    )


NULL = "\\N"
NOTE_TEXT = {None: NULL, **{code: str(code) for code in range(1000)}}


def _copy(rows: Iterable[tuple]) -> None:
    table = connection.ops.quote_name(Estimate._meta.db_table)
    columns = ", ".join(ESTIMATE_COLUMNS)
    lines = []
    for row in rows:
        head = f"{row[0]}\t{row[1]}\t{row[2]}\t{row[3]}\t"
        values = "\t".join([value or NULL for value in row[4:21]])
        notes = "\t".join([NOTE_TEXT[note] for note in row[21:]])
        lines.append(f"{head}{values}\t{notes}\n")
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
    ):
        copy.write("".join(lines))


def stage_summary(release: Release) -> str:
    return (
        f"{release.name}: {release.occupation_count:,} occupations, {release.area_count:,} "
        f"areas, {release.industry_count:,} industries, {release.estimate_count:,} estimates "
        f"({release.value_count:,} values), staged at {timezone.localtime():%H:%M}"
    )
