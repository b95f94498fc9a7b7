"""Indonesian legal-text forms: roman numerals, diktum ordinals, letters and dates."""

from __future__ import annotations

from datetime import date

from babel.dates import format_date

_SATUAN = ("", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")


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
    """Cardinal number in Indonesian words, lower case, for 0 <= number < 1000."""
    if number == 0:
        return "nol"
    if number < 10:
        return _SATUAN[number]
    if number == 10:
        return "sepuluh"
    if number == 11:
        return "sebelas"
    if number < 20:
        return f"{_SATUAN[number - 10]} belas"
    if number < 100:
        tens, ones = divmod(number, 10)
        return f"{_SATUAN[tens]} puluh" + (f" {_SATUAN[ones]}" if ones else "")
    if number < 1000:
        hundreds, rest = divmod(number, 100)
        head = "seratus" if hundreds == 1 else f"{_SATUAN[hundreds]} ratus"
        return head + (f" {number_words(rest)}" if rest else "")
    raise ValueError("number_words handles numbers below 1000")


def diktum_word(number: int) -> str:
    """1 -> KESATU (never PERTAMA), 2 -> KEDUA, 12 -> KEDUA BELAS, 21 -> KEDUA PULUH SATU."""
    if number == 1:
        return "KESATU"
    words = number_words(number).split(" ")
    # 'ke-' attaches to the first word: 'ke' + 'dua belas'; 'se-' forms take 'kese-'
    return ("KE" + " ".join(words)).upper()


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
