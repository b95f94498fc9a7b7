"""Rules that catch a plan still unfinished: placeholders left by `zi new`, a doubled level word."""

from __future__ import annotations

import re

from generator.plan.model import Rencana
from generator.plan.roles import every_string
from generator.rules.decree_body import warn
from generator.source.diagnostics import Diagnostic, field_name
from generator.source.yaml_reader import Source

KODE_ISIAN = "isian-kosong"
"""Rule code of a '(tulis …)' placeholder left in the plan."""

_PLACEHOLDER = re.compile(r"\(\s*tulis\b([^()]*)\)?", re.IGNORECASE)
"""'(tulis indikator)', '(TULIS ...)', an unclosed '(tulis bukti': what `zi new` leaves to fill."""

_LEVEL_WORD = re.compile(r"(?<!\w)(kabupaten|kab\b\.?|kota|provinsi|prov\b\.?)(?!\w)",
                         re.IGNORECASE)
"""A level word written as a whole word: zi writes the level itself from 'satker.tingkat'."""


def level_word(nama: str) -> str | None:
    """The level word ('Kabupaten', 'Kab.', 'Kota', 'Provinsi') a region name holds, if any."""
    found = _LEVEL_WORD.search(nama)
    return found.group(1) if found else None


def without_level_word(nama: str) -> str:
    """'Kabupaten Paser' -> 'Paser': the name without its level words, for the hint."""
    return " ".join(_LEVEL_WORD.sub(" ", nama).split()).strip(" .,-")


def check_placeholder(source: Source) -> list[Diagnostic]:
    """Every '(tulis …)' text still in the plan, wherever it stays, at its value."""
    found = []
    for path, text in every_string(source.data):
        for match in _PLACEHOLDER.finditer(text):
            what = match.group(1).strip(" .…")
            found.append(warn(source, path, KODE_ISIAN,
                              f"'{field_name(path)}' masih berisi '{match.group(0)}': ganti "
                              f"dengan {what or 'teks'} yang sebenarnya"))
    return found


def check_subtim(plan: Rencana, source: Source) -> list[Diagnostic]:
    """The `subtim: []` that `zi new` writes, left empty in a tim kerja without other members.

    Only the written empty list: a small plan that leaves 'subtim' out chose a team of two.
    """
    tim = plan.tim
    if tim is None or tim.tim_kerja.subtim or tim.tim_kerja.anggota:
        return []
    data = source.data.get("tim", {}).get("tim_kerja", {})
    if "subtim" not in data:
        return []
    return [warn(source, ("tim", "tim_kerja", "subtim"), "subtim-kosong",
                 "'tim.tim_kerja.subtim' masih kosong: tulis sub-tim tiap area dengan "
                 "koordinator dan anggotanya ({nama: ..., anggota: [{orang: ..., kedudukan: "
                 "...}]}); kini Lampiran II hanya memuat pengarah dan ketua tim kerja")]


def check_satker_nama(plan: Rencana, source: Source) -> list[Diagnostic]:
    """A level word in 'satker.nama', printed twice: 'KABUPATEN KABUPATEN PASER'."""
    satker = plan.satker
    word = level_word(satker.nama)
    if word is None:
        return []
    level = satker.tingkat.capitalize()
    printed = f"{level} {satker.nama}".upper()
    example = without_level_word(satker.nama) or "Kutai Timur"
    return [warn(source, ("satker", "nama"), "satker-nama",
                 f"'satker.nama' memuat '{word}': tulis nama wilayahnya saja (mis. "
                 f"'{example}'); zi menambahkan '{level}' sendiri, sehingga kini tercetak "
                 f"'{printed}'")]


def check_unfinished(plan: Rencana, source: Source) -> list[Diagnostic]:
    """Every rule of this module."""
    return check_placeholder(source) + check_subtim(plan, source) + check_satker_nama(plan, source)


def ringkas_isian(rencana: str, pesan: list[str]) -> list[str]:
    """A build's messages with the placeholder warnings as one line; `zi check` lists each."""
    marker = f"peringatan [{KODE_ISIAN}]: "
    placeholders = [line for line in pesan if marker in line]
    if not placeholders:
        return list(pesan)
    kept = [line for line in pesan if marker not in line]
    return kept + [f"{rencana}: keputusan masih memuat {len(placeholders)} isian '(tulis …)' "
                   f"yang belum diisi; `zi check {rencana}` menunjukkan letaknya"]
