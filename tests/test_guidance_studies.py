"""Programs of study that lead to an occupation: NCES's CIP 2020 to SOC 2018
crosswalk, imported from its workbook (a small copy the tests build) and shown
under "How to become one" (issue 19)."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from officialstats.models import Program, Release, StudyProgram
from tests.guidance_files import CIP_SOC, write_cip, write_sums
from tests.helpers import page_text

SD = "/occupations/software-developers/"
CROSSWALK = "cip-soc-2020/CIP2020_SOC2018_Crosswalk.xlsx"


def test_the_crosswalk_is_read_without_its_no_match_rows(db, data_dir):
    call_command("import_guidance", "cipsoc", "--publish", verbosity=0)
    release = Release.objects.get(program=Program.CIPSOC)
    assert (release.code, release.name) == ("2020-2018", "CIP 2020 to SOC 2018")
    rows = StudyProgram.objects.filter(release=release)
    assert rows.count() == len(CIP_SOC) - 1  # the "NO MATCH" row is left out
    assert set(rows.filter(cip_code="30.7001").values_list("soc", flat=True)) == {
        "15-1252", "15-2051"
    }  # fmt: skip
    assert rows.get(cip_code="11.0701").title == "Computer Science"  # its final stop dropped


@pytest.mark.parametrize(
    ("rows", "says"),
    [
        ([("30.70", "Data Science.", "15-2051", "Data Scientists")],
         "sheet “CIP-SOC”, row 2: “30.70” is not a six-digit CIP code"),
        ([("30.7001", "Data Science.", "152051", "Data Scientists")],
         "row 2: “152051” is not a SOC code"),
    ],
)  # fmt: skip
def test_a_broken_crosswalk_is_named_and_changes_nothing(db, data_dir, rows, says):
    write_cip(data_dir / CROSSWALK, rows)
    write_sums(data_dir)
    with pytest.raises(CommandError) as raised:
        call_command("import_guidance", "cipsoc", verbosity=0)
    assert says in str(raised.value)
    assert not Release.objects.exists()


def test_the_page_lists_the_programs_that_lead_there(client, oews_release, data_dir):
    call_command("import_guidance", "cipsoc", "--publish", verbosity=0)
    text = page_text(client.get(SD))
    assert (
        "Programs of study that lead there Computer Science CIP 11.0701 Computer Software "
        "Engineering CIP 14.0903 Data Science, General CIP 30.7001"
    ) in text
    assert "Source: NCES, CIP 2020 to SOC 2018 crosswalk." in text
    assert "NCES's crosswalk leads no program of study to Actors." in page_text(
        client.get("/occupations/actors/")
    )
