"""Warnings wear out no more: editors acknowledge them, and they return when the figures change."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal as D
from urllib.parse import parse_qs, urlsplit

import pytest

from comparisons.checks import (
    Average,
    ContentWarning,
    Dated,
    averages_disagree,
    bands_outside_range,
    stale_sources,
)
from comparisons.models import (
    Comparison,
    Role,
    SalaryBand,
    Source,
    WarningAcknowledgement,
)
from comparisons.salary import Range
from tests.admin_forms import ADMIN
from tests.helpers import acknowledge, acknowledge_links, open_text, page_text

# Pure: keys and fingerprints --------------------------------------------------------------


@pytest.fixture(autouse=True)
def _warnings_at_a_fixed_date(clock):
    """Which warnings show depends on the date (a source's age): every test
    here runs at the fixed instant, before any fixture logs in."""


def test_a_warning_keeps_its_key_and_changes_its_fingerprint_with_its_figures():
    typical = Range(D(80000), D(120000))
    (before,) = bands_outside_range(
        "Backend", typical, [("senior", Range(D(130000), D(180000)))], subject="role:1"
    )
    (after,) = bands_outside_range(
        "Backend", typical, [("senior", Range(D(135000), D(180000)))], subject="role:1"
    )
    assert before.key == after.key == "band_range:role:1:senior"
    assert before.fingerprint != after.fingerprint
    (again,) = bands_outside_range(
        "Backend", typical, [("senior", Range(D("130000.00"), D(180000)))], subject="role:1"
    )
    assert again.fingerprint == before.fingerprint  # "130000.00" is 130000


def test_averages_warnings_are_keyed_by_role_and_data_sets():
    averages = [Average("headline average", D(114528)), Average("salary overview", D(95000))]
    (warning,) = averages_disagree("Backend", averages, D(10), subject="role:1")
    assert warning.key == "averages:role:1:headline average:salary overview"
    (other,) = averages_disagree("Backend", averages, D(10), subject="role:2")
    assert other.key != warning.key


def test_a_stale_sources_fingerprint_does_not_age_with_the_calendar():
    source = Dated("jobcopy.ai", datetime.date(2025, 1, 1), "year", key="source:1")
    (in_august,) = stale_sources([source], datetime.date(2027, 8, 1), 18)
    (in_december,) = stale_sources([source], datetime.date(2027, 12, 1), 18)
    assert in_august.message != in_december.message
    assert (in_august.key, in_august.fingerprint) == (in_december.key, in_december.fingerprint)
    newer = Dated("jobcopy.ai", datetime.date(2025, 6, 1), "month", key="source:1")
    (moved,) = stale_sources([newer], datetime.date(2027, 12, 1), 18)
    assert moved.key == in_august.key and moved.fingerprint != in_august.fingerprint


def test_a_warning_from_a_check_that_names_no_subject_still_has_a_key_and_fingerprint():
    plain = ContentWarning("takeaways", "A takeaway disagrees with the figures.")
    assert plain.key.startswith("takeaways:") and len(plain.key) < 40
    assert plain.fingerprint == ContentWarning("takeaways", plain.message).fingerprint
    assert plain.fingerprint != ContentWarning("takeaways", "Another one.").fingerprint


# In the admin -----------------------------------------------------------------------------

pytestmark_db = pytest.mark.django_db
BAND_WARNING = "the senior band ($130k–$180k) lies outside the typical range"


def role_page(client, slug: str = "backend-developer"):
    role = Role.objects.get(slug=slug)
    return client.get(f"{ADMIN}/role/{role.pk}/change/")


@pytestmark_db
def test_an_editor_acknowledges_a_warning_with_a_reason(editor_client, editor, content):
    page = role_page(editor_client)
    assert BAND_WARNING in open_text(page)
    done = acknowledge(
        editor_client, page, BAND_WARNING, "Senior pay sits above the survey's range"
    )
    role = Role.objects.get(slug="backend-developer")
    assert done.status_code == 302 and done["Location"] == f"{ADMIN}/role/{role.pk}/change/"
    ack = WarningAcknowledgement.objects.get()
    assert ack.acknowledged_by == editor
    assert ack.key == f"band_range:role:{role.pk}:senior"
    assert BAND_WARNING in ack.message

    page = role_page(editor_client)
    assert BAND_WARNING not in open_text(page)
    text = page_text(page)
    assert "Acknowledged warnings (1)" in text
    assert "Acknowledged by jane on" in text and "Senior pay sits above the survey's range" in text
    assert "is 17% below the headline average" in open_text(page)  # the other warning is still open


@pytestmark_db
def test_acknowledged_warnings_leave_the_filter_until_their_figures_change(
    clock, editor_client, content, settings
):
    settings.AVERAGE_TOLERANCE_PERCENT = D("50")  # only the band warnings are left
    Source.objects.update(url="https://example.org/report")  # no missing-address warning
    for slug in ("backend-developer", "ai-ml-engineer"):
        page = role_page(editor_client, slug)
        assert acknowledge(editor_client, page, "lies outside", "Checked").status_code == 302
    flagged = page_text(editor_client.get(f"{ADMIN}/role/?flagged=yes"))
    assert "Backend Developer" not in flagged and "AI/ML Engineer" not in flagged
    quiet = page_text(editor_client.get(f"{ADMIN}/role/?flagged=acknowledged"))
    assert "Backend Developer" in quiet and "AI/ML Engineer" in quiet

    # New figures, still outside the range: the warning is back.
    SalaryBand.objects.filter(role__slug="backend-developer", level__slug="senior").update(
        min_salary=D("135000")
    )
    flagged = page_text(editor_client.get(f"{ADMIN}/role/?flagged=yes"))
    assert "Backend Developer" in flagged and "AI/ML Engineer" not in flagged
    text = open_text(role_page(editor_client))
    assert "the senior band ($135k–$180k) lies outside" in text
    assert "but its figures have changed since" in text


@pytestmark_db
def test_acknowledging_on_a_role_quiets_the_same_warning_on_its_comparison(editor_client, content):
    acknowledge(editor_client, role_page(editor_client), BAND_WARNING, "Checked")
    comparison = Comparison.objects.get()
    page = editor_client.get(f"{ADMIN}/comparison/{comparison.pk}/change/")
    assert BAND_WARNING not in open_text(page)
    assert "Acknowledged warnings (1)" in page_text(page)


@pytestmark_db
def test_a_stale_source_is_flagged_and_acknowledged_on_its_own_page(
    editor_client, content, settings
):
    settings.SOURCE_MAX_AGE_MONTHS = 6
    source = Source.objects.get()
    url = f"{ADMIN}/source/{source.pk}/change/"
    page = editor_client.get(url)
    assert re.search(r"“Backend Developer vs AI/ML Engineer salary comparison” is \d+ months old",
                     open_text(page))  # fmt: skip
    assert source.publisher in page_text(editor_client.get(f"{ADMIN}/source/?flagged=yes"))
    acknowledge(editor_client, page, "months old", "No newer edition published yet")
    assert "months old" not in open_text(editor_client.get(url))
    assert source.publisher in page_text(editor_client.get(f"{ADMIN}/source/?flagged=no"))
    # The role pages citing it agree.
    assert "months old" not in open_text(role_page(editor_client))

    # A newer date that is still too old is a new question.
    Source.objects.filter(pk=source.pk).update(
        as_of=datetime.date(2025, 6, 1), as_of_precision="month"
    )
    assert "months old" in open_text(editor_client.get(url))


@pytestmark_db
def test_figures_changed_while_the_form_was_open_are_not_acknowledged_unseen(
    editor_client, content
):
    page = role_page(editor_client)
    (url,) = [u for text, u in acknowledge_links(page).items() if BAND_WARNING in text]
    query = {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}
    SalaryBand.objects.filter(role__slug="backend-developer", level__slug="senior").update(
        min_salary=D("135000")
    )
    response = editor_client.post(url, {**query, "reason": "Checked"})
    assert response.status_code == 200
    assert "changed after you opened this page" in page_text(response)
    assert "the senior band ($135k–$180k)" in page_text(response)
    assert not WarningAcknowledgement.objects.exists()
    resent = dict(response.context["adminform"].form.data.items())
    assert editor_client.post(url, resent).status_code == 302
    assert "$135k–$180k) lies outside" not in open_text(role_page(editor_client))


@pytestmark_db
def test_a_warning_that_no_longer_shows_cannot_be_acknowledged(editor_client, content):
    response = editor_client.post(
        f"{ADMIN}/warningacknowledgement/add/",
        {"key": "band_range:role:999:senior", "fingerprint": "x", "reason": "Checked"},
    )
    assert response.status_code == 200
    assert "there is nothing to acknowledge" in page_text(response)
    assert not WarningAcknowledgement.objects.exists()


@pytestmark_db
def test_acknowledging_is_not_a_content_change(editor_client, content):
    from core.state import CONTENT, read_state

    version = read_state().version(CONTENT)
    acknowledge(editor_client, role_page(editor_client), BAND_WARNING, "Checked")
    assert read_state().version(CONTENT) == version


@pytestmark_db
def test_withdrawing_an_acknowledgement_shows_the_warning_again(editor_client, content):
    acknowledge(editor_client, role_page(editor_client), BAND_WARNING, "Checked")
    ack = WarningAcknowledgement.objects.get()
    log = page_text(editor_client.get(f"{ADMIN}/warningacknowledgement/"))
    assert "Checked" in log and "jane" in log
    url = f"{ADMIN}/warningacknowledgement/{ack.pk}/delete/"
    assert editor_client.post(url, {"post": "yes"}).status_code == 302
    assert BAND_WARNING in open_text(role_page(editor_client))
