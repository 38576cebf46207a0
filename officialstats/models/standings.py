"""Where each place's estimate of an occupation stands among the others.

Worked out once per release, when it is imported (``importing/standings.py``),
rather than on every page: an occupation's page lists the places that pay and
employ most, and each occupation x place page ranks its place among a few
hundred and names its neighbours by pay. Reading that from here costs a page
a few indexed rows instead of every place's estimate (the long tail of
occupation x place pages is what crawlers visit, all of it, cold).

States are ranked among states, areas (metropolitan and nonmetropolitan)
among areas; all across industries. Pay is the median in the unit BLS
publishes the occupation in (hourly for those it publishes by the hour
only), a top-coded median counting as its bound.
"""

from __future__ import annotations

from django.db import models

from .classification import Occupation
from .estimates import Estimate
from .releases import Release


class Standing(models.Model):
    estimate = models.OneToOneField(
        Estimate, on_delete=models.CASCADE, primary_key=True, related_name="standing"
    )
    # Deleted whole with their release, in bulk (publishing.delete_rows).
    release = models.ForeignKey(Release, on_delete=models.CASCADE, related_name="+", db_index=False)
    # Found through the indexes below, which lead with it.
    occupation = models.ForeignKey(
        Occupation, on_delete=models.CASCADE, related_name="+", db_index=False
    )

    # Competition ranks ("tied for 3rd" shares a place) among the places of
    # its kind with the figure, highest first; null without the figure.
    pay_rank = models.PositiveIntegerField(null=True)
    pay_tied = models.BooleanField(default=False)
    pay_of = models.PositiveIntegerField(default=0)
    employment_rank = models.PositiveIntegerField(null=True)
    employment_tied = models.BooleanField(default=False)
    employment_of = models.PositiveIntegerField(default=0)
    location_quotient_rank = models.PositiveIntegerField(null=True)
    location_quotient_tied = models.BooleanField(default=False)
    location_quotient_of = models.PositiveIntegerField(default=0)
    # Strict orders for the lists of places that pay most (ties broken by
    # jobs, then name) and employ most (by name); null without the figure.
    pay_order = models.PositiveIntegerField(null=True)
    employment_order = models.PositiveIntegerField(null=True)
    # The areas (ids) just above, then just below, this one by pay.
    # ("neighbours": SIMILAR is a reserved word in SQL.)
    neighbours = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["occupation", "pay_order"]
        indexes = [
            models.Index(fields=["occupation", "pay_order"], name="standing_pay_order"),
            models.Index(fields=["occupation", "employment_order"], name="standing_jobs_order"),
        ]

    def __str__(self) -> str:
        return f"standing of estimate {self.estimate_id}"

    @property
    def neighbour_ids(self) -> list[int]:
        return [int(part) for part in self.neighbours.split(",") if part]
