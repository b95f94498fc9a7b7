"""Inline markup `*miring*` and `**tebal**` prints styled in every text field, in DOCX and PDF."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pdfplumber
import pytest
import yaml
from docx import Document
from docx.oxml.ns import qn
from docx.text.run import Run

from generator.document.decree import build_document
from generator.output.build import render_plan
from generator.rules import check_file
from generator.text.inline import Run as Potongan
from generator.text.inline import parse
from generator.writers.docx_writer import render_docx
from generator.writers.html_writer import render_html
from generator.writers.resources import templates_dir
from tests.conftest import FIXTURES, docx_text, edited_docx_template

PLAN = FIXTURES / "markah" / "semua-bidang.yaml"

STYLED = [
    # field in the plan, its words written *miring*, its word written **tebal**, as printed
    # (in capitals where the field prints in capitals)
    ("rencana_aksi.judul", "INTEGRITY ZONE", "UTAMA"),
    ("area", "WHISTLE BLOWING", "SISTEM"),
    ("program", "Quick Wins", "Unggulan"),
    ("komponen", "Role Model", "Pimpinan"),
    ("indikator", "Mind Set", "Budaya"),
    ("aksi", "Coaching", "Rutin"),
    ("bukti_fisik", "Screenshot", "Foto"),
    ("rencana_kerja.judul", "WORK PLAN", "TAHUNAN"),
    ("rencana_kerja.sampul", "BLUEPRINT", "KERJA"),
    ("rencana_kerja.sampul (2)", "CLEAN GOVERNMENT", ""),
    ("bab.judul", "INTRODUCTION", "AWAL"),
    ("bagian.judul", "BACKGROUND", "UMUM"),
    ("matriks.area", "Governance", "Baik"),
    ("matriks.komponen.nama", "E-Office", "Terpadu"),
    ("tim.judul", "TASK FORCE", "INTI"),
    ("subtim.nama", "CHANGE MANAGEMENT", "PUSAT"),
    ("kedudukan", "Agent of Change", "Penggerak"),
]
LITERAL_STARS = ["*", "*bintang*"]
"""'5 * 3' (a star with spaces around) and '\\*bintang\\*' (escaped) print their stars."""


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("markah")
    return {o.path.name: o.data for o in render_plan(PLAN, out, ["docx", "pdf"], ["salinan"])}


def docx_runs(data: bytes) -> list[tuple[str, bool, bool]]:
    """Every run of the body, nested tables included: text, italic, bold (direct formatting)."""
    body = Document(io.BytesIO(data)).element.body
    runs = [Run(r, None) for r in body.iter(qn("w:r"))]
    return [(run.text, bool(run.italic), bool(run.bold)) for run in runs if run.text]


def pdf_words(data: bytes) -> list[tuple[str, str]]:
    """Every word with its font; a change of font ends a word."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [(w["text"], w["fontname"]) for page in pdf.pages
                for w in page.extract_words(extra_attrs=["fontname"])]


@pytest.mark.parametrize(("field", "italic", "bold"), STYLED, ids=[s[0] for s in STYLED])
def test_markup_is_styled_in_the_docx(built, field, italic, bold):
    runs = docx_runs(built["keputusan-salinan.docx"])
    assert (italic, True) in {(text, i) for text, i, _ in runs}
    if bold:
        assert (bold, False, True) in runs


@pytest.mark.parametrize(("field", "italic", "bold"), STYLED, ids=[s[0] for s in STYLED])
def test_markup_is_styled_in_the_pdf(built, field, italic, bold):
    fonts = {}
    for text, font in pdf_words(built["keputusan-salinan.pdf"]):
        fonts.setdefault(text, set()).add(font.split("+")[-1])
    for word in italic.split():
        assert any("Italic" in font for font in fonts[word]), (word, fonts[word])
    if bold:
        assert any("Bold" in font and "Italic" not in font for font in fonts[bold])


def test_plain_words_beside_markup_stay_upright(built):
    fonts = dict(pdf_words(built["keputusan-salinan.pdf"]))
    assert fonts["dengan"].endswith("Liberation-Sans") and fonts["Bukti"].endswith(
        "Liberation-Sans")
    runs = docx_runs(built["keputusan-salinan.docx"])
    assert (" dengan nilai 5 * 3 dan tanda *bintang*", False, False) in runs


def test_no_markup_star_printed_except_the_literal_ones(built):
    stars = [text for text, _ in pdf_words(built["keputusan-salinan.pdf"]) if "*" in text]
    assert stars == LITERAL_STARS
    stars = [text for text, _, _ in docx_runs(built["keputusan-salinan.docx"]) if "*" in text]
    assert stars == [" dengan nilai 5 * 3 dan tanda *bintang*"]


def test_literal_star_rule():
    assert parse("5 * 3 dan 2 *3") == (Potongan("5 * 3 dan 2 *3"),)
    assert parse(r"\*bukan miring\*") == (Potongan("*bukan miring*"),)
    assert parse("a *b* c") == (Potongan("a "), Potongan("b", italic=True), Potongan(" c"))


def test_standalone_rencana_aksi_title(tmp_path):
    plan = yaml.safe_load((FIXTURES / "layouts" / "mandiri.yaml").read_text(encoding="utf-8"))
    plan["rencana_aksi"]["judul"] = "Rencana Aksi *Integrity Zone* Paser"
    source = tmp_path / "mandiri.yaml"
    source.write_text(yaml.safe_dump(plan, allow_unicode=True), encoding="utf-8")
    files = {o.path.name: o.data for o in render_plan(source, tmp_path, ["docx", "pdf"])}
    assert ("INTEGRITY ZONE", True, False) in docx_runs(files["rencana-aksi.docx"])
    fonts = dict(pdf_words(files["rencana-aksi.pdf"]))
    assert "Italic" in fonts["INTEGRITY"] and "Italic" not in fonts["PASER"]
    assert not any("*" in text for text, _ in pdf_words(files["rencana-aksi.pdf"]))


def test_decree_title_in_italics_wherever_it_is_printed(built):
    """The title, Menetapkan and each attachment's header print the term italic; metadata plain."""
    docx = built["keputusan-salinan.docx"]
    runs = docx_runs(docx)
    assert [text for text, italic, _ in runs if "GOVERNANCE" in text and italic] == \
        ["GOOD GOVERNANCE"] * 5  # title, Menetapkan, three attachment headers
    words = pdf_words(built["keputusan-salinan.pdf"])
    assert [font.split("+")[-1] for text, font in words if text == "GOVERNANCE"] == \
        ["Liberation-Sans-Bold-Italic", "Liberation-Sans-Italic"] + ["Liberation-Sans-Italic"] * 3
    title = "Keputusan Komisi Pemilihan Umum Kota Contoh Nomor ... Tahun 2026 tentang " \
        "Rencana Aksi Good Governance di Lingkungan KPU Kota Contoh Tahun 2026"
    assert Document(io.BytesIO(docx)).core_properties.title == title
    with pdfplumber.open(io.BytesIO(built["keputusan-salinan.pdf"])) as pdf:
        assert pdf.metadata["Title"] == title


def test_a_template_made_before_runs_prints_their_words(tmp_path):
    """A user's template printing a styled field as `{{ line }}` gets its plain words."""
    own = tmp_path / "templat"
    own.mkdir()
    html = (templates_dir() / "keputusan.html").read_text(encoding="utf-8")
    (own / "keputusan.html").write_text(html.replace("{{ teks(line) }}", "{{ line }}"),
                                        encoding="utf-8")
    edited_docx_template(templates_dir() / "keputusan.docx", own / "keputusan.docx",
                         b"{{r line|rt }}", b"{{ line }}")
    doc = build_document(check_file(PLAN).plan, "salinan")
    when = datetime(2026, 1, 5, tzinfo=UTC)
    docx = docx_text(render_docx(doc, when, own))
    page = render_html(doc, when, own)
    for text in (docx, page):
        assert "RENCANA AKSI INTEGRITY ZONE UTAMA TAHUN 2026" in text
        assert "Run(" not in text and "*" not in text.replace("5 * 3 dan tanda *bintang*", "")
