"""Bulk updates from CSV or spreadsheet files (django-import-export).

Rows name their role, level and source by slug, like the fixtures. Every row
is validated with the model's own rules (``clean_model_instances``), and a
cell that is not what its column needs ("$95,000" for an amount) is that
row's error in plain words, so the preview lists every bad row of the file
at once. The preview shows each changed value whole (old, then new) and the
consistency warnings the import would raise or clear. The whole import runs
in one transaction, so a file with any bad row changes nothing.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from import_export import fields, resources, widgets
from import_export.admin import ImportExportMixin

from comparisons.checks import ContentWarning
from comparisons.models import ExperienceLevel, PayFactor, Role, SalaryBand, Source
from comparisons.queries.editorial import current_warnings
from comparisons.queries.reviews import open_warnings, review

from .history import collapse_history, latest_history_id

PLAIN_NUMBER = re.compile(r"-?\d+(\.\d+)?")
IMPORTED = "Imported from a file"


def _suggestion(text: str) -> str | None:
    """The plain number a cell such as "$95,000" or "20 %" probably means."""
    bare = re.sub(r"[\s$€£,%+]", "", text)
    return bare if PLAIN_NUMBER.fullmatch(bare) else None


def not_a_number(text: str, example: str = "95000") -> ValueError:
    suggestion = _suggestion(text)
    advice = f"write {suggestion}" if suggestion else f"write digits only, such as {example}"
    return ValueError(f"“{text}” is not a number; {advice}.")


class PlainDecimalWidget(widgets.DecimalWidget):
    """Digits with an optional decimal point, nothing else, to the field's places."""

    def __init__(self, places: int | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.places = places

    def clean(self, value, row=None, **kwargs) -> Decimal | None:
        if self.is_empty(value):
            return None
        if isinstance(value, float):  # spreadsheets give numbers as floats
            value = repr(value)
        text = str(value).strip()
        if not PLAIN_NUMBER.fullmatch(text):
            raise not_a_number(text)
        number = Decimal(text)
        if self.places is not None:
            if -number.as_tuple().exponent > self.places:
                raise ValueError(f"“{text}” has more than {self.places} decimal places.")
            number = number.quantize(Decimal(1).scaleb(-self.places))
        return number


class PlainIntegerWidget(widgets.IntegerWidget):
    def clean(self, value, row=None, **kwargs) -> int | None:
        if self.is_empty(value):
            return None
        text = str(value).strip()
        if isinstance(value, float) and value.is_integer():
            text = str(int(value))
        if not PLAIN_NUMBER.fullmatch(text):
            raise not_a_number(text, "3")
        try:
            number = Decimal(text)
            if number != number.to_integral_value():
                raise InvalidOperation
        except InvalidOperation:
            raise ValueError(f"“{text}” is not a whole number; write one such as 3.") from None
        return int(number)


class PlainBooleanWidget(widgets.BooleanWidget):
    """1/0, true/false or yes/no; anything else is an error, not a silent "no"."""

    TRUE = {"1", "true", "yes", "y"}
    FALSE = {"0", "false", "no", "n", ""}

    def clean(self, value, row=None, **kwargs) -> bool:
        if isinstance(value, bool):
            return value
        text = "" if value is None else str(value).strip()
        if isinstance(value, (int, float)) and value in (0, 1):
            text = str(int(value))
        if text.lower() in self.TRUE:
            return True
        if text.lower() in self.FALSE:
            return False
        raise ValueError(f"“{text}” is not yes or no; write 1 for yes or 0 for no.")


class SlugWidget(widgets.ForeignKeyWidget):
    """A related row named by slug; an unknown slug is that row's error, not a crash."""

    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value, row, **kwargs)
        except self.model.DoesNotExist:
            raise ValueError(
                f"No {self.model._meta.verbose_name} with the slug {value!r}."
            ) from None


class SlugsWidget(widgets.ManyToManyWidget):
    """Related rows named by slugs joined with "|"; an unknown one is an error,
    not silently left out."""

    def clean(self, value, row=None, **kwargs):
        found = super().clean(value, row, **kwargs)
        wanted = [slug.strip() for slug in str(value or "").split(self.separator) if slug.strip()]
        unknown = sorted(set(wanted) - set(found.values_list(self.field, flat=True)))
        if unknown:
            names = ", ".join(repr(slug) for slug in unknown)
            raise ValueError(f"No {self.model._meta.verbose_name} with the slug {names}.")
        return found


def slug_field(attribute: str, model) -> fields.Field:
    return fields.Field(
        attribute=attribute, column_name=attribute, widget=SlugWidget(model, "slug")
    )


class WholeValueDiff(resources.Diff):
    """Each changed cell as its old value struck and its new value whole.

    django-import-export marks changes character by character, so 95000.00
    becoming 100000.00 read as "95" struck, "100" added and "000.00" kept.
    """

    def as_html(self) -> list[str]:
        cells = []
        for old, new in zip(self.left, self.right, strict=False):
            old, new = "" if old is None else str(old), "" if new is None else str(new)
            if self.new or old == new:
                cells.append(escape(new))
            elif not old:
                cells.append(format_html("<ins>{}</ins>", new))
            else:
                cells.append(
                    format_html(
                        '<del>{}</del> <span aria-hidden="true">→</span> <ins>{}</ins>', old, new
                    )
                )
        return [mark_safe(cell) for cell in cells]


def open_by_key() -> dict[str, ContentWarning]:
    """Every warning the admin shows and no editor has acknowledged, by key."""
    return {
        item.warning.key: item.warning
        for item in open_warnings(review(current_warnings().values()))
    }


class ContentResource(resources.ModelResource):
    source = slug_field("source", Source)

    WIDGETS_MAP = {
        **resources.ModelResource.WIDGETS_MAP,
        "DecimalField": PlainDecimalWidget,
        "IntegerField": PlainIntegerWidget,
        "PositiveIntegerField": PlainIntegerWidget,
        "PositiveSmallIntegerField": PlainIntegerWidget,
        "SmallIntegerField": PlainIntegerWidget,
        "BooleanField": PlainBooleanWidget,
    }

    @classmethod
    def widget_kwargs_for_field(cls, field_name, django_field) -> dict:
        kwargs = super().widget_kwargs_for_field(field_name, django_field)
        if isinstance(django_field, models.DecimalField):
            kwargs.setdefault("places", django_field.decimal_places)
        return kwargs

    def get_diff_class(self):
        return WholeValueDiff

    def get_instance(self, instance_loader, row):
        # An unknown slug in a key column cannot find a row to update; treat
        # the row as new, so its validation reports the slug with the other
        # invalid rows instead of aborting the whole preview.
        try:
            return super().get_instance(instance_loader, row)
        except ValueError:
            return None

    def import_instance(self, instance, row, **kwargs) -> None:
        """Every bad cell of the row as its field's error, many-to-many ones too
        (django-import-export reads those only when saving, where an error
        would end the whole preview)."""
        errors: dict = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for field in self.get_import_fields():
            if isinstance(field.widget, widgets.ManyToManyWidget) and field.column_name in row:
                try:
                    field.clean(row, **kwargs)
                except ValueError as error:
                    errors[field.attribute] = [str(error)]
        if errors:
            raise ValidationError(errors)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        """The model's rules, except where a cell could not even be read: its
        own message says what is wrong, a complaint about the gap would not."""
        # A copy: django-import-export extends these very lists with the model's.
        unread = {field: list(errors) for field, errors in (import_validation_errors or {}).items()}
        try:
            super().validate_instance(instance, import_validation_errors, validate_unique)
        except ValidationError as error:
            raise ValidationError(
                {field: unread.get(field, messages) for field, messages in error.error_dict.items()}
            ) from None

    def import_data(self, dataset, dry_run: bool = False, **kwargs):
        self.previewing = dry_run
        return super().import_data(dataset, dry_run=dry_run, **kwargs)

    def before_import(self, dataset, **kwargs) -> None:
        super().before_import(dataset, **kwargs)
        if self.previewing:
            self.warnings_before = {key: w.fingerprint for key, w in open_by_key().items()}

    def after_import(self, dataset, result, **kwargs) -> None:
        """In the preview, before it is rolled back: which warnings the file
        would raise (new, or about figures it changes) and which it would clear."""
        super().after_import(dataset, result, **kwargs)
        result.raised_warnings, result.cleared_warnings = [], []
        if not self.previewing or result.has_errors() or result.has_validation_errors():
            return
        before, now = self.warnings_before, open_by_key()
        result.raised_warnings = [
            warning for key, warning in now.items() if before.get(key) != warning.fingerprint
        ]
        result.cleared_warnings = len(set(before) - set(now))

    def save_instance(self, instance, is_create: bool, row, **kwargs) -> None:
        instance._history_mark = latest_history_id(instance)
        instance._change_reason = IMPORTED
        super().save_instance(instance, is_create, row, **kwargs)

    def save_m2m(self, instance, row, **kwargs) -> None:
        # One history entry per imported row, many-to-many choices included.
        super().save_m2m(instance, row, **kwargs)
        if instance.pk is not None and hasattr(instance, "_history_mark"):
            collapse_history(instance, instance._history_mark)

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
        widget=SlugsWidget(Role, field="slug", separator="|"),
    )

    class Meta(ContentResource.Meta):
        model = PayFactor
        import_id_fields = ["slug"]
        fields = [
            "slug", "kind", "name", "quantified", "low_percent", "high_percent",
            "applies_to", "note", "order", "source",
        ]  # fmt: skip
        export_order = fields


class ContentImportExportMixin(ImportExportMixin):
    """Imports whose preview lists bad rows plainly and shows the warnings they cause."""

    import_template_name = "admin/comparisons/import.html"
