"""Writing a guidance release: all of it in one transaction, or nothing."""

from __future__ import annotations

import datetime

from django.db import transaction

from ..models import Release, ReleaseFile
from ..publishing import check_new_release
from ..queries.sql import analyze
from .files import Fetched
from .programs import Dataset

BATCH = 2000


def import_dataset(
    dataset: Dataset,
    fetched: list[Fetched],
    *,
    retrieved_on: datetime.date | None = None,
    published_on: datetime.date | None = None,
    notes: str = "",
) -> Release:
    """Read ``fetched`` and write it as a staged release of ``dataset``; an
    ImportProblem (naming the file, sheet and row) leaves the database as it was."""
    read = dataset.read({item.file.name: item for item in fetched})
    first = fetched[0].file.name
    with transaction.atomic():
        check_new_release(dataset.program, read.code, read.name, read.reference_month, first)
        release = Release.objects.create(
            program=dataset.program,
            code=read.code,
            name=read.name,
            reference_month=read.reference_month,
            published_on=published_on or getattr(read, "published_on", None),
            retrieved_on=retrieved_on or datetime.date.today(),
            status=Release.Status.IMPORTING,
            notes=notes,
        )
        for model, rows in read.tables().items():
            for row in rows:
                row.release = release
            model.objects.bulk_create(rows, batch_size=BATCH)
        analyze([model for model in read.tables()])
        ReleaseFile.objects.bulk_create(
            ReleaseFile(
                release=release,
                name=item.file.name,
                url=item.file.url,
                size=item.size,
                sha256=item.sha256,
                imported_size=item.size,
                imported_sha256=item.sha256,
            )
            for item in fetched
        )
        Release.objects.filter(pk=release.pk).update(status=Release.Status.STAGED)
        release.status = Release.Status.STAGED
    return release
