"""Titles as a text index reads them and as a search asks for them. Pure.

A reader types "backend developer"; O*NET writes "Back End Developer". The
index reads each title followed by its adjacent words run together ("back
end developer backend enddeveloper"), and a title matches when every word
of the query begins one of those words. The closest titles come first (in
SQL, ``queries.titles``): the one that is the query itself, ignoring case,
spaces and hyphens (``squash``), then one that begins with it, then any
other, shorter before longer.
"""

from __future__ import annotations

import re
from itertools import pairwise

MAX_WORDS = 6  # words of a query read
TYPO_AFTER = 4  # letters a query needs before a typo is forgiven ("iers" is not "Cashiers")
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
