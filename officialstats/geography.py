"""Which states a place lies in, from BLS's names. Pure: no database.

BLS files every metropolitan area under one state (``oe.area``'s state
code), but an area that crosses state lines names every state it reaches,
as the Census Bureau does: "New York-Newark-Jersey City, NY-NJ",
"Philadelphia-Camden-Wilmington, PA-NJ-DE-MD". A reader in New Jersey
looks for New York's metro among New Jersey's places, so place pages list
such an area under each state its name lists, and say which one BLS files
it under.
"""

from __future__ import annotations

import functools
import re

# FIPS state codes (oe.area's state_code) and the USPS abbreviations area
# names use, for the 50 states, DC and the three territories OEWS covers.
ABBREVIATIONS = {
    "01": "AL", "02": "AK", "04": "AZ", "05": "AR", "06": "CA", "08": "CO", "09": "CT",
    "10": "DE", "11": "DC", "12": "FL", "13": "GA", "15": "HI", "16": "ID", "17": "IL",
    "18": "IN", "19": "IA", "20": "KS", "21": "KY", "22": "LA", "23": "ME", "24": "MD",
    "25": "MA", "26": "MI", "27": "MN", "28": "MS", "29": "MO", "30": "MT", "31": "NE",
    "32": "NV", "33": "NH", "34": "NJ", "35": "NM", "36": "NY", "37": "NC", "38": "ND",
    "39": "OH", "40": "OK", "41": "OR", "42": "PA", "44": "RI", "45": "SC", "46": "SD",
    "47": "TN", "48": "TX", "49": "UT", "50": "VT", "51": "VA", "53": "WA", "54": "WV",
    "55": "WI", "56": "WY", "66": "GU", "72": "PR", "78": "VI",
}  # fmt: skip
FIPS = {abbreviation: code for code, abbreviation in ABBREVIATIONS.items()}
_SUFFIX = re.compile(r", ([A-Z]{2}(?:-[A-Z]{2})*)$")


def abbreviations_in(name: str) -> tuple[str, ...]:
    """The state abbreviations an area's name ends with, in its order:
    "Allentown-Bethlehem-Easton, PA-NJ" -> ("PA", "NJ"); none for a name
    without them ("Alaska nonmetropolitan area")."""
    match = _SUFFIX.search(name)
    if match is None:
        return ()
    return tuple(part for part in match.group(1).split("-") if part in FIPS)


@functools.lru_cache(maxsize=2048)  # a release names about 600 places
def states_of(name: str, filed_under: str) -> tuple[str, ...]:
    """The FIPS codes of every state an area lies in: the one BLS files it
    under first, then the others its name lists."""
    named = [FIPS[abbreviation] for abbreviation in abbreviations_in(name)]
    return (filed_under, *(code for code in named if code != filed_under))


def crosses_states(name: str, filed_under: str) -> bool:
    return len(states_of(name, filed_under)) > 1
