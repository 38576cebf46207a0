"""Pieces every content admin shares."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import admin
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import formats, timezone
from simple_history.admin import SimpleHistoryAdmin

from core import formatting

from .deleted import DeletedRecordsMixin
from .history import ReasonForm, collapse_history, latest_history_id, m2m_values, posted_reason


def is_history_version(request: HttpRequest) -> bool:
    """True on the page of one history version (simple-history's revert form)."""
    match = request.resolver_match
    return match is not None and match.url_name.endswith("_simple_history")


class ContentAdmin(DeletedRecordsMixin, SimpleHistoryAdmin):
    """History with field-level differences, reasons and revert, and a list of
    deleted records to restore, for every content model."""

    form = ReasonForm
    history_list_per_page = 50
    object_history_list_template = "admin/comparisons/object_history_list.html"
    object_history_form_template = "admin/comparisons/object_history_form.html"
    delete_confirmation_template = "admin/comparisons/delete_confirmation.html"
    delete_selected_confirmation_template = "admin/comparisons/delete_selected_confirmation.html"

    def get_form(self, request: HttpRequest, obj=None, change: bool = False, **kwargs):
        """On a history version's page, fill many-to-many fields from that version.

        simple-history rebuilds a version's own fields, but the form would show
        the *current* many-to-many choices (say, which roles a factor applies
        to), so saving the version would not revert them.
        """
        form = super().get_form(request, obj, change=change, **kwargs)
        record = self.version_of(request) if obj is not None else None
        if record is None:
            return form
        values = m2m_values(record)

        class VersionForm(form):
            def __init__(self, *args, **form_kwargs) -> None:
                super().__init__(*args, **form_kwargs)
                if not self.is_bound:
                    self.initial.update(values)

        return VersionForm

    def get_history_queryset(self, request: HttpRequest, history_manager, pk_name, object_id):
        # simple-history calls select_related() with no names for a model
        # without foreign keys (a role), which Django deprecates.
        related = [
            field.name
            for field in history_manager.model.tracked_fields
            if isinstance(field, models.ForeignKey)
        ]
        return history_manager.filter(**{pk_name: object_id}).select_related(
            "history_user", *related
        )

    def version_of(self, request: HttpRequest):
        """The history entry a version's page shows, or None on other pages."""
        if not is_history_version(request):
            return None
        return self.model.history.filter(history_id=request.resolver_match.args[1]).first()

    def save_model(self, request: HttpRequest, obj, form, change: bool) -> None:
        obj._history_mark = latest_history_id(obj)
        obj._change_reason = form.cleaned_data.get("change_reason") or self.default_reason(
            request, obj
        )
        super().save_model(request, obj, form, change)

    def default_reason(self, request: HttpRequest, obj) -> str | None:
        """Saving a history version says so, when the editor gives no reason."""
        record = self.version_of(request)
        if record is None:
            return None
        when = formats.date_format(timezone.localtime(record.history_date), "j F Y, H:i")
        exists = type(obj)._default_manager.filter(pk=obj.pk).exists()
        return f"{'Reverted to' if exists else 'Restored from'} the version of {when}"

    def save_formset(self, request: HttpRequest, form, formset, change: bool) -> None:
        reason = form.cleaned_data.get("change_reason") or None
        for inline_form in formset.forms:
            inline_form.instance._change_reason = reason
        super().save_formset(request, form, formset, change)

    # Every admin save ends by logging it, after the many-to-many choices
    # and inlines are saved: the moment to fold this save's history entries.
    def log_addition(self, request: HttpRequest, obj, message):
        if hasattr(obj, "_history_mark"):
            collapse_history(obj, obj._history_mark)
        return super().log_addition(request, obj, message)

    def log_change(self, request: HttpRequest, obj, message):
        if hasattr(obj, "_history_mark"):
            collapse_history(obj, obj._history_mark)
        return super().log_change(request, obj, message)

    def delete_model(self, request: HttpRequest, obj) -> None:
        obj._change_reason = posted_reason(request)
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        # One by one, so that each deletion is recorded with its reason.
        for obj in queryset:
            self.delete_model(request, obj)


def money_column(field: str, description: str) -> Callable:
    @admin.display(description=description, ordering=field)
    def column(self, obj) -> str:
        value = getattr(obj, field)
        return "" if value is None else formatting.money(value)

    return column


def percent_range_column(description: str = "effect") -> Callable:
    @admin.display(description=description)
    def column(self, obj) -> str:
        if obj.low_percent is None or obj.high_percent is None:
            return "no figure"
        return formatting.percent_range(obj.low_percent, obj.high_percent, signed=True)

    return column
