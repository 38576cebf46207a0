"""The calculator with the whole OEWS release: the article's size and cold renders.

    .venv/bin/python bench/calculator.py                      # a throwaway SQLite database
    .venv/bin/python bench/calculator.py --full-db sqlite:////path/db.sqlite3 --no-record

Imports the whole May 2025 release (``import_oews --bundled --publish``, after ``make
data``) into a throwaway SQLite database with the site's content, unless ``--full-db`` names
one that has both, then renders in-process, cold (page cache, loaders and fragments
forgotten, the live release read again), the article and the calculator with places and
industries chosen: median wall and CPU time, queries, size and size gzipped. Goals: the
article at most 14 KB gzipped; queries that do not grow with the places offered. Appends the
figures to bench/RESULTS.md unless ``--no-record``.
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import ROOT, in_process_django

ARTICLE = "/compare/backend-developer-vs-ai-ml-engineer/"
SAN_JOSE = "location=california&area=san-jose-sunnyvale-santa-clara-ca"
PAGES = [
    ("article", ARTICLE, False),
    ("article, California chosen (its areas offered)", f"{ARTICLE}?location=california", False),
    ("article, senior in San Jose", f"{ARTICLE}?level=senior&{SAN_JOSE}", False),
    (
        "article, a sector and an industry in it",
        f"{ARTICLE}?industry=sector-52-finance-and-insurance"
        "&sub_industry=credit-intermediation-and-related-activities",
        False,
    ),
    ("calculator, senior in San Jose", f"/calculator/?level=senior&{SAN_JOSE}", False),
    (
        "calculator fragment (htmx), senior in San Jose",
        f"/calculator/?level=senior&{SAN_JOSE}",
        True,
    ),
]
GOAL_KB = 14


def manage(database_url: str, *args: str) -> None:
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_DEBUG": "1"}
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def worker(database_url: str, repeat: int) -> list[dict]:
    in_process_django(database_url)
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from core.pages import forget_everything
    from officialstats.live import live_release

    if live_release() is None:
        raise SystemExit("no live release in that database")
    client = Client()
    rows = []
    for name, path, htmx in PAGES:
        headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
        runs = []
        for _ in range(repeat):
            cache.clear()
            forget_everything()
            with CaptureQueriesContext(connection) as captured:
                cpu, wall = time.process_time(), time.perf_counter()
                response = client.get(path, **headers)
                wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            if response.status_code != 200:
                raise SystemExit(f"{path}: HTTP {response.status_code}")
            runs.append((wall, cpu, len(captured), response.content))
        body = runs[-1][3]
        rows.append(
            {
                "name": name,
                "path": path,
                "wall_ms": statistics.median(r[0] for r in runs) * 1000,
                "cpu_ms": statistics.median(r[1] for r in runs) * 1000,
                "queries": runs[-1][2],
                "bytes": len(body),
                "gzipped": len(gzip.compress(body, compresslevel=6, mtime=0)),
            }
        )
    return rows


def report(rows: list[dict], repeat: int) -> str:
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    load = os.getloadavg()[0]
    lines = [
        "",
        f"### {datetime.date.today().isoformat()}, the calculator with the whole OEWS release, "
        f"commit {commit}: {os.cpu_count()} cores, Python {platform.python_version()}",
        "",
        f"In-process, SQLite, cold (page cache, loaders and fragments forgotten, the live "
        f"release read again), median of {repeat}; load average {load:.1f} at the end.",
        "",
        "| page | wall ms | cpu ms | queries | KB | KB gzipped | 14 KB |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        kb = row["gzipped"] / 1024
        goal = ("met" if kb <= GOAL_KB else "**not met**") if "article" in row["name"] else ""
        lines.append(
            f"| {row['name']} (`{row['path']}`) | {row['wall_ms']:.1f} | {row['cpu_ms']:.1f} "
            f"| {row['queries']} | {row['bytes'] / 1024:.1f} | {kb:.1f} | {goal} |"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full-db", help="a SQLite database with the content and the release live")
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--no-record", action="store_true")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        import json

        print(json.dumps(worker(args.worker, args.repeat)))
        return
    with tempfile.TemporaryDirectory(
        dir=ROOT / ".tmp" if (ROOT / ".tmp").is_dir() else None
    ) as scratch:
        url = args.full_db
        if url is None:
            url = f"sqlite:///{scratch}/full.sqlite3"
            manage(url, "migrate", "-v0")
            manage(url, "load_content")
            manage(url, "import_oews", "--bundled", "--publish")
        import json

        out = subprocess.run(
            [sys.executable, __file__, "--worker", url, "--repeat", str(args.repeat)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        text = report(json.loads(out.strip().splitlines()[-1]), args.repeat)
    print(text)
    if not args.no_record:
        with (ROOT / "bench" / "RESULTS.md").open("a") as results:
            results.write(text)


if __name__ == "__main__":
    main()
