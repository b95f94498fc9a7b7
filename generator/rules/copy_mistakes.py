"""Rules that catch what copying last year's or another office's decree breaks."""

from __future__ import annotations

import re

from generator.plan.model import Rencana
from generator.plan.roles import prose
from generator.plan.schedule import step_months
from generator.rules.decree_body import langkah_paths, warn
from generator.rules.unfinished import without_level_word
from generator.source.diagnostics import Diagnostic
from generator.source.yaml_reader import Path, Source

PROVINSI = (
    "Aceh", "Sumatera Utara", "Sumatera Barat", "Riau", "Kepulauan Riau", "Jambi",
    "Sumatera Selatan", "Kepulauan Bangka Belitung", "Bengkulu", "Lampung", "DKI Jakarta",
    "Jawa Barat", "Banten", "Jawa Tengah", "Daerah Istimewa Yogyakarta", "Jawa Timur", "Bali",
    "Nusa Tenggara Barat", "Nusa Tenggara Timur", "Kalimantan Barat", "Kalimantan Tengah",
    "Kalimantan Selatan", "Kalimantan Timur", "Kalimantan Utara", "Sulawesi Utara", "Gorontalo",
    "Sulawesi Tengah", "Sulawesi Barat", "Sulawesi Selatan", "Sulawesi Tenggara", "Maluku",
    "Maluku Utara", "Papua", "Papua Barat", "Papua Barat Daya", "Papua Selatan", "Papua Tengah",
    "Papua Pegunungan",
)
"""The 38 provinces, for telling another office's province from this one's."""

_ANY_PROVINCE = re.compile(
    r"\b(" + "|".join(re.escape(p) for p in sorted(PROVINSI, key=len, reverse=True)) + r")\b")
"""Every province named in a text in one pass, the longest name first ('Papua Barat Daya')."""

_OFFICE = re.compile(
    r"\b(?:KPU|Komisi Pemilihan Umum)\s+(Provinsi|Kabupaten|Kab\.|Kota)\s+"
    r"((?:[A-Z][\w'’-]*)(?:\s+[A-Z][\w'’-]*)*)")
_NOT_A_NAME = {"Tahun", "Nomor", "Menuju", "Tentang", "Dalam", "Di", "Dan", "Untuk", "Pada",
               "Sebagai", "Yang", "Melalui", "Kepada", "Terkait"}


def _same(a: str, b: str) -> bool:
    return " ".join(a.lower().split()) == " ".join(b.lower().split())


def check_satker_lain(plan: Rencana, source: Source) -> list[Diagnostic]:
    """Another office's name left in the text after copying its decree."""
    own = plan.satker
    found = []
    for path, text in prose(Rencana, source.data):
        for match in _OFFICE.finditer(text):
            level, name = match.group(1), _name_only(match.group(2))
            level = "Kabupaten" if level == "Kab." else level
            names = [own.nama, without_level_word(own.nama)]  # 'Kabupaten Paser' is warned of apart
            if level == "Provinsi":
                allowed = names if own.tingkat == "provinsi" else [own.provinsi or ""]
            else:
                allowed = names if own.tingkat == level.lower() else []
            if any(_same(name, a) for a in allowed):
                continue
            if level == "Provinsi" and own.provinsi is None and own.tingkat != "provinsi":
                hint = "; bila ini provinsi kantor ini, isi 'satker.provinsi'"
            else:
                hint = ""
            found.append(warn(source, path, "satker-lain",
                               f"'KPU {level} {name}' bukan kantor ini ({_own_name(plan)}): "
                               f"nama kantor lain yang tersalin?{hint}"))
        named = set(_ANY_PROVINCE.findall(text))
        for province in PROVINSI:
            if province in named and province not in (
                    own.nama, own.provinsi) and not _inside_office(text, province):
                longer = [p for p in named if p != province and province in p]
                if not longer:
                    found.append(warn(source, path, "satker-lain",
                                       f"provinsi '{province}' bukan provinsi kantor ini"))
    return found


def _name_only(words: str) -> str:
    """'Kutai Timur Tahun' -> 'Kutai Timur': a capitalised word that starts a phrase ends it."""
    kept = []
    for word in words.split():
        if word in _NOT_A_NAME:
            break
        kept.append(word)
    return " ".join(kept)


def _inside_office(text: str, province: str) -> bool:
    """Already reported as part of 'KPU Provinsi X'."""
    return any(province in m.group(2) for m in _OFFICE.finditer(text))


def _own_name(plan: Rencana) -> str:
    return f"KPU {plan.satker.tingkat.capitalize()} {plan.satker.nama}"


def check_langkah(plan: Rencana, source: Source) -> list[Diagnostic]:
    """Steps without evidence or time, empty cells, steps written twice."""
    if plan.rencana_aksi is None:
        return []
    found = []
    layout = plan.rencana_aksi.kolom
    seen: dict[tuple[Path, str, str, tuple[int, ...]], Path] = {}
    for path, step in langkah_paths(plan):
        missing = []
        if not step.bukti_fisik.strip():
            missing.append("bukti_fisik")
        if not step.target_waktu.strip() and not step.jadwal:
            missing.append("target_waktu (atau jadwal)")
        if layout == 7 and not str(step.target_capaian).strip():
            missing.append("target_capaian")
        if missing:
            found.append(warn(source, path, "langkah-kosong",
                               f"langkah tanpa {', '.join(missing)}: selnya akan kosong; tulis "
                               "\"-\" (dengan tanda kutip) bila memang tidak ada"))
        key = (path[:-2], " ".join(step.aksi.lower().split()),
               " ".join(step.bukti_fisik.lower().split()), step_months(step))
        if key in seen:
            line = source.where(seen[key]).line
            found.append(warn(source, path, "langkah-ganda",
                               f"langkah ini sama dengan langkah di baris {line}"))
        else:
            seen[key] = path
    return found


def check_tim(plan: Rencana, source: Source) -> list[Diagnostic]:
    """Sub-teams without a coordinator, the Ketua missing as pengarah, one person two titles."""
    found = []
    tim = plan.tim
    if tim is not None:
        for index, sub in enumerate(tim.tim_kerja.subtim):
            if not any("koordinator" in m.kedudukan.lower() for m in sub.anggota):
                found.append(warn(source, ("tim", "tim_kerja", "subtim", index),
                                   "subtim-tanpa-koordinator",
                                   f"sub-tim '{sub.nama}' tidak punya koordinator"))
        signer = plan.keputusan.penandatangan if plan.keputusan else None
        if signer and signer not in [m.orang for m in tim.pengarah]:
            found.append(warn(source, ("tim", "pengarah"), "ketua-bukan-pengarah",
                               f"Ketua yang menandatangani ('{signer}') tidak ada di pengarah"))
    by_name: dict[str, str] = {}
    for key, person in plan.orang.items():
        name = " ".join(person.nama.lower().split())
        if name in by_name:
            other = plan.orang[by_name[name]]
            if (person.jabatan, person.peran) != (other.jabatan, other.peran):
                found.append(warn(source, ("orang", key), "jabatan-berbeda",
                                   f"'{person.nama}' ditulis dua kali ('{by_name[name]}' dan "
                                   f"'{key}') dengan jabatan berbeda; tulis sekali saja"))
        else:
            by_name[name] = key
    return found


def check_copy_mistakes(plan: Rencana, source: Source) -> list[Diagnostic]:
    """Every copy-mistake rule; the same finding twice in one text is reported once."""
    found = check_satker_lain(plan, source) + check_langkah(plan, source) + check_tim(plan, source)
    return list(dict.fromkeys(found))

