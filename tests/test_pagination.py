"""Every page of every PDF, zi's and LibreOffice's of the DOCX, keeps the layout invariants.

The example plans, then a sweep of generated plans whose sizes move the page breaks through the
decree's last diktum, the signature, the authentication and the end of the tables: pagination
defects show only at some break positions. ZI_LAYOUT_SWEEP=full runs a longer sweep by hand.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
import yaml
from docx import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from pypdf import PdfReader

from generator.output.build import render_plan
from tests.conftest import EXAMPLE_PLANS, FIXTURES, convert_with_libreoffice
from tests.layout import check_pdf, report

EXAMPLES = EXAMPLE_PLANS
FULL = os.environ.get("ZI_LAYOUT_SWEEP") == "full"


@pytest.fixture(scope="module")
def examples(tmp_path_factory) -> dict[str, dict[str, bytes]]:
    """The example plans' four files each, keyed by plan stem and file name."""
    out = tmp_path_factory.mktemp("examples")
    return {plan.stem: {o.path.name: o.data for o in render_plan(plan, out)}
            for plan in EXAMPLES}


def cover_headers(pdf: bytes | Path) -> list[str]:
    """The first line of each booklet cover page: its page number, if it has one."""
    reader = PdfReader(pdf if isinstance(pdf, Path) else io.BytesIO(pdf))
    return [page.extract_text().strip().splitlines()[0] for page in reader.pages
            if "MENUJU WBK & WBBM" in page.extract_text()]


@pytest.mark.parametrize("plan", [p.stem for p in EXAMPLES])
@pytest.mark.parametrize("versi", ["asli", "salinan"])
def test_example_pdf_pages_keep_the_invariants(examples, plan, versi):
    pdf = examples[plan][f"keputusan-{versi}.pdf"]
    problems = check_pdf(pdf)
    assert problems == [], report(problems)
    if plan == "kalimantan-barat-2025":
        assert cover_headers(pdf) == ["RENCANA KERJA"]


@pytest.mark.parametrize("plan", [p.stem for p in EXAMPLES])
@pytest.mark.parametrize("versi", ["asli", "salinan"])
def test_example_docx_pages_in_libreoffice_keep_the_invariants(examples, plan, versi,
                                                                tmp_path):
    docx = tmp_path / f"keputusan-{versi}.docx"
    docx.write_bytes(examples[plan][docx.name])
    pdf = convert_with_libreoffice(docx, tmp_path)
    problems = check_pdf(pdf)
    assert problems == [], report(problems)
    if plan == "kalimantan-barat-2025":
        assert cover_headers(pdf) == ["RENCANA KERJA"]


def test_docx_cells_margins_column_numbers_and_left_half_authentication(examples):
    document = Document(io.BytesIO(examples["kutai-timur-2025"]["keputusan-salinan.docx"]))
    for table in document.tables:  # the PDF's padding: 2 pt (1.5 pt in dense tables)
        if table._tbl.tblPr.find(qn("w:tblCaption")).get(qn("w:val")) == "penutup":
            continue  # the borderless row holding the last row and the signature
        margins = table._tbl.tblPr.find(qn("w:tblCellMar"))
        assert {side.tag.rsplit("}", 1)[1]: side.get(qn("w:w")) for side in margins} in (
            {"top": "40", "left": "60", "bottom": "40", "right": "60"},
            {"top": "30", "left": "40", "bottom": "30", "right": "40"})
    numbers = document.tables[0].rows[1].cells
    assert [c.text for c in numbers] == [str(n) for n in range(1, 8)]
    assert {c.paragraphs[0].style.name for c in numbers} == {"Nomor Kolom"}
    paragraphs = [Paragraph(p, document) for p in document.element.body.iter(qn("w:p"))]
    authentication = [p for p in paragraphs if p.style.name == "Autentikasi"]
    indents = {round((p.paragraph_format.right_indent
                      or p.style.paragraph_format.right_indent).cm, 1) for p in authentication}
    assert len(authentication) >= 15 and indents == {8.5, 8.5 + 33.0 - 21.5}


LONG_TOKENS = {
    "aksi": "Mengumumkan alamat pengaduan kpukabupatencontohpengaduanmasyarakat@gmail.com "
            "dan " + "Titik" * 60 + " serta " + "." * 120,
    "bukti_fisik": "https://kpu.go.id/" + "x" * 90,
    "target_waktu": "Januari–Desember 2026",
    "target_capaian": "1 (satu) Dokumen",
}
"""Unbreakable tokens that must wrap inside their cells: an e-mail, a 300-letter word, a leader."""


def swept_plan(extra: int) -> dict:
    """The minimal plan grown by `extra`: more menimbang, more steps, more team members.

    Each unit adds two lines to the decree and rows to each table, so that consecutive values
    move every page break of the decree and its attachments, and the area rows between them,
    by about one line or one row.
    """
    plan = yaml.safe_load((FIXTURES / "minimal.yaml").read_text(encoding="utf-8"))
    keputusan = plan["keputusan"]
    keputusan["menimbang"][1:1] = [
        f"bahwa pertimbangan tambahan ke-{i + 1} perlu dimuat agar pemisah halaman bergeser "
        "melewati setiap baris diktum, tanda tangan, dan autentikasi salinan;"
        for i in range(extra)]
    keputusan["diktum"][1:1] = [
        "Tim Kerja melaksanakan Rencana Aksi sebagaimana dimaksud dalam Diktum KESATU dan "
        "melaporkan pelaksanaannya kepada Ketua setiap triwulan melalui Sekretaris."]
    steps = plan["rencana_aksi"]["area"][0]["komponen"][0]["indikator"][0]["langkah"]
    steps += [{"aksi": f"Langkah tambahan ke-{i + 1}: menyusun, melaksanakan, dan mengevaluasi "
                       "kegiatan bersama seluruh pegawai",
               "bukti_fisik": "Undangan, daftar hadir, notulensi, foto kegiatan",
               "target_waktu": "Januari–Desember 2026", "target_capaian": "4 (empat) Laporan"}
              for i in range(2 * extra)]
    steps.append(LONG_TOKENS)
    for name, count in (("Penataan Tata Laksana", 2 + extra % 3),
                        ("Penataan Sistem Manajemen SDM", 1 + extra % 2),
                        ("Penguatan Pengawasan", 1)):
        plan["rencana_aksi"]["area"].append(
            {"nama": name,
             "komponen": [{"nama": "Prosedur Operasional Tetap",
                           "indikator": [{"nama": "SOP disusun",
                                          "langkah": [dict(steps[0])] * count}]}]})
    members = plan["tim"]["tim_kerja"]["subtim"][0]["anggota"]
    for i in range(3 * extra):
        plan["orang"][f"pegawai{i}"] = {
            "nama": f"Pegawai Contoh Dengan Nama Yang Cukup Panjang Sekali {i + 1}",
            "jabatan": "Pelaksana pada Subbagian Teknis Penyelenggaraan Pemilu dan Hukum"}
        members.append({"orang": f"pegawai{i}", "kedudukan": "Anggota"})
    return plan


PDF_SWEEP = range(0, 40) if FULL else (0, 3, 6, 9, 11, 13, 15, 17, 19, 22)
DOCX_SWEEP = range(0, 40, 2) if FULL else (4, 11, 17)


def _build(tmp_path: Path, extra: int, fmt: str) -> bytes:
    source = tmp_path / f"sapuan-{extra}.yaml"
    source.write_text(yaml.safe_dump(swept_plan(extra), allow_unicode=True), encoding="utf-8")
    (output,) = [o for o in render_plan(source, tmp_path, formats=(fmt,), versions=("salinan",))
                 if o.path.suffix == f".{fmt}"]  # a salinan PDF also has its JDIH record
    return output.data


@pytest.mark.parametrize("extra", PDF_SWEEP)
def test_swept_pdf_keeps_the_invariants(tmp_path, extra):
    problems = check_pdf(_build(tmp_path, extra, "pdf"))
    assert problems == [], report(problems)


@pytest.mark.parametrize("extra", DOCX_SWEEP)
def test_swept_docx_in_libreoffice_keeps_the_invariants(tmp_path, extra):
    docx = tmp_path / "keputusan-salinan.docx"
    docx.write_bytes(_build(tmp_path, extra, "docx"))
    problems = check_pdf(convert_with_libreoffice(docx, tmp_path))
    assert problems == [], report(problems)


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_standalone_plan_signature_keeps_its_last_row(tmp_path, fmt):
    plan = yaml.safe_load((FIXTURES / "layouts" / "mandiri.yaml").read_text(encoding="utf-8"))
    steps = plan["rencana_aksi"]["area"][0]["komponen"][0]["indikator"][0]["langkah"]
    steps += [dict(steps[0], aksi=f"Langkah {i + 1} yang mengisi halaman mendatar sampai penuh "
                                  "dengan kegiatan rutin")
              for i in range(11)]
    source = tmp_path / "mandiri.yaml"
    source.write_text(yaml.safe_dump(plan, allow_unicode=True), encoding="utf-8")
    (output,) = render_plan(source, tmp_path, formats=(fmt,))
    pdf = output.data
    if fmt == "docx":
        output.path.parent.mkdir(parents=True, exist_ok=True)
        output.path.write_bytes(output.data)
        pdf = convert_with_libreoffice(output.path, tmp_path).read_bytes()
    problems = check_pdf(pdf, signature_starts=("Tana Paser,",))
    assert problems == [], report(problems)


def test_docx_last_rows_stand_with_the_signature_in_one_unsplittable_row(examples):
    document = Document(io.BytesIO(examples["kutai-timur-2025"]["keputusan-salinan.docx"]))
    closing = [t for t in document.tables
               if t._tbl.tblPr.find(qn("w:tblCaption")).get(qn("w:val")) == "penutup"]
    assert len(closing) == 2  # after Lampiran I's table and after Lampiran II's
    for table in closing:
        (row,) = table._tbl.tr_lst
        assert row.trPr.find(qn("w:cantSplit")) is not None
        (cell,) = row.tc_lst
        texts = [Paragraph(p, document).text for p in cell.iterchildren(qn("w:p"))]
        assert texts[0].startswith("Ditetapkan di") and "Salinan sesuai dengan aslinya" in texts
        (inner,) = cell.iterchildren(qn("w:tbl"))
        assert len(inner.tr_lst) == 1
    people = "".join(t.text or "" for t in closing[1]._tbl.iter(qn("w:t")))
    assert "Widya Nuraisyah" in people  # the team's last member
