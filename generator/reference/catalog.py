"""The regulation catalog: full citations, amendments as of a date, and the order of legislation."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from generator.source.yaml_reader import FastSafeLoader

JENIS = {
    "uud": ("Undang-Undang Dasar Negara Republik Indonesia", 1),
    "uu": ("Undang-Undang", 2),
    "perppu": ("Peraturan Pemerintah Pengganti Undang-Undang", 2),
    "pp": ("Peraturan Pemerintah", 3),
    "perpres": ("Peraturan Presiden", 4),
    "permen": ("Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi", 5),
    "pkpu": ("Peraturan Komisi Pemilihan Umum", 5),
    "keppres": ("Keputusan Presiden", 6),
    "kepkpu": ("Keputusan Komisi Pemilihan Umum", 6),
}
"""Each kind's name as cited and its level in the hierarchy of UU 12/2011 (1 is highest)."""

_LN = "Lembaran Negara Republik Indonesia"

KEY_PATTERN = re.compile(r"^[a-z]+-[0-9a-z.]+-\d{4}$")
"""A catalog key as written in a plan: jenis-nomor-tahun, e.g. uu-7-2017."""


@dataclass(frozen=True)
class Peraturan:
    """One regulation of the catalog."""

    kunci: str
    """Catalog key, e.g. 'uu-7-2017'."""
    jenis: str
    """Kind: uu, perppu, pp, perpres, permen, pkpu, keppres, kepkpu."""
    nomor: str
    """Number as cited, e.g. '7' or '314/ORT.07-Kpt/01/KPU/V/2021'."""
    tahun: int
    """Year."""
    tentang: str
    """Official title (may hold *italic* markup)."""
    tanggal: date | None = None
    """Date of promulgation, where a source gives it."""
    judul_jenis: str | None = None
    """The kind's name where it differs from the usual one (an older ministry name)."""
    ln: tuple[int, int] | None = None
    """Lembaran Negara: year and number."""
    tln: int | None = None
    """Tambahan Lembaran Negara number."""
    bn: tuple[int, int] | None = None
    """Berita Negara: year and number."""
    diubah_dengan: tuple[str, ...] = ()
    """Keys of the regulations that amended it, oldest first."""
    dicabut_dengan: str | None = None
    """Key of the regulation that replaced it."""
    sumber: str = ""
    """Where each fact comes from."""

    @property
    def tingkat(self) -> int:
        """Level in the hierarchy of legislation (1 is the constitution)."""
        return JENIS[self.jenis][1]

    @property
    def berlaku_sejak(self) -> date:
        """The latest day it can date from: its date, or the year's last day when unknown.

        An amendment or a replacement of unknown date counts only from the year after its
        own: a decree of the same year is not assumed to know it.
        """
        return self.tanggal or date(self.tahun, 12, 31)

    @property
    def paling_awal(self) -> date:
        """The earliest day it can date from: its date, or the year's first day when unknown."""
        return self.tanggal or date(self.tahun, 1, 1)

    def judul(self) -> str:
        """'Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum'."""
        name = self.judul_jenis or JENIS[self.jenis][0]
        if "/" in self.nomor:  # a number that carries its own year
            return f"{name} Nomor {self.nomor} tentang {self.tentang}"
        return f"{name} Nomor {self.nomor} Tahun {self.tahun} tentang {self.tentang}"

    def pengundangan(self) -> str:
        """'(Lembaran Negara ... Nomor 182, Tambahan Lembaran Negara ... Nomor 6109)' or ''."""
        parts = []
        if self.ln:
            parts.append(f"{_LN} Tahun {self.ln[0]} Nomor {self.ln[1]}")
        if self.tln:
            parts.append(f"Tambahan {_LN} Nomor {self.tln}")
        if self.bn:
            parts.append(f"Berita Negara Republik Indonesia Tahun {self.bn[0]} Nomor {self.bn[1]}")
        return f"({', '.join(parts)})" if parts else ""

    def kutipan(self) -> str:
        """Title and promulgation, as one regulation is cited."""
        return " ".join(part for part in (self.judul(), self.pengundangan()) if part)


def _entry(key: str, raw: dict[str, Any]) -> Peraturan:
    return Peraturan(
        kunci=key,
        jenis=raw["jenis"],
        nomor=str(raw["nomor"]),
        tahun=int(raw["tahun"]),
        tentang=" ".join(str(raw["tentang"]).split()),
        tanggal=raw.get("tanggal"),
        judul_jenis=raw.get("judul_jenis"),
        ln=tuple(raw["ln"]) if raw.get("ln") else None,
        tln=raw.get("tln"),
        bn=tuple(raw["bn"]) if raw.get("bn") else None,
        diubah_dengan=tuple(raw.get("diubah_dengan") or ()),
        dicabut_dengan=raw.get("dicabut_dengan"),
        sumber=" ".join(str(raw.get("sumber", "")).split()),
    )


@lru_cache(maxsize=1)
def katalog() -> dict[str, Peraturan]:
    """Every regulation of the shipped catalog, by key."""
    text = resources.files("generator.reference").joinpath("data/peraturan.yaml").read_text("utf-8")
    return {key: _entry(key, raw) for key, raw in yaml.load(text, Loader=FastSafeLoader).items()}


def perubahan_berlaku(peraturan: Peraturan, per: date) -> list[Peraturan]:
    """The amendments in force on a date, oldest first."""
    entries = katalog()
    return [entries[k] for k in peraturan.diubah_dengan if entries[k].berlaku_sejak <= per]


def sitasi(kunci: str, per: date) -> str:
    """The Mengingat text for a catalog entry as of a date, amendment clause included."""
    peraturan = katalog()[kunci]
    text = peraturan.kutipan()
    amendments = perubahan_berlaku(peraturan, per)
    if len(amendments) == 1:
        text += f" sebagaimana telah diubah dengan {amendments[0].kutipan()}"
    elif amendments:
        last = amendments[-1].kutipan()
        text += f" sebagaimana telah beberapa kali diubah terakhir dengan {last}"
    return text + ";"


@dataclass(frozen=True)
class Rujukan:
    """What can be read off a Mengingat text: kind, level, number and year."""

    tingkat: int
    """Level in the hierarchy."""
    nomor: str
    """Number as written."""
    tahun: int
    """Year."""
    jenis: str | None = None
    """Catalog kind, where the text names one the catalog knows."""

    def urutan(self) -> tuple[int, int, int, str]:
        """Sort key: level, then year, then number (within a year numbers follow dates)."""
        digits = re.match(r"\d+", self.nomor)
        return (self.tingkat, self.tahun, int(digits.group()) if digits else 0, self.nomor)


_TEXT_KINDS = (
    (r"Undang[\s–-]+Undang Dasar", None, 1),
    (r"Peraturan Pemerintah Pengganti Undang[\s–-]+Undang", "perppu", 2),
    (r"Undang[\s–-]+Undang", "uu", 2),
    (r"Peraturan Pemerintah", "pp", 3),
    (r"Peraturan Presiden", "perpres", 4),
    (r"Peraturan Komisi Pemilihan Umum", "pkpu", 5),
    (r"Peraturan Menteri(?:\s+Negara)?\s+Pendayagunaan\s+Aparatur\s+Negara", "permen", 5),
    (r"Peraturan Menteri", None, 5),  # another ministry's: not the catalog's PermenPANRB
    (r"Peraturan\b", None, 5),  # other regulations (a Badan's, a Bupati's) rank with these
    (r"Keputusan Presiden", "keppres", 6),
    (r"Keputusan Komisi Pemilihan Umum", "kepkpu", 6),
    (r"Keputusan", None, 6),
)
_NUMBER = re.compile(r"Nomor\s+(\S+?)\s+Tahun\s+(\d{4})|Nomor\s+(\S*/(\d{4}))(?![\w/])")
"""'Nomor 7 Tahun 2017', or a number carrying its year at its end: in
'12/HK.03.1-Kpt/3404/2025' the year is the last part, 3404 is the office's code."""


def baca_rujukan(text: str) -> Rujukan | None:
    """Classify a free-text Mengingat item; None when its kind or number cannot be read."""
    head = text.strip()
    for pattern, jenis, level in _TEXT_KINDS:
        if re.match(pattern, head, re.IGNORECASE):
            if level == 1:
                return Rujukan(1, "", 1945)
            found = _NUMBER.search(head)
            if not found:
                return None
            nomor = found.group(1) or found.group(3)
            tahun = int(found.group(2) or found.group(4))
            return Rujukan(level, nomor.lstrip("0") or nomor, tahun, jenis)
    return None


def nomor_rujukan(text: str) -> re.Match[str] | None:
    """Where a citation's 'Nomor ... Tahun ...' is written, to point at it."""
    return _NUMBER.search(text)


def rujukan_katalog(peraturan: Peraturan) -> Rujukan:
    """The sort key information of a catalog entry."""
    return Rujukan(peraturan.tingkat, peraturan.nomor, peraturan.tahun, peraturan.jenis)


def cari(rujukan: Rujukan) -> Peraturan | None:
    """The catalog entry a free-text citation names, if the catalog has it."""
    for peraturan in katalog().values():
        if (peraturan.jenis == rujukan.jenis and peraturan.nomor == rujukan.nomor
                and peraturan.tahun == rujukan.tahun):
            return peraturan
    return None
