"""State maps: TopoJSON into SVG paths, the committed shapes, shading classes,
accessible names, the table beside the maps, size and query budgets, and
the maps in a real browser (contrast in both themes, axe, a phone).

Pages use ``oews_states_release`` (``tests/oews_sample_states.py``): real May
2025 figures for every state and territory, so the maps have all 54 to show.
"""

from __future__ import annotations

import gzip
import json
import os
import re
from decimal import Decimal
from pathlib import Path

import pytest

from officialstats import geodata, maps
from officialstats.figures import Datatype, Figure, State, figure
from officialstats.geodata import build, topojson
from officialstats.queries.states import StateRow
from tests.helpers import annual, map_figures, map_labels, map_links, page_text

ROOT = Path(__file__).resolve().parent.parent
SD = "/occupations/software-developers/"

# A tiny topology: two squares sharing a border (arc 0), quantized with a
# transform, and a third shape of a large square and a small island.
TINY = {
    "type": "Topology",
    "transform": {"scale": [0.5, 0.5], "translate": [10, 20]},
    "objects": {
        "states": {
            "type": "GeometryCollection",
            "geometries": [
                {"type": "Polygon", "id": "02", "properties": {"name": "East"}, "arcs": [[2, ~0]]},
                {"type": "Polygon", "id": "01", "properties": {"name": "West"}, "arcs": [[0, 1]]},
                {
                    "type": "MultiPolygon",
                    "id": "03",
                    "properties": {"name": "Isles"},
                    "arcs": [[[3]], [[4]]],
                },
            ],
        }
    },
    "arcs": [
        [[20, 0], [0, 20]],  # the shared border, (20, 20) to (20, 30)
        [[20, 20], [-20, 0], [0, -20], [20, 0]],
        [[20, 0], [20, 0], [0, 20], [-20, 0]],
        [[100, 0], [40, 0], [0, 40], [-40, 0], [0, -40]],  # a 20 x 20 square
        [[200, 0], [2, 0], [0, 2], [-2, 0], [0, -2]],  # a 1 x 1 island
    ],
}


# TopoJSON into paths ---------------------------------------------------------------------------


def test_arcs_are_delta_decoded_then_transformed():
    arcs = topojson.decode_arcs(TINY)
    assert arcs[0] == [(20.0, 20.0), (20.0, 30.0)]
    assert arcs[1] == [(20.0, 30.0), (10.0, 30.0), (10.0, 20.0), (20.0, 20.0)]
    assert arcs[3][:3] == [(60.0, 20.0), (80.0, 20.0), (80.0, 40.0)]
    untransformed = {"arcs": [[[1, 2], [3, 4]]]}
    assert topojson.decode_arcs(untransformed) == [[(1.0, 2.0), (3.0, 4.0)]]


def test_rings_are_stitched_from_arcs_reversed_where_negative():
    arcs = topojson.decode_arcs(TINY)
    west = topojson.ring(arcs, [0, 1])
    assert west == [(20, 20), (20, 30), (10, 30), (10, 20), (20, 20)]  # shared points once
    east = topojson.ring(arcs, [2, ~0])  # arc 0 backwards
    assert east == [(20, 20), (30, 20), (30, 30), (20, 30), (20, 20)]
    assert topojson.ring_area(west) == 100


def test_shapes_are_exact_relative_path_data():
    shapes = topojson.shapes(TINY, "states")
    assert [(s.id, s.name) for s in shapes] == [("01", "West"), ("02", "East"), ("03", "Isles")]
    west, east, isles = (shape.d for shape in shapes)
    assert west == "m20 20l0 10-10 0 0-10z"
    assert east == "m20 20l10 0 0 10-10 0z"
    # The second ring moves from the first ring's start, where z left the pen.
    assert isles == "m60 20l20 0 0 20-20 0zm50 0l1 0 0 1-1 0z"
    doubled = topojson.shapes(TINY, "states", scale=2)
    assert doubled[0].d == "m40 40l0 20-20 0 0-20z"


def test_small_islands_go_unless_they_are_all_a_shape_has():
    isles = topojson.shapes(TINY, "states", min_ring_area=5)[2]
    assert isles.d == "m60 20l20 0 0 20-20 0z"
    island = {"type": "Polygon", "id": "09", "properties": {"name": "Dot"}, "arcs": [[4]]}
    lone = {**TINY, "objects": {"states": {"type": "GeometryCollection", "geometries": [island]}}}
    assert topojson.shapes(lone, "states", min_ring_area=5)[0].d == "m110 20l1 0 0 1-1 0z"
    # A ring that rounds to fewer than three points is not drawn.
    assert topojson.shapes(lone, "states", scale=0.1)[0].d == ""


def test_visvalingam_drops_the_smallest_triangles_and_keeps_the_ends():
    points = [(0, 0), (1, 0.1), (2, 0), (3, 5), (4, 0)]
    assert topojson.simplify(points, 1) == [(0, 0), (2, 0), (3, 5), (4, 0)]
    assert topojson.simplify(points, 100) == [(0, 0), (4, 0)]
    assert topojson.simplify(points, 0) == points
    assert topojson.simplify(points[:2], 100) == points[:2]


def test_a_shared_border_stays_shared_after_simplifying():
    zigzag = {
        **TINY,
        "arcs": [
            [[20, 0], [1, 5], [-1, 5], [1, 5], [-1, 5]],
            *TINY["arcs"][1:],
        ],
    }
    arcs = topojson.simplify_arcs(topojson.decode_arcs(zigzag), 2)
    west = topojson.ring(arcs, [0, 1])
    east = topojson.ring(arcs, [2, ~0])
    border = arcs[0]
    assert border[0] == (20.0, 20.0) and border[-1] == (20.0, 30.0)
    assert all(point in west and point in east for point in border)


# The committed shapes ---------------------------------------------------------------------------


def test_the_committed_shapes_are_every_state_with_its_source():
    atlas = geodata.load()
    assert (atlas.width, atlas.height) == (390, 244)
    assert len(atlas.shapes) == 51  # the 50 states and DC; no territory
    assert atlas.shapes["06"].name == "California"
    assert not {"66", "72", "78"} & set(atlas.shapes)
    assert atlas.shapes["11"].dot and not atlas.shapes["06"].dot
    assert all(re.fullmatch(r"[mMlLaz0-9 \-]+", shape.d) for shape in atlas.shapes.values())
    assert atlas.source["package"] == "us-atlas" and atlas.source["version"] == "3.0.1"
    assert "Census Bureau" in atlas.source["boundaries"]
    defs = atlas.defs()
    assert defs.count("<path id=") == 51 and 'id="st06"' in defs
    assert len(gzip.compress(defs.encode())) < 2800  # the budget the page size relies on


def test_the_pinned_package_is_locked_at_the_version_the_shapes_name():
    package = json.loads((ROOT / "tools/us-atlas/package.json").read_text())
    lock = json.loads((ROOT / "tools/us-atlas/package-lock.json").read_text())
    version = geodata.load().source["version"]
    assert package["dependencies"] == {"us-atlas": version}
    assert lock["packages"]["node_modules/us-atlas"]["version"] == version


@pytest.mark.any_database
def test_the_committed_shapes_are_what_the_pinned_us_atlas_makes():
    if not (build.PACKAGE / build.SOURCE_FILE).is_file():
        if os.environ.get("REQUIRE_US_ATLAS"):
            pytest.fail("REQUIRE_US_ATLAS is set but us-atlas is not installed (make us-atlas)")
        pytest.skip("us-atlas is not installed: `make us-atlas` (npm ci) to compare")
    assert build.from_package() == build.OUTPUT.read_text(), "run `make maps` and commit"
    assert build.main(["--check"]) == 0


# Shading classes, legend and words ----------------------------------------------------------------


def test_quantile_breaks_are_rounded_and_strictly_increasing():
    values = [Decimal(v) for v in (100, 110, 120, 130, 140, 150, 160, 170, 180, 190)]
    assert maps.quantile_breaks(values) == [120, 140, 160, 180]
    assert maps.nice_step(Decimal("4.5")) == 5 and maps.nice_step(Decimal("21")) == 25
    assert maps.nice_step(Decimal("0.12")) == Decimal("0.2")
    # Few distinct values: fewer classes, never an empty one at the ends.
    assert maps.quantile_breaks([Decimal(5), Decimal(5), Decimal(9)]) == [9]
    assert maps.quantile_breaks([Decimal(7)]) == []
    assert maps.class_of(Decimal(119), [120, 140]) == 0
    assert maps.class_of(Decimal(120), [120, 140]) == 1  # a break starts its class
    assert maps.class_of(Decimal(200), [120, 140]) == 2
    assert maps.shades(5) == ["c1", "c2", "c3", "c4", "c5"]
    assert maps.shades(2) == ["c1", "c5"] and maps.shades(3) == ["c1", "c3", "c5"]
    assert maps.ranges([Decimal(5), Decimal(9)], str) == ["under 5", "5 to 9", "9 and over"]


def row(code: str, name: str, pay: Figure | None, lq: str | None = "1.00") -> StateRow:
    """A state's row as the loader gives it; ``pay`` None: no estimate at all."""
    estimated = pay is not None
    return StateRow(
        code=code,
        name=name,
        slug=name.lower().replace(" ", "-"),
        estimated=estimated,
        employment=figure(Datatype.EMPLOYMENT, 1000 if estimated else None, None),
        pay=pay or figure(Datatype.ANNUAL_MEDIAN, None, None),
        location_quotient=figure(
            Datatype.LOCATION_QUOTIENT, Decimal(lq) if lq else None, 8 if estimated else None
        ),
    )


SHAPES = {
    fips: geodata.StateShape(fips, name, "m0 0l1 0 0 1z", fips == "11")
    for fips, name in [("01", "Alabama"), ("06", "California"), ("11", "District of Columbia"),
                       ("48", "Texas"), ("56", "Wyoming")]
}  # fmt: skip


def test_a_pay_map_shades_by_class_names_each_state_and_lists_territories():
    rows = [
        row("01", "Alabama", annual("100000")),
        row("06", "California", annual("174410")),
        row("11", "District of Columbia", annual("160000")),
        row("48", "Texas", annual("132150")),
        row("56", "Wyoming", annual(None, 8)),  # not released
        row("72", "Puerto Rico", annual("79380")),
    ]
    state_map = maps.pay_map(rows, SHAPES, subject="Software Developers", release="May 2025",
                             hourly=False)  # fmt: skip
    regions = {region.fips: region for region in state_map.regions}
    assert regions["06"].label == "California: $174,410"
    assert regions["56"].label == "Wyoming: not released" and regions["56"].css == "nd"
    # Quintiles of the five published medians (Puerto Rico's too), to $5,000.
    assert [entry.label for entry in state_map.legend[:5]] == [
        "under $100k", "$100k to $130k", "$130k to $160k", "$160k to $170k", "$170k and over"
    ]  # fmt: skip
    assert regions["01"].css == "c2" and regions["48"].css == "c3" and regions["06"].css == "c5"
    assert state_map.regions[-1].fips == "11"  # the dot is painted over its neighbours
    assert [(u.name, u.text) for u in state_map.unmapped] == [("Puerto Rico", "$79,380")]
    assert state_map.legend[-1] == maps.LegendEntry("nd", "no published figure", 1)
    assert not any(entry.css == "tc" for entry in state_map.legend)
    assert state_map.title == "Median pay a year of Software Developers by state, May 2025"
    assert "Highest median: California, $174,410 a year; lowest: Puerto Rico, $79,380" in (
        state_map.description
    )
    assert "Not on the map: Puerto Rico, listed below it." in state_map.description


def test_a_state_the_release_does_not_list_is_no_data_and_a_highlight_comes_last():
    rows = [row("06", "California", annual("174410")), row("48", "Texas", annual("132150"))]
    state_map = maps.pay_map(rows, SHAPES, subject="x", release="May 2025", hourly=False,
                             highlight="06")  # fmt: skip
    labels = {region.fips: region.label for region in state_map.regions}
    assert labels["01"] == "Alabama: no estimate" and labels["56"] == "Wyoming: no estimate"
    assert state_map.regions[-1].fips == "06" and state_map.regions[-1].css.endswith(" hl")
    nd = next(entry for entry in state_map.legend if entry.css == "nd")
    assert nd.count == 3


def test_a_top_coded_median_is_in_the_top_class_only_when_that_class_starts_below_the_bound():
    low_top = [
        row("01", "Alabama", annual("150000")),
        row("06", "California", annual("200000")),
        row("48", "Texas", annual(None, 5)),
    ]
    state_map = maps.pay_map(low_top, SHAPES, subject="x", release="y", hourly=False)
    texas = next(r for r in state_map.regions if r.fips == "48")
    assert texas.css == "c5" and texas.label == "Texas: at least $239,200"
    high_top = [
        row("01", "Alabama", annual("300000")),
        row("06", "California", annual("480000")),
        row("11", "District of Columbia", annual("420000")),
        row("48", "Texas", annual(None, 5)),
    ]
    state_map = maps.pay_map(high_top, SHAPES, subject="x", release="y", hourly=False)
    texas = next(r for r in state_map.regions if r.fips == "48")
    assert texas.css == "tc"  # at least $239,200: which class is not known
    assert maps.LegendEntry("tc", "at least $239,200", 1) in state_map.legend


def test_location_quotient_classes_are_fixed_around_one():
    rows = [
        row("01", "Alabama", annual("1"), "0.49"),
        row("06", "California", annual("1"), "1.25"),
        row("11", "District of Columbia", annual("1"), "2.00"),
        row("48", "Texas", annual("1"), "0.80"),
        row("56", "Wyoming", annual("1"), None),
    ]
    state_map = maps.location_quotient_map(rows, SHAPES, subject="x", release="y")
    css = {region.fips: region.css for region in state_map.regions}
    assert css == {"01": "c1", "06": "c4", "11": "c5", "48": "c3", "56": "nd"}
    assert [entry.label for entry in state_map.legend] == [
        "under 0.5", "0.5 to 0.8", "0.8 to 1.25", "1.25 to 2", "2 and over", "no published figure"
    ]  # fmt: skip
    assert "Above 1 (a larger share of local jobs than nationwide) in 2 of 4" in (
        state_map.description
    )


def test_hourly_only_pay_is_mapped_by_the_hour():
    rows = [
        row("01", "Alabama", figure(Datatype.HOURLY_MEDIAN, Decimal("20.10"), None)),
        row("06", "California", figure(Datatype.HOURLY_MEDIAN, Decimal("31.50"), None)),
    ]
    state_map = maps.pay_map(rows, SHAPES, subject="Actors", release="y", hourly=True)
    assert state_map.title.startswith("Median pay an hour of Actors")
    assert next(r for r in state_map.regions if r.fips == "06").label == "California: $31.50"
    assert [entry.label for entry in state_map.legend[:2]] == ["under $31.00", "$31.00 and over"]


# On the occupation page ------------------------------------------------------------------------


def table_rows(body: str) -> dict[str, list[str]]:
    start = body.index('<table class="state-table">')
    table = body[start : body.index("</table>", start)]
    out = {}
    for name, cells in re.findall(r'<tr><th scope="row">(.*?)</th>(.*?)</tr>', table):
        out[re.sub(r"<[^>]+>", "", name)] = [
            re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", cells)
        ]
    return out


def test_the_page_maps_pay_and_location_quotient_with_every_state_named(
    client, oews_states_release
):
    body = client.get(SD).content.decode()
    assert body.count('<svg class="map-shapes"') == 1  # the shapes, sent once
    assert body.count('<path id="st') == 51
    pay, lq = map_labels(body, "pay"), map_labels(body, "lq")
    assert len(pay) == len(lq) == 51
    assert pay["California"] == "$174,410" and lq["California"] == "1.44"
    assert pay["Alaska"] == "not released"  # hatched, said in words
    for measure in ("pay", "lq"):
        assert re.search(
            rf'<svg viewBox="0 0 390 282" role="group" aria-labelledby="map-{measure}-title"'
            rf' aria-describedby="map-{measure}-desc">',
            body,
        )
    text = page_text(client.get(SD))
    assert "Median pay a year of Software Developers by state, May 2025" in text
    assert "Not on the map: Guam, no estimate; Puerto Rico, $79,380; Virgin Islands, no" in text
    assert "no published figure (1)" in text
    assert text.count("Boundaries: U.S. Census Bureau, via us-atlas") == 2
    # Each legend says how its classes were drawn.
    assert "Classes by quantile: each holds about as many states as the next." in text
    assert "Fixed classes around 1 (the national share), the same for every occupation." in text


def test_each_state_links_to_its_page_and_small_states_get_a_box(client, oews_states_release):
    body = client.get(SD).content.decode()
    for measure in ("pay", "lq"):
        links = map_links(body, measure)
        assert links["California"] == f"{SD}in/california/"
        assert links["Texas"] == f"{SD}in/texas/"
        # The same address as the state's row in the table under the maps.
        assert f'<a href="{SD}in/california/">California</a>' in body
        # The smallest states are linked from their boxes, with their names written.
        assert links["Rhode Island"] == f"{SD}in/rhode-island/"
        # Alaska's median is not released, but BLS estimates jobs there: its page exists.
        assert links["Alaska"] == f"{SD}in/alaska/"
    assert body.count(">RI</text>") == 2 and body.count(">DC</text>") == 2


def test_each_figure_is_written_on_the_map_short(client, oews_states_release):
    body = client.get(SD).content.decode()
    pay, lq = map_figures(body, "pay"), map_figures(body, "lq")
    assert "$174k" in pay and "1.44" in lq  # California
    assert "RI" in pay and "VT" in pay  # the small states' boxes, by name
    top = map_figures(client.get("/occupations/anesthesiologists/").content.decode(), "pay")
    assert "$239.2k+" in top  # top-coded: at least BLS's bound


def test_the_table_beside_the_maps_has_the_same_figures(client, oews_states_release):
    body = client.get(SD).content.decode()
    table = table_rows(body)
    assert len(table) == 54  # every state and territory, the three without a shape too
    pay, lq = map_labels(body, "pay"), map_labels(body, "lq")
    for name, figure_text in pay.items():
        assert table[name][0] == figure_text, name
        assert table[name][2] == lq[name], name
    assert table["California"] == ["$174,410", "284,390", "1.44"]
    assert table["Puerto Rico"] == ["$79,380", "2,020", "0.20"]
    assert table["Guam"] == ["no estimate"] * 3
    assert '<a href="#state-figures">The same figures as a table</a>' in body


def test_value_states_are_respected_on_the_maps_and_in_the_table(client, oews_states_release):
    body = client.get("/occupations/anesthesiologists/").content.decode()
    pay = map_labels(body, "pay")
    assert pay["Alaska"] == "at least $239,200" and pay["Illinois"] == "not released"
    assert pay["Washington"] == "$499,990"
    assert table_rows(body)["Alaska"][0] == "at least $239,200"
    assert "239200" not in re.sub(r'<data value="[^"]*">', "", body.split("map-shapes")[1])
    text = page_text(client.get("/occupations/anesthesiologists/"))
    assert "at least $239,200 (13)" in text  # a shade of its own: the top class starts above
    actors = client.get("/occupations/actors/").content.decode()
    assert "Median pay an hour of Actors by state" in actors
    assert map_labels(actors, "pay")["Texas"] == "$25.86"


def test_all_occupations_has_no_location_quotient_map_and_says_why(client, oews_states_release):
    response = client.get("/occupations/all-occupations/")
    body = response.content.decode()
    assert "map-pay" in body and 'id="map-lq"' not in body
    assert "it is 1 in every state by definition" in page_text(response)


def test_the_occupation_page_stays_within_its_budget_with_both_maps(client, oews_states_release):
    """Issue 19's budget: at most 20 KB gzipped, the pay answer within the first 14 KB
    (tests/test_guidance_onet.py checks it with every guidance dataset live)."""
    for path in (SD, "/occupations/anesthesiologists/", "/occupations/computer-occupations/"):
        body = client.get(path).content
        assert len(gzip.compress(body, 6)) <= 20 * 1024, path
        answer_ends = body.index(b"</section>", body.index(b'id="pay-position"'))
        assert len(gzip.compress(body[:answer_ends], 6)) <= 14 * 1024, path


@pytest.mark.parametrize("path", [SD, "/occupations/anesthesiologists/"])
def test_the_maps_cost_one_query_whatever_the_number_of_states(
    client, oews_states_release, django_assert_num_queries, monkeypatch, path
):

    # As with two states (test_occupation_pages.py): the live release, the
    # family, the ranked places, the industries, and every state for the maps.
    with django_assert_num_queries(5):
        assert client.get(path).status_code == 200


def test_downloads_carry_every_states_figures(client, oews_states_release):
    rows = client.get("/occupations/software-developers.json").json()["figures"]
    areas = {row["area"] for row in rows}
    assert {"Puerto Rico", "Wyoming", "California"} <= areas and "Guam" not in areas
    wyoming = {row["figure"]: row for row in rows if row["area"] == "Wyoming"}
    assert set(wyoming) == {"employment", "median wage", "location quotient"}


def test_the_methodology_credits_the_census_bureau_and_us_atlas(client, oews_release):
    text = page_text(client.get("/methodology/"))
    assert "U.S. Census Bureau's cartographic boundary files" in text
    assert "us-atlas 3.0.1 (ISC licence)" in text
    assert geodata.load().source["sha256"] in text
    assert "Metropolitan and nonmetropolitan areas are not mapped" in text
    assert "Guam, Puerto Rico and the U.S. Virgin Islands" in text


def test_shapes_and_labels_are_escaped():
    from officialstats.templatetags.statemaps import state_map_svg, state_table_rows

    hostile = row("06", "<Cal & ifornia>", annual("100"))
    state_map = maps.pay_map([hostile], SHAPES, subject="A <b>", release="y", hourly=False)
    svg = str(state_map_svg(state_map))
    assert "&lt;Cal &amp; ifornia&gt;: $100" in svg and "A &lt;b&gt;" in svg
    html = str(state_table_rows([hostile], "Median pay a year", {hostile.slug: '/x?a="1"'}))
    assert '<a href="/x?a=&quot;1&quot;">&lt;Cal &amp; ifornia&gt;</a>' in html


def test_a_figure_not_published_reads_as_its_state_in_the_table():
    from officialstats.templatetags.statemaps import plain

    assert plain(Figure(Datatype.ANNUAL_MEDIAN, State.PUBLISHED, Decimal("1000"))) == "$1,000"
    assert "not released" in plain(figure(Datatype.ANNUAL_MEDIAN, None, 8))


# Valid HTML -------------------------------------------------------------------------------------


@pytest.mark.any_database
def test_pages_with_maps_and_comparisons_are_valid_html(
    vnu,
    client,
    oews_states_release,
    tmp_path,
):
    compare = "/occupations/software-developers/places/"
    paths = [
        SD,
        "/occupations/anesthesiologists/",
        "/occupations/actors/",
        "/occupations/all-occupations/",
        "/methodology/",
        compare,
        f"{compare}?p=texas",
        f"{compare}?p=alaska&p=california&p=texas&p=austin-round-rock-san-marcos-tx",
        f"{compare}?p=texas&p=texas&p=atlantis",
        "/occupations/anesthesiologists/places/?p=alaska&p=texas",
    ]
    files = {}
    for number, path in enumerate(paths):
        response = client.get(path)
        assert response.status_code == 200, path
        files[tmp_path / f"page-{number}.html"] = path
        (tmp_path / f"page-{number}.html").write_bytes(response.content)
    report = [
        f"{files.get(Path(m.get('url', '').removeprefix('file:')), m.get('url'))}:"
        f"{m.get('lastLine')}: {m.get('message')}"
        for m in vnu(list(files))
    ]
    assert not report, "\n".join(report)


# In a real browser ------------------------------------------------------------------------------

# Each shaded state's fill, its contrast with the page and its legend swatch,
# after the WCAG formulas of tests/test_accessibility.py (CONTRAST).
SHADES = """
  const out = [];
  for (const map of document.querySelectorAll("figure.map")) {
    for (const use of map.querySelectorAll("use")) {
      const fill = getComputedStyle(use).fill;
      if (fill.startsWith("url")) continue;  // hatched or dotted: a pattern, tested apart
      const css = [...use.classList].find((c) => /^c\\d$/.test(c));
      const swatch = map.querySelector(`.swatch.${css}`);
      out.push({map: map.id, css, fill, ratio: contrast(fill, background),
                swatch: getComputedStyle(swatch).backgroundColor});
    }
  }
  return out;
"""


@pytest.fixture
def states_site(site, tmp_path):
    from tests.helpers import import_oews
    from tests.oews_sample_states import write_states_release

    import_oews(write_states_release(tmp_path / "states"))
    return site


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_shade_stands_out_from_the_page_and_matches_its_legend(
    open_page, states_site, scheme
):
    page = open_page(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    from tests.browser import CONTRAST

    page.goto(states_site + SD)
    shades = page.evaluate(CONTRAST + SHADES.join(["(() => {", "})()"]))
    assert {(s["map"], s["css"]) for s in shades} >= {("map-pay", "c1"), ("map-pay", "c5")}
    assert {s["css"] for s in shades if s["map"] == "map-lq"} == {f"c{n}" for n in range(1, 6)}
    for shade in shades:
        assert shade["ratio"] >= 3, shade  # SC 1.4.11, against the page
        assert shade["swatch"] == shade["fill"], shade
    # Distinct shades look distinct: no two classes of a map share a fill.
    for measure in ("map-pay", "map-lq"):
        fills = {s["css"]: s["fill"] for s in shades if s["map"] == measure}
        assert len(set(fills.values())) == len(fills)
    hatched = page.locator("#map-pay use.nd").first
    assert hatched.evaluate("u => getComputedStyle(u).fill").startswith("url(")
    assert page.problems.all() == []


@pytest.mark.browser
@pytest.mark.parametrize(("width", "scheme"), [(360, "dark"), (1280, "light")])
def test_the_maps_are_named_fit_a_phone_and_axe_finds_nothing(
    open_page, states_site, width, scheme
):
    from axe_playwright_python.sync_playwright import Axe

    from tests.browser import AXE_OPTIONS, CLIPPED_CELLS, OVERFLOWING, SMALL_TARGETS, TARGETS

    page = open_page(viewport={"width": width, "height": 800}, color_scheme=scheme)
    for path in (SD, "/occupations/anesthesiologists/", "/occupations/actors/"):
        page.goto(states_site + path)
        page.locator("#state-figures summary").click()  # the table, open
        results = Axe().run(page, options=AXE_OPTIONS)
        assert results.violations_count == 0, results.generate_report()
        assert page.evaluate(OVERFLOWING) == [], path
        if width == 360:
            assert page.evaluate(SMALL_TARGETS, TARGETS) == [], path
        # Every cell of the states' table whole and labelled (the page's other
        # tables, which label no cells, are set aside for this check).
        page.locator("table:not(.state-table)").evaluate_all("all => all.map(t => t.remove())")
        assert page.evaluate(CLIPPED_CELLS) == [], path
        for shown in page.locator("figure.map").all():
            box, svg = shown.bounding_box(), shown.locator("svg").bounding_box()
            assert svg["width"] <= box["width"] + 0.5 and svg["height"] > 100
    page.goto(states_site + SD)
    tree = page.locator("#map-pay").aria_snapshot()
    assert 'group "Median pay a year of Software Developers by state, May 2025"' in tree
    assert 'link "California: $174,410"' in tree and 'link "Alaska: not released"' in tree
    # A state too small to tap on the map is a link in its box under it.
    assert 'img "Connecticut: $134,120"' in tree
    assert 'link "California: 1.44"' in page.locator("#map-lq").aria_snapshot()
    assert page.problems.all() == []
