"""Each column set the offices use: text, ticks in the right month, merged PENANGGUNG JAWAB."""

from __future__ import annotations

import io

import pytest
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

from generator.output.build import render_plan
from generator.rules import check_file
from tests.conftest import (
    FIXTURES,
    convert_with_libreoffice,
    docx_table_rows,
    docx_text,
    pdf_text,
    squash,
)

LAYOUTS = FIXTURES / "layouts"
MM = 72 / 25.4
# step -> its months in kolom-18.yaml
TICKS = {
    "Mengevaluasi Tim Kerja": {4},
    "Rapat evaluasi": {3, 6, 9, 12},
    "Rapat lain": {1, 2, 3, 4, 5, 6},
    "Tanpa bulan": set(),
    "Evaluasi SOP": {4, 5},
    "Langkah khusus": set(range(1, 13)),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, dict[str, bytes]]:
    out = tmp_path_factory.mktemp("layouts")
    return {plan.stem: {o.path.name: o.data for o in render_plan(plan, out)}
            for plan in sorted(LAYOUTS.glob("*.yaml"))}


def test_six_columns_have_no_target_capaian(built):
    for name in ("keputusan-asli.docx", "keputusan-asli.pdf"):
        data = built["kolom-6"][name]
        text = squash(docx_text(data) if name.endswith("docx") else pdf_text(data))
        assert "NO KOMPONEN INDIKATOR LANGKAH AKSI BUKTI FISIK TARGET WAKTU 1 2 3 4 5 6" in text
        assert "TARGET CAPAIAN" not in text
        assert "Maret, Juni, September dan Desember 2026" in text  # from the schedule


def test_eighteen_columns_header(built):
    text = squash(docx_text(built["kolom-18"]["keputusan-asli.docx"]))
    months = " ".join(str(m) for m in range(1, 13))
    numbers = " ".join(str(n) for n in range(1, 19))
    assert (f"NO KOMPONEN INDIKATOR LANGKAH AKSI BUKTI FISIK PELAKSANAAN (BULAN) "
            f"PENANGGUNG JAWAB {months} {numbers}") in text
    pdf = squash(pdf_text(built["kolom-18"]["keputusan-asli.pdf"]))
    assert "PELAKSANAAN (BULAN)" in pdf and "PENANGGUNG JAWAB" in pdf and numbers in pdf


def docx_rows(data: bytes) -> dict[str, list[str]]:
    table = Document(io.BytesIO(data)).tables[0]
    rows = {}
    for tr in docx_table_rows(table)[3:]:
        texts = ["".join(t.text or "" for t in tc.iter(qn("w:t"))) for tc in tr.tc_lst]
        if len(texts) == 18:
            rows[texts[3]] = texts
    return rows


def test_docx_ticks_follow_each_schedule(built):
    rows = docx_rows(built["kolom-18"]["keputusan-asli.docx"])
    for step, months in TICKS.items():
        ticks = {m for m in range(1, 13) if rows[step][4 + m] == "v"}
        assert ticks == months, step
        assert all(rows[step][4 + m] in ("", "v") for m in range(1, 13))


def test_docx_penanggung_jawab_is_merged_over_the_rows_it_covers(built):
    table = Document(io.BytesIO(built["kolom-18"]["keputusan-asli.docx"])).tables[0]
    column = []
    for tr in docx_table_rows(table)[3:]:
        tcs = tr.tc_lst
        if len(tcs) == 18:
            text = "".join(t.text or "" for t in tcs[-1].iter(qn("w:t")))
            column.append((text, tcs[-1].vMerge))
    assert column == [
        ("Tim Manajemen Perubahan", "restart"), ("", "continue"), ("", "continue"),
        ("", "continue"),
        ("Tim Penguatan Tata Laksana", None), ("Sekretaris", None),
    ]


def test_pdf_ticks_stand_under_their_month(built):
    reader = PdfReader(io.BytesIO(built["kolom-18"]["keputusan-asli.pdf"]))
    page = next(p for p in reader.pages if "PELAKSANAAN" in p.extract_text())
    pieces: list[tuple[str, float, float]] = []

    def visit(text, cm, tm, *_):
        if text.strip():
            pieces.append((text.strip(), tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]))

    page.extract_text(visitor_text=visit)
    # the month numbers 1..12 of the second header row give each month column's x
    header_y = next(y for t, x, y in pieces if t == "PELAKSANAAN (BULAN)")
    month_x = {}
    for text, x, y in sorted(pieces, key=lambda p: -p[2]):
        if text.isdigit() and 1 <= int(text) <= 12 and y < header_y and int(text) not in month_x:
            month_x[int(text)] = x
    assert sorted(month_x) == list(range(1, 13))
    for step, months in TICKS.items():
        row_y = next(y for t, x, y in pieces if t.startswith(step))
        ticks = [x for t, x, y in pieces if t == "v" and abs(y - row_y) < 2]
        found = {min(month_x, key=lambda m: abs(month_x[m] - x)) for x in ticks}
        assert found == months, step


def test_a_step_without_months_is_warned_about_in_the_18_column_layout():
    checked = check_file(LAYOUTS / "kolom-18.yaml", shown_as="kolom-18.yaml")
    assert [str(w) for w in checked.warnings if w.kode == "jadwal-kosong"] == [
        "kolom-18.yaml:32:19: peringatan [jadwal-kosong]: target waktu 'Sesuai kebutuhan' tidak "
        "menyebut bulan, sehingga tata letak 18 kolom tidak dapat mencentang bulannya; isi "
        "'jadwal', mis. [3, 6, 9, 12] atau 'triwulan'"]


@pytest.mark.parametrize("layout", ["kolom-6", "kolom-18"])
def test_libreoffice_opens_each_layout_on_landscape_pages(built, layout, tmp_path):
    docx = tmp_path / "keputusan-asli.docx"
    docx.write_bytes(built[layout]["keputusan-asli.docx"])
    reader = PdfReader(io.BytesIO(convert_with_libreoffice(docx, tmp_path).read_bytes()))
    table_pages = [p for p in reader.pages if "LANGKAH AKSI" in p.extract_text()]
    assert table_pages
    for page in table_pages:
        assert round(float(page.mediabox.width) / MM) == 330
        assert round(float(page.mediabox.height) / MM) == 215


def test_standalone_rencana_aksi_has_no_decree(built):
    files = built["mandiri"]
    assert sorted(files) == ["rencana-aksi.docx", "rencana-aksi.pdf"]
    for name, data in files.items():
        text = squash(docx_text(data) if name.endswith("docx") else pdf_text(data))
        assert text.startswith(
            "RENCANA AKSI PEMBANGUNAN ZONA INTEGRITAS KPU KABUPATEN PASER TAHUN 2025 NO KOMPONEN")
        assert text.endswith("Tana Paser, 9 September 2025 Ketua Tim Pelaksana Nama Ketua Tim")
        assert "KEPUTUSAN" not in text and "LAMPIRAN" not in text
        assert "Membentuk Tim SK Januari 2025 1 (satu) Dokumen" in text
    reader = PdfReader(io.BytesIO(files["rencana-aksi.pdf"]))
    assert (round(float(reader.pages[0].mediabox.width) / MM),
            round(float(reader.pages[0].mediabox.height) / MM)) == (330, 215)
    assert reader.metadata.title == "Rencana Aksi Pembangunan Zona Integritas KPU Kabupaten " \
        "Paser Tahun 2025"


def test_libreoffice_opens_the_standalone_rencana_aksi(built, tmp_path):
    docx = tmp_path / "rencana-aksi.docx"
    docx.write_bytes(built["mandiri"]["rencana-aksi.docx"])
    reader = PdfReader(io.BytesIO(convert_with_libreoffice(docx, tmp_path).read_bytes()))
    assert round(float(reader.pages[0].mediabox.width) / MM) == 330
    assert "Ketua Tim Pelaksana" in reader.pages[-1].extract_text()
