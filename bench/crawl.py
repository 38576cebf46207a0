"""A search engine's crawl: distinct occupation x place pages in random order.

Goal (issue 13, point 7): at least 0.15 times the requests per second of a
static file of the same size, measured in the same run.

Runs the production stack as bench/run.py does (gunicorn, whitenoise, DEBUG
off, Redis as the cache) on a database with the whole May 2025 release
live, and drives it with wrk: each request asks for an occupation x place
page never asked for before in the run (a shuffled list of all of them,
split between rounds and between wrk's threads), so every one is rendered
cold, as a crawler finds them; nothing is cached beforehand (the Redis
database is flushed and gunicorn started afresh). Each round also measures
a static file the size of the median page, and the ratio is taken round
by round, since these machines are noisy.

    .venv/bin/python bench/crawl.py                        # measure, append to RESULTS.md
    .venv/bin/python bench/crawl.py --full-db sqlite:////abs/path.sqlite3 --no-record
    .venv/bin/python bench/crawl.py --database-url postgres://postgres@127.0.0.1:5432/NAME

Needs wrk. Redis database 12 by default (--redis-url; flushed), so that a
benchmark run elsewhere on the machine keeps its own.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import re
import shutil
import statistics
import subprocess
import tempfile
import urllib.request
from pathlib import Path

from occupations import full_release
from run import (
    PYTHON,
    ROOT,
    Target,
    commit,
    fetch,
    free_port,
    machine,
    prepare_site,
    publish,
    start_server,
    stop_server,
)

GOAL = 0.15
BENCH_REDIS = "redis://127.0.0.1:6379/12"
CRAWL_SCRIPT = """
-- Each thread walks its own share of a list of never-repeated paths.
local paths = {}
for line in io.lines("%(paths)s") do paths[#paths + 1] = line end
local threads, counter, step, offset, wrapped = {}, 0, 1, 0, 0
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  step = %(threads)d
  offset = id
end

function request()
  local index = offset + counter * step + 1
  counter = counter + 1
  if index > #paths then
    wrapped = wrapped + 1
    index = ((index - 1) %% #paths) + 1
  end
  return wrk.format("GET", paths[index])
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + (thread:get("wrapped") or 0) end
  io.write(string.format("repeated paths: %%d\\n", total))
end
"""


def page_paths(env: dict) -> list[str]:
    """Every occupation x place page of the live release."""
    code = (
        "from officialstats.models import Estimate\n"
        "from officialstats.live import live_release\n"
        "rows = Estimate.objects.filter(release_id=live_release().id, industry__code='000000')"
        ".exclude(area__kind='national').values_list('occupation__slug', 'area__slug')\n"
        "print('\\n'.join(f'/occupations/{o}/in/{a}/' for o, a in rows))\n"
    )
    output = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", code],
        cwd=ROOT, env=env, check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    return [line for line in output.splitlines() if line.startswith("/occupations/")]


def crawl(port: int, script: Path, duration: int, connections: int, threads: int) -> dict:
    output = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "-s", str(script),
         "--latency", f"http://127.0.0.1:{port}/"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    repeated = int(re.search(r"repeated paths: (\d+)", output).group(1))
    return {
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "rate": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "errors": int(errors.group(1)) if errors else 0,
        "repeated": repeated,
        "p50": re.search(r"50%\s+(\S+)", output).group(1),
        "p99": re.search(r"99%\s+(\S+)", output).group(1),
    }


def workers_cpu(server: subprocess.Popen) -> float:
    """CPU seconds the server's workers have used so far (from /proc), which,
    unlike a rate, does not depend on what else the machine is doing."""
    ticks = os.sysconf("SC_CLK_TCK")
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    total = 0
    for pid in children:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


def static(port: int, path: str, duration: int, connections: int, threads: int) -> float:
    output = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s",
         f"http://127.0.0.1:{port}{path}"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per round and kind")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--warmup", type=int, default=5, help="seconds of unmeasured crawl first")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2, help="wrk's threads")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--full-db", help="a database with the whole release live already")
    parser.add_argument("--database-url", help="default: a throwaway SQLite file")
    parser.add_argument("--redis-url", default=BENCH_REDIS, help=f"flushed (default {BENCH_REDIS})")
    parser.add_argument("--no-record", action="store_true")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install wrk")

    with tempfile.TemporaryDirectory(prefix="bench-crawl-") as scratch:
        scratch = Path(scratch)
        database = args.full_db or args.database_url or f"sqlite:///{scratch}/crawl.sqlite3"
        env = prepare_site(database, args.redis_url)
        full_release(database)
        paths = page_paths(env)
        random.Random(2025).shuffle(paths)
        # A static file the size of the median page, in place before gunicorn
        # starts (whitenoise indexes static files at start-up).
        port = free_port()
        server = start_server(env, port, 1)
        try:
            sizes = sorted(len(fetch(port, Target("page", path))) for path in paths[-25:])
        finally:
            stop_server(server)
        size = statistics.median(sizes)
        blob_dir = ROOT / "staticfiles" / "bench"
        blob_dir.mkdir(parents=True, exist_ok=True)
        (blob_dir / "crawl.html").write_bytes(b"x" * int(size))
        import redis

        redis.Redis.from_url(args.redis_url).flushdb()  # nothing cached beforehand

        rounds = []
        server = start_server(env, port, args.workers)
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/static/bench/crawl.html").read()
            # A warm-up crawl of pages of its own, unmeasured: the database's
            # files into the operating system's cache, as on a server that
            # has been up for a while. Then the rounds, each on pages of its own.
            share = (len(paths) - 25) // (args.rounds + 1)
            for number in range(-1, args.rounds):
                chunk = paths[(number + 1) * share : (number + 2) * share]
                listed = scratch / f"paths-{number}.txt"
                listed.write_text("\n".join(chunk) + "\n")
                script = scratch / f"crawl-{number}.lua"
                script.write_text(CRAWL_SCRIPT % {"paths": listed, "threads": args.threads})
                if number < 0:
                    crawl(port, script, args.warmup, args.connections, args.threads)
                    continue
                static_rate = static(
                    port, "/static/bench/crawl.html", args.duration, args.connections, args.threads
                )
                # For scale: Django's whole stack answering with next to nothing.
                floor = static(port, "/healthz", args.duration, args.connections, args.threads)
                before = workers_cpu(server)
                measured = crawl(port, script, args.duration, args.connections, args.threads)
                cpu = (workers_cpu(server) - before) * 1000 / max(measured["requests"], 1)
                if measured["errors"] or measured["repeated"]:
                    raise SystemExit(f"round {number + 1}: {measured}")
                rounds.append({**measured, "static": static_rate, "floor": floor, "cpu": cpu})
        finally:
            stop_server(server)
            shutil.rmtree(blob_dir, ignore_errors=True)

    ratio = statistics.median(r["rate"] / r["static"] for r in rounds)
    lines = [
        f"### {datetime.date.today().isoformat()}, crawl of occupation x place pages, commit "
        f"{commit()}: {machine()}",
        "",
        f"gunicorn {args.workers} sync workers, wrk {args.threads} threads, {args.connections} "
        f"connections, {args.rounds} rounds of {args.duration} s each for the crawl and for a "
        f"static file of the median page's size ({int(size):,} bytes), after a {args.warmup} s "
        f"crawl of other pages, unmeasured, "
        f"{'PostgreSQL' if database.startswith('postgres') else 'SQLite'}, "
        f"{'Redis' if args.redis_url else 'local-memory'} cache flushed first. Every request "
        f"asks for a page never asked for before ({len(paths):,} pages, shuffled); no "
        f"request failed or repeated a page.",
        "",
        "| round | crawl, requests/s | p50 | p99 | workers' CPU per page | "
        "static file, requests/s | ratio | `/healthz`, requests/s (ratio) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
        *(
            f"| {n} | {r['rate']:,.0f} | {r['p50']} | {r['p99']} | {r['cpu']:.1f} ms "
            f"| {r['static']:,.0f} | {r['rate'] / r['static']:.3f} "
            f"| {r['floor']:,.0f} ({r['floor'] / r['static']:.2f}) |"
            for n, r in enumerate(rounds, 1)
        ),
        "",
        "`/healthz` (the whole middleware stack and a response of a few bytes, no page) shows "
        "how fast Django itself answers here, for scale. The workers' CPU per page (from "
        "/proc) does not depend on what else the machine is doing; the rates do.",
        "",
        f"Median ratio {ratio:.3f} (goal >= {GOAL}): "
        f"{'met' if ratio >= GOAL else '**not met**'}. Load average "
        f"{os.getloadavg()[0]:.1f} at the end on {os.cpu_count()} cores (wrk runs on them too).",
    ]
    publish(lines, record=not args.no_record)
    if ratio < GOAL:
        raise SystemExit(f"below goal: {ratio:.3f} < {GOAL}")


if __name__ == "__main__":
    main()
