"""Titles as a text index reads them and as a search asks for them. Pure.

A reader types "backend developer"; O*NET writes "Back End Developer". The
index reads each title followed by its adjacent words run together ("back
end developer backend enddeveloper"), and a title matches when every word
of the query begins one of those words. The closest titles come first: the
one that is the query itself, ignoring case, spaces and hyphens, then one
that begins with it, then any other, shorter before longer.
"""

from __future__ import annotations

import re
from itertools import pairwise

MAX_WORDS = 6
_WORD = re.compile(r"\w+")
_SQUASH = re.compile(r"[\W_]+")


def words_of(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def search_text(title: str) -> str:
    """What the index reads for ``title``."""
    words = words_of(title)
    joined = [first + second for first, second in pairwise(words)]
    return " ".join([*words, *joined])


def squash(text: str) -> str:
    """``text`` without case, spaces or punctuation: "Back-End Developer" -> "backenddeveloper"."""
    return _SQUASH.sub("", text.lower())


def fts5_query(words: list[str]) -> str:
    """An SQLite FTS5 query: every word begins a word of the title."""
    return " ".join(f'"{word}"*' for word in words[:MAX_WORDS])


def tsquery(words: list[str]) -> str:
    """A PostgreSQL ``to_tsquery('simple', ...)`` of the same."""
    return " & ".join(f"{word}:*" for word in words[:MAX_WORDS])


def closeness(title: str, query: str) -> tuple[int, int]:
    """How close a matching title is to the query (smaller is closer)."""
    title_squashed, query_squashed = squash(title), squash(query)
    if title_squashed == query_squashed:
        tier = 0
    elif title_squashed.startswith(query_squashed):
        tier = 1
    else:
        tier = 2
    return tier, len(title)
