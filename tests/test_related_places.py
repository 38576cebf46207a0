"""Related careers on an occupation's page for a place (issue 20, point 1):
each related occupation's pay is the place's where BLS publishes it, set
against this occupation's pay there; else the nation's, said."""

from __future__ import annotations

from officialstats.models import Estimate
from tests.helpers import page_text

AUSTIN = "austin-round-rock-san-marcos-tx"


def related_section(client, place: str) -> str:
    text = page_text(client.get(f"/occupations/software-developers/in/{place}/"))
    start = text.index("Related careers O*NET")
    return text[start : text.index("Sources: O*NET", start)]


def test_a_places_related_careers_show_the_places_pay(client, oews_release, guidance):
    found = related_section(client, "california")
    assert "Pay is in California where BLS publishes it" in found
    # Data scientists in California against software developers in California.
    assert "Data Scientists as Business Intelligence Analysts $141,590 −$32,820 (−19%)" in found
    assert "national" not in found.split("Related careers: pay")[1]


def test_where_bls_publishes_none_there_the_nations_pay_is_shown_and_said(
    client, oews_release, guidance
):
    Estimate.objects.filter(occupation__code="15-2051", area__slug=AUSTIN).delete()
    found = related_section(client, AUSTIN)
    # The nation's data scientists against the nation's software developers ($135,980).
    national = "$120,230 national −$15,750 (−12%)"
    assert f"Data Scientists as Business Intelligence Analysts {national}" in found


def test_a_place_page_with_related_careers_takes_a_fixed_number_of_queries(
    client, oews_release, guidance, django_assert_max_num_queries
):
    with django_assert_max_num_queries(11):
        client.get(f"/occupations/software-developers/in/{AUSTIN}/")
