"""Spelling, year and area rules where a fixture alone would not show it: the line inside a
block, a date the model refuses because of its month, coverage under a misspelt area name."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.rules import check_file
from generator.source.diagnostics import PlanError, Position
from generator.source.inside import position_in
from generator.source.yaml_reader import read_source
from tests.conftest import FIXTURES

BLOK = """\
a: >-
  baris pertama dengan kata
  baris kedua memuat Desepmber 2025
b: |
  satu
  dua Nopember
c: teks sebaris Agustur 2025
d:
  - "dikutip dengan
    baris lanjutan Januarii"
"""


@pytest.mark.parametrize(("path", "word", "where"), [
    (("a",), "Desepmber", Position(3, 22)),
    (("a",), "pertama", Position(2, 9)),
    (("b",), "Nopember", Position(6, 7)),
    (("c",), "Agustur", Position(7, 17)),
    (("d", 0), "Januarii", Position(10, 20)),
])
def test_a_word_inside_a_long_text_is_placed_on_its_own_line(path, word, where):
    source = read_source("x.yaml", BLOK)
    value = source.data
    for key in path:
        value = value[key]
    assert position_in(source, path, value.index(word)) == where


def _plan(tmp_path: Path, old: str, new: str) -> Path:
    text = (FIXTURES / "rules" / "area-ganda.yaml").read_text(encoding="utf-8")
    assert old in text
    plan = tmp_path / "rencana.yaml"
    plan.write_text(text.replace(old, new, 1), encoding="utf-8")
    return plan


def test_a_date_refused_for_its_month_carries_the_month_code(tmp_path: Path):
    plan = _plan(tmp_path, "  tahun: 2026\n", "  tahun: 2026\n  tanggal: 20 Januarri 2026\n")
    with pytest.raises(PlanError) as caught:
        check_file(plan, shown_as="rencana.yaml")
    assert [(str(d), d.kode) for d in caught.value.diagnostics] == [(
        "rencana.yaml:9:12: 'keputusan.tanggal': nama bulan 'Januarri' salah eja: maksud Anda "
        "'Januari'? (tulis seperti 9 September 2025 atau 2025-09-09)", "bulan-salah-eja")]


def test_a_misspelt_area_does_not_pass_for_the_komponen_it_resembles(tmp_path: Path):
    """'Penguasaan Akuntabilitas Kinerja' is a slip of an area name, not the komponen
    'Pengelolaan Akuntabilitas Kinerja': the komponen is still missing, reported at that row."""
    plan = _plan(tmp_path, "    - nama: Penataan Tata Laksana\n",
                 "    - nama: Penguasaan Akuntabilitas Kinerja\n")
    warnings = check_file(plan, shown_as="rencana.yaml").warnings
    missing = [str(w) for w in warnings if w.kode == "komponen-hilang"
               and "Penguatan Akuntabilitas Kinerja" in w.message]
    assert missing == [
        "rencana.yaml:41:7: peringatan [komponen-hilang]: area Penguatan Akuntabilitas Kinerja "
        "(bobot 10) tidak punya langkah untuk komponen 'Keterlibatan Pimpinan', 'Pengelolaan "
        "Akuntabilitas Kinerja': nilainya hilang dari evaluasi (atau sebut di "
        "'rencana_aksi.tanpa_komponen')"]
    assert [w.kode for w in warnings if w.position.line == 41] == [
        "komponen-hilang", "istilah-salah-eja"]


def test_a_komponen_misspelt_still_counts_for_its_area(tmp_path: Path):
    plan = _plan(tmp_path, "        - nama: Tim Kerja\n", "        - nama: Tim Kerjaa\n")
    warnings = check_file(plan, shown_as="rencana.yaml").warnings
    assert not [w for w in warnings if w.kode == "komponen-hilang" and "'Tim Kerja'" in
                w.message]
