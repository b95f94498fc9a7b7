"""The gazetteer: all 552 regions, found in any case, and no region where there is none."""

from __future__ import annotations

import importlib.util
import re
from collections import Counter
from importlib import resources

import pytest
import yaml

from generator.reference.regions import (
    Sebutan,
    cari,
    mirip,
    provinsi_dari,
    sebutan,
    semua_wilayah,
    tak_dikenal,
    usulan,
)
from tests.conftest import FIXTURES, ROOT
from tests.teks_contoh import berkas_contoh, muat, semua_teks

SEBUTAN = yaml.safe_load((FIXTURES / "wilayah" / "sebutan.yaml").read_text("utf-8"))
TAK_DIKENAL = yaml.safe_load((FIXTURES / "wilayah" / "tak-dikenal.yaml").read_text("utf-8"))
MIRIP = yaml.safe_load((FIXTURES / "wilayah" / "mirip.yaml").read_text("utf-8"))


def _resmi(nama_resmi: str):
    return next(w for w in semua_wilayah() if w.nama_resmi == nama_resmi)


def test_38_provinces_416_kabupaten_98_kota_with_unique_codes():
    regions = semua_wilayah()
    assert Counter(w.tingkat for w in regions) == {"provinsi": 38, "kabupaten": 416, "kota": 98}
    assert len({w.kode for w in regions}) == 552
    assert {"Papua Selatan", "Papua Tengah", "Papua Pegunungan", "Papua Barat Daya"} <= {
        w.nama for w in regions if w.tingkat == "provinsi"}


def test_codes_follow_the_kemendagri_scheme():
    """Permendagri 58/2021: a kabupaten is numbered 01-69, a kota 71-99, inside its province."""
    provinces = {w.kode for w in semua_wilayah() if w.tingkat == "provinsi"}
    for w in semua_wilayah():
        if w.tingkat == "provinsi":
            assert re.fullmatch(r"\d\d", w.kode)
            continue
        assert re.fullmatch(r"\d\d\.\d\d", w.kode) and w.kode_provinsi in provinces
        number = int(w.kode[3:])
        assert 1 <= number <= 69 if w.tingkat == "kabupaten" else 71 <= number <= 99
        assert w.nama_resmi.startswith(w.tingkat.capitalize())


def test_the_data_file_records_its_source_and_date():
    data = resources.files("generator.reference").joinpath("data/wilayah.tsv")
    head = data.read_text("utf-8")[:600]
    assert "Kepmendagri Nomor 300.2.2-2138 Tahun 2025" in head
    assert "cahyadsn/wilayah" in head and "2026-02-13" in head


def test_the_tool_reads_the_source_sql():
    spec = importlib.util.spec_from_file_location("make_wilayah", ROOT / "tools" /
                                                  "make_wilayah.py")
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    sql = ("('31','Daerah Khusus Ibukota Jakarta'),\n('31.71','Kota Administrasi Jakarta Pusat'),"
           "\n('31.71.01','Gambir'),\n('71.09','Kabupaten Kep. Siau Tagulandang Biaro'),\n"
           "('31.72','Kota Administrasi Jakarta Utara '),")
    assert tool.rows(sql) == [
        ("31", "provinsi", "Daerah Khusus Ibukota Jakarta", "Daerah Khusus Ibukota Jakarta"),
        ("31.71", "kota", "Jakarta Pusat", "Kota Administrasi Jakarta Pusat"),
        ("31.72", "kota", "Jakarta Utara", "Kota Administrasi Jakarta Utara"),
        ("71.09", "kabupaten", "Kepulauan Siau Tagulandang Biaro",
         "Kabupaten Kepulauan Siau Tagulandang Biaro"),
    ]


def _sebutan(text: str, found: Sebutan) -> str:
    line = f"{text[found.start:found.end]} => " + " | ".join(w.nama_resmi for w in
                                                              found.kandidat)
    return line + (" (kantor)" if found.kantor else "") + (
        "" if found.tingkat_cocok else " (tingkat salah)")


@pytest.mark.parametrize("case", SEBUTAN, ids=lambda c: c["teks"][:40])
def test_regions_named_in_a_text(case):
    text = case["teks"]
    assert [_sebutan(text, s) for s in sebutan(text)] == case["sebutan"]


@pytest.mark.parametrize("case", TAK_DIKENAL, ids=lambda c: c["teks"][:40])
def test_names_after_a_level_word_that_are_no_region(case):
    found = tak_dikenal(case["teks"])
    assert [f"{t.nama} => {t.kata_tingkat}" + (" (kantor)" if t.kantor else "")
            for t in found] == case["tak_dikenal"]
    assert all(case["teks"][t.start:t.end] == t.nama for t in found)


@pytest.mark.parametrize("case", MIRIP, ids=lambda c: c["teks"][:40])
def test_near_misses_of_the_office_own_name(case):
    found = mirip(case["teks"], _resmi(case["wilayah"]))
    assert [f"{m.tertulis} => {m.benar}" for m in found] == case["mirip"]


@pytest.mark.parametrize(("nama", "tingkat", "expected"), [
    ("Bogor", None, ["Kabupaten Bogor", "Kota Bogor"]),
    ("Bogor", "kota", ["Kota Bogor"]),
    ("Kota Bogor", None, ["Kota Bogor"]),
    ("Kab. Bogor", None, ["Kabupaten Bogor"]),
    ("GUNUNG KIDUL", "kabupaten", ["Kabupaten Gunungkidul"]),
    ("DKI Jakarta", None, ["Daerah Khusus Ibukota Jakarta"]),
    ("Kutai Timor", "kabupaten", []),
])
def test_a_region_is_found_by_its_name(nama, tingkat, expected):
    assert [w.nama_resmi for w in cari(nama, tingkat)] == expected


def test_the_province_of_a_kabupaten_and_of_a_province():
    assert provinsi_dari(_resmi("Kabupaten Kutai Timur")).nama == "Kalimantan Timur"
    assert provinsi_dari(_resmi("Kabupaten Tambrauw")).nama == "Papua Barat Daya"
    assert provinsi_dari(_resmi("Jambi")).nama == "Jambi"


def test_a_name_that_is_none_gets_the_closest_regions():
    assert usulan("Kutai Timor", "kabupaten")[0].nama_resmi == "Kabupaten Kutai Timur"
    assert usulan("Tandrauw")[0].nama_resmi == "Kabupaten Tambrauw"
    assert usulan("Zzzz") == []


def test_no_near_miss_nor_unknown_region_in_the_example_plans_and_fixtures():
    checked = 0
    hits = []
    for path in berkas_contoh():
        data = muat(path)
        satker = data.get("satker") if isinstance(data, dict) else None
        if not isinstance(satker, dict):
            continue
        own = cari(str(satker.get("nama", "")), satker.get("tingkat"))
        for text in semua_teks(data):
            checked += 1
            hits += [(path.name, t.nama) for t in tak_dikenal(text)
                     if not t.nama.startswith("Contoh")]  # the fixtures' fictional office
            if own:
                hits += [(path.name, m.tertulis) for m in mirip(text, own[0])]
    assert checked > 5000
    assert hits == []
