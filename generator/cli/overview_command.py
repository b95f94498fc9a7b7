"""`zi ringkasan FOLDER`, and the overview page a folder build writes after its batch."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TextIO

from generator.output.batch import BuildResult, collect
from generator.output.folders import write_reason
from generator.output.overview import NAMA_HALAMAN, rencana_di, ringkasan
from generator.output.overview_page import tulis_ringkasan


def tanggal_data(text: str) -> date:
    """--tanggal: a date written as 2025-11-22."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"'{text}' bukan tanggal; tulis seperti 2025-11-22") from None


def write_overview(names: list[str], out_dir: Path, out: TextIO, err: TextIO,
                   results: Iterable[BuildResult] = (), tanggal: date | None = None,
                   prog: str = "zi ringkasan") -> int:
    """Write `<out_dir>/ringkasan.html` for every plan in the files and folders named."""
    plans = rencana_di(collect(names))
    if not plans:
        print(f"{prog}: tidak ada berkas rencana (.yaml) di {', '.join(names)}", file=err)
        return 1
    rows = ringkasan(plans, out_dir, results=results)
    try:
        written = tulis_ringkasan(rows, out_dir, ", ".join(names), tanggal)
    except OSError as exc:
        where = exc.filename or out_dir / NAMA_HALAMAN
        print(f"{prog}: tidak dapat menulis {where}: {write_reason(exc)}", file=err)
        return 1
    print(f"ditulis: {written} (ringkasan {len(rows)} rencana; buka di peramban)", file=out)
    return 0


def ringkasan_command(names: list[str], output: str, tanggal: str | None, out: TextIO,
                      err: TextIO) -> int:
    """The command: check what `--tanggal` says, then write the page."""
    when = None
    if tanggal is not None:
        try:
            when = tanggal_data(tanggal)
        except ValueError as exc:
            print(f"zi ringkasan: --tanggal: {exc}", file=err)
            return 2
    missing = [name for name in names if not Path(name).exists()]
    if missing:
        print(f"zi ringkasan: {', '.join(missing)} tidak ada", file=err)
        return 1
    return write_overview(names, Path(output), out, err, tanggal=when)
