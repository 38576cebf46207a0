"""Lighthouse budget: the article and the calculator on the production stack.

Starts gunicorn with production settings (DEBUG off, collectstatic, whitenoise)
on 127.0.0.1, runs Lighthouse 12.8.2 (mobile preset, its default) against each
page with Debian's Chromium, and fails below the budget:

    performance >= 98, accessibility 100, best practices 100, SEO 100.

    make audit                                   # installs Lighthouse, then this
    .venv/bin/python bench/audit.py --runs 3     # each page three times
    .venv/bin/python bench/audit.py --no-record  # do not append to RESULTS.md

Lighthouse lives in bench/node_modules (`npm ci --prefix bench`, pinned by
bench/package-lock.json; 13.x needs Node 22). It never downloads a browser:
CHROME_PATH points at /usr/bin/chromium. Each run gets its own temporary
folder under .tmp/, removed afterwards with the profiles Chromium leaves there.
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
PAGES = {"article": ARTICLE, "calculator": "/calculator/"}
BUDGET = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
METRICS = {
    "first-contentful-paint": "FCP",
    "largest-contentful-paint": "LCP",
    "total-blocking-time": "TBT",
    "cumulative-layout-shift": "CLS",
}
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking"


ATTEMPTS = 3


def lighthouse(url: str, scratch: Path) -> dict:
    """One Lighthouse run: category scores (0-100), metrics, audits that lost points.

    Lighthouse now and then fails to record a trace on a busy machine
    (NO_NAVSTART) and scores nothing; such a run is tried again, and the
    retries are reported. A low score is never retried.
    """
    report = scratch / "report.json"
    for attempt in range(1, ATTEMPTS + 1):
        finished = subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--output=json",
                f"--output-path={report}",
                "--quiet",
                f"--only-categories={','.join(BUDGET)}",
                f"--chrome-flags={CHROME_FLAGS}",
            ],
            env={**os.environ, "CHROME_PATH": CHROMIUM, "TMPDIR": str(scratch)},
            check=False,
        )
        if finished.returncode == 0:
            break
        print(f"Lighthouse failed on {url} (attempt {attempt} of {ATTEMPTS})", file=sys.stderr)
    else:
        raise SystemExit(f"Lighthouse failed {ATTEMPTS} times on {url}")
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
    return {"scores": scores, "metrics": metrics, "lost": lost, "retries": attempt - 1}


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
        env = prepare_site(f"sqlite:///{scratch}/audit.sqlite3")
        port = free_port()
        server = start_server(env, port, args.workers)
        try:
            for run in range(1, args.runs + 1):
                for name, path in PAGES.items():
                    with tempfile.TemporaryDirectory(dir=scratch, prefix="lighthouse-") as tmp:
                        result = lighthouse(f"http://127.0.0.1:{port}{path}", Path(tmp))
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
        f"Lighthouse 12.8.2, mobile preset (simulated slow 4G, 4x CPU slowdown), Debian's "
        f"Chromium, gunicorn {args.workers} sync workers, SQLite, {args.runs} run(s) per page, "
        f"{elapsed:.0f} s in all. Budget: "
        + ", ".join(f"{name} >= {minimum}" for name, minimum in BUDGET.items())
        + ".",
        "",
        "| run | page | performance | accessibility | best practices | SEO | "
        + " | ".join(METRICS.values())
        + " |",
        "|---|---|---:|---:|---:|---:|" + "---:|" * len(METRICS),
    ]
    for run, name, path, result in rows:
        scores = " | ".join(str(result["scores"][category]) for category in BUDGET)
        metrics = " | ".join(result["metrics"].values())
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
