"""One lampiran holding narrative chapters and the Rencana Aksi table in a chapter (landscape
pages inside portrait ones), the attachment order the plan decides, optional cover and foreword."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pdfplumber
import pytest
import yaml
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from generator.document.decree import build_document
from generator.output.build import render_plan
from generator.plan.attachments import attachment_labels
from generator.rules import load_plan
from generator.text.inline import parse
from tests.conftest import (
    EXAMPLE,
    PLANS,
    convert_with_libreoffice,
    docx_text,
    in_order,
    pdf_text,
    squash,
)
from tests.layout import check_pdf, report

MERANGIN = PLANS / "merangin-2025.yaml"
KALBAR = PLANS / "kalimantan-barat-2025.yaml"

ORDER = [
    "KESATU : Menetapkan Rencana Aksi Pembangunan Zona Integritas",
    "sebagaimana tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan",
    "LAMPIRAN KEPUTUSAN KOMISI PEMILIHAN UMUM KABUPATEN MERANGIN NOMOR 87/HK.03.1-Kpt/1502/2025",
    "RENCANA KERJA DAN RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS",
    "BAB I PENDAHULUAN", "A. LATAR BELAKANG", "B. DASAR HUKUM",
    "C. PROSES PEMBANGUNAN ZONA INTEGRITAS", "BAB II RENCANA AKSI",
    "sebagaimana tercantum dalam tabel berikut.",
    "RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS KPU KABUPATEN MERANGIN TAHUN 2025",
    "MANAJEMEN PERUBAHAN", "Tim Kerja", "PENINGKATAN KUALITAS PELAYANAN PUBLIK",
    "Melayani permohonan informasi melalui website dan WhatsApp",
    "BAB III PENUTUP", "Rencana kerja dan rencana aksi ini menjadi pedoman",
    "Ditetapkan di Bangko", "HENDRI SAPUTRA", "Salinan sesuai dengan aslinya",
]
"""The salinan from the decree's KESATU to the authentication, in print order."""


@pytest.fixture(scope="module")
def merangin(tmp_path_factory) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("merangin")
    return {o.path.name: o.data for o in render_plan(MERANGIN, out)}


@pytest.fixture(scope="module")
def merangin_lo(merangin, tmp_path_factory) -> bytes:
    """The salinan DOCX as LibreOffice lays it out."""
    folder = tmp_path_factory.mktemp("merangin-lo")
    docx = folder / "keputusan-salinan.docx"
    docx.write_bytes(merangin["keputusan-salinan.docx"])
    return convert_with_libreoffice(docx, folder).read_bytes()


def _pages(pdf: bytes) -> list[tuple[bool, str]]:
    """(landscape, text) of each page."""
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return [(page.width > page.height, page.extract_text() or "")
                for page in document.pages]


def _lampiran_pages(pdf: bytes) -> list[tuple[bool, str]]:
    pages = _pages(pdf)
    first = next(i for i, (_, text) in enumerate(pages) if text.startswith("LAMPIRAN\n"))
    return pages[first:]


def _check_pages(pdf: bytes) -> None:
    """One 'LAMPIRAN'; landscape exactly on the table's pages; numbering goes on through them."""
    text = squash(pdf_text(pdf))
    assert text.count("LAMPIRAN KEPUTUSAN") == 1
    assert "LAMPIRAN I" not in text and "Lampiran I" not in text
    pages = _lampiran_pages(pdf)
    table = [wide for wide, page in pages if "LANGKAH AKSI" in page]
    assert len(table) >= 2, "the example's table runs over more than one page"
    assert [wide for wide, _ in pages] == ["LANGKAH AKSI" in page for _, page in pages]
    assert pages[0][0] is False and pages[-1][0] is False  # BAB I and BAB III are portrait
    numbers = [re.match(r"-(\d+)-", page) for _, page in pages[1:]]
    assert [int(n[1]) for n in numbers if n] == list(range(2, len(pages) + 1))
    assert "BAB III" in pages[-1][1] and "HENDRI SAPUTRA" in pages[-1][1]
    # the whole authentication, down to its NIP, on its signature's page (decree and lampiran)
    signed = [page for _, page in _pages(pdf) if "NIP 198710152011012004" in page]
    assert len(signed) == 2
    assert all("HENDRI SAPUTRA" in page and "Salinan sesuai dengan aslinya" in page
               for page in signed)


def test_pdf_prints_one_lampiran_with_the_table_inside_bab_ii(merangin):
    pdf = merangin["keputusan-salinan.pdf"]
    assert in_order(squash(pdf_text(pdf)), ORDER) == []
    _check_pages(pdf)


def test_docx_text_in_order_and_sections_landscape_only_for_the_table(merangin):
    data = merangin["keputusan-salinan.docx"]
    assert in_order(squash(docx_text(data)), [s.replace("KESATU : ", "KESATU ")
                                              for s in ORDER[1:]]) == []
    sections = Document(io.BytesIO(data)).sections
    # decree, lampiran up to BAB II's text, the table, BAB III with the signature
    assert [s.orientation for s in sections] == [WD_ORIENT.PORTRAIT, WD_ORIENT.PORTRAIT,
                                                 WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT]
    assert [s.page_width > s.page_height for s in sections] == [False, False, True, False]
    restarts = [(s._sectPr.find(qn("w:pgNumType")) is not None
                 and s._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1")
                for s in sections]
    assert restarts == [True, True, False, False]
    assert [s.different_first_page_header_footer for s in sections] == [True, True, False, False]


def test_docx_in_libreoffice_prints_one_lampiran_landscape_for_the_table(merangin_lo):
    assert in_order(squash(pdf_text(merangin_lo)), ORDER[2:]) == []
    _check_pages(merangin_lo)


def _variant(tmp_path: Path, source: Path, change) -> Path:
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / source.name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_the_plan_decides_the_order_of_attachments(tmp_path):
    path = _variant(tmp_path, EXAMPLE,
                    lambda d: d["keputusan"].__setitem__("lampiran", ["tim", "rencana_aksi"]))
    plan = load_plan(path)
    assert attachment_labels(plan) == {"tim": "LAMPIRAN I", "rencana_aksi": "LAMPIRAN II"}
    doc = build_document(plan, "salinan")
    assert [(lamp.jenis, lamp.kepala.label) for lamp in doc.lampiran] == [
        ("tim", "LAMPIRAN I"), ("rencana_aksi", "LAMPIRAN II")]
    assert "tercantum dalam Lampiran I dan Lampiran II" in doc.diktum[0].text[0].text
    outputs = {o.path.name: o.data for o in render_plan(path, tmp_path / "out",
                                                        formats=["pdf"], versions=["salinan"])}
    text = squash(pdf_text(outputs["keputusan-salinan.pdf"]))
    assert in_order(text, ["LAMPIRAN I KEPUTUSAN", "SUSUNAN DAN PERSONALIA",
                           "LAMPIRAN II KEPUTUSAN", "RENCANA AKSI PEMBANGUNAN"]) == []


def test_without_an_order_the_attachments_keep_the_usual_one():
    plan = load_plan(EXAMPLE)
    assert list(attachment_labels(plan)) == ["rencana_aksi", "tim"]


def test_the_table_inside_a_chapter_is_no_attachment_of_its_own(tmp_path):
    def change(data):
        del data["keputusan"]["lampiran"]
        data["rencana_kerja"]["bab"][1]["matriks"] = True

    plan = load_plan(_variant(tmp_path, MERANGIN, change))
    doc = build_document(plan, "asli")
    assert [lamp.jenis for lamp in doc.lampiran] == ["rencana_kerja"]
    assert doc.lampiran[0].kepala.label == "LAMPIRAN"
    kinds = [blok.jenis for blok in doc.lampiran[0].blok]
    start = kinds.index("mendatar")
    # after BAB II's text, before its matrix; portrait again for the matrix
    assert kinds[start - 1:start + 4] == ["paragraf", "mendatar", "rencana_aksi", "tegak",
                                         "matriks"]
    assert doc.lampiran[0].tabel.tata_letak == 6 and doc.lampiran[0].tabel.baris


def test_a_chapter_holding_only_the_table_takes_its_heading_to_the_landscape_pages(tmp_path):
    def change(data):
        del data["rencana_kerja"]["bab"][1]["isi"]

    doc = build_document(load_plan(_variant(tmp_path, MERANGIN, change)), "asli")
    blocks = doc.lampiran[0].blok
    start = [b.jenis for b in blocks].index("mendatar")
    assert [b.jenis for b in blocks[start:start + 5]] == ["mendatar", "bab", "rencana_aksi",
                                                          "tegak", "bab"]
    assert (blocks[start + 1].label, blocks[start + 4].label) == ("BAB II", "BAB III")


def test_a_table_ending_the_booklet_keeps_the_signature_on_its_landscape_pages(merangin,
                                                                               tmp_path):
    def change(data):
        del data["rencana_kerja"]["bab"][2]

    path = _variant(tmp_path, MERANGIN, change)
    doc = build_document(load_plan(path), "salinan")
    assert doc.lampiran[0].blok[-1].jenis == "rencana_aksi"
    outputs = {o.path.name: o.data for o in render_plan(path, tmp_path / "out")}
    pages = _lampiran_pages(outputs["keputusan-salinan.pdf"])
    assert pages[-1][0] is True and "Salinan sesuai dengan aslinya" in pages[-1][1]
    sections = Document(io.BytesIO(outputs["keputusan-salinan.docx"])).sections
    assert [s.orientation for s in sections] == [WD_ORIENT.PORTRAIT, WD_ORIENT.PORTRAIT,
                                                 WD_ORIENT.LANDSCAPE]


@pytest.mark.parametrize("sampul", ["tidak", False])
def test_cover_and_foreword_are_optional(tmp_path, sampul):
    def change(data):
        data["rencana_kerja"]["sampul"] = sampul
        del data["rencana_kerja"]["kata_pengantar"]

    path = _variant(tmp_path, KALBAR, change)
    blocks = build_document(load_plan(path), "asli").lampiran[0].blok
    assert "sampul" not in [b.jenis for b in blocks]
    assert (blocks[0].jenis, blocks[0].label) == ("bab", "BAB I")
    outputs = {o.path.name: o.data for o in render_plan(path, tmp_path / "out",
                                                        versions=["asli"])}
    for name in ("keputusan-asli.pdf", "keputusan-asli.docx"):
        data = outputs[name]
        text = squash(pdf_text(data) if name.endswith(".pdf") else docx_text(data))
        assert "KATA PENGANTAR" not in text and "id.kpu.go.id/kalbar" not in text
    # BAB I begins on the lampiran's first page, under its title
    first = _lampiran_pages(outputs["keputusan-asli.pdf"])[0][1]
    assert "BAB I\nPENDAHULUAN" in first
    paragraphs = Document(io.BytesIO(outputs["keputusan-asli.docx"])).paragraphs
    bab = [p for p in paragraphs if p.text in ("BAB I", "BAB II")]
    assert [p.paragraph_format.page_break_before for p in bab] == [False, True]


@pytest.mark.parametrize("sampul", [None, True, "ya"])
def test_a_cover_is_printed_unless_refused(tmp_path, sampul):
    def change(data):
        if sampul is None:
            del data["rencana_kerja"]["sampul"]
        else:
            data["rencana_kerja"]["sampul"] = sampul

    path = _variant(tmp_path, KALBAR, change)
    blocks = build_document(load_plan(path), "asli").lampiran[0].blok
    assert blocks[0].jenis == "sampul"
    assert blocks[0].baris == (parse(load_plan(path).rencana_kerja.judul.upper()),)


def swept_merangin(extra: int, closing: bool) -> dict:
    """The Merangin plan grown by `extra` table steps, with its closing chapter grown by
    `extra` paragraphs (closing) or without it, so that the signature follows the table on its
    landscape pages: consecutive values move the last page break through the signature."""
    plan = yaml.safe_load(MERANGIN.read_text(encoding="utf-8"))
    steps = plan["rencana_aksi"]["area"][-1]["komponen"][-1]["indikator"][0]["langkah"]
    steps += [{"aksi": f"Langkah tambahan ke-{i + 1}: melayani dan mencatat permohonan "
                       "informasi yang masuk melalui kanal daring",
               "bukti_fisik": "Rekap layanan, tangkapan layar", "jadwal": ["1-12"]}
              for i in range(extra)]
    bab = plan["rencana_kerja"]["bab"]
    if closing:
        bab[-1]["isi"] += "".join(
            f"\nParagraf tambahan ke-{i + 1} menggeser tanda tangan melewati pemisah halaman "
            "agar setiap letaknya diperiksa oleh aturan tata letak.\n" for i in range(extra))
    else:
        del bab[-1]
    return plan


SWEEP = [(extra, closing) for closing in (False, True) for extra in range(0, 12, 2)]


def _swept(tmp_path: Path, extra: int, closing: bool, fmt: str) -> bytes:
    source = tmp_path / f"sapuan-{extra}.yaml"
    source.write_text(yaml.safe_dump(swept_merangin(extra, closing), allow_unicode=True),
                      encoding="utf-8")
    (output,) = [o for o in render_plan(source, tmp_path, formats=(fmt,), versions=("salinan",))
                 if o.path.suffix == f".{fmt}"]
    return output.data


@pytest.mark.parametrize(("extra", "closing"), SWEEP)
def test_swept_pdf_of_one_lampiran_keeps_the_invariants(tmp_path, extra, closing):
    pdf = _swept(tmp_path, extra, closing, "pdf")
    problems = check_pdf(pdf)
    assert problems == [], report(problems)
    pages = _lampiran_pages(pdf)
    assert [wide for wide, _ in pages] == [
        "LANGKAH AKSI" in page or (not closing and "HENDRI SAPUTRA" in page)
        for _, page in pages]


@pytest.mark.parametrize(("extra", "closing"), [(3, False), (6, True)])
def test_swept_docx_of_one_lampiran_in_libreoffice_keeps_the_invariants(tmp_path, extra,
                                                                       closing):
    docx = tmp_path / "keputusan-salinan.docx"
    docx.write_bytes(_swept(tmp_path, extra, closing, "docx"))
    pdf = convert_with_libreoffice(docx, tmp_path)
    problems = check_pdf(pdf)
    assert problems == [], report(problems)
    pages = _lampiran_pages(pdf.read_bytes())
    assert [wide for wide, _ in pages] == [
        "LANGKAH AKSI" in page or (not closing and "HENDRI SAPUTRA" in page)
        for _, page in pages]
