"""The lexicon finds near misses of official terms and never a real word that only looks alike."""

from __future__ import annotations

import pytest
import yaml

from generator.plan.model import AREA_RESMI
from generator.plan.schedule import BULAN
from generator.reference.terms import (
    Cocok,
    area_komponen,
    area_resmi,
    bulan,
    komponen_resmi,
    salah_ketik,
)
from tests.conftest import FIXTURES
from tests.teks_contoh import teks_contoh

CASES = yaml.safe_load((FIXTURES / "istilah" / "salah-ketik.yaml").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["teks"][:40])
def test_near_misses_and_look_alikes(case):
    found = salah_ketik(case["teks"])
    assert [f"{s.tertulis} => {s.benar}" for s in found] == case["salah"]
    assert all(case["teks"][s.start:s.end] == s.tertulis for s in found)


def test_recall_on_the_planted_slips_is_complete_and_look_alikes_stay_silent():
    planted = [c for c in CASES if c["salah"]]
    silent = [c for c in CASES if not c["salah"]]
    assert len(planted) >= 40 and len(silent) >= 30
    assert all(salah_ketik(c["teks"]) for c in planted)
    assert not any(salah_ketik(c["teks"]) for c in silent)


def test_no_false_alarm_in_any_example_plan_or_valid_fixture():
    texts = teks_contoh()
    assert len(texts) > 5000  # every plan and fixture was read, not an empty walk
    hits = [(name, s.tertulis, s.benar) for name, text in texts for s in salah_ketik(text)]
    assert hits == []


def test_the_issue_examples_are_each_found_with_their_right_spelling():
    text = ("Penguasaan Akuntabilitas; Zona Integrasi; WBW/WBBM; Internalisasi Blowing System; "
            "Tata Laksna; Angggota")
    assert [s.benar for s in salah_ketik(text)] == [
        "Penguatan Akuntabilitas", "Zona Integritas", "WBK/WBBM", "Whistle Blowing System",
        "Tata Laksana", "Anggota"]


def test_a_role_slip_counts_only_where_a_role_stands():
    assert [s.jenis for s in salah_ketik("Angggota Tim Kerja")] == ["peran"]
    assert salah_ketik("Anggita Putri") == []  # a person's name
    assert salah_ketik("seluruh angggota") == []  # prose, not a role cell


@pytest.mark.parametrize(("written", "official"), [
    ("Manajemen Perubahan", "Manajemen Perubahan"),
    ("MANAJEMEN PERUBAHAN", "Manajemen Perubahan"),
    ("Penataan Tatalaksana", "Penataan Tata Laksana"),
    ("Penataan Sistem Manajemen Sumber Daya Manusia", "Penataan Sistem Manajemen SDM"),
    ("Penguasaan Akuntabilitas Kinerja", "Penguatan Akuntabilitas Kinerja"),
    ("Penguatan Akuntabilitas", "Penguatan Akuntabilitas Kinerja"),
    ("Penguatan Pengawasn", "Penguatan Pengawasan"),
    ("Pelayanan Publik", "Peningkatan Kualitas Pelayanan Publik"),
    ("Inovasi Pelayanan", None),
    ("Penguatan Pengawasan Internal", None),
])
def test_an_area_is_known_by_its_name_even_misspelt(written, official):
    found = area_resmi(written)
    assert (found.resmi if found else None) == official


def test_an_exact_area_name_says_so_and_a_misspelt_one_does_not():
    assert area_resmi("Penataan Tatalaksana") == Cocok("Penataan Tata Laksana", 100.0)
    found = area_resmi("Manajemen Perubahn")
    assert found is not None and not found.persis


@pytest.mark.parametrize(("written", "official", "area"), [
    ("Pengendalian Gratifkasi", "Pengendalian Gratifikasi", "Penguatan Pengawasan"),
    ("Whistle Blowing System", "Whistle-Blowing System", "Penguatan Pengawasan"),
    ("Prosedur Operasional Tetap", "Prosedur Operasional Tetap (SOP)", "Penataan Tata Laksana"),
    ("Tim Kerja", "Tim Kerja", "Manajemen Perubahan"),
])
def test_a_komponen_is_known_by_its_name_and_has_its_area(written, official, area):
    found = komponen_resmi(written)
    assert found is not None and found.resmi == official
    assert area_komponen(found.resmi) == area


def test_the_lexicon_agrees_with_the_model_on_areas_and_months():
    assert all(area_resmi(a) == Cocok(a, 100.0) for a in AREA_RESMI)
    assert bulan() == BULAN
