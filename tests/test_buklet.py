"""The Rencana Kerja booklet: its parts in order, nested list labels, the monthly matrix."""

from __future__ import annotations

import copy
import io

import pdfplumber
import pytest
import yaml
from docx import Document
from docx.oxml.ns import qn

from generator.output.build import render_plan
from generator.text.narrative import parse_narrative
from tests.conftest import (
    FIXTURES,
    PLANS,
    docx_table_rows,
    docx_text,
    in_order,
    pdf_text,
    squash,
)

KALBAR = PLANS / "kalimantan-barat-2025.yaml"


@pytest.fixture(scope="module")
def kalbar(tmp_path_factory) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("kalbar")
    return {o.path.name: o.data for o in render_plan(KALBAR, out)}


PARTS = [
    "LAMPIRAN KEPUTUSAN KOMISI PEMILIHAN UMUM PROVINSI KALIMANTAN BARAT NOMOR 9 TAHUN 2025",
    "RENCANA KERJA PEMBANGUNAN ZONA INTEGRITAS MENUJU WBK & WBBM DI LINGKUNGAN KOMISI "
    "PEMILIHAN UMUM PROVINSI KALIMANTAN BARAT TAHUN 2025",
    "KOMISI PEMILIHAN UMUM PROVINSI KALIMANTAN BARAT id.kpu.go.id/kalbar TAHUN 2025",
    "KATA PENGANTAR Dalam rangka keberlanjutan",
    "Pontianak, April 2025 Ketua Komisi Pemilihan Umum Provinsi Kalimantan Barat, "
    "Muhammad Syarifuddin Budi",
    "BAB I PENDAHULUAN", "A. LATAR BELAKANG", "B. DASAR HUKUM",
    # the catalog's citations, in lawful order although the plan lists UU 7/2017 first
    "1. Undang-Undang Nomor 28 Tahun 1999", "2. Undang-Undang Nomor 1 Tahun 2015",
    "3. Undang-Undang Nomor 7 Tahun 2017",
    "9. Keputusan Ketua Komisi Pemilihan Umum Provinsi Kalimantan Barat Nomor 8 Tahun 2025",
    "C. MAKSUD DAN TUJUAN", "1. Dokumen rencana kerja", "2. Tujuan penyusunan",
    "D. PENGERTIAN UMUM", "BAB II PROGRAM KERJA PEMBANGUNAN ZONA INTEGRITAS",
    "A. PENCANANGAN PEMBANGUNAN ZONA INTEGRITAS",
    "BAB III RENCANA AKSI/RENCANA KERJA PEMBANGUNAN ZONA INTEGRITAS",
    "A. AREA I - Manajemen Perubahan Target : 1. Meningkatnya komitmen",
    "Rencana Aksi : Tahap pertama", "a. Memperbarui Tim", "e. Menyelenggarakan rapat",
    "1) Koordinator Manajemen Perubahan;", "6) Koordinator Penguatan Akuntabilitas Kinerja.",
    "f. Membangun budaya kerja", "F. AREA VI - Peningkatan Kualitas Pelayanan Publik",
    "TARGET CAPAIAN PEMBANGUNAN ZONA INTEGRITAS MENUJU WBK/WBBM KPU PROVINSI KALIMANTAN BARAT "
    "TAHUN 2025",
    "BAB IV PENUTUP Demikian Rencana Kerja",
    "KETUA KOMISI PEMILIHAN UMUM PROVINSI KALIMANTAN BARAT, ttd. MUHAMMAD SYARIFUDDIN BUDI",
    "Salinan sesuai dengan aslinya",
]


@pytest.mark.parametrize("name", ["keputusan-salinan.docx", "keputusan-salinan.pdf"])
def test_booklet_parts_in_order(kalbar, name):
    data = kalbar[name]
    text = squash(docx_text(data) if name.endswith("docx") else pdf_text(data))
    assert in_order(text, [squash(part) for part in PARTS]) == []


def matrix_rows(data: bytes) -> dict[str, list[str]]:
    document = Document(io.BytesIO(data))
    table = next(t for t in document.tables
                 if any("AREA PEMBANGUNAN" in c.text for c in t.rows[0].cells))
    rows = [["".join(t.text or "" for t in tc.iter(qn("w:t"))) for tc in tr.tc_lst]
            for tr in docx_table_rows(table)[2:]]
    return {cells[1]: cells[2:] for cells in rows if len(cells) == 14}


def test_matrix_given_as_data(kalbar):
    rows = matrix_rows(kalbar["keputusan-asli.docx"])
    assert rows["Tim Kerja"] == ["", "", "", "100%"] + [""] * 8
    assert rows["Perencanaan Kebutuhan Pegawai"] == [""] * 5 + ["50%"] + [""] * 5 + ["50%"]
    assert rows["Penetapan Kinerja Individu"][:4] == ["25%", "50%", "60%", "65%"]
    assert rows["Pemerintah yang Bersih dan Akuntabel"] == ["100%"] * 12
    pdf = squash(pdf_text(kalbar["keputusan-asli.pdf"]))
    assert "1 Tim Kerja 100% 2 Dokumen Rencana Pembangunan ZI 100%" in pdf
    assert "No. AREA PEMBANGUNAN 2025 Jan Feb Mar Apr Mei Jun Jul Agt Sep Okt Nov Des" in pdf


def test_matrix_derived_from_the_schedule(tmp_path):
    plan = yaml.safe_load(KALBAR.read_text(encoding="utf-8"))
    del plan["rencana_kerja"]["matriks"]
    del plan["rencana_kerja"]["matriks_komponen_hasil"]
    minimal = yaml.safe_load((FIXTURES / "minimal.yaml").read_text(encoding="utf-8"))
    plan["rencana_aksi"] = copy.deepcopy(minimal["rencana_aksi"])
    step = plan["rencana_aksi"]["area"][0]["komponen"][0]["indikator"][0]["langkah"][0]
    step["jadwal"] = [3, 6, 9, 12]
    path = tmp_path / "turunan.yaml"
    path.write_text(yaml.safe_dump(plan, allow_unicode=True), encoding="utf-8")
    files = {o.path.name: o.data for o in render_plan(path, tmp_path, ["docx"], ["asli"])}
    rows = matrix_rows(files["keputusan-asli.docx"])
    assert rows["Tim Kerja"] == ["", "", "100%", "", "", "100%", "", "", "100%", "", "", "100%"]


def test_markup_nests_lists_and_counts_the_numbers():
    text = """Pembuka paragraf
    yang berlanjut.

- satu
- dua
  - dua satu
  - dua dua
    - dalam
      - terdalam
- tiga yang
  berlanjut

1. nomor
1. nomor lagi
   a) huruf
"""
    lines = [(b.tingkat, b.label, "".join(r.text for r in b.teks)) for b in parse_narrative(text)]
    assert lines == [
        (0, "", "Pembuka paragraf yang berlanjut."),
        (0, "a.", "satu"), (0, "b.", "dua"), (1, "1.", "dua satu"), (1, "2.", "dua dua"),
        (2, "a)", "dalam"), (3, "1)", "terdalam"), (0, "c.", "tiga yang berlanjut"),
        (0, "1.", "nomor"), (0, "2.", "nomor lagi"), (1, "a)", "huruf"),
    ]


def test_bold_and_italic_in_the_booklet(kalbar):
    document = Document(io.BytesIO(kalbar["keputusan-asli.docx"]))
    runs = [r for p in document.paragraphs for r in p.runs]
    assert any(r.bold and r.text == "Target :" for r in runs)
    assert any(r.bold and r.text.startswith("Zona Integritas (ZI)") for r in runs)
    assert any(r.italic and r.text == "role model" for r in runs)


def test_a_6_column_table_and_a_booklet_in_one_decree(tmp_path):
    plan = yaml.safe_load(KALBAR.read_text(encoding="utf-8"))
    minimal = yaml.safe_load((FIXTURES / "minimal.yaml").read_text(encoding="utf-8"))
    plan["rencana_aksi"] = copy.deepcopy(minimal["rencana_aksi"]) | {"kolom": 6}
    path = tmp_path / "gabungan.yaml"
    path.write_text(yaml.safe_dump(plan, allow_unicode=True), encoding="utf-8")
    files = {o.path.name: o.data for o in render_plan(path, tmp_path, ["docx", "pdf"], ["asli"])}
    for name, data in files.items():
        text = squash(docx_text(data) if name.endswith("docx") else pdf_text(data))
        assert in_order(text, [
            "sebagaimana tercantum dalam Lampiran I dan Lampiran II",
            "LAMPIRAN I", "LANGKAH AKSI BUKTI FISIK TARGET WAKTU 1 2 3 4 5 6",
            "LAMPIRAN II", "KATA PENGANTAR", "BAB IV PENUTUP"]) == [], name
    sections = Document(io.BytesIO(files["keputusan-asli.docx"])).sections
    # the booklet's cover is a section of its own, so that it carries no page number
    assert [(round(s.page_width.mm), round(s.page_height.mm)) for s in sections] == [
        (215, 330), (330, 215), (215, 330), (215, 330), (215, 330)]
    cover = sections[3]
    assert cover.different_first_page_header_footer
    assert not sections[4].different_first_page_header_footer


def test_libreoffice_opens_the_booklet(kalbar, tmp_path):
    from pypdf import PdfReader

    from tests.conftest import convert_with_libreoffice

    docx = tmp_path / "keputusan-salinan.docx"
    docx.write_bytes(kalbar["keputusan-salinan.docx"])
    reader = PdfReader(io.BytesIO(convert_with_libreoffice(docx, tmp_path).read_bytes()))
    text = squash(" ".join(p.extract_text() for p in reader.pages))
    assert in_order(text, ["KATA PENGANTAR", "BAB I", "BAB III", "TARGET CAPAIAN", "BAB IV"]) == []
    assert all(round(float(p.mediabox.height) * 25.4 / 72) == 330 for p in reader.pages)
    assert len(reader.pages) >= 12


def test_matrix_prints_foreign_terms_in_italics(kalbar):
    """The matrix row written `*Whistle Blowing System*` prints italic, without its stars."""
    rows = matrix_rows(kalbar["keputusan-salinan.docx"])
    assert rows["Whistle Blowing System"] == ["100%"] * 12
    document = Document(io.BytesIO(kalbar["keputusan-salinan.docx"]))
    matrix = next(t for t in document.tables if "AREA PEMBANGUNAN" in t.rows[0].cells[1].text)
    runs = [r for row in matrix.rows for p in row.cells[1].paragraphs for r in p.runs]
    assert [r.text for r in runs if r.italic] == ["Whistle Blowing System"]
    with pdfplumber.open(io.BytesIO(kalbar["keputusan-salinan.pdf"])) as pdf:
        page = next(p for p in pdf.pages if "TARGET CAPAIAN" in (p.extract_text() or ""))
        words = page.extract_words(extra_attrs=["fontname"])
    fonts = {w["text"]: w["fontname"] for w in words}
    assert all("Italic" in fonts[word] for word in ("Whistle", "Blowing", "System"))
    assert not any("*" in w["text"] for w in words)


def test_a_wrapped_line_that_begins_with_a_year_continues_its_paragraph():
    """Merangin's Latar Belakang printed '1. Pada tahun 2025 ...' as a list item and cut its
    paragraph after 'pada tahun': a four-digit number is a year, not a list marker."""
    text = ("KPU Kabupaten Merangin telah mencanangkan pembangunan pada tahun\n"
            "2024. Pada tahun 2025 pembangunan itu dilanjutkan.\n\n"
            "Kegiatannya:\n12. dua belas\n")
    lines = [(b.label, "".join(r.text for r in b.teks)) for b in parse_narrative(text)]
    assert lines == [
        ("", "KPU Kabupaten Merangin telah mencanangkan pembangunan pada tahun 2024. Pada tahun "
             "2025 pembangunan itu dilanjutkan."),
        ("", "Kegiatannya:"), ("1.", "dua belas")]
