"""Every content change moves the site state's ``content`` part on (``core.state``).

Every save, delete or many-to-many change of a content model counts once,
so whatever was cached under the old state (pages, loaders, fragments) is
retired and the next request renders fresh figures: nothing is invalidated
by hand and no process can serve stale content.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar

from django.db.models.signals import m2m_changed, post_delete, post_save
from simple_history.models import HistoricalChanges

from core import state

# Many-to-many changes count once, after they happen; the pre_* signals
# announce the same change.
M2M_CHANGES = frozenset({"post_add", "post_remove", "post_clear"})

# Set while a bulk load counts as one change (see :func:`one_change`).
_suspended: ContextVar[bool] = ContextVar("content_changes_suspended", default=False)


def content_changed(**kwargs) -> None:
    """Mark all content as changed; cached pages kept under the old state die.

    Connected to post_save, post_delete and m2m_changed; called directly by
    code that changes content without model signals (``QuerySet.update()``).
    """
    sender = kwargs.get("sender")
    if sender is not None and (
        sender._meta.app_label != "comparisons"
        or not getattr(sender, "is_content", True)  # e.g. warning acknowledgements
        or issubclass(sender, HistoricalChanges)  # history rows record content, not change it
    ):
        return
    if "action" in kwargs and (
        kwargs["action"] not in M2M_CHANGES
        # adding or removing nothing (an add of rows already there) changes nothing
        or (kwargs["action"] != "post_clear" and not kwargs.get("pk_set"))
    ):
        return
    if _suspended.get():
        return
    state.bump(state.CONTENT)


@contextlib.contextmanager
def one_change() -> Iterator[None]:
    """Count everything saved within as one content change (a fixture load).

    The state moves on once at the end, and not at all if the block raises:
    what it wrote is then rolled back, or was never committed.
    """
    token = _suspended.set(True)
    try:
        yield
    finally:
        _suspended.reset(token)
    content_changed()


def connect_signals() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(content_changed, dispatch_uid=f"content-changed-{signal!r}")
