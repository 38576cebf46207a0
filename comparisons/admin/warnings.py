"""The editors' warnings in admin: shown on the pages they concern, acknowledged with a reason.

A warning shows on every admin page it concerns (a role's, a comparison's,
a source's) and in the "warnings" list filters. An editor who has checked
the figures acknowledges it, saying why; it is then listed as acknowledged
and left out of "Has warnings", until the figures behind it change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urlencode

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from comparisons.checks import ContentWarning
from comparisons.models import WarningAcknowledgement
from comparisons.queries.editorial import current_warnings
from comparisons.queries.reviews import ReviewedWarning, open_warnings, review, review_all


@dataclass(frozen=True)
class PanelItem:
    reviewed: ReviewedWarning
    acknowledge_url: str


@dataclass(frozen=True)
class WarningsPanel:
    """What the warnings box on an admin page shows."""

    open: list[PanelItem]
    acknowledged: list[ReviewedWarning]

    def __bool__(self) -> bool:
        return bool(self.open or self.acknowledged)


def warnings_panel(request: HttpRequest, warnings: Iterable[ContentWarning]) -> WarningsPanel:
    reviewed = review(warnings)
    may_acknowledge = request.user.has_perm("comparisons.add_warningacknowledgement")
    add = reverse("admin:comparisons_warningacknowledgement_add")

    def url(item: ReviewedWarning) -> str:
        if not may_acknowledge:
            return ""
        warning = item.warning
        query = {"key": warning.key, "fingerprint": warning.fingerprint}
        return f"{add}?{urlencode({**query, 'next': request.get_full_path()})}"

    return WarningsPanel(
        open=[PanelItem(item, url(item)) for item in open_warnings(reviewed)],
        acknowledged=[item for item in reviewed if item.acknowledged],
    )


class FlaggedFilter(admin.SimpleListFilter):
    """Lists the objects with warnings still open (or the others)."""

    title = "warnings"
    parameter_name = "flagged"
    warnings_of: Callable[[], dict[int, list[ContentWarning]]]

    def lookups(self, request: HttpRequest, model_admin) -> list[tuple[str, str]]:
        return [
            ("yes", "Has warnings"),
            ("acknowledged", "Only acknowledged warnings"),
            ("no", "No open warnings"),
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet | None:
        value = self.value()
        if value not in ("yes", "no", "acknowledged"):
            return None
        reviewed = review_all(type(self).warnings_of())
        flagged = [pk for pk, items in reviewed.items() if open_warnings(items)]
        if value == "yes":
            return queryset.filter(pk__in=flagged)
        if value == "no":
            return queryset.exclude(pk__in=flagged)
        quiet = [pk for pk, items in reviewed.items() if items and pk not in flagged]
        return queryset.filter(pk__in=quiet)


class AcknowledgementForm(forms.ModelForm):
    next = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = WarningAcknowledgement
        fields = ["key", "fingerprint", "reason"]
        widgets = {
            "key": forms.HiddenInput,
            "fingerprint": forms.HiddenInput,
            "reason": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "reason": "Why the figures are right as they are, for the next editor to read."
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        key = self.data.get("key") if self.is_bound else self.initial.get("key")
        self.warning = current_warnings().get(key) if key else None

    def clean(self) -> dict:
        cleaned = super().clean()
        if self.warning is None:
            raise ValidationError(
                "This warning does not show any more (its figures were changed or fixed): "
                "there is nothing to acknowledge."
            )
        if cleaned.get("fingerprint") != self.warning.fingerprint:
            # Sent again, the form acknowledges the figures shown now.
            self.data = self.data.copy()
            self.data["fingerprint"] = self.warning.fingerprint
            raise ValidationError(
                "The figures behind this warning changed after you opened this page. Read it "
                "again above; if it still stands, send the form again."
            )
        return cleaned


@admin.register(WarningAcknowledgement)
class WarningAcknowledgementAdmin(admin.ModelAdmin):
    """The log of acknowledged warnings. An entry is kept as written; deleting it
    ("withdrawing") shows the warning again."""

    form = AcknowledgementForm
    list_display = ["message", "reason", "acknowledged_by", "acknowledged_at"]
    list_select_related = ["acknowledged_by"]
    search_fields = ["message", "reason"]
    date_hierarchy = "acknowledged_at"

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def get_changeform_initial_data(self, request: HttpRequest) -> dict:
        return {name: request.GET.get(name, "") for name in ("key", "fingerprint", "next")}

    def save_model(self, request: HttpRequest, obj, form, change: bool) -> None:
        obj.message = form.warning.message
        obj.acknowledged_by = request.user
        super().save_model(request, obj, form, change)

    def response_add(self, request: HttpRequest, obj, post_url_continue=None):
        messages.success(
            request, "Warning acknowledged: it stays out of the warnings until its figures change."
        )
        target = request.POST.get("next", "")
        if url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return HttpResponseRedirect(target)
        return HttpResponseRedirect(reverse("admin:comparisons_warningacknowledgement_changelist"))
