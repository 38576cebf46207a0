"""Load the site's content from ``fixtures/`` once, without clobbering edits.

``make run`` calls this on every start. On an empty database it loads every
fixture; once content exists it does nothing, so editors' changes made in
admin survive a restart. ``--force`` reloads the fixtures on top: rows are
matched by natural key and updated in place, never duplicated.
"""

from __future__ import annotations

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from comparisons.models import Source


def fixture_names() -> list[str]:
    files = sorted(path for folder in settings.FIXTURE_DIRS for path in folder.glob("*.json"))
    return [path.stem for path in files]


class Command(BaseCommand):
    help = "Load fixtures/ into an empty database (or reload with --force)."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--force",
            action="store_true",
            help="Reload even if content exists, overwriting matching rows.",
        )

    def handle(self, *args, force: bool = False, **options) -> None:
        verbosity = options["verbosity"]
        if Source.objects.exists() and not force:
            if verbosity:
                self.stdout.write("Content already loaded; left as it is (--force reloads).")
            return
        call_command("loaddata", *fixture_names(), verbosity=verbosity)
