"""Bulk updates of bands and factors from a file, previewed, all or nothing."""

from __future__ import annotations

import csv
import io
from decimal import Decimal as D

import pytest

from comparisons.models import PayFactor, SalaryBand
from tests.admin_forms import BANDS, CSV_FORMAT, HEADER, SOURCE, amounts, csv_file, upload
from tests.helpers import page_text

pytestmark = pytest.mark.django_db


def test_export_lists_every_band_by_slug(editor_client, content):
    response = editor_client.post(
        f"{BANDS}/export/",
        {
            "format": CSV_FORMAT,
            "resource": "0",
            **{f"salarybandresource_{f}": "on" for f in HEADER},
        },
    )
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == HEADER
    assert ["ai-ml-engineer", "senior", "170000.00", "250000.00", "1", "USD", SOURCE] in rows


def test_import_previews_then_applies_every_change(editor_client, content):
    before = amounts()
    file = csv_file(
        [
            ["ai-ml-engineer", "entry-level", "99000", "131000", "0", "USD", SOURCE],
            ["backend-developer", "entry-level", "76000", "95000", "0", "USD", SOURCE],
        ]
    )
    preview = upload(editor_client, BANDS, file)
    assert preview.status_code == 200
    text = page_text(preview)
    assert text.count("Update ") == 2
    assert "ai-ml-engineer entry-level" in text and "backend-developer entry-level" in text
    assert amounts() == before  # nothing changes before confirming
    confirm = preview.context["confirm_form"]
    data = {name: field.value() for name, field in ((f.name, f) for f in confirm)}
    done = editor_client.post(f"{BANDS}/process_import/", data)
    assert done.status_code == 302
    after = amounts()
    assert after[("ai-ml-engineer", "entry-level")] == (D("99000"), D("131000"))
    assert after[("backend-developer", "entry-level")] == (D("76000"), D("95000"))
    assert SalaryBand.objects.count() == 6
    band = SalaryBand.objects.get(role__slug="ai-ml-engineer", level__slug="entry-level")
    assert band.history.latest().history_type == "~"


def test_a_file_with_any_bad_row_changes_nothing_and_lists_each_bad_row(editor_client, content):
    before = amounts()
    file = csv_file(
        [
            ["ai-ml-engineer", "entry-level", "99000", "131000", "0", "USD", SOURCE],
            ["backend-developer", "mid-career", "150000", "100000", "0", "USD", SOURCE],
            ["astronaut", "senior", "1", "2", "0", "USD", SOURCE],
        ]
    )
    response = upload(editor_client, BANDS, file)
    assert amounts() == before
    text = page_text(response)
    assert "The highest salary must be at least the lowest salary." in text
    assert "No role with the slug 'astronaut'." in text
    assert "2 rows cannot be imported" in text
    assert "Row 2, max_salary: The highest salary must be at least the lowest salary." in text
    assert "Row 3, role: No role with the slug 'astronaut'." in text
    assert "confirm_form" not in response.context or response.context["confirm_form"] is None


def test_factors_import_with_roles_by_slug(editor_client, content):
    header = ["slug", "kind", "name", "quantified", "low_percent", "high_percent", "applies_to",
              "note", "order", "source"]  # fmt: skip
    file = csv_file(
        [
            [
                "seattle",
                "location",
                "Seattle",
                "1",
                "5",
                "15",
                "backend-developer|ai-ml-engineer",
                "",
                "3",
                SOURCE,
            ]
        ],
        header,
    )
    preview = upload(editor_client, "/admin/comparisons/payfactor", file)
    confirm = preview.context["confirm_form"]
    editor_client.post(
        "/admin/comparisons/payfactor/process_import/", {f.name: f.value() for f in confirm}
    )
    factor = PayFactor.objects.get(slug="seattle")
    assert sorted(factor.applies_to.values_list("slug", flat=True)) == [
        "ai-ml-engineer",
        "backend-developer",
    ]
