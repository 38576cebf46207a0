"""Load the site's content from ``fixtures/`` once, without clobbering edits.

``make run`` calls this on every start. On an empty database it loads every
fixture; once content exists it does nothing, so editors' changes made in
admin survive a restart. ``--force`` reloads the fixtures on top: rows are
matched by natural key and updated in place, never duplicated (rows that
already have history get no new version for such a reload). A load counts
as one content change.
"""

from __future__ import annotations

import io

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from comparisons import changes, freshness
from comparisons.content_files import CONTENT_FILES
from comparisons.models import Source


def fixture_names() -> list[str]:
    return [name for name, _ in CONTENT_FILES]


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
        # One load is one content change, whatever the number of rows: the
        # content version moves once, at the end, in the same transaction.
        with transaction.atomic(), changes.one_change():
            # Loading content is not an edit: the fixtures' own "figures changed"
            # stamps stand (many-to-many loads would otherwise set them to now).
            with freshness.paused():
                call_command("loaddata", *fixture_names(), verbosity=verbosity)
            # loaddata saves raw rows, which simple-history does not record: give
            # every row without history a first version, so that editors can
            # always revert an edit to what the fixtures said.
            quiet = io.StringIO()
            call_command("populate_history", auto=True, verbosity=0, stdout=quiet, stderr=quiet)
