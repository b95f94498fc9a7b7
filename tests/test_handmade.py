"""The hand-made decrees `zi impor` is tested on really are what they claim, and the scorer
counts what it should: checked without the importer."""

from __future__ import annotations

import importlib.util
import io
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import yaml
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook

from generator.rules import load_plan
from tests.conftest import FIXTURES, PLANS, ROOT
from tests.handmade import Gaya, GayaExcel, expected_steps, write_decree
from tests.import_score import normal, plan_of_steps, score

IMPOR = FIXTURES / "impor"
_spec = importlib.util.spec_from_file_location("make_handmade_fixtures",
                                               ROOT / "tools" / "make_handmade_fixtures.py")
assert _spec is not None and _spec.loader is not None
tool = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(tool)

EXPECTED = sorted(IMPOR.glob("*.expected.yaml"))


def _expected(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _tables(data: bytes) -> list[Any]:
    """The body's top-level tables as lxml elements."""
    body = Document(io.BytesIO(data)).element.body
    return body.findall(qn("w:tbl"))


def _text(element: Any) -> str:
    return "".join(t.text or "" for t in element.iter(qn("w:t")))


def _rows_texts(table: Any) -> list[list[str]]:
    return [[_text(tc) for tc in tr.findall(qn("w:tc"))] for tr in table.findall(qn("w:tr"))]


def _breaks_in_cells(data: bytes) -> int:
    return sum(1 for t in _rencana_tables(data) for _ in t.iter(qn("w:br")))


def _rencana_tables(data: bytes) -> list[Any]:
    """Tables whose first row names KOMPONEN (any case): the Rencana Aksi table's pieces."""
    return [t for t in _tables(data)
            if any(normal(c) == "komponen" for c in _rows_texts(t)[0])]


# ------------------------------------------------------------------ fixtures are current


def test_the_saved_fixtures_are_what_the_tool_writes_now():
    """Reruns are deterministic and the saved files are not stale."""
    files = tool.fixtures()
    saved = {p.name for p in IMPOR.iterdir()}
    assert saved == set(files)
    stale = [n for n, data in files.items() if (IMPOR / n).read_bytes() != data]
    assert stale == [], "tulis ulang: .venv/bin/python tools/make_handmade_fixtures.py"


def test_the_corpus_covers_every_style_and_column_set():
    gayas = [g for _, g in tool.DECREES.values()]
    assert len(gayas) >= 8 and len(tool.WORKBOOKS) >= 3
    assert {g.badan for g in gayas} == {"tabs", "tabel"}
    assert {g.sel for g in gayas} == {"merged", "repeated", "blank"}
    assert {g.versi for g in gayas} == {"asli", "salinan"}
    assert {g.tim_gabung for g in gayas} == {True, False}
    for flag in ("autonum", "kepala_ulang", "baris_kosong", "pecah_run", "baris_lunak"):
        assert any(getattr(g, flag) for g in gayas), flag
    assert {g.potong for g in gayas} >= {1, 2, 3}
    assert {g.pemisah for g in gayas if g.potong > 1} == {"kosong", "halaman"}
    kolom = {_expected(IMPOR / f"{n}.expected.yaml")["kolom"] for n in tool.DECREES}
    assert kolom == {6, 7, 18}
    assert sum(p.stat().st_size for p in IMPOR.iterdir()) < 700_000


# ------------------------------------------------------------------ the DOCX read back


@pytest.mark.parametrize("name", sorted(tool.DECREES))
def test_each_decree_has_the_structure_its_style_claims(name):
    plan_name, gaya = tool.DECREES[name]
    data = (IMPOR / f"{name}.docx").read_bytes()
    root = Document(io.BytesIO(data)).element.body
    pieces = _rencana_tables(data)
    assert len(pieces) == gaya.potong
    cells = [c for t in pieces for r in _rows_texts(t) for c in r]
    body_rows = [tr for t in pieces for tr in t.findall(qn("w:tr"))
                 if tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None]
    v_merges = [tc for tr in body_rows for tc in tr.iter(qn("w:vMerge"))]
    spans = [tc for tr in body_rows for tc in tr.iter(qn("w:gridSpan"))]
    steps = expected_steps(load_plan(PLANS / f"{plan_name}.yaml"))
    komponen_names = [normal(s["komponen"]) for s in steps]
    shared = any(a == b for a, b in zip(komponen_names, komponen_names[1:], strict=False))
    if gaya.sel == "merged":
        assert spans and bool(v_merges) == shared
    else:
        assert v_merges == [] and spans == []
    first = normal(steps[0]["komponen"])
    komponen_cells = [c for c in cells if normal(c) == first]
    share = sum(1 for s in steps if normal(s["komponen"]) == first)
    if gaya.sel == "repeated":
        assert len(komponen_cells) == share
    else:
        assert len(komponen_cells) == 1
    numbered = list(root.iter(qn("w:numPr")))
    bahwa = [p for p in root.iter(qn("w:p")) if _text(p).startswith("bahwa")]
    if gaya.autonum:
        assert numbered and all(p.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None
                                for p in bahwa)
    else:
        assert numbered == []
    assert any(normal(c) == normal(gaya.nomor_area.format("I")) for c in cells)
    menimbang_in_table = any(_text(tc) == "Menimbang" for tc in root.iter(qn("w:tc")))
    assert menimbang_in_table == (gaya.badan == "tabel")
    if gaya.baris_lunak:
        # plan texts hold line breaks of their own: the style adds more
        plain = write_decree(load_plan(PLANS / f"{plan_name}.yaml"),
                             replace(gaya, baris_lunak=False))
        assert _breaks_in_cells(data) > _breaks_in_cells(plain)
    assert any(el.tag == qn("w:proofErr") for el in root.iter()) == gaya.pecah_run
    headers = [sum(1 for r in _rows_texts(t) if any(normal(c) == "komponen" for c in r))
               for t in pieces]
    assert headers[0] == (2 if gaya.kepala_ulang else 1)
    empty_rows = [r for t in pieces for r in _rows_texts(t) if not "".join(r)]
    assert bool(empty_rows) == gaya.baris_kosong
    number_rows = [r for t in pieces for r in _rows_texts(t) if r[:3] == ["1", "2", "3"]]
    copies = gaya.potong + (1 if gaya.kepala_ulang else 0)
    assert len(number_rows) == (copies if gaya.nomor_kolom else 0)
    for old, new in gaya.judul_kolom:
        assert normal(new) in {normal(c) for c in cells}
        assert normal(old) not in {normal(c) for c in cells}
    text = "\n".join(_text(p) for p in root.iter(qn("w:p")))
    assert ("Salinan sesuai dengan aslinya" in text) == (gaya.versi == "salinan")
    assert ("ttd." in text) == (gaya.versi == "salinan")


def test_a_cut_inside_a_komponen_leaves_the_next_table_without_its_name():
    """As Word leaves a table split by copy-paste: the second piece opens mid-komponen."""
    data = (IMPOR / "kutai-timur-tabel-blank-potong3.docx").read_bytes()
    for piece in _rencana_tables(data)[1:]:
        first_step = next(r for r in _rows_texts(piece)[1:] if r[0] == "" and "".join(r))
        assert first_step[1] == ""


def test_automatic_numbering_puts_no_letter_in_the_text():
    data = (IMPOR / "kutai-timur-autonum-repeated.docx").read_bytes()
    document = Document(io.BytesIO(data))
    texts = [p.text for p in document.paragraphs]
    assert not any(t.lstrip().startswith(("a.", "b.\t", "1.\t")) for t in texts)
    numbering = document.part.numbering_part.element
    formats = {lvl.find(qn("w:numFmt")).get(qn("w:val"))
               for lvl in numbering.iter(qn("w:lvl"))
               if lvl.getparent().get(qn("w:abstractNumId")) in ("90", "91")}
    assert formats == {"lowerLetter", "decimal"}


def test_the_team_table_is_merged_or_not_as_asked():
    def group_spans(name: str) -> list[str]:
        data = (IMPOR / f"{name}.docx").read_bytes()
        team = next(t for t in _tables(data) if "KEDUDUKAN DALAM TIM" in _text(t))
        return [_text(tr) for tr in team.findall(qn("w:tr")) if tr.find(
            f"{qn('w:tc')}/{qn('w:tcPr')}/{qn('w:gridSpan')}") is not None]

    assert group_spans("kutai-timur-tabs-merged")[:2] == ["1PENGARAH", "2TIM KERJA"]
    assert group_spans("penajam-tabs-repeated-manual") == []


def test_tabs_style_types_labels_and_letters_with_tabs():
    data = (IMPOR / "kutai-timur-tabs-merged.docx").read_bytes()
    texts = [p.text for p in Document(io.BytesIO(data)).paragraphs]
    assert any(t.startswith("Menimbang\t:\ta.\tbahwa ") for t in texts)
    assert any(t.startswith("\t\tb.\tbahwa ") for t in texts)
    assert any(t.startswith("Mengingat\t:\t1.\tUndang-Undang ") for t in texts)


def test_the_18_column_table_ticks_the_months_of_each_step():
    data = (IMPOR / "tambrauw-tabs-merged-18kolom.docx").read_bytes()
    expected = _expected(IMPOR / "tambrauw-tabs-merged-18kolom.expected.yaml")
    first = expected["langkah"][0]
    row = next(r for r in _rows_texts(_rencana_tables(data)[0])
               if len(r) == 18 and normal(r[3]).startswith(normal(first["aksi"])[:30]))
    assert [m for m, cell in enumerate(row[5:17], start=1) if cell == "v"] == first["bulan"]


# ------------------------------------------------------------------ the workbooks


@pytest.mark.parametrize("name", sorted(tool.WORKBOOKS))
def test_each_workbook_has_its_header_and_merges(name):
    _, gaya = tool.WORKBOOKS[name]
    sheet = load_workbook(IMPOR / f"{name}.xlsx").active
    values = [[c for c in row] for row in sheet.iter_rows(values_only=True)]
    header_at = next(i for i, r in enumerate(values) if "KOMPONEN" in r)
    assert (header_at > 0) == gaya.judul
    header = values[header_at]
    for old, new in gaya.judul_kolom:
        assert new in header and old not in header
    body_merges = [m for m in sheet.merged_cells.ranges if m.min_row > header_at + 2]
    assert bool(body_merges) == gaya.gabung
    expected = _expected(IMPOR / f"{name}.expected.yaml")
    column = header.index("KOMPONEN")
    komponen = [r[column] for r in values[header_at + 1:]]
    first = expected["langkah"][0]["komponen"]
    share = sum(1 for s in expected["langkah"] if s["komponen"] == first)
    assert komponen.count(first) == (1 if gaya.gabung else share)


# ------------------------------------------------------------------ bad inputs


def test_the_bad_inputs_are_what_their_names_say():
    letter = Document(IMPOR / "bukan-keputusan-surat.docx")
    assert letter.tables == [] and "Undangan" in "\n".join(p.text for p in letter.paragraphs)
    assert "".join(p.text for p in Document(IMPOR / "kosong.docx").paragraphs) == ""
    assert not zipfile.is_zipfile(IMPOR / "bukan-zip.docx")
    old = (IMPOR / "word-lama.doc").read_bytes()
    assert old[:8] == bytes.fromhex("d0cf11e0a1b11ae1") and not zipfile.is_zipfile(
        IMPOR / "word-lama.doc")


# ------------------------------------------------------------------ the scorer


@pytest.mark.parametrize("path", EXPECTED, ids=lambda p: p.name.removesuffix(".expected.yaml"))
def test_a_perfect_import_scores_one(path):
    expected = _expected(path)
    result = score(expected["langkah"], plan_of_steps(expected["langkah"], expected["kolom"]))
    assert (result.fraction, result.wrong, result.extra) == (1.0, (), 0), result.report()


def test_the_scorer_compares_printed_text_not_yaml_fields():
    """A schedule written as months prints the same target waktu as the text it makes."""
    steps = [{"area": "MANAJEMEN PERUBAHAN", "komponen": "Tim Kerja", "indikator": "SK Tim",
              "aksi": "Menyusun SK", "bukti_fisik": "SK", "target_waktu": "Maret dan Juni 2025",
              "target_capaian": "1 (satu) Dokumen"}]
    plan = plan_of_steps(steps, 7)
    step = plan["rencana_aksi"]["area"][0]["komponen"][0]["indikator"][0]["langkah"][0]
    step.update(target_waktu="", jadwal=[3, 6], target_capaian={"jumlah": 1,
                                                                "satuan": "Dokumen"})
    plan["keputusan"] = {"tahun": 2025}
    assert score(steps, plan).fraction == 1.0


def _kutai() -> list[dict[str, Any]]:
    return _expected(IMPOR / "kutai-timur-tabs-merged.expected.yaml")["langkah"]


def test_the_scorer_catches_a_step_under_another_komponen():
    steps = _kutai()
    moved = [dict(s) for s in steps]
    moved[1]["komponen"] = moved[0]["komponen"] = "Komponen Lain"
    result = score(steps, plan_of_steps(moved, 7))
    assert result.right == len(steps) - 2
    assert result.wrong[0] == (
        "langkah 1 'Membentuk Tim Kerja/Kelompok Kerja ZI, anggotanya berasal...': "
        "komponen 'Komponen Lain', seharusnya 'Tim Kerja'")
    assert "seharusnya 'Tim Kerja'" not in result.wrong[1]
    assert result.wrong[1].startswith("langkah 2 '") and "komponen 'Komponen Lain'" in \
        result.wrong[1]


def test_the_scorer_names_a_wrong_column_and_a_missing_step():
    steps = _kutai()
    changed = [dict(s) for s in steps[1:]]
    changed[0]["bukti_fisik"] = "Foto kegiatan"
    result = score(steps, plan_of_steps(changed, 7))
    assert result.right == len(steps) - 2
    assert result.wrong[0] == ("langkah 1 'Membentuk Tim Kerja/Kelompok Kerja ZI, anggotanya "
                               "berasal...' (komponen 'Tim Kerja'): tidak ditemukan")
    assert result.wrong[1].startswith("langkah 2 '")
    assert "bukti_fisik 'foto kegiatan', seharusnya '" in result.wrong[1]
    assert "1/2" not in result.report() and f"{len(steps) - 2}/{len(steps)}" in result.report()


def test_the_scorer_ignores_case_spaces_and_italics_marks():
    steps = _kutai()
    loose = [dict(s) for s in steps]
    for step in loose:
        step["aksi"] = "  " + step["aksi"].upper().replace(" ", "\n ") + " "
        step["komponen"] = step["komponen"].lower()
        step["bukti_fisik"] = step["bukti_fisik"].replace("*", "")
    assert score(steps, plan_of_steps(loose, 7)).fraction == 1.0
    assert normal("  *Website*  KPU ;\n") == "website kpu;"


def test_the_scorer_reports_an_unreadable_table():
    result = score(_kutai(), {"rencana_aksi": {"kolom": 9, "area": []}})
    assert (result.right, result.fraction) == (0, 0.0)
    assert result.problem.startswith("2 validation errors") or result.problem
    assert "rencana_aksi tidak terbaca" in result.report()


def test_write_decree_is_deterministic():
    plan = load_plan(PLANS / "merangin-2025.yaml")
    gaya = Gaya(autonum=True, potong=2)
    assert write_decree(plan, gaya) == write_decree(plan, gaya)
    assert GayaExcel().gabung
