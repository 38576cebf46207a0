"""Keep each role's "figures changed" time, so pages date themselves truthfully.

Any save or delete of a record about a role (its averages, bands, equity
share, skills, career steps, benefits, and the pay factors and notes that
apply to it) stamps the role. Articles then show, as "last updated" and
`dateModified`, the later of the editor's date and their two roles' stamps;
role pages and the sitemap use the stamp too. Raw fixture loads leave the
stamps alone, so loading content is not an edit.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.utils import timezone

from .models import (
    Benefit,
    BenefitRole,
    CareerStep,
    EquityShare,
    PayFactor,
    Role,
    RoleNote,
    SalaryBand,
    SalaryStat,
    Skill,
    TimeToCompetency,
)

ROLE_FIGURES = (
    SalaryStat,
    SalaryBand,
    EquityShare,
    TimeToCompetency,
    Skill,
    CareerStep,
    BenefitRole,
)
SHARED = {PayFactor: "applies_to", RoleNote: "roles", Benefit: "roles"}


_state = threading.local()


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """Load content without counting it as an edit (see load_content)."""
    _state.paused = True
    try:
        yield
    finally:
        _state.paused = False


def stamp(role_ids) -> None:
    if not getattr(_state, "paused", False):
        # Whole seconds: exported fixtures (JSON) keep no finer time.
        now = timezone.now().replace(microsecond=0)
        Role.objects.filter(pk__in=list(role_ids)).update(figures_changed_at=now)


def role_figure_changed(sender, instance, raw: bool = False, **kwargs) -> None:
    if not raw:
        stamp([instance.role_id])


def shared_item_changed(sender, instance, raw: bool = False, **kwargs) -> None:
    if not raw:
        stamp(getattr(instance, SHARED[sender]).values_list("pk", flat=True))


def shared_roles_changed(sender, instance, action: str, pk_set, **kwargs) -> None:
    if action.startswith("post_") and isinstance(instance, tuple(SHARED)):
        stamp(
            set(pk_set or ())
            | set(getattr(instance, SHARED[type(instance)]).values_list("pk", flat=True))
        )


def connect_signals() -> None:
    for model in ROLE_FIGURES:
        post_save.connect(role_figure_changed, sender=model, dispatch_uid=f"stamp-{model.__name__}")
        post_delete.connect(
            role_figure_changed, sender=model, dispatch_uid=f"unstamp-{model.__name__}"
        )
    for model, field in SHARED.items():
        post_save.connect(shared_item_changed, sender=model, dispatch_uid=f"stamp-{model.__name__}")
        # Before: once deleted, the item no longer knows its roles.
        pre_delete.connect(
            shared_item_changed, sender=model, dispatch_uid=f"unstamp-{model.__name__}"
        )
        through = getattr(model, field).through
        m2m_changed.connect(
            shared_roles_changed, sender=through, dispatch_uid=f"m2m-{model.__name__}"
        )
