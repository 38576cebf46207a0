"""Bulk updates from CSV or spreadsheet files (django-import-export).

Rows name their role, level and source by slug, like the fixtures. Every row
is validated with the model's own rules (``clean_model_instances``), the
admin previews every change before it is confirmed, and the whole import
runs in one transaction, so a file with any bad row changes nothing.
"""

from __future__ import annotations

from import_export import fields, resources, widgets

from comparisons.models import ExperienceLevel, PayFactor, Role, SalaryBand, Source


class SlugWidget(widgets.ForeignKeyWidget):
    """A related row named by slug; an unknown slug is that row's error, not a crash."""

    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value, row, **kwargs)
        except self.model.DoesNotExist:
            raise ValueError(
                f"No {self.model._meta.verbose_name} with the slug {value!r}."
            ) from None


def slug_field(attribute: str, model) -> fields.Field:
    return fields.Field(
        attribute=attribute, column_name=attribute, widget=SlugWidget(model, "slug")
    )


class ContentResource(resources.ModelResource):
    source = slug_field("source", Source)

    def get_instance(self, instance_loader, row):
        # An unknown slug in a key column cannot find a row to update; treat
        # the row as new, so its validation reports the slug with the other
        # invalid rows instead of aborting the whole preview.
        try:
            return super().get_instance(instance_loader, row)
        except ValueError:
            return None

    class Meta:
        abstract = True
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
        use_transactions = True


class SalaryBandResource(ContentResource):
    role = slug_field("role", Role)
    level = slug_field("level", ExperienceLevel)

    class Meta(ContentResource.Meta):
        model = SalaryBand
        import_id_fields = ["role", "level"]
        fields = ["role", "level", "min_salary", "max_salary", "open_ended", "currency", "source"]
        export_order = fields


class PayFactorResource(ContentResource):
    applies_to = fields.Field(
        attribute="applies_to",
        column_name="applies_to",
        widget=widgets.ManyToManyWidget(Role, field="slug", separator="|"),
    )

    class Meta(ContentResource.Meta):
        model = PayFactor
        import_id_fields = ["slug"]
        fields = [
            "slug", "kind", "name", "quantified", "low_percent", "high_percent",
            "applies_to", "note", "order", "source",
        ]  # fmt: skip
        export_order = fields
