"""`zi monev`: codes given once to the plan's steps, the starting realisation file, and the
quarter's state told on the terminal."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.importer.notes import Guess
from generator.importer.yaml_text import plan_yaml
from generator.plan.model import Rencana
from generator.plan.progress import (
    QUARTER_END,
    AreaProgress,
    area_progress,
    planned_steps,
    progress,
    step_id,
)
from generator.plan.realisasi import Monev
from generator.plan.schedule import BULAN, step_months
from generator.rules import check_bytes
from generator.source.diagnostics import PlanError
from generator.source.plan_file import decode_source
from generator.text import indonesian


class CodesProblem(ValueError):
    """The codes cannot be written into this plan's text; the message says what to do."""


_CANNOT = ("kode langkah tidak dapat ditulis otomatis ke rencana ini{why}; tulis 'id' sendiri di "
           "setiap langkah (mis. id: I.1.1), lalu jalankan lagi")


@dataclass(frozen=True)
class Codes:
    """The plan's text with an `id` written to every step that had none."""

    text: str
    """The whole plan, comments and layout kept, the new `id` lines added."""
    added: int
    """How many steps got a code."""


def _new_codes(plan: Rencana) -> dict[tuple[str | int, ...], str]:
    """Step path -> the code to write: the printed numbering, made unique against ids the
    plan already has."""
    taken = {s.langkah.id for s in planned_steps(plan) if s.langkah.id}
    codes = {}
    for step in planned_steps(plan):
        if step.langkah.id:
            continue
        code, number = step.kode, 2
        while code in taken:
            code, number = f"{step.kode}-{number}", number + 1
        taken.add(code)
        codes[step.path] = code
    return codes


def add_codes(text: str, name: str, plan: Rencana, plan_dir: Path) -> Codes:
    """The plan's text with `id: I.1.2` written before each step's `aksi` key, in block or
    flow style; checked by reading it again (the same plan, with the codes)."""
    source = decode_source(text.encode("utf-8"), name)
    codes = _new_codes(plan)
    places = [source.keys.get((*path, "aksi")) for path in codes]
    if None in places or len(set(places)) != len(places):  # an anchor shared by several steps
        raise CodesProblem(_CANNOT.format(why=" (langkah yang disalin dengan anchor & dan *)"))
    lines = text.split("\n")
    for path, code in sorted(codes.items(), key=lambda item: source.keys[(*item[0], "aksi")],
                             reverse=True):
        at = source.keys[(*path, "aksi")]
        row, column = at.line - 1, at.column - 1
        line = lines[row]
        before = line[:column].rstrip()
        if before.endswith(("{", ",")):  # a flow mapping: - {aksi: ..., ...}
            lines[row] = f"{line[:column]}id: {code}, {line[column:]}"
        else:
            lines[row] = f"{line[:column]}id: {code}\n{' ' * column}{line[column:]}"
    result = "\n".join(lines)
    try:
        again = check_bytes(result.encode("utf-8"), name, plan_dir).plan
    except PlanError:
        raise CodesProblem(_CANNOT.format(why="")) from None
    wanted = [s.langkah.id or codes[s.path] for s in planned_steps(plan)]
    if [s.langkah.id for s in planned_steps(again)] != wanted:
        raise CodesProblem(_CANNOT.format(why=""))
    return Codes(result, len(codes))


def _months(months: tuple[int, ...]) -> str:
    if not months:
        return "tanpa jadwal bulan"
    quarters = sorted({(m - 1) // 3 + 1 for m in months})
    names = ", ".join(BULAN[m - 1] for m in months)
    return (f"jadwal: {names} (jatuh tempo triwulan "
            f"{', '.join(indonesian.roman(q) for q in quarters)})")


def starting_file(plan: Rencana, plan_name: str) -> str:
    """The realisation file an office fills in: every step with its code, its text and its
    schedule, each quarter left to write."""
    steps = list(planned_steps(plan))
    data: dict[str, Any] = {"tahun": plan.tahun, "langkah": [
        {"id": step_id(s), "aksi": " ".join(s.langkah.aksi.split()), "triwulan": None}
        for s in steps]}
    notes = [Guess(("langkah", i, "triwulan"), _months(step_months(s.langkah)))
             for i, s in enumerate(steps)]
    header = [
        f"Realisasi monev {plan_name} tahun {plan.tahun}: diisi setiap rapat monev triwulan.",
        "Untuk setiap langkah, tulis catatan triwulannya di bawah 'triwulan:', mis.",
        "  triwulan:",
        "    1: {status: selesai, persen: 100, tanggal: 2025-03-20, bukti: [bukti/sk.pdf]}",
        "    2: {status: berjalan, persen: 50, tindak_lanjut: Rapat diundur ke Juli}",
        "status: belum, berjalan, selesai, atau batal. persen: realisasi dari target (0-100);",
        "atau jumlah: banyaknya, bila target capaiannya {jumlah, satuan}. bukti: berkas di folder",
        "rencana ini atau tautan. 'id' adalah kode langkah di rencana (jangan diubah);",
        "'aksi' hanya salinan untuk dibaca. Lalu: zi monev RENCANA --triwulan 1",
    ]
    return plan_yaml(data, notes, header).replace("    triwulan: null\n", "    triwulan:\n")


def summary(plan: Rencana, monev: Monev, quarter: int) -> list[str]:
    """The quarter per area: steps due and done, and the late ones."""
    steps = progress(plan, monev, quarter)
    lines = [f"Triwulan {indonesian.roman(quarter)} (sampai akhir "
             f"{BULAN[QUARTER_END[quarter] - 1]} {plan.tahun}):"]
    for area in area_progress(steps):
        lines.append(f"  {_area_line(area)}")
    late = [s for s in steps if s.late]
    if late:
        lines.append(f"  {len(late)} langkah terlambat: " + ", ".join(
            step_id(s.step) for s in late[:12]) + (" …" if len(late) > 12 else ""))
    return lines


def _area_line(area: AreaProgress) -> str:
    share = "belum ada yang jatuh tempo" if area.percent is None else \
        f"{area.done} dari {area.due} langkah jatuh tempo selesai ({area.percent:.0f}%)"
    return f"{area.area}: {share}"

