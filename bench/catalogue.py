"""Growth: do index pages and the sitemap stay fast with 1,000 roles?

Measures each page cold (the page cache and what each process remembers per
content version are cleared before every request, as after an edit)
in-process, first with the shipped content (two roles), then after
`generate_catalogue --roles 1000`, in the same run, and reports the ratio of
the two mean times and both query counts. Appends the table to RESULTS.md.

    .venv/bin/python bench/catalogue.py [--roles 1000] [--repeat 20] [--no-record]

Uses a throwaway SQLite database; never touches yours.
"""

from __future__ import annotations

import argparse
import datetime
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import ROOT, publish

PAGES = [
    "/",
    "/roles/",
    "/compare/",
    "/roles/backend-developer/",
    "/compare/backend-developer-vs-ai-ml-engineer/",
    "/sitemap.xml",
]


def measure(client, repeat: int) -> dict[str, tuple[float, int]]:
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from core.pages import forget_everything

    results = {}
    for url in PAGES:
        times, queries = [], 0
        for _ in range(repeat):
            cache.clear()
            forget_everything()  # cold: as the first request after an edit
            with CaptureQueriesContext(connection) as captured:
                start = time.perf_counter()
                response = client.get(url)
                times.append(time.perf_counter() - start)
            if response.status_code != 200:
                raise SystemExit(f"{url}: HTTP {response.status_code}")
            queries = len(captured)
        results[url] = (statistics.median(times), queries)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--roles", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--no-record", action="store_true")
    args = parser.parse_args()

    scratch = tempfile.mkdtemp()
    os.environ.update(
        DJANGO_SETTINGS_MODULE="careerguide.settings",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="bench-only-secret-key-not-for-production-use",
        DJANGO_ALLOWED_HOSTS="testserver",
        DJANGO_SECURE_SSL_REDIRECT="0",  # plain HTTP in-process, as `make serve`
        DATABASE_URL=f"sqlite:///{scratch}/catalogue.sqlite3",
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    # Pages render without collectstatic here, as in the test suite.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    call_command("migrate", verbosity=0)
    call_command("load_content", verbosity=0)
    client = Client()
    small = measure(client, args.repeat)
    call_command("generate_catalogue", roles=args.roles, yes=True, verbosity=0)
    large = measure(client, args.repeat)

    lines = [
        f"### {datetime.date.today().isoformat()}: catalogue growth, 2 roles vs {args.roles}",
        "",
        f"Cold (nothing cached), in-process (Django test client), "
        f"median of {args.repeat} requests, SQLite.",
        "",
        f"| page | ms, 2 roles | ms, {args.roles} roles | ratio "
        f"| queries, 2 | queries, {args.roles} |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for url in PAGES:
        (t_small, q_small), (t_large, q_large) = small[url], large[url]
        lines.append(
            f"| {url} | {t_small * 1000:.1f} | {t_large * 1000:.1f} | {t_large / t_small:.2f} "
            f"| {q_small} | {q_large} |"
        )
    publish(lines, record=not args.no_record)


if __name__ == "__main__":
    main()
