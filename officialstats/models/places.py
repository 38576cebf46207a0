"""Names people use for places BLS names otherwise: "Bay Area", "NYC", "DFW".

Kept with the statistics (the place search and the calculator read them)
and edited in the admin. An alias points at BLS areas by their seven-digit
codes, which outlive the names and addresses a release gives them.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.text import slugify
from simple_history.models import HistoricalRecords

AREA_CODE = re.compile(r"\d{7}")


class PlaceAliasManager(models.Manager):
    def get_by_natural_key(self, slug: str) -> PlaceAlias:
        return self.get(slug=slug)


class PlaceAlias(models.Model):
    name = models.CharField(max_length=60, help_text='What people call it: "Bay Area", "NYC".')
    slug = models.SlugField(max_length=60, unique=True)
    area_codes = models.CharField(
        "BLS area codes",
        max_length=200,
        help_text=(
            "The seven-digit codes of the BLS areas it means, separated by spaces "
            '(San Jose-Sunnyvale-Santa Clara, CA is "0041940"; a state is its FIPS code '
            'and five zeros, "0600000" for California).'
        ),
    )
    note = models.CharField(
        max_length=250, blank=True, help_text="Why these areas, shown beside the alias."
    )

    objects = PlaceAliasManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = "place alias"
        verbose_name_plural = "place aliases"
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                name="place_alias_name_unique",
                violation_error_message="An alias with this name exists.",
            ),
            models.CheckConstraint(
                condition=~models.Q(area_codes=""),
                name="place_alias_has_areas",
                violation_error_message="An alias names at least one BLS area.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return f"{reverse('officialstats:place_index')}?{urlencode({'q': self.name})}"

    def natural_key(self) -> tuple[str]:
        return (self.slug,)

    @property
    def codes(self) -> list[str]:
        return self.area_codes.split()

    def clean(self) -> None:
        if not self.slug and self.name:
            self.slug = slugify(self.name)
        codes = self.codes  # none: the required field (and the constraint) say so
        wrong = [code for code in codes if not AREA_CODE.fullmatch(code)]
        if wrong:
            raise ValidationError(
                {"area_codes": f"{', '.join(wrong)}: a BLS area code has seven digits."}
            )
        if len(set(codes)) != len(codes):
            raise ValidationError({"area_codes": "An area is named twice."})
        # Whether the live release has each area is the admin form's to ask
        # (``admin/aliases.py``): the statistics' queries sit above the models.
