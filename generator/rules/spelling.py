"""Spelling and years that copying leaves: official terms, months, and last year's year.

Official terms ('Zona Integrasi', 'Angggota') and months ('Desepmber', 'Nopember') are looked
for in every text the plan composes and in every schedule, in every layout; the finding is placed
on the line of the misspelt word, inside a long block too. A year is another plan's when it is
written where this plan's own year belongs: a budget year, a month of a schedule, a title or
cover, or a sentence about this plan ('rencana aksi ... Tahun 2024', 'pada tahun 2024;'). Years
of past events (an evaluation, a report, an award) are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.plan.model import Rencana
from generator.plan.roles import Role, every_string, walk
from generator.reference.dates import Tahun, bulan_salah, tahun_disebut
from generator.reference.terms import salah_ketik
from generator.rules.decree_body import warn, warn_at
from generator.source.diagnostics import Diagnostic
from generator.source.yaml_reader import Path, Source


def teks_rencana(source: Source) -> Iterator[tuple[Path, str]]:
    """Every text the plan composes and every schedule written as text, with its path."""
    for path, role, value in walk(Rencana, source.data):
        if role is Role.PROSE and isinstance(value, str):
            yield path, value
        elif role is Role.SCHEDULE:
            yield from every_string(value, path)
        elif path == ("orang",) and isinstance(value, dict):
            for key, person in value.items():  # a title is written, a name is not checked
                if isinstance(person, dict) and isinstance(person.get("jabatan"), str):
                    yield ("orang", key, "jabatan"), person["jabatan"]


def check_istilah(source: Source, texts: list[tuple[Path, str]]) -> list[Diagnostic]:
    """Official terms written with a slip: the area, komponen, phrase or role it should be."""
    found = []
    for path, text in texts:
        for salah in salah_ketik(text):
            found.append(warn_at(source, path, salah.start, "istilah-salah-eja",
                               f"'{salah.tertulis}': maksud Anda '{salah.benar}'? (istilah "
                               "resmi salah eja)"))
    return found


def check_bulan(source: Source, texts: list[tuple[Path, str]]) -> list[Diagnostic]:
    """Months spelt wrong ('Desepmber') or the old way ('Nopember'), wherever a date stands."""
    found = []
    for path, text in texts:
        for salah in bulan_salah(text):
            found.append(warn_at(source, path, salah.start, "bulan-salah-eja",
                               f"nama bulan '{salah.tertulis}' salah eja: maksud Anda "
                               f"'{salah.benar}'?"))
    return found


_TYPO_YEAR = re.compile(r"\b(?:19|20)\d{3,}\b")
_TITLE_KEYS = frozenset({"tentang", "judul", "sampul"})
"""Fields that title this plan: every year they name is this plan's year."""
_OWN_PLAN = re.compile(
    r"zona\s+integritas|rencana\s+(?:aksi|kerja)|\bwbk\b|\bwbbm\b|\bZI\b|"
    r"komisi\s+pemilihan\s+umum|\bkpu\b", re.I)
"""What a sentence says when it is about this plan or this office."""
_PAST = re.compile(
    r"\b(?:hasil|evaluasi|lakip|lkj\w*|skp|laporan|penghargaan|peringkat|predikat|capaian|"
    r"sejak|telah|sebelum\w*|lalu|maupun|penilaian|realisasi|meraih|memperoleh|diraih|"
    r"mendapat\w*|pemilihan\s+umum\s+tahun|pemilu|pilkada|pemilihan\s+serentak|audit|"
    r"opini|survei|indeks|lhkpn|lhkasn|spt|tahun\s+lalu|terakhir|\w*canang\w*|dibentuk|"
    r"ditetapkan|berhasil|pernah)\b", re.I)
"""Words of a past event: a year beside them is the event's, not a copied one."""
_AFTER_OWN = re.compile(r"\s*(?:[,;:.]|$|\(|adalah\b|memuat\b|ini\b|ditetapkan\b|"
                        r"disusun\b|dilaksanakan\b|sebagai\b|yang\b|dengan\b|\n)", re.I)
"""What follows 'tahun 2024' when it closes a phrase about this plan."""


def _sentence(text: str, start: int, end: int) -> tuple[str, str]:
    """The words of the sentence before and after a span, up to a full stop or semicolon."""
    head = text[:start]
    cut = max(head.rfind(". "), head.rfind(";"), head.rfind(".\n"))
    tail = text[end:]
    stop = min((i for i in (tail.find(". "), tail.find(";"), tail.find(".\n")) if i >= 0),
               default=len(tail))
    return head[cut + 1:], tail[:stop]


def _copied(tahun: Tahun, text: str, title: bool, year: int) -> bool:
    """A year other than the plan's written where the plan's own year belongs."""
    if tahun.jenis not in ("anggaran", "tahun", "bulan"):
        return False
    before, after = _sentence(text, tahun.start, tahun.end)
    if title:  # not 'Capaian dan Penghargaan Tahun 2024' as a chapter's title
        return _PAST.search(before[-90:]) is None
    if tahun.jenis == "anggaran":  # not 'laporan keuangan Tahun Anggaran 2024' of an audit
        clause = before[before.rfind(",") + 1:][-90:]
        return _PAST.search(clause) is None or tahun.tahun > year
    if tahun.jenis == "bulan":
        return not re.search(r"\d\s*$", before)
    if tahun.tahun > year:
        return False  # a target ahead ('pada tahun 2027 meraih WBBM'), not last year's text
    if _PAST.search(before[-90:]):
        return False
    if re.match(r"\s*(?:dan|atau|maupun|s\.\s?d\.?|-|–|,\s*(?:19|20)\d\d)", after):
        return False  # a list of years: a history
    near = before[-120:]
    at = re.search(r"\b(?:di|pada)\s+$", text[:tahun.start], re.I) is not None
    if _OWN_PLAN.search(near) and _AFTER_OWN.match(after):
        return True  # '... KPU Kabupaten Merangin Tahun 2024 memuat', 'rencana aksi tahun 2024;'
    if at and re.match(r"\s*[,;:]|\s*$", after):
        return True  # 'di tahun 2024,': the plan's own year closing a clause
    return at and _OWN_PLAN.search(after) is not None and _PAST.search(after) is None
    # 'Pada tahun 2024 pembangunan itu dilanjutkan dengan rencana aksi ...'


def check_tahun(plan: Rencana, source: Source, texts: list[tuple[Path, str]]
                ) -> list[Diagnostic]:
    """Years that should be the plan's own: budget years, schedules, titles, covers, sentences
    about this plan, and the date of the decree."""
    year = plan.tahun
    found = []
    for path, text in texts:
        for match in _TYPO_YEAR.finditer(text):
            found.append(warn_at(source, path, match.start(), "tahun-salah",
                               f"'{match.group(0)}' bukan tahun: salah ketik?"))
        title = any(key in _TITLE_KEYS for key in path if isinstance(key, str))
        for tahun in tahun_disebut(text):
            if tahun.tahun == year or not _copied(tahun, text, title, year):
                continue
            written = " ".join(text[tahun.start:tahun.end].split())
            if tahun.jenis == "bulan":
                message = (f"'{written}' di rencana tahun {year}: tersalin dari rencana "
                           "lain?")
            elif title and tahun.jenis == "tahun":
                message = f"judul menyebut Tahun {tahun.tahun}, padahal rencana ini tahun {year}"
            else:
                message = (f"tertulis '{written}', padahal rencana ini tahun {year}: tersalin "
                           f"dari rencana lain? maksud Anda '{written[:-4]}{year}'?")
            found.append(warn_at(source, path, tahun.start, "tahun-lain", message))
    for block in ("keputusan", "mandiri"):
        part = getattr(plan, block)
        if part is not None and part.tanggal and part.tanggal.year != part.tahun:
            found.append(warn(source, (block, "tanggal"), "tanggal-tahun",
                              f"tanggal {part.tanggal.isoformat()} tidak jatuh pada tahun "
                              f"{part.tahun}"))
    return found


def check_spelling(plan: Rencana, source: Source) -> list[Diagnostic]:
    """Every spelling and year rule; the same finding twice is reported once."""
    texts = list(teks_rencana(source))
    found = check_istilah(source, texts) + check_bulan(source, texts)
    found += check_tahun(plan, source, texts)
    return list(dict.fromkeys(found))
