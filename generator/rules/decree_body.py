"""Rules a valid plan can still break: the drafting rules of a decree body, each with a code."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from generator.plan.model import Komponen, Langkah, Rencana, RencanaKeputusan, has_keputusan
from generator.plan.schedule import step_months
from generator.reference import catalog
from generator.rules import drafting
from generator.source.diagnostics import Diagnostic, Severity
from generator.source.inside import position_in
from generator.source.yaml_reader import Path, Source

HIERARKI = ("dasar hukum diurutkan menurut hierarki (UUD 1945, Undang-Undang/Perppu, Peraturan "
            "Pemerintah, Peraturan Presiden, Peraturan Menteri dan Peraturan KPU, Keputusan), "
            "lalu menurut tanggal")


def _short(text: str) -> str:
    """'Undang-Undang Nomor 5 Tahun 2014': a citation up to its title."""
    head = re.split(r"\s+tentang\s+", text, maxsplit=1, flags=re.IGNORECASE)[0]
    return head if len(head) <= 90 else head[:87] + "..."


def warn(source: Source, path: Path, code: str, message: str) -> Diagnostic:
    """A rule warning at the position of a plan path."""
    return Diagnostic(source.file, source.where(path), message, severity=Severity.WARNING,
                      kode=code)


def warn_at(source: Source, path: Path, offset: int, code: str, message: str) -> Diagnostic:
    """A rule warning at character `offset` of the text at a plan path: the line and column of
    the word itself, inside a `>-` block too."""
    return Diagnostic(source.file, position_in(source, path, offset), message,
                      severity=Severity.WARNING, kode=code)


def _error(source: Source, path: Path, code: str, message: str) -> Diagnostic:
    return Diagnostic(source.file, source.where(path), message, kode=code)


def _catalog_hint(source: Source, path: Path, text: str, peraturan: catalog.Peraturan,
                  per: date) -> Diagnostic:
    """A free-text citation of a catalogued regulation: stale when it misses an amendment."""
    amendments = catalog.perubahan_berlaku(peraturan, per)
    if amendments:
        last = amendments[-1]
        named = re.search(rf"Nomor\s+0*{re.escape(last.nomor)}\s+Tahun\s+{last.tahun}", text)
        if not named:
            return warn(source, path, "mengingat-perubahan",
                         f"'{_short(text)}' telah diubah, terakhir dengan "
                         f"'{_short(last.judul())}', tetapi perubahannya tidak disebut; tulis "
                         f"kunci '{peraturan.kunci}' agar kutipannya lengkap")
    return warn(source, path, "mengingat-katalog",
                 f"'{_short(text)}' ada di katalog: tulis kuncinya '{peraturan.kunci}' agar "
                 "kutipan dan perubahannya selalu mutakhir")


def check_mengingat(plan: RencanaKeputusan, source: Source) -> list[Diagnostic]:
    """Order, currency and date of the legal bases, as of the decree's date."""
    found: list[Diagnostic] = []
    per = drafting.reference_date(plan.keputusan)
    entries = catalog.katalog()
    previous: drafting.DasarHukum | None = None
    for item in drafting.dasar_hukum(plan):
        path = ("keputusan", "mengingat", item.indeks)
        peraturan = entries[item.kunci] if item.kunci else (
            catalog.cari(item.rujukan) if item.rujukan else None)
        if item.kunci is None and item.rujukan is not None:
            if previous is not None and previous.rujukan is not None and \
                    item.rujukan.urutan() < previous.rujukan.urutan():
                found.append(warn(source, path, "mengingat-urutan",
                                   f"'{_short(item.teks)}' seharusnya ditulis sebelum "
                                   f"'{_short(previous.teks)}': {HIERARKI}; keputusan "
                                   "mencetaknya menurut urutan itu"))
            else:
                previous = item
        pengganti = entries[peraturan.dicabut_dengan] if peraturan and peraturan.dicabut_dengan \
            else None
        usang = peraturan is not None and pengganti is not None and pengganti.berlaku_sejak <= per
        if usang and pengganti is not None and peraturan is not None and item.kunci:
            found.append(warn(source, path, "mengingat-dicabut",
                               f"'{_short(peraturan.judul())}' telah dicabut dengan "
                               f"'{pengganti.judul()}'; kutip '{pengganti.kunci}'"))
        elif item.kunci is None and peraturan is not None and not usang:
            # a free text of a superseded one is rules/citations.py's 'mengingat-usang'
            found.append(_catalog_hint(source, path, item.teks, peraturan, per))
        dated = peraturan.paling_awal if peraturan else None
        if (dated and dated > per) or (item.rujukan and item.rujukan.tahun > per.year):
            found.append(warn(source, path, "mengingat-sesudah",
                               f"'{_short(item.teks)}' bertanggal sesudah keputusan ini "
                               f"({plan.keputusan.tahun}); keputusan tidak dapat mendasarkan "
                               "diri pada peraturan yang belum ada"))
    return found


_LAMPIRAN = re.compile(r"\bLampiran(?:\s+([IVXLC]+)\b)?", re.IGNORECASE)


def check_diktum(plan: RencanaKeputusan, source: Source, labels: list[str]) -> list[Diagnostic]:
    """A diktum written in the plan must name the attachments that the decree has."""
    found: list[Diagnostic] = []
    for index, text in enumerate(plan.keputusan.diktum or ()):
        for match in _LAMPIRAN.finditer(text):
            named = f"LAMPIRAN {match.group(1).upper()}" if match.group(1) else "LAMPIRAN"
            if named in labels:
                continue
            if not labels:
                have = "keputusan ini tidak punya lampiran"
            elif len(labels) == 1:
                have = "keputusan ini hanya punya satu lampiran, disebut 'Lampiran' saja"
            else:
                have = f"lampirannya {drafting.name_attachments(labels)}"
            found.append(_error(source, ("keputusan", "diktum", index), "diktum-lampiran",
                                f"diktum menyebut '{match.group(0)}', padahal {have}"))
    return found


def langkah_paths(plan: Rencana) -> Iterator[tuple[Path, Langkah]]:
    """Every step of the Rencana Aksi with its path in the plan file."""
    if plan.rencana_aksi is None:
        return
    for a, area in enumerate(plan.rencana_aksi.area):
        groups: list[tuple[Path, list[Komponen]]] = [(("program", p), program.komponen)
                  for p, program in enumerate(area.program or ())]
        groups += [((), area.komponen)] if area.komponen else []
        for prefix, komponen_list in groups:
            for k, komponen in enumerate(komponen_list):
                for i, indikator in enumerate(komponen.indikator):
                    for s, step in enumerate(indikator.langkah):
                        yield (("rencana_aksi", "area", a, *prefix, "komponen", k,
                                "indikator", i, "langkah", s), step)


def check_jadwal(plan: Rencana, source: Source) -> list[Diagnostic]:
    """The 18-column layout ticks months: every step needs months it can tick."""
    if plan.rencana_aksi is None or plan.rencana_aksi.kolom != 18:
        return []
    found = []
    for path, step in langkah_paths(plan):
        if not step_months(step):
            what = f"target waktu '{step.target_waktu}' tidak menyebut bulan" \
                if step.target_waktu else "langkah ini tidak punya jadwal"
            found.append(warn(source, path, "jadwal-kosong",
                               f"{what}, sehingga tata letak 18 kolom tidak dapat mencentang "
                               "bulannya; isi 'jadwal', mis. [3, 6, 9, 12] atau 'triwulan'"))
    return found


def check_decree_body(plan: Rencana, source: Source, labels: list[str]) -> list[Diagnostic]:
    """Every rule over a valid plan; errors and warnings together."""
    found = check_jadwal(plan, source)
    if has_keputusan(plan):
        found += check_mengingat(plan, source) + check_diktum(plan, source, labels)
    return found
