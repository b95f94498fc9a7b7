"""Everyone the decree names, each once under a short key: the team, the signer, the official
who authenticates the salinan."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

_ROLE = re.compile(r"^(Ketua|Anggota|Sekretaris)\s+(?:KPU|Komisi\s+Pemilihan\s+Umum)\s+(.+)$",
                   re.IGNORECASE)


DEGREES = {d.upper(): d for d in (
    "S.H.", "M.H.", "S.E.", "M.E.", "S.Sos.", "S.Kom.", "M.Kom.", "S.Pd.", "M.Pd.", "S.Si.",
    "M.Si.", "M.M.", "S.IP.", "S.T.", "M.T.", "S.Ag.", "M.Ag.", "S.AP.", "M.AP.", "S.Psi.",
    "S.Hut.", "S.Ak.", "M.Ak.", "S.Tr.", "A.Md.", "Dr.", "Drs.", "Dra.", "Ir.", "H.", "Hj.",
    "M.Kes.", "S.Kep.", "S.Farm.", "S.S.", "Lc.", "M.A.", "M.Sc.", "MBA", "S.Stat.", "S.Gz.",
    "S.HI.", "M.HI.", "S.Th.", "M.Th.", "S.IKom.", "M.IKom.", "S.Ked.", "S.KM.", "SE", "SH",
    "MH", "MM", "ST", "S.Sy.", "S.Tr.IP.", "M.Han.", "S.Ip.")}
"""Academic degrees in their usual spelling, for names read in capitals ('S.SOS.' -> 'S.Sos.')."""


def name_case(text: str) -> str:
    """'ANI LESTARI, S.H., M.SI.' -> 'Ani Lestari, S.H., M.Si.': words capitalised, degrees as
    they are usually written (a guess: the file printed capitals only)."""
    out = []
    for word in text.split(" "):
        bare = word.rstrip(",")
        tail = word[len(bare):]
        if bare.upper() in DEGREES:
            out.append(DEGREES[bare.upper()] + tail)
        elif "." in bare and len(bare.replace(".", "")) <= 3:
            out.append(bare + tail)
        else:
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in bare.split("-")) + tail)
    return " ".join(out)


def _same(a: str, b: str) -> bool:
    return " ".join(a.lower().split()) == " ".join(b.lower().split())


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


@dataclass
class People:
    """The plan's 'orang', built as names are met."""

    wilayah: str
    """'Kabupaten Kutai Timur': a title 'Ketua KPU Kabupaten Kutai Timur' becomes peran ketua."""
    orang: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Key -> the person's mapping (nama, jabatan or peran, nip)."""
    guessed_names: set[str] = field(default_factory=set)
    """Keys whose name was read in capitals only and written back in guessed case."""

    def _key(self, nama: str) -> str:
        words = [w for w in re.split(r"[^a-z]+", _ascii(nama).lower()) if len(w) > 1]
        skip = {"dr", "ir", "drs", "hj", "h", "s", "st", "se", "sh", "mh", "si", "sos", "ip",
                "kom", "ak", "mm", "msi", "ssos", "spd", "skom", "sip", "sag", "me", "ma"}
        words = [w for w in words if w not in skip] or ["orang"]
        for size in range(1, len(words) + 1):
            key = "_".join(words[:size])
            if key not in self.orang:
                return key
        number = 2
        while f"{words[0]}{number}" in self.orang:
            number += 1
        return f"{words[0]}{number}"

    def find(self, nama: str) -> str | None:
        """The key of a person already met under this name (any case)."""
        for key, person in self.orang.items():
            if _same(person["nama"], nama):
                return key
        return None

    def add(self, nama: str, jabatan: str = "", nip: str = "") -> str:
        """The key of this person, added when new; a title met later fills an empty one."""
        nama = " ".join(nama.split())
        key = self.find(nama)
        if key is None:
            key = self._key(nama)
            self.orang[key] = {"nama": nama}
            if nama == nama.upper() and any(c.isalpha() for c in nama):
                self.orang[key]["nama"] = name_case(nama)
                self.guessed_names.add(key)
        person = self.orang[key]
        if nama != nama.upper() and key in self.guessed_names:
            person["nama"] = nama
            self.guessed_names.discard(key)
        if jabatan and "jabatan" not in person and "peran" not in person:
            role = _ROLE.match(" ".join(jabatan.split()))
            if role and _same(role.group(2), self.wilayah):
                person["peran"] = role.group(1).lower()
            else:
                person["jabatan"] = " ".join(jabatan.split())
        if nip and "nip" not in person:
            person["nip"] = nip
        return key
