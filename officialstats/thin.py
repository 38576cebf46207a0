"""When an occupation's page for a place is too thin to help a reader. Pure.

An occupation x place page shows one estimate. Where BLS publishes little
of it, or publishes it with a very large sampling error, the page still
works (readers follow links to it) but asks search engines not to index it
and is left out of the sitemap. The rule, stated on /methodology/ from the
constants below, is careerguide's own:

- fewer than :data:`MIN_PERCENTILES` of the five percentile wages are
  published as numbers (in either unit: hourly-only occupations count
  their hourly wages), since the page is mostly about the spread of pay; or
- the employment estimate's relative standard error is
  :data:`MAX_EMPLOYMENT_RSE`% or more (a 95% margin of about ±78%); or
- the mean wage's is :data:`MAX_WAGE_RSE`% or more (the band
  ``officialstats.reliability`` calls unreliable).

``queries.place_pages.INDEXABLE`` says the same in SQL for the sitemap;
a test holds the two to agree on every estimate.
"""

from __future__ import annotations

from decimal import Decimal

from .figures import PERCENTILES, Datatype, Figure

MIN_PERCENTILES = 3
MAX_EMPLOYMENT_RSE = Decimal(40)
MAX_WAGE_RSE = Decimal(25)


def published_percentiles(figures: dict[Datatype, Figure]) -> int:
    """How many of the five percentiles are published as numbers, in the
    unit that has more of them."""
    hourly = sum(figures[h].published for _, h, _ in PERCENTILES)
    annual = sum(figures[a].published for _, _, a in PERCENTILES)
    return max(hourly, annual)


def thin_reasons(figures: dict[Datatype, Figure]) -> list[str]:
    """Why a page of these figures is too thin to index, in words (none: it is not)."""
    reasons = []
    count = published_percentiles(figures)
    if count < MIN_PERCENTILES:
        some = "none" if count == 0 else f"only {count}"
        reasons.append(f"BLS publishes {some} of the five percentile wages")
    employment = figures[Datatype.EMPLOYMENT_RSE]
    if employment.published and employment.value >= MAX_EMPLOYMENT_RSE:
        reasons.append(f"the employment estimate's relative standard error is {employment.value}%")
    wage = figures[Datatype.WAGE_RSE]
    if wage.published and wage.value >= MAX_WAGE_RSE:
        reasons.append(f"the mean wage's relative standard error is {wage.value}%")
    return reasons


def is_thin(figures: dict[Datatype, Figure]) -> bool:
    return bool(thin_reasons(figures))
