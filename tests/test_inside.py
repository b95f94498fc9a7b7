"""A finding inside a long value is placed at the line of its words, not the value's first."""

from __future__ import annotations

import pytest

from generator.source.diagnostics import Position
from generator.source.inside import position_in
from generator.source.yaml_reader import read_source

PLAN = """\
keputusan:
  tentang: >-
    Rencana Aksi Zona Integritas di Lingkungan
    KPU Kabupaten Paser Tahun 2025
  menimbang:
    - "bahwa KPU Kota Dumai"
    - |
      baris pertama
        baris kedua menyebut Berau
  diktum:
    - Menetapkan Rencana Aksi KPU Kabupaten Paser
    - sebaris
      lanjutan Paser
"""


@pytest.mark.parametrize(("path", "word", "expected"), [
    (("keputusan", "tentang"), "Rencana", Position(3, 5)),
    (("keputusan", "tentang"), "Paser", Position(4, 19)),
    (("keputusan", "menimbang", 0), "Dumai", Position(6, 23)),
    (("keputusan", "menimbang", 1), "Berau", Position(9, 30)),
    (("keputusan", "diktum", 0), "Paser", Position(11, 45)),
    (("keputusan", "diktum", 1), "Paser", Position(13, 16)),
])
def test_posisi_kata_di_dalam_nilai(path, word, expected):
    source = read_source("rencana.yaml", PLAN)
    value = source.data
    for key in path:
        value = value[key]
    assert position_in(source, path, value.index(word)) == expected


def test_tanpa_teks_berkas_posisi_nilainya():
    source = read_source("rencana.yaml", PLAN)
    source.text = ""
    path = ("keputusan", "tentang")
    assert position_in(source, path, 40) == source.where(path)
