"""Create an editor: staff, in the Editors group, not a superuser.

    manage.py create_editor jane --email jane@example.com

The password is asked for on the terminal (twice; asked again while it is
refused), read from the first line of standard input with --password-stdin
(for scripts: ``printf '%s\\n' "$PASSWORD" | manage.py create_editor jane
--password-stdin``), or read from the CAREERGUIDE_EDITOR_PASSWORD
environment variable with --no-input.
"""

from __future__ import annotations

import getpass
import os
import sys

from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.models import AbstractBaseUser, Group
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from comparisons.accounts import EDITORS_GROUP

PASSWORD_VARIABLE = "CAREERGUIDE_EDITOR_PASSWORD"
NO_TERMINAL = (
    "There is no terminal to ask for the password on. Give it on standard input with "
    f"--password-stdin, or in {PASSWORD_VARIABLE} with --no-input."
)


class Command(BaseCommand):
    help = "Create an editor account (staff, Editors group, not a superuser)."
    # call_command(..., stdin=...) for tests, as Django's createsuperuser has it.
    stealth_options = ("stdin",)

    def add_arguments(self, parser) -> None:
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--password-stdin",
            action="store_true",
            help="Read the password from the first line of standard input instead of asking "
            "(takes precedence over --no-input).",
        )
        parser.add_argument(
            "--no-input",
            action="store_false",
            dest="interactive",
            help=f"Read the password from {PASSWORD_VARIABLE} instead of asking.",
        )

    def handle(
        self, username: str, email: str, interactive: bool, password_stdin: bool, **options
    ) -> None:
        self.stdin = options.get("stdin") or sys.stdin
        User = get_user_model()
        try:
            User._meta.get_field("username").clean(username, None)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        if User.objects.filter(username=username).exists():
            raise CommandError(f"An account named {username!r} already exists.")
        try:
            group = Group.objects.get(name=EDITORS_GROUP)
        except Group.DoesNotExist as error:
            raise CommandError("The Editors group is missing; run migrate first.") from error

        user = User(username=username, email=email, is_staff=True)
        if password_stdin:
            password = self.checked(user, self.read_stdin())
        elif not interactive:
            if not os.environ.get(PASSWORD_VARIABLE):
                raise CommandError(f"Set {PASSWORD_VARIABLE} to use --no-input.")
            password = self.checked(user, os.environ[PASSWORD_VARIABLE])
        else:
            password = self.ask(user)
        with transaction.atomic():
            user.set_password(password)
            user.save()
            user.groups.add(group)
        self.stdout.write(self.style.SUCCESS(f"Editor {username!r} created."))

    def read_stdin(self) -> str:
        """The first line of standard input, without its line ending."""
        return self.stdin.readline().removesuffix("\n").removesuffix("\r")

    def checked(self, user: AbstractBaseUser, password: str) -> str:
        """The password, if it may be used; else the command stops, saying why."""
        problems = password_problems(user, password)
        if problems:
            raise CommandError(f"{problems} Nothing was created.")
        return password

    def ask(self, user: AbstractBaseUser) -> str:
        """Asks on the terminal until a password is given twice and accepted."""
        if not self.stdin.isatty():
            raise CommandError(NO_TERMINAL)
        while True:
            try:
                password = getpass.getpass("Password: ")
                again = getpass.getpass("Password (again): ") if password else ""
            except EOFError as error:  # Ctrl-D
                raise CommandError("No password given; nothing was created.") from error
            except KeyboardInterrupt as error:  # Ctrl-C
                raise CommandError("Cancelled; nothing was created.") from error
            if password and password != again:
                problem = "The two passwords differ."
            else:
                problem = password_problems(user, password)
            if not problem:
                return password
            self.stderr.write(f"{problem} Try again (Ctrl-C to cancel).")


def password_problems(user: AbstractBaseUser, password: str) -> str:
    """What is wrong with ``password`` for ``user``, or "" if nothing."""
    if not password:
        return "The password is empty."
    try:
        password_validation.validate_password(password, user)
    except ValidationError as error:
        return " ".join(error.messages)
    return ""
