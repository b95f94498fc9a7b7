"""The monev realisation file read beside its plan and checked: coded warnings as `zi check`
gives, at their place in the realisation file."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path as FsPath

from generator.plan.model import Capaian, Rencana
from generator.plan.progress import QUARTER_END, planned_steps, progress, step_id
from generator.plan.realisasi import SUFFIX, Monev
from generator.plan.validate import validate_file_model
from generator.source.diagnostics import Diagnostic, PlanError, Severity
from generator.source.plan_file import decode_source, read_bytes
from generator.source.yaml_reader import Source

CODES = {
    "monev-langkah-tak-dikenal": "realisasi untuk langkah yang tidak ada di rencana",
    "monev-belum-dilaporkan": "langkah yang sudah jatuh tempo tetapi belum dilaporkan",
    "monev-bukti-hilang": "langkah selesai tanpa bukti, atau berkas bukti yang tidak ada",
    "monev-persen-lebih": "realisasi di atas 100 persen atau di atas target",
    "monev-tanggal-luar": "tanggal di luar tahun rencana",
}
"""The rule codes of the realisation checks, with what each finds."""
_LINK = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


def monev_path(plan_file: FsPath) -> FsPath:
    """`kutai-timur-2025.yaml` -> `kutai-timur-2025.monev.yaml`, beside it."""
    return plan_file.with_name(plan_file.stem + SUFFIX)


@dataclass(frozen=True)
class CheckedMonev:
    """A realisation file that validated, with its warnings."""

    monev: Monev
    """The records."""
    source: Source
    """Its YAML with positions, for the messages."""
    warnings: list[Diagnostic]
    """Coded warnings, sorted by place."""
    quarter: int
    """The quarter checked: the one asked for, else the latest reported (1 when none)."""


def read_monev(path: FsPath, shown_as: str | None = None) -> tuple[Monev, Source]:
    """Read and validate a realisation file; PlanError with every problem."""
    name = shown_as or str(path)
    source = decode_source(read_bytes(path, name), name)
    return validate_file_model(source, Monev), source


def _warn(source: Source, path: tuple[str | int, ...], code: str, message: str,
          key: bool = False) -> Diagnostic:
    return Diagnostic(source.file, source.where(path, key=key), message, Severity.WARNING, code)


def check_monev(plan: Rencana, monev: Monev, source: Source, plan_dir: FsPath,
                quarter: int | None = None) -> CheckedMonev:
    """Every realisation check; `quarter` defaults to the latest one reported (a file with no
    quarter reported yet is not told that its steps are unreported)."""
    reported = [q for item in monev.langkah for q in item.triwulan]
    at = quarter or max(reported, default=1)
    found: list[Diagnostic] = []
    if monev.tahun != plan.tahun:
        found.append(_warn(source, ("tahun",), "monev-tanggal-luar",
                           f"berkas realisasi untuk tahun {monev.tahun}, rencananya tahun "
                           f"{plan.tahun}"))
    steps = {step_id(s): s for s in planned_steps(plan)}
    for index, item in enumerate(monev.langkah):
        here = ("langkah", index)
        if item.id not in steps:
            found.append(_warn(source, (*here, "id"), "monev-langkah-tak-dikenal",
                               f"langkah '{item.id}' tidak ada di rencana (kode langkah di "
                               "rencana ditulis sebagai 'id' langkahnya)"))
            continue
        target = steps[item.id].langkah.target_capaian
        for q, record in item.triwulan.items():
            where = (*here, "triwulan", str(q))
            if record.persen is not None and record.persen > 100:
                found.append(_warn(source, (*where, "persen"), "monev-persen-lebih",
                                   f"realisasi {record.persen:g} persen, lebih dari 100"))
            if record.jumlah is not None and isinstance(target, Capaian) and \
                    record.jumlah > target.jumlah:
                found.append(_warn(source, (*where, "jumlah"), "monev-persen-lebih",
                                   f"realisasi {record.jumlah} {target.satuan}, lebih dari "
                                   f"targetnya {target.jumlah}"))
            if record.tanggal is not None and record.tanggal.year != plan.tahun:
                found.append(_warn(source, (*where, "tanggal"), "monev-tanggal-luar",
                                   f"tanggal {record.tanggal.isoformat()} di luar tahun "
                                   f"{plan.tahun}"))
            elif record.tanggal is not None and record.tanggal.month > QUARTER_END[q]:
                found.append(_warn(source, (*where, "tanggal"), "monev-tanggal-luar",
                                   f"tanggal {record.tanggal.isoformat()} sesudah akhir "
                                   f"triwulan {q}"))
            if record.status == "selesai" and not record.bukti:
                found.append(_warn(source, (*where, "status"), "monev-bukti-hilang",
                                   "langkah selesai tanpa bukti; tulis berkas atau tautannya di "
                                   "'bukti'"))
            for b, bukti in enumerate(record.bukti):
                if not _LINK.match(bukti) and not os.path.isfile(plan_dir / bukti):
                    found.append(_warn(source, (*where, "bukti", b), "monev-bukti-hilang",
                                       f"berkas bukti '{bukti}' tidak ada di folder rencana"))
    recorded = {item.id: index for index, item in enumerate(monev.langkah)}
    if quarter is None and not reported:
        return CheckedMonev(monev, source, sorted(found), at)  # a starting file, not yet filled
    for state in progress(plan, monev, at):
        if state.due and state.record is None:
            key = step_id(state.step)
            path = ("langkah", recorded[key]) if key in recorded else ("langkah",)
            found.append(_warn(source, path, "monev-belum-dilaporkan",
                               f"langkah {key} ('{_short(state.step.langkah.aksi)}') jatuh tempo "
                               f"sampai triwulan {at} tetapi belum dilaporkan"))
    return CheckedMonev(monev, source, sorted(found), at)


def _short(text: str, width: int = 60) -> str:
    flat = " ".join(text.replace("*", "").split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"


def load_checked(plan: Rencana, plan_file: FsPath, quarter: int | None = None,
                 shown_as: str | None = None) -> CheckedMonev:
    """The realisation file beside `plan_file`, validated and checked; PlanError if invalid."""
    path = monev_path(plan_file)
    monev, source = read_monev(path, shown_as)
    return check_monev(plan, monev, source, plan_file.parent, quarter)


__all__ = ["CODES", "CheckedMonev", "PlanError", "check_monev", "load_checked", "monev_path",
           "read_monev"]
