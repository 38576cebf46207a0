"""Place aliases in the admin: the names people use, each naming BLS areas."""

from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from ..models import PlaceAlias


@admin.register(PlaceAlias)
class PlaceAliasAdmin(SimpleHistoryAdmin):
    list_display = ["name", "area_codes", "note"]
    search_fields = ["name", "area_codes"]
    prepopulated_fields = {"slug": ["name"]}
