"""The seed content loads cleanly, once, and never clobbers editors' work."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from django.core.management import call_command

from comparisons.models import (
    Benefit,
    BenefitRole,
    CareerStep,
    Comparison,
    EquityShare,
    ExperienceLevel,
    OccupationComparison,
    PayFactor,
    PremiumClaim,
    Role,
    RoleNote,
    SalaryBand,
    SalaryStat,
    Skill,
    Source,
    Takeaway,
    TimeToCompetency,
)

pytestmark = pytest.mark.django_db

EXPECTED_COUNTS = {
    Source: 1,
    Role: 2,
    ExperienceLevel: 3,
    SalaryStat: 4,
    SalaryBand: 6,
    EquityShare: 2,
    TimeToCompetency: 2,
    Skill: 14,
    CareerStep: 4,
    PayFactor: 7,
    Benefit: 6,
    BenefitRole: 9,
    RoleNote: 5,
    Comparison: 1,
    PremiumClaim: 1,
    Takeaway: 2,
    OccupationComparison: 4,
}


def counts() -> dict:
    return {model: model.objects.count() for model in EXPECTED_COUNTS}


def test_fixtures_load_into_an_empty_database(content):
    assert counts() == EXPECTED_COUNTS


def test_every_loaded_row_passes_model_validation(content):
    for model in EXPECTED_COUNTS:
        for obj in model.objects.all():
            obj.full_clean()


def test_seed_figures_are_exact(content):
    band = SalaryBand.objects.get(role__slug="ai-ml-engineer", level__slug="senior")
    assert (band.min_salary, band.max_salary, band.open_ended) == (
        D("170000"),
        D("250000"),
        True,
    )
    headline = SalaryStat.objects.get(role__slug="backend-developer", kind="headline")
    assert headline.average == D("114528") and not headline.approximate
    overview = SalaryStat.objects.get(role__slug="backend-developer", kind="overview")
    assert (overview.average, overview.approximate) == (D("95000"), True)
    masters = PayFactor.objects.get(slug="masters-degree")
    assert list(masters.applies_to.values_list("slug", flat=True)) == ["ai-ml-engineer"]
    startup = PayFactor.objects.get(slug="startup")
    assert (startup.low_percent, startup.high_percent) == (D("-20"), D("-10"))
    large = PayFactor.objects.get(slug="large-tech-firm")
    assert not large.quantified and large.low_percent is None


def test_load_content_twice_neither_duplicates_nor_loses(content):
    call_command("load_content", verbosity=0)
    assert counts() == EXPECTED_COUNTS


def test_load_content_keeps_editors_changes(content):
    SalaryBand.objects.filter(role__slug="ai-ml-engineer", level__slug="entry-level").update(
        min_salary=D("99000")
    )
    call_command("load_content", verbosity=0)
    band = SalaryBand.objects.get(role__slug="ai-ml-engineer", level__slug="entry-level")
    assert band.min_salary == D("99000")


def test_forced_reload_updates_in_place(content):
    SalaryBand.objects.filter(role__slug="ai-ml-engineer", level__slug="entry-level").update(
        min_salary=D("99000")
    )
    call_command("load_content", force=True, verbosity=0)
    assert counts() == EXPECTED_COUNTS
    band = SalaryBand.objects.get(role__slug="ai-ml-engineer", level__slug="entry-level")
    assert band.min_salary == D("95000")
