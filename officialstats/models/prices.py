"""BEA Regional Price Parities: how prices in a state or metropolitan area
compare with the nation's (the nation = 100), all items and by kind.

Keyed by BEA's five-digit GeoFIPS code ("06000" California, "41940" San
Jose); ``area_code`` is OEWS's seven-digit code for the same place, which
is how pages find it. A parity is never guessed from a neighbour: a place
BEA does not publish has none.
"""

from __future__ import annotations

from django.db import models

from .releases import Release


def _index(name: str) -> models.DecimalField:
    return models.DecimalField(name, max_digits=7, decimal_places=3, null=True, blank=True)


class PriceParity(models.Model):
    class Kind(models.TextChoices):
        NATION = "nation", "The United States"
        STATE = "state", "State"
        METRO = "metro", "Metropolitan area"
        NONMETRO = "nonmetro", "Nonmetropolitan portion of the nation"

    release = models.ForeignKey(Release, on_delete=models.CASCADE, related_name="+")
    geo_fips = models.CharField("BEA GeoFIPS", max_length=5, help_text='"06000", "41940"')
    name = models.CharField(max_length=200, help_text="BEA's name.")
    kind = models.CharField(max_length=8, choices=Kind)
    area_code = models.CharField(
        "OEWS area code", max_length=7, blank=True, help_text="Empty for BEA's nonmetro portion."
    )
    all_items = _index("all items")
    goods = _index("goods")
    housing = _index("housing")
    utilities = _index("utilities")
    other = _index("other services")
    rounded = models.BooleanField(
        "rounded to two decimals", default=False, help_text="As the copy read has it."
    )

    class Meta:
        ordering = ["release", "geo_fips"]
        verbose_name = "regional price parity"
        verbose_name_plural = "regional price parities"
        indexes = [models.Index(fields=["release", "area_code"], name="price_parity_area")]
        constraints = [
            models.UniqueConstraint(fields=["release", "geo_fips"], name="price_parity_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.name}: {self.all_items}"
