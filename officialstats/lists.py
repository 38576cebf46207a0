"""The lists readers look for, and the index's filters, decided from the
figures alone. Pure: what each list ranks and by what; ``queries.index``
turns them into SQL.

Pay is OEWS's national annual median; a top-coded one ranks at its bound
and is shown as "at least" it. Growth and openings are BLS Employment
Projections' (EP counts the self-employed, OEWS does not). Entry education
is EP's typical education needed for entry, one of its eight levels.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.text import slugify

# EP's eight entry education levels, lowest first (../shared/data/guidance.md).
EDUCATION = (
    "No formal educational credential",
    "High school diploma or equivalent",
    "Some college, no degree",
    "Postsecondary nondegree award",
    "Associate's degree",
    "Bachelor's degree",
    "Master's degree",
    "Doctoral or professional degree",
)
EDUCATION_SLUGS = {slugify(level.replace("'", "")): level for level in EDUCATION}
EDUCATION_OF = {level: slug for slug, level in EDUCATION_SLUGS.items()}

# The index's filters: (value, label) as the form offers them.
OUTLOOKS = {
    "faster": "Growing faster than all occupations",
    "growing": "Growing",
    "declining": "Declining",
}
OPENINGS = {"1": "1,000 or more", "10": "10,000 or more", "100": "100,000 or more"}  # thousands


def needs_no_more(theirs: str, ours: str) -> bool:
    """Whether entering ``theirs`` takes no more education than ``ours`` (EP's levels)."""
    if theirs not in EDUCATION or ours not in EDUCATION:
        return False
    return EDUCATION.index(theirs) <= EDUCATION.index(ours)


@dataclass(frozen=True, slots=True)
class Filters:
    """What the occupation index is narrowed to; empty values narrow nothing."""

    education: str = ""  # a slug of EDUCATION_SLUGS
    outlook: str = ""  # a key of OUTLOOKS
    openings: str = ""  # a key of OPENINGS

    @classmethod
    def read(cls, data) -> Filters:
        """From a query string, keeping only values the form offers."""
        education = data.get("education", "")
        outlook = data.get("outlook", "")
        openings = data.get("openings", "")
        return cls(
            education if education in EDUCATION_SLUGS else "",
            outlook if outlook in OUTLOOKS else "",
            openings if openings in OPENINGS else "",
        )

    def __bool__(self) -> bool:
        return bool(self.education or self.outlook or self.openings)

    @property
    def said(self) -> str:
        """ "growing faster than all occupations, entered with a Bachelor's degree"."""
        parts = []
        if self.outlook:
            parts.append(OUTLOOKS[self.outlook].lower())
        if self.education:
            parts.append(f"entered with: {EDUCATION_SLUGS[self.education]}")
        if self.openings:
            parts.append(f"{OPENINGS[self.openings]} openings a year")
        return ", ".join(parts)

    def query(self) -> dict[str, str]:
        return {
            name: value
            for name, value in (
                ("education", self.education),
                ("outlook", self.outlook),
                ("openings", self.openings),
            )
            if value
        }


NO_FILTERS = Filters()


@dataclass(frozen=True, slots=True)
class CareerList:
    """A ranked list of detailed occupations: ``rank`` is "growth",
    "openings" or "median"; ``filters`` what it is drawn from."""

    slug: str
    title: str
    lede: str
    rank: str
    filters: Filters = NO_FILTERS

    @property
    def url(self) -> str:
        return reverse("officialstats:career_list", args=[self.slug])

    @property
    def needs_projections(self) -> bool:
        """Every list but a plain ranking by pay reads the projections."""
        return self.rank != "median" or bool(self.filters)

    def index_query(self) -> dict[str, str]:
        """The occupation index's query string for the whole list."""
        return {**self.filters.query(), "sort": self.rank}


TOP = 25  # occupations a list shows


def _best_paid(slug: str, level: str) -> CareerList:
    return CareerList(
        f"best-paid-{slug}",
        f"Best-paid occupations entered with: {level.lower()}",
        f"The detailed occupations BLS says typically need “{level}” to enter, "
        "best paid first by their national median pay.",
        "median",
        Filters(education=slug),
    )


LISTS: dict[str, CareerList] = {
    found.slug: found
    for found in (
        CareerList(
            "fastest-growing",
            "Fastest-growing occupations",
            "The detailed occupations BLS projects to grow fastest, by the percent change in "
            "their employment, with their pay and what it takes to enter.",
            "growth",
        ),
        CareerList(
            "most-openings",
            "Occupations with the most openings",
            "The detailed occupations with the most job openings a year that BLS projects, "
            "from growth and from workers leaving, with their pay and growth.",
            "openings",
        ),
        CareerList(
            "best-paid-growing-faster",
            "Best-paid occupations growing faster than all occupations",
            "The detailed occupations BLS projects to grow faster than all occupations together, "
            "best paid first by their national median pay.",
            "median",
            Filters(outlook="faster"),
        ),
        *(_best_paid(slug, level) for slug, level in EDUCATION_SLUGS.items()),
    )
}
