"""Any two roles: the pair chooser and pair addresses, never hidden by a draft."""

from __future__ import annotations

import datetime

import pytest

from comparisons.models import Comparison, Role
from tests.helpers import page_text

pytestmark = pytest.mark.django_db

CANONICAL = "backend-developer-vs-frontend-developer"
REVERSED = "frontend-developer-vs-backend-developer"
DRAFT_PROSE = "Draft prose nobody may read yet."


@pytest.fixture
def frontend(content) -> Role:
    return Role.objects.create(
        name="Frontend Developer",
        slug="frontend-developer",
        summary="Builds what users see.",
        description="Frontend developers build the parts of a product people use in a browser.",
        is_published=True,
        published_on="2026-01-01",
    )


def make_draft(slug: str, frontend: Role) -> Comparison:
    return Comparison.objects.create(
        slug=slug,
        title="Frontend Developer vs Backend Developer",
        role_a=frontend,
        role_b=Role.objects.get(slug="backend-developer"),
        summary="A draft summary.",
        introduction=DRAFT_PROSE,
    )


def choose(client, a: str, b: str):
    return client.get("/compare/pair/", {"a": a, "b": b})


ORDERS = [("frontend-developer", "backend-developer"), ("backend-developer", "frontend-developer")]


@pytest.mark.parametrize("draft_slug", [REVERSED, CANONICAL, "frontend-and-backend"])
@pytest.mark.parametrize(("a", "b"), ORDERS)
def test_a_draft_never_hides_the_pair_from_the_chooser(client, frontend, draft_slug, a, b):
    make_draft(draft_slug, frontend)
    response = choose(client, a, b)
    assert (response.status_code, response["Location"]) == (302, f"/compare/{CANONICAL}/")
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "No editor has written about this pair yet" in page_text(page)
    assert DRAFT_PROSE not in page.content.decode()


@pytest.mark.parametrize("draft_slug", [REVERSED, CANONICAL])
@pytest.mark.parametrize("suffix", ["/", ".json", ".csv"])
def test_a_draft_never_hides_the_pair_at_its_addresses(client, frontend, draft_slug, suffix):
    make_draft(draft_slug, frontend)
    reversed_ = client.get(f"/compare/{REVERSED}{suffix}")
    assert (reversed_.status_code, reversed_["Location"]) == (301, f"/compare/{CANONICAL}{suffix}")
    canonical = client.get(f"/compare/{CANONICAL}{suffix}")
    assert canonical.status_code == 200
    assert DRAFT_PROSE not in canonical.content.decode()
    assert "Draft" not in canonical.content.decode()


def test_a_draft_at_an_address_that_names_no_pair_is_a_404(client, frontend):
    make_draft("frontend-and-backend", frontend)
    for url in ("/compare/frontend-and-backend/", "/compare/frontend-and-backend.json"):
        assert client.get(url).status_code == 404


@pytest.mark.parametrize("slug", [REVERSED, CANONICAL])
def test_once_published_every_way_to_the_pair_leads_to_the_article(client, frontend, slug):
    draft = make_draft(slug, frontend)
    draft.is_published = True
    draft.published_on = datetime.date(2026, 1, 5)
    draft.save()
    other = CANONICAL if slug == REVERSED else REVERSED
    for a, b in ORDERS:
        assert choose(client, a, b)["Location"] == f"/compare/{slug}/"
    for suffix in ("/", ".json", ".csv"):
        response = client.get(f"/compare/{other}{suffix}")
        assert (response.status_code, response["Location"]) == (301, f"/compare/{slug}{suffix}")
    assert DRAFT_PROSE in client.get(f"/compare/{slug}/").content.decode()


@pytest.mark.parametrize(
    ("a", "b"),
    [("backend-developer", "backend-developer"), ("backend-developer", "astronaut"), ("", "")],
)
def test_the_chooser_sends_an_invalid_pair_back_to_the_form(client, content, a, b):
    assert choose(client, a, b)["Location"] == "/compare/?pair=invalid#choose"


def test_with_two_roles_the_index_promises_no_more_than_their_pair(client, content):
    body = client.get("/compare/").content.decode()
    assert 'id="pair-a"' not in body  # a chooser of one possible pair would promise more
    text = page_text(client.get("/compare/"))
    assert (
        "Two roles are profiled so far: AI/ML Engineer and Backend Developer side by side" in text
    )
    assert "compare two of the occupations BLS surveys" in text
    assert "Compare any two roles" not in page_text(client.get("/"))


def test_with_a_third_role_the_index_offers_the_chooser(client, frontend):
    body = client.get("/compare/").content.decode()
    assert 'id="pair-a"' in body and "Compare any two roles" in page_text(client.get("/compare/"))
