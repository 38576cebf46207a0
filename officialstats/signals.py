"""The one announcement a release makes: when it becomes live.

Sent once per publish, inside the publishing transaction, with
``release`` (now live) and ``previous`` (now retired, or None). Never
sent per row: imports write rows in bulk and send nothing.

An editor's change to a place alias counts as a content change: the
calculator, cached with all content, names an alias's areas (statistics
pages read aliases only when searched, which is never cached).
"""

from django.dispatch import Signal

from core import state

release_published = Signal()


def place_alias_changed(raw: bool = False, **kwargs) -> None:
    if not raw:  # a fixture load (load_content) counts once, as a whole
        state.bump(state.CONTENT)
