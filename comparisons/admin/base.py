"""Pieces every content admin shares."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin
from simple_history.utils import get_m2m_reverse_field_name

from comparisons import formatting


def is_history_version(request: HttpRequest) -> bool:
    """True on the page of one history version (simple-history's revert form)."""
    match = request.resolver_match
    return match is not None and match.url_name.endswith("_simple_history")


class ContentAdmin(SimpleHistoryAdmin):
    """History with field-level differences and revert, for every content model."""

    history_list_per_page = 50

    def get_form(self, request: HttpRequest, obj=None, change: bool = False, **kwargs):
        """On a history version's page, fill many-to-many fields from that version.

        simple-history rebuilds a version's own fields, but the form would show
        the *current* many-to-many choices (say, which roles a factor applies
        to), so saving the version would not revert them.
        """
        form = super().get_form(request, obj, change=change, **kwargs)
        match = request.resolver_match
        if obj is None or not is_history_version(request):
            return form
        record = self.model.history.filter(history_id=match.args[1]).first()
        if record is None:
            return form
        values = {
            field.name: [
                getattr(row, f"{get_m2m_reverse_field_name(field)}_id")
                for row in getattr(record, field.name).all()
            ]
            for field in record._history_m2m_fields
        }

        class VersionForm(form):
            def __init__(self, *args, **form_kwargs) -> None:
                super().__init__(*args, **form_kwargs)
                if not self.is_bound:
                    self.initial.update(values)

        return VersionForm


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


class FlaggedFilter(admin.SimpleListFilter):
    """Lists only the objects the editors' warnings flag (or only the others)."""

    title = "warnings"
    parameter_name = "flagged"
    warnings_of: Callable[[], dict[int, list]]

    def lookups(self, request: HttpRequest, model_admin) -> list[tuple[str, str]]:
        return [("yes", "Has warnings"), ("no", "No warnings")]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet | None:
        if self.value() not in ("yes", "no"):
            return None
        flagged = [pk for pk, warnings in type(self).warnings_of().items() if warnings]
        if self.value() == "yes":
            return queryset.filter(pk__in=flagged)
        return queryset.exclude(pk__in=flagged)
