"""Each writer on saved neutral documents, compared with golden output (pandoc-style).

The documents in fixtures/documents/*.json are the neutral document as data (see
tests/documents.py), so a writer change is caught here without the plan, the rules or the
document stage. Golden files beside them hold the normalised DOCX `word/document.xml` and
`word/styles.xml` (the writer widens the label column in the styles), the HTML before
WeasyPrint, and the plain text. After a deliberate writer change, regenerate them with
`ZI_GOLDEN_UPDATE=1 .venv/bin/python -m pytest tests/test_writers.py` and read the diff.
"""

from __future__ import annotations

import difflib
import io
import os
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Cm
from docx.text.paragraph import Paragraph
from lxml import etree
from pypdf import PdfReader

from generator.document.decree import Dokumen
from generator.writers.docx_writer import render_docx
from generator.writers.html_writer import render_html, render_pdf
from generator.writers.layout import LABEL_CM, label_width
from generator.writers.resources import templates_dir
from generator.writers.text_writer import render_text
from tests.conftest import FIXTURES
from tests.documents import read_document

DOCUMENTS = FIXTURES / "documents"
NAMES = sorted(path.stem for path in DOCUMENTS.glob("*.json"))
WHEN = datetime(2025, 9, 9, 8, 0, tzinfo=UTC)
UPDATE = os.environ.get("ZI_GOLDEN_UPDATE") == "1"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def document(name: str) -> Dokumen:
    return read_document(DOCUMENTS / f"{name}.json")


def normalised_xml(data: bytes) -> str:
    """Pretty-printed, without Word's revision-session ids (rsid*), which say nothing of
    the document."""
    root = etree.fromstring(data)
    for element in root.iter():
        for attribute in [a for a in element.attrib if etree.QName(a).localname.startswith("rsid")]:
            del element.attrib[attribute]
    etree.indent(root, space=" ")
    return etree.tostring(root, encoding="unicode") + "\n"


def kept_styles(data: bytes) -> bytes:
    """styles.xml without Word's hundreds of built-in styles the template never changed: the
    defaults, Normal (the writer sets its font and language) and the template's own styles
    (the writer widens 'Butir' and 'Diktum')."""
    root = etree.fromstring(data)
    for child in list(root):
        own = child.get(f"{W}customStyle") == "1" or child.get(f"{W}styleId") == "Normal"
        if child.tag != f"{W}docDefaults" and not (child.tag == f"{W}style" and own):
            root.remove(child)
    return etree.tostring(root)


def normalised_html(html: str) -> str:
    """The shipped stylesheet's address depends on where zi is installed."""
    lines = html.replace(templates_dir().as_uri(), "TEMPLATES").splitlines()
    return "\n".join(line.rstrip() for line in lines) + "\n"


def compare(actual: str, golden: Path) -> None:
    """Equal to the golden file, or a readable diff; ZI_GOLDEN_UPDATE=1 rewrites it."""
    if UPDATE:
        golden.write_text(actual, encoding="utf-8")
        return
    if not golden.is_file():
        pytest.fail(f"no golden file {golden.name}: run with ZI_GOLDEN_UPDATE=1")
    expected = golden.read_text(encoding="utf-8")
    if actual != expected:
        diff = difflib.unified_diff(expected.splitlines(), actual.splitlines(),
                                    f"{golden.name} (golden)", "written now", lineterm="", n=2)
        shown = list(diff)
        pytest.fail("\n".join(shown[:60]) + (f"\n... {len(shown) - 60} more diff lines"
                                                if len(shown) > 60 else ""), pytrace=False)


@pytest.fixture(scope="module")
def docx_files() -> dict[str, bytes]:
    """Each saved document through the DOCX writer, once for the module."""
    return {name: render_docx(document(name), WHEN) for name in NAMES}


@pytest.mark.parametrize("part", ["document", "styles"])
@pytest.mark.parametrize("name", NAMES)
def test_docx_writer_matches_golden(docx_files, name, part):
    with zipfile.ZipFile(io.BytesIO(docx_files[name])) as docx:
        xml = docx.read(f"word/{part}.xml")
    compare(normalised_xml(kept_styles(xml) if part == "styles" else xml),
            DOCUMENTS / f"{name}.{part}.xml")


@pytest.mark.parametrize("name", NAMES)
def test_html_writer_matches_golden(name):
    compare(normalised_html(render_html(document(name), WHEN)), DOCUMENTS / f"{name}.html")


@pytest.mark.parametrize("name", [n for n in NAMES if n != "mandiri"])
def test_text_writer_matches_golden(name):
    compare(render_text(document(name)), DOCUMENTS / f"{name}.txt")


def _style_indent(docx: bytes, style: str) -> tuple[int, list[int]]:
    """A paragraph style's left indent and tab stops, in EMU."""
    fmt = Document(io.BytesIO(docx)).styles[style].paragraph_format
    return fmt.left_indent, [stop.position for stop in fmt.tab_stops]


TWIP = 635
"""EMU in a twentieth of a point, the unit styles.xml keeps: the rounding allowed."""


def test_long_diktum_words_widen_the_label_column(docx_files):
    """'KEDUA PULUH DUA' does not fit 3.2 cm: the colon and the text move right by the
    difference, in the DOCX styles and in the HTML's label cell."""
    wide = document("diktum-22-asli")
    assert label_width(wide) > LABEL_CM
    extra = Cm(label_width(wide) - LABEL_CM)
    for style in ("Butir", "Diktum"):
        wide_indent, wide_tabs = _style_indent(docx_files["diktum-22-asli"], style)
        usual_indent, usual_tabs = _style_indent(docx_files["kolom-6-salinan"], style)
        moved = [wide_indent - usual_indent] + [w - u for w, u in zip(wide_tabs, usual_tabs,
                                                                      strict=True)]
        assert all(abs(shift - extra) <= TWIP for shift in moved), (style, moved, extra)
    assert f"td.label {{ width: {label_width(wide)}cm; }}" in render_html(wide, WHEN)
    usual = document("kolom-6-salinan")
    assert label_width(usual) == LABEL_CM
    assert f"td.label {{ width: {LABEL_CM}cm; }}" in render_html(usual, WHEN)


def _indents_by_orientation(docx: bytes, style: str) -> dict[bool, set[tuple[int, int]]]:
    """{landscape?: {(left, right) indent}} of a style's paragraphs, as Word resolves them
    (the paragraph's own indent, else its style's)."""
    document = Document(io.BytesIO(docx))
    sections = list(document.sections)
    found: dict[bool, set[tuple[int, int]]] = {False: set(), True: set()}
    section = 0
    # paragraphs inside tables too: the writer moves a table's last signature into one
    for element in document.element.body.iter(f"{W}p"):
        paragraph = Paragraph(element, document)
        if paragraph.style is not None and paragraph.style.name == style:
            own, styled = paragraph.paragraph_format, paragraph.style.paragraph_format
            landscape = sections[section].page_width > sections[section].page_height
            found[landscape].add((own.left_indent or styled.left_indent or 0,
                                  own.right_indent or styled.right_indent or 0))
        if element.find(f"{W}pPr/{W}sectPr") is not None:
            section += 1
    return found


def test_landscape_attachment_shifts_right_side_blocks(docx_files):
    """On landscape pages the attachment header and the signature keep their distance from
    the right edge (their left indent grows by the extra body width), and the salinan's
    authentication its distance from the middle (its right indent grows)."""
    docx = docx_files["kolom-6-salinan"]  # Lampiran I landscape, Lampiran II portrait
    sections = Document(io.BytesIO(docx)).sections
    width = {s.page_width > s.page_height: s.page_width - s.left_margin - s.right_margin
             for s in sections}
    extra = width[True] - width[False]
    assert extra > 0
    for style, side in (("Kepala Lampiran", 0), ("Penetapan", 0), ("Autentikasi", 1)):
        found = _indents_by_orientation(docx, style)
        assert len(found[False]) == 1 and len(found[True]) == 1, (style, found)
        portrait, landscape = found[False].pop(), found[True].pop()
        assert landscape[side] - portrait[side] == extra, (style, portrait, landscape)
        assert landscape[1 - side] == portrait[1 - side], style


def _catalog(pdf: bytes) -> dict:
    return PdfReader(io.BytesIO(pdf)).trailer["/Root"]


def test_asli_pdf_is_tagged_but_not_archival():
    """The asli is tagged (readable by screen readers) without the PDF/A constraints."""
    catalog = _catalog(render_pdf(document("diktum-22-asli"), WHEN))
    assert "/StructTreeRoot" in catalog
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert "/OutputIntents" not in catalog  # PDF/A's colour profile


@pytest.mark.parametrize("name", ["kolom-6-salinan", "mandiri"])
def test_published_pdf_is_pdfa_2a(name):
    catalog = _catalog(render_pdf(document(name), WHEN))
    assert "/StructTreeRoot" in catalog
    xmp = catalog["/Metadata"].get_object().get_data()
    assert b'pdfaid:part="2" pdfaid:conformance="A"' in xmp
    assert "/OutputIntents" in catalog


def test_saved_documents_are_current():
    """The saved documents still load into today's dataclasses (a renamed field fails here
    first, with the file named)."""
    for name in NAMES:
        assert isinstance(document(name), Dokumen) or name == "mandiri", name


def test_update_switch_is_off_in_ci():
    assert not (UPDATE and os.environ.get("CI")), "ZI_GOLDEN_UPDATE must not be set in CI"


@pytest.mark.weasyprint_warns
def test_weasyprint_warnings_reach_the_fixture(no_weasyprint_warnings):
    """The conftest fixture sees what WeasyPrint logs (here a CSS rule it ignores), so the
    other tests fail on such a warning."""
    from weasyprint import HTML

    HTML(string="<p style='width: banana'>x</p>").write_pdf()
    assert any("banana" in record.getMessage() for record in no_weasyprint_warnings)
