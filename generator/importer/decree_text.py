"""The decree body read back: satker, number, subject, Menimbang, Mengingat, diktum, penetapan
and the salinan's authentication, from the lines of whatever layout the office used."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from generator.importer.lines import Line
from generator.importer.notes import Guess
from generator.plan.schedule import BULAN
from generator.text import indonesian

_TITLE = re.compile(r"^KEPUTUSAN\s+(?:KETUA\s+)?KOMISI\s+PEMILIHAN\s+UMUM\b\s*(.*)$",
                    re.IGNORECASE)
_NOMOR = re.compile(r"^NOMOR\s*:?\s*(.*?)\s*TAHUN\s+(\d{4})\s*$", re.IGNORECASE)
_NOMOR_ONLY = re.compile(r"^NOMOR\s*:?\s*(.+?)\s*$", re.IGNORECASE)
_WILAYAH = re.compile(r"^(KABUPATEN|KOTA|PROVINSI)\s+(.+?),?$", re.IGNORECASE)
_MARKER = re.compile(r"^(?:([a-z])|(\d{1,2}))[.)]\s*(.*)$", re.DOTALL)
_DATE = re.compile(r"(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})")
DIKTUM_WORDS = {indonesian.diktum_word(i): i for i in range(1, 31)} | {"PERTAMA": 1}
"""Ordinal words of the diktum, KESATU to KETIGA PULUH, and PERTAMA as some offices write."""
_CLOSING = "bahwa berdasarkan pertimbangan sebagaimana dimaksud"


class NotADecree(ValueError):
    """The file has no decree title; the message says what was looked for."""


@dataclass
class DecreeText:
    """What the decree body says, before it is compared with what zi would write."""

    tingkat: str = ""
    """provinsi, kabupaten or kota."""
    wilayah: str = ""
    """The region's name in capitals, as in the title, e.g. 'KUTAI TIMUR'."""
    nomor: str | None = None
    """The decree's number; None for a draft's dots."""
    tahun: int = 0
    """Its year."""
    tentang: str = ""
    """The subject as in the title (capitals)."""
    menimbang: list[str] = field(default_factory=list)
    """Considerations, without letters and the closing ';'."""
    mengingat: list[str] = field(default_factory=list)
    """Legal bases, without numbers and the closing ';'."""
    memperhatikan: list[str] = field(default_factory=list)
    """Items under 'Memperhatikan', which zi does not print."""
    diktum: list[str] = field(default_factory=list)
    """Diktum texts in order, without their ordinal words."""
    diktum_words: list[str] = field(default_factory=list)
    """The ordinal words as written, to notice a jump (KEDUA then KEEMPAT)."""
    tempat: str = ""
    """'Ditetapkan di' place."""
    tanggal: date | None = None
    """'pada tanggal' date, when written out."""
    penandatangan: str = ""
    """The signer's name as printed (capitals)."""
    pengesah_jabatan: str = ""
    """The authenticating official's title (salinan)."""
    pengesah_nama: str = ""
    """The authenticating official's name (salinan)."""
    pengesah_nip: str = ""
    """Their NIP, when printed."""
    guesses: list[Guess] = field(default_factory=list)
    """What could not be read."""


def _parse_date(text: str) -> date | None:
    found = _DATE.search(text)
    if not found or found.group(2).capitalize() not in BULAN:
        return None
    try:
        return date(int(found.group(3)), BULAN.index(found.group(2).capitalize()) + 1,
                    int(found.group(1)))
    except ValueError:
        return None


def _label(line: Line) -> tuple[str, list[str]]:
    """A line's leading label ('menimbang', 'KESATU', ...) and the rest of its fields."""
    fields = [f for f in line.fields]
    while fields and not fields[0]:
        fields.pop(0)
    if not fields:
        return "", []
    first = fields[0]
    head = re.match(r"^(Menimbang|Mengingat|Memperhatikan|Menetapkan)\s*:?\s*(.*)$", first,
                    re.IGNORECASE | re.DOTALL)
    if head:
        rest = [head.group(2)] + fields[1:] if head.group(2) else fields[1:]
        return head.group(1).lower(), _drop_colon(rest)
    word = re.match(r"^(KE[A-Z ]+?|PERTAMA)\s*[:.]\s*(.*)$|^(KE[A-Z ]+?|PERTAMA)$", first,
                    re.DOTALL)
    if word:
        name = (word.group(1) or word.group(3)).strip()
        if name in DIKTUM_WORDS:
            rest = [word.group(2)] + fields[1:] if word.group(2) else fields[1:]
            return name, _drop_colon(rest)
    return "", _drop_colon(fields)


def _drop_colon(fields: list[str]) -> list[str]:
    while fields and fields[0].strip() in (":", ""):
        fields.pop(0)
    if fields and fields[0].startswith(":"):
        fields[0] = fields[0][1:].strip()
    return fields


def strip_end(text: str) -> str:
    text = " ".join(text.split())
    return re.sub(r"(?:\s*;\s*(?:dan)?|\s*,\s*dan|\s*\.)\s*$", "", text).strip()


_ITEM_STARTS = {
    "menimbang": re.compile(r"^bahwa\b", re.IGNORECASE),
    "mengingat": re.compile(r"^(Undang|Peraturan|Keputusan|Instruksi|Surat Edaran)\b"),
    "memperhatikan": re.compile(r"^$"),
}
"""Without letters or numbers, an item still starts where its first word says so."""


class _Items:
    """Lettered or numbered items, continued over lines until the next marker."""

    def __init__(self, section: str = "") -> None:
        self.items: list[str] = []
        self.starts = _ITEM_STARTS.get(section)

    def add(self, fields: list[str], numbered: bool) -> None:
        text = " ".join(f for f in fields if f).strip()
        if not text:
            return
        marker = _MARKER.match(fields[0]) if fields else None
        if marker and (len(fields) > 1 or marker.group(3)):
            text = " ".join([marker.group(3)] + [f for f in fields[1:] if f]).strip()
            self.items.append(text)
        elif numbered or not self.items or (self.starts is not None and self.starts.match(text)
                                            and self.items[-1].rstrip().endswith((";", ":"))):
            self.items.append(text)
        else:
            self.items[-1] += " " + text

    def done(self) -> list[str]:
        return [strip_end(item) for item in self.items if strip_end(item)]


def read_decree(lines: Sequence[Line]) -> DecreeText:
    """The decree body's facts, from its title to the salinan's authentication."""
    result = DecreeText()
    index = _title(lines, result)
    section = "judul"
    items = _Items()
    menetapkan: list[str] = []
    sections: dict[str, list[str]] = {}
    while index < len(lines):
        line = lines[index]
        text = line.text
        lower = text.lower()
        if section in ("judul", "pejabat") and not _label(line)[0]:
            if section == "judul" and (lower.startswith("ketua ") or text.endswith(",")):
                section = "pejabat"
            elif section == "judul":
                result.tentang = f"{result.tentang} {text}".strip()
            index += 1
            continue
        if lower.startswith("ditetapkan di"):
            _signature(lines, index, result)
            break
        if text.replace(" ", "").upper().startswith("MEMUTUSKAN"):
            if section in ("menimbang", "mengingat", "memperhatikan"):
                sections[section] = items.done()
            section = "memutuskan"
            index += 1
            continue
        label, rest = _label(line)
        if label in ("menimbang", "mengingat", "memperhatikan"):
            if section in ("menimbang", "mengingat", "memperhatikan"):
                sections[section] = items.done()
            section, items = label, _Items(label)
            items.add(rest, line.numbered)
        elif label == "menetapkan":
            section = "menetapkan"
            menetapkan = rest
        elif label in DIKTUM_WORDS:
            if section != "diktum":
                section, items = "diktum", _Items()
            result.diktum_words.append(label)
            items.items.append(" ".join(rest))
        elif section in ("menimbang", "mengingat", "memperhatikan"):
            items.add(rest, line.numbered)
        elif section == "diktum" and items.items:
            items.items[-1] += " " + " ".join(rest)
        elif section == "menetapkan":
            menetapkan.append(text)
        index += 1
    if section in ("menimbang", "mengingat", "memperhatikan", "diktum"):
        sections[section] = items.done()
    result.menimbang = sections.get("menimbang", [])
    result.mengingat = sections.get("mengingat", [])
    result.memperhatikan = sections.get("memperhatikan", [])
    result.diktum = [" ".join(d.split()) for d in sections.get("diktum", [])]
    _fill_in(result)
    if not result.menimbang or not result.mengingat:
        missing = "Menimbang" if not result.menimbang else "Mengingat"
        result.guesses.append(Guess(("keputusan",), f"bagian {missing} tidak ditemukan; "
                                    "isi sendiri", unread=True))
    return result


def _fill_in(result: DecreeText) -> None:
    """A year and a subject where the title line lacked them: the year from the number
    ('87/HK.03.1-Kpt/1502/2025'), the date, or the subject ('... TAHUN 2025')."""
    if not result.tahun:
        for source in (result.nomor or "", result.tentang):
            found = re.search(r"(?:/|\bTAHUN\s+)(20\d\d)\b", source, re.IGNORECASE)
            if found:
                result.tahun = int(found.group(1))
                break
        else:
            result.tahun = result.tanggal.year if result.tanggal else 0
        if result.tahun:
            result.guesses.append(Guess(("keputusan", "tahun"), "tebakan: baris NOMOR tidak "
                                        "menyebut TAHUN; tahunnya diambil dari nomor, judul, "
                                        "atau tanggal"))
        else:
            result.guesses.append(Guess(("keputusan", "tahun"), "tahun keputusan tidak "
                                        "terbaca; tulis tahunnya", unread=True))
    if not result.tentang:
        result.tentang = "(tulis judul keputusan)"
        result.guesses.append(Guess(("keputusan", "tentang"), "judul (TENTANG ...) tidak "
                                    "terbaca; tulis judulnya", unread=True))


_HEAD = re.compile(r"^KEPUTUSAN\s+(?:KETUA\s+)?KOMISI\s+PEMILIHAN\s+UMUM\b\s*(.*?)"
                   r"(?:\s+NOMOR\b\s*:?\s*(.*?))?(?:\s+TENTANG\b\s*:?\s*(.*))?$",
                   re.IGNORECASE)


def _title(lines: Sequence[Line], result: DecreeText) -> int:
    """Reads 'KEPUTUSAN KOMISI PEMILIHAN UMUM <WILAYAH>' / 'NOMOR ...' / 'TENTANG', however the
    lines break ('... KABUPATEN KUTAI' / 'TIMUR NOMOR 400 TAHUN 2025'); the index of the first
    line of the subject."""
    for index, line in enumerate(lines[:80]):
        if not _TITLE.match(line.text):
            continue
        following = index
        joined: list[str] = []
        while following < len(lines) and following < index + 8:
            text = lines[following].text
            if joined and (text.upper().startswith("TENTANG") or text.endswith(",")
                           or _label(lines[following])[0]):
                break
            joined.append(text)
            following += 1
        head = _HEAD.match(" ".join(joined))
        assert head is not None  # _TITLE matched its start
        region = _WILAYAH.match(head.group(1).strip())
        if not region:
            raise NotADecree(f"judul keputusan ({line.place}) tidak menyebut kabupaten, kota, "
                             f"atau provinsi: '{' '.join(joined)}'")
        result.tingkat = region.group(1).lower()
        result.wilayah = region.group(2).strip()
        if head.group(2) is not None:
            nomor = _NOMOR.match(f"NOMOR {head.group(2)}")
            value = (nomor.group(1) if nomor else head.group(2)).strip(" :")
            result.nomor = None if not value.strip(". …") else value
            if nomor:
                result.tahun = int(nomor.group(2))
        if head.group(3):
            result.tentang = head.group(3).strip()
        elif following < len(lines) and lines[following].text.upper().startswith("TENTANG"):
            result.tentang = lines[following].text[len("TENTANG"):].strip(" :")
            following += 1
        return following
    raise NotADecree("tidak ada judul 'KEPUTUSAN KOMISI PEMILIHAN UMUM ...' di awal berkas; "
                     "bukan keputusan KPU?")


def _signature(lines: Sequence[Line], index: int, result: DecreeText) -> None:
    """'Ditetapkan di', 'pada tanggal', the title, 'ttd.', the name; then 'Salinan sesuai ...'."""
    result.tempat = lines[index].text[len("ditetapkan di"):].strip(" :")
    index += 1
    if index < len(lines) and lines[index].text.lower().startswith("pada tanggal"):
        result.tanggal = _parse_date(lines[index].text)
        index += 1
    while index < len(lines):
        text = lines[index].text
        index += 1
        if text.lower().startswith(("ketua", "komisi")) or text.endswith(",") or \
                _WILAYAH.match(text) or text.lower().rstrip(".") in ("ttd", "dto", "ttd"):
            continue
        if text.lower().startswith("salinan sesuai"):
            index -= 1
            break
        result.penandatangan = text
        break
    while index < len(lines) and not lines[index].text.lower().startswith("salinan sesuai"):
        index += 1
    if index < len(lines):
        index += 1
        title_lines: list[str] = []
        while index < len(lines):
            text = lines[index].text
            index += 1
            if text.upper().startswith(("SEKRETARIAT", "KOMISI")) or _WILAYAH.match(text):
                continue
            if text.endswith(","):
                title_lines.append(text.rstrip(","))
                continue
            if text.upper().startswith("NIP"):
                result.pengesah_nip = text[3:].strip(" .:")
                break
            if not result.pengesah_nama:
                result.pengesah_nama = text
                if index < len(lines) and lines[index].text.upper().startswith("NIP"):
                    result.pengesah_nip = lines[index].text[3:].strip(" .:")
                break
        result.pengesah_jabatan = " ".join(title_lines)


def closing_consideration(text: str) -> bool:
    """True for the standard last consideration ('bahwa berdasarkan pertimbangan ...')."""
    return text.lower().startswith(_CLOSING)
