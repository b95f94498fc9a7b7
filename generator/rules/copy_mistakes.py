"""Rules that catch what copying last year's or another office's decree breaks (the regions it
names are rules/regions.py's)."""

from __future__ import annotations

from generator.plan.model import Rencana
from generator.plan.schedule import step_months
from generator.rules.decree_body import langkah_paths, warn
from generator.source.diagnostics import Diagnostic
from generator.source.yaml_reader import Path, Source


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
    found = check_langkah(plan, source) + check_tim(plan, source)
    return list(dict.fromkeys(found))

