"""Finding and ranking careers (issue 20) and what pay buys where (issue 21):
the title search and the new pages.

Goals (issue 20, point 6): a search by title within 10 ms, measured on all
56,560 alternate and 7,796 reported titles, on SQLite and PostgreSQL; the
list pages within 10 ms cold; occupation pages with related careers within
the layout issue's budgets (a fixed number of queries, 20 KB gzipped).
Issue 21, point 6: every page within those budgets, the rankings at national
prices measured.

With the whole OEWS release and every guidance dataset live:

- the title query alone (``queries.titles.title_matches``: the text index,
  the closest title per occupation) and the whole search (that, then the
  page of occupations), wall clock, median of --repeat runs per query, after
  one warm-up run (the database's own caches warm, as a serving site's are);
- cold renders (page cache and per-state memory cleared before each) of the
  lists, the narrowed index, a search, the occupation and occupation x place
  pages now with related careers, and two occupations compared: CPU and wall
  medians, queries and gzipped size.

    .venv/bin/python bench/careers.py                      # SQLite and PostgreSQL; record
    .venv/bin/python bench/careers.py --full-db sqlite:////path/loaded.sqlite3 --no-pg

Databases are built as ``make run`` builds them (migrate, import_oews
--bundled, import_guidance all from CAREERGUIDE_DATA_DIR, default
../shared/data), unless --full-db names a SQLite database that has them.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from occupations import manage, pg_database
from run import PYTHON, ROOT, commit, in_process_django, machine, publish

GOAL_MS = 10.0
QUERIES = [
    "software engineer", "RN", "machine learning engineer", "backend developer",
    "data scientist", "nurse", "engineer", "manager", "sofware engneer",
]  # fmt: skip
PAGES = [
    ("lists", "/occupations/lists/"),
    ("fastest growing", "/occupations/lists/fastest-growing/"),
    ("most openings", "/occupations/lists/most-openings/"),
    ("best paid, growing faster", "/occupations/lists/best-paid-growing-faster/"),
    ("best paid, bachelor's", "/occupations/lists/best-paid-bachelors-degree/"),
    ("best paid, no credential", "/occupations/lists/best-paid-no-formal-educational-credential/"),
    ("index by growth", "/occupations/?sort=growth"),
    ("index narrowed", "/occupations/?education=masters-degree&outlook=faster&sort=median"),
    ("search: machine learning engineer", "/occupations/?q=machine+learning+engineer"),
    ("places: NYC", "/places/?q=NYC"),
    ("Data Scientists (related careers)", "/occupations/data-scientists/"),
    ("Registered Nurses (largest page)", "/occupations/registered-nurses/"),
    ("Data Scientists in San Jose",
     "/occupations/data-scientists/in/san-jose-sunnyvale-santa-clara-ca/"),
    ("two occupations compared", "/occupations/compare/data-scientists-vs-software-developers/"),
    ("role page", "/roles/backend-developer/"),
    # Issue 21: BEA's price levels beside pay.
    ("where pay goes furthest", "/occupations/software-developers/where-pay-goes-furthest/"),
    ("where pay goes furthest, by the hour", "/occupations/actors/where-pay-goes-furthest/"),
    ("a state with its price level", "/places/california/"),
    ("compare places, at national prices",
     "/occupations/software-developers/places/?p=california&p=texas"),
]  # fmt: skip
PG_NAME = "careerguide_bench_careers"


def worker(database_url: str, repeat: int) -> None:
    in_process_django(database_url)
    import gzip

    import django
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from core.pages import forget_everything
    from officialstats.models import OnetTitle
    from officialstats.queries.search import search_occupations
    from officialstats.queries.titles import title_matches
    from officialstats.titles import words_of

    titles = dict(OnetTitle.objects.values_list("kind").annotate(n=django.db.models.Count("id")))
    searches = {}
    for query in QUERIES:
        words = words_of(query)
        title_matches(words, query)  # warm
        alone, whole = [], []
        for _ in range(repeat):
            start = time.perf_counter()
            found, _ = title_matches(words, query)
            alone.append(time.perf_counter() - start)
            start = time.perf_counter()
            listing = search_occupations(query)
            whole.append(time.perf_counter() - start)
        searches[query] = {
            "title_ms": statistics.median(alone) * 1000,
            "title_max_ms": max(alone) * 1000,
            "search_ms": statistics.median(whole) * 1000,
            "matches": len(found),
            "first": listing.rows[0].occupation.title if listing and listing.rows else "",
        }

    client = Client()
    client.get("/occupations/")  # imports, template compilation: not a reader's cost

    def once(path: str) -> tuple[float, float, int, bytes]:
        cache.clear()
        forget_everything()
        with CaptureQueriesContext(connection) as captured:
            cpu, wall = time.process_time(), time.perf_counter()
            response = client.get(path)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        if response.status_code != 200:
            raise SystemExit(f"{path}: HTTP {response.status_code}")
        return wall, cpu, len(captured), response.content

    pages = {}
    for label, path in PAGES:
        runs = [once(path) for _ in range(repeat)]
        pages[label] = {
            "cpu_ms": statistics.median(run[1] for run in runs) * 1000,
            "wall_ms": statistics.median(run[0] for run in runs) * 1000,
            "queries": runs[-1][2],
            "gzipped": len(gzip.compress(runs[-1][3], compresslevel=6, mtime=0)),
        }
    print(json.dumps({"titles": titles, "searches": searches, "pages": pages}))


def build(database_url: str, data: str) -> None:
    manage(database_url, "migrate", "-v0")
    manage(database_url, "load_content", "-v0")
    manage(database_url, "import_oews", "--bundled", "--publish", "--unless-live", "-v0")
    os.environ["CAREERGUIDE_DATA_DIR"] = data
    manage(database_url, "import_guidance", "all", "--publish", "--unless-live", "-v0")


def run_worker(database_url: str, repeat: int) -> dict:
    output = subprocess.run(
        [PYTHON, __file__, "--worker", database_url, "--repeat", str(repeat)],
        cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    return json.loads(output.strip().splitlines()[-1])


def verdict(value: float) -> str:
    return "met" if value <= GOAL_MS else "**not met**"


def report(name: str, found: dict) -> list[str]:
    titles = found["titles"]
    counted = ", ".join(f"{kind} {count:,}" for kind, count in sorted(titles.items()))
    lines = [
        f"#### {name} ({counted} titles)",
        "",
        "| search | title query ms | slowest ms | whole search ms | occupations found "
        "| first | 10 ms |",
        "|---|---:|---:|---:|---:|---|---|",
    ]
    for query, s in found["searches"].items():
        lines.append(
            f"| `{query}` | {s['title_ms']:.2f} | {s['title_max_ms']:.2f} | {s['search_ms']:.2f} "
            f"| {s['matches']} | {s['first']} | {verdict(s['search_ms'])} |"
        )
    lines += [
        "",
        "| page | cpu ms | wall ms | queries | gzipped KB | 10 ms, cpu |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for label, path in PAGES:
        p = found["pages"][label]
        lines.append(
            f"| {label} (`{path}`) | {p['cpu_ms']:.1f} | {p['wall_ms']:.1f} | {p['queries']} "
            f"| {p['gzipped'] / 1024:.2f} | {verdict(p['cpu_ms'])} |"
        )
    return [*lines, ""]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--full-db", help="a SQLite database with every dataset live")
    parser.add_argument("--no-pg", action="store_true")
    parser.add_argument("--no-record", action="store_true")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.repeat)
        return
    data = os.environ.get("CAREERGUIDE_DATA_DIR", str(ROOT.parent / "shared" / "data"))
    load_before = os.getloadavg()
    sections: list[str] = []
    with tempfile.TemporaryDirectory(prefix="bench-careers-") as scratch:
        sqlite = args.full_db or f"sqlite:///{scratch}/full.sqlite3"
        if not args.full_db:
            build(sqlite, data)
        sections += report("SQLite", run_worker(sqlite, args.repeat))
        if not args.no_pg:
            pg = pg_database(PG_NAME)
            build(pg, data)
            sections += report("PostgreSQL", run_worker(pg, args.repeat))
    load_after = os.getloadavg()
    lines = [
        f"### {datetime.date.today().isoformat()}, finding and ranking careers, pay at national "
        f"prices (issues 20, 21), "
        f"commit {commit()}: {machine()}",
        "",
        f"Whole OEWS May 2025 release and every guidance dataset live. Searches: wall "
        f"clock, median of {args.repeat} after a warm-up. Pages: cold renders in-process "
        f"(Django test client, DEBUG off, nothing cached), medians of {args.repeat}. "
        f"Load average {load_before[0]:.2f} before, {load_after[0]:.2f} after.",
        "",
        *sections,
    ]
    publish(lines, record=not args.no_record)


if __name__ == "__main__":
    main()
