"""Where each place stands among the others, worked out once per release at import
(``officialstats.importing.standings``): the pure rule, and a release's
standings against the same rule applied to its figures."""

from __future__ import annotations

from decimal import Decimal

import pytest

from officialstats.importing.standings import NEIGHBOURS, Place, stand
from officialstats.models import Area, Estimate, Standing
from officialstats.publishing import discard
from officialstats.ranks import rank
from tests.helpers import import_oews


def places(*figures) -> list[Place]:
    """Places named A, B, C... with (pay, jobs, lq)."""
    return [
        Place(n, 100 + n, chr(65 + n), pay, jobs, lq) for n, (pay, jobs, lq) in enumerate(figures)
    ]


def by_column(rows: list[tuple]) -> list[dict]:
    from officialstats.importing.standings import COLUMNS

    return [dict(zip(COLUMNS, row, strict=True)) for row in rows]


def test_ranks_share_a_place_when_tied_and_skip_what_is_missing():
    rows = by_column(stand(places((90, 5, 1), (80, 9, None), (90, 1, 2), (None, None, 3))))
    assert [r["pay_rank"] for r in rows] == [1, 3, 1, None]
    assert [r["pay_tied"] for r in rows] == [True, False, True, False]
    assert {r["pay_of"] for r in rows} == {3}  # the places with a pay
    assert [r["employment_rank"] for r in rows] == [2, 1, 3, None]
    assert [r["location_quotient_rank"] for r in rows] == [3, None, 2, 1]


def test_the_lists_order_by_pay_then_jobs_then_name_and_by_jobs_then_name():
    rows = by_column(stand(places((90, 5, 1), (80, 9, None), (90, 7, 2), (None, 9, 3))))
    assert [r["pay_order"] for r in rows] == [2, 3, 1, None]  # C's 7 jobs beat A's 5
    assert [r["employment_order"] for r in rows] == [4, 1, 3, 2]  # B before D: by name


def test_neighbours_are_the_places_just_above_and_below_by_pay():
    figures = [(Decimal(100 - n), 1, 1) for n in range(10)]
    rows = by_column(stand(places(*figures)))
    fifth = [int(area) for area in rows[4]["neighbours"].split(",")]
    assert fifth == [101, 102, 103, 105, 106, 107]  # three either side, highest first
    assert rows[0]["neighbours"] == "101,102,103"  # the highest has none above it
    assert len(rows[0]["neighbours"].split(",")) == NEIGHBOURS
    assert by_column(stand(places((None, 1, 1))))[0]["neighbours"] == ""


def test_a_release_s_standings_follow_the_rule_for_every_place(places_release):
    """Against the rule applied afresh (``ranks.rank``) to each occupation's places."""
    standings = {s.estimate_id: s for s in Standing.objects.filter(release=places_release)}
    estimates = (
        Estimate.objects.filter(release=places_release, industry__code="000000")
        .exclude(area__kind=Area.Kind.NATIONAL)
        .select_related("area")
    )
    assert len(standings) == estimates.count() > 50
    groups: dict[tuple[int, bool], list[Estimate]] = {}
    for estimate in estimates:
        groups.setdefault((estimate.occupation_id, estimate.area.kind == "state"), []).append(
            estimate
        )
    for group in groups.values():
        for estimate in group:
            found = standings[estimate.pk]
            jobs = rank(estimate.employment, [e.employment for e in group])
            assert (found.employment_rank, found.employment_of) == (jobs.position, jobs.of)
            assert found.employment_tied == jobs.tied


@pytest.mark.django_db
def test_a_discarded_release_leaves_no_standing(oews_files):
    staged = import_oews(oews_files, publish=False)
    assert Standing.objects.filter(release=staged).exists()
    discard(staged)
    assert not Standing.objects.exists()
