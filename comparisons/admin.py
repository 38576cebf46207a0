"""Admin for every content model: a role is edited with its figures inline."""

from __future__ import annotations

from django.contrib import admin

from .models import (
    Benefit,
    CareerStep,
    Comparison,
    EquityShare,
    ExperienceLevel,
    PayFactor,
    PremiumClaim,
    Role,
    RoleNote,
    SalaryBand,
    SalaryStat,
    Skill,
    Source,
    Takeaway,
    TimeToCompetency,
)


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["publisher", "title", "as_of_label", "url"]
    list_filter = ["publisher", "as_of_precision"]
    search_fields = ["publisher", "title", "url"]
    prepopulated_fields = {"slug": ["publisher", "title"]}

    @admin.display(description="as of", ordering="as_of")
    def as_of_label(self, obj: Source) -> str:
        return obj.as_of_label


@admin.register(ExperienceLevel)
class ExperienceLevelAdmin(admin.ModelAdmin):
    list_display = ["name", "order", "years_label"]
    prepopulated_fields = {"slug": ["name"]}


class SalaryStatInline(admin.TabularInline):
    model = SalaryStat
    extra = 0


class SalaryBandInline(admin.TabularInline):
    model = SalaryBand
    extra = 0
    autocomplete_fields = ["source"]


class EquityShareInline(admin.TabularInline):
    model = EquityShare
    extra = 0


class TimeToCompetencyInline(admin.TabularInline):
    model = TimeToCompetency
    extra = 0


class SkillInline(admin.TabularInline):
    model = Skill
    extra = 0


class CareerStepInline(admin.TabularInline):
    model = CareerStep
    extra = 0


@admin.register(Role)
class RoleAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "summary"]
    search_fields = ["name", "summary", "description"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [
        SalaryStatInline,
        SalaryBandInline,
        EquityShareInline,
        TimeToCompetencyInline,
        SkillInline,
        CareerStepInline,
    ]


@admin.register(SalaryBand)
class SalaryBandAdmin(admin.ModelAdmin):
    list_display = ["role", "level", "min_salary", "max_salary", "open_ended", "source"]
    list_filter = ["role", "level", "source"]
    list_select_related = ["role", "level", "source"]
    search_fields = ["role__name", "level__name"]


@admin.register(SalaryStat)
class SalaryStatAdmin(admin.ModelAdmin):
    list_display = ["role", "kind", "label", "average", "range_low", "range_high", "source"]
    list_filter = ["kind", "role", "source"]
    list_select_related = ["role", "source"]
    search_fields = ["role__name", "label"]


@admin.register(PayFactor)
class PayFactorAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "quantified", "low_percent", "high_percent", "source"]
    list_filter = ["kind", "quantified", "applies_to", "source"]
    list_select_related = ["source"]
    search_fields = ["name", "note"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["applies_to"]


@admin.register(EquityShare)
class EquityShareAdmin(admin.ModelAdmin):
    list_display = ["role", "low_percent", "high_percent", "note", "source"]
    list_select_related = ["role", "source"]


@admin.register(TimeToCompetency)
class TimeToCompetencyAdmin(admin.ModelAdmin):
    list_display = ["role", "min_months", "max_months", "note", "source"]
    list_select_related = ["role", "source"]


@admin.register(Skill)
class SkillAdmin(admin.ModelAdmin):
    list_display = ["name", "role", "kind", "order"]
    list_filter = ["kind", "role"]
    list_select_related = ["role"]
    search_fields = ["name"]


@admin.register(Benefit)
class BenefitAdmin(admin.ModelAdmin):
    list_display = ["name", "detail", "order", "source"]
    list_filter = ["roles", "source"]
    list_select_related = ["source"]
    search_fields = ["name", "detail"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["roles"]


@admin.register(CareerStep)
class CareerStepAdmin(admin.ModelAdmin):
    list_display = ["role", "order", "title"]
    list_filter = ["role"]
    list_select_related = ["role"]
    search_fields = ["title", "description"]


@admin.register(RoleNote)
class RoleNoteAdmin(admin.ModelAdmin):
    list_display = ["slug", "topic", "order", "source"]
    list_filter = ["topic", "roles", "source"]
    list_select_related = ["source"]
    search_fields = ["slug", "text"]
    filter_horizontal = ["roles"]


class TakeawayInline(admin.StackedInline):
    model = Takeaway
    extra = 0


class PremiumClaimInline(admin.TabularInline):
    model = PremiumClaim
    extra = 0


@admin.register(Comparison)
class ComparisonAdmin(admin.ModelAdmin):
    list_display = ["title", "role_a", "role_b", "is_published", "published_on", "updated_on"]
    list_filter = ["is_published"]
    list_select_related = ["role_a", "role_b"]
    search_fields = ["title", "summary", "introduction"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [PremiumClaimInline, TakeawayInline]
