"""Years and months as a text writes them: every year it names, every month it misspells.

Years are told by what stands before them ('Tahun Anggaran 2025', 'Nomor 7 Tahun 2017', 'Juni
2025'), so that a rule can tell this plan's year from a regulation's. A word is a misspelt month
only where a month stands: before a year, after a day, beside another month ('Januarii -
Desember 2025') or after 'bulan'; old spellings ('Nopember', 'Pebruari') are wrong anywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from generator.reference.terms import bulan, bulan_inggris, bulan_keliru, kunci


@dataclass(frozen=True)
class Tahun:
    """A year named in a text, with the words that say what year it is."""

    start: int
    """Where the mention starts: at 'Tahun', 'TA', the month or the year itself."""
    end: int
    """Where the year ends."""
    tahun_start: int
    """Where the four digits start."""
    tahun: int
    """The year."""
    jenis: str
    """'anggaran' (Tahun Anggaran 2025, TA 2025), 'peraturan' (Nomor 7 Tahun 2017, Lembaran
    Negara ... Tahun 2017, 7/2017), 'tanggal' (9 September 2025, 09/09/2025), 'bulan'
    (Desember 2025), 'rentang' (2020-2024, Tahun 2020 s.d. 2024), 'tahun' (tahun 2024) or
    'angka' (a bare 2025)."""


@dataclass(frozen=True)
class BulanSalah:
    """A misspelt month and its right spelling, in the case it was written in."""

    start: int
    """Where the word starts."""
    end: int
    """Where it ends."""
    tertulis: str
    """The word as written: 'Desepmber'."""
    benar: str
    """The month meant: 'Desember' ('DESEMBER' when written in capitals)."""


_YEAR = re.compile(r"(?<![\d.,])(?:19|20)\d\d(?![\d]|[.,]\d)")
_MONTHS = "|".join(bulan())
_BEFORE = (
    ("peraturan", re.compile(r"(?:\b(?:Nomor|No\.?)\s*[\w./-]+\s+Tahun|\b\d[\w./-]*\s+Tahun|"
                             r"\b(?:Lembaran|Berita)\s+Negara(?:\s+Republik\s+Indonesia)?\s+"
                             r"Tahun)\s+$", re.I)),
    ("tanggal", re.compile(r"\b\d{1,2}\s*[/-]\s*\d{1,2}\s*[/-]\s*$")),
    ("peraturan", re.compile(r"\b\d+[A-Z]?\s*/\s*$")),
    ("tanggal", re.compile(rf"\b\d{{1,2}}\s+(?:{_MONTHS})\s*,?\s+$", re.I)),
    ("anggaran", re.compile(r"\b(?:Tahun\s+Anggaran|T\.\s?A\.?|TA\.?)\s*$", re.I)),
    ("rentang", re.compile(r"(?<![\d.,])(?:19|20)\d\d\s*(?:[-–—]|s\.\s?d\.?|sampai\s+dengan|"
                           r"hingga)\s*$", re.I)),
    ("bulan", re.compile(rf"\b(?:{_MONTHS})\s*,?\s+$", re.I)),
    ("tahun", re.compile(r"\bTahun\s+$", re.I)),
)
"""What the words before a year make it, the first that fits wins."""
_RANGE_AFTER = re.compile(r"\s*(?:[-–—]|s\.\s?d\.?|sampai\s+dengan|hingga)\s*(?:19|20)\d\d\b",
                          re.I)


def tahun_disebut(text: str) -> list[Tahun]:
    """Every year of 1900-2099 a text names, with its kind ('anggaran', 'tahun', ...).

    Digits inside longer numbers are no year ('20205', '300.2.2-2138' ends in one that is)."""
    found = []
    for match in _YEAR.finditer(text):
        head = text[max(0, match.start() - 80):match.start()]
        jenis, start = "angka", match.start()
        for kind, pattern in _BEFORE:
            before = pattern.search(head)
            if before:
                jenis, start = kind, match.start() - (len(head) - before.start())
                break
        if jenis in ("angka", "tahun") and _RANGE_AFTER.match(text, match.end()):
            jenis = "rentang"
        if jenis == "rentang":
            start = match.start()
        if jenis == "peraturan" and text[match.start() - 1:match.start()] == "-" and \
                not re.search(r"Tahun\s+$", head, re.I):
            continue
        found.append(Tahun(start, match.end(), match.start(), int(match.group(0)), jenis))
    return found


_WORD = re.compile(r"[^\W\d_]+")
_JOIN = re.compile(r"\s*(?:,|-|–|—|s\.\s?d\.?|sampai\s+dengan|hingga|dan|atau|/)?\s*$", re.I)


@lru_cache(maxsize=4096)
def _month_for(key: str) -> str | None:
    """The month a word that is none is a slip of, if close enough."""
    months = {kunci(m): m for m in bulan()}
    english = {kunci(k): v for k, v in bulan_inggris().items()}
    if key in english:
        return english[key]  # 'July 2025', 'May 2025'
    if len(key) < 4 or key in months:
        return None
    names = {**{k: v for k, v in english.items() if len(k) >= 6}, **months}
    # short English names only as written: 'Maya' is a name, not 'May'; 'Jung' is no 'June'
    best = process.extractOne(key, tuple(names), scorer=fuzz.ratio, score_cutoff=75)
    if best is None:
        return None
    month = best[0]
    if key[0] != month[0] or OSA.distance(key, month) > (1 if len(month) <= 5 else 2):
        return None
    return names[month]


def _in_case(word: str, month: str) -> str:
    return month.upper() if word.isupper() and len(word) > 1 else month


def bulan_salah(text: str) -> list[BulanSalah]:
    """Every misspelt month where a month stands, and old spellings anywhere."""
    months = {kunci(m) for m in bulan()}
    old = {kunci(k): v for k, v in bulan_keliru().items()}
    words = list(_WORD.finditer(text))
    slips = {i: _month_for(kunci(w.group(0))) for i, w in enumerate(words)}

    def is_month(i: int) -> bool:
        return 0 <= i < len(words) and (kunci(words[i].group(0)) in months or
                                         slips[i] is not None)

    found = []
    for i, word in enumerate(words):
        key = kunci(word.group(0))
        if key in old:
            found.append(BulanSalah(word.start(), word.end(), word.group(0),
                                    _in_case(word.group(0), old[key])))
            continue
        month = slips[i]
        if month is None:
            continue
        after = text[word.end():word.end() + 12]
        before = text[max(0, word.start() - 30):word.start()]
        context = (
            re.match(r"\s*,?\s*(?:19|20)\d\d\b", after) or
            re.search(r"\b\d{1,2}\s+$", before) or
            re.search(r"\bbulan\s+$", before, re.I) or
            (i > 0 and is_month(i - 1) and
             _JOIN.fullmatch(text[words[i - 1].end():word.start()])) or
            (i + 1 < len(words) and is_month(i + 1) and
             _JOIN.fullmatch(text[word.end():words[i + 1].start()]))
        )
        if context:
            found.append(BulanSalah(word.start(), word.end(), word.group(0),
                                    _in_case(word.group(0), month)))
    return found
