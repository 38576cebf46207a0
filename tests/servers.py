"""The production stack in real processes, for the tests that need one.

Not a test module: shared by tests/test_faults.py and tests/test_shared_cache.py.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(port: int, path: str) -> tuple[int, str, dict]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=15) as response:
            return response.status, response.read().decode(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), dict(error.headers)


def production_env(**variables: str) -> dict[str, str]:
    """This environment without any Django settings of its own, plus ``variables``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    return env | {
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        **variables,
    }


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def deploy(env: dict[str, str]) -> None:
    """As a deploy would: the database, its content, and the hashed static files."""
    for command in (
        ["migrate", "-v0"],
        ["load_content", "-v0"],
        ["collectstatic", "--noinput", "-v0"],
    ):
        manage(env, *command)


@contextlib.contextmanager
def gunicorn(env: dict[str, str], *args: str) -> Iterator[int]:
    """gunicorn serving the site on a free port, stopped afterwards; yields the port."""
    port = free_port()
    command = [sys.executable, "-m", "gunicorn", "careerguide.wsgi", "--bind", f"127.0.0.1:{port}"]
    server = subprocess.Popen([*command, *args], cwd=ROOT, env=env, start_new_session=True)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        yield port
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
