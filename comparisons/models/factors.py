"""What moves pay away from a band: pay factors, and equity/bonus share."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.functional import cached_property
from simple_history.models import HistoricalRecords

from .base import (
    FACTOR_PERCENT_MAX,
    FACTOR_PERCENT_MIN,
    SHARE_PERCENT_MAX,
    SHARE_PERCENT_MIN,
    NaturalKeyManager,
    Sourced,
    percent_field,
    require_ordered,
)
from .roles import Role

OFFICIAL_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class PayFactor(Sourced):
    """A circumstance that raises or lowers base pay by a percent range.

    The low percent applies to a band's bottom and the high percent to its top.
    A factor the source describes without a figure is kept as unquantified: it
    is shown to readers but changes no number.
    """

    class Kind(models.TextChoices):
        LOCATION = "location", "Location"
        INDUSTRY = "industry", "Industry"
        EDUCATION = "education", "Education"
        COMPANY_SIZE = "company_size", "Company size"

    slug = models.SlugField(unique=True, max_length=80)
    kind = models.CharField(max_length=12, choices=Kind)
    name = models.CharField(max_length=100)
    quantified = models.BooleanField(
        default=True, help_text="Untick when the source gives no figure for the effect."
    )
    low_percent = percent_field(
        "effect from (%)",
        FACTOR_PERCENT_MIN,
        FACTOR_PERCENT_MAX,
        null=True,
        blank=True,
        help_text="Applied to the bottom of a band; negative lowers pay.",
    )
    high_percent = percent_field(
        "effect to (%)",
        FACTOR_PERCENT_MIN,
        FACTOR_PERCENT_MAX,
        null=True,
        blank=True,
        help_text="Applied to the top of a band.",
    )
    applies_to = models.ManyToManyField(Role, related_name="pay_factors")
    note = models.CharField(
        max_length=250, blank=True, help_text="How the source describes the effect."
    )
    official_slugs = models.CharField(
        "official places or industries",
        max_length=500,
        blank=True,
        help_text=(
            "For a location or industry: the addresses (slugs) of the BLS OEWS places or "
            "industries this factor describes, separated by spaces, such as "
            '"san-jose-sunnyvale-santa-clara-ca". The calculator then shows this factor '
            "beside BLS's figure for the same place or industry."
        ),
    )
    place_alias = models.ForeignKey(
        "officialstats.PlaceAlias",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pay_factors",
        help_text=(
            "For a location: the name people use for it (a place alias, which names BLS "
            "areas). The calculator shows BLS's figures for those areas beside this factor, "
            "the same areas the place search finds by that name."
        ),
    )
    order = models.PositiveSmallIntegerField(default=0)

    objects = NaturalKeyManager()
    history = HistoricalRecords(m2m_fields=[applies_to])

    class Meta:
        ordering = ["kind", "order", "name"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(
                        quantified=True,
                        low_percent__isnull=False,
                        high_percent__isnull=False,
                        low_percent__gte=FACTOR_PERCENT_MIN,
                        high_percent__lte=FACTOR_PERCENT_MAX,
                        high_percent__gte=F("low_percent"),
                    )
                    | Q(quantified=False, low_percent__isnull=True, high_percent__isnull=True)
                ),
                name="pay_factor_percent_sane",
                violation_error_message=(
                    "A quantified factor needs an effect from -99.99 % to +1000 % with "
                    "from <= to; an unquantified one has no figures."
                ),
            ),
            models.CheckConstraint(
                condition=Q(official_slugs="") | Q(kind__in=["location", "industry"]),
                name="pay_factor_official_slugs_kind",
                violation_error_message=(
                    "Only a location or an industry can name official places or industries."
                ),
            ),
            models.CheckConstraint(
                condition=Q(place_alias__isnull=True) | Q(kind="location"),
                name="pay_factor_place_alias_kind",
                violation_error_message="Only a location can name a place alias.",
            ),
            models.UniqueConstraint(
                fields=["kind", "name"],
                name="pay_factor_name_unique_per_kind",
                violation_error_message="A factor of this kind with this name exists.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.name}"

    def natural_key(self) -> tuple[str]:
        return (self.slug,)

    @property
    def official_slug_list(self) -> list[str]:
        """The addresses of the BLS places or industries it describes: those
        written, then its place alias's areas."""
        return [*self.official_slugs.split(), *self.alias_area_slugs]

    @cached_property
    def alias_area_slugs(self) -> list[str]:
        """Its place alias's areas in the live release (a loader may set them for many at once)."""
        if self.place_alias_id is None:
            return []
        from officialstats.queries.aliases import area_slugs  # a query; models load first

        return area_slugs([self.place_alias])[self.place_alias_id]

    def clean(self) -> None:
        if self.place_alias_id is not None and self.kind != self.Kind.LOCATION:
            raise ValidationError({"place_alias": "Only a location can name a place alias."})
        if self.official_slugs and self.kind not in (self.Kind.LOCATION, self.Kind.INDUSTRY):
            raise ValidationError(
                {"official_slugs": "Only a location or an industry can name official ones."}
            )
        if any(not OFFICIAL_SLUG.fullmatch(slug) for slug in self.official_slug_list):
            raise ValidationError(
                {"official_slugs": "Write addresses such as new-york, separated by spaces."}
            )
        if self.quantified:
            missing = {
                name: "Give the effect, or untick 'quantified'."
                for name in ("low_percent", "high_percent")
                if getattr(self, name) is None
            }
            if missing:
                raise ValidationError(missing)
            require_ordered(
                "low_percent", self.low_percent, "high_percent", self.high_percent, "effect"
            )
        else:
            given = {
                name: "An unquantified factor has no figure; clear this or tick 'quantified'."
                for name in ("low_percent", "high_percent")
                if getattr(self, name) is not None
            }
            if given:
                raise ValidationError(given)


class EquityShare(Sourced):
    """The share of total compensation paid as equity and bonuses, for a role."""

    NATURAL_KEY = ("role__slug",)

    role = models.OneToOneField(Role, on_delete=models.CASCADE, related_name="equity_share")
    low_percent = percent_field("share from (%)", SHARE_PERCENT_MIN, SHARE_PERCENT_MAX)
    high_percent = percent_field("share to (%)", SHARE_PERCENT_MIN, SHARE_PERCENT_MAX)
    note = models.CharField(
        max_length=120, blank=True, help_text='The form it takes, e.g. "stock and options".'
    )

    objects = NaturalKeyManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["role"]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    low_percent__gte=SHARE_PERCENT_MIN,
                    high_percent__lte=SHARE_PERCENT_MAX,
                    high_percent__gte=F("low_percent"),
                ),
                name="equity_share_percent_sane",
                violation_error_message=(
                    "The share must lie from 0 % to 99.99 % of total pay, with from <= to."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.role}: {self.low_percent}\u2013{self.high_percent} %"

    def natural_key(self) -> tuple[str]:
        return (self.role.slug,)

    natural_key.dependencies = ["comparisons.role"]

    def clean(self) -> None:
        require_ordered("low_percent", self.low_percent, "high_percent", self.high_percent, "share")
