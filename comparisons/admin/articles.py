"""Admin for comparison articles: prose, claims, takeaways, drafts and preview."""

from __future__ import annotations

from django.contrib import admin
from django.template.response import TemplateResponse
from django.urls import reverse

from comparisons.models import Comparison, PremiumClaim, Takeaway
from comparisons.queries.editorial import comparison_warnings

from .base import ContentAdmin, FlaggedFilter


class TakeawayInline(admin.StackedInline):
    model = Takeaway
    extra = 0
    autocomplete_fields = ["source"]


class PremiumClaimInline(admin.TabularInline):
    model = PremiumClaim
    extra = 0
    autocomplete_fields = ["source", "leading_role"]


class ComparisonFlaggedFilter(FlaggedFilter):
    warnings_of = staticmethod(comparison_warnings)


@admin.register(Comparison)
class ComparisonAdmin(ContentAdmin):
    list_display = ["title", "role_a", "role_b", "is_published", "published_on", "updated_on"]
    list_filter = ["is_published", ComparisonFlaggedFilter]
    list_select_related = ["role_a", "role_b"]
    search_fields = ["title", "summary", "introduction"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["role_a", "role_b"]
    inlines = [PremiumClaimInline, TakeawayInline]

    def view_on_site(self, obj: Comparison) -> str:
        """The public page, or for a draft the staff-only preview."""
        if obj.is_published:
            return obj.get_absolute_url()
        return reverse("comparisons:preview", kwargs={"slug": obj.slug})

    def render_change_form(self, request, context, *args, obj=None, **kwargs) -> TemplateResponse:
        if obj is not None:
            context["content_warnings"] = comparison_warnings([obj])[obj.pk]
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)
