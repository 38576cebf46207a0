"""An occupation's page for each state and area: its figures, the differences
from the nation and the state, its ranks, nearby and similar places, pages
too thin to index, downloads, structured data, caching and query budgets.

``places_release`` (conftest) is the tests' small release of real May 2025
figures with Arkansas, San Jose and Texarkana, TX-AR added: four areas and
three states for software developers.
"""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from comparisons.models import Role
from core import state
from officialstats.models import Estimate
from officialstats.queries.occupations import estimate_figures
from officialstats.thin import is_thin
from tests.helpers import import_oews, is_cached, page_text, sitemap_paths
from tests.oews import write_next_release

SD = "/occupations/software-developers/"
AUSTIN = f"{SD}in/austin-round-rock-san-marcos-tx/"
TEXAS = f"{SD}in/texas/"
LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def structured(response) -> dict[str, dict]:
    return {item["@type"]: item for item in map(json.loads, LD.findall(response.content.decode()))}


def between(text: str, start: str, end: str) -> str:
    return text[text.index(start) : text.index(end, text.index(start))]


# Figures and differences ----------------------------------------------------------------------


def test_a_states_areas_sort_by_pay_or_jobs_highest_first_with_the_unpublished_last():
    from officialstats.figures import Datatype, figure
    from officialstats.queries.areas import PlaceRef
    from officialstats.queries.occupation_places import PeerRow, sort_peers

    def row(name: str, pay, pay_note, jobs) -> PeerRow:
        return PeerRow(
            place=PlaceRef(1, "M", name, name.lower(), "48", 1),
            url="",
            employment=figure(Datatype.EMPLOYMENT, jobs, None if jobs else 8),
            pay=figure(Datatype.ANNUAL_MEDIAN, pay, pay_note),
            location_quotient=figure(Datatype.LOCATION_QUOTIENT, None, 8),
        )

    rows = [row("Abilene", 90000, None, 300), row("Beaumont", None, 8, 2000),
            row("Corpus Christi", None, 5, 100), row("Dallas", 120000, None, None)]  # fmt: skip
    names = lambda found: [r.place.name for r in found]  # noqa: E731
    # A top-coded median counts as its bound ($239,200); not released comes last.
    assert names(sort_peers(rows, "median")) == ["Corpus Christi", "Dallas", "Abilene", "Beaumont"]
    assert names(sort_peers(rows, "employment")) == [
        "Beaumont", "Abilene", "Corpus Christi", "Dallas"
    ]  # fmt: skip
    assert sort_peers(rows, "") == rows and sort_peers(rows, "nonsense") == rows


def test_a_sorted_list_of_areas_is_its_own_noindex_page(client, places_release, monkeypatch):
    import officialstats.views.places

    monkeypatch.setattr(officialstats.views.places, "SORTABLE", 2)
    plain = client.get(TEXAS)
    assert 'href="?sort=median#nearby-heading"' in plain.content.decode()
    response = client.get(f"{TEXAS}?sort=employment")
    text = page_text(response)
    assert "Software Developers in Texas's areas, by employment" in text
    assert '<meta name="robots" content="noindex' in response.content.decode()
    assert is_cached(f"{TEXAS}?sort=employment")
    assert client.get(f"{TEXAS}?sort=nonsense").status_code == 200
    assert not is_cached(f"{TEXAS}?sort=nonsense")  # junk never fills the cache


def test_the_page_says_where_the_occupation_earns_most_and_offers_to_compare_from_here(
    client, places_release
):
    text = page_text(client.get(AUSTIN))
    # Pay first: the answer before the jobs and the jargon.
    assert text.index("Median pay $134,120 a year") < text.index("31,960 jobs here")
    # The jargon (jobs per 1,000, the location quotient) after pay's detail.
    assert text.index("$134,120 median pay") < text.index("How pay is spread")
    assert text.index("How pay is spread") < text.index("Location quotient 2.28")
    most = between(text, "Where software developers earn most", "Compare ")
    assert "Areas that pay most Area Median San Jose-Sunnyvale-Santa Clara, CA" in most
    body = client.get(AUSTIN).content.decode()
    # Compare places opens with Austin chosen beside the area that pays most.
    assert (
        f'href="{SD}places/?p=austin-round-rock-san-marcos-tx&amp;'
        'p=san-jose-sunnyvale-santa-clara-ca"'
    ) in body
    texas = client.get(TEXAS).content.decode()
    assert f'href="{SD}places/?p=california&amp;p=texas"' in texas
    assert "States that pay most" in page_text(client.get(TEXAS))


def test_the_austin_page_shows_blss_figures_and_the_differences_from_texas_and_the_nation(
    client, places_release
):
    response = client.get(AUSTIN)
    assert response.status_code == 200
    text = page_text(response)
    assert "Software Developers in the Austin-Round Rock-San Marcos, TX area" in text
    assert "Detailed occupation · SOC 15-1252 · Metropolitan area in Texas" in text
    # Median $134,120; nation $135,980 (-$1,860, -1.37%); Texas $132,150 (+$1,970, +1.49%).
    assert (
        "Median pay $134,120 a year: $1,860 (1%) less than nationally, and $1,970 (1%) "
        "more than in Texas. 31,960 jobs here in May 2025."
    ) in text
    assert "Jobs per 1,000 24.708" in text and "Location quotient 2.28" in text
    header = "Figure Here US Difference from the US Texas Difference from Texas"
    table = between(text, header, "Differences are")
    assert "10th percentile $96,110 $82,460 +$13,650 (+17%) $82,600 +$13,510 (+16%)" in table
    assert "Median $134,120 $135,980 −$1,860 (−1%) $132,150 +$1,970 (+1%)" in table
    assert "Mean $143,630 $148,100 −$4,470 (−3%) $136,450 +$7,180 (+5%)" in table
    # The nation has no jobs per 1,000: said, not left blank.
    assert "Jobs per 1,000 24.708 not applicable none: not applicable 11.646 +13.062 (+112%)" in (
        table
    )
    cites = re.findall(r'<p class="cite">Source: <a href="([^"]+)">([^<]+)</a>', response.text)
    assert set(cites) == {("/methodology/#official-heading", "BLS OEWS, May 2025")}
    assert len(cites) == 6  # figures, spread, compared, concentration and ranks, most, nearby


def test_ranks_nearby_and_similar_places(client, places_release):
    text = page_text(client.get(AUSTIN))
    # Areas' medians: San Jose $213,110, Austin $134,120, Hill Country $121,780, Texarkana
    # $116,490; jobs 87,350, 31,960, 400, 80; LQ 7.09, 2.28, 0.18, 0.12.
    assert "Median pay 2nd highest median pay of 4 areas" in text
    assert "Jobs 2nd most jobs of 4 areas" in text
    assert "Location quotient 2nd highest location quotient of 4 areas" in text
    nearby = between(text, "Elsewhere in Texas", "Areas with a similar median")
    assert (
        "Texas (the whole state) $132,150 163,880 1.07 "
        "Hill Country Region of Texas nonmetropolitan area $121,780 400 0.18 "
        "Texarkana, TX-AR $116,490 80 0.12"
    ) in nearby
    assert "San Jose" not in nearby
    similar = between(text, "Areas with a similar median", "See also")
    assert similar.index("San Jose") < similar.index("Hill Country") < similar.index("Texarkana")
    body = client.get(AUSTIN).content.decode()
    for place in ("texas", "san-jose-sunnyvale-santa-clara-ca", "texarkana-tx-ar"):
        assert f'href="{SD}in/{place}/"' in body, place
    texas = page_text(client.get(TEXAS))
    assert "Median pay 2nd highest median pay of 3 states and territories" in texas
    assert "Areas in Texas" in texas and "Texarkana, TX-AR $116,490" in texas
    assert "Austin-Round Rock-San Marcos, TX $134,120" in texas
    # No state columns for a state.
    assert "Figure Here US Difference from the US 10th percentile" in texas
    # Arkansas lists Texarkana, which BLS files under Texas, as one of its areas.
    arkansas = page_text(client.get(f"{SD}in/arkansas/"))
    assert "Areas in Arkansas" in arkansas and "Texarkana, TX-AR $116,490" in arkansas


def test_no_difference_from_a_top_coded_or_missing_figure_said_plainly(client, places_release):
    # Pediatric surgeons in Texas: every wage top-coded.
    surgeons = page_text(client.get("/occupations/pediatric-surgeons/in/texas/"))
    assert (
        "Median pay $239,200+ a year: no difference can be worked out: BLS publishes only that "
        "it is at least $239,200 here, which does not settle how it compares with $559,030 "
        "nationally."
    ) in surgeons
    assert "Median at least $239,200 $559,030 none: a bound only" in surgeons
    # Actors in Austin: wages not released, nationally published hourly.
    actors = page_text(client.get("/occupations/actors/in/austin-round-rock-san-marcos-tx/"))
    assert "no difference can be worked out: here it is not released" in actors
    assert "Median not released $29.05 none: not released" in actors
    assert "not ranked: none published here" in actors


def test_hourly_only_occupations_compare_hourly_wages(client, places_release):
    text = page_text(client.get("/occupations/actors/in/texas/"))
    # Texas $25.86 against the nation's $29.05: -$3.19 (-10.98%).
    assert "Median pay $25.86 an hour: $3.19 (11%) less than nationally." in text
    assert "Median $25.86 $29.05 −$3.19 (−11%)" in text


def test_an_area_whose_state_has_no_estimate_compares_with_the_nation_alone(client, db, tmp_path):
    from tests import oews_sample_data as sample
    from tests.oews import write_release

    series = {k: v for k, v in sample.SERIES.items() if k != "OEUS4800000000000151252"}
    import_oews(write_release(tmp_path / "no-texas", series=series))
    response = client.get(AUSTIN)
    assert response.status_code == 200
    text = page_text(response)
    assert "Median pay $134,120 a year: $1,860 (1%) less than nationally." in text
    assert "Compared with the nation" in text
    assert "Figure Here US Difference from the US 10th" in text
    assert TEXAS not in response.content.decode()  # no link to a page that does not exist
    crumbs = [i["name"] for i in structured(response)["BreadcrumbList"]["itemListElement"]]
    assert "Texas" not in crumbs
    assert client.get(TEXAS).status_code == 404
    assert "In Texas" not in page_text(client.get(f"{AUSTIN}?pay=120000&per=year"))


# Pages too thin to index ---------------------------------------------------------------------


def test_a_thin_page_works_says_why_and_is_noindex(client, places_release):
    response = client.get("/occupations/actors/in/austin-round-rock-san-marcos-tx/")
    assert response.status_code == 200
    assert '<meta name="robots" content="noindex">' in response.text
    text = page_text(response)
    assert (
        "BLS publishes too little here for this page to be much use: BLS publishes none of the "
        "five percentile wages; the employment estimate's relative standard error is 43.8%."
    ) in text
    texas = page_text(client.get("/occupations/actors/in/texas/"))
    assert "the mean wage's relative standard error is 29.1%" in texas
    indexable = client.get(AUSTIN)
    assert '<meta name="robots"' not in indexable.text and "too little" not in indexable.text


def place_pages(release) -> dict[str, bool]:
    """Every occupation x place page of the release: whether it is thin."""
    rows = (
        Estimate.objects.filter(release=release, industry__code="000000")
        .exclude(area__kind="national")
        .values("occupation__slug", "area__slug", *(f.name for f in Estimate._meta.fields))
    )
    return {
        f"/occupations/{row['occupation__slug']}/in/{row['area__slug']}/": is_thin(
            estimate_figures(row)
        )
        for row in rows
    }


def test_the_sitemaps_list_every_indexable_place_page_and_no_thin_one(client, places_release):
    pages = place_pages(places_release)
    assert sum(pages.values()) >= 8 and sum(not thin for thin in pages.values()) >= 60
    listed = set(sitemap_paths(client))
    for path, thin in pages.items():
        assert (path in listed) is not thin, path
        noindex = '<meta name="robots" content="noindex">' in client.get(path).text
        assert noindex is thin, path


@pytest.mark.parametrize("series", ["odd", "plain"])
def test_sql_and_python_agree_on_which_pages_are_thin(db, tmp_path, series):
    """``queries.sitemap.INDEXABLE`` is ``thin.is_thin`` in SQL, on every estimate."""
    from officialstats.queries.sitemap import indexable
    from tests import oews_sample_data as sample
    from tests.helpers import ODD
    from tests.oews import write_release

    odd = {**sample.PLACES_SERIES, **ODD} if series == "odd" else sample.PLACES_SERIES
    release = import_oews(write_release(tmp_path / series, areas=sample.PLACES_AREAS, series=odd))
    listed = {f"/occupations/{o}/in/{p}/" for o, p in indexable(release.id, 0, 10_000)}
    expected = {path for path, thin in place_pages(release).items() if not thin}
    assert listed == expected


# Addresses ------------------------------------------------------------------------------------


def test_unknown_places_are_404_and_the_nation_redirects(client, places_release):
    assert client.get(f"{SD}in/atlantis/").status_code == 404
    assert client.get("/occupations/nobody/in/texas/").status_code == 404
    # BLS publishes no estimate of pediatric surgeons for Austin.
    assert client.get("/occupations/pediatric-surgeons/in/austin-round-rock-san-marcos-tx/") \
        .status_code == 404  # fmt: skip
    nation = client.get(f"{SD}in/united-states/")
    assert nation.status_code == 301 and nation["Location"] == SD


# Downloads -----------------------------------------------------------------------------------


def test_json_and_csv_downloads_carry_every_figure_exactly(client, places_release):
    data = client.get(f"{SD}in/austin-round-rock-san-marcos-tx.json").json()
    assert data["title"] == "Software Developers in the Austin-Round Rock-San Marcos, TX area"
    assert data["page"] == f"http://testserver{AUSTIN}"
    assert data["source"]["release"] == "May 2025"
    rows = {(r["area"], r["figure"], r["unit"]): r for r in data["figures"]}
    assert rows[("Austin-Round Rock-San Marcos, TX", "median wage", "USD a year")]["value"] == (
        "134120.00"
    )
    assert rows[("Texas", "median wage", "USD a year")]["value"] == "132150.00"
    assert rows[("United States", "median wage", "USD a year")]["value"] == "135980.00"
    assert rows[("Texarkana, TX-AR", "location quotient", "ratio")]["value"] == "0.12"
    surgeons = client.get("/occupations/pediatric-surgeons/in/texas.csv")
    assert surgeons["Content-Type"] == "text/csv; charset=utf-8"
    median = next(
        row
        for row in csv.DictReader(io.StringIO(surgeons.content.decode()))
        if row["area"] == "Texas" and row["figure"] == "median wage" and row["unit"] == "USD a year"
    )
    assert (
        median["value"] == ""
        and median["at_least"] == "239200"
        and median["state"] == ("top-coded")
    )
    assert client.get(f"{SD}in/atlantis.json").json()["status"] == 404
    assert client.get(f"{SD}in/atlantis.csv").status_code == 404


# Search engines -------------------------------------------------------------------------------


def test_title_canonical_breadcrumbs_and_occupation_json_ld(client, places_release):
    response = client.get(AUSTIN)
    body = response.content.decode()
    assert (
        "<title>Software Developers in the Austin-Round Rock-San Marcos, TX area: median pay "
        "$134,120 a year · careerguide</title>"
    ) in body
    assert f'<link rel="canonical" href="http://testserver{AUSTIN}">' in body
    description = re.search(r'<meta name="description" content="([^"]+)"', body).group(1)
    assert "31,960 jobs" in description and "1% below the US median" in description
    items = structured(response)
    crumbs = [item["name"] for item in items["BreadcrumbList"]["itemListElement"]]
    assert crumbs == [
        "Home", "Occupations", "Software Developers", "Texas", "Austin-Round Rock-San Marcos, TX"
    ]  # fmt: skip
    occupation = items["Occupation"]
    assert occupation["occupationalCategory"] == "15-1252"
    assert occupation["occupationLocation"] == [
        {
            "@type": "AdministrativeArea",
            "name": "Austin-Round Rock-San Marcos, TX",
            "containedInPlace": {"@type": "State", "name": "Texas"},
        }
    ]
    salary = occupation["estimatedSalary"][0]
    assert salary["median"] == 134120 and salary["percentile10"] == 96110
    texas = structured(client.get(TEXAS))["Occupation"]
    assert texas["occupationLocation"] == [{"@type": "State", "name": "Texas"}]
    surgeons = structured(client.get("/occupations/pediatric-surgeons/in/texas/"))
    assert "estimatedSalary" not in surgeons["Occupation"]  # top-coded: no number to give


# Caching and budgets --------------------------------------------------------------------------


def test_an_editorial_save_keeps_place_pages_and_a_publish_refreshes_them(
    client, content, places_release, tmp_path, monkeypatch
):
    from officialstats.views import places as views

    renders = []
    real = views.load_occupation_place
    monkeypatch.setattr(views, "load_occupation_place", lambda *a: renders.append(a) or real(*a))
    assert "$1,860 (1%) less than nationally" in page_text(client.get(AUSTIN))
    role = Role.objects.get(slug="backend-developer")
    role.summary += " Edited."
    role.save()
    assert "$1,860 (1%) less" in page_text(client.get(AUSTIN))
    assert len(renders) == 1  # kept: an editor's save changes nothing it shows
    import_oews(write_next_release(tmp_path / "next"))
    state.forget()  # as every process does within a second
    fresh = page_text(client.get(AUSTIN))
    assert len(renders) == 2
    # The next release's national median is $142,000: $7,880 (6%) above Austin's.
    assert "$7,880 (6%) less than nationally" in fresh and "May 2026" in fresh


@pytest.mark.parametrize(
    "path",
    [AUSTIN, TEXAS, "/occupations/pediatric-surgeons/in/texas/", f"{AUSTIN}?pay=90000&per=year",
     f"{SD}in/austin-round-rock-san-marcos-tx.csv"],
)  # fmt: skip
def test_query_count_is_fixed_whatever_the_catalogue(
    client, db, tmp_path, django_assert_num_queries, monkeypatch, path
):
    """The live release, the occupation and place with their three estimates,
    the nearby places' estimates, and the places that pay and employ most: the
    same with 5 places or 8."""
    from tests import oews_sample_data as sample
    from tests.oews import write_release

    # An answer also asks the editorial tools (core.links) for the roles linked to the occupation.
    expected = 5 if "pay=" in path else 4
    small = import_oews(write_release(tmp_path / "small"))
    with django_assert_num_queries(expected):
        assert client.get(path).status_code == 200
    from officialstats.publishing import publish

    larger = write_release(
        tmp_path / "larger",
        release=("2026A01", "May 2026"),
        areas=sample.PLACES_AREAS,
        series=sample.PLACES_SERIES,
    )
    publish(import_oews(larger, publish=False))
    state.forget()
    assert small.pk
    with django_assert_num_queries(expected):
        assert client.get(path).status_code == 200
