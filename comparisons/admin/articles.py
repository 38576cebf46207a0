"""Admin for comparison articles: prose, claims, takeaways, drafts and preview."""

from __future__ import annotations

from django.contrib import admin
from django.template.response import TemplateResponse
from django.urls import reverse

from comparisons.models import Comparison, PremiumClaim, Takeaway
from comparisons.queries.editorial import comparison_warnings

from .base import ContentAdmin
from .warnings import FlaggedFilter, warnings_panel


def comparison_page_url(comparison: Comparison) -> str:
    """The public page, or for a draft the staff-only preview."""
    if comparison.is_published:
        return comparison.get_absolute_url()
    return reverse("comparisons:preview", kwargs={"slug": comparison.slug})


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
        return comparison_page_url(obj)

    def render_change_form(self, request, context, *args, obj=None, **kwargs) -> TemplateResponse:
        if obj is not None:
            context["content_warnings"] = warnings_panel(
                request, comparison_warnings([obj])[obj.pk]
            )
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)


class ArticlePartAdmin(ContentAdmin):
    """A part of one article, also edited on its page: "view on site" opens the article."""

    list_filter = ["comparison", "source"]
    list_select_related = ["comparison", "source"]
    autocomplete_fields = ["comparison", "source"]

    def view_on_site(self, obj) -> str:
        return comparison_page_url(obj.comparison)


@admin.register(Takeaway)
class TakeawayAdmin(ArticlePartAdmin):
    list_display = ["comparison", "order", "text", "source"]
    search_fields = ["text"]


@admin.register(PremiumClaim)
class PremiumClaimAdmin(ArticlePartAdmin):
    list_display = ["comparison", "level", "leading_role", "low_percent", "high_percent", "source"]
    list_select_related = ["comparison", "level", "leading_role", "source"]
    autocomplete_fields = ["comparison", "leading_role", "source"]
