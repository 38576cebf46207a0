"""Statistics pages: thin views over ``officialstats.queries``.

The data layer of this app (models, importing, figures, queries) never
imports the editorial app. The views use the site's shared web plumbing,
which lives in ``comparisons`` for now: the page cache (keyed here by the
live release, not the content version), the page metadata ``base.html``
renders, and the JSON/CSV 404s.
"""

from __future__ import annotations

from comparisons.caching import cache_page_by_content

from ..versioning import release_state


def cache_by_release(view=None, *, params: tuple[str, ...] = ()):
    """``cache_page_by_content`` keyed by the live release: an editor's save
    leaves these pages cached, and publishing a release refreshes them all."""
    return cache_page_by_content(view, params=params, state=release_state)
