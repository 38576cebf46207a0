"""The state shapes the maps draw, read once from ``states.json``.

``states.json`` is built from the pinned us-atlas package by ``build.py``
(``make maps``) and committed, so the site needs no Node to run. Territories
BLS publishes figures for but the boundary files' Albers USA projection
leaves out (Guam, Puerto Rico, the Virgin Islands) have no shape: pages
list them beside the map.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from html import escape
from pathlib import Path

from django.utils.safestring import SafeString

PATH = Path(__file__).resolve().parent / "states.json"


@dataclass(frozen=True, slots=True)
class StateShape:
    fips: str
    name: str
    d: str  # SVG path data in the map's frame
    dot: bool  # too small to draw at this scale: a dot at its centre


@dataclass(frozen=True, slots=True)
class Atlas:
    width: int
    height: int
    source: dict
    shapes: dict[str, StateShape]  # by FIPS code

    def element_id(self, fips: str) -> str:
        return f"st{fips}"

    def defs(self) -> SafeString:
        """One ``<path>`` per state, for the maps to ``<use>``: the shapes are
        sent once a page, however many maps it has."""
        return SafeString(
            "".join(
                f'<path id="{self.element_id(shape.fips)}" d="{escape(shape.d)}"></path>'
                for shape in self.shapes.values()
            )
        )


def load(path: Path = PATH) -> Atlas:
    data = json.loads(path.read_text())
    shapes = {row["fips"]: StateShape(**row) for row in data["states"]}
    return Atlas(data["width"], data["height"], data["source"], shapes)


@functools.cache
def atlas() -> Atlas:
    """The committed shapes, read once a process."""
    return load()


@functools.cache
def shape_defs() -> SafeString:
    return atlas().defs()
