"""The Rencana Aksi table as rows and cells for either writer, in the office's column set."""

from __future__ import annotations

from dataclasses import dataclass, replace

from generator.plan import schedule
from generator.plan.model import Area, Capaian, Komponen, Langkah, RencanaAksi
from generator.text import indonesian
from generator.text.inline import Runs, parse

TICK = "v"
"""The mark in a month column, as offices print it."""
PELAKSANAAN = "PELAKSANAAN (BULAN)"


@dataclass(frozen=True)
class Kolom:
    """A column of the Rencana Aksi table."""

    judul: str
    """Header text, e.g. 'LANGKAH AKSI', or the month number under PELAKSANAAN (BULAN)."""
    nomor: int
    """The number in the column-number header row."""
    lebar: float
    """Relative width in percent of the table."""
    grup: str = ""
    """A header spanning several columns above this one, e.g. 'PELAKSANAAN (BULAN)'."""


@dataclass(frozen=True)
class SelKepala:
    """A header cell with the rows and columns it spans."""

    teks: str
    """Its text."""
    baris: int = 1
    """Rows spanned."""
    kolom: int = 1
    """Columns spanned."""


@dataclass(frozen=True)
class BarisRencana:
    """One row of the Rencana Aksi table.

    Heading rows (`area`, `program`) carry `no` and `judul`; step rows carry the step's cells
    and, on the first row of a komponen, indikator or penanggung jawab, its text with the
    number of rows it spans. A span of 0 means the cell continues the one above.
    """

    jenis: str
    """'area', 'program' or 'langkah'."""
    no: str = ""
    """Roman area number, program number 'V.1', or komponen number on its first row."""
    judul: Runs = ()
    """Area or program name (heading rows)."""
    komponen: Runs = ()
    """Komponen name, on the komponen's first row only."""
    komponen_rentang: int = 0
    """Rows the komponen spans, on its first row; 0 on the rows it continues over."""
    indikator: Runs = ()
    """Indikator text, on the indikator's first row only."""
    indikator_rentang: int = 0
    """Rows the indikator spans, on its first row; 0 on the rows it continues over."""
    sel: tuple[Runs, ...] = ()
    """The step's cells after INDIKATOR, one per remaining column except PENANGGUNG JAWAB."""
    penanggung_jawab: Runs = ()
    """Responsible team, on the first of the rows it covers (18-column layout)."""
    pj_rentang: int = 0
    """Rows the responsible team covers, on its first row; 0 where it continues."""
    bulan: tuple[int, ...] = ()
    """The step's months (for checks); () when its schedule is free text."""


def table_columns(tata_letak: int) -> tuple[Kolom, ...]:
    """The column set: 7 (with TARGET CAPAIAN), 6 (without), 18 (month ticks, PJ)."""
    if tata_letak == 18:
        head = [("NO", 3), ("KOMPONEN", 10), ("INDIKATOR", 13), ("LANGKAH AKSI", 17),
                ("BUKTI FISIK", 14)]
        months = [(str(m), 2.25, PELAKSANAAN) for m in range(1, 13)]
        cols = [(t, w, "") for t, w in head] + months + [("PENANGGUNG JAWAB", 16, "")]
    elif tata_letak == 6:
        cols = [(t, w, "") for t, w in (("NO", 4), ("KOMPONEN", 15), ("INDIKATOR", 18),
                                        ("LANGKAH AKSI", 25), ("BUKTI FISIK", 22),
                                        ("TARGET WAKTU", 16))]
    else:
        cols = [(t, w, "") for t, w in (("NO", 4), ("KOMPONEN", 13), ("INDIKATOR", 16),
                                        ("LANGKAH AKSI", 22), ("BUKTI FISIK", 17),
                                        ("TARGET WAKTU", 12), ("TARGET CAPAIAN", 16))]
    return tuple(Kolom(t, i, w, g) for i, (t, w, g) in enumerate(cols, start=1))


def header_rows(kolom: tuple[Kolom, ...]) -> tuple[tuple[SelKepala, ...], ...]:
    """Header rows above the column numbers: one row, or two when columns are grouped."""
    grouped = any(k.grup for k in kolom)
    top: list[SelKepala] = []
    below: list[SelKepala] = []
    index = 0
    while index < len(kolom):
        column = kolom[index]
        if column.grup:
            members = [k for k in kolom[index:] if k.grup == column.grup]
            width = 0
            while index + width < len(kolom) and kolom[index + width].grup == column.grup:
                width += 1
            top.append(SelKepala(column.grup, 1, width))
            below += [SelKepala(k.judul) for k in members[:width]]
            index += width
        else:
            top.append(SelKepala(column.judul, 2 if grouped else 1))
            index += 1
    return (tuple(top), tuple(below)) if grouped else (tuple(top),)


def _capaian(value: str | Capaian) -> str:
    if isinstance(value, Capaian):
        return indonesian.jumlah(value.jumlah, value.satuan)
    return value


def _cells(step: Langkah, tata_letak: int, tahun: int) -> tuple[Runs, ...]:
    months = schedule.step_months(step)
    waktu = step.target_waktu or (schedule.schedule_text(step.jadwal, tahun) if step.jadwal else "")
    if tata_letak == 18:
        ticks = tuple(parse(TICK) if m in months else () for m in range(1, 13))
        return (parse(step.aksi), parse(step.bukti_fisik), *ticks)
    cells = [step.aksi, step.bukti_fisik, waktu]
    if tata_letak == 7:
        cells.append(_capaian(step.target_capaian))
    return tuple(parse(text) for text in cells)


def _komponen_rows(number: int, komponen: Komponen, tata_letak: int, tahun: int,
                   inherited: str | None) -> list[tuple[BarisRencana, str | None]]:
    rows: list[tuple[BarisRencana, str | None]] = []
    total = sum(len(ind.langkah) for ind in komponen.indikator)
    for ind in komponen.indikator:
        for j, step in enumerate(ind.langkah):
            first_of_komponen = not rows
            row = BarisRencana(
                jenis="langkah",
                no=str(number) if first_of_komponen else "",
                komponen=parse(komponen.nama) if first_of_komponen else (),
                komponen_rentang=total if first_of_komponen else 0,
                indikator=parse(ind.nama) if j == 0 else (),
                indikator_rentang=len(ind.langkah) if j == 0 else 0,
                sel=_cells(step, tata_letak, tahun),
                bulan=schedule.step_months(step),
            )
            rows.append((row, step.penanggung_jawab or komponen.penanggung_jawab or inherited))
    return rows


def _area_rows(number: int, area: Area, tata_letak: int,
               tahun: int) -> list[tuple[BarisRencana, str | None]]:
    numeral = indonesian.roman(number)
    rows: list[tuple[BarisRencana, str | None]] = [
        (BarisRencana(jenis="area", no=numeral, judul=parse(area.nama.upper())), None)]
    for p, program in enumerate(area.program or (), start=1):
        rows.append((BarisRencana(jenis="program", no=f"{numeral}.{p}",
                                  judul=parse(program.nama)), None))
        pj = program.penanggung_jawab or area.penanggung_jawab
        for k, komponen in enumerate(program.komponen, start=1):
            rows += _komponen_rows(k, komponen, tata_letak, tahun, pj)
    for k, komponen in enumerate(area.komponen or (), start=1):
        rows += _komponen_rows(k, komponen, tata_letak, tahun, area.penanggung_jawab)
    return rows


def table_rows(rencana: RencanaAksi, tahun: int) -> tuple[BarisRencana, ...]:
    """Every row of the table, with komponen, indikator and penanggung jawab spans."""
    pairs: list[tuple[BarisRencana, str | None]] = []
    for number, area in enumerate(rencana.area, start=1):
        pairs += _area_rows(number, area, rencana.kolom, tahun)
    rows = [row for row, _ in pairs]
    if rencana.kolom == 18:
        index = 0
        while index < len(pairs):
            row, pj = pairs[index]
            if row.jenis != "langkah":
                index += 1
                continue
            end = index
            while end + 1 < len(pairs) and pairs[end + 1][0].jenis == "langkah" \
                    and pairs[end + 1][1] == pj:
                end += 1
            rows[index] = _with_pj(row, parse(pj or ""), end - index + 1)
            for follower in range(index + 1, end + 1):
                rows[follower] = _with_pj(pairs[follower][0], (), 0)
            index = end + 1
    return tuple(rows)


def _with_pj(row: BarisRencana, pj: Runs, span: int) -> BarisRencana:
    return replace(row, penanggung_jawab=pj, pj_rentang=span)
