"""Importing an OEWS release: exact figures, bad input, atomic publishing, versions."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from core import state
from officialstats import live, publishing
from officialstats.figures import Datatype, State
from officialstats.importing import flatfiles
from officialstats.importing.problems import ImportProblem
from officialstats.models import Area, Estimate, ImportRun, Industry, Occupation, Release
from officialstats.signals import release_published
from tests.helpers import import_oews, statistics_state
from tests.oews import replace_in, write_next_release

pytestmark = pytest.mark.django_db
D = Datatype


def estimate(code: str, area: str = "0000000", industry: str = "000000", status="live"):
    return Estimate.objects.select_related("occupation", "area", "industry").get(
        release__status=status, occupation__code=code, area__code=area, industry__code=industry
    )


def test_exact_figures_after_import(oews_release):
    row = estimate("15-1252")
    assert row.employment == 1_687_890
    assert row.annual_mean == Decimal("148100")
    assert row.annual_median == Decimal("135980")
    assert row.annual_p10 == Decimal("82460")
    assert row.annual_p90 == Decimal("214670")
    assert row.hourly_mean == Decimal("71.20")
    assert row.employment_rse == Decimal("0.6")
    assert row.location_quotient is None and row.location_quotient_note is None
    austin = estimate("15-1252", area="0012420")
    assert (austin.jobs_per_1000, austin.location_quotient) == (Decimal("24.708"), Decimal("2.28"))
    data = estimate("15-2051")
    assert (data.employment, data.annual_mean, data.annual_median) == (
        262_440,
        Decimal("126800"),
        Decimal("120230"),
    )
    assert (data.annual_p10, data.annual_p90) == (Decimal("67240"), Decimal("199130"))
    total = estimate("00-0000")
    assert (total.employment, total.annual_mean, total.annual_median) == (
        155_495_730,
        Decimal("69770"),
        Decimal("50980"),
    )
    assert (total.annual_p10, total.annual_p90) == (Decimal("31200"), Decimal("128560"))


def test_footnotes_become_distinct_states(oews_release):
    actors = estimate("27-2011").figures()
    assert actors[D.ANNUAL_MEAN].state is State.ONE_UNIT_ONLY
    assert actors[D.HOURLY_MEAN].state is State.PUBLISHED
    california_actors = estimate("27-2011", area="0600000").figures()
    assert california_actors[D.HOURLY_MEDIAN].state is State.NOT_RELEASED
    surgeons = estimate("29-1243", area="4800000").figures()
    assert surgeons[D.ANNUAL_P90].state is State.TOP_CODED
    assert surgeons[D.ANNUAL_P90].bound == Decimal("239200")
    assert surgeons[D.HOURLY_MEAN].bound == Decimal("115.00")
    # Chief executives in spectator sports: a 75th percentile of $572,200
    # published, and a 90th marked "at least $239,200": not shown as a bound.
    chiefs = estimate("11-1011", industry="711200").figures()
    assert chiefs[D.ANNUAL_P75].value == Decimal("572200")
    assert chiefs[D.ANNUAL_P90].state is State.NOT_PUBLISHED
    # Not released: employment of cashiers in computer systems design.
    cashiers = estimate("41-2011", industry="541500")
    assert cashiers.employment is None and cashiers.employment_note == 8


def test_hierarchy_kinds_states_and_slugs(oews_release):
    occupations = {o.code: o for o in Occupation.objects.filter(release=oews_release)}
    assert occupations["15-1252"].level == Occupation.Level.DETAILED
    assert occupations["15-1252"].parent == occupations["15-1250"]
    assert occupations["15-1250"].parent == occupations["15-1200"]
    assert occupations["15-1200"].parent == occupations["15-0000"]
    assert occupations["15-0000"].parent == occupations["00-0000"]
    assert occupations["00-0000"].parent is None
    assert occupations["29-1210"].parent == occupations["29-0000"]  # no 29-1200 listed
    assert occupations["41-2011"].slug == "cashiers"
    assert occupations["41-2010"].slug == "cashiers-41-2010"
    assert occupations["15-1252"].slug == "software-developers"
    areas = {a.code: a for a in Area.objects.filter(release=oews_release)}
    assert (areas["0000000"].kind, areas["0000000"].slug) == ("national", "united-states")
    assert (areas["0600000"].kind, areas["0600000"].slug) == ("state", "california")
    austin = areas["0012420"]
    assert (austin.kind, austin.slug, austin.state) == (
        "metro",
        "austin-round-rock-san-marcos-tx",
        areas["4800000"],
    )
    assert areas["4800004"].kind == "nonmetro" and areas["4800004"].state == areas["4800000"]
    assert Industry.objects.get(release=oews_release, code="000000").level == 0


def test_counts_and_files_are_recorded(oews_release, oews_files):
    assert oews_release.status == Release.Status.LIVE
    assert (oews_release.code, oews_release.name) == ("2025A01", "May 2025")
    assert oews_release.reference_month.isoformat() == "2025-05-01"
    assert (oews_release.occupation_count, oews_release.area_count) == (26, 5)
    assert (oews_release.industry_count, oews_release.estimate_count) == (3, 119)
    data = (oews_files / flatfiles.DATA).read_bytes()
    assert oews_release.value_count == data.count(b"\r\n") - 1
    files = {f.name: f for f in oews_release.files.all()}
    assert set(files) == {*flatfiles.REQUIRED_FILES, "oe.areatype"}
    assert files[flatfiles.DATA].imported_size == len(data)
    assert files[flatfiles.DATA].identical
    assert files[flatfiles.DATA].url == (
        "https://download.bls.gov/pub/time.series/oe/oe.data.0.Current"
    )


def import_problem(folder) -> ImportProblem:
    with pytest.raises(ImportProblem) as raised:
        import_oews(folder)
    return raised.value


def snapshot() -> tuple:
    return (
        list(Release.objects.values_list("code", "status").order_by("code")),
        Estimate.objects.count(),
        Occupation.objects.count(),
        Area.objects.count(),
        Industry.objects.count(),
    )


def test_the_same_release_twice_changes_nothing(oews_release, oews_files):
    before = snapshot()
    found = import_problem(oews_files)
    assert found.file == str(oews_files / "oe.release") and found.line == 2
    assert "2025A01 (May 2025) has been imported already (live)" in found.message
    assert snapshot() == before


def test_an_older_release_than_the_live_one(oews_files, tmp_path):
    import_oews(write_next_release(tmp_path / "next"))
    before = snapshot()
    found = import_problem(oews_files)
    assert "May 2025 is not newer than May 2026, the live release" in found.message
    assert (found.file, found.line) == (str(oews_files / "oe.release"), 2)
    assert snapshot() == before


def test_bad_data_deep_in_the_file_leaves_nothing_behind(oews_release, tmp_path):
    folder = write_next_release(tmp_path / "next")
    path = folder / flatfiles.DATA
    lines = path.read_bytes().decode().split("\r\n")
    last = len(lines) - 1  # the last data line (the file ends with CRLF)
    lines[last - 1] = lines[last - 1].replace("\t2026\tA01\t", "\t2026\tA01\t  12x", 1)
    path.write_bytes("\r\n".join(lines).encode())
    before = snapshot()
    found = import_problem(folder)
    assert (found.file, found.line) == (str(path), last)
    assert "not a number" in found.message
    # Rows were written before the bad line was reached; all are gone again.
    assert snapshot() == before
    assert estimate("15-1252").employment == 1_687_890


def test_a_database_failure_mid_import_leaves_live_data_untouched(
    oews_release, tmp_path, monkeypatch
):
    from officialstats.importing import writer

    calls = []

    def failing(rows):
        calls.append(list(rows))
        raise RuntimeError("disk full")

    monkeypatch.setattr(writer, "BATCH", 40)
    monkeypatch.setattr(writer, "_executemany", failing)
    monkeypatch.setattr(writer, "_copy", failing)
    before = snapshot()
    with pytest.raises(RuntimeError, match="disk full"):
        import_oews(write_next_release(tmp_path / "next"))
    assert calls and snapshot() == before
    assert live.live_release().code == "2025A01"


def test_readers_see_the_old_release_until_publish(oews_release, tmp_path):
    before = statistics_state()
    staged = import_oews(write_next_release(tmp_path / "next"), publish=False)
    assert staged.status == Release.Status.STAGED
    state.forget()
    assert statistics_state() == before
    assert live.live_release().code == "2025A01"
    assert estimate("15-1252").annual_median == Decimal("135980")

    publishing.publish(staged)
    after = statistics_state()
    assert after != before
    assert live.live_release().code == "2026A01"
    assert estimate("15-1252").annual_median == Decimal("142000")
    oews_release.refresh_from_db()
    assert oews_release.status == Release.Status.RETIRED


def test_a_retired_release_can_be_live_again(oews_release, tmp_path):
    newer = import_oews(write_next_release(tmp_path / "next"))
    first = statistics_state()
    call_command("publish_release", "2025A01", verbosity=0)
    oews_release.refresh_from_db()
    newer.refresh_from_db()
    assert (oews_release.status, newer.status) == (Release.Status.LIVE, Release.Status.RETIRED)
    assert statistics_state() != first
    assert estimate("15-1252").annual_median == Decimal("135980")
    with pytest.raises(CommandError, match="only a staged or a retired release"):
        call_command("publish_release", "2025A01", verbosity=0)


def test_one_announcement_and_one_state_change_per_publish(oews_files, tmp_path):
    announcements = []

    def heard(**kwargs):
        announcements.append(kwargs["release"].code)

    def versions() -> tuple[int, int]:
        now = state.read_state()
        return now.version(state.CONTENT), now.version(state.release_part("oews"))

    release_published.connect(heard)
    before = versions()
    try:
        staged = import_oews(oews_files, publish=False)
        assert announcements == []
        assert versions() == before  # an import is neither an edit nor a publish
        publishing.publish(staged)
        assert announcements == ["2025A01"]
    finally:
        release_published.disconnect(heard)
    # The release's part moves once; the editorial content is unchanged (the
    # editorial pages show the releases too, and are kept under both).
    assert versions() == (before[0], before[1] + 1)


def test_imports_write_no_history():
    from simple_history.models import registered_models

    from officialstats.models import PlaceAlias

    # Place aliases are edited by hand in the admin, never imported: they keep history.
    historied = {m for m in registered_models.values() if m._meta.app_label == "officialstats"}
    assert historied == {PlaceAlias}


def test_discarding_a_staged_release(oews_release, tmp_path):
    before = snapshot()
    staged = import_oews(write_next_release(tmp_path / "next"), publish=False)
    call_command("discard_release", "2026A01", verbosity=0)
    assert snapshot() == before
    assert not Release.objects.filter(pk=staged.pk).exists()
    with pytest.raises(CommandError, match="it is kept"):
        call_command("discard_release", "2025A01", verbosity=0)


def test_the_command_imports_and_publishes(oews_files, capsys):
    call_command(
        "import_oews",
        str(oews_files),
        "--publish",
        "--published-on=2026-05-15",
        "--retrieved-on=2026-09-26",
    )
    out = capsys.readouterr().out
    assert "May 2025 published: 26 occupations, 5 areas, 3 industries, 119 estimates" in out
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.PUBLISHED and run.release.is_live
    assert run.rows_written == 119 and run.fraction_done == 1.0
    release = run.release
    assert (release.published_on.isoformat(), release.retrieved_on.isoformat()) == (
        "2026-05-15",
        "2026-09-26",
    )
    # Not a terminal: no progress lines, only the outcome.
    assert out.count("\n") == 1
    call_command("import_oews", str(oews_files), "--unless-live", verbosity=0)
    assert ImportRun.objects.count() == 1


def test_the_command_says_what_is_wrong(oews_files):
    replace_in(oews_files / "oe.area", "Texas", "Texas\tTX")
    with pytest.raises(CommandError, match=r"oe\.area, line \d+: 5 fields where the header has 4"):
        call_command("import_oews", str(oews_files), "--published-on=2026-05-15", verbosity=0)
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.FAILED and "oe.area" in run.error
    assert not Release.objects.exists()


def test_the_command_needs_the_publication_date(oews_files):
    with pytest.raises(CommandError, match="the dates BLS published the release"):
        call_command("import_oews", str(oews_files), verbosity=0)


def test_list_releases(oews_release, capsys):
    call_command("list_releases")
    assert "2025A01  May 2025   Live, live since" in capsys.readouterr().out
