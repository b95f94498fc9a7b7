"""Misspelt months where a month stands, and every year a text names with what kind it is."""

from __future__ import annotations

import pytest
import yaml

from generator.reference.dates import bulan_salah, tahun_disebut
from tests.conftest import FIXTURES
from tests.teks_contoh import teks_contoh

BULAN_CASES = yaml.safe_load((FIXTURES / "kalender" / "bulan.yaml").read_text("utf-8"))
TAHUN_CASES = yaml.safe_load((FIXTURES / "kalender" / "tahun.yaml").read_text("utf-8"))


@pytest.mark.parametrize("case", BULAN_CASES, ids=lambda c: c["teks"][:40])
def test_misspelt_months(case):
    found = bulan_salah(case["teks"])
    assert [f"{b.tertulis} => {b.benar}" for b in found] == case["salah"]
    assert all(case["teks"][b.start:b.end] == b.tertulis for b in found)


@pytest.mark.parametrize("case", TAHUN_CASES, ids=lambda c: c["teks"][:40])
def test_years_and_their_kind(case):
    text = case["teks"]
    found = tahun_disebut(text)
    assert [f"{text[y.start:y.end]} => {y.tahun} {y.jenis}" for y in found] == case["tahun"]
    assert all(text[y.tahun_start:y.end] == str(y.tahun) for y in found)


def test_the_issue_examples_of_months_are_each_found():
    text = "Desepmber 2025; Agustur 2025; bulan Nopember; Januarii - Desember 2025"
    assert [b.benar for b in bulan_salah(text)] == ["Desember", "Agustus", "November",
                                                     "Januari"]


def test_no_misspelt_month_in_any_example_plan_or_valid_fixture():
    texts = teks_contoh()
    assert len(texts) > 5000
    assert [(name, b.tertulis) for name, text in texts for b in bulan_salah(text)] == []


def test_every_year_of_the_example_plans_has_a_kind_and_lies_in_its_span():
    kinds = {"anggaran", "peraturan", "tanggal", "bulan", "rentang", "tahun", "angka"}
    found = [(text, y) for _, text in teks_contoh() for y in tahun_disebut(text)]
    assert len(found) > 300
    assert all(y.jenis in kinds and 1900 <= y.tahun <= 2099 and
               text[y.tahun_start:y.end] == str(y.tahun) for text, y in found)
