"""Write the current content back to ``fixtures/``, in the format it loads from.

    manage.py export_content              # overwrite fixtures/*.json
    manage.py export_content --output DIR

Natural keys throughout, no primary keys, rows in each model's own order, so
a diff of the files after an editing session reads as what the editors
changed. Exporting and loading into an empty database loses nothing.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management.base import BaseCommand
from django.core.serializers.json import DjangoJSONEncoder

from comparisons.content_files import CONTENT_FILES


def export_rows(model_names: list[str]) -> list[dict]:
    rows = []
    for name in model_names:
        model = apps.get_model(name) if "." in name else apps.get_model("comparisons", name)
        rows += serializers.serialize(
            "python",
            model.objects.all(),
            use_natural_foreign_keys=True,
            use_natural_primary_keys=True,
        )
    for row in rows:
        row.pop("pk", None)
    return rows


class Command(BaseCommand):
    help = "Export all content to fixtures/ (or --output) as loadable JSON."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--output", type=Path, default=Path(settings.FIXTURE_DIRS[0]))

    def handle(self, *args, output: Path, **options) -> None:
        output.mkdir(parents=True, exist_ok=True)
        for file_name, model_names in CONTENT_FILES:
            text = json.dumps(
                export_rows(model_names), indent=2, ensure_ascii=False, cls=DjangoJSONEncoder
            )
            (output / f"{file_name}.json").write_text(text + "\n", encoding="utf-8")
        if options["verbosity"]:
            self.stdout.write(f"Exported {len(CONTENT_FILES)} files to {output}.")
