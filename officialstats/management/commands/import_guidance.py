"""manage.py import_guidance: import the career-guidance datasets."""

from __future__ import annotations

import datetime
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from officialstats import publishing
from officialstats.guidance.fetch import fetch, how
from officialstats.guidance.programs import DATASETS
from officialstats.guidance.writer import import_dataset
from officialstats.importing.problems import ImportProblem
from officialstats.models import Release


class Command(BaseCommand):
    help = (
        "Import career-guidance datasets (" + ", ".join(DATASETS) + ", or all) from a folder of "
        "their publishers' files (--from, default CAREERGUIDE_DATA_DIR; each file checked against "
        "the folder's SHA256SUMS), else downloaded from the publishers; staged, or live with "
        "--publish."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("programs", nargs="+", choices=[*DATASETS, "all"])
        parser.add_argument("--from", dest="folder", type=Path, help="the publishers' files")
        parser.add_argument("--no-download", action="store_true", help="the folder, or nothing")
        parser.add_argument("--publish", action="store_true", help="make each live when imported")
        parser.add_argument(
            "--unless-live", action="store_true", help="skip a dataset with a live release"
        )
        parser.add_argument(
            "--keep-going",
            action="store_true",
            help="report a dataset that cannot be imported and go on (make run's first start)",
        )
        parser.add_argument("--published-on", type=datetime.date.fromisoformat)

    def handle(self, *args, **options) -> None:
        chosen = list(DATASETS) if "all" in options["programs"] else options["programs"]
        for program in dict.fromkeys(chosen):
            dataset = DATASETS[program]
            if options["unless_live"] and Release.objects.live().filter(program=program).exists():
                continue
            started = time.monotonic()
            try:
                fetched = fetch(
                    dataset, options["folder"], allow_download=not options["no_download"]
                )
                release = import_dataset(
                    dataset, fetched, published_on=options["published_on"], notes=how(fetched)
                )
                if options["publish"]:
                    publishing.publish(release)
            except (ImportProblem, publishing.PublishError) as problem:
                if not options["keep_going"]:
                    raise CommandError(f"{dataset.label}: {problem}") from None
                self.stderr.write(
                    f"{dataset.label} not loaded ({problem}); its pages say so until it is."
                )
                continue
            if options["verbosity"]:
                state = "published" if options["publish"] else "staged (not public)"
                self.stdout.write(
                    f"{dataset.cite(release.name)} {state} in {time.monotonic() - started:.1f} s."
                )
