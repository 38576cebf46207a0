"""Place pages, occupation x place pages and the sitemap: cold render, queries, size.

Goals (issue 13, point 7): every new page type renders cold with a number
of queries that does not grow with the catalogue, in at most 14 KB of
gzipped HTML; each sitemap file is built in at most 2 s on the whole
release. (The occupation pages' goal of 10 ms is given beside each figure
for comparison; issue 13 sets no time for these pages.)

Measured as bench/occupations.py measures occupation pages: in-process
(Django test client, DEBUG off), every request cold (the page cache, what
each process remembers and the live release's state cleared first), the
median of --repeat renders, wall clock and this process's CPU time, on the
tests' small release and on the whole May 2025 release side by side. A
fixed random sample of occupation x place pages stands for the ~236,000.

    .venv/bin/python bench/places.py                 # SQLite; append to RESULTS.md
    .venv/bin/python bench/places.py --pg            # PostgreSQL as well
    .venv/bin/python bench/places.py --full-db sqlite:////path/loaded.sqlite3 --no-record
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
from occupations import (
    GOAL_GZIP,
    GOAL_MS,
    full_release,
    pg_database,
    small_release,
    verdict,
)
from run import PYTHON, ROOT, commit, in_process_django, machine, publish

GOAL_SITEMAP_S = 2.0
PG_NAME = "h_places_bench"  # and h_places_bench_small, dropped and created again
SAMPLE = 100
SD = "/occupations/software-developers/in/"
PAGES = [
    ("Software developers, Austin (metro)", f"{SD}austin-round-rock-san-marcos-tx/", {}),
    ("Software developers, Texas (state)", f"{SD}texas/", {}),
    ("Software developers, San Jose (metro)", f"{SD}san-jose-sunnyvale-santa-clara-ca/", {}),
    (
        "Actors, Austin (thin, noindex)",
        "/occupations/actors/in/austin-round-rock-san-marcos-tx/",
        {},
    ),
    ("Pediatric surgeons, Texas (top-coded)", "/occupations/pediatric-surgeons/in/texas/", {}),
    ("All occupations, California", "/occupations/all-occupations/in/california/", {}),
    ("pay answer, full page", f"{SD}texas/?pay=120000&per=year", {}),
    ("pay answer (htmx)", f"{SD}texas/?pay=120000&per=year", {"HTTP_HX_REQUEST": "true"}),
    ("occupation x place CSV", f"{SD[:-4]}/in/texas.csv", {}),
    ("place index", "/places/", {}),
    ("place search (htmx)", "/places/?q=san", {"HTTP_HX_REQUEST": "true"}),
    ("a state: Texas", "/places/texas/", {}),
    ("a state: California, by median", "/places/california/?sort=median", {}),
    ("a state, page 9 by location quotient", "/places/california/?sort=lq&page=9", {}),
    ("an area: Austin", "/places/austin-round-rock-san-marcos-tx/", {}),
    ("an area across states: New York", "/places/new-york-newark-jersey-city-ny-nj/", {}),
    ("occupation page, with the pay form", "/occupations/software-developers/", {}),
]
SITEMAPS = ["/sitemap.xml", "/sitemap-occupations.xml", "/sitemap-places.xml"]
FULL_ONLY = {
    f"{SD}san-jose-sunnyvale-santa-clara-ca/",
    "/places/california/?sort=lq&page=9",
    "/places/new-york-newark-jersey-city-ny-nj/",
}


def worker(database_url: str, repeat: int, sample: int) -> None:
    in_process_django(database_url)
    import gzip

    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from core.pages import forget_everything
    from officialstats.live import live_release
    from officialstats.models import Estimate

    client = Client()
    live = live_release()

    def once(path: str, headers: dict) -> tuple[float, float, int, bytes]:
        cache.clear()
        forget_everything()
        with CaptureQueriesContext(connection) as captured:
            cpu, wall = time.process_time(), time.perf_counter()
            response = client.get(path, **headers)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        if response.status_code != 200:
            raise SystemExit(f"{path}: HTTP {response.status_code}")
        return wall, cpu, len(captured), response.content

    def summary(runs: list) -> dict:
        body = runs[-1][3]
        return {
            "wall_ms": statistics.median(run[0] for run in runs) * 1000,
            "cpu_ms": statistics.median(run[1] for run in runs) * 1000,
            "cpu_min_ms": min(run[1] for run in runs) * 1000,
            "queries": runs[-1][2],
            "bytes": len(body),
            "gzipped": len(gzip.compress(body, compresslevel=6, mtime=0)),
            "urls": body.count(b"<loc>"),
        }

    client.get(PAGES[0][1])  # imports, template compilation: not a reader's cost
    places = Estimate.objects.filter(release_id=live.id, industry__code="000000").exclude(
        area__kind="national"
    )
    results = {"places": places.count(), "vendor": connection.vendor, "pages": {}}
    pages = [(path, headers) for _, path, headers in PAGES]
    pages = [(p, h) for p, h in pages if p not in FULL_ONLY or results["places"] > 10_000]
    runs: dict[tuple, list] = {(p, str(h)): [] for p, h in pages}
    for _ in range(repeat):
        for path, headers in pages:
            runs[(path, str(headers))].append(once(path, headers))
    results["pages"] = {f"{p}|{h}": summary(r) for (p, h), r in runs.items()}
    # The sitemap's index and files: each a few times (a file takes about a second).
    files = [*SITEMAPS]
    index = client.get("/sitemap.xml").content.decode()
    files += [
        loc.split("testserver", 1)[1]
        for loc in index.split("<loc>")[1:]
        for loc in [loc.split("</loc>")[0]]
        if "occupation-places" in loc
    ]
    results["sitemaps"] = {
        path: summary([once(path, {}) for _ in range(max(3, repeat // 5))]) for path in files
    }
    if sample:
        pairs = list(places.values_list("occupation__slug", "area__slug"))
        chosen = random.Random(13).sample(pairs, min(sample, len(pairs)))
        each = [
            summary([once(f"/occupations/{o}/in/{a}/", {}) for _ in range(3)]) for o, a in chosen
        ]
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


def run_worker(database_url: str, repeat: int, sample: int) -> dict:
    output = subprocess.run(
        [PYTHON, __file__, "--worker", database_url, "--repeat", str(repeat), "--sample",
         str(sample)],
        cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    return json.loads(output.strip().splitlines()[-1])


def report(name: str, small: dict, full: dict) -> list[str]:
    lines = [
        f"#### {name}: {small['places']:,} vs {full['places']:,} occupation x place estimates",
        "",
        "| page | cpu ms | cpu ms, fastest | wall ms | queries, small | queries, full "
        "| gzipped KB | 14 KB | (10 ms, cpu) |",
        "|---|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for label, path, headers in PAGES:
        key = f"{path}|{headers}"
        measured = full["pages"][key]
        queries = small["pages"].get(key, {}).get("queries", "")
        lines.append(
            f"| {label} (`{path}`) | {measured['cpu_ms']:.1f} | {measured['cpu_min_ms']:.1f} "
            f"| {measured['wall_ms']:.1f} | {queries} | {measured['queries']} "
            f"| {measured['gzipped'] / 1024:.1f} | {verdict(measured['gzipped'], GOAL_GZIP)} "
            f"| {verdict(measured['cpu_ms'], GOAL_MS)} |"
        )
    sample = full.get("sample")
    if sample:
        queries = "/".join(str(q) for q in sample["queries"])
        lines.append(
            f"| {sample['count']} occupation x place pages at random, median (slowest cpu "
            f"{sample['cpu_ms_max']:.1f} ms) | {sample['cpu_ms']:.1f} | {sample['cpu_min_ms']:.1f} "
            f"| {sample['wall_ms']:.1f} |  | {queries} | {sample['gzipped_max'] / 1024:.1f} "
            f"(largest) | {verdict(sample['gzipped_max'], GOAL_GZIP)} "
            f"| {verdict(sample['cpu_ms'], GOAL_MS)} |"
        )
    lines += [
        "",
        "| sitemap file | addresses | built in, wall s | cpu s | queries, small | queries, full "
        "| MB | 2 s |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for path, measured in full["sitemaps"].items():
        queries = small["sitemaps"].get(path, {}).get("queries", "")
        lines.append(
            f"| `{path}` | {measured['urls']:,} | {measured['wall_ms'] / 1000:.2f} "
            f"| {measured['cpu_ms'] / 1000:.2f} | {queries} | {measured['queries']} "
            f"| {measured['bytes'] / 1e6:.1f} "
            f"| {verdict(measured['wall_ms'] / 1000, GOAL_SITEMAP_S)} |"
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
    with tempfile.TemporaryDirectory(prefix="bench-places-") as scratch:
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
        f"### {datetime.date.today().isoformat()}, place pages, commit {commit()}: {machine()}",
        "",
        f"Cold renders in-process (Django test client, DEBUG off, nothing cached), median of "
        f"{args.repeat} per page, measured round by round, and the fastest; the random sample "
        f"renders each page 3 times, each sitemap file at least 3 times. CPU is this process's "
        f"user + system time; wall clock includes waiting for a CPU on this shared machine "
        f"(load average {load_before[0]:.1f} at the start, {load_after[0]:.1f} at the end, "
        f"{os.cpu_count()} cores). Gzip level 6, as the site serves public pages.",
        "",
        *sections,
    ]
    publish(lines, record=not args.no_record)


if __name__ == "__main__":
    main()
