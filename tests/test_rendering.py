"""What the writers put on the page, for plans shaped to test one thing each."""

from __future__ import annotations

import copy
import io
from pathlib import Path

import pytest
import yaml
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

from generator.output.build import render_plan
from tests.conftest import FIXTURES, docx_table_rows, docx_text, in_order, pdf_text, squash

MM = 72 / 25.4
BASE = yaml.safe_load((FIXTURES / "minimal.yaml").read_text(encoding="utf-8"))


def build(tmp_path: Path, plan: dict, name: str = "uji") -> dict[str, bytes]:
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return {o.path.name.removeprefix("keputusan-"): o.data for o in render_plan(path, tmp_path)}


def variant(**changes) -> dict:
    plan = copy.deepcopy(BASE)
    for dotted, value in changes.items():
        target = plan
        *parents, last = dotted.split("__")
        for key in parents:
            target = target[key]
        if value is None:
            target.pop(last, None)
        else:
            target[last] = value
    return plan


MARKUP = 'A & B < C > D {{ x }} {% if y %} \\ "kutip" {_{ ${z}'


def test_markup_characters_print_as_typed(tmp_path):
    plan = variant(keputusan__menimbang=[f"bahwa {MARKUP};"])
    plan["rencana_aksi"]["area"][0]["komponen"][0]["indikator"][0]["langkah"][0]["aksi"] = MARKUP
    plan["orang"]["ketua"]["nama"] = "O'Brien & <Sons>"
    out = build(tmp_path, plan)
    for name in ("salinan.docx", "salinan.pdf"):
        text = squash(docx_text(out[name]) if name.endswith("docx") else pdf_text(out[name]))
        assert text.count(MARKUP) == 2, name
        assert "O'BRIEN & <SONS>" in text
        assert "O'Brien & <Sons>" in text


def test_lone_consideration_has_no_letter_and_blank_number_and_date(tmp_path):
    plan = variant(keputusan__menimbang=["bahwa satu-satunya pertimbangan;"],
                   keputusan__penutup_menimbang=False)
    out = build(tmp_path, plan)
    for name in ("asli.docx", "asli.pdf"):
        text = squash(docx_text(out[name]) if name.endswith("docx") else pdf_text(out[name]))
        assert "Menimbang : bahwa satu-satunya pertimbangan;" in text
        assert "NOMOR ... TAHUN 2026" in text
        assert "pada tanggal ........................ 2026" in text


def test_single_attachment_is_just_lampiran(tmp_path):
    out = build(tmp_path, variant(tim=None, keputusan__diktum=None))
    text = squash(pdf_text(out["asli.pdf"]))
    assert "LAMPIRAN KEPUTUSAN KOMISI PEMILIHAN UMUM KOTA CONTOH" in text
    assert "LAMPIRAN I" not in text
    assert "SUSUNAN DAN PERSONALIA" not in text
    assert "sebagaimana tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan" in text
    sections = Document(io.BytesIO(out["asli.docx"])).sections
    assert len(sections) == 2


def test_no_attachment_is_a_one_section_decree(tmp_path):
    out = build(tmp_path, variant(tim=None, rencana_aksi=None, keputusan__diktum=None))
    assert "LAMPIRAN" not in pdf_text(out["asli.pdf"])
    sections = Document(io.BytesIO(out["asli.docx"])).sections
    assert len(sections) == 1
    # still numbered: the only section refers to the page-number header
    refs = sections[0]._sectPr.findall(qn("w:headerReference"))
    assert [r.get(qn("w:type")) for r in refs] == ["default"]


def long_komponen(steps: int) -> dict:
    plan = copy.deepcopy(BASE)
    indikator = plan["rencana_aksi"]["area"][0]["komponen"][0]["indikator"][0]
    indikator["langkah"] = [
        {"aksi": f"Langkah nomor {i} dengan uraian yang cukup panjang untuk memenuhi sel "
                 f"tabel dan membuatnya dua baris", "bukti_fisik": f"Bukti {i}",
         "target_waktu": "Januari - Desember 2026", "target_capaian": "1 (satu) Dokumen"}
        for i in range(1, steps + 1)
    ]
    return plan


def text_baselines(page) -> list[float]:
    """The vertical position of every piece of text drawn on a PDF page."""
    found: list[float] = []

    def visit(text, cm, tm, *_):
        if text.strip():
            found.append(tm[5] * cm[3] + cm[5])

    page.extract_text(visitor_text=visit)
    return found


def test_komponen_across_page_breaks_stays_readable_in_pdf(tmp_path):
    out = build(tmp_path, long_komponen(70))
    reader = PdfReader(io.BytesIO(out["salinan.pdf"]))
    pages = [squash(p.extract_text()) for p in reader.pages]
    table_pages = [i for i, t in enumerate(pages) if "LANGKAH AKSI" in t]
    assert len(table_pages) >= 3, "the komponen must cross at least two page breaks"
    # every row whole on one page, all in order, the komponen and indikator printed once
    for i in range(1, 71):
        holders = [p for p in table_pages if f"Langkah nomor {i} dengan" in pages[p]
                   and "membuatnya dua baris" in pages[p]]
        assert len(holders) == 1, f"row {i} is cut or missing"
    whole = " ".join(pages)
    assert in_order(whole, [f"Langkah nomor {i} " for i in range(1, 71)]) == []
    assert whole.count("Menerbitkan SK Tim Kerja") == 1
    # nothing is drawn outside the page (WeasyPrint's old rowspan overflow)
    for index in table_pages:
        page = reader.pages[index]
        height = float(page.mediabox.height)
        ys = text_baselines(page)
        assert ys and min(ys) > 10 * MM and max(ys) < height, index


def test_docx_table_structure(tmp_path):
    plan = long_komponen(3)
    plan["rencana_aksi"]["area"][0]["komponen"][0]["indikator"].append(
        {"nama": "Indikator kedua", "langkah": [{"aksi": "Langkah lain"}]})
    document = Document(io.BytesIO(build(tmp_path, plan)["asli.docx"]))
    table = document.tables[0]
    rows = docx_table_rows(table)
    header = [tr for tr in rows if tr.find(qn("w:trPr")) is not None
              and tr.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None]
    assert len(header) == 2  # titles and column numbers repeat on every page
    assert [c.text for c in table.rows[1].cells] == ["1", "2", "3", "4", "5", "6", "7"]
    area = rows[2].tc_lst
    assert len(area) == 2 and area[1].grid_span == 6  # the area row spans the table
    steps = rows[3:]
    # the last row stands beside the signature, in a table of its own: no merge reaches it
    assert [tr.tc_lst[0].vMerge for tr in steps] == ["restart", "continue", "continue", None]
    assert [tr.tc_lst[1].vMerge for tr in steps] == ["restart", "continue", "continue", None]
    assert [tr.tc_lst[2].vMerge for tr in steps] == ["restart", "continue", "continue", None]
    assert ["".join(t.text or "" for t in tc.iter(qn("w:t"))) for tc in rows[6].tc_lst][2:4] == [
        "Indikator kedua", "Langkah lain"]


def test_docx_sections_paper_and_page_numbers(tmp_path):
    document = Document(io.BytesIO(build(tmp_path, copy.deepcopy(BASE))["salinan.docx"]))
    sizes = [(round(s.page_width.mm), round(s.page_height.mm)) for s in document.sections]
    assert sizes == [(215, 330), (330, 215), (215, 330)]
    for section in document.sections:
        assert section.different_first_page_header_footer
        assert section._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
    header = document.sections[0].header._element.xml
    assert "PAGE" in header and header.count("-") >= 2


def test_a4_and_bookman(tmp_path):
    out = build(tmp_path, variant(tampilan={"kertas": "a4", "huruf": "bookman"}))
    reader = PdfReader(io.BytesIO(out["asli.pdf"]))
    assert (round(float(reader.pages[0].mediabox.width) / MM),
            round(float(reader.pages[0].mediabox.height) / MM)) == (210, 297)
    fonts = {str(f.get_object()["/BaseFont"]).split("+", 1)[1]
             for p in reader.pages for f in p["/Resources"]["/Font"].values()}
    assert fonts and all(f.startswith("TeX-Gyre-Bonum") for f in fonts), fonts
    document = Document(io.BytesIO(out["asli.docx"]))
    assert document.styles["Normal"].font.name == "Bookman Old Style"
    assert [(round(s.page_width.mm), round(s.page_height.mm)) for s in document.sections] == \
        [(210, 297), (297, 210), (210, 297)]


@pytest.mark.parametrize("versi", ["asli", "salinan"])
def test_docx_properties(tmp_path, versi):
    document = Document(io.BytesIO(build(tmp_path, copy.deepcopy(BASE))[f"{versi}.docx"]))
    props = document.core_properties
    assert props.title.startswith("Keputusan Komisi Pemilihan Umum Kota Contoh Nomor ... Tahun")
    assert props.author == "Komisi Pemilihan Umum Kota Contoh"
    assert props.language == "id-ID"
