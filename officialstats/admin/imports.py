"""Importing a release from the admin: choose or upload, watch, preview, publish.

The import itself never runs in a web request: the form enqueues a task
(``officialstats.tasks.import_release``) that a worker runs (``manage.py
db_worker``). The run's page shows its progress (htmx polls it every 2 s;
without JavaScript, the page refreshes itself and has a refresh link) and,
once the release is staged, a preview of what publishing would change, with
the buttons to publish or discard it. Only superusers and users given the
``officialstats.import_release`` permission may do any of this.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.views.decorators.http import require_POST

from ..forms import ImportForm
from ..guidance.preview import guidance_preview
from ..guidance.programs import DATASETS
from ..models import ImportRun, Program, Release
from ..preview import preview
from ..publishing import PublishError, discard, publish
from ..tasks import import_release
from .releases import PERMISSION, ReadOnlyAdmin


def require_importer(request: HttpRequest) -> None:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


@admin.register(ImportRun)
class ImportRunAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "origin", "status", "created_by", "created_at", "finished_at")
    list_display_links = None
    list_filter = ("status", "origin")
    list_select_related = ("release", "created_by")
    change_list_template = "admin/officialstats/importrun/change_list.html"

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return request.user.has_perm(PERMISSION) or super().has_view_permission(request, obj)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self.has_view_permission(request)

    def get_list_display(self, request: HttpRequest):
        return ("run_link", *self.list_display[1:])

    @admin.display(description="import")
    def run_link(self, run: ImportRun) -> str:
        return format_html('<a href="{}">{}</a>', run.get_absolute_url(), run)

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("start/", wrap(self.start_view), name="officialstats_importrun_start"),
            path(
                "<int:pk>/progress/",
                wrap(self.progress_view),
                name="officialstats_importrun_progress",
            ),
            path(
                "<int:pk>/publish/",
                wrap(require_POST(self.publish_view)),
                name="officialstats_importrun_publish",
            ),
            path(
                "<int:pk>/discard/",
                wrap(require_POST(self.discard_view)),
                name="officialstats_importrun_discard",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request: HttpRequest, object_id: str, *args, **kwargs) -> HttpResponse:
        return HttpResponseRedirect(
            reverse("admin:officialstats_importrun_progress", args=[object_id])
        )

    def context(self, request: HttpRequest, title: str, **extra) -> dict:
        return {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": title,
            **extra,
        }

    def start_view(self, request: HttpRequest) -> HttpResponse:
        require_importer(request)
        form = ImportForm(request.POST or None, request.FILES or None)
        active = ImportRun.objects.active().first()
        if request.method == "POST" and form.is_valid():
            run = start(request, form)
            return HttpResponseRedirect(run.get_absolute_url())
        return TemplateResponse(
            request,
            "admin/officialstats/importrun/start.html",
            self.context(
                request,
                "Import a release",
                form=form,
                active=active,
                live=Release.objects.live().first(),
                media=self.media + form.media,
            ),
        )

    def progress_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        require_importer(request)
        run = get_object_or_404(ImportRun.objects.select_related("release", "created_by"), pk=pk)
        staged = (
            run.status == ImportRun.Status.STAGED
            and run.release is not None
            and run.release.status == Release.Status.STAGED
        )
        template = "admin/officialstats/importrun/progress.html"
        return TemplateResponse(
            request,
            f"{template}#status" if request.htmx else template,
            self.context(
                request,
                str(run),
                run=run,
                preview=staged_preview(run) if staged else None,
                polling=not run.finished,
            ),
        )

    def publish_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        require_importer(request)
        run = get_object_or_404(ImportRun.objects.select_related("release"), pk=pk)
        if run.release is None or run.status != ImportRun.Status.STAGED:
            messages.error(request, "There is no staged release to publish on this import.")
        else:
            try:
                previous = publish(run.release)
            except PublishError as error:
                messages.error(request, str(error))
            else:
                retired = (
                    f" {previous.name} is retired and can be made live again." if previous else ""
                )
                messages.success(request, f"{run.release.name} is live.{retired}")
        return HttpResponseRedirect(run.get_absolute_url())

    def discard_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        require_importer(request)
        run = get_object_or_404(ImportRun.objects.select_related("release"), pk=pk)
        if run.release is None or run.status != ImportRun.Status.STAGED:
            messages.error(request, "There is no staged release to discard on this import.")
            return HttpResponseRedirect(run.get_absolute_url())
        name = run.release.name
        try:
            discard(run.release)
        except PublishError as error:
            messages.error(request, str(error))
        else:
            ImportRun.objects.filter(pk=run.pk).update(status=ImportRun.Status.DISCARDED)
            messages.success(request, f"{name} discarded; the live release is unchanged.")
        return HttpResponseRedirect(run.get_absolute_url())


def staged_preview(run: ImportRun):
    """What publishing the run's staged release would change, in its program's terms."""
    if run.program == Program.OEWS:
        return preview(run.release)
    return guidance_preview(run.release)


def start(request: HttpRequest, form: ImportForm) -> ImportRun:
    """Record the run and hand it to the worker."""
    data = form.cleaned_data
    upload = data.get("upload") if data["source"] == ImportForm.UPLOAD else None
    if data["source"] in DATASETS:
        origin = ImportRun.Origin.FILES
    else:
        origin = ImportRun.Origin.UPLOAD if upload else ImportRun.Origin.BUNDLED
    run = ImportRun.objects.create(
        origin=origin,
        program=data["source"] if data["source"] in DATASETS else Program.OEWS,
        upload=upload,
        upload_name=upload.name if upload else "",
        published_on=data.get("published_on"),
        retrieved_on=data.get("retrieved_on"),
        created_by=request.user,
    )
    result = import_release.enqueue(run.pk)
    ImportRun.objects.filter(pk=run.pk).update(task_id=str(result.id))
    run.refresh_from_db()
    return run
