"""komponen-hilang matches komponen by name across the plan, never by the position of a row.

The names below are written as offices write them: in plans/ and in the reference documents
(shared/reference/001 Kutai Timur, 003 Tambrauw, with their OCR slips and <i> marks).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.plan.model import AREA_RESMI
from generator.reference.official_areas import area_dari_nama, area_resmi, norm
from generator.rules import check_file
from generator.rules.coverage import _cocok_kuat, _cocok_longgar, bentuk
from tests.conftest import FIXTURES, PLANS

KOMPONEN = [k for area in area_resmi() for k in area.komponen]

DITULIS = [  # (name as written, the official komponen it names)
    ("Pemantauan dan Evaluasi Pembangunan WBK/ WBBM", "Pemantauan dan Evaluasi Pembangunan "
     "WBK/WBBM"),
    ("Prosedur Operasional tetap (SOP) kegiatan utama", "Prosedur Operasional Tetap (SOP)"),
    ("Prosedur Operasional Tetap", "Prosedur Operasional Tetap (SOP)"),
    ("E- Office pemanfaatan aplikasi presensi", "Sistem Pemerintahan Berbasis Elektronik (SPBE)"),
    ("(<i>e-office/ e-govemment</i>)", "Sistem Pemerintahan Berbasis Elektronik (SPBE)"),
    ("Sistem Pemerintahan Berbasis Elektronik (*e-office*/*e-government*)",
     "Sistem Pemerintahan Berbasis Elektronik (SPBE)"),
    ("Ketertiban pimpinan", "Keterlibatan Pimpinan"),
    ("Pengelolaan Akuntabilittas Kinerja", "Pengelolaan Akuntabilitas Kinerja"),
    ("Penegakan Aturan Disiplin /Kode Etik/Kode perilaku",
     "Penegakan Aturan Disiplin/Kode Etik/Kode Perilaku"),
    ("Penegakan aturan kode etik dan aturan perilaku pegawai",
     "Penegakan Aturan Disiplin/Kode Etik/Kode Perilaku"),
    ("Perencanaan Kebutuhan Pegawai Sesuai dengan kebutuhan", "Perencanaan Kebutuhan Pegawai"),
    ("Penilaian Kepuasan Pelayanan", "Penilaian Kepuasan terhadap Pelayanan"),
    ("Dokumen Rencana Aksi", "Rencana Pembangunan Zona Integritas"),
    ("*Whistle Blowing System*", "*Whistle-Blowing System*"),
    ("Pelaksanaan Whistle Blowing System", "*Whistle-Blowing System*"),
    ("Pembangunan SPIP di lingkungan unit kerja", "Penerapan SPIP"),
    ("Pengendalian Gratifikasi mensosialisasikan", "Pengendalian Gratifikasi"),
    ("Penanganan Pengaduan Masyarakat Kepada KPU", "Pengaduan Masyarakat"),
    ("Budaya pelayanan prima", "Budaya Pelayanan Prima"),
]


@pytest.mark.parametrize(("written", "official"), DITULIS, ids=[w for w, _ in DITULIS])
def test_a_name_as_offices_write_it_names_its_komponen(written, official):
    forms = bentuk(written)
    assert _cocok_kuat(official, forms) or _cocok_longgar(official, forms)


@pytest.mark.parametrize("written", ["Survei Persepsi Korupsi", "Inovasi Pelayanan",
                                     "Penyusunan Laporan Keuangan"])
def test_a_name_of_no_komponen_names_none(written):
    forms = bentuk(written)
    assert [k for k in KOMPONEN if _cocok_kuat(k, forms) or _cocok_longgar(k, forms)] == []


def test_normalisation_folds_markup_case_brackets_and_spellings():
    assert norm("*Whistle-Blowing System*") == "whistle blowing system"
    assert norm("Penataan Sistem Manajemen Sumber Daya Manusia") == "penataan sistem manajemen sdm"
    assert norm("Penataan Tatalaksana") == "penataan tata laksana"
    assert bentuk("Prosedur Operasional Tetap (SOP)") == (
        "prosedur operasional tetap", "sop", "prosedur operasional tetap sop")


@pytest.mark.parametrize(("written", "official"), [
    ("Penataan Sistem Manajemen Sumber Daya Manusia", "Penataan Sistem Manajemen SDM"),
    ("Penguatan Akuntabilitas", "Penguatan Akuntabilitas Kinerja"),
    ("Penguasaan Akuntabilitas", "Penguatan Akuntabilitas Kinerja"),  # reference 001
    ("Penataan Tatalaksana", "Penataan Tata Laksana"),
    ("PENINGKATAN KUALITAS PELAYANAN PUBLIK", "Peningkatan Kualitas Pelayanan Publik"),
    ("Inovasi Pelayanan", None),
    ("Pelaksanaan Pengendalian Gratifikasi", None),
])
def test_a_row_named_as_an_official_area_belongs_to_it(written, official):
    assert area_dari_nama(written) == official


def test_the_model_names_the_six_areas_of_the_data():
    assert AREA_RESMI == tuple(a.nama for a in area_resmi())


def _komponen_hilang(path: Path) -> list[str]:
    return [d.message for d in check_file(path).warnings if d.kode == "komponen-hilang"]


def test_rows_in_another_order_give_the_same_findings(tmp_path):
    """Before, a row that was not named as an area stood for the area at its position."""
    text = (FIXTURES / "rules" / "komponen-hilang.yaml").read_text(encoding="utf-8")
    head, rows = text.split("  area:\n")
    rows, tail = rows.split("\ntim:")
    blocks = rows.split("\n    - nama: ")
    reordered = "\n    - nama: ".join([blocks[0], *reversed(blocks[1:])])
    moved = tmp_path / "rencana.yaml"
    moved.write_text(f"{head}  area:\n{reordered}\ntim:{tail}", encoding="utf-8")
    assert reordered != rows
    assert sorted(_komponen_hilang(moved)) == sorted(
        _komponen_hilang(FIXTURES / "rules" / "komponen-hilang.yaml"))


def test_the_program_numbered_example_needs_area_resmi_only_to_point(tmp_path):
    """Without 'area_resmi' the example still finds every komponen by name."""
    plan = PLANS / "penajam-paser-utara-2026.yaml"
    text = plan.read_text(encoding="utf-8")
    assert text.count("area_resmi: Penguatan Pengawasan") == 4
    bare = tmp_path / plan.name
    bare.write_text(text.replace("      area_resmi: Penguatan Pengawasan\n", ""), encoding="utf-8")
    assert _komponen_hilang(bare) == []
    missing = tmp_path / "tanpa-spip.yaml"
    missing.write_text(text.replace("Pembangunan SPIP", "Pembangunan Lingkungan Pengendalian"),
                       encoding="utf-8")
    found = check_file(missing).warnings
    assert [(d.position.line, d.message.split(":")[0]) for d in found] == [
        (_line_of(text, "- nama: Pelaksanaan Pengendalian Gratifikasi"),
         "area Penguatan Pengawasan (bobot 15) tidak punya langkah untuk komponen "
         "'Penerapan SPIP'")]


def _line_of(text: str, needle: str) -> int:
    return text.splitlines().index(next(line for line in text.splitlines() if needle in line)) + 1
