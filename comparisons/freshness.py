"""Keep the times content really changed, so every page dates itself truthfully.

A role is stamped (``Role.figures_changed_at``) when its own text changes,
or any record its page shows: its averages, bands, equity share, time to
competency, skills, career steps and benefits, the pay factors and notes that
apply to it, the experience levels of its bands, and the sources any of these
cite. A source is stamped (``Source.changed_at``) when it changes. Articles
then show, as "last updated" and ``dateModified``, the later of the editor's
date and their two roles' stamps; role pages and the sitemap use the stamps,
and the mostly static pages take the dates of their wording below (the
sitemap's ``static_page_dates`` adds what they show).

A save that changes nothing stamps nothing, and raw fixture loads leave the
stamps as the fixtures carry them, so loading content is not an edit.
"""

from __future__ import annotations

import contextlib
import datetime
import threading
from collections.abc import Iterable, Iterator

from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.utils import timezone

from .models import (
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

ROLE_FIGURES = (
    SalaryStat,
    SalaryBand,
    EquityShare,
    TimeToCompetency,
    Skill,
    CareerStep,
    BenefitRole,
)
# The records about one role that cite a source directly.
SOURCED_FIGURES = tuple(model for model in ROLE_FIGURES if model is not BenefitRole)
SHARED = {PayFactor: "applies_to", RoleNote: "roles", Benefit: "roles"}
# The stamps themselves are not content.
STAMPS = {"figures_changed_at", "changed_at"}

# When the wording of the mostly static pages last changed: their templates'
# text, not the figures they show. Move a page's date when its template says
# something new; the page shows it as "Last revised", and the sitemap dates
# the page by it.
TEXT_REVISED = {
    "home": datetime.date(2026, 12, 2),
    "methodology": datetime.date(2026, 12, 2),
    "about": datetime.date(2026, 12, 2),
}

_state = threading.local()


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """Load content without counting it as an edit (see load_content)."""
    _state.paused = True
    try:
        yield
    finally:
        _state.paused = False


def _now() -> datetime.datetime:
    # Whole seconds: exported fixtures (JSON) keep no finer time.
    return timezone.now().replace(microsecond=0)


def stamp(role_ids: Iterable[int]) -> None:
    ids = set(role_ids)
    if ids and not getattr(_state, "paused", False):
        Role.objects.filter(pk__in=ids).update(figures_changed_at=_now())


def changed(model: type[Model], instance: Model) -> bool:
    """Whether saving ``instance`` would change its row (a new row always does)."""
    if instance.pk is None or instance._state.adding:
        return True
    fields = [field for field in model._meta.concrete_fields if field.name not in STAMPS]
    stored = model._default_manager.filter(pk=instance.pk).values(*(f.attname for f in fields))
    stored = stored.first()
    if stored is None:
        return True
    return any(
        field.to_python(getattr(instance, field.attname)) != stored[field.attname]
        for field in fields
    )


def note_change(sender, instance, raw: bool = False, **kwargs) -> None:
    """Before a save: remember whether it changes anything; a role or source
    that changes takes the time on the same save."""
    if raw or getattr(_state, "paused", False):
        instance._freshness_changed = False
        return
    instance._freshness_changed = changed(sender, instance)
    if instance._freshness_changed and sender in (Role, Source):
        setattr(instance, "figures_changed_at" if sender is Role else "changed_at", _now())


def _was_changed(instance) -> bool:
    return getattr(instance, "_freshness_changed", True)


def role_figure_changed(sender, instance, raw: bool = False, **kwargs) -> None:
    if not raw and _was_changed(instance):
        stamp([instance.role_id])


def shared_item_changed(sender, instance, raw: bool = False, **kwargs) -> None:
    if not raw and _was_changed(instance):
        stamp(getattr(instance, SHARED[sender]).values_list("pk", flat=True))


def shared_item_deleting(sender, instance, **kwargs) -> None:
    # The links go with the item, so the roles are read before the delete.
    instance._freshness_roles = list(getattr(instance, SHARED[sender]).values_list("pk", flat=True))


def shared_item_deleted(sender, instance, **kwargs) -> None:
    stamp(getattr(instance, "_freshness_roles", []))


def roles_citing(source_id: int) -> set[int]:
    """Every role whose page shows a record that cites the source."""
    ids: set[int] = set()
    for model in SOURCED_FIGURES:
        ids.update(model.objects.filter(source_id=source_id).values_list("role_id", flat=True))
    for model, field in SHARED.items():
        through = getattr(model, field).through
        name = model._meta.model_name
        links = through.objects.filter(**{f"{name}__source_id": source_id})
        ids.update(links.values_list("role_id", flat=True))
    return ids


def source_changed(sender, instance: Source, raw: bool = False, **kwargs) -> None:
    if not raw and _was_changed(instance):
        stamp(roles_citing(instance.pk))


def level_changed(sender, instance: ExperienceLevel, raw: bool = False, **kwargs) -> None:
    if not raw and _was_changed(instance):
        stamp(SalaryBand.objects.filter(level_id=instance.pk).values_list("role_id", flat=True))


def links_changed(sender, instance, action: str, reverse: bool, pk_set, **kwargs) -> None:
    """A factor or note newly applying, or no longer applying, to some roles."""
    if action == "pre_clear":
        # The roles are read before they are unlinked: post_clear names none.
        field = SHARED.get(type(instance))
        instance._freshness_roles = (
            [instance.pk]
            if reverse
            else list(getattr(instance, field).values_list("pk", flat=True))
        )
    elif action == "post_clear":
        stamp(getattr(instance, "_freshness_roles", []))
    elif action in ("post_add", "post_remove") and pk_set:
        stamp([instance.pk] if reverse else pk_set)


def connect_signals() -> None:
    watched = (*ROLE_FIGURES, *SHARED, Role, Source, ExperienceLevel)
    for model in watched:
        pre_save.connect(note_change, sender=model, dispatch_uid=f"note-{model.__name__}")
    for model in ROLE_FIGURES:
        post_save.connect(role_figure_changed, sender=model, dispatch_uid=f"stamp-{model.__name__}")
        post_delete.connect(
            role_figure_changed, sender=model, dispatch_uid=f"unstamp-{model.__name__}"
        )
    for model, field in SHARED.items():
        post_save.connect(shared_item_changed, sender=model, dispatch_uid=f"stamp-{model.__name__}")
        pre_delete.connect(
            shared_item_deleting, sender=model, dispatch_uid=f"deleting-{model.__name__}"
        )
        post_delete.connect(
            shared_item_deleted, sender=model, dispatch_uid=f"deleted-{model.__name__}"
        )
        through = getattr(model, field).through
        m2m_changed.connect(links_changed, sender=through, dispatch_uid=f"m2m-{model.__name__}")
    post_save.connect(source_changed, sender=Source, dispatch_uid="stamp-Source")
    post_save.connect(level_changed, sender=ExperienceLevel, dispatch_uid="stamp-ExperienceLevel")
