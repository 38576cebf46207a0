"""Editors' write-ups of two official occupations compared.

The figures are BLS's, read from the live release on every page; only the
prose lives here. Occupations are named by SOC code, not by key: each
release brings its own occupation rows, and a write-up must survive the
next release. Prose carries no figures and no verdicts (who pays more, by
how much): the page works those out from the release and shows them beside
the text, so a new release can never leave a sentence saying the opposite.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Greatest, Least
from django.urls import reverse
from simple_history.models import HistoricalRecords

from officialstats.queries.pairs import detailed_occupations

from .base import NaturalKeyManager
from .roles import PAIR_SEPARATOR, SOC_CODE_MESSAGE, SOC_CODE_PATTERN

# A money amount or a share typed into prose: "$120,000", "$120k", "15%", "15 percent".
TYPED_FIGURE = re.compile(
    r"\$\s?\d|\b\d[\d,.]*\s?(%|percent\b|per cent\b)|\b\d+(\.\d+)?k\b", re.IGNORECASE
)
PROSE_FIELDS = (
    "summary",
    "introduction",
    "pay_text",
    "jobs_text",
    "work_text",
    "choosing_text",
)


def soc_code_field(verbose_name: str) -> models.CharField:
    return models.CharField(
        verbose_name,
        max_length=7,
        validators=[RegexValidator(SOC_CODE_PATTERN, SOC_CODE_MESSAGE)],
        help_text='A detailed occupation\'s SOC code, such as "15-1252" (software developers).',
    )


class OccupationComparisonQuerySet(models.QuerySet):
    def published(self) -> OccupationComparisonQuerySet:
        return self.filter(is_published=True)

    def for_pair(self, code_a: str, code_b: str) -> OccupationComparisonQuerySet:
        """The write-up of two occupations, whichever order it names them in."""
        return self.filter(Q(code_a=code_a, code_b=code_b) | Q(code_a=code_b, code_b=code_a))


class OccupationComparison(models.Model):
    """An editor's comparison of two official occupations (BLS OEWS), in words."""

    code_a = soc_code_field("first occupation (SOC code)")
    code_b = soc_code_field("second occupation (SOC code)")
    title = models.CharField(max_length=150)
    summary = models.CharField(
        max_length=300, help_text="One or two sentences for lists and search results."
    )
    introduction = models.TextField()
    pay_text = models.TextField(
        "pay text", blank=True, help_text="Shown after the pay spreads: what lies behind them."
    )
    jobs_text = models.TextField("jobs text", blank=True, help_text="Shown after employment.")
    work_text = models.TextField(
        "the work text", blank=True, help_text="How the work itself differs."
    )
    choosing_text = models.TextField(
        "choosing text", blank=True, help_text="Advice for a reader choosing between the two."
    )
    is_published = models.BooleanField(
        "published",
        default=False,
        help_text="Publishing makes the pair's page indexable and lists it with the "
        "comparisons and on both occupations' pages.",
    )
    published_on = models.DateField(null=True, blank=True)
    updated_on = models.DateField(
        null=True, blank=True, help_text="When the text last changed in substance."
    )

    objects = NaturalKeyManager.from_queryset(OccupationComparisonQuerySet)()
    history = HistoricalRecords()

    NATURAL_KEY = ("code_a", "code_b")

    class Meta:
        ordering = ["-published_on", "title"]
        verbose_name = "occupation comparison"
        constraints = [
            models.CheckConstraint(
                condition=Q(code_a__regex=SOC_CODE_PATTERN) & Q(code_b__regex=SOC_CODE_PATTERN),
                name="occupation_comparison_soc_codes",
                violation_error_message=SOC_CODE_MESSAGE,
            ),
            models.CheckConstraint(
                condition=~Q(code_a=F("code_b")),
                name="occupation_comparison_codes_differ",
                violation_error_message="A comparison needs two different occupations.",
            ),
            models.UniqueConstraint(
                Least("code_a", "code_b"),
                Greatest("code_a", "code_b"),
                name="occupation_comparison_pair_unique",
                violation_error_message="These two occupations are already compared.",
            ),
            models.CheckConstraint(
                condition=Q(is_published=False) | Q(published_on__isnull=False),
                name="occupation_comparison_published_has_date",
                violation_error_message="A published comparison needs a publication date.",
            ),
            models.CheckConstraint(
                condition=Q(updated_on__isnull=True)
                | Q(published_on__isnull=True)
                | Q(updated_on__gte=F("published_on")),
                name="occupation_comparison_updated_after_published",
                violation_error_message="The update date cannot precede publication.",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        """The pair's page in the live release, or the chooser when the
        release lacks either occupation."""
        sides = detailed_occupations("code", self.codes)
        if self.code_a in sides and self.code_b in sides and self.code_a != self.code_b:
            return pair_path(sides[self.code_a].occupation.slug, sides[self.code_b].occupation.slug)
        return reverse("comparisons:occupation_pair_chooser")

    def natural_key(self) -> tuple[str, str]:
        return (self.code_a, self.code_b)

    @property
    def codes(self) -> tuple[str, str]:
        return (self.code_a, self.code_b)

    @property
    def text_date(self):
        """When the text last changed: the editor's update date, else publication."""
        return self.updated_on or self.published_on

    def clean(self) -> None:
        errors = {}
        if self.code_a and self.code_a == self.code_b:
            errors["code_b"] = "Choose an occupation different from the first one."
        if self.is_published and self.published_on is None:
            errors["published_on"] = "A published comparison needs a publication date."
        if self.updated_on and self.published_on and self.updated_on < self.published_on:
            errors["updated_on"] = "The update date cannot precede publication."
        for name in PROSE_FIELDS:
            if TYPED_FIGURE.search(getattr(self, name) or ""):
                errors[name] = (
                    "Write no amounts or percentages: the page gives every figure, and who "
                    "is ahead by how much, from the live BLS release."
                )
        if errors:
            raise ValidationError(errors)


def pair_path(slug_a: str, slug_b: str) -> str:
    """The one address of two occupations: their slugs in alphabetical order."""
    first, second = sorted((slug_a, slug_b))
    return reverse(
        "comparisons:occupation_pair", kwargs={"pair": f"{first}{PAIR_SEPARATOR}{second}"}
    )
