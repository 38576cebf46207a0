"""Estimates: one row per release x occupation x area x industry.

A row holds all seventeen OEWS datatypes of one series (employment, its
RSE, mean and percentile wages hourly and annual, employment per 1,000 jobs
and the location quotient), each as a value and the footnote BLS gives it.
A value BLS does not publish is stored as NULL *with* its footnote (4, 5 or
8); NULL without a footnote means the series does not exist (a location
quotient for the nation). :mod:`officialstats.figures` turns each pair into
a :class:`~officialstats.figures.Figure` with a state, which is what pages
show: never a bare NULL.
"""

from __future__ import annotations

from django.db import models

from ..figures import Datatype, Figure, row_figures
from .classification import Area, Industry, Occupation
from .releases import Release


def _money(name: str, digits: int) -> models.DecimalField:
    return models.DecimalField(name, max_digits=digits, decimal_places=2, null=True, blank=True)


def _ratio(name: str, digits: int, places: int) -> models.DecimalField:
    return models.DecimalField(
        name, max_digits=digits, decimal_places=places, null=True, blank=True
    )


def _note(name: str) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        f"footnote of the {name}",
        null=True,
        blank=True,
        help_text="BLS's footnote code (oe.footnote) for the value, if any.",
    )


class Estimate(models.Model):
    # Every index slows the bulk load of 370,000 rows, so each FK is indexed
    # once, by the composite index that leads with it; the release is found
    # through its occupations, areas and industries, and only ever deleted whole.
    release = models.ForeignKey(
        Release, on_delete=models.CASCADE, related_name="estimates", db_index=False
    )
    occupation = models.ForeignKey(
        Occupation, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="+", db_index=False)
    industry = models.ForeignKey(Industry, on_delete=models.CASCADE, related_name="+")

    employment = models.PositiveIntegerField(null=True, blank=True)
    employment_note = _note("employment")
    employment_rse = _ratio("employment RSE (%)", 5, 1)
    employment_rse_note = _note("employment RSE")
    hourly_mean = _money("hourly mean wage", 8)
    hourly_mean_note = _note("hourly mean wage")
    annual_mean = _money("annual mean wage", 10)
    annual_mean_note = _note("annual mean wage")
    wage_rse = _ratio("wage RSE (%)", 5, 1)
    wage_rse_note = _note("wage RSE")
    hourly_p10 = _money("hourly 10th percentile wage", 8)
    hourly_p10_note = _note("hourly 10th percentile wage")
    hourly_p25 = _money("hourly 25th percentile wage", 8)
    hourly_p25_note = _note("hourly 25th percentile wage")
    hourly_median = _money("hourly median wage", 8)
    hourly_median_note = _note("hourly median wage")
    hourly_p75 = _money("hourly 75th percentile wage", 8)
    hourly_p75_note = _note("hourly 75th percentile wage")
    hourly_p90 = _money("hourly 90th percentile wage", 8)
    hourly_p90_note = _note("hourly 90th percentile wage")
    annual_p10 = _money("annual 10th percentile wage", 10)
    annual_p10_note = _note("annual 10th percentile wage")
    annual_p25 = _money("annual 25th percentile wage", 10)
    annual_p25_note = _note("annual 25th percentile wage")
    annual_median = _money("annual median wage", 10)
    annual_median_note = _note("annual median wage")
    annual_p75 = _money("annual 75th percentile wage", 10)
    annual_p75_note = _note("annual 75th percentile wage")
    annual_p90 = _money("annual 90th percentile wage", 10)
    annual_p90_note = _note("annual 90th percentile wage")
    jobs_per_1000 = _ratio("employment per 1,000 jobs", 9, 3)
    jobs_per_1000_note = _note("employment per 1,000 jobs")
    location_quotient = _ratio("location quotient", 7, 2)
    location_quotient_note = _note("location quotient")

    class Meta:
        ordering = ["release", "occupation", "industry", "area"]
        constraints = [
            # Also the index for an occupation's places and industries.
            models.UniqueConstraint(
                fields=["occupation", "industry", "area"], name="estimate_unique"
            ),
        ]
        indexes = [
            # An area's occupations.
            models.Index(fields=["area", "industry"], name="estimate_area_industry"),
            # An occupation's places and industries ranked on its page: the
            # figures ranked and shown are in the index, so a page reads a
            # few index pages, not a table row per place (see
            # officialstats.queries.rankings).
            models.Index(
                fields=[
                    "occupation",
                    "industry",
                    "area",
                    "employment",
                    "employment_note",
                    "annual_median",
                    "annual_median_note",
                    "hourly_median",
                    "hourly_median_note",
                    "location_quotient",
                    "location_quotient_note",
                ],
                name="estimate_occupation_ranking",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.occupation_id} in {self.area_id}, industry {self.industry_id}"

    def figures(self) -> dict[Datatype, Figure]:
        """Every value of the row with its state (see :mod:`officialstats.figures`)."""
        return row_figures(
            {
                datatype: (getattr(self, datatype.field), getattr(self, f"{datatype.field}_note"))
                for datatype in Datatype
            }
        )


VALUE_FIELDS = tuple(datatype.field for datatype in Datatype)
NOTE_FIELDS = tuple(f"{field}_note" for field in VALUE_FIELDS)
