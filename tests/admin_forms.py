"""What an admin change page would post back, for tests that edit through the admin."""

from __future__ import annotations

import csv
import io

from django.core.files.uploadedfile import SimpleUploadedFile

ADMIN = "/admin/comparisons"


def _value(field):
    value = field.value()
    if value in (None, False, ""):
        return None
    if value is True:
        return "on"
    return [str(v) for v in value] if isinstance(value, list) else value


def change_page_data(response) -> dict:
    """The main form's and every inline form's current values, as the browser sends them."""
    data = {}
    form = response.context["adminform"].form
    for name in form.fields:
        value = _value(form[name])
        if value is not None:
            data[form[name].html_name] = value
    for inline in response.context.get("inline_admin_formsets", []):
        formset = inline.formset
        for field in formset.management_form:
            data[field.html_name] = field.value()
        for inline_form in formset.forms:
            for field in inline_form:
                value = _value(field)
                if value is not None:
                    data[field.html_name] = value
    return data


def add_inline_row(data: dict, prefix: str, values: dict) -> None:
    """Fill the next empty form of inline ``prefix`` with ``values``."""
    index = int(data[f"{prefix}-TOTAL_FORMS"])
    for key, value in values.items():
        data[f"{prefix}-{index}-{key}"] = value
    data[f"{prefix}-TOTAL_FORMS"] = index + 1


def inline_index(data: dict, prefix: str, field: str, value) -> int:
    """The index of the inline form of ``prefix`` whose ``field`` is ``value``."""
    total = int(data[f"{prefix}-TOTAL_FORMS"])
    for index in range(total):
        if str(data.get(f"{prefix}-{index}-{field}")) == str(value):
            return index
    raise LookupError(f"no {prefix} form with {field}={value!r}")


def errors_of(response) -> str:
    """Every error message of an admin form page, main form and inlines, as text."""
    messages = []
    adminform = response.context["adminform"]
    for errors in adminform.form.errors.values():
        messages += errors
    for inline in response.context.get("inline_admin_formsets", []):
        messages += inline.formset.non_form_errors()
        for form_errors in inline.formset.errors:
            for errors in form_errors.values():
                messages += errors
    return " ".join(str(message) for message in messages)


BANDS = "/admin/comparisons/salaryband"


HEADER = ["role", "level", "min_salary", "max_salary", "open_ended", "currency", "source"]


SOURCE = "jobcopy-backend-vs-ai-ml-2025"


def csv_file(rows: list[list[str]], header: list[str] = HEADER) -> SimpleUploadedFile:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return SimpleUploadedFile("bands.csv", out.getvalue().encode(), content_type="text/csv")


def upload(client, url: str, file: SimpleUploadedFile):
    return client.post(
        f"{url}/import/", {"import_file": file, "format": CSV_FORMAT, "resource": "0"}
    )


def amounts() -> dict:
    from comparisons.models import SalaryBand

    return {
        (b.role.slug, b.level.slug): (b.min_salary, b.max_salary)
        for b in SalaryBand.objects.select_related("role", "level")
    }


CSV_FORMAT = "0"
