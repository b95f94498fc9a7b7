"""Indonesian legal-text forms: roman numerals, diktum ordinals, letters and dates."""

from __future__ import annotations

from datetime import date

from babel.dates import format_date
from num2words import num2words


def roman(number: int) -> str:
    """1 -> I, 4 -> IV, 14 -> XIV: areas, lampiran and BAB are numbered this way."""
    if number < 1:
        raise ValueError("roman numerals start at 1")
    result = ""
    for value, letters in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):
        while number >= value:
            result += letters
            number -= value
    return result


def number_words(number: int) -> str:
    """A cardinal number in Indonesian words, lower case: 12 -> 'dua belas'."""
    return str(num2words(number, lang="id"))


def jumlah(number: int, satuan: str) -> str:
    """'1 (satu) Dokumen': the number, the number in words in brackets, the unit."""
    return f"{number} ({number_words(number)}) {satuan}"


def diktum_word(number: int) -> str:
    """1 -> KESATU (never PERTAMA), 2 -> KEDUA, 12 -> KEDUA BELAS, 21 -> KEDUA PULUH SATU."""
    if number == 1:
        return "KESATU"
    return ("KE" + number_words(number)).upper()  # KE + dua belas, KE + sebelas


def letter(index: int) -> str:
    """0 -> a, 25 -> z, 26 -> aa: the letters of Menimbang items and sub-teams."""
    text = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        text = chr(ord("a") + rest) + text
    return text


def tanggal(value: date) -> str:
    """9 September 2025: no leading zero, Indonesian month names."""
    return format_date(value, "d MMMM y", locale="id")


def lampiran_labels(count: int) -> list[str]:
    """One attachment is just LAMPIRAN; several are LAMPIRAN I, LAMPIRAN II, ..."""
    if count == 1:
        return ["LAMPIRAN"]
    return [f"LAMPIRAN {roman(i + 1)}" for i in range(count)]
