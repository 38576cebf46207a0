"""O*NET 29.3: what the work is, the preparation, skills and technology,
imported from O*NET's own Excel files (small copies the tests build,
tests/guidance_files.py) and shown on occupation pages (issue 19)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from django.core.management import CommandError, call_command

from officialstats.guidance.fetch import fetch
from officialstats.guidance.programs import ONET, onet_attribution
from officialstats.models import OnetEducation, OnetRating, Program, Release
from officialstats.queries.work import load_work
from tests.guidance_files import SD_FIRST_TASK, write_onet, write_sums
from tests.helpers import page_text

SD = "/occupations/software-developers/"
ONET_ATTRIBUTION = onet_attribution("29.3")


@pytest.fixture
def onet_release(db, data_dir):
    call_command("import_guidance", "onet", "--publish", verbosity=0)
    return Release.objects.get(program=Program.ONET)


def test_the_files_are_read_as_o_net_lays_them_out(db, data_dir):
    read = ONET.read({f.file.name: f for f in fetch(ONET)})
    assert (read.code, read.name, read.reference_month.isoformat()) == (
        "29.3",
        "29.3",
        "2025-05-01",
    )
    assert {o.code: o.job_zone for o in read.occupations}["15-1252.00"] == 4
    sd_tasks = [t for t in read.tasks if t.code == "15-1252.00"]
    assert (sd_tasks[0].task_id, sd_tasks[0].text, sd_tasks[0].kind) == (21661, SD_FIRST_TASK, "")
    ratings = {r.name: r for r in read.ratings}
    assert (
        ratings["Reading Comprehension"].importance,
        ratings["Reading Comprehension"].level,
    ) == (D("4.5"), D("5.12"))
    assert "Writing" not in ratings  # its importance O*NET recommends suppressing
    assert "Speaking" not in ratings  # O*NET marks its level not relevant
    education = {e.category: e for e in read.education}
    assert education[6].percent is None and education[6].suppressed  # kept, as suppressed
    assert education[11].percent == D("67.25")


@pytest.mark.parametrize(
    ("replace", "says"),
    [
        ({"Task_Statements": [("15-1252", "Software Developers", 1, "x", None, 1, "", "")]},
         "Task Statements.xlsx, sheet “Task Statements”, row 2: “15-1252” is not an O*NET-SOC"),
        ({"Task_Statements": [("99-9999.00", "Nobody", 1, "x", None, 1, "", "")]},
         "row 2: 99-9999.00 is not in Occupation Data"),
        ({"Technology_Skills": [("15-1252.00", "SD", "Tool", 1, "Software", "Maybe", "N")]},
         "Technology Skills.xlsx, sheet “Technology Skills”, row 2: “Maybe” in column “Hot "
         "Technology” is neither Y nor N"),
        ({"Job_Zones": [("15-1252.00", "SD", 7, "", "")]},
         "row 2: Job Zone 7 is not in the Job Zone Reference"),
    ],
)  # fmt: skip
def test_a_broken_file_is_named_with_its_row_and_nothing_changes(data_dir, db, replace, says):
    write_onet(data_dir / "onet-29.3", **replace)
    write_sums(data_dir)
    with pytest.raises(CommandError) as raised:
        call_command("import_guidance", "onet", verbosity=0)
    assert says in str(raised.value)
    assert not Release.objects.exists() and not OnetRating.objects.exists()


def test_a_missing_file_or_version_is_refused(data_dir, db):
    (data_dir / "onet-29.3" / "Skills.xlsx").unlink()
    with pytest.raises(CommandError, match=r"Skills\.xlsx: the file is missing"):
        call_command("import_guidance", "onet", verbosity=0)
    write_onet(data_dir / "onet-29.3")
    (data_dir / "onet-29.3" / "Read Me.txt").write_text("Some other database\n")
    write_sums(data_dir)
    with pytest.raises(CommandError, match=r"Read Me\.txt: does not name the database's version"):
        call_command("import_guidance", "onet", verbosity=0)


def test_an_occupation_of_its_own_shows_its_own_content(onet_release):
    work = load_work("15-2051")
    assert work.how == "own" and [p.code for p in work.parts] == ["15-2051.00"]
    assert [t.text for t in work.single.tasks] == ["Core data task.", "Supplemental data task."]
    assert [f.title for f in work.finer] == ["Business Intelligence Analysts"]


def test_an_empty_all_other_shows_its_finer_occupations(onet_release):
    work = load_work("15-1299")
    assert work.how == "finer"
    assert [p.title for p in work.parts] == ["Information Security Engineers",
                                             "Blockchain Engineers"]  # fmt: skip


def test_an_oews_code_o_net_splits_shows_its_parts(onet_release):
    work = load_work("29-2010")
    assert work.how == "split"
    assert [p.code for p in work.parts] == ["29-2011.00", "29-2012.00"]
    assert load_work("11-1011").how == "none"


def test_the_occupation_page_says_what_they_do_and_what_it_takes(
    client, oews_release, onet_release
):
    text = page_text(client.get(SD))
    assert "What they do Research, design, and develop software. Tasks " + SD_FIRST_TASK in text
    assert "All 7 tasks" in text  # the first five shown, the rest one tap away
    assert "Job Zone Four: Considerable Preparation Needed" in text
    assert "O*NET rates no skills or knowledge for Software Developers." in text
    assert (
        "25 technologies, 12 of them hot technologies (often named in job ads) and 3 in demand"
        in (text)
    )
    assert ONET_ATTRIBUTION in text
    body = client.get(SD).content.decode()
    assert body.index('id="work"') < body.index('id="entry"') < body.index('id="skills"')


def test_ratings_and_the_education_chart_with_what_o_net_suppresses(
    client, oews_release, onet_release
):
    response = client.get("/occupations/anesthesiologists/")
    text = page_text(response)
    assert "Skills: the 2 most important of 2" in text
    assert "Active Listening 4.62 4.88 Reading Comprehension 4.50 5.12" in text
    assert "Knowledge: the 1 most important of 1 Knowledge Importance (1–5) Level (0–7) " in text
    assert "Ranked by careerguide from O*NET's importance ratings (derived from O*NET)" in text
    assert "Bachelor's Degree suppressed Master's Degree 20.25% Doctoral Degree 67.25%" in text
    assert "it is named, not shown, so the others do not add up to 100%" in text
    assert 'role="img" aria-labelledby="29-1211.00-edu-title"' in response.content.decode()
    assert OnetEducation.objects.filter(suppressed=True, percent__isnull=True).count() == 1


def test_without_o_net_the_page_says_so(client, oews_release):
    assert "O*NET's descriptions of the work are not loaded on this site yet." in page_text(
        client.get(SD)
    )


def test_the_methodology_carries_o_net_s_attribution_and_files(client, content, onet_release):
    text = page_text(client.get("/methodology/"))
    assert "O*NET 29.3" in text and ONET_ATTRIBUTION in text
    assert "Task Statements.xlsx" in text and "CC BY 4.0" in text


@pytest.mark.parametrize("path", [SD, "/occupations/actors/"])
def test_with_every_dataset_the_page_costs_a_fixed_number_of_queries(
    client, oews_release, data_dir, django_assert_num_queries, path
):
    """OEWS's five, the projections' one, O*NET's six (its occupations, tasks,
    ratings, technology, education, job zones), the crosswalk's one, the related
    careers' four (O*NET's links, their pay, growth and job zones) and its other titles."""
    call_command("import_guidance", "all", "--publish", verbosity=0)
    with django_assert_num_queries(18):
        assert client.get(path, {"sort": "employment"}).status_code == 200


def test_search_engines_get_the_tasks_skills_education_and_experience(
    client, oews_release, data_dir
):
    import json
    import re

    call_command("import_guidance", "all", "--publish", verbosity=0)
    body = client.get(SD).content.decode()
    items = [json.loads(found) for found in re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', body, re.S)]  # fmt: skip
    occupation = next(item for item in items if item["@type"] == "Occupation")
    assert occupation["responsibilities"][0] == SD_FIRST_TASK
    # The tasks shown at once (of 7): the rest are one tap away on the page, and
    # repeating them here would cost every page's size budget.
    assert len(occupation["responsibilities"]) == 5
    assert occupation["educationRequirements"] == "Bachelor's degree"
    assert occupation["experienceRequirements"] == "No work experience in a related occupation"
    assert occupation["skills"][:2] == ["Tool 01", "Tool 03"]  # no ratings: hot technologies
    assert "jobs projected +15.8% 2024\u201334" in occupation["description"]


def test_the_downloads_carry_the_guidance_figures_with_sources_and_units(
    client, oews_release, data_dir
):
    import json

    call_command("import_guidance", "all", "--publish", verbosity=0)
    data = json.loads(client.get("/occupations/anesthesiologists.json").content)
    by = {(row["figure"], row["unit"]): row for row in data["figures"]}
    assert by[("job zone", "O*NET job zone (1-5)")]["value"] == 5
    suppressed = by[("required education: Bachelor's Degree", "percent of workers")]
    assert (suppressed["value"], suppressed["state"]) == ("", "suppressed")
    skill = by[("skill importance: Active Listening", "importance (1-5)")]
    assert skill["note"].endswith("(derived)") and "CC BY 4.0" in skill["source"]
    assert by[("program of study", "CIP 51.1203")]["value"] == "Anesthesiology"
    assert ONET_ATTRIBUTION in data["other_sources"]["O*NET"]
    csv = client.get("/occupations/software-developers.csv").content.decode()
    assert "projected employment 2024,1693.8,thousand jobs,published" in csv
    assert "openings a year 2024\u201334,115.2,thousand jobs" in csv


@pytest.mark.browser
@pytest.mark.parametrize(("width", "scheme"), [(390, "dark"), (1280, "light")])
def test_the_guidance_fits_a_phone_every_figure_labelled_and_axe_finds_nothing(
    open_page, site, oews_files, data_dir, width, scheme
):
    from axe_playwright_python.sync_playwright import Axe

    from tests.browser import AXE_OPTIONS, CLIPPED_CELLS, OVERFLOWING, SMALL_TARGETS, TARGETS, visit
    from tests.helpers import import_oews

    import_oews(oews_files)
    call_command("import_guidance", "all", "--publish", verbosity=0)
    page = open_page(viewport={"width": width, "height": 800}, color_scheme=scheme,
                     is_mobile=width < 600, has_touch=True)  # fmt: skip
    page.base_url = site
    for path in (SD, "/occupations/anesthesiologists/", "/occupations/actors/"):
        visit(page, path)
        for summary in page.locator("#work details summary, #skills details summary").all():
            summary.click()  # every task and technology, open
        results = Axe().run(page, options=AXE_OPTIONS)
        assert results.violations_count == 0, results.generate_report()
        assert page.evaluate(CLIPPED_CELLS) == [], path
        assert page.evaluate(OVERFLOWING) == [], path
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path
        assert page.evaluate(SMALL_TARGETS, TARGETS) == [], path
    assert page.problems.all() == []


def test_with_every_dataset_a_page_stays_within_20_kb_with_its_pay_answer_first(
    client, oews_release, data_dir
):
    import gzip

    call_command("import_guidance", "all", "--publish", verbosity=0)
    for path in (SD, "/occupations/anesthesiologists/", "/occupations/data-scientists/"):
        body = client.get(path).content
        assert len(gzip.compress(body, 6)) <= 20 * 1024, path
        answer_ends = body.index(b"</section>", body.index(b'id="pay-position"'))
        assert len(gzip.compress(body[:answer_ends], 6)) <= 14 * 1024, path


def test_a_split_code_names_each_part_even_when_one_is_described_by_finer_ones(db, data_dir):
    from tests.guidance_files import ONET_OCCUPATIONS, ONET_TASKS

    # 29-2012 with no task of its own: its finer occupation describes it, named.
    occupations = [*ONET_OCCUPATIONS, ("29-2012.01", "Histology Technicians", "Prepare tissue.", 3)]
    tasks = [t for t in ONET_TASKS if t[0] != "29-2012.00"] + [
        ("29-2012.01", 32401, "Cut sections of tissue.", "Core")
    ]
    write_onet(data_dir / "onet-29.3", Occupation_Data=[(c, t, d) for c, t, d, _ in occupations],
               Job_Zones=[(c, t, z, "", "") for c, t, _, z in occupations],
               Task_Statements=[(c, "T", i, x, k, 1, "", "") for c, i, x, k in tasks])  # fmt: skip
    write_sums(data_dir)
    call_command("import_guidance", "onet", "--publish", verbosity=0)
    work = load_work("29-2010")
    assert work.how == "split" and work.single is None
    assert [p.code for p in work.parts] == ["29-2011.00", "29-2012.01"]
    assert load_work("15-1252").single.code == "15-1252.00"


def test_related_careers_with_pay_growth_and_next_steps(client, oews_release, data_dir):
    from officialstats.queries.related import needs_no_more

    call_command("import_guidance", "all", "--publish", verbosity=0)
    text = page_text(client.get(SD))
    section = text.split("Related careers: pay, growth and what it takes")[1].split("Sources:")[0]
    # The finer code first, under its SOC occupation; its duplicate further down dropped;
    # the self-link dropped; the occupation OEWS does not publish shown without pay.
    assert section.index("Data Scientists as Business Intelligence Analysts") < section.index(
        "Software Quality Assurance Analysts and Testers"
    )
    assert section.count("Data Scientists") == 1 and "Software Developers $" not in section
    assert "Air Crew Officers not published: OEWS has no such occupation" in section
    assert "+33.5% Bachelor's degree 4" in section  # data scientists' growth, education, zone
    assert "next step" not in section  # none of them pays more
    # From data scientists, software developers pay more with the same entry education.
    text = page_text(client.get("/occupations/data-scientists/"))
    assert "Software Developers next step $135,980 +$" in text
    assert needs_no_more("Bachelor's degree", "Master's degree")
    assert not needs_no_more("Doctoral or professional degree", "Bachelor's degree")
