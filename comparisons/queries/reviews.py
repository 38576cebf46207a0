"""Warnings with their editors' acknowledgements, in one query.

An acknowledgement covers a warning while the figures behind it are those
the editor acknowledged (same fingerprint). When they change the warning is
open again, and the earlier acknowledgement is shown beside it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..checks import ContentWarning
from ..models import WarningAcknowledgement


@dataclass(frozen=True)
class ReviewedWarning:
    warning: ContentWarning
    acknowledgement: WarningAcknowledgement | None = None

    @property
    def message(self) -> str:
        return self.warning.message

    @property
    def acknowledged(self) -> bool:
        ack = self.acknowledgement
        return ack is not None and ack.covers(self.warning.fingerprint)

    @property
    def figures_changed_since(self) -> WarningAcknowledgement | None:
        """An acknowledgement of earlier figures than the warning's now."""
        return None if self.acknowledged else self.acknowledgement


def review_all(
    by_id: dict[int, list[ContentWarning]],
) -> dict[int, list[ReviewedWarning]]:
    """Each object's warnings with their latest acknowledgements, in one query."""
    keys = {warning.key for warnings in by_id.values() for warning in warnings}
    acks = WarningAcknowledgement.objects.latest_by_key(keys) if keys else {}
    return {
        pk: [ReviewedWarning(warning, acks.get(warning.key)) for warning in warnings]
        for pk, warnings in by_id.items()
    }


def review(warnings: Iterable[ContentWarning]) -> list[ReviewedWarning]:
    return review_all({0: list(warnings)})[0]


def open_warnings(reviewed: Iterable[ReviewedWarning]) -> list[ReviewedWarning]:
    return [item for item in reviewed if not item.acknowledged]
