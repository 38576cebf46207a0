"""Pieces every content admin shares."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from comparisons import formatting


class ContentAdmin(SimpleHistoryAdmin):
    """History with field-level differences and revert, for every content model."""

    history_list_per_page = 50


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
