"""gunicorn settings for production: `gunicorn -c gunicorn.conf.py careerguide.wsgi`.

Environment: WEB_CONCURRENCY (workers; default 2 x CPUs + 1), PORT or
GUNICORN_BIND (default 0.0.0.0:8000), GUNICORN_TIMEOUT (seconds, default 30).
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then, so a slow leak can never grow without bound;
# rarely, since a new worker pays for its first pages (careerguide/wsgi.py
# makes that cheap, not free).
max_requests = 100_000
max_requests_jitter = 10_000
# Load the app before forking: less memory per worker, and a broken
# configuration fails once, loudly, at start-up.
preload_app = True

# One JSON line per request on stdout, without personal data: no client
# address, user agent, referrer or query string.
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
access_log_format = (
    '{"event": "request", "method": "%(m)s", "path": "%(U)s", "status": %(s)s, '
    '"bytes": "%(B)s", "duration_ms": %(M)s, "htmx": "%({hx-request}i)s"}'
)
