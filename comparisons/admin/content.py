"""Admin for sources, levels, roles and every figure about a role."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.utils.html import format_html, format_html_join

from comparisons.models import (
    Benefit,
    BenefitRole,
    CareerStep,
    EquityShare,
    ExperienceLevel,
    PayFactor,
    Role,
    RoleNote,
    SalaryBand,
    SalaryStat,
    Skill,
    Source,
    TimeToCompetency,
)
from comparisons.queries.editorial import role_warnings, source_warnings
from core import formatting
from officialstats.models import Occupation
from officialstats.queries.search import search_occupations

from .base import ContentAdmin, is_history_version, money_column, percent_range_column
from .imports import ContentImportExportMixin, PayFactorResource, SalaryBandResource
from .publishing import (
    KeepsPublishedRolesComplete,
    SalaryBandFormSet,
    SalaryStatFormSet,
    checked_by_inlines,
    role_page_url,
)
from .warnings import FlaggedFilter, warnings_panel


class SourceFlaggedFilter(FlaggedFilter):
    warnings_of = staticmethod(source_warnings)


@admin.register(Source)
class SourceAdmin(ContentAdmin):
    list_display = ["publisher", "title", "as_of_label", "url"]
    list_filter = ["publisher", "as_of_precision", SourceFlaggedFilter]
    search_fields = ["publisher", "title", "url"]
    prepopulated_fields = {"slug": ["publisher", "title"]}

    def render_change_form(self, request, context, *args, obj=None, **kwargs) -> TemplateResponse:
        if obj is not None:
            context["content_warnings"] = warnings_panel(request, source_warnings([obj])[obj.pk])
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)

    @admin.display(description="as of", ordering="as_of")
    def as_of_label(self, obj: Source) -> str:
        return obj.as_of_label


@admin.register(ExperienceLevel)
class ExperienceLevelAdmin(ContentAdmin):
    list_display = ["name", "order", "years_label"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class SalaryStatInline(admin.TabularInline):
    model = SalaryStat
    formset = SalaryStatFormSet
    extra = 0
    autocomplete_fields = ["source"]


class SalaryBandInline(admin.TabularInline):
    model = SalaryBand
    formset = SalaryBandFormSet
    extra = 0
    autocomplete_fields = ["source"]


class EquityShareInline(admin.TabularInline):
    model = EquityShare
    extra = 0
    autocomplete_fields = ["source"]


class TimeToCompetencyInline(admin.TabularInline):
    model = TimeToCompetency
    extra = 0
    autocomplete_fields = ["source"]


class SkillInline(admin.TabularInline):
    model = Skill
    extra = 0
    autocomplete_fields = ["source"]


class BenefitRoleInline(admin.TabularInline):
    model = BenefitRole
    extra = 0
    autocomplete_fields = ["benefit"]
    verbose_name = "benefit"
    verbose_name_plural = "benefits"


class CareerStepInline(admin.TabularInline):
    model = CareerStep
    extra = 0
    autocomplete_fields = ["source"]


SUGGESTED = 5
DETAILED = Occupation.Level.DETAILED


def occupation_suggestions(name: str) -> str:
    """Occupations of the live release whose titles, or O*NET's other titles
    for them, match a role's name: what an editor might link it to."""
    listing = search_occupations(name)
    rows = [row for row in (listing.rows if listing else []) if row.occupation.level == DETAILED][
        :SUGGESTED
    ]
    if not rows:
        return ""
    return format_html(
        "Occupations matching “{}”: {}.",
        name,
        format_html_join(
            "; ",
            "{} ({}{})",
            (
                (
                    row.occupation.title,
                    row.occupation.code,
                    f", {listing.reasons[row.occupation.code]}"
                    if row.occupation.code in listing.reasons
                    else "",
                )
                for row in rows
            ),
        ),
    )


class RoleFlaggedFilter(FlaggedFilter):
    warnings_of = staticmethod(role_warnings)


@admin.register(Role)
class RoleAdmin(ContentAdmin):
    list_display = ["name", "slug", "is_published", "published_on", "summary"]
    list_filter = ["is_published", RoleFlaggedFilter]
    search_fields = ["name", "summary", "description"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [
        SalaryStatInline,
        SalaryBandInline,
        EquityShareInline,
        TimeToCompetencyInline,
        SkillInline,
        BenefitRoleInline,
        CareerStepInline,
    ]

    def get_form(self, request: HttpRequest, obj=None, change: bool = False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        # A history version's page has no inlines: the model reads the figures.
        form = form if is_history_version(request) else checked_by_inlines(form)
        if obj is not None and "occupation_code" in form.base_fields:
            field = form.base_fields["occupation_code"]
            field.help_text = format_html(
                "{} {}", field.help_text, occupation_suggestions(obj.name)
            )
        return form

    def view_on_site(self, obj: Role) -> str:
        return role_page_url(obj)

    def render_change_form(self, request, context, *args, obj=None, **kwargs) -> TemplateResponse:
        if obj is not None:
            context["content_warnings"] = warnings_panel(request, role_warnings([obj])[obj.pk])
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)


class RoleFigureAdmin(ContentAdmin):
    """A figure about one role: "view on site" opens the role's page."""

    list_select_related = ["role", "source"]
    autocomplete_fields = ["role", "source"]

    def view_on_site(self, obj) -> str:
        return role_page_url(obj.role)


@admin.register(SalaryBand)
class SalaryBandAdmin(KeepsPublishedRolesComplete, ContentImportExportMixin, RoleFigureAdmin):
    resource_classes = [SalaryBandResource]
    list_display = ["role", "level", "band", "source"]
    list_filter = ["role", "level", "source"]
    list_select_related = ["role", "level", "source"]
    search_fields = ["role__name", "level__name"]

    @admin.display(description="band (a year)", ordering="min_salary")
    def band(self, obj: SalaryBand) -> str:
        return formatting.money_range(
            obj.min_salary, obj.max_salary, obj.currency, open_ended=obj.open_ended, short=False
        )


@admin.register(SalaryStat)
class SalaryStatAdmin(KeepsPublishedRolesComplete, RoleFigureAdmin):
    list_display = ["role", "kind", "label", "average_amount", "typical_range", "source"]
    list_filter = ["kind", "role", "source"]
    search_fields = ["role__name", "label"]
    average_amount = money_column("average", "average (a year)")

    @admin.display(description="typical range")
    def typical_range(self, obj: SalaryStat) -> str:
        if obj.range_low is None:
            return ""
        return formatting.money_range(obj.range_low, obj.range_high, short=False)


@admin.register(EquityShare)
class EquityShareAdmin(RoleFigureAdmin):
    list_display = ["role", "share", "note", "source"]
    list_filter = ["source"]
    search_fields = ["role__name", "note"]

    @admin.display(description="share of total pay")
    def share(self, obj: EquityShare) -> str:
        return formatting.percent_range(obj.low_percent, obj.high_percent)


@admin.register(TimeToCompetency)
class TimeToCompetencyAdmin(RoleFigureAdmin):
    list_display = ["role", "min_months", "max_months", "note", "source"]
    list_filter = ["source"]
    search_fields = ["role__name", "note"]


@admin.register(Skill)
class SkillAdmin(RoleFigureAdmin):
    list_display = ["name", "role", "kind", "order"]
    list_filter = ["kind", "role"]
    search_fields = ["name"]


@admin.register(CareerStep)
class CareerStepAdmin(RoleFigureAdmin):
    list_display = ["role", "order", "title"]
    list_filter = ["role"]
    search_fields = ["title", "description"]


@admin.register(PayFactor)
class PayFactorAdmin(ContentImportExportMixin, ContentAdmin):
    resource_classes = [PayFactorResource]
    list_display = ["name", "kind", "quantified", "effect", "note", "source"]
    list_filter = ["kind", "quantified", "applies_to", "source"]
    list_select_related = ["source"]
    search_fields = ["name", "note"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["applies_to"]
    autocomplete_fields = ["source"]
    effect = percent_range_column("effect on base pay")


class BenefitRoleOfBenefitInline(admin.TabularInline):
    model = BenefitRole
    extra = 0
    autocomplete_fields = ["role"]
    verbose_name = "role offering it"
    verbose_name_plural = "roles offering it"


@admin.register(Benefit)
class BenefitAdmin(ContentAdmin):
    list_display = ["name", "detail", "order", "source"]
    list_filter = ["source"]
    list_select_related = ["source"]
    search_fields = ["name", "detail"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["source"]
    inlines = [BenefitRoleOfBenefitInline]


@admin.register(BenefitRole)
class BenefitRoleAdmin(ContentAdmin):
    """Which roles offer which benefit; also edited on a role's and a benefit's page."""

    list_display = ["role", "benefit"]
    list_filter = ["role", "benefit"]
    list_select_related = ["role", "benefit"]
    search_fields = ["role__name", "benefit__name"]
    autocomplete_fields = ["role", "benefit"]

    def view_on_site(self, obj: BenefitRole) -> str:
        return role_page_url(obj.role)


@admin.register(RoleNote)
class RoleNoteAdmin(ContentAdmin):
    list_display = ["slug", "topic", "order", "source"]
    list_filter = ["topic", "roles", "source"]
    list_select_related = ["source"]
    search_fields = ["slug", "text"]
    filter_horizontal = ["roles"]
    autocomplete_fields = ["source"]
