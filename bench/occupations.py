"""Occupation pages (with their state maps), the index, search and compare
places: cold render, queries, size.

Goals (issue 12, point 9): an occupation page renders cold in at most 10 ms
(median, in-process, SQLite, the whole release loaded), with a number of
queries that does not grow with the catalogue, in at most 14 KB of gzipped
HTML; the index and search within the same budgets with 1,104 occupations.
Issue 13 keeps occupation pages in those budgets with their two state maps
(whose own cost is reported apart) and holds compare places to them too.

Every request is cold: the page cache, what each process remembers and the
live release's state are cleared before it, so each render reads the
database and renders the templates. Each page is requested --repeat times
in-process (Django test client, DEBUG off) and the medians reported: wall
clock, and this process's CPU time (user + system), which is what the page
itself costs on a machine others share; plus the queries and the HTML size,
gzipped as the site's middleware does (level 6). Besides the named pages, a
fixed random sample of occupations stands for the whole catalogue.

The same pages are measured on the tests' small release (26 occupations)
and on the whole May 2025 release (1,104), so the query counts can be
compared side by side.

    .venv/bin/python bench/occupations.py                 # SQLite; append to RESULTS.md
    .venv/bin/python bench/occupations.py --pg            # PostgreSQL as well
    .venv/bin/python bench/occupations.py --full-db sqlite:////path/loaded.sqlite3 --no-record

The whole release is imported with `manage.py import_oews --bundled --publish`
into a throwaway SQLite file (and, with --pg, a database of its own,
careerguide_bench_pages on 127.0.0.1, dropped and created again), unless
--full-db names a database that has it live already.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import PYTHON, ROOT, commit, in_process_django, machine, publish

GOAL_MS = 10.0
GOAL_GZIP = 14 * 1024
PG_SERVER = "postgres://postgres@127.0.0.1:5432"
PG_NAME = "careerguide_bench_pages"
SAMPLE = 100  # occupations drawn at random (fixed seed) from the whole release

COMPARE = "/occupations/software-developers/places/"
COMPARE_TWO = f"{COMPARE}?p=california&p=texas"
COMPARE_FOUR = (
    f"{COMPARE_TWO}&p=austin-round-rock-san-marcos-tx"
    "&p=hill-country-region-of-texas-nonmetropolitan-area"
)
PAIR = "/occupations/compare/data-scientists-vs-software-developers/"
CHOOSE = "/occupations/compare/"
HTMX = {"HTTP_HX_REQUEST": "true"}
# Pages whose maps' share of the cost is measured apart.
MAPPED = ["software-developers", "management-occupations"]
# (label, path, extra headers); in both releases unless marked full-only.
PAGES = [
    ("Software Developers (detailed)", "/occupations/software-developers/", {}),
    ("Actors (hourly only)", "/occupations/actors/", {}),
    ("Anesthesiologists (top wages)", "/occupations/anesthesiologists/", {}),
    ("All occupations (22 children)", "/occupations/all-occupations/", {}),
    ("a major group", "/occupations/computer-and-mathematical-occupations/", {}),
    ("a major group, sorted", "/occupations/management-occupations/?sort=median", {}),
    ("CSV download", "/occupations/software-developers.csv", {}),
    ("index", "/occupations/", {}),
    ("index by median pay", "/occupations/?sort=median", {}),
    ("index by employment, page 2", "/occupations/?sort=employment&page=2", {}),
    ("search: software", "/occupations/?q=software", {}),
    ("search: manager", "/occupations/?q=manager", {}),
    ("search as you type (htmx)", "/occupations/?q=engineer", {"HTTP_HX_REQUEST": "true"}),
    ("compare places: none yet", "/occupations/software-developers/places/", {}),
    ("compare places: two states", COMPARE_TWO, {}),
    ("compare places: four places", COMPARE_FOUR, {}),
    ("compare places: a place added (htmx)", COMPARE_FOUR, {"HTTP_HX_REQUEST": "true"}),
    ("two occupations compared", PAIR, {}),
    ("two occupations, by the hour", "/occupations/compare/actors-vs-software-developers/", {}),
    ("compare occupations: the chooser", "/occupations/compare/", {}),
    ("an occupation's write-ups (htmx)", f"{CHOOSE}?a=software-developers", HTMX),
]
FULL_ONLY = {"/occupations/?sort=employment&page=2"}


# The worker: measures one database, prints JSON ---------------------------------------------


def worker(database_url: str, repeat: int, sample: int) -> None:
    in_process_django(database_url)
    import gzip

    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from core.pages import forget_everything
    from officialstats.live import live_release
    from officialstats.models import Occupation

    client = Client()
    live = live_release()
    occupations = Occupation.objects.filter(release_id=live.id).count()

    def once(path: str, headers: dict) -> tuple[float, float, int, bytes]:
        """One cold request: wall and CPU seconds, queries, the body."""
        cache.clear()
        forget_everything()
        with CaptureQueriesContext(connection) as captured:
            cpu, wall = time.process_time(), time.perf_counter()
            response = client.get(path, **headers)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        if response.status_code != 200:
            raise SystemExit(f"{path}: HTTP {response.status_code}")
        return wall, cpu, len(captured), response.content

    def summary(runs: list[tuple[float, float, int, bytes]]) -> dict:
        body = runs[-1][3]
        return {
            "wall_ms": statistics.median(run[0] for run in runs) * 1000,
            "cpu_ms": statistics.median(run[1] for run in runs) * 1000,
            "cpu_min_ms": min(run[1] for run in runs) * 1000,
            "queries": runs[-1][2],
            "bytes": len(body),
            "gzipped": len(gzip.compress(body, compresslevel=6, mtime=0)),
        }

    def maps_cost(slug: str, repeat: int) -> dict:
        """What the maps add to a page: their query, building them and
        rendering their include (CPU ms), and their share of the gzipped page."""
        import re

        from django.template.loader import render_to_string

        from officialstats.geodata import atlas
        from officialstats.maps import occupation_maps
        from officialstats.queries.occupations import load_occupation_page
        from officialstats.queries.states import state_rows

        page = load_occupation_page(slug)
        query, build = [], []
        for _ in range(repeat):
            start = time.process_time()
            rows = state_rows(page.release.id, page.occupation.id, page.hourly_only)
            middle = time.process_time()
            maps = occupation_maps(
                rows, atlas().shapes, subject=page.occupation.title,
                release=page.release.name, hourly=page.hourly_only,
            )  # fmt: skip
            render_to_string(
                "officialstats/includes/state_maps.html",
                {"maps": maps, "rows": rows, "subject": page.occupation.title,
                 "release_name": page.release.name, "hourly": page.hourly_only,
                 "methodology_url": "/methodology/"},
            )  # fmt: skip
            query.append(middle - start)
            build.append(time.process_time() - middle)
        body = client.get(f"/occupations/{slug}/").content.decode()
        without = re.sub(r'<section id="by-state".*?</section>', "", body, flags=re.S)
        # The whole page again, round by round with and without its maps (no
        # state query, no maps, an empty table): what a reader's request pays.
        import officialstats.queries.occupations as loader
        import officialstats.views.occupations as view

        with_maps, without_maps = [], []
        real = (view.occupation_maps, loader.state_rows)
        for _ in range(repeat):
            with_maps.append(once(f"/occupations/{slug}/", {})[1])
            view.occupation_maps, loader.state_rows = (lambda *a, **k: []), (lambda *a: [])
            try:
                without_maps.append(once(f"/occupations/{slug}/", {})[1])
            finally:
                view.occupation_maps, loader.state_rows = real
        return {
            "page_ms": statistics.median(with_maps) * 1000,
            "page_without_ms": statistics.median(without_maps) * 1000,
            "rows": len(rows),
            "query_ms": statistics.median(query) * 1000,
            "render_ms": statistics.median(build) * 1000,
            "gzipped": len(gzip.compress(body.encode(), compresslevel=6, mtime=0)),
            "share": len(gzip.compress(body.encode(), compresslevel=6, mtime=0))
            - len(gzip.compress(without.encode(), compresslevel=6, mtime=0)),
        }

    client.get("/occupations/")  # imports, template compilation: not a reader's cost
    results = {"occupations": occupations, "vendor": connection.vendor, "pages": {}}
    pages = [page for page in PAGES if page[1] not in FULL_ONLY or occupations >= 1000]
    # Round by round, so a burst of load elsewhere touches every page alike.
    runs: dict[str, list] = {label: [] for label, _, _ in pages}
    for _ in range(repeat):
        for label, path, headers in pages:
            runs[label].append(once(path, headers))
    results["pages"] = {label: summary(label_runs) for label, label_runs in runs.items()}
    results["maps"] = {slug: maps_cost(slug, repeat) for slug in MAPPED}
    if sample:
        slugs = sorted(Occupation.objects.filter(release_id=live.id).values_list("slug", flat=True))
        chosen = random.Random(12).sample(slugs, min(sample, len(slugs)))
        each = [summary([once(f"/occupations/{slug}/", {}) for _ in range(3)]) for slug in chosen]
        results["sample"] = {
            "count": len(each),
            "wall_ms": statistics.median(one["wall_ms"] for one in each),
            "cpu_ms": statistics.median(one["cpu_ms"] for one in each),
            "cpu_min_ms": statistics.median(one["cpu_min_ms"] for one in each),
            "cpu_ms_max": max(one["cpu_ms"] for one in each),
            "queries": sorted({one["queries"] for one in each}),
            "gzipped_max": max(one["gzipped"] for one in each),
        }
    print(json.dumps(results))


# The driver: prepares databases, runs workers, reports ----------------------------------------


def manage(database_url: str, *args: str) -> None:
    env = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "bench-only-secret-key-not-for-production-use",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url,
    }
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def small_release(database_url: str, scratch: Path) -> None:
    """The tests' small release (tests/oews.py), imported and published."""
    sys.path.insert(0, str(ROOT))
    from tests.oews import write_release

    folder = write_release(scratch / "small-release")
    manage(database_url, "migrate", "-v0")
    manage(
        database_url, "import_oews", str(folder), "--publish", "--published-on", "2026-05-15",
        "--retrieved-on", "2026-09-26", "-v0",
    )  # fmt: skip


def full_release(database_url: str) -> None:
    manage(database_url, "migrate", "-v0")
    manage(database_url, "import_oews", "--bundled", "--publish", "--unless-live", "-v0")


def run_worker(database_url: str, repeat: int, sample: int) -> dict:
    output = subprocess.run(
        [PYTHON, __file__, "--worker", database_url, "--repeat", str(repeat), "--sample",
         str(sample)],
        cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    return json.loads(output.strip().splitlines()[-1])


def pg_database(name: str) -> str:
    for command in (["dropdb", "--if-exists"], ["createdb"]):
        subprocess.run([*command, "-h", "127.0.0.1", "-U", "postgres", name], check=True)
    return f"{PG_SERVER}/{name}"


def verdict(value: float, goal: float) -> str:
    return "met" if value <= goal else "**not met**"


def report(name: str, small: dict, full: dict) -> list[str]:
    lines = [
        f"#### {name}: {small['occupations']:,} vs {full['occupations']:,} occupations",
        "",
        "| page | cpu ms | cpu ms, fastest | wall ms | queries, small | queries, full "
        "| gzipped KB | 10 ms, cpu | 10 ms, wall | 14 KB |",
        "|---|---:|---:|---:|---:|---:|---:|---|---|---|",
    ]
    for label, path, _ in PAGES:
        measured = full["pages"][label]
        queries = small["pages"].get(label, {}).get("queries", "")
        lines.append(
            f"| {label} (`{path}`) | {measured['cpu_ms']:.1f} | {measured['cpu_min_ms']:.1f} "
            f"| {measured['wall_ms']:.1f} "
            f"| {queries} | {measured['queries']} | {measured['gzipped'] / 1024:.1f} "
            f"| {verdict(measured['cpu_ms'], GOAL_MS)} | {verdict(measured['wall_ms'], GOAL_MS)} "
            f"| {verdict(measured['gzipped'], GOAL_GZIP)} |"
        )
    sample = full.get("sample")
    if sample:
        queries = "/".join(str(q) for q in sample["queries"])
        lines.append(
            f"| {sample['count']} occupations at random, median (slowest cpu "
            f"{sample['cpu_ms_max']:.1f} ms) | {sample['cpu_ms']:.1f} | {sample['cpu_min_ms']:.1f} "
            f"| {sample['wall_ms']:.1f} "
            f"|  | {queries} | {sample['gzipped_max'] / 1024:.1f} (largest) "
            f"| {verdict(sample['cpu_ms'], GOAL_MS)} | {verdict(sample['wall_ms'], GOAL_MS)} "
            f"| {verdict(sample['gzipped_max'], GOAL_GZIP)} |"
        )
    lines += [
        "",
        "What the two state maps and their table cost an occupation page (included above): "
        "the cold page's CPU time with them and, in the same rounds, without them (no "
        "state query, no maps); apart, the query for every state and building the maps "
        "and rendering their part of the page (CPU, medians); and their share of the "
        "gzipped page.",
        "",
        "| page | states | cpu ms | cpu ms, without maps | query ms | maps and table ms "
        "| gzipped KB | of which maps KB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for slug, cost in full.get("maps", {}).items():
        lines.append(
            f"| `/occupations/{slug}/` | {cost['rows']} | {cost['page_ms']:.1f} "
            f"| {cost['page_without_ms']:.1f} | {cost['query_ms']:.2f} "
            f"| {cost['render_ms']:.2f} | {cost['gzipped'] / 1024:.1f} "
            f"| {cost['share'] / 1024:.1f} |"
        )
    return [*lines, ""]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--sample", type=int, default=SAMPLE)
    parser.add_argument("--pg", action="store_true", help="measure PostgreSQL too")
    parser.add_argument("--full-db", help="a SQLite database with the whole release live")
    parser.add_argument("--no-record", action="store_true")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.repeat, args.sample)
        return

    load_before = os.getloadavg()
    sections: list[str] = []
    with tempfile.TemporaryDirectory(prefix="bench-pages-") as scratch:
        scratch = Path(scratch)
        small_url = f"sqlite:///{scratch}/small.sqlite3"
        small_release(small_url, scratch)
        full_url = args.full_db or f"sqlite:///{scratch}/full.sqlite3"
        full_release(full_url)
        small = run_worker(small_url, args.repeat, 0)
        full = run_worker(full_url, args.repeat, args.sample)
        sections += report("SQLite", small, full)
        if args.pg:
            small_pg = pg_database(f"{PG_NAME}_small")
            small_release(small_pg, scratch)
            full_pg = pg_database(PG_NAME)
            full_release(full_pg)
            sections += report(
                "PostgreSQL",
                run_worker(small_pg, args.repeat, 0),
                run_worker(full_pg, args.repeat, args.sample),
            )
    load_after = os.getloadavg()
    lines = [
        f"### {datetime.date.today().isoformat()}, occupation pages and compare places, "
        f"commit {commit()}: "
        f"{machine()}",
        "",
        f"Cold renders in-process (Django test client, DEBUG off, nothing cached), median of "
        f"{args.repeat} per page, measured round by round (every page once, then again), "
        f"and the fastest; the random sample renders each occupation 3 times. CPU is "
        f"this process's user + system time; wall clock includes waiting for a CPU on this "
        f"shared machine (load average {load_before[0]:.1f} at the start, "
        f"{load_after[0]:.1f} at the end, {os.cpu_count()} cores). Gzip level 6, as the site "
        f"serves public pages.",
        "",
        *sections,
    ]
    publish(lines, record=not args.no_record)


if __name__ == "__main__":
    main()
