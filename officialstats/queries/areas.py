"""Places as plain data: states, territories and areas, and their addresses."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from django.urls import get_script_prefix, reverse

from .. import geography
from ..models import Area
from .common import occupations_path

KIND_LABELS = dict(Area.Kind.choices)
# How a place's peers are named in a ranking: states rank among states and
# territories, metropolitan and nonmetropolitan areas among each other.
PEERS = {
    Area.Kind.STATE: "states and territories",
    Area.Kind.METRO: "areas",
    Area.Kind.NONMETRO: "areas",
}

_roots: dict[str, str] = {}
_lock = threading.Lock()


def places_path() -> str:
    """``/places/``, reversed once per script prefix (see ``occupations_path``)."""
    prefix = get_script_prefix()
    root = _roots.get(prefix)
    if root is None:
        root = reverse("officialstats:place_index")
        with _lock:
            _roots[prefix] = root
    return root


def occupation_place_path(occupation_slug: str, place_slug: str) -> str:
    """``/occupations/<occupation>/in/<place>/``, without reversing."""
    return f"{occupations_path()}{occupation_slug}/in/{place_slug}/"


@dataclass(frozen=True, slots=True)
class PlaceRef:
    """A state, territory or area of the live release, without figures."""

    id: int
    kind: str
    name: str
    slug: str
    state_code: str  # FIPS code of the state BLS files it under
    state_id: int | None = None

    @property
    def url(self) -> str:
        return f"{places_path()}{self.slug}/"

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]

    @property
    def is_state(self) -> bool:
        return self.kind == Area.Kind.STATE

    @property
    def peers(self) -> str:
        return PEERS.get(self.kind, "places")

    @property
    def group(self) -> str:
        """What a place ranks among: "state" or "area"."""
        return "state" if self.is_state else "area"

    @property
    def states(self) -> tuple[str, ...]:
        """FIPS codes of the states it lies in: BLS's first, then the others its name lists."""
        if self.is_state:
            return (self.state_code,)
        return geography.states_of(self.name, self.state_code)

    @property
    def crosses_states(self) -> bool:
        return len(self.states) > 1

    def lies_in(self, state_code: str) -> bool:
        return state_code in self.states

    @property
    def in_phrase(self) -> str:
        """ "in Texas", "in the Austin-Round Rock-San Marcos, TX area"."""
        if self.is_state or self.kind == Area.Kind.NATIONAL:
            return f"in {self.name}"
        if self.kind == Area.Kind.NONMETRO:
            return f"in the {self.name}"
        return f"in the {self.name} area"


PLACE_FIELDS = ("id", "kind", "name", "slug", "state_code", "state_id")


def place(row: dict, prefix: str = "") -> PlaceRef:
    return PlaceRef(*(row[f"{prefix}{field}"] for field in PLACE_FIELDS))
