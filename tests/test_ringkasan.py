"""The province overview's rows and page without a browser: what each plan of a folder shows,
the status without and after a build, links, escaping, and the commands that write it."""

from __future__ import annotations

import io
import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from generator.cli import main
from generator.output.batch import BuildResult, BuildStatus, build_one, collect
from generator.output.overview import (
    BELUM,
    SALAH,
    TERBARU,
    USANG,
    Triwulan,
    baris,
    ringkasan,
)
from generator.output.overview_page import halaman
from tests.conftest import FIXTURES
from tests.overview_folder import MARKUP, province_folder
from tests.overview_folder import SALAH as RUSAK

MINIMAL = FIXTURES / "minimal.yaml"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def province(tmp_path_factory):
    """The folder of plans and its rows, the page to be written in `output` beside it."""
    root = tmp_path_factory.mktemp("provinsi")
    folder = province_folder(root / "rencana")
    return folder, {Path(r.rencana).name: r for r in ringkasan(collect([str(folder)]),
                                                                  root / "output")}


def test_a_row_per_plan_the_realisation_files_are_not_plans(province):
    folder, rows = province
    assert len(list(folder.glob("*.yaml"))) == 37
    assert len(rows) == 34
    assert not [name for name in rows if name.endswith(".monev.yaml")]


@pytest.mark.parametrize(("plan", "expected"), [
    ("kerinci-2025.yaml", ("KPU Kabupaten Kerinci", "Kerinci", "kabupaten", 2025,
                           "100/HK.03.1-Kpt/1500/2025", date(2025, 3, 10), BELUM, 0, {})),
    ("landak-2025.yaml", ("KPU Kabupaten Landak", "Landak", "kabupaten", 2025, None,
                          date(2025, 3, 10), BELUM, 0, {"satker-lain": 1})),
    ("pontianak-kota-2025.yaml", ("KPU Kota Pontianak", "Pontianak", "kota", 2025, None,
                                  date(2025, 3, 10), BELUM, 0, {})),
    ("kalimantan-barat-2025.yaml", ("KPU Provinsi Kalimantan Barat", "Kalimantan Barat",
                                    "provinsi", 2025, "9", date(2025, 4, 25), BELUM, 0, {})),
    ("tambrauw-2023.yaml", ("KPU Kabupaten Tambrauw", "Tambrauw", "kabupaten", 2023, "439",
                            date(2023, 4, 15), BELUM, 0, {})),
    (RUSAK, ("KPU Kabupaten Merangin", "Merangin", "kabupaten", None, None, None, SALAH, 1, {})),
], ids=lambda value: value if isinstance(value, str) else "")
def test_office_decree_status_and_warnings_by_code(province, plan, expected):
    row = province[1][plan]
    assert (row.kantor, row.wilayah, row.tingkat, row.tahun, row.nomor, row.tanggal, row.status,
            row.kesalahan, row.peringatan) == expected


def test_an_invalid_plan_says_its_first_error(province):
    row = province[1][RUSAK]
    assert [m.split(": ", 1)[1] for m in row.pesan] == [
        "'keputusan.tahun' harus berupa bilangan bulat, bukan teks 'dua ribu'"]
    assert (row.cakupan, row.monev, [t.label for t in row.tautan]) == ((), None, ["rencana"])


@pytest.mark.parametrize(("plan", "expected"), [
    ("kerinci-2025.yaml", ["4/4", "3/3", "4/6", "2/2", "5/5", "5/5"]),
    ("kutai-timur-2025.yaml", ["4/4", "3/3", "4/6", "2/2", "5/5", "3/5"]),
    ("tambrauw-2023.yaml", ["4/4", "3/3", "6/6", "2/2", "5/5", "3/5"]),
    ("kalimantan-barat-2025.yaml", []),  # a booklet without a Rencana Aksi table
])
def test_komponen_planned_of_official_per_area(province, plan, expected):
    assert [f"{c.ada}/{c.resmi}" for c in province[1][plan].cakupan] == expected


def test_komponen_left_out_on_purpose_are_not_missing(province):
    sdm = province[1]["merangin-2025.yaml"].cakupan[2]
    assert (sdm.area, sdm.hilang, sdm.dikecualikan) == (
        "Penataan Sistem Manajemen SDM", (), ("Perencanaan Kebutuhan Pegawai",
                                             "Pola Mutasi Internal"))


@pytest.mark.parametrize(("plan", "expected"), [
    ("kerinci-2025.yaml", [(1, 17, 17), (2, 24, 24)]),
    ("sarolangun-2025.yaml", [(1, 17, 8), (2, 24, 12), (3, 24, 12)]),
    ("kutai-timur-2025.yaml", [(1, 50, 12)]),
    ("merangin-2025.yaml", None),
])
def test_monev_per_quarter_reported(province, plan, expected):
    monev = province[1][plan].monev
    assert (None if monev is None else
            [(t.triwulan, t.jatuh_tempo, t.selesai) for t in monev]) == expected


def test_percent_done_of_due():
    assert [Triwulan(1, 17, 8).persen, Triwulan(2, 0, 0).persen] == [800 / 17, None]


def test_links_are_relative_to_the_page(province):
    row = province[1]["kerinci-2025.yaml"]
    assert [(t.kelompok, t.label, t.href) for t in row.tautan] == [
        ("rencana", "rencana", "../rencana/kerinci-2025.yaml"),
        ("monev", "realisasi", "../rencana/kerinci-2025.monev.yaml")]


def test_status_without_a_build_compares_the_plan_with_what_was_built(tmp_path):
    plan = tmp_path / "rencana" / "satu.yaml"
    plan.parent.mkdir()
    shutil.copy(MINIMAL, plan)
    out = tmp_path / "output"
    assert baris(plan, out, out).status == BELUM
    assert build_one(str(plan), str(out), ("docx",), ("salinan",)).status is BuildStatus.BUILT
    row = baris(plan, out, out)
    assert row.status == TERBARU
    assert [(t.kelompok, t.label, t.href) for t in row.tautan] == [
        ("rencana", "rencana", "../rencana/satu.yaml"),
        ("salinan", "docx", "satu/keputusan-salinan.docx")]
    plan.write_text(plan.read_text(encoding="utf-8") + "# disunting\n", encoding="utf-8")
    assert baris(plan, out, out).status == USANG
    build_one(str(plan), str(out), ("docx",), ("salinan",))
    (out / "satu" / "keputusan-salinan.docx").unlink()
    assert baris(plan, out, out).status == USANG


def test_after_a_build_the_status_is_the_builds(tmp_path):
    plan = tmp_path / "satu.yaml"
    shutil.copy(MINIMAL, plan)
    result = BuildResult(str(plan), BuildStatus.FAILED, [], ["tidak dapat menulis x: disk penuh"])
    [row] = ringkasan([plan], tmp_path / "output", results=[result])
    assert (row.status, row.kesalahan, row.pesan) == ("gagal", 0,
                                                      ("tidak dapat menulis x: disk penuh",))


def test_a_link_to_a_file_with_odd_characters_is_encoded(tmp_path):
    plan = tmp_path / "rencana #1 50%.yaml"
    shutil.copy(MINIMAL, plan)
    [link] = baris(plan, tmp_path / "output", tmp_path).tautan
    assert (link.href, link.judul) == ("rencana%20%231%2050%25.yaml", "rencana #1 50%.yaml")


@pytest.mark.parametrize(("content", "kantor", "message"), [
    (b"", "kosong.yaml", "berkas kosong"),
    (b"\xff\xfe\x00\x00garbage", "kosong.yaml", "UTF-16"),
    (b"- satu\n- dua\n", "kosong.yaml", ""),
    (b"satker: [\n", "kosong.yaml", ""),
    (b"satker:\n  nama: '<b>Tebo</b>'\n", "KPU <b>Tebo</b>", ""),
], ids=["empty", "utf16", "list", "broken-yaml", "only-satker"])
def test_a_bad_plan_is_a_row_never_a_traceback(tmp_path, content, kantor, message):
    plan = tmp_path / "kosong.yaml"
    plan.write_bytes(content)
    row = baris(plan, tmp_path / "output", tmp_path)
    assert (row.kantor, row.status) == (kantor, SALAH)
    assert row.kesalahan >= 1 and message in row.pesan[0]


def test_an_invalid_realisation_file_is_counted_not_shown(tmp_path):
    plan = tmp_path / "satu.yaml"
    shutil.copy(MINIMAL, plan)
    (tmp_path / "satu.monev.yaml").write_text("tahun: 2025\nlangkah:\n  - id: [\n",
                                              encoding="utf-8")
    row = baris(plan, tmp_path / "output", tmp_path)
    assert (row.status, row.monev, row.monev_kesalahan >= 1) == (BELUM, None, True)
    assert 'title="berkas realisasi punya ' in halaman([row], "x")


def test_every_text_from_a_plan_is_escaped(province):
    page = halaman(list(province[1].values()), 'folder "<i>"')
    assert "KPU Kabupaten Merangin &lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "alert(1)</script>" not in page and "<i>" not in page
    assert page.count("<script") == 1  # the page's own
    assert "folder &quot;&lt;i&gt;&quot;" in page
    assert province[1][MARKUP].peringatan == {"satker-lain": 8}


def test_the_page_fetches_nothing_and_is_the_same_every_time(province):
    rows = list(province[1].values())
    page = halaman(rows, "rencana/")
    assert page == halaman(rows, "rencana/")
    assert not re.findall(r"(?:src|href)=\"(?:https?:)?//", page)
    assert "@import" not in page and "url(" not in page
    assert "data per" not in page
    assert "34 rencana dari rencana/ · data per 6 Oktober 2025" in halaman(rows, "rencana/",
                                                                         date(2025, 10, 6))


def test_the_filter_offers_the_statuses_present(province):
    page = halaman(list(province[1].values()), "x")
    options = re.findall(r'<option value="([^"]*)">([^<]*)</option>', page)
    assert options == [("", "semua rencana"), ("status:belum dibangun", "status: belum dibangun"),
                       ("status:salah", "status: salah"), ("peringatan", "dengan peringatan"),
                       ("kesalahan", "dengan kesalahan"), ("monev", "dengan realisasi monev")]


def test_zi_ringkasan_writes_the_page(tmp_path):
    folder = tmp_path / "rencana"
    folder.mkdir()
    shutil.copy(MINIMAL, folder / "satu.yaml")
    shutil.copy(MINIMAL, folder / "dua.yaml")
    code, out, err = run("ringkasan", str(folder), "-o", str(tmp_path / "hasil"),
                         "--tanggal", "2025-12-31")
    assert (code, err) == (0, "")
    assert out == f"ditulis: {tmp_path / 'hasil' / 'ringkasan.html'} (ringkasan 2 rencana; " \
                  "buka di peramban)\n"
    page = (tmp_path / "hasil" / "ringkasan.html").read_text(encoding="utf-8")
    assert page.count("<tr data-status=") == 2 and "data per 31 Desember 2025" in page


@pytest.mark.parametrize(("argv", "message"), [
    (["ringkasan", "tidak-ada"], "zi ringkasan: tidak-ada tidak ada"),
    (["ringkasan", "."], "zi ringkasan: tidak ada berkas rencana (.yaml) di ."),
    (["ringkasan", ".", "--tanggal", "31-12-2025"],
     "zi ringkasan: --tanggal: '31-12-2025' bukan tanggal; tulis seperti 2025-11-22"),
])
def test_zi_ringkasan_says_what_is_wrong(tmp_path, monkeypatch, argv, message):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(*argv)
    assert (out, err) == ("", message + "\n")
    assert code == (2 if "--tanggal" in argv else 1)


def test_zi_ringkasan_says_when_the_page_cannot_be_written(tmp_path):
    shutil.copy(MINIMAL, tmp_path / "satu.yaml")
    (tmp_path / "hasil").write_text("bukan folder", encoding="utf-8")
    code, _, err = run("ringkasan", str(tmp_path), "-o", str(tmp_path / "hasil"))
    assert code == 1
    assert err.startswith("zi ringkasan: tidak dapat menulis ")


def test_a_folder_build_writes_the_page_with_the_builds_status(tmp_path):
    folder = tmp_path / "rencana"
    folder.mkdir()
    shutil.copy(MINIMAL, folder / "satu.yaml")
    (folder / "dua.yaml").write_text("satker: {}\n", encoding="utf-8")
    code, out, _ = run("build", str(folder), "-o", str(tmp_path / "hasil"), "--format", "docx",
                       "-j", "1")
    assert code == 1  # dua.yaml failed
    assert out.endswith(f"ditulis: {tmp_path / 'hasil' / 'ringkasan.html'} (ringkasan 2 "
                        "rencana; buka di peramban)\n")
    page = (tmp_path / "hasil" / "ringkasan.html").read_text(encoding="utf-8")
    assert re.findall(r'<tr data-status="([^"]*)"', page) == ["gagal", "dibangun"]


def test_building_plans_named_one_by_one_writes_no_page(tmp_path):
    shutil.copy(MINIMAL, tmp_path / "dua.yaml")
    code, _, _ = run("build", str(MINIMAL), str(tmp_path / "dua.yaml"), "-o",
                     str(tmp_path / "hasil"), "--format", "docx")
    assert code == 0
    assert sorted(p.name for p in (tmp_path / "hasil").iterdir()) == ["dua", "minimal"]
