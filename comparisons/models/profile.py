"""What a role asks of people and offers them, beyond pay."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from .base import NaturalKeyManager, Sourced, require_ordered
from .roles import Role


class TimeToCompetency(Sourced):
    """How long focused study takes before someone is job-ready in a role."""

    NATURAL_KEY = ("role__slug",)

    role = models.OneToOneField(Role, on_delete=models.CASCADE, related_name="time_to_competency")
    min_months = models.PositiveSmallIntegerField("from (months)")
    max_months = models.PositiveSmallIntegerField("to (months)")
    note = models.CharField(
        max_length=200,
        blank=True,
        help_text='What else it takes, e.g. "plus portfolio projects".',
    )

    objects = NaturalKeyManager()
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "times to competency"
        ordering = ["role"]
        constraints = [
            models.CheckConstraint(
                condition=Q(min_months__gte=1) & Q(max_months__gte=F("min_months")),
                name="competency_months_ordered",
                violation_error_message="The longest time must be at least the shortest.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.role}: {self.min_months}\u2013{self.max_months} months"

    def natural_key(self) -> tuple[str]:
        return (self.role.slug,)

    natural_key.dependencies = ["comparisons.role"]

    def clean(self) -> None:
        require_ordered("min_months", self.min_months, "max_months", self.max_months, "time")


class Skill(Sourced):
    class Kind(models.TextChoices):
        CORE = "core", "Core skill"
        PAY_RAISING = "pay", "Raises pay"

    NATURAL_KEY = ("role__slug", "kind", "name")

    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="skills")
    kind = models.CharField(max_length=4, choices=Kind)
    name = models.CharField(max_length=100)
    order = models.PositiveSmallIntegerField(default=0)

    objects = NaturalKeyManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["role", "kind", "order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["role", "kind", "name"],
                name="skill_unique_per_role_and_kind",
                violation_error_message="This role already lists this skill.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.role}, {self.get_kind_display().lower()})"

    def natural_key(self) -> tuple[str, str, str]:
        return (self.role.slug, self.kind, self.name)

    natural_key.dependencies = ["comparisons.role"]


class Benefit(Sourced):
    """A benefit; one that several roles offer is shared between them."""

    slug = models.SlugField(unique=True, max_length=80)
    name = models.CharField(max_length=100)
    detail = models.CharField(max_length=200, blank=True)
    roles = models.ManyToManyField(Role, related_name="benefits", through="BenefitRole")
    order = models.PositiveSmallIntegerField(default=0)

    objects = NaturalKeyManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name

    def natural_key(self) -> tuple[str]:
        return (self.slug,)


class BenefitRole(models.Model):
    """That a role offers a benefit.

    An explicit model, so that editors can add benefits on a role's admin
    page and every such change is kept in the history.
    """

    NATURAL_KEY = ("benefit__slug", "role__slug")

    benefit = models.ForeignKey(Benefit, on_delete=models.CASCADE, related_name="+")
    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="+")

    objects = NaturalKeyManager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "benefit of a role"
        ordering = ["role", "benefit__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["benefit", "role"],
                name="benefit_role_unique",
                violation_error_message="This role already offers this benefit.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.role}: {self.benefit}"

    def natural_key(self) -> tuple[str, str]:
        return (self.benefit.slug, self.role.slug)

    natural_key.dependencies = ["comparisons.benefit", "comparisons.role"]


class CareerStep(Sourced):
    """One step on a role's typical career path, in order."""

    NATURAL_KEY = ("role__slug", "order")

    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="career_steps")
    order = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=120)
    description = models.CharField(max_length=300, blank=True)

    objects = NaturalKeyManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["role", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["role", "order"],
                name="career_step_order_unique",
                violation_error_message="This role already has a step at this position.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.role} {self.order}. {self.title}"

    def natural_key(self) -> tuple[str, int]:
        return (self.role.slug, self.order)

    natural_key.dependencies = ["comparisons.role"]


class RoleNote(Sourced):
    """A sourced observation about one or more roles: demand, education..."""

    class Topic(models.TextChoices):
        DEMAND = "demand", "Demand and market"
        EDUCATION = "education", "Education"

    slug = models.SlugField(unique=True, max_length=80)
    topic = models.CharField(max_length=10, choices=Topic)
    roles = models.ManyToManyField(Role, related_name="notes")
    text = models.TextField()
    order = models.PositiveSmallIntegerField(default=0)

    objects = NaturalKeyManager()
    history = HistoricalRecords(m2m_fields=[roles])

    class Meta:
        ordering = ["topic", "order", "slug"]

    def __str__(self) -> str:
        return f"{self.get_topic_display()}: {self.slug}"

    def natural_key(self) -> tuple[str]:
        return (self.slug,)
