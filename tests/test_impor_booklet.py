"""Importing the Rencana Kerja booklet: zi's own DOCX comes back as a plan that builds to the
same text, and booklets typed by hand are read by their words and numbers."""

from __future__ import annotations

import copy
import io
from pathlib import Path

import pytest
import yaml
from docx import Document

from generator.importer.booklet import booklet_blocks, read_booklet
from generator.importer.notes import Guess
from generator.importer.word import Paragraph, read_docx
from generator.output.build import render_checked
from generator.plan.model import Rencana
from tests.conftest import PLANS, docx_blocks

BOOKLET_PLANS = ["kalimantan-barat-2025", "merangin-2025"]


def _docx(data: dict, tmp_path: Path) -> bytes:
    plan = Rencana.model_validate(data)
    [output] = render_checked(plan, "rencana", tmp_path, formats=["docx"], versions=["asli"])
    return output.data


def _imported(data: dict, tmp_path: Path) -> tuple[dict, list[Guess], bytes]:
    original = _docx(data, tmp_path)
    tahun = data["keputusan"]["tahun"]
    kerja, guesses = read_booklet(booklet_blocks(read_docx(original)), tahun)
    return kerja, guesses, original


@pytest.mark.parametrize("name", BOOKLET_PLANS)
def test_round_trip_builds_the_same_text(name: str, tmp_path: Path) -> None:
    data = yaml.safe_load((PLANS / f"{name}.yaml").read_text(encoding="utf-8"))
    kerja, guesses, original = _imported(data, tmp_path)
    again = copy.deepcopy(data)
    # the lampiran's title stands before the booklet's blocks: the lead reads it, not read_booklet
    again["rencana_kerja"] = {"judul": data["rencana_kerja"].get("judul"), **kerja}
    assert docx_blocks(_docx(again, tmp_path)) == docx_blocks(original)
    assert guesses == []


def test_round_trip_kalimantan_barat_structure(tmp_path: Path) -> None:
    data = yaml.safe_load((PLANS / "kalimantan-barat-2025.yaml").read_text(encoding="utf-8"))
    kerja, _, _ = _imported(data, tmp_path)
    original = data["rencana_kerja"]
    assert kerja["sampul"] == [line.upper() for line in original["sampul"]]
    assert kerja["situs"] == "id.kpu.go.id/kalbar"
    assert kerja["tanggal_pengantar"] == "April 2025"
    assert [bab["judul"] for bab in kerja["bab"]] == [
        "PENDAHULUAN", "PROGRAM KERJA PEMBANGUNAN ZONA INTEGRITAS",
        "RENCANA AKSI/RENCANA KERJA PEMBANGUNAN ZONA INTEGRITAS", "PENUTUP"]
    dasar = kerja["bab"][0]["bagian"][1]
    # catalog keys where the catalog cites the text word for word, in the printed (lawful) order
    assert dasar["dasar_hukum"][:8] == [
        "uu-28-1999", "uu-1-2015", "uu-7-2017", "perpres-81-2010", "perpres-54-2018",
        "pkpu-8-2019", "pkpu-14-2020", "permenpanrb-90-2021"]
    assert dasar["dasar_hukum"][8] == " ".join(original["bab"][0]["bagian"][1]["dasar_hukum"][8]
                                               .split())
    bab3 = kerja["bab"][2]
    assert bab3["matriks"] is True
    assert [a["area"] for a in bab3["area"]] == [a["area"] for a in original["bab"][2]["area"]]
    assert bab3["area"][0]["target"] == [" ".join(t.split())
                                         for t in original["bab"][2]["area"][0]["target"]]
    assert "   1) Koordinator Manajemen Perubahan;" in bab3["area"][0]["rencana_aksi"]
    assert kerja["matriks"][2]["komponen"][0] == {"nama": "Perencanaan Kebutuhan Pegawai",
                                                  "capaian": {6: 50, 12: 50}}
    # the last row, which zi keeps beside the signature in a table of its own, is read too
    assert kerja["matriks_komponen_hasil"] == [
        {"nama": "Peningkatan Pelayanan Publik", "capaian": {"1-12": 100}},
        {"nama": "Pemerintah yang Bersih dan Akuntabel", "capaian": {"1-12": 100}}]


def test_merangin_chapter_with_the_action_table(tmp_path: Path) -> None:
    data = yaml.safe_load((PLANS / "merangin-2025.yaml").read_text(encoding="utf-8"))
    kerja, _, _ = _imported(data, tmp_path)
    assert kerja["sampul"] is False
    assert "kata_pengantar" not in kerja
    assert [bab.get("tabel_rencana_aksi", False) for bab in kerja["bab"]] == [False, True, False]
    # the table's own title is not part of the chapter's text
    assert kerja["bab"][1]["isi"].endswith("sebagaimana tercantum dalam tabel berikut.\n")
    assert kerja["bab"][0]["bagian"][1] == {
        "judul": "DASAR HUKUM",
        "dasar_hukum": ["uu-28-1999", "uu-31-1999", "uu-7-2017", "perpres-81-2010",
                        "permenpanrb-90-2021"]}
    assert kerja["bab"][0]["bagian"][2]["isi"].splitlines()[2:5] == [
        "1. pencanangan pembangunan Zona Integritas oleh pimpinan dan seluruh pegawai;",
        "2. pembentukan Tim Kerja Pembangunan Zona Integritas;",
        "3. penyusunan rencana kerja dan rencana aksi pada enam area perubahan:"]
    assert kerja["bab"][0]["bagian"][2]["isi"].splitlines()[5] == "   a. Manajemen Perubahan;"


# --- booklets typed by hand in Word ---------------------------------------------------------

def _numbered(paragraph, level: int = 0) -> None:
    """Give a python-docx paragraph Word's automatic numbering at a level."""
    ppr = paragraph._p.get_or_add_pPr()
    ppr.get_or_add_numPr().get_or_add_ilvl().val = level
    ppr.get_or_add_numPr().get_or_add_numId().val = 1


def _hand_made(lines: list[tuple[str, int | None]]) -> bytes:
    """A DOCX of plain paragraphs; a level numbers the paragraph automatically."""
    document = Document()
    for text, level in lines:
        paragraph = document.add_paragraph(text)
        if level is not None:
            _numbered(paragraph, level)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


HAND_TYPED = [
    ("BAB I", None), ("PENDAHULUAN", None),
    ("A. LATAR BELAKANG", None),
    ("Zona Integritas dibangun setiap tahun.", None),
    ("Tahapannya adalah:", None),
    ("1. pencanangan;", None), ("2. pembangunan, meliputi:", None),
    ("a. manajemen perubahan;", None), ("b. penataan tata laksana;", None),
    ("3. pemantauan.", None),
    ("B. DASAR HUKUM", None),
    ("1. Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;", None),
    ("2. Peraturan Bupati Merangin Nomor 3 Tahun 2024 tentang Zona Integritas.", None),
    ("BAB II RENCANA KERJA", None),
    ("A. AREA I - Manajemen Perubahan", None),
    ("Target:", None), ("1. Komitmen meningkat.", None), ("2. Budaya kerja berubah.", None),
    ("Rencana Aksi:", None), ("Membentuk tim kerja.", None),
    ("BAB III", None), ("PENUTUP", None), ("Demikian.", None),
]


def test_hand_typed_booklet() -> None:
    kerja, guesses = read_booklet(read_docx(_hand_made(HAND_TYPED)), 2025)
    assert kerja == {
        "sampul": False,
        "bab": [
            {"judul": "PENDAHULUAN", "bagian": [
                {"judul": "LATAR BELAKANG", "isi":
                    "Zona Integritas dibangun setiap tahun.\n\nTahapannya adalah:\n\n"
                    "1. pencanangan;\n2. pembangunan, meliputi:\n   a. manajemen perubahan;\n"
                    "   b. penataan tata laksana;\n3. pemantauan.\n"},
                {"judul": "DASAR HUKUM", "dasar_hukum": [
                    "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik",
                    "Peraturan Bupati Merangin Nomor 3 Tahun 2024 tentang Zona Integritas"]}]},
            {"judul": "RENCANA KERJA", "area": [
                {"area": "Manajemen Perubahan",
                 "target": ["Komitmen meningkat.", "Budaya kerja berubah."],
                 "rencana_aksi": "Membentuk tim kerja.\n"}]},
            {"judul": "PENUTUP", "isi": "Demikian.\n"}]}
    # the catalog knows UU 25/2009 but cites it with its Lembaran Negara: the text is kept
    assert guesses == [Guess(
        ("rencana_kerja", "bab", 0, "bagian", 1, "dasar_hukum", 0),
        "paragraf ke-12: katalog zi memuat peraturan ini (uu-25-2009) dengan kutipan yang lain; "
        "ganti dengan 'uu-25-2009' bila kutipan katalog yang dipakai")]


WORD_NUMBERED = [
    ("RENCANA KERJA", None), ("", None), ("KOMISI PEMILIHAN UMUM", None),
    ("KABUPATEN MERANGIN", None), ("TAHUN 2024", None),
    ("KATA PENGANTAR", None), ("Puji syukur.", None),
    ("Bangko, Maret 2025", None), ("Ketua Komisi Pemilihan Umum", None),
    ("Kabupaten Merangin,", None), ("Hendri Saputra", None),
    ("BAB I", None), ("PENDAHULUAN", None),
    ("LATAR BELAKANG", 0),
    ("Langkahnya:", None),
    ("pencanangan", 1), ("pembangunan", 1), ("manajemen perubahan", 2), ("pemantauan", 1),
    ("Tabel", None),
]


def test_word_numbering_becomes_list_markup() -> None:
    kerja, guesses = read_booklet(read_docx(_hand_made(WORD_NUMBERED)), 2025)
    assert kerja["sampul"] == ["RENCANA KERJA"]
    assert kerja["kata_pengantar"] == "Puji syukur.\n"
    assert kerja["tanggal_pengantar"] == "Maret 2025"
    assert kerja["bab"] == [{"judul": "PENDAHULUAN", "bagian": [
        {"judul": "LATAR BELAKANG", "isi": "Langkahnya:\n\n- pencanangan\n- pembangunan\n"
                                           "   - manajemen perubahan\n- pemantauan\n\nTabel\n"}]}]
    assert guesses == [
        Guess(("rencana_kerja", "sampul"), "paragraf ke-5: sampul bertahun 2024, rencana "
                                           "bertahun 2025; zi mencetak tahun rencana"),
        Guess(("rencana_kerja", "bab", 0, "bagian", 0, "isi"),
              "paragraf ke-16: penomoran otomatis Word; jenis nomornya tidak terbaca, zi menomori "
              "a., 1., a), 1) menurut kedalaman (ganti '-' dengan '1.' atau 'a.' bila perlu)"),
    ]


def test_unrecognised_structure_stays_as_text_with_a_guess() -> None:
    blocks = [Paragraph("Naskah tanpa bab apa pun.", place="paragraf ke-1"),
              Paragraph("- butir berpoin", place="paragraf ke-2")]
    kerja, guesses = read_booklet(blocks, 2025)
    assert kerja == {"sampul": False, "bab": [
        {"judul": "Rencana Kerja", "isi": "Naskah tanpa bab apa pun.\n\n- butir berpoin\n"}]}
    assert [g.message for g in guesses] == [
        "paragraf ke-1: tidak ada BAB yang dikenali; seluruh naskah dimasukkan ke satu bab; "
        "beri judulnya",
        "paragraf ke-2: butir berpoin; zi menomori a., 1., a), 1) menurut kedalaman"]
