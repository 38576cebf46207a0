"""Build ``states.json``, the state shapes the maps draw, from the pinned us-atlas.

    make maps                                      # npm ci, then this, writing states.json
    .venv/bin/python -m officialstats.geodata.build --check   # exit 1 if it would change

us-atlas (npm, ISC licence) redistributes the Census Bureau's cartographic
boundary files (2017 edition, 1:10,000,000) as TopoJSON; ``states-albers-10m.json``
is already projected to Albers USA (Alaska and Hawaii moved in beside the
lower 48) for a 975 × 610 frame. This turns it into one SVG path per state
(``topojson.py``): simplified along shared borders, scaled to a 390 × 244 frame
and rounded to whole units (a unit is about 1.6 px where the map is shown
widest, 640 px, and less on a phone). The paths of all 51 states take about
7 KB, 2.4 KB gzipped: a page sends them once, whatever its number of maps.

The output is committed, so the site needs neither Node nor npm to run or to
test; ``tests/test_maps.py`` rebuilds it from ``tools/us-atlas/node_modules``
when that is installed and fails if the two differ.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from . import topojson

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "tools" / "us-atlas" / "node_modules" / "us-atlas"
SOURCE_FILE = "states-albers-10m.json"
OUTPUT = Path(__file__).resolve().parent / "states.json"

SOURCE_WIDTH, SOURCE_HEIGHT = 975, 610
SCALE = 0.4
# Visvalingam's threshold and the smallest island kept, in the source's square
# pixels: every state keeps its shape at a glance, Hawaii its six largest
# islands, Alaska its larger ones; the Chesapeake and the Great Lakes read.
# Chosen by eye at 360 and 640 px wide, and for size (bench/RESULTS.md).
MIN_AREA = 10
MIN_ISLAND = 10
# A state too small to draw at this scale (the District of Columbia) is drawn
# as a dot of this radius at its centre, painted over its neighbours.
MARKER_RADIUS = 2


def marker(center: tuple[float, float], radius: int = MARKER_RADIUS) -> str:
    """Path data for a dot: two half circles."""
    x, y, r = round(center[0] - radius), round(center[1]), radius
    return f"M{x} {y}a{r} {r} 0 1 0 {2 * r} 0a{r} {r} 0 1 0-{2 * r} 0z"


def centre(topology: dict, geometry: dict) -> tuple[float, float]:
    """The centre of a geometry's largest ring's bounding box, scaled."""
    arcs = topojson.decode_arcs(topology)
    rings = [topojson.ring(arcs, polygon[0]) for polygon in topojson.polygons(geometry)]
    largest = max(rings, key=topojson.ring_area)
    xs, ys = zip(*largest, strict=True)
    return ((min(xs) + max(xs)) / 2 * SCALE, (min(ys) + max(ys)) / 2 * SCALE)


def build(topology: dict, *, version: str, sha256: str) -> dict:
    """The content of ``states.json`` for a us-atlas states topology."""
    shapes = topojson.shapes(
        topology, "states", min_area=MIN_AREA, scale=SCALE, min_ring_area=MIN_ISLAND
    )
    geometries = {str(g["id"]): g for g in topology["objects"]["states"]["geometries"]}
    states = []
    for shape in shapes:
        drawn = bool(shape.d)
        d = shape.d or marker(centre(topology, geometries[shape.id]))
        states.append({"fips": shape.id, "name": shape.name, "d": d, "dot": not drawn})
    return {
        "source": {
            "package": "us-atlas",
            "version": version,
            "file": SOURCE_FILE,
            "sha256": sha256,
            "boundaries": "U.S. Census Bureau, cartographic boundary files, 2017 edition, "
            "1:10,000,000 (states)",
        },
        "settings": {"scale": SCALE, "min_area": MIN_AREA, "min_island": MIN_ISLAND},
        "width": round(SOURCE_WIDTH * SCALE),
        "height": round(SOURCE_HEIGHT * SCALE),
        "states": states,
    }


def dumps(data: dict) -> str:
    """JSON with one state a line, so a change reads as a diff."""
    head = {key: value for key, value in data.items() if key != "states"}
    lines = [json.dumps(state, ensure_ascii=False) for state in data["states"]]
    body = json.dumps(head, indent=1, ensure_ascii=False)[:-2]
    return body + ',\n "states": [\n  ' + ",\n  ".join(lines) + "\n ]\n}\n"


def from_package(package: Path = PACKAGE) -> str:
    """``states.json`` as the installed us-atlas would make it."""
    raw = (package / SOURCE_FILE).read_bytes()
    version = json.loads((package / "package.json").read_text())["version"]
    data = build(json.loads(raw), version=version, sha256=hashlib.sha256(raw).hexdigest())
    return dumps(data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="fail if states.json would change")
    args = parser.parse_args(argv)
    if not (PACKAGE / SOURCE_FILE).is_file():
        print(f"no {PACKAGE / SOURCE_FILE}: run `make maps` (npm ci --prefix tools/us-atlas)")
        return 2
    text = from_package()
    current = OUTPUT.read_text() if OUTPUT.is_file() else ""
    if args.check:
        if text != current:
            print(f"{OUTPUT.relative_to(ROOT)} differs from what us-atlas makes: run `make maps`")
            return 1
        print(f"{OUTPUT.relative_to(ROOT)} matches the pinned us-atlas")
        return 0
    OUTPUT.write_text(text)
    print(f"wrote {OUTPUT.relative_to(ROOT)} ({len(text.encode()):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
