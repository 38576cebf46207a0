"""The salary calculator page, the article's embedded copy, and the htmx fragment."""

from __future__ import annotations

import re
from decimal import Decimal as D
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from comparisons.models import PayFactor, Role, Source
from core.state import forget as forget_state
from tests.helpers import ARTICLE_URL, HTMX, page_text, result_of

pytestmark = pytest.mark.django_db

CALC = "/calculator/"
# content version, options (5), the occupations' medians in the live release
# (read whether or not one is live), band and share (2)
FRAGMENT_QUERY_BUDGET = 9

SENIOR_AI = {
    "role_a": "ai-ml-engineer",
    "role_b": "backend-developer",
    "level": "senior",
    "location": "bay-area",
    "industry": "finance",
    "education": "masters-degree",
    "company_size": "large-tech-firm",
}
MID_BACKEND = {
    "role_a": "backend-developer",
    "role_b": "ai-ml-engineer",
    "level": "mid-career",
    "company_size": "startup",
    "education": "masters-degree",
}


def test_no_parameters_shows_defaults_and_their_result(client, content):
    response = client.get(CALC)
    assert response.status_code == 200
    body = response.content.decode()
    assert '<option value="backend-developer" selected>' in body
    assert '<option value="entry-level" selected>' in body
    text = result_of(response, "Backend Developer")
    assert "Base salary about $85,000 typically $75,000–$95,000" in text
    assert "Total compensation about $97,000 typically $86,000–$109,000" in text
    assert "$85,000 ÷ 0.875 = $97,142.86" in text  # exact, in the breakdown


def test_senior_ai_ml_vector(client, content):
    response = client.get(CALC, SENIOR_AI)
    assert response.status_code == 200
    text = result_of(response, "AI/ML Engineer")
    assert "Base salary about $385,000+ typically $312,000–$458,000+" in text
    assert "Total compensation about $481,000+ typically $390,000–$573,000+" in text
    assert "$327,600 × 1.175 = $384,930" in text
    assert "$384,930 × 170,000 ÷ 210,000 = $311,610" in text
    assert "$384,930 ÷ 0.8 = $481,162.50" in text
    assert "the estimate and the top of its range are lower bounds" in text
    assert "Large tech firm: the source gives no figure for this, so it changes no number" in text


def test_mid_backend_vector_notes_the_masters_premium_does_not_apply(client, content):
    text = result_of(client.get(CALC, MID_BACKEND), "Backend Developer")
    assert "Base salary about $96,000 typically $81,000–$111,000" in text
    assert "$112,500 × 0.85 = $95,625" in text
    assert (
        "Master's degree or relevant research does not apply to Backend Developer, "
        "so it leaves this estimate unchanged." in text
    )


def test_breakdown_names_band_factors_equity_and_sources(client, content):
    text = result_of(client.get(CALC, SENIOR_AI), "AI/ML Engineer")
    for part in (
        "Senior band for AI/ML Engineer: $170,000–$250,000+. The estimate starts at its "
        "middle: ($170,000 + $250,000) ÷ 2 = $210,000.",
        "Bay Area: the source gives +20% to +40%; the estimate uses the middle, +30%: "
        "$210,000 × 1.3 = $273,000.",
        "Equity and bonus at 10%–30% of total pay; the estimate uses the middle, 20%: "
        "total = base ÷ (1 − 20%) = base ÷ 0.8",
        "Source: jobcopy.ai, “Backend Developer vs AI/ML Engineer salary comparison”, as of 2025",
    ):
        assert part in text


def test_difference_between_the_roles(client, content):
    text = page_text(client.get(CALC, MID_BACKEND))
    # Base pay's gap, and total pay's beside it with why they differ.
    assert (
        "At the central estimates, AI/ML Engineer comes out ahead of Backend Developer by "
        "$54,188 (57%) a year in base pay and $77,980 (71%) in total pay: equity and bonus make "
        "up a larger share of AI/ML Engineer's pay." in text
    )
    text = page_text(client.get(CALC, SENIOR_AI))
    assert "by at least $143,130 (at least 59%) a year in base pay and at least $204,820" in text


def test_article_embeds_the_calculator_prefilled_with_its_roles(client, content):
    response = client.get(ARTICLE_URL)
    body = response.content.decode()
    assert 'id="calculator"' in body
    assert f'action="{ARTICLE_URL}#calculator"' in body and f'data-hx-get="{ARTICLE_URL}"' in body
    assert re.search(
        r'name="role_a"[^>]*>.*?<option value="backend-developer" selected>', body, re.S
    )
    assert re.search(r'name="role_b"[^>]*>.*?<option value="ai-ml-engineer" selected>', body, re.S)
    assert "Total compensation about $97,000" in result_of(response, "Backend Developer")


def test_article_calculator_takes_parameters_and_returns_the_fragment(client, content):
    full = client.get(ARTICLE_URL, MID_BACKEND)
    fragment = client.get(ARTICLE_URL, MID_BACKEND, **HTMX)
    assert full.status_code == fragment.status_code == 200
    assert "<html" not in fragment.content.decode()
    assert result_of(full, "Backend Developer") == result_of(fragment, "Backend Developer")


def test_fragment_is_only_the_result_with_field_errors_out_of_band(client, content):
    response = client.get(CALC, SENIOR_AI, **HTMX)
    body = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in body and "<form" not in body
    assert 'id="id_level-error" class="field-error" data-hx-swap-oob="true"' in body
    assert "HX-Request" in response["Vary"]


def test_full_page_and_history_restore_render_the_whole_page(client, content):
    for extra in ({}, {**HTMX, "HTTP_HX_HISTORY_RESTORE_REQUEST": "true"}):
        response = client.get(CALC, SENIOR_AI, **extra)
        body = response.content.decode()
        assert "<html" in body and "<form" in body
        assert "HX-History-Restore-Request" in response["Vary"]


def test_the_form_is_a_plain_get_form_with_htmx_beside_it(client, content):
    body = client.get(CALC).content.decode()
    form = re.search(r"<form [^>]*>", body).group(0)
    assert 'method="get"' in form and 'action="/calculator/#calculator"' in form
    assert 'data-hx-get="/calculator/"' in form and 'data-hx-push-url="true"' in form
    assert 'data-hx-target="#calc-result"' in form
    assert '<div id="calc-result" class="calc-result" aria-live="polite">' in body
    for name in ("role_a", "role_b", "level", "location", "industry", "education", "company_size"):
        assert f'<label for="id_{name}">' in body
        assert re.search(rf'<select name="{name}"[^>]*aria-describedby="id_{name}-error"', body)
    assert 'src="/static/django_htmx/htmx-2.min.js"' in body


def test_share_link_carries_every_input_and_reproduces_the_result(client, content):
    """Every field the form sends, as it sends it: not the second steps it does
    not offer (no state chosen, no sector), so a request from the form is this
    very address, the one the page cache keeps."""
    first = client.get(CALC, MID_BACKEND)
    link = re.search(r'<a href="([^"]+)#calculator">Link to this result', first.content.decode())
    url = link.group(1).replace("&amp;", "&")
    assert url == CALC + "?" + urlencode(
        {
            "role_a": "backend-developer",
            "role_b": "ai-ml-engineer",
            "level": "mid-career",
            "location": "",
            "industry": "",
            "education": "masters-degree",
            "company_size": "startup",
            "offer": "",
        }
    )
    again = client.get(url)
    assert result_of(again, "Backend Developer") == result_of(first, "Backend Developer")


def test_options_come_from_the_database(client, content):
    source = Source.objects.get()
    factor = PayFactor.objects.create(
        slug="seattle",
        kind="location",
        name="Seattle",
        low_percent=D(5),
        high_percent=D(15),
        source=source,
    )
    factor.applies_to.set(Role.objects.all())
    body = client.get(CALC).content.decode()
    assert '<option value="seattle">Seattle</option>' in body
    text = result_of(client.get(CALC, {"location": "seattle"}), "Backend Developer")
    assert "Seattle: the source gives +5% to +15%; the estimate uses the middle, +10%" in text


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ({"role_a": "astronaut"}, "role_a", "Choose a role from the list."),
        ({"level": "42"}, "level", "Choose an experience level from the list."),
        ({"location": "atlantis"}, "location", "Choose a location option from the list."),
        ({"role_b": "backend-developer"}, "role_b", "Choose a role different from the first one."),
        ({"industry": "x" * 5000}, "industry", "That value is far too long to be a valid choice."),
        ("level=senior&level=entry-level", "level", "This was given more than once; choose one."),
    ],
)
def test_bad_input_gets_a_clear_message_next_to_the_input(client, content, query, field, message):
    qs = query if isinstance(query, str) else urlencode(query)
    page = client.get(CALC, QUERY_STRING=qs)
    assert page.status_code == 400
    body = page.content.decode()
    assert f'<span id="id_{field}-error" class="field-error">{message}</span>' in body.replace(
        "&#x27;", "'"
    )
    assert re.search(rf'<select name="{field}"[^>]*aria-invalid="true"', body)
    assert "x" * 200 not in body
    fragment = client.get(CALC, QUERY_STRING=qs, **HTMX)
    assert fragment.status_code == 200  # htmx swaps only 2xx responses
    fragment_body = fragment.content.decode()
    assert "Some choices need another look" in fragment_body
    if field in ("location", "industry"):
        # Place fields are swapped whole (their options follow the roles).
        assert re.search(
            rf'<div id="field-{field}" class="field has-error" data-hx-swap-oob="true">.*?'
            rf'id="id_{field}-error" class="field-error">{re.escape(message)}',
            fragment_body.replace("&#x27;", "'"),
            re.S,
        )
    else:
        oob_error = f'id="id_{field}-error" class="field-error" data-hx-swap-oob="true">{message}'
        assert oob_error in fragment_body


def test_missing_parameter_takes_its_default(client, content):
    response = client.get(CALC, {"level": "senior"})
    assert response.status_code == 200
    assert "Senior band for Backend Developer" in result_of(response, "Backend Developer")


def test_role_without_a_band_at_the_level_says_so(client, data_analyst):
    response = client.get(CALC, {"role_b": "data-analyst"})
    assert response.status_code == 200
    assert "No salary band is published for Data Analyst at this level yet" in page_text(response)


@pytest.mark.parametrize("url", [CALC, ARTICLE_URL])
def test_fragment_query_budget_does_not_grow_with_factors(client, content, url):
    # The article is kept under the live release too: one query more.
    budget = FRAGMENT_QUERY_BUDGET + (url == ARTICLE_URL)
    forget_state()  # read the live release in both requests
    with CaptureQueriesContext(connection) as before:
        client.get(url, SENIOR_AI, **HTMX)
    source = Source.objects.get()
    roles = list(Role.objects.all())
    for i in range(25):
        factor = PayFactor.objects.create(
            slug=f"city-{i}",
            kind="location",
            name=f"City {i}",
            low_percent=D(1),
            high_percent=D(2),
            source=source,
        )
        factor.applies_to.set(roles)
    forget_state()
    with CaptureQueriesContext(connection) as after:
        response = client.get(url, {**SENIOR_AI, "location": "city-7"}, **HTMX)
    assert "City 7" in response.content.decode()
    assert len(after) == len(before) <= budget


def test_calculator_page_query_budget(client, content, django_assert_max_num_queries):
    with django_assert_max_num_queries(FRAGMENT_QUERY_BUDGET + 1):  # and the sources list
        assert client.get(CALC, SENIOR_AI).status_code == 200


def test_each_result_cites_its_sources(client, content):
    text = result_of(client.get(CALC, SENIOR_AI), "AI/ML Engineer")
    assert "Source: jobcopy.ai, as of 2025" in text


def test_without_an_equity_share_total_pay_is_not_claimed(client, content):
    from comparisons.models import EquityShare

    EquityShare.objects.filter(role__slug="backend-developer").delete()
    response = client.get(CALC, MID_BACKEND)
    text = result_of(response, "Backend Developer")
    assert "Total compensation not available without an equity and bonus share" in text
    assert "Comparing the central base-pay estimates" in page_text(response)


def test_history_restore_gets_the_whole_page_without_out_of_band_spans(client, content):
    response = client.get(
        CALC, {"level": "nope"}, HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true"
    )
    body = response.content.decode()
    assert response.status_code == 200  # htmx only restores from a 2xx
    assert "<html" in body and "hx-swap-oob" not in body
    assert body.count('id="id_level-error"') == 1
