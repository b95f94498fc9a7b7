"""Shared fixtures: the example plan built once, and text extraction from DOCX and PDF."""

from __future__ import annotations

import io
import logging
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from pypdf import PdfReader

from generator.writers.templating import CACHE_ENV

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "plans"
EXAMPLE = PLANS / "kutai-timur-2025.yaml"
EXAMPLE_PLANS = sorted(p for p in PLANS.glob("*.yaml") if not p.name.endswith(".monev.yaml"))
"""The example plans (not their realisation files, which lie beside them)."""
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def docx_blocks(data: bytes) -> list[str]:
    """Every paragraph's text in body order, table cells row by row, merged cells once
    (python-docx gives a vertically merged cell again on each row it spans); a table inside a
    cell (the last row kept with the signature) in its place."""
    document = Document(io.BytesIO(data))
    lines: list[str] = []

    def visit(container) -> None:
        for child in container.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                lines.append(Paragraph(child, document).text)
            elif tag == "tbl":
                seen = set()
                for row in Table(child, document).rows:
                    for cell in row.cells:
                        if cell._tc in seen:
                            continue
                        seen.add(cell._tc)
                        if cell._tc.find(qn("w:tbl")) is None:
                            lines.append(cell.text)
                        else:
                            visit(cell._tc)

    visit(document.element.body)
    return lines


def docx_table_rows(table: Table) -> list:
    """A table's rows, followed by the last row the writer moved beside the signature."""
    rows = list(table._tbl.tr_lst)
    after = table._tbl.getnext()
    while after is not None and after.tag == qn("w:p") and not "".join(after.itertext()):
        after = after.getnext()
    if after is not None and after.tag == qn("w:tbl"):
        caption = after.find(f"{qn('w:tblPr')}/{qn('w:tblCaption')}")
        if caption is not None and caption.get(qn("w:val")) == "penutup":
            rows += after.find(qn("w:tr")).find(qn("w:tc")).find(qn("w:tbl")).tr_lst
    return rows


def docx_text(data: bytes) -> str:
    """The DOCX as one string, each block on its own line."""
    return "\n".join(docx_blocks(data))


def pdf_text(data: bytes) -> str:
    """All pages' text, in page order."""
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


def squash(text: str) -> str:
    """Whitespace folded to single spaces, so wrapped lines compare equal.

    A line that wraps after a hyphen ('sekurang-' / 'kurangnya') loses the space it gained.
    """
    return re.sub(r"-\s+(?=\w)", "-", " ".join(text.split()))


def in_order(haystack: str, needles: list[str]) -> list[str]:
    """The needles that are missing or out of order in haystack (empty when all are in order)."""
    problems = []
    position = 0
    for needle in needles:
        found = haystack.find(needle, position)
        if found < 0:
            problems.append(needle)
        else:
            position = found + len(needle)
    return problems


@pytest.fixture(scope="session")
def example_outputs(tmp_path_factory) -> dict[str, bytes]:
    """The four files of the Kutai Timur plan, keyed 'asli.docx', 'salinan.pdf', ..."""
    from generator.output.build import render_plan

    out = tmp_path_factory.mktemp("out")
    return {o.path.name.removeprefix("keputusan-"): o.data for o in render_plan(EXAMPLE, out)}


def soffice() -> str | None:
    """LibreOffice's command, or None; in CI its absence is a failure, not a skip."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found and os.environ.get("CI"):
        pytest.fail("LibreOffice (soffice) is required in CI")
    return found


def convert_with_libreoffice(docx: Path, outdir: Path, to: str = "pdf") -> Path:
    """Convert a DOCX to PDF (or save it again as DOCX) with headless LibreOffice, as a user
    opening it would."""
    command = soffice()
    if command is None:
        pytest.skip("LibreOffice is not installed")
    profile = outdir / "profile"
    subprocess.run(
        [command, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
         "docx:MS Word 2007 XML" if to == "docx" else to, "--outdir", str(outdir), str(docx)],
        check=True, capture_output=True, timeout=240,
    )
    return outdir / f"{docx.stem}.{to}"


@pytest.fixture(scope="session", autouse=True)
def compiled_template_cache(tmp_path_factory):
    """Compiled templates go to a folder of the test run, not the user's ~/.cache/zi."""
    folder = tmp_path_factory.mktemp("cache")
    before = os.environ.get(CACHE_ENV)
    os.environ[CACHE_ENV] = str(folder)
    yield folder
    if before is None:
        os.environ.pop(CACHE_ENV, None)
    else:
        os.environ[CACHE_ENV] = before


def edited_docx_template(source: Path, target: Path, old: bytes, new: bytes) -> None:
    """A copy of a DOCX template with one text of its body replaced, as a user's edit would."""
    import zipfile

    with zipfile.ZipFile(source) as original, \
            zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as edited:
        for info in original.infolist():
            data = original.read(info.filename)
            if info.filename == "word/document.xml":
                assert old in data, old
                data = data.replace(old, new)
            edited.writestr(info, data)


class _Collect(logging.Handler):
    """Keeps the records WeasyPrint logs while one test runs."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(autouse=True)
def no_weasyprint_warnings(request):
    """Fail any test in which WeasyPrint logs a warning (an ignored CSS rule, a missing font or
    image): the PDF would silently differ from what the template says. A test that provokes one
    on purpose is marked `weasyprint_warns`."""
    handler = _Collect()
    logger = logging.getLogger("weasyprint")  # 'weasyprint.progress' propagates to it
    logger.addHandler(handler)
    yield handler.records
    logger.removeHandler(handler)
    if handler.records and request.node.get_closest_marker("weasyprint_warns") is None:
        shown = "; ".join(f"{r.name}: {r.getMessage()}" for r in handler.records[:5])
        pytest.fail(f"WeasyPrint logged {len(handler.records)} warning(s): {shown}")
