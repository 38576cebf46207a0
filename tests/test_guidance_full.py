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

from officialstats.models import Program, Projection, Release
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
