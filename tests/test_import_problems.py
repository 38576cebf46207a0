"""Bulk import: every bad row in plain words, whole values in the preview, and its warnings."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from comparisons.admin.imports import PlainBooleanWidget, PlainDecimalWidget, PlainIntegerWidget
from comparisons.models import PayFactor, SalaryBand, WarningAcknowledgement
from tests.admin_forms import BANDS, SOURCE, amounts, csv_file, upload
from tests.helpers import page_text

pytestmark = pytest.mark.django_db

FACTORS = "/admin/comparisons/payfactor"
NOTE = "Raises base pay compared with the national figures."
FACTOR_HEADER = ["slug", "kind", "name", "quantified", "low_percent", "high_percent",
                 "applies_to", "note", "order", "source"]  # fmt: skip


def problems(response) -> list[str]:
    """The import page's list of problems, one line per bad cell or row."""
    import html
    import re

    body = response.content.decode()
    lists = re.findall(r'<ul class="errorlist import-problems">(.*?)</ul>', body, re.S)
    return [
        html.unescape(re.sub(r"\s+", " ", item).strip())
        for block in lists
        for item in re.findall(r"<li>(.*?)</li>", block, re.S)
    ]


def test_every_bad_row_is_listed_with_a_plain_reason(editor_client, content):
    before = amounts()
    file = csv_file(
        [
            ["ai-ml-engineer", "entry-level", "99000", "131000", "0", "USD", SOURCE],
            ["backend-developer", "entry-level", "$95,000", "120000", "0", "USD", SOURCE],
            ["backend-developer", "mid-career", "150000", "100000", "maybe", "USD", SOURCE],
            ["astronaut", "senior", "1", "2", "0", "USD", SOURCE],
            ["ai-ml-engineer", "senior", "170000", "250000.505", "yes", "USD", SOURCE],
        ]
    )
    response = upload(editor_client, BANDS, file)
    assert amounts() == before
    text = page_text(response)
    assert "decimal.ConversionSyntax" not in text
    assert "4 rows cannot be imported" in text
    listed = problems(response)
    assert "Row 2, min_salary: “$95,000” is not a number; write 95000." in listed
    assert "Row 3, open_ended: “maybe” is not yes or no; write 1 for yes or 0 for no." in listed
    assert "Row 3, max_salary: The highest salary must be at least the lowest salary." in listed
    assert "Row 4, role: No role with the slug 'astronaut'." in listed
    assert "Row 5, max_salary: “250000.505” has more than 2 decimal places." in listed
    assert not any(line.startswith("Row 1") for line in listed)
    assert response.context.get("confirm_form") is None


def test_unknown_roles_of_a_factor_are_listed_too(editor_client, content):
    file = csv_file(
        [
            ["seattle", "location", "Seattle", "1", "5%", "15", "backend-developer|astronaut",
             "", "three", SOURCE],
        ],
        FACTOR_HEADER,
    )  # fmt: skip
    listed = problems(upload(editor_client, FACTORS, file))
    assert "Row 1, applies_to: No role with the slug 'astronaut'." in listed
    assert "Row 1, low_percent: “5%” is not a number; write 5." in listed
    assert "Row 1, order: “three” is not a number; write digits only, such as 3." in listed
    assert not PayFactor.objects.filter(slug="seattle").exists()
    # The cell's own error only, not the model's complaint about the missing value.
    assert not any("Give the effect" in line for line in listed)


def test_the_preview_shows_old_and_new_values_whole(editor_client, content):
    file = csv_file([["ai-ml-engineer", "entry-level", "100000", "130000", "0", "USD", SOURCE]])
    body = upload(editor_client, BANDS, file).content.decode()
    assert "<del>95000.00</del>" in body and "<ins>100000.00</ins>" in body
    assert "<del>95" + "</del><ins>100" not in body  # no character-level diff
    assert "130000.00" in body and "<del>130000.00</del>" not in body  # unchanged stays plain


def test_the_preview_shows_the_warnings_the_import_would_raise(editor_client, content, settings):
    settings.AVERAGE_TOLERANCE_PERCENT = D("50")
    file = csv_file([["ai-ml-engineer", "entry-level", "10000", "20000", "0", "USD", SOURCE]])
    response = upload(editor_client, BANDS, file)
    text = page_text(response)
    assert "This import would raise 1 warning." in text
    assert "AI/ML Engineer: the entry-level band ($10k–$20k) lies outside the typical range" in text
    assert response.context["confirm_form"] is not None  # a warning does not block
    assert SalaryBand.objects.get(
        role__slug="ai-ml-engineer", level__slug="entry-level"
    ).min_salary == D("95000")

    harmless = csv_file([["ai-ml-engineer", "entry-level", "96000", "130000", "0", "USD", SOURCE]])
    assert "This import raises no new warning." in page_text(upload(editor_client, BANDS, harmless))


def test_a_changed_figure_behind_an_acknowledged_warning_shows_in_the_preview(
    editor_client, content
):
    from comparisons.queries.editorial import current_warnings

    (band_warning,) = [
        w for w in current_warnings().values()
        if w.kind == "band_range" and "Backend Developer" in w.message
    ]  # fmt: skip
    WarningAcknowledgement.objects.create(
        key=band_warning.key, fingerprint=band_warning.fingerprint, message=band_warning.message,
        reason="Checked",
    )  # fmt: skip
    file = csv_file([["backend-developer", "senior", "135000", "180000", "0", "USD", SOURCE]])
    text = page_text(upload(editor_client, BANDS, file))
    assert "This import would raise 1 warning." in text
    assert "Backend Developer: the senior band ($135k–$180k) lies outside" in text


def test_an_imported_factor_with_roles_is_one_history_entry(editor_client, content):
    file = csv_file(
        [
            [
                "bay-area",
                "location",
                "Bay Area",
                "1",
                "25",
                "40",
                "ai-ml-engineer",
                NOTE,
                "1",
                SOURCE,
            ]
        ],
        FACTOR_HEADER,
    )
    preview = upload(editor_client, FACTORS, file)
    confirm = preview.context["confirm_form"]
    factor = PayFactor.objects.get(slug="bay-area")
    before = factor.history.count()
    editor_client.post(f"{FACTORS}/process_import/", {f.name: f.value() for f in confirm})
    assert factor.history.count() == before + 1
    latest = factor.history.latest()
    assert latest.history_change_reason == "Imported from a file"
    assert list(latest.applies_to.values_list("role__slug", flat=True)) == ["ai-ml-engineer"]
    assert {c.field for c in latest.diff_against(latest.prev_record).changes} == {
        "low_percent",
        "applies_to",
    }


@pytest.mark.parametrize(
    ("widget", "cell", "value"),
    [
        (PlainDecimalWidget(places=2), "95000", D("95000.00")),
        (PlainDecimalWidget(places=2), " -12.5 ", D("-12.50")),
        (PlainDecimalWidget(places=2), 95000.0, D("95000.00")),
        (PlainDecimalWidget(places=2), "", None),
        (PlainIntegerWidget(), "3", 3),
        (PlainIntegerWidget(), 3.0, 3),
        (PlainBooleanWidget(), "Yes", True),
        (PlainBooleanWidget(), "0", False),
        (PlainBooleanWidget(), "", False),
    ],
)
def test_plain_cells_are_read(widget, cell, value):
    assert widget.clean(cell) == value


@pytest.mark.parametrize(
    ("widget", "cell", "message"),
    [
        (PlainDecimalWidget(places=2), "NaN", "“NaN” is not a number; write digits only"),
        (PlainDecimalWidget(places=2), "1e5", "“1e5” is not a number"),
        (PlainDecimalWidget(places=2), "95 000", "write 95000"),
        (PlainIntegerWidget(), "3.5", "“3.5” is not a whole number"),
        (PlainBooleanWidget(), "maybe", "“maybe” is not yes or no"),
    ],
)
def test_bad_cells_say_what_to_write(widget, cell, message):
    with pytest.raises(ValueError, match=message):
        widget.clean(cell)
