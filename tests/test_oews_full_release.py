"""Smoke test: the whole BLS OEWS May 2025 release, as `make run` imports it.

Slow (about a minute) and needs the release's files (`make data`), so it
runs only when OEWS_FULL_RELEASE is set, as one step of .ci/run does;
then missing files fail it rather than skip it.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db.models import Count

from officialstats import live
from officialstats.models import Area, Estimate, Occupation, Release
from tests.helpers import map_labels, page_text, result_of, sitemap_files

pytestmark = [pytest.mark.full_release, pytest.mark.django_db]


def national(code: str) -> Estimate:
    return Estimate.objects.get(
        release__status="live",
        occupation__code=code,
        area__code="0000000",
        industry__code="000000",
    )


def test_the_whole_may_2025_release(client, content):
    from officialstats.importing import bundled
    from officialstats.imports import bundled_folder

    if not bundled.is_prepared(bundled_folder()):
        pytest.fail(f"No release files in {bundled_folder()}: run `make data` first.")
    call_command("import_oews", "--bundled", "--publish", verbosity=0)

    release = Release.objects.get()
    assert (release.code, release.name, release.status) == ("2025A01", "May 2025", "live")
    assert (release.published_on.isoformat(), release.retrieved_on.isoformat()) == (
        "2026-05-15",
        "2026-09-26",
    )
    assert (release.occupation_count, release.area_count, release.industry_count) == (
        1104,
        583,
        444,
    )
    assert (release.estimate_count, release.value_count) == (370_172, 6_023_970)
    levels = dict(Occupation.objects.values_list("level").annotate(n=Count("id")).order_by("level"))
    # As BLS lists them: 22 major groups, 88 minor, 163 broad, 830 detailed.
    assert levels == {
        Occupation.Level.TOTAL: 1,
        Occupation.Level.MAJOR: 22,
        Occupation.Level.MINOR: 88,
        Occupation.Level.BROAD: 163,
        Occupation.Level.DETAILED: 830,
    }
    buyers = Occupation.objects.get(code="13-1020")
    assert (buyers.level, buyers.parent.code) == (Occupation.Level.DETAILED, "13-1000")
    assert release.archive_sha256 == bundled.WHEEL_SHA256
    files = {f.name: f for f in release.files.all()}
    assert {name for name, f in files.items() if f.identical} == set(bundled.IDENTICAL)
    assert files["oe.data.0.Current"].sha256 == (
        "09879508d69f51149842368c8953f13974338728329375481d485ee696d3370b"
    )
    assert live.live_release().code == "2025A01"

    developers = national("15-1252")
    assert developers.employment == 1_687_890
    assert (developers.annual_mean, developers.annual_median) == (
        Decimal("148100"),
        Decimal("135980"),
    )
    assert (developers.annual_p10, developers.annual_p90) == (Decimal("82460"), Decimal("214670"))
    scientists = national("15-2051")
    assert (scientists.employment, scientists.annual_mean, scientists.annual_median) == (
        262_440,
        Decimal("126800"),
        Decimal("120230"),
    )
    assert (scientists.annual_p10, scientists.annual_p90) == (Decimal("67240"), Decimal("199130"))
    everyone = national("00-0000")
    assert (everyone.employment, everyone.annual_mean, everyone.annual_median) == (
        155_495_730,
        Decimal("69770"),
        Decimal("50980"),
    )
    assert (everyone.annual_p10, everyone.annual_p90) == (Decimal("31200"), Decimal("128560"))
    # Anesthesiologists' national 90th percentile, far above the top code.
    assert national("29-1211").annual_p90 == Decimal("557130")
    kinds = dict(Area.objects.filter(release=release).values_list("kind").annotate(n=Count("id")))
    assert kinds == {"national": 1, "state": 54, "metro": 393, "nonmetro": 135}
    assert Area.objects.get(release=release, code="0012420").slug == (
        "austin-round-rock-san-marcos-tx"
    )

    # Issue 13's pages on the whole release: Austin's software developers
    # against Texas and the nation, California's occupations, the sitemap.
    austin = page_text(
        client.get("/occupations/software-developers/in/austin-round-rock-san-marcos-tx/")
    )
    assert (
        "Median pay $134,120 a year: $1,860 (1%) less than nationally, and $1,970 (1%) "
        "more than in Texas. 31,960 jobs here in May 2025."
    ) in austin
    california = page_text(client.get("/places/california/"))
    assert "18,213,700 jobs across all occupations" in california
    assert "807 detailed occupations with estimates here" in california
    assert "Accountants and Auditors 13-2011 $97,050 +16% 175,360 1.03" in california
    files = sitemap_files(client)
    assert files[-5:] == [
        "/sitemap-occupation-places.xml",
        *(f"/sitemap-occupation-places.xml?p={n}" for n in range(2, 6)),
    ]

    # Both maps on the software developers' page, every state named.
    body = client.get("/occupations/software-developers/").content.decode()
    pay, quotient = map_labels(body, "pay"), map_labels(body, "lq")
    assert len(pay) == len(quotient) == 51
    assert pay["California"] == "$174,410"

    # The calculator: a senior Backend Developer in San Jose, from BLS's figures.
    calculator = client.get(
        "/calculator/",
        {
            "role_a": "backend-developer",
            "role_b": "ai-ml-engineer",
            "level": "senior",
            "location": "california",
            "area": "san-jose-sunnyvale-santa-clara-ca",
        },
    )
    assert calculator.status_code == 200
    backend = result_of(calculator, "Backend Developer")
    assert (
        "software developers earn a median of $213,110 a year here, against $135,980 a year "
        "nationally; the estimate scales by the two: $155,000 × 213,110 ÷ 135,980 = "
        "$242,918.44 (+57%)."
    ) in backend
    assert "Source: BLS OEWS, May 2025: Software Developers in San Jose-Sunnyvale" in backend


def test_finding_and_comparing_careers_with_every_dataset(client, content, settings):
    """Issue 20's "done when", on the whole release and every guidance dataset."""
    from officialstats.importing import bundled
    from officialstats.imports import bundled_folder

    if not bundled.is_prepared(bundled_folder()):
        pytest.fail(f"No release files in {bundled_folder()}: run `make data` first.")
    folder = settings.GUIDANCE_DATA_DIR
    if folder is None or not (folder / "SHA256SUMS").is_file():
        pytest.fail("CAREERGUIDE_DATA_DIR names no folder of the publishers' files")
    call_command("import_oews", "--bundled", "--publish", verbosity=0)
    call_command("import_guidance", "all", "--publish", "--no-download", verbosity=0)

    def found(query: str) -> list[str]:
        body = client.get("/occupations/", {"q": query}).content.decode()
        table = body[
            body.index('id="match-table"') : body.index("</table>", body.index('id="match-table"'))
        ]
        return re.findall(r'<th scope="row"><a href="/occupations/[^"]+/">([^<]+)</a>', table)

    assert found("software engineer")[0] == "Software Developers"
    assert found("RN")[0] == "Registered Nurses"
    assert "Data Scientists" in found("machine learning engineer")[:3]
    backend = client.get("/occupations/", {"q": "backend developer"})
    assert found("backend developer")[0] == "Web Developers"
    assert "Also called Back End Developer" in page_text(backend)
    assert 'href="/roles/backend-developer/"' in backend.content.decode()
    software = page_text(client.get("/occupations/", {"q": "software engineer"}))
    assert "Software Developers 15-1252 Also called Software Engineer" in software
    nyc = page_text(client.get("/places/", {"q": "NYC"}))
    assert "“NYC” is what people call New York-Newark-Jersey City, NY-NJ" in nyc

    scientists = page_text(client.get("/occupations/data-scientists/"))
    related = scientists[scientists.index("Related careers: pay, growth") :]
    statisticians = related[related.index("Statisticians") :][:80]
    assert "$" in statisticians and "+8.5%" in statisticians

    article = page_text(client.get("/compare/backend-developer-vs-ai-ml-engineer/"))
    assert "(+33.5% against +15.8%)" in article
    assert "fastest-growing" in client.get("/sitemap-lists.xml").content.decode()

    # Issue 21: BEA's price levels beside pay.
    california = page_text(client.get("/places/california/"))
    assert "BEA's price level for all items is 112.581 (the nation = 100)" in california
    assert "Regional Price Parities, 2023" in california
    san_jose = page_text(
        client.get("/occupations/software-developers/in/san-jose-sunnyvale-santa-clara-ca/")
    )
    assert "$213,110, is worth $188,810 at national prices." in san_jose
    assert "Worked out: $213,110 ÷ 112.87 × 100 = $188,810.14" in san_jose
    nonmetro = page_text(client.get("/places/hill-country-region-of-texas-nonmetropolitan-area/"))
    assert "BEA publishes no price level for Hill Country Region of Texas" in nonmetro
