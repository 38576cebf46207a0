"""A published role keeps the figures its page needs, whichever admin page edits them.

The role's own form cannot see its inline forms, which may add the first
headline average or band in the same save, or delete the last one. So on the
role's page the inline formsets check what the save will leave; on a figure's
own delete page, the objects about to go are checked against what remains.
"""

from __future__ import annotations

from collections.abc import Iterable

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.urls import reverse

from comparisons.models import Role, SalaryBand, SalaryStat


def checked_by_inlines(form: type[forms.ModelForm]) -> type[forms.ModelForm]:
    """The role's form on a page whose inline formsets judge the figures."""

    class RoleForm(form):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self.instance.figures_checked_by_inlines = True

    return RoleForm


class RoleFiguresFormSet(BaseInlineFormSet):
    """Inline figures of a role that its page needs while it is published."""

    def kept(self) -> list[dict]:
        """The cleaned values of every row this save leaves in place."""
        return [
            getattr(form, "cleaned_data", {})
            for form in self.forms
            if not self._should_delete_form(form) and (form.instance.pk or form.has_changed())
        ]

    def missing(self, role: Role) -> list[str]:
        raise NotImplementedError

    def clean(self) -> None:
        super().clean()
        role = self.instance
        if role.is_published:
            missing = self.missing(role)
            if missing:
                raise ValidationError(
                    f"{role.name or 'A published role'} is published, and its page needs "
                    f"{' and '.join(missing)}: keep one, or untick “published”."
                )


class SalaryStatFormSet(RoleFiguresFormSet):
    def missing(self, role: Role) -> list[str]:
        kinds = {row.get("kind") for row in self.kept()}
        return [] if SalaryStat.Kind.HEADLINE in kinds else ["a headline average"]


class SalaryBandFormSet(RoleFiguresFormSet):
    def missing(self, role: Role) -> list[str]:
        return [] if self.kept() else ["a salary band"]


def deletion_blockers(objects: Iterable) -> list[str]:
    """Why deleting ``objects`` would leave a published role without what its
    page needs (its headline average, its last band); empty when it would not."""
    objects = list(objects)
    stats = [obj for obj in objects if isinstance(obj, SalaryStat)]
    bands = [obj for obj in objects if isinstance(obj, SalaryBand)]
    role_ids = {obj.role_id for obj in stats + bands}
    blockers = []
    for role in Role.objects.published().filter(pk__in=role_ids).order_by("name"):
        headlines = role.salary_stats.filter(kind=SalaryStat.Kind.HEADLINE)
        if headlines.exists() and not headlines.exclude(pk__in=[s.pk for s in stats]).exists():
            blockers.append(
                f"{role} is published, and its page needs its headline average: "
                "change the figure instead, or unpublish the role first."
            )
        if bands and not role.bands.exclude(pk__in=[b.pk for b in bands]).exists():
            blockers.append(
                f"{role} is published, and its page needs at least one salary band: "
                "add another first, or unpublish the role."
            )
    return blockers


class KeepsPublishedRolesComplete:
    """Refuses, on the delete pages, to take what a published role's page needs."""

    def get_deleted_objects(self, objs, request):
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        return deleted, counts, perms_needed, [*protected, *deletion_blockers(objs)]


def role_page_url(role: Role) -> str:
    """The role's public page, or for a draft the staff-only preview."""
    if role.is_published:
        return role.get_absolute_url()
    return reverse("comparisons:role_preview", kwargs={"slug": role.slug})
