from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from .base import MONEY_MIN, NaturalKeyManager, Sourced, money_field, require_ordered

# Joins two role slugs in a comparison's address: /compare/<a>-vs-<b>/.
PAIR_SEPARATOR = "-vs-"

# An SOC code as BLS writes it ("15-1252"). Roles link to an occupation by
# code, not by key: each statistical release brings its own occupation rows,
# and the link must survive the next release.
SOC_CODE_PATTERN = r"^[0-9]{2}-[0-9]{4}$"
SOC_CODE_MESSAGE = 'An SOC code is two digits, a hyphen and four digits, such as "15-1252".'


class Currency(models.TextChoices):
    USD = "USD", "US dollar"


class RoleQuerySet(models.QuerySet):
    def published(self) -> RoleQuerySet:
        return self.filter(is_published=True)


class Role(models.Model):
    """A job role the site profiles and compares.

    A new role is a draft: nothing public shows it (lists, the sitemap, the
    calculator, pair pages, comparisons) until an editor publishes it, which
    needs the figures its page leads with.
    """

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(
        unique=True,
        max_length=80,
        help_text='Must not contain "-vs-", which joins two roles in comparison addresses.',
    )
    summary = models.CharField(
        max_length=300, help_text="One sentence shown on cards and in lists."
    )
    description = models.TextField(help_text="What the job involves, in a paragraph.")
    figures_changed_at = models.DateTimeField(
        "last changed",
        null=True,
        blank=True,
        editable=False,
        help_text="Set by the site whenever the role's text, or anything its page shows, changes.",
    )
    is_published = models.BooleanField(
        "published",
        default=False,
        help_text="Only published roles appear on the site: lists, the sitemap, the "
        "calculator and comparisons. Staff can preview a draft.",
    )
    published_on = models.DateField(null=True, blank=True)
    occupation_code = models.CharField(
        "official occupation (SOC code)",
        max_length=7,
        blank=True,
        validators=[RegexValidator(SOC_CODE_PATTERN, SOC_CODE_MESSAGE)],
        help_text='The BLS occupation this role belongs to, such as "15-1252" for software '
        "developers. Its official figures are shown beside the role's own.",
    )
    occupation_reason = models.TextField(
        "why this occupation",
        blank=True,
        help_text="For readers, on the methodology page: why this occupation is the closest "
        "official match, when the choice is not obvious.",
    )

    objects = NaturalKeyManager.from_queryset(RoleQuerySet)()
    history = HistoricalRecords()

    # The admin checks a role's figures together with the inline forms that
    # save them in the same request (see admin.content.RoleForm); elsewhere
    # clean() reads them from the database.
    figures_checked_by_inlines = False

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(slug__contains=PAIR_SEPARATOR),
                name="role_slug_without_vs",
                violation_error_message='A role\'s slug cannot contain "-vs-".',
            ),
            models.CheckConstraint(
                condition=Q(is_published=False) | Q(published_on__isnull=False),
                name="role_published_has_date",
                violation_error_message="A published role needs a publication date.",
            ),
            models.CheckConstraint(
                condition=Q(occupation_code="") | Q(occupation_code__regex=SOC_CODE_PATTERN),
                name="role_occupation_code_format",
                violation_error_message=SOC_CODE_MESSAGE,
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("comparisons:role", kwargs={"slug": self.slug})

    def clean(self) -> None:
        errors = {}
        if self.slug and PAIR_SEPARATOR in self.slug:
            errors["slug"] = '"-vs-" joins two roles in comparison addresses; use another slug.'
        if self.is_published and self.published_on is None:
            errors["published_on"] = "A published role needs a publication date."
        if self.occupation_code and not re.fullmatch(SOC_CODE_PATTERN, self.occupation_code):
            errors["occupation_code"] = SOC_CODE_MESSAGE
        if self.is_published and not self.figures_checked_by_inlines:
            missing = self.missing_for_publication()
            if missing:
                errors["is_published"] = "Not ready to publish: " + "; ".join(missing) + "."
        if not self.is_published and self.pk:
            articles = self.published_comparisons()
            if articles:
                names = ", ".join(f"“{article}”" for article in articles)
                errors["is_published"] = (
                    f"The published comparison {names} needs this role; unpublish it first."
                )
        if errors:
            raise ValidationError(errors)

    def missing_for_publication(
        self, *, has_headline: bool | None = None, has_band: bool | None = None
    ) -> list[str]:
        """What the role's page would lack: its headline average (lists and
        comparisons lead with it) and at least one salary band (the chart).

        Either answer may be given, by a caller that knows what is about to
        be saved; otherwise it is read from the database.
        """
        saved = self.pk is not None
        if has_headline is None:
            has_headline = (
                saved and self.salary_stats.filter(kind=SalaryStat.Kind.HEADLINE).exists()
            )
        if has_band is None:
            has_band = saved and self.bands.exists()
        missing = []
        if not has_headline:
            missing.append(f"{self} has no headline average")
        if not has_band:
            missing.append(f"{self} has no salary band")
        return missing

    def published_comparisons(self) -> list:
        # By name: articles.py defines comparisons in terms of roles.
        comparisons = self._meta.apps.get_model("comparisons", "Comparison")._default_manager
        return list(comparisons.filter(Q(role_a=self) | Q(role_b=self), is_published=True))

    def natural_key(self) -> tuple[str]:
        return (self.slug,)


class ExperienceLevel(models.Model):
    """A career stage such as entry-level (0-2 years) or senior (7+ years)."""

    name = models.CharField(max_length=60, unique=True)
    slug = models.SlugField(unique=True, max_length=60)
    order = models.PositiveSmallIntegerField(
        unique=True, help_text="Position from the start of a career (1 = first)."
    )
    min_years = models.PositiveSmallIntegerField("from (years)")
    max_years = models.PositiveSmallIntegerField(
        "to (years)", null=True, blank=True, help_text="Leave empty for open-ended (7+)."
    )

    objects = NaturalKeyManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["order"]
        constraints = [
            models.CheckConstraint(
                condition=Q(max_years__isnull=True) | Q(max_years__gte=F("min_years")),
                name="level_years_ordered",
                violation_error_message="The last year must not come before the first.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def natural_key(self) -> tuple[str]:
        return (self.slug,)

    def clean(self) -> None:
        require_ordered("min_years", self.min_years, "max_years", self.max_years, "year")

    @property
    def years_label(self) -> str:
        if self.max_years is None:
            return f"{self.min_years}+ years"
        return f"{self.min_years}\u2013{self.max_years} years"


class SalaryStat(Sourced):
    """A published average salary for a role, from one named data set.

    The sheet publishes two data sets that disagree (a headline average and a
    salary overview), so each is kept apart with its own label and source.
    """

    class Kind(models.TextChoices):
        HEADLINE = "headline", "Headline average"
        OVERVIEW = "overview", "Salary overview"

    NATURAL_KEY = ("role__slug", "kind")

    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="salary_stats")
    kind = models.CharField(max_length=10, choices=Kind)
    label = models.CharField(
        max_length=100, help_text='Shown to readers, e.g. "Average annual salary".'
    )
    average = money_field("average")
    approximate = models.BooleanField(
        default=False, help_text='The source gives the average as approximate ("~").'
    )
    range_low = money_field("typical range from", null=True, blank=True)
    range_high = money_field("typical range to", null=True, blank=True)
    currency = models.CharField(max_length=3, choices=Currency, default=Currency.USD)

    objects = NaturalKeyManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["role", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["role", "kind"],
                name="one_salary_stat_per_role_and_kind",
                violation_error_message="This role already has a figure of this kind.",
            ),
            models.CheckConstraint(
                condition=Q(range_low__isnull=True, range_high__isnull=True)
                | Q(range_low__isnull=False, range_high__isnull=False),
                name="salary_stat_range_complete",
                violation_error_message="Give both ends of the range or neither.",
            ),
            models.CheckConstraint(
                condition=Q(range_low__isnull=True)
                | Q(range_low__lte=F("average"), range_high__gte=F("average")),
                name="salary_stat_average_in_range",
                violation_error_message="The average must lie within the range.",
            ),
            models.CheckConstraint(
                condition=Q(average__gte=MONEY_MIN)
                & (Q(range_low__isnull=True) | Q(range_low__gte=MONEY_MIN)),
                name="salary_stat_positive",
                violation_error_message="Salaries must be positive.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.role}: {self.label}"

    def natural_key(self) -> tuple[str, str]:
        return (self.role.slug, self.kind)

    natural_key.dependencies = ["comparisons.role"]

    def clean(self) -> None:
        if (self.range_low is None) != (self.range_high is None):
            missing = "range_high" if self.range_high is None else "range_low"
            raise ValidationError({missing: "Give both ends of the range or neither."})
        require_ordered("range_low", self.range_low, "range_high", self.range_high, "salary")
        if (
            self.range_low is not None
            and self.average is not None
            and not self.range_low <= self.average <= self.range_high
        ):
            raise ValidationError({"average": "The average must lie within the range."})


class SalaryBand(Sourced):
    """Base pay for one role at one experience level."""

    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="bands")
    level = models.ForeignKey(ExperienceLevel, on_delete=models.PROTECT, related_name="bands")
    min_salary = money_field("from")
    max_salary = money_field("to")
    open_ended = models.BooleanField(
        "open-ended top",
        default=False,
        help_text='The source gives the top as "or more" (shown as $250k+).',
    )
    currency = models.CharField(max_length=3, choices=Currency, default=Currency.USD)

    class Meta:
        ordering = ["role", "level__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["role", "level"],
                name="one_band_per_role_and_level",
                violation_error_message="This role already has a band for this level.",
            ),
            models.CheckConstraint(
                condition=Q(min_salary__gte=MONEY_MIN) & Q(max_salary__gte=F("min_salary")),
                name="band_min_not_above_max",
                violation_error_message="A band's top must be at least its bottom.",
            ),
        ]

    NATURAL_KEY = ("role__slug", "level__slug")

    objects = NaturalKeyManager()
    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"{self.role} \u00b7 {self.level}"

    def natural_key(self) -> tuple[str, str]:
        return (self.role.slug, self.level.slug)

    natural_key.dependencies = ["comparisons.role", "comparisons.experiencelevel"]

    def clean(self) -> None:
        require_ordered("min_salary", self.min_salary, "max_salary", self.max_salary, "salary")
