"""Statistics pages: thin views over ``officialstats.queries``.

They show the live releases and nothing editors write, so their pages are
kept under the releases alone: an editor's save leaves them cached, and
publishing a release retires them all.
"""

from __future__ import annotations

import functools

from core.pages import cache_page
from core.state import Shows

cache_by_release = functools.partial(cache_page, shows=Shows.RELEASES)
