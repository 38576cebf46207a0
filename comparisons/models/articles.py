"""Comparison articles: two roles, the editors' prose, and sourced claims."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Greatest, Least
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from .base import (
    FACTOR_PERCENT_MAX,
    FACTOR_PERCENT_MIN,
    NaturalKeyManager,
    Sourced,
    percent_field,
    require_ordered,
)
from .roles import ExperienceLevel, Role


class ComparisonQuerySet(models.QuerySet):
    def published(self) -> ComparisonQuerySet:
        return self.filter(is_published=True)


class Comparison(models.Model):
    """An article comparing two roles.

    Figures come from the roles' records; only prose lives here, so a changed
    figure changes every sentence derived from it.
    """

    slug = models.SlugField(unique=True, max_length=120)
    title = models.CharField(max_length=150)
    role_a = models.ForeignKey(Role, on_delete=models.PROTECT, related_name="+")
    role_b = models.ForeignKey(Role, on_delete=models.PROTECT, related_name="+")
    summary = models.CharField(
        max_length=300, help_text="One or two sentences for lists and search results."
    )
    introduction = models.TextField()
    overview_text = models.TextField("salary overview text", blank=True)
    levels_text = models.TextField("experience levels text", blank=True)
    factors_text = models.TextField("pay factors text", blank=True)
    equity_text = models.TextField("equity and bonus text", blank=True)
    skills_text = models.TextField("skills and education text", blank=True)
    competency_text = models.TextField("time to competency text", blank=True)
    benefits_text = models.TextField("benefits text", blank=True)
    paths_text = models.TextField("career paths text", blank=True)
    demand_text = models.TextField("demand text", blank=True)
    is_published = models.BooleanField("published", default=False)
    published_on = models.DateField(null=True, blank=True)
    updated_on = models.DateField(null=True, blank=True)

    objects = NaturalKeyManager.from_queryset(ComparisonQuerySet)()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-published_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(role_a=F("role_b")),
                name="comparison_roles_differ",
                violation_error_message="A comparison needs two different roles.",
            ),
            models.UniqueConstraint(
                Least("role_a", "role_b"),
                Greatest("role_a", "role_b"),
                name="comparison_pair_unique",
                violation_error_message="These two roles are already compared.",
            ),
            models.CheckConstraint(
                condition=Q(is_published=False) | Q(published_on__isnull=False),
                name="comparison_published_has_date",
                violation_error_message="A published comparison needs a publication date.",
            ),
            models.CheckConstraint(
                condition=Q(updated_on__isnull=True)
                | Q(published_on__isnull=True)
                | Q(updated_on__gte=F("published_on")),
                name="comparison_updated_after_published",
                violation_error_message="The update date cannot precede publication.",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("comparisons:article", kwargs={"slug": self.slug})

    def natural_key(self) -> tuple[str]:
        return (self.slug,)

    @property
    def last_updated(self):
        """The editor's date, or later if a figure about either role changed since."""
        dates = [self.updated_on or self.published_on]
        roles = [self.role_a if self.role_a_id else None, self.role_b if self.role_b_id else None]
        dates += [
            timezone.localdate(role.figures_changed_at)
            for role in roles
            if role is not None and role.figures_changed_at is not None
        ]
        dates = [date for date in dates if date is not None]
        return max(dates) if dates else None

    def clean(self) -> None:
        errors = {}
        if self.role_a_id and self.role_a_id == self.role_b_id:
            errors["role_b"] = "Choose a role different from the first one."
        if self.is_published and self.published_on is None:
            errors["published_on"] = "A published comparison needs a publication date."
        if self.updated_on and self.published_on and self.updated_on < self.published_on:
            errors["updated_on"] = "The update date cannot precede publication."
        if self.is_published and not errors:
            missing = self.missing_for_publication()
            if missing:
                errors["is_published"] = "Not ready to publish: " + "; ".join(missing) + "."
        if errors:
            raise ValidationError(errors)

    def missing_for_publication(self) -> list[str]:
        """What the article would lack: the figures its headline and chart need."""
        from .roles import SalaryBand, SalaryStat

        missing = []
        if not (self.role_a_id and self.role_b_id):
            return missing
        for role in (self.role_a, self.role_b):
            if not SalaryStat.objects.filter(role=role, kind=SalaryStat.Kind.HEADLINE).exists():
                missing.append(f"{role} has no headline average")
            if not SalaryBand.objects.filter(role=role).exists():
                missing.append(f"{role} has no salary band")
        return missing


class Takeaway(Sourced):
    """A piece of practical advice closing an article, in order.

    Advice is written; any figure or comparison it rests on is not. An editor
    picks a ``statement`` that the site works out from the two roles' records
    and shows before the written text, so the advice cannot drift from the
    figures (written text that states a disagreeing figure is flagged).
    """

    class Statement(models.TextChoices):
        NONE = "", "None: the written text only"
        COMPETENCY = "competency", "Which role takes longer to become job-ready"
        AVERAGE_PAY = "average_pay", "Which role pays more on average"
        TOP_PAY = "top_pay", "How high each role's most senior band reaches"

    NATURAL_KEY = ("comparison__slug", "order")

    comparison = models.ForeignKey(Comparison, on_delete=models.CASCADE, related_name="takeaways")
    order = models.PositiveSmallIntegerField()
    statement = models.CharField(
        "statement from the figures",
        max_length=12,
        choices=Statement,
        blank=True,
        default="",
        help_text="Worked out from both roles' records and shown before the text. "
        "Write no figures in the text: choose the statement that gives them.",
    )
    text = models.TextField(
        blank=True, help_text="The advice, in words. May be empty when a statement is chosen."
    )

    objects = NaturalKeyManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["comparison", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["comparison", "order"],
                name="takeaway_order_unique",
                violation_error_message="This article already has a takeaway at this position.",
            ),
            models.CheckConstraint(
                condition=~Q(statement="", text=""),
                name="takeaway_says_something",
                violation_error_message="Write the advice or choose a statement from the figures.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.comparison} \u00b7 takeaway {self.order}"

    def natural_key(self) -> tuple[str, int]:
        return (self.comparison.slug, self.order)

    natural_key.dependencies = ["comparisons.comparison"]

    def clean(self) -> None:
        if not self.statement and not self.text.strip():
            raise ValidationError(
                {"text": "Write the advice or choose a statement from the figures."}
            )


class PremiumClaim(Sourced):
    """A source's own estimate of how much more one role pays at a level.

    Shown beside the premium the site derives from the bands, so readers can
    see both the published claim and what the figures themselves imply.
    """

    NATURAL_KEY = ("comparison__slug", "level__slug")

    comparison = models.ForeignKey(
        Comparison, on_delete=models.CASCADE, related_name="premium_claims"
    )
    level = models.ForeignKey(ExperienceLevel, on_delete=models.PROTECT, related_name="+")
    leading_role = models.ForeignKey(
        Role, on_delete=models.PROTECT, related_name="+", help_text="The role said to pay more."
    )
    low_percent = percent_field("premium from (%)", FACTOR_PERCENT_MIN, FACTOR_PERCENT_MAX)
    high_percent = percent_field("premium to (%)", FACTOR_PERCENT_MIN, FACTOR_PERCENT_MAX)

    objects = NaturalKeyManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["comparison", "level__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["comparison", "level"],
                name="premium_claim_unique_per_level",
                violation_error_message="This article already has a claim for this level.",
            ),
            models.CheckConstraint(
                condition=Q(
                    low_percent__gte=FACTOR_PERCENT_MIN,
                    high_percent__lte=FACTOR_PERCENT_MAX,
                    high_percent__gte=F("low_percent"),
                ),
                name="premium_claim_percent_sane",
                violation_error_message="The premium must be from <= to, within sane bounds.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.comparison} \u00b7 {self.level}"

    def natural_key(self) -> tuple[str, str]:
        return (self.comparison.slug, self.level.slug)

    natural_key.dependencies = ["comparisons.comparison", "comparisons.experiencelevel"]

    def clean(self) -> None:
        require_ordered(
            "low_percent", self.low_percent, "high_percent", self.high_percent, "premium"
        )
        comparison = self.comparison if self.comparison_id else None
        if (
            comparison
            and self.leading_role_id
            and self.leading_role_id not in (comparison.role_a_id, comparison.role_b_id)
        ):
            raise ValidationError(
                {"leading_role": "Choose one of the two roles this article compares."}
            )
