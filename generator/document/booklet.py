"""The Rencana Kerja booklet as a flat run of printable blocks, for either writer."""

from __future__ import annotations

from dataclasses import dataclass

from generator.plan import schedule
from generator.plan.model import BarisMatriks, Rencana, RencanaKeputusan, RencanaKerja
from generator.plan.schedule import step_months
from generator.rules import drafting
from generator.text import indonesian
from generator.text.inline import Runs, parse
from generator.text.narrative import parse_narrative

NAMA_BULAN = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agt", "Sep", "Okt", "Nov", "Des")


@dataclass(frozen=True)
class BarisMatriksCetak:
    """One row of the TARGET CAPAIAN matrix."""

    jenis: str
    """'area' (roman number, name across) or 'komponen' (number, name, 12 cells)."""
    no: str
    """'I.', '1'."""
    nama: Runs
    """Area or komponen name, with its italics."""
    nilai: tuple[str, ...] = ()
    """Twelve cells: '100%' or ''."""


@dataclass(frozen=True)
class Matriks:
    """The monthly TARGET CAPAIAN matrix."""

    judul: tuple[str, ...]
    """Title lines."""
    tahun: int
    """The year over the month columns."""
    bulan: tuple[str, ...]
    """Month column headers."""
    baris: tuple[BarisMatriksCetak, ...]
    """Rows."""


@dataclass(frozen=True)
class Blok:
    """One printable block of the booklet."""

    jenis: str
    """'sampul', 'bab' (new page), 'bagian', 'paragraf', 'butir', 'ttd', 'matriks', or around
    the Rencana Aksi table printed in a chapter: 'mendatar' (landscape pages from here),
    'rencana_aksi' (the table) and 'tegak' (portrait again; absent when nothing follows)."""
    teks: Runs = ()
    """Heading or paragraph text."""
    label: str = ""
    """'BAB I', 'A.', 'a.', '1)'."""
    tingkat: int = 0
    """List depth of a paragraph or item."""
    baris: tuple[Runs, ...] = ()
    """Lines: the cover's title, a signature's place and title lines."""
    kaki: tuple[Runs, ...] = ()
    """The cover's office lines at the foot of the page."""
    nama: str = ""
    """A signature's name."""
    matriks: Matriks | None = None
    """The matrix, for a 'matriks' block."""


def _persen(value: float) -> str:
    return f"{value:g}%"


def _nilai(row: BarisMatriks) -> tuple[str, ...]:
    cells = [""] * 12
    for key, value in row.capaian.items():
        months = schedule.parse_months([int(key)] if key.isdigit() else [key])
        for month in months:
            cells[month - 1] = _persen(value)
    return tuple(cells)


def _matriks_baris(plan: Rencana, kerja: RencanaKerja) -> list[BarisMatriksCetak]:
    rows: list[BarisMatriksCetak] = []
    if kerja.matriks:
        areas = [(a.area, [(k.nama, _nilai(k)) for k in a.komponen]) for a in kerja.matriks]
    elif plan.rencana_aksi:
        areas = []
        for area in plan.rencana_aksi.area:
            komponen = [k for p in area.program or () for k in p.komponen] + \
                list(area.komponen or ())
            entries = []
            for k in komponen:
                months = {m for ind in k.indikator for step in ind.langkah
                          for m in step_months(step)}
                entries.append((k.nama, tuple("100%" if m in months else ""
                                              for m in range(1, 13))))
            areas.append((area.nama, entries))
    else:
        areas = []
    for number, (name, entries) in enumerate(areas, start=1):
        rows.append(BarisMatriksCetak("area", f"{indonesian.roman(number)}.", parse(name)))
        rows += [BarisMatriksCetak("komponen", str(i), parse(n), v)
                 for i, (n, v) in enumerate(entries, start=1)]
    if kerja.matriks_komponen_hasil:
        rows.append(BarisMatriksCetak("area", f"{indonesian.roman(len(areas) + 1)}.",
                                      parse("Komponen Hasil")))
        rows += [BarisMatriksCetak("komponen", str(i), parse(k.nama), _nilai(k))
                 for i, k in enumerate(kerja.matriks_komponen_hasil, start=1)]
    return rows


def _naskah(text: str, depth: int = 0) -> list[Blok]:
    return [Blok("butir" if b.butir else "paragraf", b.teks, b.label, b.tingkat)
            for b in parse_narrative(text, depth)]


def _numbered(texts: list[str]) -> list[Blok]:
    return [Blok("butir", parse(text), f"{i}.", 0) for i, text in enumerate(texts, start=1)]


def booklet_blocks(plan: RencanaKeputusan, singkat: str, wilayah: str,
                   judul: str) -> tuple[Blok, ...]:
    """Cover, foreword, chapters with their sections, matrix: every block in print order."""
    kerja = plan.rencana_kerja
    assert kerja is not None
    k = plan.keputusan
    ketua = plan.orang[k.penandatangan].nama
    ttd_lines = (parse("Ketua Komisi Pemilihan Umum"), parse(f"{wilayah},"))
    foot = ("KOMISI PEMILIHAN UMUM", wilayah.upper(), *([kerja.situs] if kerja.situs else []),
            f"TAHUN {plan.tahun}")
    blocks: list[Blok] = []
    if kerja.sampul is not False:
        lines = kerja.sampul if isinstance(kerja.sampul, list) else [judul]
        blocks.append(Blok("sampul", baris=tuple(parse(line.upper()) for line in lines),
                           kaki=tuple(parse(line) for line in foot)))
    when = kerja.tanggal_pengantar or (
        indonesian.tanggal(k.tanggal).split(" ", 1)[1] if k.tanggal else str(plan.tahun))
    if kerja.kata_pengantar is not None:
        blocks.append(Blok("bab", parse("KATA PENGANTAR")))
        blocks += _naskah(kerja.kata_pengantar)
        blocks.append(Blok("ttd", baris=(parse(f"{plan.satker.tempat}, {when}"), *ttd_lines),
                           nama=ketua))
    table_left = plan.rencana_aksi is not None
    per = drafting.reference_date(k)
    for number, bab in enumerate(kerja.bab, start=1):
        table_here = table_left and bab.tabel_rencana_aksi
        table_left = table_left and not table_here
        untexted = not (bab.isi or bab.bagian or bab.area)
        heading_along = table_here and untexted and bool(blocks)
        if heading_along:
            blocks.append(Blok("mendatar"))  # a chapter of the table alone: heading goes along
        blocks.append(Blok("bab", parse(bab.judul.upper()), f"BAB {indonesian.roman(number)}"))
        blocks += _naskah(bab.isi)
        sections = [(b.judul.upper(), b) for b in bab.bagian]
        for index, (title, bagian) in enumerate(sections):
            blocks.append(Blok("bagian", parse(title), f"{indonesian.letter(index).upper()}."))
            blocks += _naskah(bagian.isi)
            if bagian.dasar_hukum:
                bases = drafting.in_lawful_order(drafting.dasar_hukum_dari(bagian.dasar_hukum, per))
                blocks += _numbered([item.teks for item in bases])
        for index, area in enumerate(bab.area, start=len(sections)):
            area_number = indonesian.roman(index - len(sections) + 1)
            blocks.append(Blok("bagian", parse(f"AREA {area_number} - {area.area}"),
                               f"{indonesian.letter(index).upper()}."))
            blocks.append(Blok("paragraf", parse("**Target :**")))
            blocks += _numbered(area.target)
            blocks.append(Blok("paragraf", parse("**Rencana Aksi :**")))
            blocks += _naskah(area.rencana_aksi)
        if table_here:
            blocks += [*([] if heading_along else [Blok("mendatar")]), Blok("rencana_aksi"),
                       Blok("tegak")]
        if bab.matriks:
            blocks.append(Blok("matriks", matriks=Matriks(
                judul=("TARGET CAPAIAN PEMBANGUNAN ZONA INTEGRITAS MENUJU WBK/WBBM",
                       f"{singkat.upper()} TAHUN {plan.tahun}"),
                tahun=plan.tahun, bulan=NAMA_BULAN, baris=tuple(_matriks_baris(plan, kerja)))))
            blocks.append(Blok("ttd", baris=ttd_lines, nama=ketua))
    if blocks[-1].jenis == "tegak":
        blocks.pop()  # the table ends the booklet: its signature stays on its landscape page
    return tuple(blocks)
