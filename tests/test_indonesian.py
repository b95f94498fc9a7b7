"""Indonesian legal-text forms and the inline markup, as small readable tables."""

from __future__ import annotations

from datetime import date

import pytest

from generator.text import indonesian
from generator.text.inline import Run, parse


@pytest.mark.parametrize("number, word", [
    (1, "KESATU"), (2, "KEDUA"), (3, "KETIGA"), (4, "KEEMPAT"), (5, "KELIMA"), (6, "KEENAM"),
    (7, "KETUJUH"), (8, "KEDELAPAN"), (9, "KESEMBILAN"), (10, "KESEPULUH"),
    (11, "KESEBELAS"), (12, "KEDUA BELAS"), (19, "KESEMBILAN BELAS"), (20, "KEDUA PULUH"),
    (21, "KEDUA PULUH SATU"), (35, "KETIGA PULUH LIMA"), (100, "KESERATUS"),
])
def test_diktum_words(number, word):
    assert indonesian.diktum_word(number) == word


@pytest.mark.parametrize("number, numeral", [(1, "I"), (4, "IV"), (6, "VI"), (7, "VII"),
                                             (9, "IX"), (14, "XIV"), (40, "XL")])
def test_roman(number, numeral):
    assert indonesian.roman(number) == numeral


@pytest.mark.parametrize("value, text", [
    (date(2025, 9, 9), "9 September 2025"),
    (date(2025, 1, 1), "1 Januari 2025"),
    (date(2025, 2, 28), "28 Februari 2025"),
    (date(2025, 5, 31), "31 Mei 2025"),
    (date(2025, 8, 17), "17 Agustus 2025"),
])
def test_dates(value, text):
    assert indonesian.tanggal(value) == text


def test_letters_and_lampiran_labels():
    assert [indonesian.letter(i) for i in (0, 1, 25, 26)] == ["a", "b", "z", "aa"]
    assert indonesian.lampiran_labels(1) == ["LAMPIRAN"]
    assert indonesian.lampiran_labels(3) == ["LAMPIRAN I", "LAMPIRAN II", "LAMPIRAN III"]


@pytest.mark.parametrize("text, runs", [
    ("tanpa gaya", [Run("tanpa gaya")]),
    ("melalui *website* KPU", [Run("melalui "), Run("website", True), Run(" KPU")]),
    ("*Whistle Blowing System*", [Run("Whistle Blowing System", True)]),
    ("2 * 3 * 4", [Run("2 * 3 * 4")]),
    ("bintang \\*literal\\*", [Run("bintang *literal*")]),
    ("tak tertutup *miring", [Run("tak tertutup *miring")]),
    ("**", [Run("**")]),
    ("baris\n*dua*", [Run("baris\n"), Run("dua", True)]),
])
def test_inline_markup(text, runs):
    assert list(parse(text)) == runs
