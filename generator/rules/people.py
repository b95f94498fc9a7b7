"""People and references a copy leaves wrong: one person written two ways, two Ketua, and a
diktum citing a diktum the decree does not have."""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

from generator.plan.model import Rencana, has_keputusan
from generator.rules.decree_body import warn, warn_at
from generator.source.diagnostics import Diagnostic
from generator.source.yaml_reader import Source
from generator.text.indonesian import diktum_word

_GELAR_DEPAN = {"dr", "drs", "dra", "ir", "h", "hj", "prof", "ns", "apt"}
"""Titles written before a name (Dr., Drs., Ir., H., Hj.); titles after it follow a comma."""

BEDA_HURUF = 1
"""Most letters a word of a short name may differ by to be the same word ('Azis'/'Aziz',
'Rijal'/'Rizal'); 'Fauzi' and 'Fauzan' are two names."""
BEDA_HURUF_PANJANG = 2
"""Most letters a word of seven letters or more may differ by ('Christina'/'Kristina',
'Achmadi'/'Ahmadi'); 'Santoso' and 'Susanto' are two names."""


_GELAR_BELAKANG = re.compile(r"^(?:[A-Z][A-Za-z]{0,4}\.)+[A-Z][A-Za-z]{0,4}\.?$")
"""A title written after a name without its comma: 'S.E.', 'M.Si.', 'S.Sos', 'A.Md.'."""

_SAMA_DENGAN = {"muh.": "muhammad", "moh.": "muhammad", "mhd.": "muhammad", "muhd.": "muhammad",
                "moch.": "muhammad", "mochammad": "muhammad", "mohammad": "muhammad",
                "mohamad": "muhammad", "muhamad": "muhammad", "muhammad": "muhammad",
                "abd.": "abdul"}
"""Ways of writing one name that are not misspellings: 'Muh. Idris' is 'Muhammad Idris'."""


def nama_inti(nama: str) -> str:
    """'Dr. H. Muh. Azis Achmadi, S.E., M.M.' -> 'muhammad azis achmadi': titles aside."""
    head = nama.split(",", 1)[0].replace("\u00a0", " ")
    words = []
    for index, word in enumerate(head.split()):
        if word.endswith(".") and word.rstrip(".").lower() in _GELAR_DEPAN:
            continue
        if index and _GELAR_BELAKANG.match(word):
            continue
        words.append(_SAMA_DENGAN.get(word.lower(), word.lower()))
    return " ".join(words)


def _satu_orang(a: str, b: str) -> bool:
    """Two names, titles aside, that are one name spelled two ways (or the very same)."""
    if a == b:
        return True
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb) or len(wa) < 2:
        return False
    differ = [(x, y) for x, y in zip(wa, wb, strict=True) if x != y]
    if len(differ) > 2 or len(differ) == len(wa):
        return False
    return all(Levenshtein.distance(x, y) <= (
        BEDA_HURUF_PANJANG if min(len(x), len(y)) >= 7 else BEDA_HURUF) for x, y in differ)


def check_orang_mirip(plan: Rencana, source: Source) -> list[Diagnostic]:
    """One person written twice, with and without titles or spelled another way."""
    found = []
    seen: list[tuple[str, str, str]] = []  # key, name as written, name without titles
    for key, person in plan.orang.items():
        core = nama_inti(person.nama)
        written = " ".join(person.nama.lower().split())
        for other_key, other_name, other_core in seen:
            if written == other_name:
                continue  # the very same text: the jabatan-berbeda rule speaks of it
            if _satu_orang(core, other_core):
                shown = plan.orang[other_key].nama
                found.append(warn(source, ("orang", key, "nama"), "orang-mirip",
                                  f"'{person.nama}' mirip '{shown}' (kunci '{other_key}'): "
                                  f"orang yang sama ditulis dua cara? Tulis sekali di 'orang' "
                                  f"dan rujuk kuncinya '{other_key}'"))
                break
        seen.append((key, written, core))
    return found


def check_ketua_ganda(plan: Rencana, source: Source) -> list[Diagnostic]:
    """Two people with `peran: ketua`: the last period's Ketua left behind, or a slip."""
    ketua = [key for key, person in plan.orang.items() if person.peran == "ketua"]
    if len(ketua) < 2:
        return []
    signer = plan.keputusan.penandatangan if plan.keputusan else None
    kept = signer if signer in ketua else ketua[0]
    kept_name = plan.orang[kept].nama
    return [warn(source, ("orang", key, "peran"), "ketua-ganda",
                 f"'{plan.orang[key].nama}' ditulis dengan 'peran: ketua', padahal Ketua-nya "
                 f"'{kept_name}' (kunci '{kept}'); satu kantor satu Ketua: maksud Anda "
                 "'peran: anggota'?")
            for key in ketua if key != kept]


_DIKTUM_REF = re.compile(r"\bDiktum\s+(KE[A-Z]+(?:\s+(?:BELAS|PULUH(?:\s+[A-Z]+)?))?)\b",
                         re.IGNORECASE)


def check_diktum_rujukan(plan: Rencana, source: Source) -> list[Diagnostic]:
    """A diktum citing 'Diktum KEEMPAT' in a decree of three: copied from a longer decree."""
    if not has_keputusan(plan) or not plan.keputusan or not plan.keputusan.diktum:
        return []
    items = plan.keputusan.diktum
    words = {diktum_word(n): n for n in range(1, 41)}
    found = []
    for index, text in enumerate(items):
        for match in _DIKTUM_REF.finditer(text):
            named = " ".join(match.group(1).upper().split())
            number = words.get(named)
            if number is not None and number <= len(items):
                continue
            have = " sampai ".join(dict.fromkeys((diktum_word(1), diktum_word(len(items)))))
            path = ("keputusan", "diktum", index)
            found.append(warn_at(source, path, match.start(), "diktum-rujukan",
                                 f"diktum menyebut 'Diktum {named}', padahal keputusan ini "
                                 f"hanya punya {len(items)} diktum ({have}): tersalin dari "
                                 "keputusan lain? Sebut diktum yang ada"))
    return found


def check_people(plan: Rencana, source: Source) -> list[Diagnostic]:
    """Every rule on people and cross-references."""
    return (check_orang_mirip(plan, source) + check_ketua_ganda(plan, source)
            + check_diktum_rujukan(plan, source))
