"""BLS Employment Projections 2024-34: imported from the publisher's own
workbook (a small copy the tests build, tests/guidance_files.py), checked,
published like any release, and shown on occupation pages (issue 19)."""

from __future__ import annotations

import http.server
import threading
from decimal import Decimal as D
from functools import partial

import pytest
from django.core.management import CommandError, call_command

from officialstats import publishing
from officialstats.guidance import files
from officialstats.guidance.fetch import fetch
from officialstats.guidance.programs import EP
from officialstats.guidance.writer import import_dataset
from officialstats.importing.problems import ImportProblem
from officialstats.models import Program, Projection, Release
from officialstats.outlook import growth, share_of_openings, signed
from tests.guidance_files import (
    EP_HEADER,
    EP_ROWS,
    with_row_value,
    write_ep,
    write_sums,
)
from tests.helpers import page_text

SD = "/occupations/software-developers/"


@pytest.fixture
def ep_release(db, data_dir):
    call_command("import_guidance", "ep", "--publish", verbosity=0)
    return Release.objects.get(program=Program.EP)


# The words, worked out -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("percent", "everyone", "said"),
    [
        ("15.8", "3.1", "projected to grow about five times as fast as all occupations "
                        "(+15.8% against +3.1%)"),
        ("33.5", "3.1", "projected to grow about 11 times as fast as all occupations"),
        ("6.2", "3.1", "projected to grow about twice as fast"),
        ("4.7", "3.1", "projected to grow about one and a half times as fast as all occupations"),
        ("3.4", "3.1", "projected to grow about as fast as all occupations"),
        ("4.3", "3.1", "projected to grow faster than all occupations"),
        ("1.5", "3.1", "projected to grow more slowly than all occupations"),
        ("0.3", "3.1", "projected to grow much more slowly than all occupations"),
        ("0.0", "3.1", "projected to stay about the same size (0.0% against +3.1%)"),
        ("-36.1", "3.1", "projected to shrink (\u221236.1%) while all occupations change by +3.1%"),
    ],
)  # fmt: skip
def test_growth_is_compared_with_all_occupations_in_words(percent, everyone, said):
    assert said in growth(D(percent), D(everyone))


def test_openings_are_a_share_of_all_openings_and_changes_keep_their_sign():
    assert share_of_openings(D("115.2"), D("18863.3")) == "0.6% of all openings"
    assert share_of_openings(D("0.5"), D("18863.3")) == "less than 0.01% of all openings"
    assert signed(D("-0.4")) == "\u22120.4%" and signed(D("3.1")) == "+3.1%"


# Reading the workbook ------------------------------------------------------------------------


def test_table_1_2_is_read_with_its_markers(db, data_dir):
    read = EP.read({f.file.name: f for f in fetch(EP)})
    assert (read.code, read.name, read.reference_month.year) == ("2024-34", "2024\u201334", 2024)
    rows = {row.code: row for row in read.rows}
    assert len(rows) == len(EP_ROWS)
    sd = rows["15-1252"]
    assert (sd.employment_start, sd.employment_end, sd.change, sd.change_percent, sd.openings) == (
        D("1693.8"),
        D("1961.4"),
        D("267.7"),
        D("15.8"),
        D("115.2"),
    )
    assert (sd.education, sd.experience, sd.training) == ("Bachelor's degree", "None", "None")
    assert sd.kind == Projection.Kind.LINE_ITEM and sd.title == "Software developers"
    assert rows["11-1031"].self_employed_percent is None  # "—": not available
    assert rows["00-0000"].education == ""  # "—" under a group's education
    assert rows["43-9022"].change_percent == D("-36.1")


def break_ep(data_dir, rows=None, **options):
    write_ep(data_dir / "ep-2024-34" / "occupation.xlsx", rows, **options)
    write_sums(data_dir)


@pytest.mark.parametrize(
    ("broken", "says"),
    [
        ({"rows": with_row_value("15-1252", 8, "n/a")},
         "occupation.xlsx, sheet “Table 1.2”, row 6: “n/a” in column “change_percent” is "
         "neither a number nor one of the file's markers"),
        ({"rows": with_row_value("15-1252", 1, "15-12520")},
         "row 6: “15-12520” is not a SOC code"),
        ({"rows": with_row_value("15-1252", 2, "Detail")},
         "row 6: occupation type “Detail” is neither Summary nor Line item"),
        ({"rows": with_row_value("15-2051", 1, "15-1252")}, "row 7: 15-1252 appears twice"),
        ({"sheet": "Table 1.3"}, "occupation.xlsx: has no sheet “Table 1.2”"),
        ({"header": EP_HEADER[:9] + EP_HEADER[10:]},
         "row 2: no column matching “percent self employed, \\d{4}”"),
        ({"rows": [row for row in EP_ROWS if row[1] != "00-0000"]},
         "no row for all occupations (00-0000)"),
    ],
)  # fmt: skip
def test_a_broken_workbook_names_file_sheet_and_row_and_changes_nothing(data_dir, db, broken, says):
    break_ep(data_dir, **broken)
    with pytest.raises(CommandError) as raised:
        call_command("import_guidance", "ep", "--publish", verbosity=0)
    assert says in str(raised.value)
    assert not Release.objects.exists() and not Projection.objects.exists()


def test_a_file_unlike_its_recorded_sha256_is_refused(data_dir, db):
    path = data_dir / "ep-2024-34" / "occupation.xlsx"
    path.write_bytes(path.read_bytes()[:-10])  # truncated after the sums were written
    with pytest.raises(CommandError, match=r"is not the .* that SHA256SUMS lists"):
        call_command("import_guidance", "ep", verbosity=0)
    assert not Release.objects.exists()


def test_a_truncated_or_foreign_file_is_not_a_workbook(data_dir, db):
    path = data_dir / "ep-2024-34" / "occupation.xlsx"
    path.write_bytes(path.read_bytes()[:2000])
    write_sums(data_dir)
    with pytest.raises(CommandError, match=r"occupation\.xlsx: not a readable Excel workbook"):
        call_command("import_guidance", "ep", verbosity=0)
    path.write_text("Occupation,Code\nSoftware developers,15-1252\n")
    write_sums(data_dir)
    with pytest.raises(CommandError, match="not a readable Excel workbook"):
        call_command("import_guidance", "ep", verbosity=0)
    assert not Release.objects.exists()


def test_the_same_release_twice_is_refused(ep_release):
    with pytest.raises(CommandError, match="has been imported already"):
        call_command("import_guidance", "ep", verbosity=0)
    assert Release.objects.filter(program=Program.EP).count() == 1


def test_a_release_lives_like_any_other_staged_published_restored_discarded(data_dir, db):
    fetched = fetch(EP)
    first = import_dataset(EP, fetched)
    assert first.status == Release.Status.STAGED
    publishing.publish(first)
    Release.objects.filter(pk=first.pk).update(code="2023-33", name="2023\u201333",
                                               reference_month="2023-01-01")  # fmt: skip
    second = import_dataset(EP, fetched)  # the next vintage
    publishing.publish(second)
    assert Release.objects.get(pk=first.pk).status == Release.Status.RETIRED
    publishing.publish(Release.objects.get(pk=first.pk))  # restored
    assert Release.objects.get(pk=second.pk).status == Release.Status.RETIRED
    with pytest.raises(publishing.PublishError):
        publishing.discard(second)  # it has been live: kept
    third = Release.objects.get(pk=second.pk)
    Release.objects.filter(pk=third.pk).update(status=Release.Status.STAGED)
    publishing.discard(third)
    assert not Projection.objects.filter(release_id=third.pk).exists()


# Where the files come from -------------------------------------------------------------------


def test_without_a_folder_the_files_are_downloaded_and_their_sha256_recorded(
    tmp_path, settings, db
):
    served = tmp_path / "publisher" / "emp" / "ind-occ-matrix"
    write_ep(served / "occupation.xlsx")
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=tmp_path / "publisher")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/emp/ind-occ-matrix/occupation.xlsx"
        dataset = EP.__class__(
            **{**EP.__dict__, "files": (files.DatasetFile("occupation.xlsx", url),)}
        )
        settings.GUIDANCE_DATA_DIR = None
        settings.OFFICIALSTATS_DATA_DIR = tmp_path / "work"
        fetched = fetch(dataset)
        release = import_dataset(dataset, fetched, notes="downloaded")
        missing = files.DatasetFile("occupation.xlsx", url.replace("occupation", "gone"))
        with pytest.raises(ImportProblem, match="could not be downloaded"):
            fetch(EP.__class__(**{**EP.__dict__, "files": (missing,)}))
    finally:
        server.shutdown()
        server.server_close()
    (recorded,) = release.files.all()
    assert recorded.url == url and fetched[0].downloaded
    assert recorded.sha256 == files.sha256_of(served / "occupation.xlsx")


# On the pages --------------------------------------------------------------------------------


def test_an_occupation_page_answers_how_to_get_in_and_the_outlook(client, oews_release, ep_release):
    text = page_text(client.get(SD))
    assert (
        "How to become one Typical education to enter Bachelor's degree Work experience in a "
        "related occupation None Typical on-the-job training None"
    ) in text
    assert (
        "Projected to grow about five times as fast as all occupations (+15.8% against +3.1%), "
        "with about 115.2 thousand openings a year (0.6% of all openings)."
    ) in text
    assert "Jobs, 2024 1,693.8 169,956.1 Jobs, 2034 (projected) 1,961.4 175,167.9" in text
    assert "Change +267.7 (+15.8%) +5,211.8 (+3.1%)" in text
    assert "Self-employed, 2024 1.6% 5.8%" in text
    # EP's count is not OEWS's, and says so.
    assert (
        "their 2024 figure is not OEWS's count of wage and salary jobs above (1,687,890, May 2025)"
    ) in text
    assert "Source: BLS Employment Projections 2024\u201334, Table 1.2" in text
    # After the pay, before the technical detail.
    body = client.get(SD).content.decode()
    assert (
        body.index('id="pay-position"')
        < body.index('id="entry"')
        < body.index('id="reliability-heading"')
    )


def test_a_group_shows_its_own_row_and_sends_readers_to_its_occupations(
    client, oews_release, ep_release
):
    text = page_text(client.get("/occupations/computer-and-mathematical-occupations/"))
    assert "+545.6 (+10.1%)" in text
    assert "BLS gives the typical education, experience and training for each detailed" in text


def test_a_marker_is_shown_as_its_state(client, oews_release, ep_release):
    Projection.objects.filter(code="27-2011").update(self_employed_percent=None)
    text = page_text(client.get("/occupations/actors/"))
    assert "Self-employed, 2024 not available 5.8%" in text


def test_an_occupation_the_projections_lack_is_said_to_be_missing(client, oews_release, ep_release):
    Projection.objects.filter(code="27-2011").delete()
    text = page_text(client.get("/occupations/actors/"))
    assert "BLS Employment Projections 2024\u201334 has no row for Actors." in text


def test_without_projections_the_page_says_they_are_not_loaded(client, oews_release):
    assert "The BLS Employment Projections are not loaded on this site yet" in page_text(
        client.get(SD)
    )


def test_the_methodology_gives_the_dataset_s_provenance(client, content, ep_release):
    text = page_text(client.get("/methodology/"))
    assert "BLS Employment Projections 2024\u201334" in text
    assert "occupation.xlsx" in text and ep_release.files.get().sha256 in text
    assert "each checked against the SHA-256 the folder lists" in text


def test_the_page_costs_one_query_more_with_projections(
    client, oews_release, ep_release, django_assert_max_num_queries, monkeypatch
):
    from officialstats.views import occupations

    monkeypatch.setattr(occupations, "cache_by_release", lambda view: view, raising=False)
    with django_assert_max_num_queries(6):
        assert client.get(SD, {"sort": "x"}).status_code == 200


def test_make_run_goes_on_without_any_copy_of_the_files(tmp_path, settings, db, capsys):
    settings.GUIDANCE_DATA_DIR = tmp_path / "nothing-here"
    call_command("import_guidance", "all", "--no-download", "--keep-going", verbosity=0)
    assert "not loaded" in capsys.readouterr().err
    assert not Release.objects.filter(program=Program.EP).exists()


def test_the_sitemap_dates_occupation_pages_by_the_newest_release_they_show(
    client, oews_release, ep_release
):
    from tests.helpers import lastmods

    made_live = ep_release.made_live_at.date().isoformat()
    dates = lastmods(client)
    assert dates[SD] == max(made_live, oews_release.published_on.isoformat())
    assert dates["/occupations/"] == oews_release.published_on.isoformat()  # the index: OEWS's


def test_all_occupations_are_not_compared_with_themselves(client, oews_release, ep_release):
    text = page_text(client.get("/occupations/all-occupations/"))
    assert "Projected to change by +3.1%, with about 18,863.3 thousand openings a year." in text
    assert (
        "All occupations"
        not in text.split("Job outlook")[1].split("Source:")[0].split("(thousands)")[1]
    )


def test_sha256sum_s_binary_form_is_read_too(tmp_path):
    from officialstats.guidance.files import read_sums

    (tmp_path / "SHA256SUMS").write_text(f"{'a' * 64} *ep-2024-34/occupation.xlsx\n{'b' * 64}  x\n")
    assert read_sums(tmp_path) == {"ep-2024-34/occupation.xlsx": "a" * 64, "x": "b" * 64}
