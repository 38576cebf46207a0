"""How far apart the highest and the lowest of several places are. Pure.

The gap is the difference (``differences.difference``, the site's one rule)
of the highest figure against the lowest published one, so its percentage
is a share of the lowest. A top-coded figure counts as its bound and makes
the gap "at least": it may be higher still, so it is named among the
possible highest.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from .differences import Difference, Proof, difference
from .figures import Figure, State


@dataclass(frozen=True, slots=True)
class Gap:
    highest: tuple[str, ...]  # the place(s) that may be highest (several top-coded ones)
    lowest: str
    difference: Difference
    left_out: tuple[str, ...] = ()  # places without a figure to compare


def gap(figures: Sequence[tuple[str, Figure]]) -> Gap | None:
    """The highest minus the lowest of ``(place, figure)`` pairs.

    Places without a published or top-coded figure are left out (and named).
    None when fewer than two figures remain, when none is published, or when
    a bound might be the lowest (it lies below the lowest published figure).
    """
    usable = [(n, f) for n, f in figures if f.state in (State.PUBLISHED, State.TOP_CODED)]
    left_out = tuple(
        name for name, f in figures if f.state not in (State.PUBLISHED, State.TOP_CODED)
    )
    published = [(name, f) for name, f in usable if f.published]
    if len(usable) < 2 or not published:
        return None
    low_name, low = min(published, key=lambda pair: pair[1].value)
    if low.value == 0 or any(f.bound < low.value for _, f in usable if not f.published):
        return None
    others = [(name, f) for name, f in usable if name != low_name]
    top = max((f for _, f in others), key=lambda f: f.ranked)
    highest = tuple(name for name, f in others if f.ranked == top.ranked or not f.published)
    found = difference(top, low)
    if not found.known:  # the highest is a bound equal to the lowest: nothing proved
        return None
    if any(not f.published for _, f in others):  # a bound may be higher still
        found = replace(found, proof=Proof.AT_LEAST)
    return Gap(highest, low_name, found, left_out)
