"""Write the hand-made decrees and workbooks `zi impor` is tested on (tests/fixtures/impor/).

Each fixture is a DOCX or XLSX written by tests/handmade.py from an example plan in a named
style, with NAME.expected.yaml beside it: what the importer must recover. Bad inputs (a letter,
an empty DOCX, a text file named .docx, a Word 97 .doc) have no expected file. Reruns write
the same bytes (fixed dates, no randomness).

usage: .venv/bin/python tools/make_handmade_fixtures.py [--check]
  --check  write nothing; exit 1 when a saved fixture differs from what would be written
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.rules import load_plan  # noqa: E402
from tests.handmade import (  # noqa: E402
    NOT_A_ZIP,
    OLD_DOC,
    Gaya,
    GayaExcel,
    expected_decree,
    expected_workbook,
    write_decree,
    write_empty,
    write_letter,
    write_workbook,
)

OUT = ROOT / "tests" / "fixtures" / "impor"
KUTAI = "kutai-timur-2025"
MERANGIN = "merangin-2025"
PENAJAM = "penajam-paser-utara-2026"
TAMBRAUW = "tambrauw-2023"

DECREES: dict[str, tuple[str, Gaya]] = {
    # zi's own layout typed by hand: tabs, merged cells, column numbers, salinan
    "kutai-timur-tabs-merged": (KUTAI, Gaya()),
    # body in a borderless table, komponen written once, cut into three tables across pages,
    # other header words, numbers typed with dots, runs split by edits
    "kutai-timur-tabel-blank-potong3": (KUTAI, Gaya(
        badan="tabel", sel="blank", potong=3, pemisah="halaman", nomor_kolom=False,
        nomor_area="{}.", nomor_program="{}.", nomor_komponen="{}.",
        judul_kolom=(("NO", "NO."), ("LANGKAH AKSI", "KEGIATAN"), ("BUKTI FISIK", "OUTPUT"),
                     ("TARGET WAKTU", "WAKTU"), ("TARGET CAPAIAN", "TARGET")),
        pecah_run=True, tim_gabung=False, versi="asli")),
    # Word's automatic numbering, every value repeated, soft breaks, empty rows, Title Case
    "kutai-timur-autonum-repeated": (KUTAI, Gaya(
        autonum=True, sel="repeated", baris_lunak=True, baris_kosong=True, huruf_kolom="title",
        lebar="rata")),
    # 6 columns: body table with automatic numbering, merged cells, equal widths
    "merangin-tabel-autonum-6kolom": (MERANGIN, Gaya(
        badan="tabel", autonum=True, lebar="rata", versi="asli",
        judul_kolom=(("LANGKAH AKSI", "RENCANA AKSI"), ("BUKTI FISIK", "BUKTI")))),
    # 6 columns: lower-case headers, blank cells, cut in two with an empty paragraph
    "merangin-tabs-blank-potong2": (MERANGIN, Gaya(
        sel="blank", potong=2, huruf_kolom="lower", baris_lunak=True, pecah_run=True)),
    # 18 columns: merged headers and cells, month ticks, PJ per area
    "tambrauw-tabs-merged-18kolom": (TAMBRAUW, Gaya(nomor_program="{}.")),
    # 18 columns without a merge, cut in two, the header typed again mid-table
    "tambrauw-tabel-repeated-18kolom": (TAMBRAUW, Gaya(
        badan="tabel", sel="repeated", potong=2, pemisah="halaman", kepala_ulang=True,
        nomor_kolom=False, pecah_run=True, versi="asli")),
    # manual numbering with dots, komponen repeated, empty rows, team not merged, asli
    "penajam-tabs-repeated-manual": (PENAJAM, Gaya(
        sel="repeated", nomor_area="{}.", nomor_program="{}.", nomor_komponen="{}.",
        baris_kosong=True, tim_gabung=False, versi="asli",
        judul_kolom=(("TARGET WAKTU", "WAKTU PELAKSANAAN"),))),
    # automatic numbering in a body table, merged cells cut by a page break, soft breaks
    "penajam-tabel-autonum-potong2": (PENAJAM, Gaya(
        badan="tabel", autonum=True, potong=2, pemisah="halaman", baris_lunak=True,
        kepala_ulang=True)),
}

WORKBOOKS: dict[str, tuple[str, GayaExcel]] = {
    "kutai-timur-gabung": (KUTAI, GayaExcel()),
    "tambrauw-18kolom-ulang": (TAMBRAUW, GayaExcel(gabung=False, kolom_awal=2)),
    "merangin-tanpa-judul": (MERANGIN, GayaExcel(
        gabung=False, judul=False, judul_kolom=(("LANGKAH AKSI", "KEGIATAN"),
                                                 ("TARGET WAKTU", "WAKTU")))),
}

BAD: dict[str, bytes | None] = {
    "bukan-keputusan-surat.docx": None,
    "kosong.docx": None,
    "bukan-zip.docx": NOT_A_ZIP,
    "word-lama.doc": OLD_DOC,
}


class _Dumper(yaml.SafeDumper):
    """Month lists on one line ('bulan: [3, 6, 9, 12]'), everything else in block style."""


def _list(dumper: yaml.SafeDumper, value: list[Any]) -> yaml.Node:
    flow = bool(value) and all(isinstance(v, int) for v in value)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)


_Dumper.add_representer(list, _list)


def _dump(data: dict[str, Any]) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def fixtures() -> dict[str, bytes]:
    """Every fixture file's name and bytes."""
    files: dict[str, bytes] = {}
    plans = {name: load_plan(ROOT / "plans" / f"{name}.yaml")
             for name in (KUTAI, MERANGIN, PENAJAM, TAMBRAUW)}
    for name, (plan_name, gaya) in DECREES.items():
        plan = plans[plan_name]
        files[f"{name}.docx"] = write_decree(plan, gaya)
        expected = {"berkas": f"{name}.docx", "rencana": f"plans/{plan_name}.yaml",
                    "gaya": gaya.names(), **expected_decree(plan, gaya)}
        files[f"{name}.expected.yaml"] = _dump(expected).encode()
    for name, (plan_name, excel) in WORKBOOKS.items():
        plan = plans[plan_name]
        files[f"{name}.xlsx"] = write_workbook(plan, excel)
        expected = {"berkas": f"{name}.xlsx", "rencana": f"plans/{plan_name}.yaml",
                    **expected_workbook(plan, excel)}
        files[f"{name}.expected.yaml"] = _dump(expected).encode()
    for name, data in BAD.items():
        if data is None:
            data = write_letter() if name.startswith("bukan-keputusan") else write_empty()
        files[name] = data
    return files


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    files = fixtures()
    if args.check:
        stale = [name for name, data in files.items()
                 if not (OUT / name).exists() or (OUT / name).read_bytes() != data]
        for name in stale:
            print(f"berbeda: {name}")
        return 1 if stale else 0
    OUT.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        path = OUT / name
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
