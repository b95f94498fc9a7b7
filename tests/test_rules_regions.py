"""The region rules beyond their fixtures: 'satker.nama' against the gazetteer (a name it lacks,
like the fixtures' made-up 'Contoh', is left alone), texts that are right, forms of the wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.rules import check_bytes
from tests.conftest import FIXTURES

BASE = (FIXTURES / "rules" / "satker-lain.yaml").read_text(encoding="utf-8")
SATKER = "satker:\n  tingkat: kota\n  nama: Contoh\n"


def _satker_nama(tingkat: str, nama: str) -> list[str]:
    plan = BASE.replace(SATKER, f"satker:\n  tingkat: {tingkat}\n  nama: {nama}\n")
    checked = check_bytes(plan.encode(), "rencana.yaml", Path("."))
    return [f"{w.position.line}: {w.message}" for w in checked.warnings
            if w.kode == "satker-nama"]


@pytest.mark.parametrize(("tingkat", "nama", "expected"), [
    ("kabupaten", "Penajam Paser Utra",
     ["5: 'satker.nama' 'Penajam Paser Utra' bukan nama kabupaten mana pun: maksud Anda "
      "'Penajam Paser Utara'? nama ini tercetak di kop dan judul"]),
    ("kabupaten", "Gunung Kidul",
     ["5: 'satker.nama' 'Gunung Kidul' ditulis lain dari nama resminya: maksud Anda "
      "'Gunungkidul'? nama ini tercetak di kop dan judul"]),
    ("kota", "Kutai Timur",
     ["4: 'Kutai Timur' adalah kabupaten, bukan kota: periksa 'satker.tingkat'"]),
    ("kota", "Contoh", []),
    ("kabupaten", "GUNUNGKIDUL", []),
])
def test_satker_nama_menurut_daftar_wilayah(tingkat: str, nama: str, expected: list[str]):
    assert _satker_nama(tingkat, nama) == expected


KODE_WILAYAH = {"satker-lain", "wilayah-tak-dikenal", "satker-nama", "judul-provinsi"}
MENIMBANG = ("bahwa untuk membangun Zona Integritas di Sulawesi Tenggara perlu menetapkan rencana "
             "aksi;")


def _menimbang(tingkat: str, nama: str, teks: str) -> list[str]:
    plan = BASE.replace(SATKER, f"satker:\n  tingkat: {tingkat}\n  nama: {nama}\n")
    plan = plan.replace(MENIMBANG, f"bahwa {teks};")
    line = plan.splitlines().index(f"    - bahwa {teks};") + 1
    checked = check_bytes(plan.encode(), "rencana.yaml", Path("."))
    return [w.message for w in checked.warnings
            if w.kode in KODE_WILAYAH and w.position.line == line]


@pytest.mark.parametrize(("tingkat", "nama", "teks"), [
    ("kabupaten", "Kutai Timur", "Kabupaten Kutai Timur meraih predikat Kabupaten Layak Anak"),
    ("kabupaten", "Kutai Timur", "KPU Kabupaten Kutai Timur menerima penghargaan KPU Kabupaten "
                                 "Terbaik"),
    ("kabupaten", "Kutai Timur", "Undang-Undang Nomor 47 Tahun 1999 tentang Pembentukan "
                                 "Kabupaten Nunukan, Kabupaten Kutai Barat, dan Kota Bontang"),
    ("kabupaten", "Kutai Timur", "KPU Provinsi Kalimantan Timur dan KPU Kabupaten/Kota "
                                 "se-Kaltim"),
    ("kabupaten", "Tambrauw", "Orang Asli Papua di Tanah Papua"),
    ("kota", "Bima", "Bimo Santoso dan Bima Arya di Kota Bima"),
    ("provinsi", "Sulawesi Selatan", "supervisi ke KPU Kota Makassar dan KPU Kabupaten Gowa"),
    ("kabupaten", "Gunungkidul", "wilayah Kabupaten Gunungkidul, Daerah Istimewa Yogyakarta"),
])
def test_wilayah_yang_benar_tanpa_peringatan(tingkat: str, nama: str, teks: str):
    assert _menimbang(tingkat, nama, teks) == []


@pytest.mark.parametrize(("teks", "expected"), [
    ("rapat di wilayah Kutai Timur Tenggara",
     "tidak ada kabupaten bernama 'Kutai Timur Tenggara': maksud Anda 'Kabupaten Kutai Timur'?"),
    ("rapat KPU Paser Selatan",
     "tidak ada kabupaten bernama 'Paser Selatan': maksud Anda 'Kabupaten Paser'?"),
    ("rapat KPU Kab Berau",
     "'KPU Kab Berau' bukan kantor ini: nama kantor lain yang tersalin? maksud Anda "
     "'KPU Kabupaten Kutai Timur'?"),
    ("rapat KPU Kutai Timur", "'KPU Kutai Timur' tanpa kata tingkat: maksud Anda "
                              "'KPU Kabupaten Kutai Timur'?"),
    ("rapat KPU Kabupaten Kutai Timor",
     "'Kutai Timor' salah ketik? nama kantor ini KPU Kabupaten Kutai Timur: maksud Anda "
     "'Kutai Timur'?"),
])
def test_wilayah_salah_di_teks(teks: str, expected: str):
    assert _menimbang("kabupaten", "Kutai Timur", teks) == [expected]
