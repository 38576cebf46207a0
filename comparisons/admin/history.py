"""History that reads well: one entry per save with a change, and a reason for each.

simple-history records a save and then, separately, each many-to-many
change, so saving a pay factor's roles wrote an entry with no change (the
save, still holding the old roles) followed by the real one; saving a form
without changing anything wrote an empty entry too. :func:`collapse_history`
folds what one save wrote into a single entry, or none.
"""

from __future__ import annotations

from django import forms
from django.db import models
from django.http import HttpRequest
from simple_history.utils import get_m2m_reverse_field_name

REASON_LENGTH = 100  # simple-history's change reason column


def latest_history_id(obj: models.Model) -> int | None:
    """The newest history entry of ``obj`` so far, to collapse what follows."""
    if obj.pk is None:
        return None
    return obj.history.order_by("-history_id").values_list("history_id", flat=True).first()


def collapse_history(obj: models.Model, after: int | None) -> None:
    """Keep one entry for what was written about ``obj`` since entry ``after``.

    The last entry holds the final state (many-to-many choices included) and
    takes the first one's type, so a creation stays a creation. A change
    that changed nothing leaves no entry at all.
    """
    written = obj.history.order_by("history_id")
    if after is not None:
        written = written.filter(history_id__gt=after)
    written = list(written)
    if not written:
        return
    first, last = written[0], written[-1]
    for extra in written[:-1]:
        extra.delete()
    if last.history_type != first.history_type:
        last.history_type = first.history_type
        last.save(update_fields=["history_type"])
    if last.history_type == "~" and after is not None:
        previous = obj.history.filter(history_id=after).first()
        if previous is not None and not last.diff_against(previous).changes:
            last.delete()


def m2m_values(record) -> dict[str, list[int]]:
    """The many-to-many choices a history entry recorded, as ids per field.

    A deletion's entry is written after the links went, so the choices are
    those of the entry before it.
    """
    if record.history_type == "-" and record.prev_record is not None:
        record = record.prev_record
    return {
        field.name: [
            getattr(row, f"{get_m2m_reverse_field_name(field)}_id")
            for row in getattr(record, field.name).all()
        ]
        for field in record._history_m2m_fields
    }


def reason_field() -> forms.CharField:
    return forms.CharField(
        label="Reason for this change",
        max_length=REASON_LENGTH,
        required=False,
        help_text="Optional. Kept in the history, beside who changed what and when.",
    )


class ReasonForm(forms.ModelForm):
    """Every content form asks, optionally, why the change is made."""

    change_reason = reason_field()


def posted_reason(request: HttpRequest) -> str | None:
    """The reason typed on a delete confirmation page, if any."""
    reason = request.POST.get("change_reason", "").strip()
    return reason[:REASON_LENGTH] or None
