"""A province's folder of plans for the overview tests: the example plans copied for the
offices of three provinces, some numbered and some not, some with copy mistakes (warnings), one
invalid, one whose name holds markup, and some with a monev realisation file."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from generator.plan.progress import planned_steps, step_id
from generator.rules import load_plan
from tests.conftest import EXAMPLE_PLANS, PLANS

MERANGIN = PLANS / "merangin-2025.yaml"
KANTOR = [
    ("kabupaten", "Kerinci", "Jambi"), ("kabupaten", "Sarolangun", "Jambi"),
    ("kabupaten", "Batanghari", "Jambi"), ("kabupaten", "Muaro Jambi", "Jambi"),
    ("kabupaten", "Tanjung Jabung Barat", "Jambi"), ("kabupaten", "Tanjung Jabung Timur", "Jambi"),
    ("kabupaten", "Bungo", "Jambi"), ("kabupaten", "Tebo", "Jambi"), ("kota", "Jambi", "Jambi"),
    ("kota", "Sungai Penuh", "Jambi"), ("kabupaten", "Sambas", "Kalimantan Barat"),
    ("kabupaten", "Mempawah", "Kalimantan Barat"), ("kabupaten", "Sanggau", "Kalimantan Barat"),
    ("kabupaten", "Ketapang", "Kalimantan Barat"), ("kabupaten", "Sintang", "Kalimantan Barat"),
    ("kabupaten", "Kapuas Hulu", "Kalimantan Barat"), ("kabupaten", "Bengkayang",
                                                        "Kalimantan Barat"),
    ("kabupaten", "Landak", "Kalimantan Barat"), ("kabupaten", "Sekadau", "Kalimantan Barat"),
    ("kabupaten", "Melawi", "Kalimantan Barat"), ("kota", "Pontianak", "Kalimantan Barat"),
    ("kota", "Singkawang", "Kalimantan Barat"), ("kabupaten", "Paser", "Kalimantan Timur"),
    ("kabupaten", "Berau", "Kalimantan Timur"), ("kabupaten", "Kutai Barat", "Kalimantan Timur"),
    ("kota", "Balikpapan", "Kalimantan Timur"), ("kota", "Samarinda", "Kalimantan Timur"),
]
"""Offices given a copy of Merangin's plan."""
SALAH = "zz-rusak-2025.yaml"
"""The invalid plan: a year that is not a number."""
MARKUP = "zz-markup-2025.yaml"
"""The plan whose office name carries a script tag."""


def slug(nama: str) -> str:
    return nama.lower().replace(" ", "-")


def office_copy(text: str, tingkat: str, nama: str, provinsi: str, index: int) -> str:
    """Merangin's plan for another office: its name everywhere, another number; every third
    is not numbered yet, every seventh keeps one 'Merangin' (a copy mistake: a warning)."""
    kept = "Kabupaten Merangin telah mencanangkan"
    if index % 7 == 3:
        text = text.replace(kept, "\0")
    text = text.replace("tingkat: kabupaten", f"tingkat: {tingkat}", 1)
    text = text.replace("Kabupaten Merangin", f"{tingkat.capitalize()} {nama}")
    text = text.replace("Merangin", nama).replace("MERANGIN", nama.upper())
    text = text.replace("tempat: Bangko", f"tempat: {nama}").replace("Bangko", nama)
    text = text.replace("provinsi: Jambi", f"provinsi: {provinsi}")
    text = text.replace("\0", kept)
    nomor = "  nomor: 87/HK.03.1-Kpt/1502/2025\n"
    if index % 3 == 2:
        return text.replace(nomor, "")
    return text.replace(nomor, f"  nomor: {100 + 7 * index}/HK.03.1-Kpt/{1500 + index}/2025\n")


def monev_file(plan_file: Path, done_share: float, quarters: int) -> str:
    """A realisation file as an office fills it in: of the steps due by each quarter, the
    first `done_share` selesai with a link as evidence, the others berjalan."""
    plan = load_plan(plan_file)
    from generator.plan.progress import progress

    steps = []
    records: dict[str, dict[int, dict[str, object]]] = {step_id(s): {}
                                                         for s in planned_steps(plan)}
    for quarter in range(1, quarters + 1):
        due = [s for s in progress(plan, None, quarter) if s.due]
        cut = round(len(due) * done_share)
        for i, state in enumerate(due):
            key = step_id(state.step)
            if any(r.get("status") == "selesai" for r in records[key].values()):
                continue
            records[key][quarter] = (
                {"status": "selesai", "bukti": [f"https://kpu.go.id/bukti/{key}"]} if i < cut
                else {"status": "berjalan", "tindak_lanjut": "diselesaikan triwulan depan"})
    for key, triwulan in records.items():
        steps.append({"id": key, "triwulan": triwulan})
    return yaml.safe_dump({"tahun": plan.tahun, "langkah": steps}, allow_unicode=True,
                          sort_keys=False)


def province_folder(folder: Path) -> Path:
    """Write the folder of plans; returns it."""
    folder.mkdir(parents=True, exist_ok=True)
    base = MERANGIN.read_text(encoding="utf-8")
    for index, (tingkat, nama, provinsi) in enumerate(KANTOR):
        name = f"{slug(nama)}{'-kota' if tingkat == 'kota' else ''}-2025.yaml"
        (folder / name).write_text(office_copy(base, tingkat, nama, provinsi, index),
                                   encoding="utf-8")
    for plan in EXAMPLE_PLANS:  # the plans only: this folder's realisation files are below
        shutil.copy(plan, folder / plan.name)
    (folder / SALAH).write_text(base.replace("  tahun: 2025\n", "  tahun: dua ribu\n", 1),
                                encoding="utf-8")
    (folder / MARKUP).write_text(base.replace("  nama: Merangin\n",
                                              "  nama: Merangin <script>alert(1)</script>\n", 1),
                                 encoding="utf-8")
    for name, share, quarters in (("kerinci-2025.yaml", 1.0, 2), ("sarolangun-2025.yaml", 0.5, 3),
                                  ("kutai-timur-2025.yaml", 0.25, 1)):
        plan_file = folder / name
        plan_file.with_name(plan_file.stem + ".monev.yaml").write_text(
            monev_file(plan_file, share, quarters), encoding="utf-8")
    return folder
