"""`zi monev` through the year: codes given once to the steps, the realisation file validated
with positioned messages, the coded checks, the quarter per area, and the year after."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.output.batch import collect
from generator.output.build import render_plan
from generator.plan.progress import area_progress, progress
from generator.rules import load_plan
from generator.rules.realisasi import load_checked
from tests.conftest import PLANS, docx_text, squash
from tests.terminal import run_zi

PLAN = """\
satker: {tingkat: kota, nama: Bontang, tempat: Bontang}
keputusan:
  nomor: 5
  tahun: 2026
  tentang: Rencana Aksi Zona Integritas Tahun 2026
  mengingat: [uu-7-2017]
  penandatangan: ketua
  pengesah_salinan: sek
orang:
  ketua: {nama: Ani Lestari, peran: ketua}
  sek: {nama: Budi Santoso, peran: sekretaris}
rencana_aksi:
  kolom: 7
  area:
    - nama: Manajemen Perubahan
      komponen:
        - nama: Tim Kerja
          indikator:
            - nama: SK Tim
              langkah:
                - aksi: Membentuk tim   # langkah pertama
                  target_waktu: Januari 2026
                  target_capaian: {jumlah: 1, satuan: Dokumen}
                - {aksi: Rapat tim, jadwal: [3, 6, 9, 12]}
    - nama: Penguatan Pengawasan
      komponen:
        - nama: Pengendalian Gratifikasi
          indikator:
            - nama: Sosialisasi
              langkah:
                - aksi: Sosialisasi gratifikasi
                  jadwal: [5]
                - aksi: Laporan tahunan
                  jadwal: [12]
"""


def _zi(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def plan_file(tmp_path) -> Path:
    path = tmp_path / "bontang-2026.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return path


def test_mulai_writes_codes_into_the_plan_and_a_starting_file(plan_file, tmp_path):
    code, out, err = _zi("monev", str(plan_file), "--mulai")
    assert (code, err) == (0, "")
    monev = tmp_path / "bontang-2026.monev.yaml"
    assert out.splitlines() == [
        f"ditulis: {plan_file} (4 langkah diberi kode 'id')",
        f"ditulis: {monev} (semua langkah, triwulannya belum diisi)",
        f"Lanjutkan: isi catatan triwulan di {monev}, lalu `zi monev {plan_file} --triwulan 1`."]
    text = plan_file.read_text(encoding="utf-8")
    # block and flow style both take the code before 'aksi'; comments stay
    assert "                - id: I.1.1\n                  aksi: Membentuk tim   # langkah " \
        "pertama\n" in text
    assert "                - {id: I.1.2, aksi: Rapat tim, jadwal: [3, 6, 9, 12]}\n" in text
    assert [s["id"] for s in yaml.safe_load(monev.read_text(encoding="utf-8"))["langkah"]] == [
        "I.1.1", "I.1.2", "II.1.1", "II.1.2"]
    assert "    # jadwal: Maret, Juni, September, Desember (jatuh tempo triwulan I, II, III, " \
        "IV)\n    triwulan:\n" in monev.read_text(encoding="utf-8")
    # a second --mulai adds no code and keeps the filled file
    code, _, err = _zi("monev", str(plan_file), "--mulai")
    assert (code, err) == (1, f"zi monev: {monev} sudah ada; pakai --timpa untuk menimpanya\n")


def test_codes_are_not_printed(tmp_path):
    """The same DOCX with and without the codes: an id is for monev, not for the decree."""
    text = (PLANS / "kutai-timur-2025.yaml").read_text(encoding="utf-8")
    assert "- id: I.1.1.1\n" in text
    bare = tmp_path / "kutai-timur-2025.yaml"
    bare.write_text(_without_ids(text), encoding="utf-8")
    assert "id: " not in bare.read_text(encoding="utf-8")
    (with_ids,) = render_plan(PLANS / "kutai-timur-2025.yaml", tmp_path / "a", formats=["docx"],
                              versions=["salinan"])
    (without,) = render_plan(bare, tmp_path / "b", formats=["docx"], versions=["salinan"])
    assert with_ids.data == without.data


def _without_ids(text: str) -> str:
    """The plan as it was before `--mulai`: '- id: X' lines folded back into '- aksi'."""
    lines = text.split("\n")
    result = []
    skip = False
    for index, line in enumerate(lines):
        if line.strip().startswith("- id: ") and index + 1 < len(lines) and \
                lines[index + 1].strip().startswith("aksi:"):
            indent = line[: len(line) - len(line.lstrip())]
            result.append(f"{indent}- {lines[index + 1].strip()}")
            skip = True
            continue
        if skip:
            skip = False
            continue
        result.append(line)
    return "\n".join(result)


REALISASI = """\
tahun: 2026
langkah:
  - id: I.1.1
    triwulan:
      1: {status: selesai, jumlah: 1, tanggal: 2026-01-20, bukti: [bukti/sk.pdf]}
  - id: I.1.2
    triwulan:
      1: {status: selesai, persen: 100, tanggal: 2026-03-25, bukti: [https://contoh.go.id/a]}
      2: {status: berjalan, persen: 150, tindak_lanjut: Rapat diundur}
  - id: II.1.1
    triwulan:
      2:
        status: selesai
        tanggal: 2025-05-02
        bukti: [bukti/hilang.pdf]
  - id: IX.9.9
    triwulan:
      1: {status: batal}
"""


@pytest.fixture
def filled(plan_file, tmp_path) -> Path:
    _zi("monev", str(plan_file), "--mulai")
    (tmp_path / "bukti").mkdir()
    (tmp_path / "bukti" / "sk.pdf").write_bytes(b"%PDF-1.4\n")
    (tmp_path / "bontang-2026.monev.yaml").write_text(REALISASI, encoding="utf-8")
    return plan_file


def test_every_check_is_coded_and_placed(filled):
    plan = load_plan(filled)
    checked = load_checked(plan, filled, 2, shown_as="r.yaml")
    assert [str(d) for d in checked.warnings] == [
        "r.yaml:9:37: peringatan [monev-persen-lebih]: realisasi 150 persen, lebih dari 100",
        "r.yaml:14:18: peringatan [monev-tanggal-luar]: tanggal 2025-05-02 di luar tahun 2026",
        "r.yaml:15:17: peringatan [monev-bukti-hilang]: berkas bukti 'bukti/hilang.pdf' tidak ada "
        "di folder rencana",
        "r.yaml:16:9: peringatan [monev-langkah-tak-dikenal]: langkah 'IX.9.9' tidak ada di "
        "rencana (kode langkah di rencana ditulis sebagai 'id' langkahnya)",
    ]


def test_a_step_due_and_not_reported(filled, tmp_path):
    text = (tmp_path / "bontang-2026.monev.yaml").read_text(encoding="utf-8")
    (tmp_path / "bontang-2026.monev.yaml").write_text(
        text.replace("  - id: II.1.1\n    triwulan:\n      2:", "  - id: II.1.1\n    triwulan:\n"
                     "      3:"), encoding="utf-8")
    checked = load_checked(load_plan(filled), filled, 2, shown_as="r.yaml")
    assert [str(d) for d in checked.warnings if d.kode == "monev-belum-dilaporkan"] == [
        "r.yaml:10:5: peringatan [monev-belum-dilaporkan]: langkah II.1.1 ('Sosialisasi "
        "gratifikasi') jatuh tempo sampai triwulan 2 tetapi belum dilaporkan"]


@pytest.mark.parametrize(("text", "message"), [
    ("tahun: 2026\nlangkah:\n  - id: I.1.1\n    triwulan:\n      1: {status: sudah}\n",
     "r.yaml:5:19: 'langkah[1].triwulan.1.status' harus salah satu dari: belum, berjalan, "
     "selesai, batal; tertulis teks 'sudah'"),
    ("tahun: 2026\nlangkah:\n  - id: I.1.1\n    triwulan:\n      5: {status: selesai}\n",
     "r.yaml:5:10: 'langkah[1].triwulan.5': triwulan harus 1, 2, 3, atau 4, bukan 5"),
    ("tahun: 2026\nlangkah:\n  - id: I.1.1\n    triwulan:\n      1: {status: selesai, "
     "persen: -5}\n", "r.yaml:5:36: 'langkah[1].triwulan.1.persen' harus paling sedikit 0, "
     "bukan angka -5"),
    ("tahun: 2026\nlangkah:\n  - id: I.1.1\n  - id: I.1.1\n",
     "r.yaml:3:3: 'langkah': langkah 'I.1.1' dicatat dua kali; gabungkan catatannya"),
    ("langkah: []\ntriwulan: 1\n", "r.yaml:2:1: kunci 'triwulan' tidak dikenal; kunci yang "
     "dikenal: tahun, langkah"),
])
def test_a_bad_realisation_file_gets_positioned_messages(plan_file, tmp_path, text, message):
    (tmp_path / "bontang-2026.monev.yaml").write_text(text, encoding="utf-8")
    code, _, err = _zi("monev", str(plan_file))
    assert code == 1
    assert message.replace("r.yaml", str(tmp_path / "bontang-2026.monev.yaml")) in err


def test_the_quarter_per_area_on_the_terminal(filled):
    code, out, err = _zi("monev", str(filled))  # the latest quarter reported: II
    assert code == 0
    assert "peringatan [monev-persen-lebih]" in err
    # I.1.2 is under way and its schedule runs to December: due, not done, but not late
    assert out.splitlines() == [
        "Triwulan II (sampai akhir Juni 2026):",
        "  Manajemen Perubahan: 1 dari 2 langkah jatuh tempo selesai (50%)",
        "  Penguatan Pengawasan: 1 dari 1 langkah jatuh tempo selesai (100%)",
    ]


def test_progress_by_hand(filled):
    plan = load_plan(filled)
    checked = load_checked(plan, filled, 1)
    steps = progress(plan, checked.monev, 1)
    assert [(s.step.kode, s.due, s.status, s.percent) for s in steps] == [
        ("I.1.1", True, "selesai", 100.0), ("I.1.2", True, "selesai", 100.0),
        ("II.1.1", False, "belum", 0.0), ("II.1.2", False, "belum", 0.0)]
    assert [(a.area, a.due, a.done, a.steps) for a in area_progress(steps)] == [
        ("Manajemen Perubahan", 2, 2, 2), ("Penguatan Pengawasan", 0, 0, 2)]
    at_four = progress(plan, checked.monev, 4)
    assert [(s.step.kode, s.late) for s in at_four] == [
        ("I.1.1", False), ("I.1.2", True), ("II.1.1", False), ("II.1.2", True)]


def test_zi_check_is_about_the_plan_and_zi_monev_about_the_realisation(filled, tmp_path):
    """A realisation file beside the plan never changes what `zi check` says of the plan."""
    before = _zi("check", str(filled))
    (tmp_path / "bontang-2026.monev.yaml").write_text("tahun: dua\n", encoding="utf-8")
    assert _zi("check", str(filled)) == before
    code, _, err = _zi("monev", str(filled))
    assert code == 1
    assert f"{tmp_path / 'bontang-2026.monev.yaml'}:1:8: 'tahun' harus berupa bilangan bulat" \
        in err


def test_a_realisation_file_is_not_a_plan_of_the_folder(filled, tmp_path):
    assert [p.name for p in collect([str(tmp_path)])] == ["bontang-2026.yaml"]


def test_without_a_realisation_file(plan_file):
    code, out, err = _zi("monev", str(plan_file))
    assert (code, out) == (1, "")
    assert err == (f"zi monev: belum ada berkas realisasi {plan_file.with_suffix('')}"
                   f".monev.yaml; buat dengan `zi monev {plan_file} --mulai`\n")


def test_two_steps_with_one_code_are_an_error(plan_file):
    text = PLAN.replace("- aksi: Sosialisasi gratifikasi", "- id: A\n                  aksi: "
                        "Sosialisasi gratifikasi").replace("- aksi: Laporan tahunan",
                                                           "- id: A\n                  aksi: "
                                                           "Laporan tahunan")
    plan_file.write_text(text, encoding="utf-8")
    code, _, err = _zi("check", str(plan_file))
    assert code == 1
    assert (f"{plan_file}:34:23: 'rencana_aksi.area[2].komponen[1].indikator[1].langkah[2].id': "
            "kode langkah 'A' sudah dipakai langkah lain (baris 31); setiap langkah perlu kode "
            "sendiri") in err


def test_rollover_keeps_the_codes_and_never_the_realisation(filled, tmp_path):
    code, _, err = _zi("rollover", str(filled), "--tahun", "2027")
    assert code == 0, err
    new = tmp_path / "bontang-2027.yaml"
    assert "id: I.1.1" in new.read_text(encoding="utf-8")
    assert not (tmp_path / "bontang-2027.monev.yaml").exists()
    code, _, err = _zi("monev", str(new))
    assert code == 1 and "belum ada berkas realisasi" in err


def test_steps_copied_with_an_anchor_cannot_take_codes_automatically(tmp_path):
    pad = " " * 16
    text = PLAN.replace(f"{pad}- aksi: Sosialisasi gratifikasi\n{pad}  jadwal: [5]\n",
                        f"{pad}- &sama\n{pad}  aksi: Sosialisasi gratifikasi\n{pad}  jadwal: "
                        f"[5]\n{pad}- *sama\n")
    plan = tmp_path / "bontang-2026.yaml"
    plan.write_text(text, encoding="utf-8")
    code, out, err = _zi("monev", str(plan), "--mulai")
    assert (code, out) == (1, "")
    assert err == (f"zi monev: {plan}: kode langkah tidak dapat ditulis otomatis ke rencana ini "
                   "(langkah yang disalin dengan anchor & dan *); tulis 'id' sendiri di setiap "
                   "langkah (mis. id: I.1.1), lalu jalankan lagi\n")
    assert plan.read_text(encoding="utf-8") == text
    assert not (tmp_path / "bontang-2026.monev.yaml").exists()


def test_a_plan_without_an_action_table(tmp_path):
    code, _, err = _zi("monev", str(PLANS / "kalimantan-barat-2025.yaml"), "--mulai")
    assert (code, err) == (1, f"zi monev: {PLANS / 'kalimantan-barat-2025.yaml'} tidak punya "
                              "'rencana_aksi'; monev mencatat langkah-langkah tabel rencana "
                              "aksi\n")


def test_the_report_of_the_quarter_from_the_command(filled, tmp_path):
    out_dir = tmp_path / "hasil"
    code, out, err = _zi("monev", str(filled), "--triwulan", "1", "-o", str(out_dir),
                         "--format", "docx", "--versi", "asli")
    assert code == 0, err
    report = out_dir / "bontang-2026" / "monev-tw1-asli.docx"
    assert out.splitlines()[-1] == f"ditulis: {report}"
    text = squash(docx_text(report.read_bytes()))
    assert "LAPORAN MONITORING DAN EVALUASI TRIWULAN I PEMBANGUNAN ZONA INTEGRITAS KPU KOTA " \
        "BONTANG TAHUN 2026" in text
    assert sorted(p.name for p in (out_dir / "bontang-2026").iterdir()) == ["monev-tw1-asli.docx"]


def test_the_report_from_an_office_template_folder(filled, tmp_path):
    folder = tmp_path / "templat"
    folder.mkdir()
    (folder / "monev.html").write_text("{% for x in %}", encoding="utf-8")
    code, out, err = _zi("monev", str(filled), "--triwulan", "1", "-o", str(tmp_path / "h"),
                         "--format", "pdf", "--templates", str(folder))
    assert code == 1
    assert err.splitlines()[-1] == ("zi monev: templat monev.html baris 1: kesalahan templat: "
                                    "Expected an expression, got 'end of statement block'")
    assert "Traceback" not in err and not (tmp_path / "h" / "bontang-2026").exists()


def test_in_a_real_terminal_with_a_file_saved_by_notepad(plan_file, tmp_path):
    """`--mulai` then the summary, in a terminal; the realisation file saved with CRLF line ends
    (Notepad) and a byte-order mark reads the same."""
    started = run_zi(["monev", plan_file.name, "--mulai"], tmp_path)
    assert started.code == 0 and "Traceback" not in started.text
    assert "ditulis: bontang-2026.monev.yaml (semua langkah, triwulannya belum diisi)" in \
        started.text
    monev = tmp_path / "bontang-2026.monev.yaml"
    monev.write_bytes(b"\xef\xbb\xbf" + REALISASI.replace("\n", "\r\n").encode("utf-8"))
    (tmp_path / "bukti").mkdir()
    (tmp_path / "bukti" / "sk.pdf").write_bytes(b"%PDF-1.4\n")
    summary = run_zi(["monev", plan_file.name], tmp_path)
    assert summary.code == 0
    assert "  Manajemen Perubahan: 1 dari 2 langkah jatuh tempo selesai (50%)" in summary.text
    assert "bontang-2026.monev.yaml:9:37: peringatan [monev-persen-lebih]" in summary.text
