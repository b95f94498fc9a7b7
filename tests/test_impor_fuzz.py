"""Damaged decrees never end in a traceback: parts of a real decree's XML are cut away, cells
emptied, text scrambled; the importer either reads what is left or says in one line that it
cannot, and never fails in a way nobody foresaw."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from generator.importer import UNEXPECTED, ImportProblem, import_file
from generator.output.build import render_plan
from tests.conftest import PLANS

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def decree_file(tmp_path_factory) -> Path:
    """A real decree (a path: a failing example then prints a short name, not the bytes)."""
    folder = tmp_path_factory.mktemp("fuzz")
    (output,) = render_plan(PLANS / "penajam-paser-utara-2026.yaml", folder, formats=["docx"],
                            versions=["salinan"])
    path = folder / "asal.docx"
    path.write_bytes(output.data)
    return path


def _with_document(docx: bytes, xml: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = xml if info.filename == "word/document.xml" else source.read(info)
            target.writestr(info.filename, data)
    return out.getvalue()


_XML_TEXT = st.text(alphabet=st.characters(codec="utf-8", min_codepoint=32,
                                           exclude_categories=("Cs",)), max_size=12)
_EDITS = st.lists(st.tuples(st.sampled_from(["hapus", "kosongkan", "acak", "gandakan"]),
                            st.integers(0, 10**6), _XML_TEXT), min_size=1, max_size=8)


@settings(max_examples=60, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=_EDITS)
def test_a_damaged_decree_is_read_or_refused_in_one_line(decree_file, edits, tmp_path):
    decree = decree_file.read_bytes()
    with zipfile.ZipFile(io.BytesIO(decree)) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    for kind, number, text in edits:
        elements = [e for e in root.iter() if e.getparent() is not None]
        if not elements:
            break
        element = elements[number % len(elements)]
        if kind == "hapus":
            element.getparent().remove(element)
        elif kind == "kosongkan":
            element.text = None
            for child in list(element):
                element.remove(child)
        elif kind == "acak" and element.tag == f"{W}t":
            element.text = text
        elif kind == "gandakan" and sum(1 for _ in element.iter()) < 200:
            element.addnext(etree.fromstring(etree.tostring(element)))
    path = Path(tmp_path) / "rusak.docx"
    path.write_bytes(_with_document(decree, etree.tostring(root)))
    try:
        imported = import_file(path)
    except ImportProblem as problem:
        assert UNEXPECTED not in str(problem)
        assert str(problem).startswith(f"{path}: ")
    else:
        assert imported.yaml.startswith("# yaml-language-server")


@pytest.mark.parametrize("cut", [10, 200, 1000, 5000])
def test_a_decree_cut_short_is_refused(decree_file, tmp_path, cut):
    path = tmp_path / "terpotong.docx"
    path.write_bytes(decree_file.read_bytes()[:cut])
    with pytest.raises(ImportProblem) as problem:
        import_file(path)
    assert UNEXPECTED not in str(problem.value)
