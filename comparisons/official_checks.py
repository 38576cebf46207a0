"""Editors' warnings about a role's official occupation: pure, like ``checks``.

A role's headline average is set against its linked occupation's BLS *mean*
(an average against an average; the median is shown on the pages too), and
flagged when the two differ by more than ``OFFICIAL_TOLERANCE_PERCENT`` of
the mean. A role linked to a code the live release does not list is
flagged too: its pages show no official figures until it is fixed.
"""

from __future__ import annotations

import re
from decimal import Decimal

from core.formatting import exact_places, money, percent
from officialstats import display
from officialstats.figures import Figure

from .checks import ContentWarning
from .official import against_official


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
    percent of the mean (by the site's one rule: against a top-coded mean,
    by what its bound proves). A mean that proves nothing, or that BLS did
    not publish as a yearly number, is not compared (the pages say why)."""
    gap = against_official(average, mean)
    if not gap.known or gap.percent is None or abs(gap.percent) <= tolerance:
        return []
    official = f"the BLS mean wage for {occupation} (SOC {code}, {release}), {display.text(mean)}"
    return [
        ContentWarning(
            "official_average",
            f"{role}: the headline average ({money(average)}) is {gap.words(official)}, more "
            f"than the {percent(tolerance, min(exact_places(tolerance), 2))} tolerance. Check the "
            "figure and the linked "
            "occupation; the role's pages show both and explain the gap.",
            subject=subject and f"{subject}:official",
            figures=(average, code, mean.ranked),
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


# Words too common to show that two lists of skills have anything in common.
COMMON_WORDS = frozenset({"and", "or", "of", "the", "for", "with", "in", "to", "a", "an", "on"})


def _words(terms: list[str]) -> set[str]:
    found = set()
    for term in terms:
        for word in re.findall(r"[a-z0-9+#]+", term.lower()):
            if word not in COMMON_WORDS:
                found.add(word.removesuffix("s") if len(word) > 3 else word)
    return found


def skills_unrelated(
    role: str, skills: list[str], occupation: str, code: str, onet: list[str], *, subject: str = ""
) -> list[ContentWarning]:
    """None of the editors' skills for the role shares a word with what O*NET
    lists for its linked occupation (technologies, skills, knowledge): the
    skills, or the link, may be wrong. Nothing to say without both lists."""
    if not skills or not onet or _words(skills) & _words(onet):
        return []
    return [
        ContentWarning(
            "skills_unrelated",
            f"{role}: none of its skills ({', '.join(skills)}) shares a word with the "
            f"technologies, skills and knowledge O*NET lists for {occupation} (SOC {code}). "
            "Check the skills and the linked occupation.",
            subject=subject and f"{subject}:skills",
            figures=(code, *skills),
        )
    ]
