"""The career-guidance datasets: import time and memory, on SQLite and PostgreSQL.

Goal (issue 19, point 1): every guidance dataset imports in at most 60 s
together, on each database, in at most 1 GB. Each database is made afresh
(migrate), then `manage.py import_guidance all --publish --no-download`
runs in a process of its own from CAREERGUIDE_DATA_DIR (default
../shared/data): its wall time, and its peak memory (max RSS, from the
kernel's accounting of the finished child).

    .venv/bin/python bench/guidance.py            # append to RESULTS.md
    .venv/bin/python bench/guidance.py --no-record
"""

from __future__ import annotations

import argparse
import datetime
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import PYTHON, ROOT, commit, machine, publish

GOAL_SECONDS = 60
GOAL_BYTES = 1 << 30
PG_SERVER = "postgres://postgres@127.0.0.1:5432"
PG_NAME = "careerguide_bench_guidance"


def manage(database_url: str, *args: str) -> tuple[float, int, str]:
    """Run manage.py in a child; its wall seconds, peak RSS in bytes (the
    largest of any child so far: an upper bound) and what it printed."""
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_DEBUG": "0",
           "DJANGO_SECRET_KEY": "bench", "DJANGO_ALLOWED_HOSTS": "localhost"}  # fmt: skip
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.monotonic()
    done = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    seconds = time.monotonic() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) * 1024, done.stdout.strip()


def pg_fresh() -> str:
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {PG_NAME}")
        connection.execute(f"CREATE DATABASE {PG_NAME}")
    return f"{PG_SERVER}/{PG_NAME}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-record", action="store_true")
    parser.add_argument("--no-pg", action="store_true")
    options = parser.parse_args()
    os.environ.setdefault("CAREERGUIDE_DATA_DIR", str((ROOT.parent / "shared" / "data").resolve()))
    results = []
    with tempfile.TemporaryDirectory() as scratch:
        targets = [("SQLite", f"sqlite:///{scratch}/guidance.sqlite3")]
        if not options.no_pg:
            targets.append(("PostgreSQL", pg_fresh()))
        for name, url in targets:
            manage(url, "migrate", "--noinput", "-v0")
            seconds, peak, said = manage(
                url, "import_guidance", "all", "--publish", "--no-download"
            )
            results.append((name, seconds, peak, said))
    lines = [
        f"### {datetime.date.today().isoformat()}, guidance datasets import, commit {commit()}: "
        f"{machine()}",
        "",
        f"`manage.py import_guidance all --publish --no-download` from "
        f"`{os.environ['CAREERGUIDE_DATA_DIR']}` into a fresh database. Goal: <= "
        f"{GOAL_SECONDS} s and <= 1 GB on each database.",
        "",
        "| database | seconds | peak memory (MB) | goal met |",
        "|---|---:|---:|---|",
    ]
    for name, seconds, peak, _ in results:
        met = seconds <= GOAL_SECONDS and peak <= GOAL_BYTES
        lines.append(f"| {name} | {seconds:.1f} | {peak / 2**20:.0f} | {'yes' if met else 'no'} |")
    lines += ["", "What the command said (SQLite): " + "; ".join(results[0][3].splitlines())]
    publish(lines, record=not options.no_record)


if __name__ == "__main__":
    main()
