"""Shared building blocks for the content models.

Money is stored as whole-cent ``Decimal`` values and percentages as percentage
points (``Decimal("20")`` means 20 %), so nothing is rounded before display.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

# Salaries are positive: every percent comparison divides by one.
MONEY_MIN = Decimal("0.01")
# A factor may cut pay, but never by 100 % or more (the calculator multiplies by
# 1 + p/100), and no published premium comes near +1000 %.
FACTOR_PERCENT_MIN = Decimal("-99.99")
FACTOR_PERCENT_MAX = Decimal("1000")
# An equity share of total compensation must stay below 100 % because the total
# is derived as base / (1 - share).
SHARE_PERCENT_MIN = Decimal("0")
SHARE_PERCENT_MAX = Decimal("99.99")


def money_field(verbose_name: str, **kwargs) -> models.DecimalField:
    """A yearly amount of money; the label says so, since admin shows no unit."""
    return models.DecimalField(
        f"{verbose_name} (a year)",
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(MONEY_MIN)],
        **kwargs,
    )


def percent_field(verbose_name: str, low: Decimal, high: Decimal, **kwargs) -> models.DecimalField:
    return models.DecimalField(
        verbose_name,
        max_digits=6,
        decimal_places=2,
        validators=[MinValueValidator(low), MaxValueValidator(high)],
        **kwargs,
    )


def require_ordered(low_field: str, low, high_field: str, high, what: str = "value") -> None:
    """Raise a field error on ``high_field`` when both ends are set and low > high."""
    if low is not None and high is not None and low > high:
        raise ValidationError(
            {high_field: f"The highest {what} must be at least the lowest {what}."}
        )


class NaturalKeyManager(models.Manager):
    """Looks rows up by the model's ``NATURAL_KEY`` lookups.

    Natural keys keep fixtures readable (a band names its role and level by
    slug) and let ``loaddata`` update existing rows in place instead of adding
    duplicates.
    """

    def get_by_natural_key(self, *key):
        lookups = getattr(self.model, "NATURAL_KEY", ("slug",))
        return self.get(**dict(zip(lookups, key, strict=True)))


class Sourced(models.Model):
    """Every figure on the site points to the source that published it."""

    source = models.ForeignKey(
        "comparisons.Source",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Where this figure or fact was published.",
    )

    class Meta:
        abstract = True
