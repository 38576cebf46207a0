"""Smoke test: every guidance dataset in full, from CAREERGUIDE_DATA_DIR (the
publishers' files beside the checkout), checked against the figures their
publishers publish (``../shared/data/guidance.md``).

Runs with the whole-release step of .ci/run (OEWS_FULL_RELEASE=1); there a
missing folder fails it rather than skips it. The occupation pages use the
suite's small OEWS release: the full one is the other smoke test's.
"""

from __future__ import annotations

import time
from decimal import Decimal as D

import pytest
from django.conf import settings
from django.core.management import call_command

from officialstats.models import (
    OnetOccupation,
    OnetTask,
    OnetTechnology,
    Program,
    Projection,
    Release,
    StudyProgram,
)
from officialstats.queries.work import load_work
from tests.helpers import page_text

pytestmark = [pytest.mark.full_release, pytest.mark.django_db]


def test_every_dataset_in_full(client, oews_release):
    folder = settings.GUIDANCE_DATA_DIR
    if folder is None or not (folder / "SHA256SUMS").is_file():
        pytest.fail("CAREERGUIDE_DATA_DIR names no folder of the publishers' files")
    started = time.monotonic()
    call_command("import_guidance", "all", "--publish", "--no-download", verbosity=0)
    assert time.monotonic() - started < 60

    ep = Release.objects.get(program=Program.EP, status=Release.Status.LIVE)
    assert (ep.code, ep.name) == ("2024-34", "2024\u201334")
    rows = Projection.objects.filter(release=ep)
    assert rows.count() == 1113  # 281 summaries and 832 line items
    assert rows.filter(kind=Projection.Kind.LINE_ITEM).count() == 832
    sd = rows.get(code="15-1252")
    assert (sd.employment_start, sd.employment_end, sd.change_percent, sd.openings) == (
        D("1693.8"), D("1961.4"), D("15.8"), D("115.2")
    )  # fmt: skip
    assert (sd.education, sd.experience, sd.training) == ("Bachelor's degree", "None", "None")
    ds = rows.get(code="15-2051")
    assert (ds.employment_start, ds.employment_end, ds.change_percent, ds.openings) == (
        D("245.9"), D("328.3"), D("33.5"), D("23.4")
    )  # fmt: skip
    everyone = rows.get(code="00-0000")
    assert (everyone.employment_start, everyone.employment_end, everyone.change_percent) == (
        D("169956.1"), D("175167.9"), D("3.1")
    )  # fmt: skip
    assert everyone.openings == D("18863.3")
    assert rows.filter(self_employed_percent__isnull=True, kind="line").count() == 199

    text = page_text(client.get("/occupations/software-developers/"))
    assert "Bachelor's degree" in text
    assert "Jobs, 2024 1,693.8 169,956.1 Jobs, 2034 (projected) 1,961.4 175,167.9" in text
    assert "(+15.8% against +3.1%), with about 115.2 thousand openings a year" in text

    onet = Release.objects.get(program=Program.ONET, status=Release.Status.LIVE)
    assert (onet.code, onet.reference_month.isoformat()) == ("29.3", "2025-05-01")
    sd = OnetOccupation.objects.get(release=onet, code="15-1252.00")
    assert (sd.title, sd.job_zone) == ("Software Developers", 4)
    tasks = OnetTask.objects.filter(release=onet, code="15-1252.00").order_by("position")
    assert tasks.count() == 19 and tasks.first().task_id == 21661
    assert tasks.first().text == (
        "Analyze information to determine, recommend, and plan installation of a new system "
        "or modification of an existing system."
    )
    technology = OnetTechnology.objects.filter(release=onet, code="15-1252.00")
    assert (technology.count(), technology.filter(hot=True).count()) == (426, 149)
    assert "Job Zone Four: Considerable Preparation Needed" in text
    assert "O*NET rates no skills or knowledge for Software Developers." in text
    # Split and finer occupations, as guidance.md lists them.
    lab = load_work("29-2010")
    assert lab.how == "split" and [p.code[:7] for p in lab.parts] == ["29-2011", "29-2012"]
    other = load_work("15-1299")
    assert other.how == "finer"
    assert {"Information Security Engineers", "Blockchain Engineers"} <= {
        p.title for p in other.parts
    }
    nurses = load_work("29-1141")
    assert nurses.single.skills and nurses.single.education_shown

    programs = StudyProgram.objects.filter(release__program=Program.CIPSOC, cip_code="30.7001")
    assert programs.count() == 8  # Data Science, General leads to 8 SOC codes
    assert {"15-2051", "15-1252"} <= set(programs.values_list("soc", flat=True))
    assert "Programs of study that lead there" in text and "Computer Science CIP 11.0701" in text
    # Related careers, cut to OEWS's SOC codes, with pay.
    assert "Related careers: pay, growth and what it takes" in text
    assert "Computer Hardware Engineers" in text  # O*NET relates it to software developers
