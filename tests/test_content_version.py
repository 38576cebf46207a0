"""The site state's content part moves once per change: a save, a delete, a
many-to-many change, a whole fixture load."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from django.core.management import call_command

from comparisons.models import Benefit, PayFactor, Role, SalaryBand, Skill
from core import state

pytestmark = pytest.mark.django_db


def version() -> int:
    return state.read_state().version(state.CONTENT)


@pytest.fixture
def counted():
    """Calls ``change`` and returns by how much the content version moved."""

    def counted(change) -> int:
        before = version()
        change()
        return version() - before

    return counted


@pytest.fixture
def masters(content) -> PayFactor:
    return PayFactor.objects.get(slug="masters-degree")


@pytest.fixture
def backend(content) -> Role:
    return Role.objects.get(slug="backend-developer")


def test_a_save_counts_once(counted, content):
    band = SalaryBand.objects.first()
    band.min_salary += D(1)
    assert counted(band.save) == 1  # also writes a history row, which does not count


def test_a_delete_counts_once(counted, content):
    assert counted(Skill.objects.filter(name="Java").get().delete) == 1


def test_an_add_counts_once(counted, masters, backend):
    assert counted(lambda: masters.applies_to.add(backend)) == 1
    # from the other side of the relation too, and through an explicit through model
    assert counted(lambda: backend.pay_factors.remove(masters)) == 1
    benefit = Benefit.objects.exclude(roles=backend).first()
    assert counted(lambda: benefit.roles.add(backend)) == 1


def test_adding_what_is_there_or_removing_what_is_not_changes_nothing(counted, masters, backend):
    present = masters.applies_to.first()
    assert counted(lambda: masters.applies_to.add(present)) == 0
    assert counted(lambda: masters.applies_to.remove(backend)) == 1  # a removal is not checked
    assert counted(lambda: masters.applies_to.add()) == 0


def test_a_clear_counts_once(counted, masters):
    assert masters.applies_to.exists()
    assert counted(masters.applies_to.clear) == 1


def test_a_fixture_load_counts_once(counted, db):
    assert not Role.objects.exists()
    assert counted(lambda: call_command("load_content", verbosity=0)) == 1
    assert Role.objects.count() >= 2 and PayFactor.objects.filter(applies_to__isnull=False)
    assert counted(lambda: call_command("load_content", verbosity=0)) == 0  # nothing loaded
    assert counted(lambda: call_command("load_content", force=True, verbosity=0)) == 1


def test_a_load_that_fails_changes_nothing(counted, content):
    from comparisons.changes import one_change

    def failing_load():
        with pytest.raises(RuntimeError), one_change():
            Skill.objects.first().delete()
            raise RuntimeError("the load broke")

    assert counted(failing_load) == 0


def test_a_bulk_change_is_announced_once_when_it_commits(
    content, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        call_command("load_content", force=True, verbosity=0)
    assert [c for c in callbacks if c is state._after_change] == [state._after_change]
