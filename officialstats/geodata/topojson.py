"""TopoJSON polygons into compact SVG path data: pure, no Django.

A TopoJSON topology stores each boundary once, as an *arc* shared by the
shapes on either side, its positions quantized to integers and written as
differences from the previous one. :func:`decode_arcs` undoes that (the
running sum, then the ``transform``); :func:`simplify_arcs` thins each
arc once, keeping its ends, so that neighbours still share exactly the same
border after simplification (no slivers or gaps between states);
:func:`shape_path` stitches a shape's arcs into rings and writes them as
SVG path data in whole units with relative moves, the shortest common form.

Only what the maps need is supported: ``Polygon`` and ``MultiPolygon``
geometries of a ``GeometryCollection``, quantized or not (see the
specification, https://github.com/topojson/topojson-specification).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

type Point = tuple[float, float]
type Arc = list[Point]


def decode_arcs(topology: dict) -> list[Arc]:
    """Every arc of ``topology`` in its own coordinates (here, SVG pixels)."""
    transform = topology.get("transform")
    if transform is None:
        return [[(float(x), float(y)) for x, y, *_ in arc] for arc in topology["arcs"]]
    (kx, ky), (dx, dy) = transform["scale"], transform["translate"]
    arcs = []
    for quantized in topology["arcs"]:
        x = y = 0
        arc = []
        for step_x, step_y, *_ in quantized:
            x += step_x
            y += step_y
            arc.append((x * kx + dx, y * ky + dy))
        arcs.append(arc)
    return arcs


def triangle_area(a: Point, b: Point, c: Point) -> float:
    return abs((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])) / 2


def simplify(points: Sequence[Point], min_area: float) -> list[Point]:
    """Visvalingam–Whyatt: drop, smallest first, every point whose triangle
    with its neighbours is smaller than ``min_area``; the ends always stay.

    A point's area is recomputed when a neighbour goes, and never counts for
    less than that of a point removed before it, so simplifying is stable:
    the result does not depend on the order of equal areas.
    """
    count = len(points)
    if count < 3 or min_area <= 0:
        return list(points)
    previous = list(range(-1, count - 1))
    following = list(range(1, count + 1))
    removed = [False] * count
    current = [0.0] * count
    heap = []
    for i in range(1, count - 1):
        current[i] = triangle_area(points[i - 1], points[i], points[i + 1])
        heap.append((current[i], i))
    heapq.heapify(heap)
    floor = 0.0
    while heap:
        area, i = heapq.heappop(heap)
        if removed[i] or area != current[i]:
            continue  # a stale entry: the point was removed, or its area changed
        if area >= min_area:
            break
        floor = max(floor, area)
        removed[i] = True
        before, after = previous[i], following[i]
        following[before], previous[after] = after, before
        for j in (before, after):
            if 0 < j < count - 1:
                current[j] = max(
                    floor, triangle_area(points[previous[j]], points[j], points[following[j]])
                )
                heapq.heappush(heap, (current[j], j))
    return [point for point, gone in zip(points, removed, strict=True) if not gone]


def simplify_arcs(arcs: Iterable[Arc], min_area: float) -> list[Arc]:
    """Each arc simplified on its own, so shared borders stay shared."""
    return [simplify(arc, min_area) for arc in arcs]


def ring(arcs: Sequence[Arc], indexes: Iterable[int]) -> list[Point]:
    """The closed ring made of ``indexes`` (``~i``, that is ``-i - 1``, is arc
    ``i`` reversed); each arc starts where the previous one ended, so that
    shared point is written once."""
    points: list[Point] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def polygons(geometry: dict) -> list[list[list[int]]]:
    """A geometry's polygons, each a list of rings of arc indexes."""
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    if geometry["type"] is None:  # a feature without a shape
        return []
    raise ValueError(f"unsupported geometry type {geometry['type']!r}")


def ring_area(points: Sequence[Point]) -> float:
    """The shoelace area of a closed ring (absolute)."""
    total = 0.0
    for (x0, y0), (x1, y1) in zip(points, [*points[1:], points[0]], strict=True):
        total += x0 * y1 - x1 * y0
    return abs(total) / 2


def rounded(points: Iterable[Point], scale: float = 1) -> list[tuple[int, int]]:
    """Points scaled and rounded to whole units, repeated points dropped (and
    the closing point, which ``z`` draws)."""
    out: list[tuple[int, int]] = []
    for x, y in points:
        point = (round(x * scale), round(y * scale))
        if not out or point != out[-1]:
            out.append(point)
    while len(out) > 1 and out[-1] == out[0]:
        out.pop()
    return out


def _pair(dx: int, dy: int) -> str:
    # SVG needs no separator before a minus sign.
    return f"{dx}{dy}" if dy < 0 else f"{dx} {dy}"


def path_data(rings: Iterable[Sequence[tuple[int, int]]]) -> str:
    """SVG path data for rings of whole-unit points: a relative move to each
    ring's first point (from the previous ring's first point, where ``z``
    leaves the pen), relative lines to the others, ``z`` to close."""
    parts = []
    pen = (0, 0)
    for points in rings:
        (x, y), lines = points[0], []
        for px, py in points[1:]:
            step = _pair(px - x, py - y)
            lines.append(step if not lines or step[0] == "-" else f" {step}")
            x, y = px, py
        start = _pair(points[0][0] - pen[0], points[0][1] - pen[1])
        parts.append(f"m{start}l{''.join(lines)}z" if lines else f"m{start}z")
        pen = points[0]
    return "".join(parts)


@dataclass(frozen=True, slots=True)
class Shape:
    id: str
    name: str
    d: str  # SVG path data


def shape_path(
    arcs: Sequence[Arc], geometry: dict, *, scale: float = 1, min_ring_area: float = 0
) -> str:
    """One geometry's path data from already simplified ``arcs``.

    A polygon whose outer ring covers less than ``min_ring_area`` (square
    units) is left out, unless it is the shape's largest, so that a state
    made only of small islands keeps its biggest; a ring that rounds away to
    fewer than three points is left out too.
    """
    candidates = []
    for polygon in polygons(geometry):
        rings = [ring(arcs, indexes) for indexes in polygon]
        candidates.append((ring_area(rings[0]), rings))
    if not candidates:
        return ""
    largest = max(area for area, _ in candidates)
    kept = []
    for area, rings in candidates:
        if area < min_ring_area and area < largest:
            continue
        for points in rings:
            grid = rounded(points, scale)
            if len(grid) >= 3:
                kept.append(grid)
    return path_data(kept)


def shapes(
    topology: dict,
    name: str,
    *,
    min_area: float = 0,
    scale: float = 1,
    min_ring_area: float = 0,
) -> list[Shape]:
    """The shapes of the GeometryCollection ``name`` of ``topology``, by id:
    arcs decoded, simplified (Visvalingam, ``min_area`` square units), then
    stitched, small islands dropped (``min_ring_area``), scaled by ``scale``
    and rounded to whole units."""
    arcs = simplify_arcs(decode_arcs(topology), min_area)
    collection = topology["objects"][name]
    out = []
    for geometry in collection["geometries"]:
        d = shape_path(arcs, geometry, scale=scale, min_ring_area=min_ring_area)
        properties = geometry.get("properties") or {}
        out.append(Shape(str(geometry["id"]), properties.get("name", ""), d))
    return sorted(out, key=lambda shape: shape.id)
