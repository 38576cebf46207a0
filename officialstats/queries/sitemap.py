"""What the statistics sitemaps list: every indexable occupation x place page.

The pages are counted and listed in SQL, a sitemap file's worth at a time,
so a file of 50,000 addresses never loads the rest. :data:`INDEXABLE` is
``officialstats.thin``'s rule in SQL (a test holds the two to agree on
every estimate): enough published percentiles, and neither relative
standard error at or above its limit.
"""

from __future__ import annotations

from ..figures import PERCENTILES
from ..models import Area, Estimate, Industry, Occupation
from ..thin import MAX_EMPLOYMENT_RSE, MAX_WAGE_RSE, MIN_PERCENTILES
from .common import CROSS_INDUSTRY, NATIONAL
from .sql import fetch, table


def _published(columns: list[str]) -> str:
    return " + ".join(f"CASE WHEN e.{c} IS NOT NULL THEN 1 ELSE 0 END" for c in columns)


INDEXABLE = f"""(
    ({_published([h.field for _, h, _ in PERCENTILES])}) >= {MIN_PERCENTILES}
        OR ({_published([a.field for _, _, a in PERCENTILES])}) >= {MIN_PERCENTILES}
    ) AND (e.employment_rse IS NULL OR e.employment_rse < {MAX_EMPLOYMENT_RSE})
    AND (e.wage_rse IS NULL OR e.wage_rse < {MAX_WAGE_RSE})"""

_FROM = f"""
    FROM {table(Estimate)} e
    JOIN {table(Area)} a ON a.id = e.area_id {{join}}
    WHERE e.industry_id = (SELECT id FROM {table(Industry)} WHERE release_id = %s AND code = %s)
        AND a.kind <> %s AND {INDEXABLE}
"""
COUNT = f"SELECT COUNT(*) AS n {_FROM.format(join='')}"
_OCCUPATION = f"JOIN {table(Occupation)} o ON o.id = e.occupation_id"
PAGE = f"""
    SELECT o.slug AS occupation, a.slug AS place {_FROM.format(join=_OCCUPATION)}
    ORDER BY e.id LIMIT %s OFFSET %s
"""


def count_indexable(release_id: int) -> int:
    return fetch(COUNT, [release_id, CROSS_INDUSTRY, NATIONAL])[0]["n"]


def indexable(release_id: int, offset: int, limit: int) -> list[tuple[str, str]]:
    """(occupation slug, place slug) of indexable pages, in a stable order."""
    rows = fetch(PAGE, [release_id, CROSS_INDUSTRY, NATIONAL, limit, offset])
    return [(row["occupation"], row["place"]) for row in rows]
