"""Free-text legal bases checked against the catalog, in the Mengingat and the booklet's Dasar
Hukum alike: what a copied citation gets wrong (its Lembaran Negara, its amendment chain, its
title), a regulation long superseded, and a Lembaran Negara year before the regulation itself."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from rapidfuzz import fuzz

from generator.plan.model import Rencana
from generator.plan.roles import Role, marked
from generator.reference import catalog
from generator.source.diagnostics import Diagnostic, Severity
from generator.source.inside import position_in
from generator.source.yaml_reader import Path, Source

_RI = r"(?:\s+(?:Republik\s+Indonesia|RI))?"
_LN = re.compile(r"(?<!Tambahan )Lembaran\s+Negara" + _RI +
                 r"(?:\s+Tahun\s+(\d{4}))?\s+Nomor\s+(\d+)", re.IGNORECASE)
_TLN = re.compile(r"Tambahan\s+Lembaran\s+Negara" + _RI + r"\s+Nomor\s+(\d+)", re.IGNORECASE)
_BN = re.compile(r"Berita\s+Negara" + _RI + r"\s+Tahun\s+(\d{4})\s+Nomor\s+(\d+)",
                 re.IGNORECASE)
_CHAIN = re.compile(r"sebagaimana\s+telah\s+(?:beberapa\s+kali\s+|\w+\s+kali\s+)?diubah"
                    r"(?:\s+terakhir)?\s+(?:dengan|oleh)\s+", re.IGNORECASE)
_TITLE = re.compile(r"\btentang\s+(.+?)(?=\s*\(|\s*,?\s+sebagaimana\b|\s*[;.]?\s*$)",
                    re.IGNORECASE | re.DOTALL)

SAMA_JUDUL = 85.0
"""Least similarity (rapidfuzz ratio) of a written title to the catalog's to be the same title:
spelling ('Walikota'/'Wali Kota') and markup aside, another regulation's title scores far less."""


@dataclass(frozen=True)
class Kutipan:
    """One legal basis as written in the plan."""

    path: Path
    """Where it is in the plan file."""
    teks: str
    """The text as read."""


def kutipan_rencana(plan: Rencana, source: Source) -> list[Kutipan]:
    """Every legal basis of the plan, Mengingat and Dasar Hukum, in the order written."""
    return [Kutipan((*path, index), item)
            for path, items in marked(Rencana, source.data, Role.CITATION)
            for index, item in enumerate(items or ()) if isinstance(item, str)]


def _kunci_dicabut(source: Source, cite: Kutipan, per: date) -> list[Diagnostic]:
    """A catalog key of a replaced regulation in the booklet's Dasar Hukum (the Mengingat's
    keys are decree_body's), with the same code and words as in the Mengingat."""
    peraturan = catalog.katalog()[cite.teks.strip()]
    replaced = _pengganti(peraturan, per)
    if not replaced or cite.path[:2] == ("keputusan", "mengingat"):
        return []
    now = replaced[-1]
    return [Diagnostic(source.file, source.where(cite.path),
                       f"'{_short(peraturan.judul())}' telah dicabut dengan '{now.judul()}'; "
                       f"kutip '{now.kunci}'", severity=Severity.WARNING,
                       kode="mengingat-dicabut")]


def _short(text: str) -> str:
    """'Undang-Undang Nomor 5 Tahun 2014': a citation up to its title."""
    head = re.split(r"\s+tentang\s+", text, maxsplit=1, flags=re.IGNORECASE)[0]
    head = " ".join(head.split())
    return head if len(head) <= 120 else head[:117] + "..."


def _nama(peraturan: catalog.Peraturan) -> str:
    """'Peraturan Menteri PANRB Nomor 52 Tahun 2014': short enough to name in a message."""
    kind = "Peraturan Menteri PANRB" if peraturan.jenis == "permen" else \
        catalog.JENIS[peraturan.jenis][0]
    return f"{kind} Nomor {peraturan.nomor} Tahun {peraturan.tahun}"


def _same_title(written: str, official: str) -> bool:
    """The same title but for markup, punctuation and spelling slips: no finding for those."""
    def norm(text: str) -> str:
        text = text.replace("*", "").replace("Wali Kota", "Walikota").lower()
        return " ".join(re.sub(r"[^\w/ ]+", " ", text).split())
    return fuzz.ratio(norm(written), norm(official)) >= SAMA_JUDUL


def _pengganti(peraturan: catalog.Peraturan, per: date) -> list[catalog.Peraturan]:
    """The replacements in force on a date, from the first to the one in force now."""
    entries = catalog.katalog()
    chain: list[catalog.Peraturan] = []
    current = peraturan
    while current.dicabut_dengan and len(chain) < 10:
        nxt = entries[current.dicabut_dengan]
        if nxt.berlaku_sejak > per:
            break
        chain.append(nxt)
        current = nxt
    return chain


class _Checker:
    """The findings on one citation."""

    def __init__(self, source: Source, cite: Kutipan, per: date):
        """One citation, as of the decree's date (what was in force then)."""
        self.source, self.cite, self.per = source, cite, per
        self.found: list[Diagnostic] = []

    def say(self, offset: int, code: str, message: str, *, error: bool = False) -> None:
        """A finding at the line of the words it is about, inside a `>-` block too."""
        where = position_in(self.source, self.cite.path, offset)
        self.found.append(Diagnostic(self.source.file, where, message, kode=code,
                                     severity=Severity.ERROR if error else Severity.WARNING))

    def check(self) -> list[Diagnostic]:
        """Superseded first (then nothing else matters), else each difference from the catalog."""
        text = self.cite.teks
        chain = _CHAIN.search(text)
        main = text[:chain.start()] if chain else text
        number = catalog.nomor_rujukan(main)
        rujukan = catalog.baca_rujukan(main)
        if rujukan is None or number is None or rujukan.tingkat == 1:
            return []
        peraturan = catalog.cari(rujukan)
        if peraturan is None:
            self.ln_year(main, 0, rujukan.tahun, None)
            return self.found
        replaced = _pengganti(peraturan, self.per)
        if replaced:
            self.usang(peraturan, replaced, number.start())
            return self.found
        self.compare(main, 0, peraturan)
        if chain:
            self.amendment(text, chain, peraturan)
        return self.found

    def usang(self, peraturan: catalog.Peraturan, replaced: list[catalog.Peraturan],
              offset: int) -> None:
        """A regulation replaced before the decree: propose the one in force now."""
        now = replaced[-1]
        steps = ", lalu ".join(f"'{_nama(p)}'" for p in replaced)
        history = f" (diganti dengan {steps})" if len(replaced) > 1 else ""
        self.say(offset, "mengingat-usang",
                 f"'{_nama(peraturan)}' sudah tidak berlaku{history}; tersalin dari keputusan "
                 f"lama? Maksud Anda '{now.judul().replace('*', '')}'? Tulis kuncinya "
                 f"'{now.kunci}'")

    def ln_year(self, part: str, base: int, tahun: int, peraturan: catalog.Peraturan | None
                ) -> bool:
        """A Lembaran (or Berita) Negara year before the regulation's own; True when reported."""
        for pattern, name, known in ((_LN, "Lembaran Negara", peraturan and peraturan.ln),
                                     (_BN, "Berita Negara", peraturan and peraturan.bn)):
            found = pattern.search(part)
            if found and found.group(1) and int(found.group(1)) < tahun:
                hint = f"; maksud Anda Tahun {known[0]}?" if known else \
                    f"; {name} tidak mungkin sebelum Tahun {tahun}"
                self.say(base + found.start(1), "mengingat-tahun",
                         f"'{_short(part)}' dimuat di {name} Tahun {found.group(1)}, sebelum "
                         f"peraturannya sendiri ({tahun}){hint}", error=True)
                return True
        return False

    def compare(self, part: str, base: int, peraturan: catalog.Peraturan) -> None:
        """What the written citation says differently from the catalog."""
        name = _short(part)
        fix = f"tulis kunci '{peraturan.kunci}' agar kutipannya dibuat dari katalog"
        title = _TITLE.search(part)
        if title and not _same_title(title.group(1), peraturan.tentang):
            self.say(base + title.start(1), "mengingat-beda",
                     f"'{name}' berjudul '{peraturan.tentang.replace('*', '')}', bukan "
                     f"'{' '.join(title.group(1).split())}': judul peraturan lain yang "
                     f"tersalin? {fix.capitalize()}")
        too_early = self.ln_year(part, base, peraturan.tahun, peraturan)
        ln = _LN.search(part)
        if ln and peraturan.ln and not too_early:
            year, number = ln.group(1), int(ln.group(2))
            if (year and int(year) != peraturan.ln[0]) or number != peraturan.ln[1]:
                shown = f"Tahun {year} Nomor {number}" if year else f"Nomor {number}"
                self.say(base + ln.start(1 if year else 2), "mengingat-beda",
                         f"'{name}' dimuat di Lembaran Negara Tahun {peraturan.ln[0]} Nomor "
                         f"{peraturan.ln[1]}, bukan {shown}; maksud Anda Tahun "
                         f"{peraturan.ln[0]} Nomor {peraturan.ln[1]}? Atau {fix}")
        tln = _TLN.search(part)
        if tln and peraturan.tln and int(tln.group(1)) != peraturan.tln:
            self.say(base + tln.start(1), "mengingat-beda",
                     f"'{name}': Tambahan Lembaran Negara-nya Nomor {peraturan.tln}, bukan "
                     f"Nomor {tln.group(1)}; maksud Anda Nomor {peraturan.tln}? Atau {fix}")
        bn = _BN.search(part)
        if bn and peraturan.bn and (int(bn.group(1)), int(bn.group(2))) != peraturan.bn \
                and int(bn.group(1)) >= peraturan.tahun:
            self.say(base + bn.start(1), "mengingat-beda",
                     f"'{name}' dimuat di Berita Negara Tahun {peraturan.bn[0]} Nomor "
                     f"{peraturan.bn[1]}, bukan Tahun {bn.group(1)} Nomor {bn.group(2)}; "
                     f"maksud Anda Tahun {peraturan.bn[0]} Nomor {peraturan.bn[1]}? Atau {fix}")

    def amendment(self, text: str, chain: re.Match[str], peraturan: catalog.Peraturan) -> None:
        """The amendment named must be one of the regulation's amendments."""
        rest = text[chain.end():]
        named = catalog.baca_rujukan(rest)
        if named is None:
            return
        amending = catalog.cari(named)
        if amending is None:
            return  # a Perppu or an amendment the catalog does not know: nothing to say
        keys = peraturan.diubah_dengan
        if amending.kunci in keys:
            self.compare(rest, chain.end(), amending)
            return
        shown = _short(rest)
        if not keys:
            truth = "peraturan itu tidak pernah diubah"
        else:
            entries = catalog.katalog()
            truth = "perubahannya: " + ", ".join(f"'{_nama(entries[k])}'" for k in keys)
        self.say(chain.end(), "mengingat-beda",
                 f"'{_short(text)}' tidak diubah dengan '{shown}': {truth}; rantai perubahan "
                 f"tersalin keliru? Tulis kunci '{peraturan.kunci}' agar perubahannya dikutip "
                 "dari katalog")


def check_citations(plan: Rencana, source: Source) -> list[Diagnostic]:
    """Every free-text legal basis against the catalog, as of the decree's (or plan's) date."""
    part = plan.keputusan or plan.mandiri
    per = (part.tanggal if part and part.tanggal else None) or date(plan.tahun, 12, 31)
    found = []
    entries = catalog.katalog()
    for cite in kutipan_rencana(plan, source):
        if cite.teks.strip() in entries:
            found += _kunci_dicabut(source, cite, per)
        else:
            found += _Checker(source, cite, per).check()
    return found
