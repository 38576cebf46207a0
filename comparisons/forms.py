"""The calculator's form: every choice comes from the database.

The form reads a query string, never a POST, so any result is a link. Input
is untrusted: unknown slugs, repeated or absurdly long values and the same
role twice all end as messages on the field, never as an exception.
"""

from __future__ import annotations

from django import forms
from django.http import QueryDict

from .models import PayFactor
from .queries import CalculatorOptions

MAX_VALUE_LENGTH = 100
BASELINES = {
    PayFactor.Kind.LOCATION: "National baseline",
    PayFactor.Kind.INDUSTRY: "Any other industry (baseline)",
    PayFactor.Kind.EDUCATION: "Baseline: no adjustment",
    PayFactor.Kind.COMPANY_SIZE: "Baseline: no adjustment",
}
ROLE_FIELDS = ("role_a", "role_b")
FACTOR_FIELDS = tuple(kind.value for kind in PayFactor.Kind)


class SlugChoiceField(forms.ChoiceField):
    """A choice of slug whose errors never echo the (possibly huge) input back."""

    def __init__(self, *, noun: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.error_messages["invalid_choice"] = f"Choose {noun} from the list."
        self.error_messages["required"] = f"Choose {noun}."

    def to_python(self, value):
        value = super().to_python(value)
        if len(value) > MAX_VALUE_LENGTH:
            raise forms.ValidationError("That value is far too long to be a valid choice.")
        return value


class CalculatorForm(forms.Form):
    def __init__(self, query: QueryDict, *, options: CalculatorOptions, initial: dict) -> None:
        # A missing or empty parameter takes its default; the rest is kept raw
        # so that validation, not this constructor, judges it.
        data = {**initial, **{key: query[key] for key in query if query[key] != ""}}
        super().__init__(data=data, initial=initial)
        self.repeated = {key for key in query if len(query.getlist(key)) > 1}
        self.options = options
        role_choices = [(role.slug, role.name) for role in options.roles]
        self.fields["role_a"] = SlugChoiceField(
            label="First role", noun="a role", choices=role_choices
        )
        self.fields["role_b"] = SlugChoiceField(
            label="Second role", noun="a role", choices=role_choices
        )
        self.fields["level"] = SlugChoiceField(
            label="Experience level",
            noun="an experience level",
            choices=[
                (level.slug, f"{level.name} ({level.years_label})") for level in options.levels
            ],
        )
        for kind in PayFactor.Kind:
            self.fields[kind.value] = SlugChoiceField(
                label=kind.label,
                noun=f"a {kind.label.lower()} option",
                required=False,
                choices=[("", BASELINES[kind])]
                + [
                    (factor.slug, factor.name + ("" if factor.quantified else " (no figure)"))
                    for factor in options.factors_of(kind.value)
                ],
            )

    def clean(self) -> dict:
        cleaned = super().clean()
        for name in self.fields:
            if name in self.repeated:
                self.add_error(name, "This was given more than once; choose one.")
        role_a, role_b = cleaned.get("role_a"), cleaned.get("role_b")
        if role_a and role_a == role_b:
            self.add_error("role_b", "Choose a role different from the first one.")
        return cleaned

    @property
    def factor_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in FACTOR_FIELDS]

    @property
    def choice_fields(self) -> list[forms.BoundField]:
        return [self["role_a"], self["role_b"], self["level"]]
