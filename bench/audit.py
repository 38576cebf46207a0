"""Lighthouse budget: the article, the calculator, an occupation, an occupation x place and a
place page, on the production stack, with every career-guidance dataset the occupation page
shows (from CAREERGUIDE_DATA_DIR, default ../shared/data).

Starts gunicorn with production settings (DEBUG off, collectstatic, whitenoise)
on 127.0.0.1, runs Lighthouse 12.8.2 (mobile preset, its default) against each
page with Debian's Chromium, and fails below the budget:

    performance >= 98, accessibility 100, best practices 100, SEO 100.

Lighthouse simulates a phone by multiplying the main-thread work it saw on this
machine by a CPU slowdown, 4x by default, which assumes a fast desktop host. On a
host half as fast the same page scores as if on a phone half as fast (an
unchanged article fell from 100 to 91 on a slower CI machine), so the budget
would measure the machine. The slowdown is therefore calibrated the way Chrome
DevTools calibrates its mid-tier phone preset: the host's Lighthouse benchmark
index, measured at the start of the audit, over that phone's index (1,000).
Both figures are recorded with the scores.

    make audit                                   # installs Lighthouse, then this
    .venv/bin/python bench/audit.py --runs 3     # each page three times
    .venv/bin/python bench/audit.py --no-record  # do not append to RESULTS.md

Lighthouse lives in bench/node_modules (`npm ci --prefix bench`, pinned by
bench/package-lock.json; 13.x needs Node 22). It never downloads a browser:
CHROME_PATH points at /usr/bin/chromium. Each run gets its own temporary
folder in the system's temporary directory (a short path: Chromium cannot
start when the socket in its profile would lie deeper than a Unix socket's
path allows, as under a checkout in a deep folder), removed afterwards with
the profiles Chromium leaves there.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from run import (
    ARTICLE,
    ROOT,
    commit,
    free_port,
    machine,
    prepare_site,
    publish,
    start_server,
    stop_server,
)

LIGHTHOUSE = ROOT / "bench" / "node_modules" / ".bin" / "lighthouse"
RESULTS = ROOT / "bench" / "RESULTS.md"
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
PAGES = {
    "article": ARTICLE,
    "calculator": "/calculator/",
    "occupation": "/occupations/software-developers/",
    "occupation x place": "/occupations/software-developers/in/austin-round-rock-san-marcos-tx/",
    "place": "/places/texas/",
}
BUDGET = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
METRICS = {
    "first-contentful-paint": "FCP",
    "largest-contentful-paint": "LCP",
    "total-blocking-time": "TBT",
    "cumulative-layout-shift": "CLS",
}
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking"
# The Lighthouse benchmark index of the mid-tier phone (a Pixel 5) that Chrome
# DevTools' CPU calibration aims at (panels/mobile_throttling/CalibrationController).
MID_TIER_PHONE_INDEX = 1000


ATTEMPTS = 3


def run_lighthouse(url: str, scratch: Path, *options: str) -> int:
    """Lighthouse with this project's browser; returns how many failed runs were retried.

    Lighthouse now and then fails to record a trace on a busy machine
    (NO_NAVSTART) and scores nothing; such a run is tried again. A low score
    is never retried.
    """
    for attempt in range(1, ATTEMPTS + 1):
        finished = subprocess.run(
            [str(LIGHTHOUSE), url, "--quiet", f"--chrome-flags={CHROME_FLAGS}", *options],
            env={**os.environ, "CHROME_PATH": CHROMIUM, "TMPDIR": str(scratch)},
            check=False,
        )
        if finished.returncode == 0:
            return attempt - 1
        print(f"Lighthouse failed on {url} (attempt {attempt} of {ATTEMPTS})", file=sys.stderr)
    raise SystemExit(f"Lighthouse failed {ATTEMPTS} times on {url}")


def host_benchmark_index(url: str, scratch: Path) -> float:
    """This machine's Lighthouse benchmark index, from a gather-only run of `url`."""
    artifacts = scratch / "calibration"
    run_lighthouse(url, scratch, f"--gather-mode={artifacts}")
    return float(json.loads((artifacts / "artifacts.json").read_text())["BenchmarkIndex"])


def cpu_slowdown(benchmark_index: float) -> float:
    """The CPU slowdown that makes this host run like the mid-tier phone (never below 1)."""
    return max(1.0, round(benchmark_index / MID_TIER_PHONE_INDEX, 1))


def lighthouse(url: str, scratch: Path, slowdown: float) -> dict:
    """One Lighthouse run: category scores (0-100), metrics, audits that lost points."""
    report = scratch / "report.json"
    retries = run_lighthouse(
        url,
        scratch,
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(BUDGET)}",
        f"--throttling.cpuSlowdownMultiplier={slowdown}",
    )
    data = json.loads(report.read_text())
    scores = {name: round(data["categories"][name]["score"] * 100) for name in BUDGET}
    metrics = {
        label: data["audits"][audit]["displayValue"].replace("\xa0", " ")
        for audit, label in METRICS.items()
    }
    weighted = {
        ref["id"]
        for category in data["categories"].values()
        for ref in category["auditRefs"]
        if ref["weight"] > 0
    }
    lost = sorted(
        audit["id"]
        for audit in data["audits"].values()
        if audit["id"] in weighted and audit["score"] is not None and audit["score"] < 1
    )
    return {
        "scores": scores,
        "metrics": metrics,
        "lost": lost,
        "retries": retries,
        "index": data["environment"]["benchmarkIndex"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-record", action="store_true", help="do not append to RESULTS.md")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is not installed: run `make audit` (npm ci --prefix bench)")
    if not shutil.which(CHROMIUM):
        raise SystemExit(f"no Chromium at {CHROMIUM} (apt-get install chromium)")

    (ROOT / ".tmp").mkdir(exist_ok=True)
    started = time.monotonic()
    rows = []
    with tempfile.TemporaryDirectory(dir=ROOT / ".tmp", prefix="audit-") as scratch:
        env = prepare_site(f"sqlite:///{scratch}/audit.sqlite3", guidance=True)
        port = free_port()
        server = start_server(env, port, args.workers)
        try:
            with tempfile.TemporaryDirectory(prefix="lh-") as tmp:
                index = host_benchmark_index(f"http://127.0.0.1:{port}/", Path(tmp))
            slowdown = cpu_slowdown(index)
            print(f"host benchmark index {index:.0f}: CPU slowdown {slowdown}x")
            for run in range(1, args.runs + 1):
                for name, path in PAGES.items():
                    with tempfile.TemporaryDirectory(prefix="lh-") as tmp:
                        result = lighthouse(f"http://127.0.0.1:{port}{path}", Path(tmp), slowdown)
                    rows.append((run, name, path, result))
                    print(f"run {run}, {name}: {result['scores']} {result['metrics']}")
        finally:
            stop_server(server)
    elapsed = time.monotonic() - started

    failed = [
        f"run {run}, {name}: {category} {result['scores'][category]} < {minimum}"
        for run, name, _, result in rows
        for category, minimum in BUDGET.items()
        if result["scores"][category] < minimum
    ]
    lines = [
        f"### {datetime.date.today().isoformat()}, Lighthouse, commit {commit()}: {machine()}",
        "",
        f"Lighthouse 12.8.2, mobile preset (simulated slow 4G), CPU slowdown {slowdown}x "
        f"(host benchmark index {index:.0f}, over the mid-tier phone's "
        f"{MID_TIER_PHONE_INDEX:,}), Debian's Chromium, gunicorn {args.workers} sync workers, "
        f"SQLite, {args.runs} run(s) per page, {elapsed:.0f} s in all. Budget: "
        + ", ".join(f"{name} >= {minimum}" for name, minimum in BUDGET.items())
        + ".",
        "",
        "| run | page | performance | accessibility | best practices | SEO | "
        + " | ".join(METRICS.values())
        + " | benchmark index |",
        "|---|---|---:|---:|---:|---:|" + "---:|" * (len(METRICS) + 1),
    ]
    for run, name, path, result in rows:
        scores = " | ".join(str(result["scores"][category]) for category in BUDGET)
        metrics = " | ".join([*result["metrics"].values(), f"{result['index']:.0f}"])
        lines.append(f"| {run} | {name} (`{path}`) | {scores} | {metrics} |")
    lost = sorted({audit for *_, result in rows for audit in result["lost"]})
    if lost:
        lines += ["", "Audits that lost points in some run: " + ", ".join(lost) + "."]
    retries = sum(result["retries"] for *_, result in rows)
    if retries:
        lines += ["", f"Lighthouse failed to record a page load {retries} time(s) and was rerun."]
    publish(lines, record=not args.no_record)
    if failed:
        print("below budget:\n  " + "\n  ".join(failed), file=sys.stderr)
        raise SystemExit(1)


if __name__ == "__main__":
    main()
