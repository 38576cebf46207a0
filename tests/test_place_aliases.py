"""Place aliases (issue 20, point 2): the names people use for places ("Bay
Area", "NYC", "DFW"), kept with the statistics and edited in the admin, each
naming BLS areas; the place search finds areas by them, and the calculator's
"Bay Area" factor names the same areas."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from core import state
from officialstats.models import PlaceAlias
from tests.helpers import page_text, result_of
from tests.test_calculator_places import CALC, SENIOR_SAN_JOSE

PLACES = "/places/"


def test_a_search_by_an_alias_finds_its_areas_and_says_so(client, oews_release):
    PlaceAlias.objects.create(name="ATX", slug="atx", area_codes="0012420", note="as locals say")
    text = page_text(client.get(PLACES, {"q": "atx"}))
    assert "“ATX” is what people call Austin-Round Rock-San Marcos, TX: as locals say." in text
    assert "Austin-Round Rock-San Marcos, TX" in text.split("as locals say.")[1]
    # Written together or apart, any case.
    PlaceAlias.objects.create(name="Hill Country", slug="hill-country", area_codes="4800004")
    for query in ("hillcountry", "HILL COUNTRY", "hill"):
        assert "“Hill Country” is what people call" in page_text(client.get(PLACES, {"q": query}))


def test_an_alias_names_areas_of_the_live_release_by_code(oews_release):
    from officialstats.admin.aliases import PlaceAliasForm

    asked = {"name": "Nowhere", "slug": "nowhere", "area_codes": "0099999", "note": ""}
    form = PlaceAliasForm(asked)
    assert not form.is_valid()
    assert form.errors["area_codes"] == ["0099999: not an area of the live OEWS release."]
    assert PlaceAliasForm({**asked, "area_codes": "0012420 0600000"}).is_valid()
    alias = PlaceAlias(name="Nowhere", slug="nowhere", area_codes="41940")
    with pytest.raises(ValidationError, match="a BLS area code has seven digits"):
        alias.full_clean()
    alias.area_codes = "0012420 0012420"
    with pytest.raises(ValidationError, match="named twice"):
        alias.full_clean()
    alias.area_codes = "0012420 0600000"
    alias.full_clean()


def test_the_shipped_aliases_include_the_names_readers_asked_for(content):
    codes = dict(PlaceAlias.objects.values_list("name", "area_codes"))
    assert codes["Bay Area"] == "0041860 0041940"  # San Francisco and San Jose
    assert codes["NYC"] == "0035620"  # New York-Newark-Jersey City, NY-NJ
    assert codes["DFW"] == "0019100"  # Dallas-Fort Worth-Arlington, TX


def test_the_calculators_bay_area_names_the_aliases_areas(client, content, calculator_release):
    def beside():
        text = result_of(
            client.get(CALC, {**SENIOR_SAN_JOSE, "location": "bay-area", "area": ""}),
            "Backend Developer",
        )
        return text[: text.index("How we got this")]

    assert "it describes San Jose-Sunnyvale-Santa Clara, CA, for which BLS" in beside()
    # An editor narrows the alias to San Francisco: the calculator follows at once.
    alias = PlaceAlias.objects.get(slug="bay-area")
    alias.area_codes = "0041860"
    alias.save()
    assert "San Jose-Sunnyvale-Santa Clara" not in beside()


def test_editing_an_alias_is_recorded_and_announced(content):
    before = state.read_state().parts[state.CONTENT].version
    alias = PlaceAlias.objects.get(slug="dfw")
    alias.note = "Dallas and Fort Worth"
    alias.save()
    assert state.read_state().parts[state.CONTENT].version > before
    assert alias.history.count() == 2  # the fixture's version, and the edit
