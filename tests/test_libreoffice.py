"""A real word processor opens each DOCX: LibreOffice converts it, on the right paper, all text."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from tests.conftest import convert_with_libreoffice, in_order, squash

MM = 72 / 25.4


@pytest.fixture(scope="module")
def converted(example_outputs, tmp_path_factory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("libreoffice")
    result = {}
    for versi in ("asli", "salinan"):
        docx = folder / f"keputusan-{versi}.docx"
        docx.write_bytes(example_outputs[f"{versi}.docx"])
        result[versi] = convert_with_libreoffice(docx, folder).read_bytes()
    return result


@pytest.mark.parametrize("versi", ["asli", "salinan"])
def test_libreoffice_converts_with_portrait_decree_and_landscape_table(converted, versi):
    reader = PdfReader(io.BytesIO(converted[versi]))
    sizes = [(round(float(p.mediabox.width) / MM), round(float(p.mediabox.height) / MM))
             for p in reader.pages]
    texts = [squash(p.extract_text()) for p in reader.pages]
    assert sizes[0] == (215, 330)
    assert texts[0].startswith("SALINAN" if versi == "salinan" else "KOMISI PEMILIHAN UMUM")
    table_pages = [i for i, t in enumerate(texts) if "LANGKAH AKSI" in t]
    assert len(table_pages) >= 5  # header rows repeat on each page of the table
    assert all(sizes[i] == (330, 215) for i in table_pages)
    team = [i for i, t in enumerate(texts) if "KEDUDUKAN DALAM TIM" in t]
    assert team and all(sizes[i] == (215, 330) for i in team)
    assert 8 <= len(sizes) <= 20


@pytest.mark.parametrize("versi", ["asli", "salinan"])
def test_libreoffice_shows_the_text_in_order(converted, versi):
    reader = PdfReader(io.BytesIO(converted[versi]))
    text = squash("\n".join(p.extract_text() for p in reader.pages))
    expected = ["Menimbang", "Mengingat", "MEMUTUSKAN:", "KESATU", "KEDUA", "KETIGA",
                "LAMPIRAN I", "I MANAJEMEN PERUBAHAN", "VII INOVASI PELAYANAN",
                "Evaluasi SOP Pelayanan", "LAMPIRAN II", "SUSUNAN DAN PERSONALIA",
                "Widya Nuraisyah"]
    assert in_order(text, expected) == []
    assert ("Salinan sesuai dengan aslinya" in text) == (versi == "salinan")
    # page numbers at the top from the second page of each part: -2-
    assert "-2-" in text
