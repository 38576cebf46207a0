"""`manage.py create_editor`: as the README gives it, on a terminal, from a
script, and without a terminal."""

from __future__ import annotations

import io
import os
import pty
import re
import select
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import check_password
from django.core.management import CommandError, call_command

import manage
from tests.helpers import EDITOR_PASSWORD

ROOT = Path(__file__).resolve().parent.parent
GOOD = EDITOR_PASSWORD
COMMAND = [sys.executable, "manage.py", "create_editor", "jane"]


# In-process: what the command asks, accepts and refuses.


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def typed(monkeypatch):
    """Answers the command's password prompts in turn; lists the prompts."""
    prompts: list[str] = []

    def answer(*answers: str | type[BaseException]):
        pending = list(answers)

        def getpass(prompt: str) -> str:
            prompts.append(prompt)
            reply = pending.pop(0)
            if isinstance(reply, type):
                raise reply
            return reply

        monkeypatch.setattr("getpass.getpass", getpass)
        return prompts

    return answer


def create(*args: str, stdin=None) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("create_editor", "jane", *args, stdin=stdin, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def jane():
    return get_user_model().objects.filter(username="jane").first()


def assert_editor(password: str) -> None:
    user = jane()
    assert user is not None and user.check_password(password)
    assert user.is_staff and not user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == ["Editors"]


@pytest.mark.django_db
def test_on_a_terminal_a_refused_or_mistyped_password_is_asked_again(typed):
    prompts = typed("short", "short", GOOD, GOOD + "x", "", GOOD, GOOD)
    out, err = create(stdin=Terminal())
    assert "This password is too short" in err
    assert "The two passwords differ." in err
    assert "The password is empty." in err
    assert err.count("Try again") == 3
    assert prompts == ["Password: ", "Password (again): "] * 2 + ["Password: "] * 2 + [
        "Password (again): "
    ]
    assert "Editor 'jane' created." in out
    assert_editor(GOOD)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("key", "message"),
    [(EOFError, "No password given"), (KeyboardInterrupt, "Cancelled")],
)
def test_ending_the_prompt_creates_nothing(typed, key, message):
    typed("short", "short", key)
    with pytest.raises(CommandError, match=message):
        create(stdin=Terminal())
    assert jane() is None


@pytest.mark.django_db
def test_without_a_terminal_it_says_how_to_give_the_password(typed):
    prompts = typed()
    with pytest.raises(CommandError, match="--password-stdin"):
        create(stdin=io.StringIO(GOOD + "\n"))
    assert prompts == [] and jane() is None


@pytest.mark.django_db
@pytest.mark.parametrize("line", [f"{GOOD}\n", f"{GOOD}\r\n", GOOD, f"{GOOD}\nmore\n"])
def test_password_stdin_reads_the_first_line(line):
    create("--password-stdin", stdin=io.StringIO(line))
    assert_editor(GOOD)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("line", "message"),
    [("short\n", "too short"), ("\n", "empty"), ("", "empty"), ("password\n", "too common")],
)
def test_password_stdin_refuses_a_bad_password_and_creates_nothing(line, message):
    with pytest.raises(CommandError, match=f"{message}.*Nothing was created"):
        create("--password-stdin", stdin=io.StringIO(line))
    assert jane() is None


@pytest.mark.django_db
def test_no_input_reads_the_environment(monkeypatch):
    with pytest.raises(CommandError, match="Set CAREERGUIDE_EDITOR_PASSWORD"):
        create("--no-input")
    monkeypatch.setenv("CAREERGUIDE_EDITOR_PASSWORD", "short")
    with pytest.raises(CommandError, match="too short"):
        create("--no-input")
    monkeypatch.setenv("CAREERGUIDE_EDITOR_PASSWORD", GOOD)
    create("--no-input")
    assert_editor(GOOD)


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "message"), [("admin", "too easy"), ("bad name!", "Enter a")])
def test_names_are_checked_before_any_password_is_asked(typed, name, message):
    prompts = typed()
    with pytest.raises(CommandError, match=message):
        call_command("create_editor", name, stdin=Terminal())
    assert prompts == []


@pytest.mark.django_db
def test_an_existing_account_is_left_alone(editor):
    with pytest.raises(CommandError, match="already exists"):
        create("--password-stdin", stdin=io.StringIO("another-long-passphrase-77\n"))
    assert_editor(EDITOR_PASSWORD)


# manage.py: local commands get the development settings, deployments never do.


@pytest.mark.parametrize(
    ("environ", "debug"),
    [
        ({}, "1"),  # a checkout: make run's settings
        ({"DJANGO_SECRET_KEY": "k"}, None),  # a deployment: untouched, so debug stays off
        ({"DJANGO_DEBUG": "0"}, "0"),  # an explicit choice is obeyed (and then needs the key)
        ({"DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": ""}, "0"),
        ({"DJANGO_SECRET_KEY": ""}, "1"),  # empty is as good as unset
    ],
)
def test_manage_py_gives_local_commands_the_development_settings(environ, debug):
    stderr, given = io.StringIO(), dict(environ)
    manage.local_defaults(environ, stderr)
    assert environ.get("DJANGO_DEBUG") == debug
    said = "DJANGO_SECRET_KEY is not set" in stderr.getvalue()
    assert said == ("DJANGO_DEBUG" not in given and debug == "1")


# For real: the command in its own process, on a pseudo-terminal or none.


@pytest.fixture(scope="module")
def checkout_env(tmp_path_factory, deployed_sqlite) -> dict[str, str]:
    """The environment of a developer's shell: no Django settings at all, and a
    scratch database (in place of the checkout's db.sqlite3) that is migrated."""
    database = shutil.copyfile(deployed_sqlite, tmp_path_factory.mktemp("editor") / "db.sqlite3")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    env["DATABASE_URL"] = f"sqlite:///{database}"
    env.pop("CAREERGUIDE_EDITOR_PASSWORD", None)
    env["SCRATCH_DATABASE"] = str(database)
    return env


@pytest.fixture
def accounts(checkout_env):
    """Reads the editor accounts in the scratch database; empties it afterwards."""
    database = checkout_env["SCRATCH_DATABASE"]

    def accounts() -> dict[str, tuple[str, bool, bool, str]]:
        with sqlite3.connect(database) as db:
            rows = db.execute(
                "SELECT u.username, u.password, u.is_staff, u.is_superuser, g.name FROM auth_user u"
                " LEFT JOIN auth_user_groups ug ON ug.user_id = u.id"
                " LEFT JOIN auth_group g ON g.id = ug.group_id"
            ).fetchall()
        return {
            name: (password, bool(staff), bool(su), group)
            for name, password, staff, su, group in rows
        }

    yield accounts
    with sqlite3.connect(database) as db:
        db.execute("DELETE FROM auth_user_groups")
        db.execute("DELETE FROM auth_user")


PROMPT = re.compile(rb"Password(?: \(again\))?: ")


def run_on_a_terminal(
    args: list[str], env: dict[str, str], answers: list[bytes]
) -> tuple[int, str]:
    """Runs a command on a new pseudo-terminal, typing each answer at a prompt.

    The command gets a session of its own, so it can never reach the
    terminal that runs the tests.
    """
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        args, cwd=ROOT, env=env, stdin=terminal, stdout=terminal, stderr=terminal,
        start_new_session=True,
    )  # fmt: skip
    os.close(terminal)
    output, pending = b"", list(answers)
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([controller], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(controller, 4096)
                except OSError:  # the command has ended and closed the terminal
                    break
                if not chunk:
                    break
                output += chunk
                if pending and len(PROMPT.findall(output)) > len(answers) - len(pending):
                    os.write(controller, pending.pop(0))
            elif process.poll() is not None:
                break
        else:
            pytest.fail(f"the command never finished; it wrote: {output!r}")
        return process.wait(timeout=30), output.decode().replace("\r\n", "\n")
    finally:
        if process.poll() is None:
            process.kill()
        os.close(controller)


@pytest.mark.any_database
def test_the_readme_command_works_as_written_on_a_terminal(checkout_env, accounts):
    answers = [b"short\n", b"short\n", GOOD.encode() + b"\n", b"something-else-entirely-1\n"]
    answers += [GOOD.encode() + b"\n"] * 2
    code, output = run_on_a_terminal(COMMAND, checkout_env, answers)
    assert code == 0, output
    assert "This password is too short" in output and "The two passwords differ." in output
    assert output.count("Password: ") == 3 and "Editor 'jane' created." in output
    assert GOOD not in output and "short\n" not in output  # never echoed
    assert "Traceback" not in output and "ImproperlyConfigured" not in output
    password, staff, superuser, group = accounts()["jane"]
    assert check_password(GOOD, password) and staff and not superuser and group == "Editors"


@pytest.mark.any_database
def test_ctrl_d_at_the_prompt_ends_cleanly(checkout_env, accounts):
    code, output = run_on_a_terminal(COMMAND, checkout_env, [b"\x04"])
    assert code == 1 and "No password given; nothing was created." in output
    assert "Traceback" not in output and accounts() == {}


@pytest.mark.any_database
def test_without_a_terminal_it_fails_cleanly(checkout_env, accounts):
    result = subprocess.run(
        COMMAND, cwd=ROOT, env=checkout_env, stdin=subprocess.DEVNULL,
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 1
    assert "CommandError: There is no terminal to ask for the password on." in result.stderr
    assert "Traceback" not in result.stderr and "EOFError" not in result.stderr
    assert accounts() == {}


@pytest.mark.any_database
@pytest.mark.parametrize(("line", "created"), [(GOOD + "\n", True), ("short\n", False)])
def test_password_stdin_from_a_pipe(checkout_env, accounts, line, created):
    result = subprocess.run(
        [*COMMAND, "--password-stdin"], cwd=ROOT, env=checkout_env, input=line,
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == (0 if created else 1), result.stderr
    assert "Traceback" not in result.stderr
    if created:
        assert check_password(GOOD, accounts()["jane"][0])
    else:
        assert "This password is too short" in result.stderr and accounts() == {}


@pytest.mark.any_database
def test_a_deployment_s_settings_stay_in_force(checkout_env):
    def debug(**env: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "manage.py", "shell", "--no-imports", "-c",
             "from django.conf import settings; print(settings.DEBUG)"],
            cwd=ROOT, env={**checkout_env, **env}, capture_output=True, text=True, timeout=60,
        )  # fmt: skip

    deployed = debug(DJANGO_SECRET_KEY="k", DJANGO_ALLOWED_HOSTS="example.com")
    assert deployed.stdout.strip() == "False" and "local development" not in deployed.stderr
    assert "DJANGO_SECRET_KEY must be set" in debug(DJANGO_DEBUG="0").stderr
