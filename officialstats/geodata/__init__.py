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
import re
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


# A state narrower or lower than this (in the frame's units, about 1.6 px on the
# widest map) is too small to tap or to write a figure in: the maps repeat it
# in a row of boxes under the map (Vermont to the District of Columbia).
SMALL = 17
MIN_WIDTH = 21


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a state's figure is written on a map, or that it is too small."""

    x: float
    y: float
    small: bool


def rings(d: str) -> list[list[tuple[float, float]]]:
    """The rings of path data as ``build.py`` writes it (m, l and z, relative
    after a first absolute M; a dot's arcs count as its centre)."""
    found: list[list[tuple[float, float]]] = []
    x = y = 0.0
    for command, arguments in re.findall(r"([MmLlAaZz])([^MmLlAaZz]*)", d):
        numbers = [float(n) for n in re.findall(r"-?\d*\.?\d+", arguments)]
        if command in "Zz":
            continue
        if command in "Aa":  # a dot: two half circles from its left edge
            found[-1].append((x + 1, y))
            continue
        for index in range(0, len(numbers), 2):
            dx, dy = numbers[index], numbers[index + 1]
            x, y = (x + dx, y + dy) if command.islower() else (dx, dy)
            if command in "Mm" and index == 0:
                found.append([])
            found[-1].append((x, y))
    return found


def _area(ring: list[tuple[float, float]]) -> float:
    return (
        sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True))
        / 2
    )


def placement(shape: StateShape) -> Placement:
    """The centroid of the state's largest ring, and whether the state is small."""
    parts = rings(shape.d)
    xs = [x for ring in parts for x, _ in ring]
    ys = [y for ring in parts for _, y in ring]
    small = shape.dot or (max(xs) - min(xs)) < MIN_WIDTH or (max(ys) - min(ys)) < SMALL
    largest = max(parts, key=lambda ring: abs(_area(ring)))
    area = _area(largest)
    if not area:
        return Placement(sum(xs) / len(xs), sum(ys) / len(ys), small)
    cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(largest, largest[1:] + largest[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    return Placement(cx / (6 * area), cy / (6 * area), small)


@functools.cache
def placements() -> dict[str, Placement]:
    return {fips: placement(shape) for fips, shape in atlas().shapes.items()}
