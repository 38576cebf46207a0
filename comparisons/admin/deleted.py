"""Deleted records, restorable: each content model's "Deleted …" list in admin.

simple-history keeps a deleted row's last values in its history. The list
shows the latest deletion of every row that has not come back, with who
deleted it, when and why; restoring puts the row back with its primary key
(so history and links still join up) after the model's own field and
constraint checks. A draftable record (role, comparison) comes back as a
draft, to be published again once what it needs is back too.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import models, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from .history import collapse_history, latest_history_id, m2m_values

RESTORED = "Restored after deletion"
PER_PAGE = 50


@dataclass(frozen=True)
class DeletedRecord:
    record: models.Model  # the historical "-" entry
    label: str


def describe(record) -> str:
    """The deleted row as its model names it, even if what it names is gone too."""
    try:
        return str(record.instance)
    except ObjectDoesNotExist:
        return f"{record.instance._meta.verbose_name} #{record.instance.pk}"


def missing_parents(instance: models.Model) -> list[str]:
    """The records ``instance`` points to that are deleted too."""
    missing = []
    for field in instance._meta.concrete_fields:
        value = getattr(instance, field.attname)
        if not field.is_relation or value is None:
            continue
        if not field.related_model._default_manager.filter(pk=value).exists():
            missing.append(str(field.verbose_name))
    return missing


def restore(record, user) -> tuple[models.Model | None, str]:
    """Put the row ``record`` deleted back; the restored row, or None, and what happened."""
    instance = record.instance
    model = type(instance)
    if model._default_manager.filter(pk=instance.pk).exists():
        return None, "it exists again already"
    missing = missing_parents(instance)
    if missing:
        return None, f"its {' and '.join(missing)} is deleted too: restore that first"
    note = ""
    if getattr(instance, "is_published", False):
        instance.is_published = False
        note = " as a draft: publish it again when it is ready"
    try:
        instance.clean_fields()
        instance.validate_unique()
        instance.validate_constraints()
    except ValidationError as error:
        return None, " ".join(error.messages)
    mark = latest_history_id(instance)
    instance._change_reason = RESTORED
    instance._history_user = user
    with transaction.atomic():
        instance.save(force_insert=True)
        for name, ids in m2m_values(record).items():
            field = getattr(instance, name)
            field.set(field.model._default_manager.filter(pk__in=ids).values_list("pk", flat=True))
        collapse_history(instance, mark)
    return instance, f"restored{note}"


class DeletedRecordsMixin:
    """For a ModelAdmin with history: its deleted rows, listed and restorable."""

    change_list_template = "admin/comparisons/content_change_list.html"

    def get_urls(self):
        info = self.model._meta.app_label, self.model._meta.model_name
        return [
            path(
                "deleted/",
                self.admin_site.admin_view(self.deleted_view),
                name="{}_{}_deleted".format(*info),
            ),
            *super().get_urls(),
        ]

    def may_restore(self, request: HttpRequest) -> bool:
        return self.has_delete_permission(request) and self.has_add_permission(request)

    def deleted_url(self) -> str:
        opts = self.model._meta
        return reverse(f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_deleted")

    def changelist_view(self, request: HttpRequest, extra_context=None) -> HttpResponse:
        extra_context = extra_context or {}
        if self.may_restore(request):
            extra_context["deleted_url"] = self.deleted_url()
        return super().changelist_view(request, extra_context)

    def deleted_records(self) -> list:
        """The latest deletion of each row that is still deleted, newest first."""
        pk = self.model._meta.pk.attname
        records = (
            self.model.history.filter(history_type="-")
            .exclude(**{f"{pk}__in": self.model._default_manager.values("pk")})
            .select_related("history_user")
            .order_by("-history_date", "-history_id")
        )
        latest: dict = {}
        for record in records:
            latest.setdefault(getattr(record, pk), record)
        return list(latest.values())

    def deleted_view(self, request: HttpRequest) -> HttpResponse:
        if not self.may_restore(request):
            raise PermissionDenied
        if request.method == "POST":
            return self.restore_selected(request)
        opts = self.model._meta
        page = Paginator(self.deleted_records(), PER_PAGE).get_page(request.GET.get("p"))
        rows = [DeletedRecord(record, describe(record)) for record in page.object_list]
        context = {
            **self.admin_site.each_context(request),
            "title": f"Deleted {opts.verbose_name_plural}",
            "subtitle": None,
            "opts": opts,
            "rows": rows,
            "page_obj": page,
            "history_url_name": f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}"
            "_history",
        }
        return TemplateResponse(request, "admin/comparisons/deleted_records.html", context)

    def restore_selected(self, request: HttpRequest) -> HttpResponseRedirect:
        chosen = request.POST.getlist("restore")
        records = self.model.history.filter(
            history_type="-", history_id__in=[i for i in chosen if i.isdigit()]
        ).order_by("history_date")
        if not records:
            messages.warning(request, "Choose the records to restore.")
        for record in records:
            label = describe(record)
            restored, outcome = restore(record, request.user)
            if restored is None:
                messages.error(request, f"“{label}” was not restored: {outcome}.")
            else:
                self.log_addition(request, restored, [{"added": {}}])
                messages.success(request, f"“{label}” was {outcome}.")
        return HttpResponseRedirect(request.path)
