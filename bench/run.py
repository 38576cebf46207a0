"""Requests per second of dynamic pages, as ratios to a static file of the same size.

Runs the production stack (gunicorn + whitenoise, DEBUG off) on 127.0.0.1 and
drives it with wrk, measuring every target in the same run, because these
machines are noisy and only ratios measured together mean anything.

    .venv/bin/python bench/run.py                # measure, print, append to RESULTS.md
    .venv/bin/python bench/run.py --duration 5 --no-record

Needs wrk (`apt-get install wrk`) and, as production, Redis (database 5 on
127.0.0.1, flushed; --redis-url '' for local memory). Uses a throwaway SQLite
database unless --database-url is given. Traffic goes to 127.0.0.1 only, for
a bounded time.
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
RESULTS = ROOT / "bench" / "RESULTS.md"
# The calculator's choices; the page gives its own canonical address for
# them (the one the page cache keeps), which the targets then ask for.
CALCULATOR_CHOICES = (
    "role_a=ai-ml-engineer&role_b=backend-developer&level=senior&location=bay-area"
    "&industry=finance&education=masters-degree&company_size=large-tech-firm"
)
CALCULATOR_QUERY = "{calculator}"


ARTICLE = "/compare/backend-developer-vs-ai-ml-engineer/"
# Production caches in Redis: so do the benchmarks, in a database of their own.
BENCH_REDIS = "redis://127.0.0.1:6379/5"


@dataclass(frozen=True)
class Target:
    name: str
    path: str
    headers: tuple[str, ...] = ()
    goal: float | None = None  # minimum ratio to the static file of its size
    uncached: bool = False  # every request misses the page cache
    sized_like: str = ""  # the static file it is compared with


TARGETS = [
    Target("article, cached", ARTICLE, goal=0.9, sized_like="article"),
    Target(
        "article, page cache miss", f"{ARTICLE}?x=1", goal=0.1, uncached=True, sized_like="article"
    ),
    Target(
        "calculator fragment (htmx)",
        f"/calculator/?{CALCULATOR_QUERY}",
        ("HX-Request: true",),
        goal=0.3,
        sized_like="fragment",
    ),
    Target(
        "calculator fragment (htmx), page cache miss",
        f"/calculator/?{CALCULATOR_QUERY}",
        ("HX-Request: true",),
        uncached=True,
        sized_like="fragment",
    ),
]
UNIQUE_SCRIPT = ROOT / "bench" / "unique.lua"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env: dict, *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def prepare_site(database_url: str, redis_url: str = "", *, guidance: bool = False) -> dict:
    """Production settings for a local run: migrate, load content, collect static;
    with ``guidance``, the career-guidance datasets from CAREERGUIDE_DATA_DIR
    (default ../shared/data) too, as occupation pages show them in production.

    Returns the environment to start gunicorn with.
    """
    env = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "bench-only-secret-key-not-for-production-use",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": database_url,
    }
    if redis_url:
        import redis

        redis.Redis.from_url(redis_url).flushdb()  # a database of the benchmark's own
        env["REDIS_URL"] = redis_url
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_content", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")
    # A live release, as production has, so the article shows official figures
    # (the tests' small one: bench/calculator.py measures the whole release).
    sys.path.insert(0, str(ROOT))
    from tests.oews import write_release

    folder = write_release(Path(tempfile.mkdtemp()) / "oews")
    manage(env, "import_oews", str(folder), "--publish", "--unless-live", "--published-on",
           "2026-05-15", "-v0")  # fmt: skip
    if guidance:
        env.setdefault("CAREERGUIDE_DATA_DIR", str((ROOT.parent / "shared" / "data").resolve()))
        manage(env, "import_guidance", "all", "--publish", "--no-download", "-v0")
    return env


def canonical_calculator(port: int) -> str:
    """The calculator's own address for CALCULATOR_CHOICES (its "Link" to this result)."""
    request = urllib.request.Request(f"http://127.0.0.1:{port}/calculator/?{CALCULATOR_CHOICES}")
    with urllib.request.urlopen(request, timeout=10) as response:
        page = response.read().decode()
    found = re.search(r'href="/calculator/\?([^"#]+)#calculator">Link', page)
    if found is None:
        raise SystemExit("the calculator no longer links to its result")
    return found.group(1).replace("&amp;", "&")


def start_server(env: dict, port: int, workers: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [
            *(PYTHON, "-m", "gunicorn", "-c", "gunicorn.conf.py", "careerguide.wsgi"),
            *("--bind", f"127.0.0.1:{port}", "--workers", str(workers)),
            *("--log-level", "warning", "--access-logfile", "/dev/null"),
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1).read()
            return server
        except OSError:
            time.sleep(0.2)
    stop_server(server)
    raise SystemExit("gunicorn did not start within 30 s")


def stop_server(server: subprocess.Popen) -> None:
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=30)


def fetch(port: int, target: Target) -> bytes:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{target.path}")
    for header in target.headers:
        name, value = header.split(": ", 1)
        request.add_header(name, value)
    with urllib.request.urlopen(request, timeout=10) as response:
        if response.status != 200:
            raise SystemExit(f"{target.name}: HTTP {response.status}")
        return response.read()


def wrk(port: int, target: Target, duration: int, connections: int) -> float:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s"]
    for header in target.headers:
        command += ["-H", header]
    if target.uncached:
        command += ["-s", str(UNIQUE_SCRIPT)]
    output = subprocess.run(
        [*command, f"http://127.0.0.1:{port}{target.path}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors:
        raise SystemExit(f"{target.name}: {errors.group(1)} error responses\n{output}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def page_weight(port: int, html: bytes) -> dict[str, int]:
    """The article's size, and the JavaScript and CSS it loads, raw and gzipped."""
    sizes = {"html": len(html), "html_gzip": len(gzip.compress(html, 6))}
    text = html.decode()
    for kind, pattern in (
        ("js", r'<script[^>]+src="([^"]+)"'),
        ("css", r'<link[^>]+href="([^"]+\.css)"'),
    ):
        raw = b"".join(fetch(port, Target(kind, path)) for path in re.findall(pattern, text))
        sizes[kind], sizes[f"{kind}_gzip"] = len(raw), len(gzip.compress(raw, 6))
    return sizes


def in_process_django(database_url: str) -> None:
    """Set Django up in this process against ``database_url``, as a worker
    measuring cold renders needs it: production settings (DEBUG off), no
    Redis (the cache is this process's memory), static files unhashed."""
    os.environ.update(
        DJANGO_SETTINGS_MODULE="careerguide.settings",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="bench-only-secret-key-not-for-production-use",
        DJANGO_ALLOWED_HOSTS="testserver",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DATABASE_URL=database_url,
    )
    os.environ.pop("REDIS_URL", None)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings

    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def publish(lines: list[str], *, record: bool) -> None:
    """Print a run's report and, with ``record``, append it to RESULTS.md."""
    report = "\n".join(lines) + "\n"
    print(report)
    if record:
        with RESULTS.open("a") as results:
            results.write("\n" + report)


def commit() -> str:
    result = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    )
    # Earlier runs' figures in RESULTS.md are not a change to what is measured.
    dirty = subprocess.run(
        ["git", "diff", "--quiet", "HEAD", "--", ".", ":!bench/RESULTS.md"], cwd=ROOT
    ).returncode
    return (result.stdout.strip() or "unknown") + ("+changes" if dirty else "")


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        match = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())
        cpu = match.group(1).strip() if match else cpu
    return f"{os.cpu_count()} cores, {cpu}, Python {platform.python_version()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=5, help="seconds per target per round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--database-url", help="default: a throwaway SQLite file")
    parser.add_argument(
        "--redis-url",
        default=BENCH_REDIS,
        help=f"Redis as in production, flushed first (default {BENCH_REDIS}; '' for local memory)",
    )
    parser.add_argument("--no-record", action="store_true", help="do not append to RESULTS.md")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install wrk")

    with tempfile.TemporaryDirectory() as scratch:
        env = prepare_site(
            args.database_url or f"sqlite:///{scratch}/bench.sqlite3", args.redis_url
        )

        # Size a static file like each page; whitenoise indexes static files
        # at start-up, so they must exist before the measured run.
        port = free_port()
        server = start_server(env, port, 1)
        try:
            query = canonical_calculator(port)
            targets = [replace(t, path=t.path.replace(CALCULATOR_QUERY, query)) for t in TARGETS]
            bodies = {t.sized_like: fetch(port, t) for t in targets if not t.uncached}
        finally:
            stop_server(server)
        blob_dir = ROOT / "staticfiles" / "bench"
        blob_dir.mkdir(parents=True, exist_ok=True)
        statics = {}
        for kind, body in bodies.items():
            (blob_dir / f"{kind}.html").write_bytes(b"x" * len(body))
            statics[kind] = Target(
                f"static file like the {kind} ({len(body):,} bytes)", f"/static/bench/{kind}.html"
            )

        server = start_server(env, port, args.workers)
        try:
            targets = [*statics.values(), *targets]
            for target in targets:
                fetch(port, target)
                wrk(port, target, 2, args.connections)  # warm up
            # Rounds, each measuring every target once, so that a burst of
            # load from elsewhere on the machine skews one round, not a ratio.
            rounds = [
                {target: wrk(port, target, args.duration, args.connections) for target in targets}
                for _ in range(args.rounds)
            ]
            sizes = page_weight(port, bodies["article"])
        finally:
            stop_server(server)
            shutil.rmtree(blob_dir, ignore_errors=True)

    rates = {t: statistics.median(r[t] for r in rounds) for t in targets}
    ratios = {
        t: statistics.median(r[t] / r[statics[t.sized_like]] for r in rounds)
        if t.sized_like
        else 1.0
        for t in targets
    }

    lines = [
        f"### {datetime.date.today().isoformat()}, commit {commit()}: {machine()}",
        "",
        f"gunicorn {args.workers} sync workers, wrk 2 threads, {args.connections} connections, "
        f"{args.rounds} rounds of {args.duration} s per target (medians; each ratio is the "
        f"median of the rounds' ratios), {'PostgreSQL' if args.database_url else 'SQLite'}, "
        f"{'Redis' if args.redis_url else 'local-memory'} cache.",
        "",
        "| target | requests/s | ratio to static | goal |",
        "|---|---:|---:|---:|",
    ]
    failed = []
    for target, rate in rates.items():
        ratio = ratios[target]
        goal = f">= {target.goal}" if target.goal else ""
        if target.goal and ratio < target.goal:
            failed.append(target.name)
        lines.append(f"| {target.name} | {rate:,.0f} | {ratio:.2f} | {goal} |")
    lines += [
        "",
        "A page cache miss (a query string never seen before) still reuses what each process "
        "remembers for the site state (loaders, the article's remembered fragments), as "
        "every miss after the first one following an edit does; cold renders are measured by "
        "bench/catalogue.py, bench/occupations.py and bench/places.py.",
        "",
        f"Article HTML: {sizes['html']:,} bytes, {sizes['html_gzip']:,} gzipped (goal <= 14 KB). "
        f"JavaScript shipped: {sizes['js']:,} bytes ({sizes['js_gzip']:,} gzipped); "
        f"CSS: {sizes['css']:,} bytes ({sizes['css_gzip']:,} gzipped).",
    ]
    publish(lines, record=not args.no_record)
    if failed:
        raise SystemExit(f"below goal: {', '.join(failed)}")


if __name__ == "__main__":
    main()
