"""Place aliases in the admin: the names people use, each naming BLS areas."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from ..models import PlaceAlias
from ..queries.aliases import unknown_codes


class PlaceAliasForm(forms.ModelForm):
    class Meta:
        model = PlaceAlias
        fields = ["name", "slug", "area_codes", "note"]

    def clean_area_codes(self) -> str:
        codes = self.cleaned_data["area_codes"]
        unknown = unknown_codes(codes.split())
        if unknown:
            raise forms.ValidationError(
                f"{', '.join(unknown)}: not an area of the live OEWS release."
            )
        return codes


@admin.register(PlaceAlias)
class PlaceAliasAdmin(SimpleHistoryAdmin):
    form = PlaceAliasForm
    list_display = ["name", "area_codes", "note"]
    search_fields = ["name", "area_codes"]
    prepopulated_fields = {"slug": ["name"]}
