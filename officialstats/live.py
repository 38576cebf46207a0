"""The live release of each program, as pages need it (no model instance).

What is live is part of the site state (``core.state``): each publish moves
the program's part on and records the new release's facts in it, so reading
the state is knowing the live release. Within a request every reader sees
the release the request's state names, and a worker that cannot reach the
database still knows it.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

from core.state import release_part, site_state

from .models import Program, Release


@dataclass(frozen=True, slots=True)
class LiveRelease:
    """What pages need to know about the live release, without a model instance."""

    id: int
    code: str
    name: str
    published_on: datetime.date | None  # None where the files do not say
    retrieved_on: datetime.date
    made_live_at: datetime.datetime

    @classmethod
    def of(cls, release: Release) -> LiveRelease:
        return cls(
            release.pk,
            release.code,
            release.name,
            release.published_on,
            release.retrieved_on,
            release.made_live_at,
        )

    def facts(self) -> dict:
        """As the site state keeps it (JSON)."""
        return {
            "id": self.id,
            "code": self.code,
            "name": self.name,
            "published_on": self.published_on.isoformat() if self.published_on else None,
            "retrieved_on": self.retrieved_on.isoformat(),
            "made_live_at": self.made_live_at.isoformat(),
        }

    @classmethod
    def from_facts(cls, facts: Mapping) -> LiveRelease:
        return cls(
            facts["id"],
            facts["code"],
            facts["name"],
            datetime.date.fromisoformat(facts["published_on"]) if facts["published_on"] else None,
            datetime.date.fromisoformat(facts["retrieved_on"]),
            datetime.datetime.fromisoformat(facts["made_live_at"]),
        )


# Per program, the facts last read and what they made: remade only when the
# state has been read again (at most once a second).
_known: dict[str, tuple[Mapping, LiveRelease | None]] = {}


def live_release(program: str = Program.OEWS) -> LiveRelease | None:
    """The live release of ``program`` under the current site state."""
    facts = site_state().facts(release_part(program))
    known = _known.get(program)
    if known is None or known[0] is not facts:
        known = _known[program] = (facts, LiveRelease.from_facts(facts) if facts else None)
    return known[1]
