"""From "Where does my pay fall?" to the salary calculator, with the reader's
place and pay carried over (issue 18, point 4; the calculator's link the
other way is in test_calculator_places and test_journeys).

Statistics pages know nothing of roles: the editorial app offers its tool
through ``core.links``, and the answer shows whatever it is offered.
"""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from comparisons.models import Role
from tests.helpers import is_cached, page_text

pytestmark = pytest.mark.django_db

SD = "/occupations/software-developers/"
AUSTIN = f"{SD}in/austin-round-rock-san-marcos-tx/"


def tool_links(response) -> list[tuple[str, str, dict[str, list[str]]]]:
    """Each calculator link of the answer: its text, path and query."""
    found = []
    for href, text in re.findall(
        r'<p class="tool-link"><a href="([^"]*)">([^<]*)</a>', response.content.decode()
    ):
        address = urlsplit(html.unescape(href))
        query = parse_qs(address.query, keep_blank_values=True)
        found.append((html.unescape(text), address.path, query))
    return found


def test_an_answer_in_austin_offers_the_calculator_there_with_the_pay(
    client, content, calculator_release
):
    ((text, path, query),) = tool_links(client.get(f"{AUSTIN}?pay=150k&per=year"))
    assert text == (
        "Estimate Backend Developer pay here with the salary calculator, and weigh $150,000 "
        "against it"
    )
    assert path == "/calculator/"
    assert query["role_a"] == ["backend-developer"] and query["role_b"] == ["ai-ml-engineer"]
    assert query["location"] == ["texas"]
    assert query["area"] == ["austin-round-rock-san-marcos-tx"]
    assert query["offer"] == ["150000"]


def test_the_link_is_the_calculator_s_own_address_for_that_result(
    client, content, calculator_release
):
    ((_, path, query),) = tool_links(client.get(f"{AUSTIN}?pay=150000&per=year"))
    response = client.get(path, {name: values[0] for name, values in query.items()})
    assert response.status_code == 200
    assert is_cached(response.request["PATH_INFO"] + "?" + response.request["QUERY_STRING"])
    text = page_text(response)
    assert "Austin-Round Rock-San Marcos, TX" in text
    assert "$150,000 a year is" in text


def test_nationally_the_link_asks_for_no_place(client, content, calculator_release):
    ((_, _, query),) = tool_links(client.get(f"{SD}?pay=150000&per=year"))
    assert query["location"] == [""]
    assert "area" not in query  # the form offers no area without a state


def test_no_link_where_no_role_is_linked_or_the_pay_is_hourly(client, content, calculator_release):
    assert tool_links(client.get(f"{SD}?pay=70&per=hour")) == []
    Role.objects.filter(occupation_code="15-1252").update(occupation_code="")
    assert tool_links(client.get(f"{AUSTIN}?pay=150000&per=year")) == []


def test_an_answer_with_editorial_links_is_not_kept_under_the_release_alone(
    client, content, calculator_release
):
    address = f"{AUSTIN}?pay=150000&per=year"
    client.get(address)
    assert not is_cached(address)
    Role.objects.filter(occupation_code="15-1252").update(is_published=False)
    assert tool_links(client.get(address)) == []


def test_an_answer_with_links_costs_a_bounded_number_of_queries(
    client, content, calculator_release, django_assert_max_num_queries
):
    client.get(f"{AUSTIN}?pay=120000&per=year")  # per-process memories filled
    with django_assert_max_num_queries(12):
        assert client.get(f"{AUSTIN}?pay=150000&per=year").status_code == 200


# The other way: the calculator places an offer itself, by the same function ------------------

CALCULATOR = (
    "/calculator/?role_a=backend-developer&role_b=ai-ml-engineer&level=mid-career"
    "&location=texas&area=austin-round-rock-san-marcos-tx&industry=&education=&company_size="
)


def test_the_calculator_places_an_offer_where_the_pay_answer_does(
    client, content, calculator_release
):
    from tests.helpers import result_of

    calculator = result_of(client.get(f"{CALCULATOR}&offer=150000"), "Backend Developer")
    found = re.search(
        r"Among Software Developers in the Austin-Round Rock-San Marcos, TX area, it is (.*?)\.",
        calculator,
    )
    assert found, calculator
    answer = page_text(client.get(f"{AUSTIN}?pay=150000&per=year"))
    assert f"In the Austin-Round Rock-San Marcos, TX area, it is {found.group(1)}." in answer


def test_without_a_place_the_offer_is_placed_nationally_and_without_an_offer_not_at_all(
    client, content, calculator_release
):
    from tests.helpers import result_of

    national = CALCULATOR.replace(
        "&location=texas&area=austin-round-rock-san-marcos-tx", "&location="
    )
    text = result_of(client.get(f"{national}&offer=150000"), "Backend Developer")
    assert "Among Software Developers nationally, it is at about the " in text
    assert "Among " not in result_of(client.get(f"{CALCULATOR}&offer="), "Backend Developer")
