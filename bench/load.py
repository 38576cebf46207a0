"""Load test: a mix of pages at 64 concurrent connections for 60 s, on 127.0.0.1 only.

Starts the production stack (gunicorn with gunicorn.conf.py, DEBUG off) on a
throwaway database, drives it with wrk and a Lua script that mixes article,
role page, calculator fragment and static file requests, then reports
requests per second, p50/p99 latency, errors and 5xx, and appends them to
RESULTS.md. Bounded in time; stops by itself.

    .venv/bin/python bench/load.py [--duration 60] [--connections 64] [--redis-url URL]
"""

from __future__ import annotations

import argparse
import datetime
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import (
    BENCH_REDIS,
    ROOT,
    free_port,
    machine,
    prepare_site,
    publish,
    start_server,
    stop_server,
)

MIX = ROOT / "bench" / "mix.lua"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--redis-url", default=BENCH_REDIS, help="'' for local memory")
    parser.add_argument("--no-record", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        env = prepare_site(f"sqlite:///{scratch}/load.sqlite3", args.redis_url)
        port = free_port()
        server = start_server(env, port, args.workers)
        try:
            output = subprocess.run(
                [
                    *("wrk", "-t2", f"-c{args.connections}", f"-d{args.duration}s"),
                    *("--timeout", "10s", "--latency", "-s", str(MIX)),
                    f"http://127.0.0.1:{port}/",
                ],
                capture_output=True,
                text=True,
                check=True,
                timeout=args.duration + 60,
            ).stdout
        finally:
            stop_server(server)

    def find(pattern: str, default: str = "0") -> str:
        match = re.search(pattern, output)
        return match.group(1) if match else default

    rate = find(r"Requests/sec:\s+([\d.]+)")
    p50 = find(r"\s50%\s+([\d.]+\w+)", "?")
    p99 = find(r"\s99%\s+([\d.]+\w+)", "?")
    non_2xx = int(find(r"Non-2xx or 3xx responses: (\d+)"))
    socket_errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    server_errors = int(find(r"5xx responses: (\d+)"))
    print(output)
    publish(
        [
            f"### {datetime.date.today().isoformat()}: load test, {machine()}",
            "",
            f"Mix of article, role page, calculator fragment and static file (bench/mix.lua), "
            f"{args.connections} connections, {args.duration} s, gunicorn {args.workers} workers, "
            f"{'Redis' if args.redis_url else 'local-memory'} cache.",
            "",
            "| requests/s | p50 | p99 | non-2xx/3xx | 5xx | socket errors |",
            "|---:|---:|---:|---:|---:|---:|",
            f"| {float(rate):,.0f} | {p50} | {p99} | {non_2xx} | {server_errors} "
            f"| {socket_errors} |",
        ],
        record=not args.no_record,
    )
    if non_2xx or socket_errors or server_errors:
        raise SystemExit("errors under load")


if __name__ == "__main__":
    main()
