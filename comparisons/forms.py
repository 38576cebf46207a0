"""The calculator's form: every choice comes from the database.

The form reads a query string, never a POST, so any result is a link. Input
is untrusted: unknown slugs, repeated or absurdly long values and the same
role twice all end as messages on the field, never as an exception.
"""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.http import QueryDict

from core.formatting import money
from core.numbers import parse_amount

from .models import PayFactor
from .official_pay import Choices
from .queries import CalculatorOptions

MAX_VALUE_LENGTH = 100
OFFER_LIMIT = Decimal(10_000_000)  # a year; more is a slip of the keyboard
SOURCE_GROUP = "Named by the article's source"
OFFICIAL_GROUPS = {
    PayFactor.Kind.LOCATION: "States and territories",
    PayFactor.Kind.INDUSTRY: "Industry sectors",
}
BASELINES = {
    PayFactor.Kind.LOCATION: "National baseline",
    PayFactor.Kind.INDUSTRY: "Other (baseline)",
    PayFactor.Kind.EDUCATION: "Bachelor's (baseline)",
    PayFactor.Kind.COMPANY_SIZE: "Other (baseline)",
}
ROLE_FIELDS = ("role_a", "role_b")
FACTOR_FIELDS = tuple(kind.value for kind in PayFactor.Kind)
# The second step of a location (an area of the chosen state) or an
# industry (an industry inside the chosen sector).
DETAIL_FIELDS = {PayFactor.Kind.LOCATION: "area", PayFactor.Kind.INDUSTRY: "sub_industry"}


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

    @property
    def groups(self) -> list[tuple[str | None, list[tuple[str, str]]]]:
        """The choices as (optgroup label or None, options), for the template."""
        found: list[tuple[str | None, list[tuple[str, str]]]] = []
        for value, label in self.choices:
            if isinstance(label, list | tuple):
                found.append((value, list(label)))
            elif found and found[-1][0] is None:
                found[-1][1].append((value, label))
            else:
                found.append((None, [(value, label)]))
        return found


class CalculatorForm(forms.Form):
    def __init__(
        self,
        query: QueryDict,
        *,
        options: CalculatorOptions,
        initial: dict,
        official: Choices | None = None,
    ) -> None:
        # A missing or empty parameter takes its default; the rest is kept raw
        # so that validation, not this constructor, judges it.
        data = {**initial, **{key: query[key] for key in query if query[key] != ""}}
        self.official = official or Choices(None)
        self.set_aside: list[str] = []
        # An area outside the chosen state (or an industry outside the chosen
        # sector) is what a changed first step leaves behind: it is set aside,
        # and the estimate is for the whole state or sector.
        for kind, detail in DETAIL_FIELDS.items():
            if data.get(detail) and data[detail] not in self._details(kind, data.get(kind, "")):
                self.set_aside.append(detail)
                data[detail] = ""
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
            editors = [
                (factor.slug, factor.name + ("" if factor.quantified else " (no figure)"))
                for factor in options.factors_of(kind.value)
            ]
            official = self._firsts(kind, {slug for slug, _ in editors})
            choices: list = [("", BASELINES[kind])]
            if official:
                choices += [(SOURCE_GROUP, editors)] if editors else []
                choices += [(f"{OFFICIAL_GROUPS[kind]} ({self.official.source})", official)]
            else:
                choices += editors
            self.fields[kind.value] = SlugChoiceField(
                label=kind.label, noun=f"a {kind.label.lower()} option", required=False,
                choices=choices,
            )  # fmt: skip
            if kind in DETAIL_FIELDS:
                self._add_detail(kind, data.get(kind.value, ""))
        self.fields["offer"] = forms.CharField(
            label="An offer or your pay now, a year (optional)", required=False, max_length=20
        )

    def _firsts(self, kind: str, taken: set[str]) -> list[tuple[str, str]]:
        """The states or sectors offered; an editor's factor keeps its slug."""
        if kind == PayFactor.Kind.LOCATION:
            items = self.official.states
        elif kind == PayFactor.Kind.INDUSTRY:
            items = self.official.sectors
        else:
            return []
        return [(item.slug, item.name) for item in items if item.slug not in taken]

    def _details(self, kind: str, first: str) -> list[str]:
        if kind == PayFactor.Kind.LOCATION:
            return [place.slug for place in self.official.areas.get(first, [])]
        return [industry.slug for industry in self.official.sub_industries.get(first, [])]

    def _add_detail(self, kind: str, first: str) -> None:
        detail = DETAIL_FIELDS[kind]
        if kind == PayFactor.Kind.LOCATION:
            items = [(p.slug, p.name) for p in self.official.areas.get(first, [])]
            label, whole = "Area", "All of the state or territory"
        else:
            items = [(i.slug, i.name) for i in self.official.sub_industries.get(first, [])]
            label, whole = "Industry within the sector", "The whole sector"
        self.fields[detail] = SlugChoiceField(
            label=label,
            noun=f"an {label.lower()}",
            required=False,
            choices=[("", whole), *items] if items else [("", whole)],
        )
        self.fields[detail].offered = bool(items)

    def clean_offer(self) -> Decimal | None:
        """A yearly amount as people write it ("$150,000", "150k"), or None."""
        raw = self.cleaned_data.get("offer", "")
        if not raw:
            return None
        try:
            value = parse_amount(raw)
        except ValueError:
            raise forms.ValidationError(
                "Write an amount in dollars a year, such as $150,000 or 150k."
            ) from None
        if not 0 < value <= OFFER_LIMIT:
            raise forms.ValidationError(
                f"Write a yearly amount above zero and no more than {money(OFFER_LIMIT)}."
            )
        return value

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
        return [self[name] for name in FACTOR_FIELDS if name not in DETAIL_FIELDS]

    @property
    def place_fields(self) -> list[forms.BoundField]:
        """Location and industry, each followed by its second step."""
        return [self[name] for kind, detail in DETAIL_FIELDS.items() for name in (kind, detail)]

    @property
    def other_fields(self) -> list[forms.BoundField]:
        """Every field but the place ones, which htmx swaps whole (their
        options depend on the roles and on the first step)."""
        places = {*DETAIL_FIELDS, *DETAIL_FIELDS.values()}
        return [self[name] for name in self.fields if name not in places]

    def chosen(self, kind: str) -> tuple[str, str, str]:
        """(editor's factor slug, official slug, its state or sector) chosen
        for ``kind``; empty strings for what was not."""
        first = self.cleaned_data.get(kind, "")
        if not first or first in {f.slug for f in self.options.factors_of(kind)}:
            return first, "", ""
        detail = self.cleaned_data.get(DETAIL_FIELDS.get(kind, ""), "")
        return "", detail or first, first if detail else ""

    @property
    def circumstances_chosen(self) -> bool:
        """Whether the reader chose (or mistyped) any circumstance or an offer:
        a form that folds them away shows them open then."""
        fields = [*self.place_fields, *self.factor_fields, self.offer_field]
        return any(self.data.get(field.html_name) or field.errors for field in fields)

    @property
    def offer_field(self) -> forms.BoundField:
        return self["offer"]

    @property
    def offer(self) -> Decimal | None:
        return self.cleaned_data.get("offer") if hasattr(self, "cleaned_data") else None

    @property
    def choice_fields(self) -> list[forms.BoundField]:
        return [self["role_a"], self["role_b"], self["level"]]
