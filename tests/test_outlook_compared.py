"""Outlook in every comparison (issue 20, points 4 and 5): the article, role
pages and two occupations side by side show BLS Employment Projections'
figures with the comparison worked out from them, in the site's own words."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal as D

import pytest

from officialstats.outlook import Projected, versus
from tests.helpers import ARTICLE_URL, page_text

SD = Projected("15-1252", "Software developers", D("1693.8"), D("1961.4"), D("267.7"),
               D("15.8"), D("115.2"), D("1.6"), "Bachelor's degree")  # fmt: skip
DS = Projected("15-2051", "Data scientists", D("245.9"), D("328.3"), D("82.5"), D("33.5"),
               D("23.4"), D("1.8"), "Bachelor's degree")  # fmt: skip


def test_two_outlooks_are_compared_from_their_figures():
    said = versus("software developers", SD, "data scientists", DS, 2024)
    assert said == (
        "data scientists are projected to grow about twice as fast as software developers "
        "(+33.5% against +15.8%); software developers are projected to have about five times "
        "as many openings a year (115.2 thousand against 23.4 thousand), as there are about "
        "seven times as many of them to begin with (1,693.8 thousand jobs in 2024 against "
        "245.9 thousand)."
    )
    # The words follow the figures, whichever side they come from.
    assert versus("data scientists", DS, "software developers", SD, 2024) == said
    slower = replace(DS, change_percent=D("17.0"), openings=D("120.0"))
    assert versus("software developers", SD, "data scientists", slower, 2024) == (
        "data scientists are projected to grow faster than software developers (+17.0% against "
        "+15.8%); data scientists are projected to have more openings a year (120.0 thousand "
        "against 115.2 thousand)."
    )
    both_shrink = versus(
        "software developers", replace(SD, change_percent=D("-1.0")),
        "data scientists", replace(DS, change_percent=D("-8.0")), 2024,
    )  # fmt: skip
    assert both_shrink.startswith(
        "both are projected to shrink, software developers less than data scientists "
        "(−1.0% against −8.0%)"
    )
    steady = versus("software developers", replace(SD, change_percent=D("0.0")),
                    "data scientists", replace(DS, change_percent=D("-3.0")), 2024)  # fmt: skip
    assert steady.startswith("software developers are projected to hold steady while data")
    empty = replace(DS, employment_start=D("0.0"), openings=D("1.0"))
    assert versus("software developers", SD, "data scientists", empty, 2024)  # no division by 0
    shrinking = replace(DS, change_percent=D("-2.0"))
    assert versus("software developers", SD, "data scientists", shrinking, 2024).startswith(
        "software developers are projected to grow while data scientists are not "
        "(+15.8% against −2.0%)"
    )


@pytest.fixture
def guided(content, oews_release, guidance):
    return oews_release


def test_the_article_shows_both_occupations_outlook_compared(client, guided):
    text = page_text(client.get(ARTICLE_URL))
    section = text[text.rindex("Will the jobs be there?") :]  # not the contents' link
    assert section.startswith(
        "Will the jobs be there? Data scientists are projected to grow about twice as fast as "
        "software developers (+33.5% against +15.8%)"
    )
    assert "Change +267.7 (+15.8%) +82.5 (+33.5%)" in section
    assert "Openings a year 115.2 23.4" in section
    assert "Source: BLS Employment Projections 2024–34" in section


def test_without_projections_the_article_says_nothing_of_outlook(client, content, oews_release):
    assert "Will the jobs be there?" not in page_text(client.get(ARTICLE_URL))


def test_a_role_page_shows_its_occupations_outlook_tasks_and_technology(client, guided):
    text = page_text(client.get("/roles/backend-developer/"))
    assert "Core skills the editors' list" in text
    assert "Hot technologies for Software Developers O*NET" in text
    work = text[text.index("What the work involves") :]
    assert "Tasks O*NET lists for Software Developers" in work
    assert "Source: O*NET 29.3" in work and "Used under the CC BY 4.0 license" in work
    outlook = text[text.index("Will the jobs be there?") :]
    assert "Typical entry education Bachelor's degree" in outlook
    assert "Software Developers: projected to grow about five times as fast as all occupations" in (
        outlook
    )


def test_editors_are_warned_when_a_roles_skills_share_nothing_with_its_occupation(guided):
    from comparisons.models import Role, Skill
    from comparisons.queries.editorial import role_warnings

    role = Role.objects.get(slug="backend-developer")
    # The tests' O*NET lists "Tool 00"... for software developers.
    skills = list(Skill.objects.filter(role=role))
    for at, skill in enumerate(skills):
        skill.name = "Tool 07" if at == 0 else f"Juggling {at}"
        skill.save()
    kinds = [w.kind for w in role_warnings([role])[role.pk]]
    assert "skills_unrelated" not in kinds
    skills[0].name = "Juggling"
    skills[0].save()
    found = [w for w in role_warnings([role])[role.pk] if w.kind == "skills_unrelated"]
    assert len(found) == 1
    assert "shares a word with the technologies, skills and knowledge O*NET lists for " in (
        found[0].message
    )


def test_the_admin_suggests_occupations_for_a_roles_name(superuser_client, guided):
    from comparisons.models import Role

    role = Role.objects.get(slug="ai-ml-engineer")
    role.name = "Machine Learning Engineer"
    role.save()
    text = page_text(superuser_client.get(f"/admin/comparisons/role/{role.pk}/change/"))
    assert (
        "Occupations matching “Machine Learning Engineer”: Data Scientists (15-2051, also called "
        "Machine Learning Engineer)."
    ) in text


PAIR = "/occupations/compare/data-scientists-vs-software-developers/"


def test_two_occupations_compared_gain_outlook_preparation_skills_and_technology(client, guided):
    text = page_text(client.get(PAIR))
    outlook = text[text.index("Outlook and what it takes to enter") :]
    assert outlook.startswith(
        "Outlook and what it takes to enter Data scientists are projected to grow about twice "
        "as fast as software developers (+33.5% against +15.8%)"
    )
    # The written pair names software developers first, so its columns do too.
    assert "Jobs, 2024 1,693.8 245.9" in outlook
    assert "Typical entry education Bachelor's degree Bachelor's degree" in outlook
    assert "O*NET job zone (1 to 5) 4 4" in outlook
    skills = text[text.index("Skills and technology") :]
    # Software developers link to 15-2051.01 (Primary-Short) and 15-2051.00 (Supplemental):
    # the closest counts.
    assert (
        "O*NET lists Data Scientists among the occupations related to Software Developers "
        "(Primary-Short), and Software Developers among those related to Data Scientists "
        "(Primary-Short)."
    ) in skills
    assert "O*NET does not rate the skills of either occupation" in skills
    assert (
        "O*NET lists 0 technologies for both, 25 for Software Developers only and 0 for "
        "Data Scientists only"
    ) in skills
    assert "(the first 12 of 25)" in skills
    assert "Used under the CC BY 4.0 license" in skills


def test_skills_both_rate_highly_and_those_only_one_does(client, guided):
    from officialstats.queries.pair_guidance import split

    both = split(["Speaking", "Writing", "Science"], ["Writing", "Speaking", "Coordination"])
    assert (both.both, both.only_first, both.only_second) == (
        ["Speaking", "Writing"],
        ["Science"],
        ["Coordination"],
    )
    assert both.counts == (2, 1, 1)


def test_a_pair_with_guidance_takes_a_fixed_number_of_queries(
    client, guided, django_assert_max_num_queries
):
    with django_assert_max_num_queries(9):
        assert client.get(PAIR).status_code == 200
