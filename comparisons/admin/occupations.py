"""Admin for editors' write-ups of two official occupations compared."""

from __future__ import annotations

from django.contrib import admin

from comparisons.models import OccupationComparison

from .base import ContentAdmin


@admin.register(OccupationComparison)
class OccupationComparisonAdmin(ContentAdmin):
    list_display = ["title", "code_a", "code_b", "is_published", "published_on", "updated_on"]
    list_filter = ["is_published"]
    search_fields = ["title", "summary", "introduction", "code_a", "code_b"]
    fieldsets = [
        (None, {"fields": ["code_a", "code_b", "title", "summary", "introduction"]}),
        (
            "Sections",
            {
                "description": "Shown beside the figures they discuss. Write no amounts or "
                "percentages and no verdicts such as who pays more: the page works them out "
                "from the live BLS release.",
                "fields": ["pay_text", "jobs_text", "work_text", "choosing_text"],
            },
        ),
        (
            "Publishing",
            {"fields": ["is_published", "published_on", "updated_on", "change_reason"]},
        ),
    ]

    def view_on_site(self, obj: OccupationComparison) -> str:
        """The public page, or for a draft the staff-only preview with its text."""
        url = obj.get_absolute_url()
        # A pair the live release lacks leads to the chooser, which has no preview.
        return url if obj.is_published or "-vs-" not in url else f"{url}preview/"
