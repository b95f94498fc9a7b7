"""'satker.nama' checked against the gazetteer: near misses, another level, another spelling;
a name the gazetteer lacks ('Contoh', the fixtures' made-up office) is left alone."""

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
