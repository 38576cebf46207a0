"""Finding occupations by the titles people use (O*NET's alternate, short and
reported titles), through a text index: SQLite FTS5 or PostgreSQL's
full-text search with trigram similarity for typos (migration 0010).

One query: every title of the live O*NET release matching the words, the
closest per occupation (see :mod:`officialstats.titles`), the closest
occupations first. O*NET's finer codes (15-1299.08) count for their SOC
occupation, and the older codes O*NET splits an OEWS code into (13-1021)
for that OEWS code, so every match names an occupation OEWS publishes.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection

from ..live import live_release
from ..models import OnetOccupation, OnetTitle, Program
from ..titles import TYPO_AFTER, fts5_query, squash, tsquery
from .sql import fetch_rows, table
from .work import SPLITS

LIMIT = 200  # occupations a search names at most
PART_OF = {part: code for code, parts in SPLITS.items() for part in parts}


@dataclass(frozen=True, slots=True)
class TitleMatch:
    title: str  # the title that matched: "Machine Learning Engineer"
    onet_title: str  # the O*NET occupation it is a title of, where finer than OEWS's
    rank: int  # 0 for the closest occupation

    @property
    def reason(self) -> str:
        said = f"also called {self.title}"
        return f"{said} (as O*NET's {self.onet_title})" if self.onet_title else said


def fts_table() -> str:
    return connection.ops.quote_name(f"{OnetTitle._meta.db_table}_fts")


def _ranked(condition: str) -> str:
    return f"""
        SELECT soc, code, title, onet_title FROM (
            SELECT t.soc, t.code, t.title, o.title AS onet_title, t.tier, t.size, t.reported,
                ROW_NUMBER() OVER (
                    PARTITION BY t.soc ORDER BY t.tier, t.reported, t.size, t.title) AS n
            FROM (
                SELECT t.soc, t.code, t.title, LENGTH(t.title) AS size,
                    CASE WHEN t.squashed = %s THEN 0 WHEN t.squashed LIKE %s THEN 1
                        ELSE 2 END AS tier,
                    CASE WHEN t.kind = %s THEN 1 ELSE 0 END AS reported
                FROM {condition}
            ) t
            JOIN {table(OnetOccupation)} o ON o.release_id = %s AND o.code = t.code
        ) best
        WHERE n = 1 ORDER BY tier, reported, size, title LIMIT %s
    """


def title_matches(words: list[str], query: str) -> tuple[dict[str, TitleMatch], bool]:
    """The occupations (OEWS SOC codes) with a title matching every word,
    closest first; and whether the text index found them (False: nothing, or
    only titles like the query, a typo forgiven)."""
    onet = live_release(Program.ONET)
    if onet is None or not words:
        return {}, False
    squashed = squash(query)
    if connection.vendor == "sqlite":
        source = (
            f"{fts_table()} f JOIN {table(OnetTitle)} t ON t.id = f.rowid "
            f"WHERE {fts_table()} MATCH %s AND t.release_id = %s"
        )
        found = _matches(source, [fts5_query(words), onet.id], squashed, onet.id)
        return found, bool(found)
    # Every word begins a word of the title (the full-text index); failing
    # that, for a query long enough to have a typo, titles with words like it
    # (pg_trgm's ``<%``, threshold 0.6, word_similarity's default). Only as a
    # fallback: the trigram index costs 10-20 ms a search on 67,795 titles.
    source = (
        f"{table(OnetTitle)} t WHERE t.release_id = %s "
        "AND to_tsvector('simple', t.search) @@ to_tsquery('simple', %s)"
    )
    found = _matches(source, [onet.id, tsquery(words)], squashed, onet.id)
    if found or len(squashed) <= TYPO_AFTER:
        return found, bool(found)
    source = f"{table(OnetTitle)} t WHERE t.release_id = %s AND %s <%% t.title"
    return _matches(source, [onet.id, " ".join(words)], squashed, onet.id), False


def _matches(source: str, found: list, squashed: str, release_id: int) -> dict[str, TitleMatch]:
    params = [squashed, f"{squashed}%", OnetTitle.Kind.REPORTED, *found, release_id, LIMIT]
    matches: dict[str, TitleMatch] = {}
    for soc, code, title, onet_title in fetch_rows(_ranked(source), params):
        oews = PART_OF.get(soc, soc)
        if oews not in matches:
            finer = "" if code.endswith(".00") and oews == soc else onet_title
            matches[oews] = TitleMatch(title, finer, len(matches))
    return matches


def other_titles(socs: list[str], own: str, limit: int) -> list[str]:
    """A few other titles of an occupation: O*NET's alternate titles of its
    own codes, the shortest (plainest) first, not its own title again."""
    onet = live_release(Program.ONET)
    if onet is None:
        return []
    titles = OnetTitle.objects.filter(
        release_id=onet.id, soc__in=socs, kind=OnetTitle.Kind.ALTERNATE, code__endswith=".00"
    ).values_list("title", flat=True)
    mine = {squash(own), squash(own.rstrip("s"))}
    shown = sorted({t for t in titles if squash(t) not in mine}, key=lambda t: (len(t), t))
    return shown[:limit]
