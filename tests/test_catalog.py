"""The shipped regulation catalog: complete, consistent, sourced, and cited the lawful way."""

from __future__ import annotations

from datetime import date

import pytest

from generator.reference import catalog

DOMAIN_AND_REFERENCES = [
    # shared/domain.md
    "uu-28-1999", "uu-31-1999", "uu-20-2001", "uu-30-2002", "uu-19-2019", "uu-14-2008",
    "uu-25-2009", "uu-7-2017", "uu-7-2023", "uu-20-2023", "uu-5-2014", "pp-60-2008",
    "pp-94-2021", "perpres-81-2010", "perpres-54-2018", "permenpanrb-90-2021",
    "permenpanrb-9-2023", "pkpu-8-2019", "pkpu-12-2023", "pkpu-14-2020", "pkpu-21-2023",
    # shared/reference/001, 002, 003
    "permenpanrb-10-2011", "permenpanrb-5-2024", "keppres-14-2010", "keppres-23-2010",
    "pkpu-4-2021", "pkpu-3-2023", "kepkpu-314-2021", "uu-1-2015", "uu-6-2020",
]


def test_catalog_holds_every_regulation_of_the_domain_and_the_references():
    assert set(DOMAIN_AND_REFERENCES) <= set(catalog.katalog())


@pytest.mark.parametrize("key", sorted(catalog.katalog()))
def test_every_entry_is_consistent_and_sourced(key):
    entries = catalog.katalog()
    peraturan = entries[key]
    assert catalog.KEY_PATTERN.match(key)
    assert peraturan.jenis in catalog.JENIS
    assert str(peraturan.tahun) in key and peraturan.sumber
    assert all(entries[k].tahun >= peraturan.tahun for k in peraturan.diubah_dengan)
    if peraturan.dicabut_dengan:
        assert entries[peraturan.dicabut_dengan].tahun >= peraturan.tahun
    if peraturan.tanggal:
        assert peraturan.tanggal.year == peraturan.tahun
    assert not peraturan.tentang.endswith((".", ";"))


def test_citation_with_no_one_and_several_amendments():
    per = date(2025, 9, 9)
    assert catalog.sitasi("uu-28-1999", per) == (
        "Undang-Undang Nomor 28 Tahun 1999 tentang Penyelenggaraan Negara yang Bersih dan Bebas "
        "dari Korupsi, Kolusi, dan Nepotisme (Lembaran Negara Republik Indonesia Tahun 1999 Nomor "
        "75, Tambahan Lembaran Negara Republik Indonesia Nomor 3851);")
    assert " sebagaimana telah diubah dengan Undang-Undang Nomor 20 Tahun 2001 tentang " \
        "Perubahan atas" in catalog.sitasi("uu-31-1999", per)
    several = catalog.sitasi("pkpu-14-2020", per)
    assert " sebagaimana telah beberapa kali diubah terakhir dengan Peraturan Komisi Pemilihan " \
        "Umum Nomor 21 Tahun 2023 tentang Perubahan Kedua atas" in several
    assert several.endswith("(Berita Negara Republik Indonesia Tahun 2023 Nomor 826);")


def test_amendments_count_as_of_the_decree_date():
    assert "diubah" not in catalog.sitasi("permenpanrb-90-2021", date(2023, 12, 31))
    assert "telah diubah dengan" in catalog.sitasi("permenpanrb-90-2021", date(2024, 12, 31))
    # an amendment of unknown date counts from the year after its own
    assert "diubah" not in catalog.sitasi("uu-7-2017", date(2023, 4, 15))
    assert "telah diubah dengan Undang-Undang Nomor 7 Tahun 2023" in \
        catalog.sitasi("uu-7-2017", date(2024, 1, 1))
    # UU 30/2002: one amendment by 2016, two by 2019
    assert "telah diubah dengan Undang-Undang Nomor 10 Tahun 2015" in \
        catalog.sitasi("uu-30-2002", date(2016, 1, 1))
    assert "beberapa kali diubah terakhir dengan Undang-Undang Nomor 19 Tahun 2019" in \
        catalog.sitasi("uu-30-2002", date(2020, 1, 1))


@pytest.mark.parametrize("text, level, nomor, tahun", [
    ("Undang-Undang Dasar Negara Republik Indonesia Tahun 1945;", 1, "", 1945),
    ("Undang-Undang Nomor 07 Tahun 2017 tentang Pemilihan Umum", 2, "7", 2017),
    ("Undang – Undang Nomor 1 Tahun 2015 tentang ...", 2, "1", 2015),
    ("Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin", 3, "94", 2021),
    ("Peraturan Presiden Nomor 81 Tahun 2010 tentang Grand Design", 4, "81", 2010),
    ("Peraturan Komisi Pemilihan Umum Republik Indonesia Nomor 14 Tahun 2020", 5, "14", 2020),
    ("Keputusan Komisi Pemilihan Umum Nomor 314/ORT.07-Kpt/01/KPU/V/2021 tentang", 6,
     "314/ORT.07-Kpt/01/KPU/V/2021", 2021),
])
def test_free_text_is_classified(text, level, nomor, tahun):
    rujukan = catalog.baca_rujukan(text)
    assert (rujukan.tingkat, rujukan.nomor, rujukan.tahun) == (level, nomor, tahun)


def test_unreadable_free_text_is_left_alone():
    assert catalog.baca_rujukan("Surat Edaran tanpa nomor") is None
