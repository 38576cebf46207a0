"""Releases in the admin: browsable, never edited figure by figure.

Releases, their files and their lists (occupations, areas, industries) are
read-only; estimates are not listed one by one (370,000 a release), the
release shows their counts. Making a release live, or discarding a staged
one, are actions for users with the ``import_release`` permission.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html_join

from ..models import Area, Industry, Occupation, Release, ReleaseFile
from ..publishing import PublishError, discard, publish

PERMISSION = "officialstats.import_release"


class ReadOnlyAdmin(admin.ModelAdmin):
    """Imported data: viewed here, changed only by importing a release."""

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


class ReleaseFileInline(admin.TabularInline):
    model = ReleaseFile
    extra = 0
    can_delete = False
    fields = ("name", "url", "size", "sha256", "last_modified", "identical_file")
    readonly_fields = fields

    @admin.display(description="content imported", boolean=False)
    def identical_file(self, obj: ReleaseFile) -> str:
        if obj.identical:
            return "the agency's file, byte for byte"
        return f"derived: {obj.imported_size:,} bytes, SHA-256 {obj.imported_sha256}"

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(Release)
class ReleaseAdmin(ReadOnlyAdmin):
    change_list_template = "admin/officialstats/release/change_list.html"
    list_display = (
        "name",
        "code",
        "status",
        "published_on",
        "retrieved_on",
        "occupation_count",
        "area_count",
        "industry_count",
        "estimate_count",
        "made_live_at",
    )
    list_filter = ("status", "program")
    search_fields = ("name", "code")
    inlines = [ReleaseFileInline]
    actions = ["make_live", "discard_releases"]
    fieldsets = [
        (None, {"fields": ("program", "name", "code", "reference_month", "status")}),
        (
            "Provenance",
            {
                "fields": (
                    "published_on",
                    "retrieved_on",
                    "archive_name",
                    "archive_url",
                    "archive_sha256",
                    "notes",
                )
            },
        ),
        (
            "Contents",
            {
                "fields": (
                    "occupation_count",
                    "area_count",
                    "industry_count",
                    "estimate_count",
                    "value_count",
                    "browse",
                )
            },
        ),
        ("History", {"fields": ("imported_at", "made_live_at")}),
    ]
    readonly_fields = ("browse", "imported_at", "made_live_at")

    @admin.display(description="browse")
    def browse(self, obj: Release) -> str:
        return format_html_join(
            " · ",
            '<a href="{}?release__id__exact={}">{}</a>',
            (
                (reverse(f"admin:officialstats_{name}_changelist"), obj.pk, label)
                for name, label in (
                    ("occupation", "occupations"),
                    ("area", "areas"),
                    ("industry", "industries"),
                )
            ),
        )

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return request.user.has_perm(PERMISSION) or super().has_view_permission(request, obj)

    def has_import_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm(PERMISSION)

    @admin.action(
        description="Make the selected release live (retiring the live one)",
        permissions=["import"],
    )
    def make_live(self, request: HttpRequest, queryset: QuerySet[Release]) -> None:
        if queryset.count() != 1:
            self.message_user(request, "Choose one release to make live.", messages.ERROR)
            return
        release = queryset.get()
        try:
            previous = publish(release)
        except PublishError as error:
            self.message_user(request, str(error), messages.ERROR)
            return
        retired = f"; {previous.name} is retired" if previous else ""
        self.message_user(request, f"{release.name} is live{retired}.", messages.SUCCESS)

    @admin.action(description="Discard the selected staged releases", permissions=["import"])
    def discard_releases(self, request: HttpRequest, queryset: QuerySet[Release]) -> None:
        for release in queryset:
            try:
                discard(release)
            except PublishError as error:
                self.message_user(request, str(error), messages.ERROR)
            else:
                self.message_user(request, f"{release.name} discarded.", messages.SUCCESS)


class ReleaseListAdmin(ReadOnlyAdmin):
    list_filter = ("release",)
    list_select_related = ("release",)
    list_per_page = 100


@admin.register(Occupation)
class OccupationAdmin(ReleaseListAdmin):
    list_display = ("code", "title", "level", "parent", "slug", "release")
    list_filter = ("release", "level")
    search_fields = ("code", "title", "slug")
    list_select_related = ("release", "parent")


@admin.register(Area)
class AreaAdmin(ReleaseListAdmin):
    list_display = ("code", "name", "kind", "state", "slug", "release")
    list_filter = ("release", "kind")
    search_fields = ("code", "name", "slug")
    list_select_related = ("release", "state")


@admin.register(Industry)
class IndustryAdmin(ReleaseListAdmin):
    list_display = ("code", "name", "level", "slug", "release")
    search_fields = ("code", "name", "slug")
