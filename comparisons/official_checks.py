"""Editors' warnings about a role's official occupation: pure, like ``checks``.

A role's headline average is set against its linked occupation's BLS *mean*
(an average against an average; the median is shown on the pages too), and
flagged when the two differ by more than ``OFFICIAL_TOLERANCE_PERCENT`` of
the mean. A role linked to a code the live release does not list is
flagged too: its pages show no official figures until it is fixed.
"""

from __future__ import annotations

from decimal import Decimal

from core.formatting import money, percent
from officialstats.figures import Figure, State

from .checks import ContentWarning
from .salary import percent_change


def official_average_differs(
    role: str,
    average: Decimal,
    occupation: str,
    code: str,
    release: str,
    mean: Figure,
    tolerance: Decimal,
    *,
    subject: str = "",
) -> list[ContentWarning]:
    """The headline average further from the BLS mean than ``tolerance``
    percent of the mean. A mean BLS did not publish as a yearly number is
    not compared (the pages say why)."""
    if mean.state is not State.PUBLISHED:
        return []
    gap = percent_change(average, mean.value)
    if abs(gap) <= tolerance:
        return []
    side = "below" if gap < 0 else "above"
    return [
        ContentWarning(
            "official_average",
            f"{role}: the headline average ({money(average)}) is {percent(abs(gap), 1)} {side} "
            f"the BLS mean wage for {occupation} (SOC {code}, {release}), {money(mean.value)}, "
            f"more than the {percent(tolerance)} tolerance. Check the figure and the linked "
            "occupation; the role's pages show both and explain the gap.",
            subject=subject and f"{subject}:official",
            figures=(average, code, mean.value),
        )
    ]


def occupation_not_in_release(
    role: str, code: str, release: str, *, subject: str = ""
) -> list[ContentWarning]:
    """The role's SOC code is not an occupation (with national figures) of the live release."""
    return [
        ContentWarning(
            "occupation_missing",
            f"{role} is linked to SOC {code}, which the live official release ({release}) does "
            "not list with national figures, so its pages show no official figures. Check the "
            "code: the SOC may have changed in this release.",
            subject=subject and f"{subject}:occupation",
            figures=(code, release),
        )
    ]
