"""Create an editor: staff, in the Editors group, not a superuser.

    manage.py create_editor jane --email jane@example.com

The password is asked for interactively, or read from the
CAREERGUIDE_EDITOR_PASSWORD environment variable with --no-input.
"""

from __future__ import annotations

import getpass
import os

from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from comparisons.accounts import EDITORS_GROUP

PASSWORD_VARIABLE = "CAREERGUIDE_EDITOR_PASSWORD"


class Command(BaseCommand):
    help = "Create an editor account (staff, Editors group, not a superuser)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--no-input",
            action="store_false",
            dest="interactive",
            help=f"Read the password from {PASSWORD_VARIABLE} instead of asking.",
        )

    def handle(self, username: str, email: str, interactive: bool, **options) -> None:
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

        password = self.read_password(interactive)
        user = User(username=username, email=email, is_staff=True)
        try:
            password_validation.validate_password(password, user)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        with transaction.atomic():
            user.set_password(password)
            user.save()
            user.groups.add(group)
        self.stdout.write(self.style.SUCCESS(f"Editor {username!r} created."))

    def read_password(self, interactive: bool) -> str:
        if not interactive:
            password = os.environ.get(PASSWORD_VARIABLE, "")
            if not password:
                raise CommandError(f"Set {PASSWORD_VARIABLE} to use --no-input.")
            return password
        password = getpass.getpass("Password: ")
        if password != getpass.getpass("Password (again): "):
            raise CommandError("The passwords do not match.")
        return password
