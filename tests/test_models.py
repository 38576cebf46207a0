"""Integrity rules hold twice: in the database and as clear form messages."""

from __future__ import annotations

import datetime
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from comparisons.models import (
    Comparison,
    EquityShare,
    ExperienceLevel,
    PayFactor,
    PremiumClaim,
    Role,
    SalaryBand,
    SalaryStat,
    Source,
    TimeToCompetency,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def source():
    return Source.objects.create(
        slug="s", publisher="P", title="T", as_of=datetime.date(2025, 1, 1)
    )


@pytest.fixture
def roles():
    return (
        Role.objects.create(name="Role A", slug="role-a", summary="a", description="a"),
        Role.objects.create(name="Role B", slug="role-b", summary="b", description="b"),
    )


@pytest.fixture
def level():
    return ExperienceLevel.objects.create(
        name="Entry", slug="entry", order=1, min_years=0, max_years=2
    )


def rejected_by_database(instance) -> bool:
    try:
        with transaction.atomic():
            instance.save()
    except IntegrityError:
        return True
    return False


def clean_errors(instance) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as caught:
        instance.full_clean()
    return caught.value.message_dict


def test_band_min_above_max(source, roles, level):
    band = SalaryBand(
        role=roles[0], level=level, min_salary=D("100"), max_salary=D("90"), source=source
    )
    assert rejected_by_database(band)
    assert clean_errors(band) == {
        "max_salary": ["The highest salary must be at least the lowest salary."]
    }


def test_band_must_be_positive(source, roles, level):
    band = SalaryBand(
        role=roles[0], level=level, min_salary=D("0"), max_salary=D("90"), source=source
    )
    assert rejected_by_database(band)
    assert "min_salary" in clean_errors(band)


def test_one_band_per_role_and_level(source, roles, level):
    SalaryBand.objects.create(
        role=roles[0], level=level, min_salary=D("1"), max_salary=D("2"), source=source
    )
    twin = SalaryBand(
        role=roles[0], level=level, min_salary=D("3"), max_salary=D("4"), source=source
    )
    assert rejected_by_database(twin)
    assert "This role already has a band for this level." in str(clean_errors(twin))


def test_salary_stat_average_within_range(source, roles):
    stat = SalaryStat(
        role=roles[0],
        kind=SalaryStat.Kind.OVERVIEW,
        label="x",
        average=D("200"),
        range_low=D("100"),
        range_high=D("150"),
        source=source,
    )
    assert rejected_by_database(stat)
    assert clean_errors(stat) == {"average": ["The average must lie within the range."]}


def test_salary_stat_range_needs_both_ends(source, roles):
    stat = SalaryStat(
        role=roles[0],
        kind="overview",
        label="x",
        average=D("100"),
        range_low=D("90"),
        source=source,
    )
    assert rejected_by_database(stat)
    assert clean_errors(stat) == {"range_high": ["Give both ends of the range or neither."]}


@pytest.mark.parametrize(
    ("low", "high", "field"),
    [
        (D("40"), D("20"), "high_percent"),
        (D("-100"), D("10"), "low_percent"),
        (D("10"), D("1001"), "high_percent"),
    ],
)
def test_pay_factor_percent_bounds(source, low, high, field):
    factor = PayFactor(
        slug="f", kind="location", name="F", low_percent=low, high_percent=high, source=source
    )
    assert rejected_by_database(factor)
    assert field in clean_errors(factor)


def test_unquantified_factor_has_no_figures(source):
    factor = PayFactor(
        slug="f",
        kind="company_size",
        name="Big",
        quantified=False,
        low_percent=D("5"),
        high_percent=D("10"),
        source=source,
    )
    assert rejected_by_database(factor)
    assert set(clean_errors(factor)) == {"low_percent", "high_percent"}
    factor.low_percent = factor.high_percent = None
    factor.full_clean()
    factor.save()


def test_quantified_factor_needs_figures(source):
    factor = PayFactor(slug="f", kind="industry", name="Fin", quantified=True, source=source)
    assert rejected_by_database(factor)
    assert set(clean_errors(factor)) == {"low_percent", "high_percent"}


def test_negative_factor_is_allowed(source):
    factor = PayFactor(
        slug="s",
        kind="company_size",
        name="Startup",
        low_percent=D("-20"),
        high_percent=D("-10"),
        source=source,
    )
    factor.full_clean()
    factor.save()


@pytest.mark.parametrize(
    ("low", "high"), [(D("30"), D("10")), (D("-1"), D("10")), (D("5"), D("100"))]
)
def test_equity_share_bounds(source, roles, low, high):
    share = EquityShare(role=roles[0], low_percent=low, high_percent=high, source=source)
    assert rejected_by_database(share)
    assert clean_errors(share)


def test_competency_months_ordered(source, roles):
    competency = TimeToCompetency(role=roles[0], min_months=12, max_months=6, source=source)
    assert rejected_by_database(competency)
    assert "max_months" in clean_errors(competency)


def test_level_years_ordered():
    level = ExperienceLevel(name="Odd", slug="odd", order=9, min_years=5, max_years=2)
    assert rejected_by_database(level)
    assert "max_years" in clean_errors(level)


def test_comparison_roles_differ(roles):
    comparison = Comparison(
        slug="same",
        title="Same",
        role_a=roles[0],
        role_b=roles[0],
        summary="s",
        introduction="i",
    )
    assert rejected_by_database(comparison)
    assert clean_errors(comparison) == {"role_b": ["Choose a role different from the first one."]}


def test_comparison_pair_unique_in_either_order(roles):
    Comparison.objects.create(
        slug="ab",
        title="A vs B",
        role_a=roles[0],
        role_b=roles[1],
        summary="s",
        introduction="i",
    )
    reverse = Comparison(
        slug="ba",
        title="B vs A",
        role_a=roles[1],
        role_b=roles[0],
        summary="s",
        introduction="i",
    )
    assert rejected_by_database(reverse)
    assert "These two roles are already compared." in str(clean_errors(reverse))


def test_comparison_slug_unique(roles):
    Comparison.objects.create(
        slug="ab",
        title="A vs B",
        role_a=roles[0],
        role_b=roles[1],
        summary="s",
        introduction="i",
    )
    role_c = Role.objects.create(name="C", slug="c", summary="c", description="c")
    twin = Comparison(
        slug="ab", title="A vs C", role_a=roles[0], role_b=role_c, summary="s", introduction="i"
    )
    assert rejected_by_database(twin)
    assert "slug" in clean_errors(twin)


def test_published_comparison_needs_dates_in_order(roles):
    comparison = Comparison(
        slug="ab",
        title="A vs B",
        role_a=roles[0],
        role_b=roles[1],
        summary="s",
        introduction="i",
        is_published=True,
    )
    assert rejected_by_database(comparison)
    assert "published_on" in clean_errors(comparison)
    comparison.published_on = datetime.date(2026, 2, 1)
    comparison.updated_on = datetime.date(2026, 1, 1)
    assert rejected_by_database(comparison)
    assert "updated_on" in clean_errors(comparison)


def test_premium_claim_must_name_a_compared_role(source, roles, level):
    comparison = Comparison.objects.create(
        slug="ab",
        title="A vs B",
        role_a=roles[0],
        role_b=roles[1],
        summary="s",
        introduction="i",
    )
    outsider = Role.objects.create(name="C", slug="c", summary="c", description="c")
    claim = PremiumClaim(
        comparison=comparison,
        level=level,
        leading_role=outsider,
        low_percent=D("20"),
        high_percent=D("40"),
        source=source,
    )
    assert "leading_role" in clean_errors(claim)
    claim.leading_role = roles[1]
    claim.high_percent = D("10")
    assert rejected_by_database(claim)
    assert "high_percent" in clean_errors(claim)


def test_published_queryset_hides_drafts(roles):
    Comparison.objects.create(
        slug="draft",
        title="Draft",
        role_a=roles[0],
        role_b=roles[1],
        summary="s",
        introduction="i",
    )
    assert list(Comparison.objects.published()) == []


def test_source_as_of_label_follows_precision():
    source = Source(slug="x", publisher="P", title="T", as_of=datetime.date(2025, 3, 9))
    assert source.as_of_label == "2025"
    source.as_of_precision = Source.Precision.MONTH
    assert source.as_of_label == "March 2025"
    source.as_of_precision = Source.Precision.DAY
    assert source.as_of_label == "9 March 2025"


def test_str_and_urls(roles):
    comparison = Comparison(slug="ab", title="A vs B", role_a=roles[0], role_b=roles[1])
    assert str(comparison) == "A vs B"
    assert comparison.get_absolute_url() == "/compare/ab/"
    assert str(roles[0]) == "Role A"


def test_role_slugs_cannot_contain_vs():
    role = Role(name="Odd", slug="ai-vs-ml", summary="s", description="d")
    assert "slug" in clean_errors(role)
    assert rejected_by_database(role)


@pytest.mark.parametrize("code", ["15-1252", "11-0000", ""])
def test_a_role_links_to_an_occupation_by_its_soc_code(roles, code):
    backend = roles[0]
    backend.occupation_code = code
    backend.full_clean()
    backend.save()


@pytest.mark.parametrize("code", ["151252", "15-125", "15-125x", "ab-cdef", "15 1252"])
def test_a_malformed_soc_code_is_refused_by_the_form_and_the_database(roles, code):
    backend = roles[0]
    backend.occupation_code = code
    with pytest.raises(ValidationError) as refused:
        backend.full_clean()
    assert "occupation_code" in refused.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        Role.objects.filter(pk=backend.pk).update(occupation_code=code)
