"""Writes templates/monev.docx, the docxtpl template of the quarterly monev report, with the
styles, margins and page numbers of keputusan.docx (tools/make_docx_template.py).

Run it only to start the template afresh: `python tools/make_monev_template.py`. After that
the .docx file is the source; edits made in Word are kept by the generator.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_docx_template import (  # noqa: E402  (the sibling tool, found beside this one)
    autentikasi_block,
    cell_margins,
    each_line,
    fill,
    keep_with_next_row,
    new_document,
    para,
    row_flag,
    set_caption,
    tab,
    tag,
    tag_row,
    widths,
)

OUT = Path(__file__).resolve().parent.parent / "templates" / "monev.docx"
BODY_WIDTH_CM = 16.5
"""Tables fit the body of A4 (21 cm less 4.5 cm of margins) and so of F4 too."""


def heading(doc, label: str, text: str) -> None:
    p = para(doc, label, style="Bagian")
    p.paragraph_format.tab_stops.add_tab_stop(Cm(0.75))
    tab(p)
    p.add_run(text)


def naskah(doc, text: str):
    return para(doc, text, style="Naskah 0")


def table(doc, caption: str, headers: tuple[str, ...], percents: tuple[int, ...]):
    """A bordered table with its heading row repeated on every page."""
    grid = doc.add_table(rows=1, cols=len(headers))
    grid.style = doc.styles["Table Grid"]
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    set_caption(grid, caption)
    cell_margins(grid)
    for cell, text in zip(grid.rows[0].cells, headers, strict=True):
        fill(cell, text, "Kepala Tabel")
    row_flag(grid.rows[0], "tblHeader")
    return grid, percents


def row(grid, texts: tuple[str, ...], centred: tuple[int, ...] = (), bold: bool = False):
    line = grid.add_row()
    row_flag(line, "cantSplit")
    for i, (cell, text) in enumerate(zip(line.cells, texts, strict=True)):
        fill(cell, text, bold=bold)
        if i in centred:
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    return line


def chart(doc, name: str, caption: str) -> None:
    picture = para(doc, f"{{{{ grafik.{name} }}}}", align=WD_ALIGN_PARAGRAPH.CENTER)
    picture.paragraph_format.space_before = Pt(8)
    picture.paragraph_format.keep_with_next = True
    under = para(doc, caption, style="Keterangan Grafik")
    under.paragraph_format.space_after = Pt(8)


def summary(doc) -> None:
    grid, percents = table(doc, "monev_ringkasan", (
        "NO", "AREA PERUBAHAN", "JUMLAH LANGKAH", "JATUH TEMPO S.D. TW "
        "{{ doc.triwulan_romawi }}", "SELESAI", "PERSEN\u00adTASE"), (8, 41, 12, 13, 12, 14))
    tag_row(grid, "{%tr for row in doc.ringkasan %}")
    row(grid, ("{{ row.no }}", "{{r row.area|rt }}", "{{ row.langkah }}",
               "{{ row.jatuh_tempo }}", "{{ row.selesai }}", "{{ row.persen_teks }}"),
        centred=(0, 2, 3, 4, 5))
    tag_row(grid, "{%tr endfor %}")
    row(grid, ("", "{{r doc.ringkasan_total.area|rt(bold=True) }}",
               "{{ doc.ringkasan_total.langkah }}", "{{ doc.ringkasan_total.jatuh_tempo }}",
               "{{ doc.ringkasan_total.selesai }}", "{{ doc.ringkasan_total.persen_teks }}"),
        centred=(2, 3, 4, 5), bold=True)
    widths(grid, percents, BODY_WIDTH_CM)


def steps(doc) -> None:
    grid, percents = table(doc, "monev_langkah", (
        "KODE", "KOMPONEN", "LANGKAH AKSI", "TARGET WAKTU", "STATUS", "REALISASI", "BUKTI"),
        (9, 14, 28, 12, 12, 12, 13))
    tag_row(grid, "{%tr for row in doc.baris %}")
    tag_row(grid, '{%tr if row.jenis == "area" %}')
    area = grid.add_row()
    row_flag(area, "cantSplit")
    fill(area.cells[0], "{{ row.kode }}", bold=True)
    area.cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    merged = area.cells[1].merge(area.cells[6])
    fill(merged, "")
    merged.paragraphs[0].add_run("{{r row.komponen|rt(bold=True) }}").bold = True
    keep_with_next_row(area)
    tag_row(grid, "{%tr else %}")
    row(grid, ("{{ row.kode }}", "{{r row.komponen|rt }}", "{{r row.langkah|rt }}",
               "{{ row.jadwal }}", "{{ row.status }}", "{{ row.realisasi }}",
               "{{ row.bukti|join('; ') }}"), centred=(5,))
    tag_row(grid, "{%tr endif %}")
    tag_row(grid, "{%tr endfor %}")
    widths(grid, percents, BODY_WIDTH_CM)


def overdue(doc) -> None:
    tag(doc, "{%p if doc.terlambat %}")
    grid, percents = table(doc, "monev_terlambat", (
        "NO", "KODE", "LANGKAH AKSI", "TARGET WAKTU", "STATUS", "TINDAK LANJUT"),
        (6, 10, 34, 13, 12, 25))
    tag_row(grid, "{%tr for row in doc.terlambat %}")
    row(grid, ("{{ loop.index }}", "{{ row.kode }}", "{{r row.langkah|rt }}", "{{ row.jadwal }}",
               '{{ row.status }}{% if row.realisasi != "-" %} ({{ row.realisasi }}){% endif %}',
               "{{ row.tindak_lanjut }}"), centred=(0,))
    tag_row(grid, "{%tr endfor %}")
    widths(grid, percents, BODY_WIDTH_CM)
    tag(doc, "{%p else %}")
    naskah(doc, "Semua langkah aksi yang jatuh tempo sampai akhir Triwulan "
           "{{ doc.triwulan_romawi }} telah selesai.")
    tag(doc, "{%p endif %}")


def lke(doc) -> None:
    rule = naskah(doc, "{{ doc.aturan_lke }}")
    rule.paragraph_format.first_line_indent = Cm(0)
    rule.runs[0].italic = True
    grid, percents = table(doc, "monev_lke", (
        "NO", "AREA (LKE)", "BOBOT", "KOMPONEN RESMI", "KOMPONEN TUNTAS", "PERKIRAAN NILAI"),
        (6, 26, 9, 15, 30, 14))
    tag_row(grid, "{%tr for row in doc.lke %}")
    row(grid, ("{{ row.no }}", "{{ row.area }}", "{{ row.bobot_teks }}",
               "{{ row.komponen_resmi }}",
               "{% if row.komponen_tuntas %}{{ row.komponen_tuntas|length }}: "
               "{{ row.komponen_tuntas|join(', ') }}{% else %}0{% endif %}",
               "{{ row.nilai_teks }}"), centred=(0, 2, 3, 5))
    tag_row(grid, "{%tr endfor %}")
    total = row(grid, ("", "Jumlah perkiraan", "", "", "", "{{ doc.lke_total }}"),
                centred=(5,), bold=True)
    total.cells[1].merge(total.cells[4])
    widths(grid, percents, BODY_WIDTH_CM)


def signature(doc) -> None:
    first = para(doc, "{{ doc.pengesahan.tempat_tanggal }}", style="Penetapan")
    first.paragraph_format.space_before = Pt(18)
    tag(doc, "{%p for line in doc.pengesahan.jabatan %}")
    para(doc, "{{ line }}", style="Penetapan")
    tag(doc, "{%p endfor %}")
    sign = para(doc, "{{ doc.pengesahan.ttd }}", style="Penetapan")
    sign.paragraph_format.space_before = Pt(24)
    sign.paragraph_format.space_after = Pt(24)
    last = para(doc, "{{ doc.pengesahan.nama }}", style="Penetapan")
    last.paragraph_format.keep_with_next = False


def main() -> int:
    doc = new_document(21.5, 33.0)
    caption = doc.styles.add_style("Keterangan Grafik", 1)
    caption.base_style = doc.styles["Normal"]
    caption.font.size = Pt(10)
    caption.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    tag(doc, "{%p if doc.salinan %}")
    para(doc, "SALINAN", bold=True)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if logo %}")
    para(doc, "{{ logo }}", style="Kop")
    tag(doc, "{%p endif %}")
    each_line(doc, "doc.kop", "Kop")
    para(doc)
    each_line(doc, "doc.judul", "Judul")
    para(doc)
    heading(doc, "A.", "PENDAHULUAN")
    tag(doc, "{%p for paragraf in doc.pembuka %}")
    naskah(doc, "{{ paragraf }}")
    tag(doc, "{%p endfor %}")
    heading(doc, "B.", "RINGKASAN CAPAIAN PER AREA")
    summary(doc)
    chart(doc, "area", "Grafik 1. Langkah aksi jatuh tempo dan selesai per area sampai akhir "
          "Triwulan {{ doc.triwulan_romawi }}")
    heading(doc, "C.", "RENCANA DAN REALISASI PER BULAN")
    chart(doc, "bulan", "Grafik 2. Langkah aksi jatuh tempo menurut rencana dan langkah "
          "selesai, kumulatif per bulan")
    heading(doc, "D.", "PELAKSANAAN LANGKAH AKSI")
    steps(doc)
    heading(doc, "E.", "LANGKAH JATUH TEMPO YANG BELUM SELESAI DAN TINDAK LANJUTNYA")
    overdue(doc)
    heading(doc, "F.", "PERKIRAAN CAPAIAN BOBOT AREA PENGUNGKIT (LKE)")
    lke(doc)
    heading(doc, "G.", "PENUTUP")
    naskah(doc, "{{ doc.penutup }}")
    signature(doc)
    autentikasi_block(doc)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    doc.save(OUT)
    print(f"ditulis: {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
