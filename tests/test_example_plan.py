"""The Kutai Timur example builds into a decree whose DOCX and PDF say everything, in order."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from generator.rules import load_plan
from generator.text.inline import parse, plain
from tests.conftest import EXAMPLE, docx_text, in_order, pdf_text, squash

MM = 72 / 25.4
AREAS = [
    "I MANAJEMEN PERUBAHAN",
    "II PENATAAN TATA LAKSANA",
    "III PENATAAN SISTEM MANAJEMEN SUMBER DAYA MANUSIA",
    "IV PENGUATAN AKUNTABILITAS KINERJA",
    "V PENGUATAN PENGAWASAN",
    "VI PENINGKATAN KUALITAS PELAYANAN PUBLIK",
    "VII INOVASI PELAYANAN",
]
AUTH = "Salinan sesuai dengan aslinya"


def steps() -> list[str]:
    plan = load_plan(EXAMPLE)
    found = []
    for area in plan.rencana_aksi.area:
        komponen = [k for p in area.program or () for k in p.komponen] + list(area.komponen or ())
        for k in komponen:
            for indikator in k.indikator:
                found += [squash(plain(parse(s.aksi))) for s in indikator.langkah]
    return found


def texts(outputs: dict[str, bytes]) -> dict[str, str]:
    return {
        "asli.docx": squash(docx_text(outputs["asli.docx"])),
        "salinan.docx": squash(docx_text(outputs["salinan.docx"])),
        "asli.pdf": squash(pdf_text(outputs["asli.pdf"])),
        "salinan.pdf": squash(pdf_text(outputs["salinan.pdf"])),
    }


@pytest.fixture(scope="module")
def all_text(example_outputs):
    return texts(example_outputs)


def test_the_example_transcribes_every_step_of_the_reference():
    assert len(steps()) == 58


@pytest.mark.parametrize("name", ["asli.docx", "salinan.docx", "asli.pdf", "salinan.pdf"])
def test_every_step_in_order(all_text, name):
    assert in_order(all_text[name], steps()) == []


@pytest.mark.parametrize("name", ["asli.docx", "salinan.docx", "asli.pdf", "salinan.pdf"])
def test_decree_parts_in_order(all_text, name):
    parts = [
        "KOMISI PEMILIHAN UMUM KABUPATEN KUTAI TIMUR",
        "KEPUTUSAN KOMISI PEMILIHAN UMUM KABUPATEN KUTAI TIMUR NOMOR 400 TAHUN 2025 TENTANG",
        "KETUA KOMISI PEMILIHAN UMUM KABUPATEN KUTAI TIMUR,",
        "Menimbang : a. bahwa dalam rangka",
        "b. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a,",
        "Mengingat : 1. Undang-Undang Nomor 28 Tahun 1999",
        "2. Undang-Undang Nomor 31 Tahun 1999",
        "7. Peraturan Menteri Pendayagunaan",
        "MEMUTUSKAN:",
        "Menetapkan : KEPUTUSAN KOMISI PEMILIHAN UMUM KABUPATEN KUTAI TIMUR TENTANG RENCANA AKSI",
        "KESATU : Menetapkan Rencana Aksi",
        "KEDUA : Segala biaya",
        "KETIGA : Keputusan ini mulai berlaku pada tanggal ditetapkan.",
        "Ditetapkan di Sangatta pada tanggal 9 September 2025 KETUA KOMISI PEMILIHAN UMUM "
        "KABUPATEN KUTAI TIMUR,",
        "SITI AKHLIS MUAFIN",
        "LAMPIRAN I KEPUTUSAN KOMISI PEMILIHAN UMUM KABUPATEN KUTAI TIMUR NOMOR 400 TAHUN 2025 "
        "TENTANG RENCANA AKSI",
        "RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS KPU KABUPATEN KUTAI TIMUR TAHUN 2025",
        "NO KOMPONEN INDIKATOR LANGKAH AKSI BUKTI FISIK TARGET WAKTU TARGET CAPAIAN 1 2 3 4 5 6 7",
        *AREAS,
        "LAMPIRAN II KEPUTUSAN KOMISI PEMILIHAN UMUM",
        "SUSUNAN DAN PERSONALIA",
        "NO NAMA JABATAN KEDUDUKAN DALAM TIM",
        "1 PENGARAH 1. Siti Akhlis Muafin Ketua KPU Kabupaten Kutai Timur Pengarah merangkap Ketua",
        "2 TIM KERJA 1. Sudirman Sekretaris KPU Kabupaten Kutai Timur Ketua",
        "a. TIM MANAJEMEN PERUBAHAN",
        "f. TIM PENINGKATAN KUALITAS PELAYANAN PUBLIK",
        "3. Widya Nuraisyah",
        "SITI AKHLIS MUAFIN",
    ]
    assert in_order(all_text[name], parts) == []


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_asli_has_no_salinan_marks(all_text, fmt):
    text = all_text[f"asli.{fmt}"]
    assert "SALINAN" not in text
    assert "ttd." not in text
    assert AUTH not in text
    assert "Azis Ali Achmadi" in text  # he is in the team, only not as authenticator


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_salinan_has_mark_ttd_and_authentication(all_text, fmt):
    text = all_text[f"salinan.{fmt}"]
    assert text.startswith("SALINAN KOMISI PEMILIHAN UMUM")
    # the decree and each of its two attachments end with ttd. and the authentication block
    block = (f"ttd. SITI AKHLIS MUAFIN {AUTH} SEKRETARIAT KOMISI PEMILIHAN UMUM KABUPATEN KUTAI "
             "TIMUR Kepala Subbagian Teknis Penyelenggaraan Pemilu dan Hukum, Azis Ali Achmadi")
    assert text.count(block) == 3


def test_docx_and_pdf_say_the_same_words_in_the_same_order(all_text):
    for versi in ("asli", "salinan"):
        docx_words = all_text[f"{versi}.docx"].replace("-", " ").split()
        pdf_words = all_text[f"{versi}.pdf"].replace("-", " ").split()
        # the PDF adds the page numbers in its margins (-2-, -3-, ...), nothing else
        pdf_words = [w for w in pdf_words if not w.isdigit() or w in docx_words]
        assert in_order(" ".join(pdf_words), docx_words[:400]) == []


def test_italic_foreign_terms(example_outputs):
    from docx import Document

    document = Document(io.BytesIO(example_outputs["asli.docx"]))
    italic = {run.text for table in document.tables for row in table.rows
              for cell in row.cells for p in cell.paragraphs for run in p.runs if run.italic}
    assert {"Timeline", "role model", "website", "Whistle Blowing System"} <= italic
    assert "Grand Design" in {r.text for p in document.paragraphs for r in p.runs if r.italic}


def page_sizes(pdf: bytes) -> list[tuple[int, int]]:
    reader = PdfReader(io.BytesIO(pdf))
    return [(round(float(p.mediabox.width) / MM), round(float(p.mediabox.height) / MM))
            for p in reader.pages]


@pytest.mark.parametrize("versi", ["asli", "salinan"])
def test_pdf_pages_are_f4_decree_portrait_rencana_aksi_landscape(example_outputs, versi):
    pdf = example_outputs[f"{versi}.pdf"]
    sizes = page_sizes(pdf)
    reader = PdfReader(io.BytesIO(pdf))
    texts_by_page = [squash(p.extract_text()) for p in reader.pages]
    assert sizes[0] == (215, 330)
    ra_pages = [i for i, t in enumerate(texts_by_page)
                if "LANGKAH AKSI" in t and "TARGET CAPAIAN" in t]
    assert len(ra_pages) >= 5  # the header rows repeat on every page of the table
    assert all(sizes[i] == (330, 215) for i in ra_pages)
    team = [i for i, t in enumerate(texts_by_page) if "KEDUDUKAN DALAM TIM" in t]
    assert team and all(sizes[i] == (215, 330) for i in team)


def test_pdf_metadata_and_fonts(example_outputs):
    reader = PdfReader(io.BytesIO(example_outputs["salinan.pdf"]))
    info = reader.metadata
    assert info.title.startswith("Keputusan Komisi Pemilihan Umum Kabupaten Kutai Timur Nomor 400")
    assert info.author == "Komisi Pemilihan Umum Kabupaten Kutai Timur"
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "id"
    assert "/StructTreeRoot" in root  # tagged
    assert b"pdfaid:part" in root["/Metadata"].get_object().get_data()  # PDF/A
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts.add(str(font["/BaseFont"]))
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert {"/FontFile2", "/FontFile3"} & set(descriptor)  # embedded
    # only the shipped font, in its styles: no fallback to a font of the machine
    assert {f.split("+", 1)[1] for f in fonts} == {
        "Liberation-Sans", "Liberation-Sans-Bold", "Liberation-Sans-Italic",
        "Liberation-Sans-Bold-Italic"}
