"""Background tasks (Django's Tasks framework; run by ``manage.py db_worker``)."""

from __future__ import annotations

from django.tasks import task

from . import imports
from .models import ImportRun


@task
def import_release(run_id: int) -> dict[str, str | None]:
    """Run an import an editor started in the admin; its run row keeps the outcome."""
    run = ImportRun.objects.get(pk=run_id)
    release = imports.execute(run)
    run.refresh_from_db()
    return {"status": run.status, "release": release.code if release else None, "error": run.error}
