"""`zi rollover`: next year's plan from this year's, changing only what is tied to the year.

The new plan is the old file's text with the year edited in place, so its comments, key order,
quoting and line breaks stay exactly as they were and a diff shows only what changed. Which
scalars to edit comes from the YAML node tree (their exact spans in the text); comments are
never touched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from generator import catalog, drafting
from generator.model import Rencana
from generator.validate import check_file

_YEAR = re.compile(r"(?<![\d.,/-])\b(\d{4,})\b(?![\d/])")
_CITATION = re.compile(r"(?:Nomor\s+\S+\s+Tahun|Negara\s+Republik\s+Indonesia\s+Tahun)\s*$",
                       re.IGNORECASE)
_REPORT = re.compile(r"(?:LAKIP|LKjIP|SAKIP|SKP|Laporan\s+Kinerja|Laporan\s+Tahunan|"
                     r"Laporan\s+Keuangan|tahun\s+sebelumnya)\b[^.;:\n]{0,40}$", re.IGNORECASE)
"""A year shortly after the name of an annual report is that report's year."""
_SKIP = {"mengingat", "dasar_hukum", "orang", "jadwal", "satker", "kolom", "tampilan",
         "capaian", "penandatangan", "pengesah_salinan", "tanpa_komponen"}
"""Fields whose years are not the plan's: citations, names, keys, months."""
_CLEARED = (("keputusan", "nomor"), ("keputusan", "tanggal"), ("mandiri", "tanggal"))


@dataclass
class Perubahan:
    """One edit of the old text."""

    baris: int
    """Line in the old file, from 1."""
    lama: str
    """The text replaced."""
    baru: str
    """Its replacement ('' for a removed entry)."""
    alasan: str
    """Why, in Bahasa Indonesia."""


@dataclass
class Hasil:
    """The new plan's text and what a person should look at."""

    teks: str
    """The new plan, ready to write."""
    perubahan: list[Perubahan] = field(default_factory=list)
    """Every edit made."""
    tinjau: list[str] = field(default_factory=list)
    """What needs a human look: amended regulations, people, years left alone."""


def _walk(node: yaml.Node, path: tuple):
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _walk(value, (*path, key.value))
            yield ("key", (*path, key.value), key, value)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from _walk(item, (*path, index))
    elif isinstance(node, yaml.ScalarNode):
        yield ("scalar", path, node, None)


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _line_end(text: str, index: int) -> int:
    end = text.find("\n", index)
    return len(text) if end < 0 else end + 1


def rollover(path: Path, tahun_baru: int) -> Hasil:
    """Next year's plan text from a valid plan file; raises PlanError if the plan is invalid."""
    plan = check_file(path).plan
    old = plan.tahun
    shift = tahun_baru - old
    text = path.read_text(encoding="utf-8-sig")
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    edits: list[tuple[int, int, str, Perubahan]] = []
    review: list[str] = []

    def line_of(index: int) -> int:
        return text.count("\n", 0, index) + 1

    for kind, node_path, node, value in _walk(root, ()):
        if kind == "key":
            if tuple(node_path) in _CLEARED:
                start = _line_start(text, node.start_mark.index)
                end = _line_end(text, value.end_mark.index - 1)
                old_text = text[start:end]
                edits.append((start, end, "", Perubahan(line_of(start), old_text.strip(), "",
                                                        "dikosongkan untuk tahun baru")))
            continue
        if any(part in _SKIP for part in node_path if isinstance(part, str)):
            continue
        if node_path in (("keputusan", "tahun"), ("mandiri", "tahun")):
            start, end = node.start_mark.index, node.end_mark.index
            edits.append((start, end, str(tahun_baru),
                          Perubahan(line_of(start), text[start:end], str(tahun_baru),
                                    "tahun rencana")))
            continue
        if node.tag != "tag:yaml.org,2002:str" or (
                isinstance(node_path[-1], int) and node.value in catalog.katalog()):
            continue
        span_start, span_end = node.start_mark.index, node.end_mark.index
        span = text[span_start:span_end]
        for match in _YEAR.finditer(span):
            digits = match.group(1)
            at = span_start + match.start(1)
            before = span[max(0, match.start() - 40):match.start()]
            if len(digits) > 4:
                review.append(f"baris {line_of(at)}: '{digits}' bukan tahun (salah ketik?), "
                              "dibiarkan")
                continue
            year = int(digits)
            if not 1945 <= year <= 2100:
                continue
            if _CITATION.search(before):
                continue  # a regulation's own year
            if year == old:
                reason = "tahun rencana"
            elif year == old - 1 and _REPORT.search(before):
                reason = "tahun laporan sebelumnya"
            else:
                context = " ".join(before.split())[-30:]
                review.append(f"baris {line_of(at)}: tahun {year} dibiarkan (\"...{context} "
                              f"{year}\")")
                continue
            edits.append((at, at + 4, str(year + shift),
                          Perubahan(line_of(at), digits, str(year + shift), reason)))

    new_text = text
    for start, end, replacement, _ in sorted(edits, key=lambda e: e[0], reverse=True):
        new_text = new_text[:start] + replacement + new_text[end:]
    result = Hasil(new_text, [e[3] for e in sorted(edits, key=lambda e: e[0])])
    result.tinjau = _regulation_review(plan, tahun_baru) + _people_review(plan) + review
    return result


def _bases(plan: Rencana) -> list[str]:
    keys = list(plan.keputusan.mengingat) if plan.keputusan else []
    if plan.rencana_kerja:
        for bab in plan.rencana_kerja.bab:
            for bagian in bab.bagian:
                keys += bagian.dasar_hukum or []
    entries = catalog.katalog()
    return list(dict.fromkeys(k for k in keys if k in entries))


def _regulation_review(plan: Rencana, tahun_baru: int) -> list[str]:
    """Regulations amended or replaced between the old decree and the new year."""
    if plan.keputusan is None:
        return []
    before = drafting.tanggal_acuan(plan.keputusan)
    after = date(tahun_baru, 12, 31)
    entries = catalog.katalog()
    found = []
    for key in _bases(plan):
        peraturan = entries[key]
        new = [p for p in catalog.perubahan_berlaku(peraturan, after)
               if p not in catalog.perubahan_berlaku(peraturan, before)]
        if new:
            found.append(f"{key}: kini juga diubah dengan {new[-1].judul()}; kutipannya "
                         "diperbarui otomatis, periksa isinya")
        if peraturan.dicabut_dengan:
            replacement = entries[peraturan.dicabut_dengan]
            if before < replacement.berlaku_sejak <= after:
                found.append(f"{key}: dicabut dengan {replacement.judul()}; ganti dengan "
                             f"'{replacement.kunci}'")
    return found


def _people_review(plan: Rencana) -> list[str]:
    people = ", ".join(f"{p.nama}" for p in plan.orang.values())
    return [f"orang: pastikan masih menjabat dan jabatannya benar: {people}"]


def nama_baru(path: Path, tahun_lama: int, tahun_baru: int) -> Path:
    """kutai-timur-2025.yaml -> kutai-timur-2026.yaml; otherwise <name>-2026.yaml."""
    if str(tahun_lama) in path.stem:
        return path.with_name(path.stem.replace(str(tahun_lama), str(tahun_baru)) + path.suffix)
    return path.with_name(f"{path.stem}-{tahun_baru}{path.suffix}")
