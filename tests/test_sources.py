"""Sources: linked where they have a public address, said plainly where they have none,
and editors warned about a source readers cannot open."""

from __future__ import annotations

import re

import pytest

from comparisons.models import Role, Source
from tests.helpers import ARTICLE_URL, page_text

pytestmark = pytest.mark.django_db

NO_ADDRESS = "(no public web address on record, so not linked)"
ADDRESS = "https://publisher.example/backend-vs-ai-ml"  # test data, not the seed's
PAGES = [ARTICLE_URL, "/roles/backend-developer/", "/calculator/", "/methodology/"]
ADMIN = "/admin/comparisons"


def test_the_home_page_promises_only_what_is_true(client, content):
    text = page_text(client.get("/"))
    assert "Every figure links to where it was published" not in text
    assert (
        "Every figure names the publication it comes from and the date it describes, with a "
        "link wherever that publication has a public web address." in text
    )


def test_the_seed_source_has_no_invented_address(content):
    assert Source.objects.get().url == ""


@pytest.mark.parametrize("url", PAGES)
def test_a_source_without_an_address_is_named_in_full_and_says_so(client, content, url):
    body = client.get(url).content.decode()
    assert (
        "jobcopy.ai: “Backend Developer vs AI/ML Engineer salary comparison” "
        f"{NO_ADDRESS}. Figures as of 2025." in page_text(client.get(url))
    )
    assert 'href=""' not in body and 'rel="noopener"' not in body


@pytest.mark.parametrize("url", PAGES)
def test_a_source_with_an_address_is_linked(client, content, url):
    Source.objects.update(url=ADDRESS)
    body = client.get(url).content.decode()
    assert re.search(
        rf'<a href="{re.escape(ADDRESS)}" rel="noopener">Backend Developer vs AI/ML Engineer '
        r"salary comparison</a>\.",
        body,
    )
    assert NO_ADDRESS not in page_text(client.get(url))


def test_open_data_and_json_ld_carry_the_address_when_there_is_one(client, content):
    Source.objects.update(url=ADDRESS)
    figures = client.get("/roles/backend-developer.json").json()["figures"]
    assert {row["source_url"] for row in figures} == {ADDRESS}
    body = client.get(ARTICLE_URL).content.decode()
    assert f'"url": "{ADDRESS}"' in body


WARNING = (
    "jobcopy.ai, “Backend Developer vs AI/ML Engineer salary comparison” has no web address, "
    "so readers cannot check the figures it backs."
)


def test_editors_are_warned_on_the_sources_page(editor_client, content):
    source = Source.objects.get()
    assert WARNING in page_text(editor_client.get(f"{ADMIN}/source/{source.pk}/change/"))
    assert "jobcopy.ai" in page_text(editor_client.get(f"{ADMIN}/source/?flagged=yes"))
    Source.objects.update(url=ADDRESS)
    assert WARNING not in page_text(editor_client.get(f"{ADMIN}/source/{source.pk}/change/"))
    assert "jobcopy.ai" in page_text(editor_client.get(f"{ADMIN}/source/?flagged=no"))


@pytest.mark.parametrize("role", ["backend-developer", "ai-ml-engineer"])
def test_editors_are_warned_on_the_pages_of_roles_that_cite_it(editor_client, content, role):
    pk = Role.objects.get(slug=role).pk
    assert WARNING in page_text(editor_client.get(f"{ADMIN}/role/{pk}/change/"))
    Source.objects.update(url=ADDRESS)
    assert WARNING not in page_text(editor_client.get(f"{ADMIN}/role/{pk}/change/"))


def test_a_source_cited_only_by_a_shared_pay_factor_warns_on_the_role(editor_client, content):
    import datetime

    from comparisons.models import PayFactor

    Source.objects.update(url=ADDRESS)
    offline = Source.objects.create(
        slug="print-survey", publisher="Print Survey", title="Pay in print",
        as_of=datetime.date(2026, 1, 1),
    )  # fmt: skip
    PayFactor.objects.filter(slug="finance").update(source=offline)
    pk = Role.objects.get(slug="backend-developer").pk
    text = page_text(editor_client.get(f"{ADMIN}/role/{pk}/change/"))
    assert "Print Survey, “Pay in print” has no web address" in text
