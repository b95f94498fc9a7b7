"""Writes templates/keputusan.docx, the docxtpl template a user may then edit in Word.

Run it only to start the template afresh: `python tools/make_docx_template.py`. After that
the .docx file is the source; edits made in Word are kept by the generator.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from generator.document.action_table import table_columns

OUT = Path(__file__).resolve().parent.parent / "templates" / "keputusan.docx"
OUT_MANDIRI = OUT.with_name("rencana-aksi.docx")

BODY_WIDTH_CM = 21.5 - 2.5 - 2.0
LABEL, COLON, NUMBER = 3.2, 3.7, 4.5  # tab stops: ':' column, letter column, text column
TIM_WIDTHS = (7, 30, 36, 27)


def tag(doc_or_cell, text: str) -> None:
    """A paragraph that holds only a docxtpl paragraph tag ({%p ... %})."""
    doc_or_cell.add_paragraph(text)


def para(container, text: str = "", style: str | None = None, align=None, bold=False):
    p = container.add_paragraph(style=style)
    if text:
        run = p.add_run(text)
        run.bold = True if bold else None
    if align is not None:
        p.alignment = align
    return p


def tab(p) -> None:
    p.add_run().add_tab()


def setup_styles(doc) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(12)
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), "Arial")
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.line_spacing = 1.15

    def add(name: str, size: float, bold=False, align=None, after=0.0):
        style = doc.styles.add_style(name, 1)
        style.base_style = normal
        style.font.size = Pt(size)
        style.font.bold = bold
        style.paragraph_format.space_after = Pt(after)
        style.paragraph_format.line_spacing = 1.0
        if align is not None:
            style.paragraph_format.alignment = align
        return style

    add("Kop", 14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    add("Judul", 12, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    butir = add("Butir", 12, align=WD_ALIGN_PARAGRAPH.JUSTIFY, after=4)
    butir.paragraph_format.line_spacing = 1.15
    butir.paragraph_format.left_indent = Cm(NUMBER)
    butir.paragraph_format.first_line_indent = Cm(-NUMBER)
    for stop in (LABEL, COLON, NUMBER):
        butir.paragraph_format.tab_stops.add_tab_stop(Cm(stop))
    diktum = add("Diktum", 12, align=WD_ALIGN_PARAGRAPH.JUSTIFY, after=6)
    diktum.paragraph_format.line_spacing = 1.15
    diktum.paragraph_format.left_indent = Cm(COLON)
    diktum.paragraph_format.first_line_indent = Cm(-COLON)
    for stop in (LABEL, COLON):
        diktum.paragraph_format.tab_stops.add_tab_stop(Cm(stop))
    penetapan = add("Penetapan", 12)
    penetapan.paragraph_format.left_indent = Cm(BODY_WIDTH_CM / 2)
    penetapan.paragraph_format.keep_with_next = True
    autentikasi = add("Autentikasi", 12)
    autentikasi.paragraph_format.keep_with_next = True
    # the left half of the page, as in the PDF; the writer widens it on landscape pages
    autentikasi.paragraph_format.right_indent = Cm(BODY_WIDTH_CM / 2)
    add("Kepala Lampiran", 12).paragraph_format.keep_with_next = True
    add("Isi Tabel", 9)
    add("Kepala Tabel", 9, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    for name in ("Nomor Kolom", "Nomor Kolom Rapat"):  # 8 pt, not bold, as in the PDF
        add(name, 8, align=WD_ALIGN_PARAGRAPH.CENTER)
    add("Isi Tabel Rapat", 7.5)
    cover = add("Sampul", 20, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    cover.paragraph_format.line_spacing = 1.3
    add("Sampul Kaki", 14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    chapter = add("Judul Bab", 13, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=6)
    chapter.paragraph_format.keep_with_next = True
    section = add("Bagian", 12, bold=True, after=6)
    section.paragraph_format.left_indent = Cm(0.75)
    section.paragraph_format.first_line_indent = Cm(-0.75)
    section.paragraph_format.space_before = Pt(10)
    section.paragraph_format.keep_with_next = True
    for depth in range(2):
        text = add(f"Naskah {depth}", 12, align=WD_ALIGN_PARAGRAPH.JUSTIFY, after=6)
        text.paragraph_format.line_spacing = 1.15
        text.paragraph_format.left_indent = Cm(0.75 * (depth + 1))
        text.paragraph_format.first_line_indent = Cm(1.0)
    for depth in range(4):
        item = add(f"Butir {depth}", 12, align=WD_ALIGN_PARAGRAPH.JUSTIFY, after=4)
        item.paragraph_format.line_spacing = 1.15
        item.paragraph_format.left_indent = Cm(1.5 + 0.75 * depth)
        item.paragraph_format.first_line_indent = Cm(-0.75)
        item.paragraph_format.tab_stops.add_tab_stop(Cm(1.5 + 0.75 * depth))
    add("Judul Matriks", 12, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER) \
        .paragraph_format.keep_with_next = True
    add("Kepala Tabel Rapat", 7.5, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)


def page_number_header(section) -> None:
    section.different_first_page_header_footer = True
    p = section.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run("-")
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        run = p.add_run()
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)
        else:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {text} "
            run._r.append(instr)
    p.add_run("-")


def butir_block(doc, label: str, items: str) -> None:
    tag(doc, f"{{%p for item in {items} %}}")
    p = para(doc, style="Butir")
    p.add_run(f"{{% if loop.first %}}{label}{{% endif %}}")
    tab(p)
    p.add_run("{% if loop.first %}:{% endif %}")
    tab(p)
    p.add_run("{{ item.label }}")
    tab(p)
    p.add_run("{{r item.text|rt }}")
    tag(doc, "{%p endfor %}")


def penetapan_block(container, ref: str) -> None:
    first = para(container, f"{{{{ {ref}.tempat }}}}", style="Penetapan")
    first.paragraph_format.space_before = Pt(18)
    para(container, f"{{{{ {ref}.tanggal }}}}", style="Penetapan")
    tag(container, f"{{%p for line in {ref}.jabatan %}}")
    para(container, "{{ line }}", style="Penetapan")
    tag(container, "{%p endfor %}")
    sign = para(container, f"{{{{ {ref}.ttd }}}}", style="Penetapan")
    sign.paragraph_format.space_before = Pt(24)
    sign.paragraph_format.space_after = Pt(24)
    last = para(container, f"{{{{ {ref}.nama }}}}", style="Penetapan")
    last.paragraph_format.keep_with_next = False


def each_line(container, expr: str, style: str, runs: bool = False):
    """One paragraph repeated for every line of a list; `runs` for lines with their italics."""
    tag(container, f"{{%p for line in {expr} %}}")
    line = para(container, "{{r line|rt }}" if runs else "{{ line }}", style=style)
    tag(container, "{%p endfor %}")
    return line


def name_line(container, text: str, style: str):
    """The signer's name under the space left for the signature; the block may end here."""
    name = para(container, text, style=style)
    name.paragraph_format.space_before = Pt(48)
    name.paragraph_format.keep_with_next = False
    return name


def autentikasi_block(container) -> None:
    tag(container, "{%p if doc.autentikasi %}")
    first = para(container, "", style="Autentikasi")
    first.paragraph_format.space_before = Pt(18)
    first.add_run("{{ doc.autentikasi.baris[0] }}")
    each_line(container, "doc.autentikasi.baris[1:]", "Autentikasi")
    name_line(container, "{{ doc.autentikasi.nama }}", "Autentikasi")
    tag(container, "{%p if doc.autentikasi.nip %}")
    nip = para(container, "{{ doc.autentikasi.nip }}", style="Autentikasi")
    nip.paragraph_format.keep_with_next = False
    tag(container, "{%p endif %}")
    tag(container, "{%p endif %}")


def set_caption(table, caption: str) -> None:
    """Tables are found again by a marker in their first cell, a Jinja comment that prints
    nothing and that Word and LibreOffice keep (generator/writers/markers.py), and by the
    alt-text title, which Word shows and older zi read but LibreOffice drops."""
    el = OxmlElement("w:tblCaption")
    el.set(qn("w:val"), caption)
    table._tbl.tblPr.append(el)
    table.cell(0, 0).paragraphs[0].add_run(f"{{#zi:tabel {caption}#}}")


def row_flag(row, name: str) -> None:
    trpr = row._tr.get_or_add_trPr()
    trpr.append(OxmlElement(f"w:{name}"))


def fill(cell, text: str, style: str = "Isi Tabel", bold: bool = False) -> None:
    p = cell.paragraphs[0]
    if _DENSE and not style.endswith("Rapat"):
        style += " Rapat"
    p.style = cell.part.document.styles[style]
    if text:
        run = p.add_run(text)
        run.bold = bold or None


_DENSE = False  # set while building the 18-column table: smaller type, narrower margins


def cell_margins(table, dense: bool = False) -> None:
    """The PDF's cell padding: 2 pt above and below, 3 pt at the sides (1.5 pt and 2 pt where
    dense: month columns are 6 mm wide)."""
    margins = OxmlElement("w:tblCellMar")
    for side, points in zip(("top", "left", "bottom", "right"),
                            (1.5, 2, 1.5, 2) if dense else (2, 3, 2, 3), strict=True):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(int(points * 20)))
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    look = table._tbl.tblPr.find(qn("w:tblLook"))
    if look is not None:
        look.addprevious(margins)
    else:
        table._tbl.tblPr.append(margins)


def keep_with_next_row(row) -> None:
    """An area or group row never ends a page: Word and LibreOffice keep it with the next row."""
    for cell in row.cells:
        for paragraph in cell.paragraphs:
            paragraph.paragraph_format.keep_with_next = True
            paragraph.paragraph_format.keep_together = True


def cell_padding(cell, points: float) -> None:
    """One cell's inner margins on every side, as the PDF's padding of that cell."""
    tcpr = cell._tc.get_or_add_tcPr()
    margins = OxmlElement("w:tcMar")
    for side in ("top", "left", "bottom", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(int(points * 20)))
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    later = [tcpr.find(qn(f"w:{name}")) for name in
             ("textDirection", "tcFitText", "vAlign", "hideMark")]
    anchor = next((el for el in later if el is not None), None)
    if anchor is not None:
        anchor.addprevious(margins)
    else:
        tcpr.append(margins)


def tag_row(table, text: str) -> None:
    row = table.add_row()
    fill(row.cells[0], text)


def widths(table, percents, total_cm: float) -> None:
    table.autofit = False
    for col, pct in zip(table._tbl.tblGrid.gridCol_lst, percents, strict=True):
        col.w = Cm(total_cm * pct / 100)
    tblw = table._tbl.tblPr.find(qn("w:tblW"))
    if tblw is None:
        tblw = OxmlElement("w:tblW")
        table._tbl.tblPr.insert(1, tblw)
    tblw.set(qn("w:type"), "dxa")
    tblw.set(qn("w:w"), str(int(total_cm * 567)))
    for row in table.rows:
        for cell, pct in zip(row.cells, percents, strict=False):
            cell.width = Cm(total_cm * pct / 100)


def titled_rencana_tables(doc) -> None:
    """The Rencana Aksi table's title, then its table in each layout, as the branches of one
    `if`; the caller closes it, or goes on with branches of its own."""
    each_line(doc, "lampiran.judul", "Judul", runs=True).paragraph_format.keep_with_next = True
    para(doc).paragraph_format.keep_with_next = True
    for layout, keyword in ((7, "if"), (6, "elif"), (18, "elif")):
        tag(doc, f'{{%p {keyword} lampiran.tata_letak == {layout} %}}')
        rencana_table(doc, layout)


def rencana_table(doc, layout: int) -> None:
    """The Rencana Aksi table of one column set; the writer merges its spans afterwards."""
    global _DENSE
    _DENSE = layout == 18
    try:
        _rencana_table(doc, layout)
    finally:
        _DENSE = False


def _rencana_table(doc, layout: int) -> None:
    total = 33.0 - 2.5 - 2.0
    kolom = table_columns(layout)
    cols = len(kolom)
    grouped = layout == 18
    header_rows = 3 if grouped else 2
    table = doc.add_table(rows=header_rows, cols=cols)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    set_caption(table, f"rencana_aksi_{layout}")
    cell_margins(table, dense=grouped)
    for i in range(cols):
        fill(table.rows[header_rows - 1].cells[i], f"{{{{ lampiran.kolom[{i}].nomor }}}}",
             "Nomor Kolom")
        cell_padding(table.rows[header_rows - 1].cells[i], 1)
        if grouped and kolom[i].grup:
            fill(table.rows[1].cells[i], f"{{{{ lampiran.kolom[{i}].judul }}}}", "Kepala Tabel")
        else:
            fill(table.rows[0].cells[i], f"{{{{ lampiran.kolom[{i}].judul }}}}", "Kepala Tabel")
    if grouped:
        months = [i for i in range(cols) if kolom[i].grup]
        for i in range(cols):
            if not kolom[i].grup:
                table.cell(0, i).merge(table.cell(1, i))
        group = table.cell(0, months[0]).merge(table.cell(0, months[-1]))
        fill(group, f"{{{{ lampiran.kolom[{months[0]}].grup }}}}", "Kepala Tabel")
    for r in range(header_rows):
        row_flag(table.rows[r], "tblHeader")
    tag_row(table, "{%tr for row in lampiran.baris %}")
    tag_row(table, '{%tr if row.jenis == "langkah" %}')
    step = table.add_row()
    row_flag(step, "cantSplit")
    fill(step.cells[0], "{{ row.no }}")
    step.cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    fill(step.cells[1], "{{r row.komponen|rt }}")
    fill(step.cells[2], "{{r row.indikator|rt }}")
    cells_after = cols - 3 - (1 if grouped else 0)
    for i in range(cells_after):
        fill(step.cells[3 + i], f"{{{{r row.sel[{i}]|rt }}}}")
        if grouped and i >= 2:
            step.cells[3 + i].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    if grouped:
        fill(step.cells[cols - 1], "{{r row.penanggung_jawab|rt }}")
    tag_row(table, "{%tr else %}")
    heading = table.add_row()
    row_flag(heading, "cantSplit")
    fill(heading.cells[0], "{{ row.no }}", bold=True)
    heading.cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    merged = heading.cells[1].merge(heading.cells[cols - 1])
    fill(merged, "", bold=True)
    run = merged.paragraphs[0].add_run("{{r row.judul|rt(bold=True) }}")
    run.bold = True
    keep_with_next_row(heading)
    tag_row(table, "{%tr endif %}")
    tag_row(table, "{%tr endfor %}")
    widths(table, [k.lebar for k in kolom], total)


def buklet(doc) -> None:
    """The Rencana Kerja booklet: cover, chapters, sections, nested lists, matrix."""
    tag(doc, "{%p for blok in lampiran.blok %}")
    tag(doc, '{%p if blok.jenis == "sampul" %}')
    top = para(doc, "", style="Sampul")
    top.paragraph_format.page_break_before = True
    top.paragraph_format.space_after = Pt(120)
    first = each_line(doc, "blok.baris", "Sampul", runs=True)
    del first
    gap = para(doc, "", style="Sampul")
    gap.paragraph_format.space_before = Pt(200)
    each_line(doc, "blok.kaki", "Sampul Kaki", runs=True)
    tag(doc, '{%p elif blok.jenis == "bab" %}')
    # a chapter right after the lampiran's title (no cover, no foreword) starts on its page
    tag(doc, "{%p if loop.first %}")
    para(doc, "{{ blok.label }}", style="Judul Bab").paragraph_format.page_break_before = False
    tag(doc, "{%p else %}")
    head = para(doc, "{{ blok.label }}", style="Judul Bab")
    head.paragraph_format.page_break_before = True
    tag(doc, "{%p endif %}")
    para(doc, "{{r blok.teks|rt }}", style="Judul Bab")
    # The Rencana Aksi table inside a chapter: a section of landscape pages, then portrait
    # again; the writer sets each section's orientation and numbering
    tag(doc, '{%p elif blok.jenis == "mendatar" or blok.jenis == "tegak" %}')
    section_break(doc)
    tag(doc, '{%p elif blok.jenis == "rencana_aksi" %}')
    tag(doc, "{%p with lampiran = lampiran.tabel %}")
    titled_rencana_tables(doc)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endwith %}")
    tag(doc, '{%p elif blok.jenis == "bagian" %}')
    p = para(doc, "{{ blok.label }}", style="Bagian")
    tab(p)
    p.add_run("{{r blok.teks|rt(bold=True) }}")
    tag(doc, '{%p elif blok.jenis == "paragraf" %}')
    tag(doc, "{%p if blok.tingkat == 0 %}")
    para(doc, "{{r blok.teks|rt }}", style="Naskah 0")
    tag(doc, "{%p else %}")
    para(doc, "{{r blok.teks|rt }}", style="Naskah 1")
    tag(doc, "{%p endif %}")
    tag(doc, '{%p elif blok.jenis == "butir" %}')
    for depth, keyword in enumerate(("if", "elif", "elif", "else")):
        condition = f" blok.tingkat == {depth}" if keyword != "else" else ""
        tag(doc, f"{{%p {keyword}{condition} %}}")
        p = para(doc, "{{ blok.label }}", style=f"Butir {depth}")
        tab(p)
        p.add_run("{{r blok.teks|rt }}")
    tag(doc, "{%p endif %}")
    tag(doc, '{%p elif blok.jenis == "ttd" %}')
    para(doc, "", style="Penetapan")  # the PDF's 18 pt above the signature
    each_line(doc, "blok.baris", "Penetapan", runs=True)
    name_line(doc, "{{ blok.nama }}", "Penetapan")
    tag(doc, '{%p elif blok.jenis == "matriks" %}')
    title = para(doc, "{{ blok.matriks.judul[0] }}", style="Judul Matriks")
    title.paragraph_format.page_break_before = True
    para(doc, "{{ blok.matriks.judul[1] }}", style="Judul Matriks")
    para(doc)
    matrix_table(doc)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")


def section_break(doc) -> None:
    """A paragraph ending a section, with the page-number header of the current last one."""
    p = para(doc)
    p._p.get_or_add_pPr().append(copy.deepcopy(doc.element.body.sectPr))


def matrix_table(doc) -> None:
    global _DENSE
    _DENSE = True
    try:
        cols = 14
        table = doc.add_table(rows=3, cols=cols)
        table.style = doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        set_caption(table, "matriks")
        cell_margins(table, dense=True)
        fill(table.cell(0, 0), "No.", "Kepala Tabel")
        fill(table.cell(0, 1), "AREA PEMBANGUNAN", "Kepala Tabel")
        table.cell(0, 0).merge(table.cell(1, 0))
        table.cell(0, 1).merge(table.cell(1, 1))
        year = table.cell(0, 2).merge(table.cell(0, cols - 1))
        fill(year, "{{ blok.matriks.tahun }}", "Kepala Tabel")
        for i in range(12):
            fill(table.cell(1, 2 + i), f"{{{{ blok.matriks.bulan[{i}] }}}}", "Kepala Tabel")
        row_flag(table.rows[0], "tblHeader")
        row_flag(table.rows[1], "tblHeader")
        # the third row becomes the row loop
        table._tbl.remove(table.rows[2]._tr)
        tag_row(table, "{%tr for row in blok.matriks.baris %}")
        tag_row(table, '{%tr if row.jenis == "area" %}')
        area = table.add_row()
        row_flag(area, "cantSplit")
        fill(area.cells[0], "{{ row.no }}", bold=True)
        merged = area.cells[1].merge(area.cells[cols - 1])
        fill(merged, "{{r row.nama|rt(bold=True) }}", bold=True)
        keep_with_next_row(area)
        tag_row(table, "{%tr else %}")
        row = table.add_row()
        row_flag(row, "cantSplit")
        fill(row.cells[0], "{{ row.no }}")
        fill(row.cells[1], "{{r row.nama|rt }}")
        for i in range(12):
            fill(row.cells[2 + i], f"{{{{ row.nilai[{i}] }}}}")
            row.cells[2 + i].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        tag_row(table, "{%tr endif %}")
        tag_row(table, "{%tr endfor %}")
        widths(table, [5, 29] + [5.5] * 12, BODY_WIDTH_CM)
    finally:
        _DENSE = False


def tim_table(doc) -> None:
    table = doc.add_table(rows=1, cols=4)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    set_caption(table, "tim")
    cell_margins(table)
    for cell, text in zip(table.rows[0].cells,
                          ("NO", "NAMA", "JABATAN", "KEDUDUKAN DALAM TIM"), strict=True):
        fill(cell, text, "Kepala Tabel")
    row_flag(table.rows[0], "tblHeader")
    tag_row(table, "{%tr for row in lampiran.baris %}")
    tag_row(table, '{%tr if row.jenis == "orang" %}')
    person = table.add_row()
    row_flag(person, "cantSplit")
    for cell, text in zip(person.cells, ("{{ row.no }}", "{{r row.nama|rt }}",
                                         "{{r row.jabatan|rt }}", "{{r row.kedudukan|rt }}"),
                          strict=True):
        fill(cell, text)
    person.cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    tag_row(table, "{%tr else %}")
    group = table.add_row()
    row_flag(group, "cantSplit")
    fill(group.cells[0], "{{ row.no }}", bold=True)
    group.cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    merged = group.cells[1].merge(group.cells[3])
    fill(merged, "{{r row.nama|rt(bold=True) }}", bold=True)
    keep_with_next_row(group)
    tag_row(table, "{%tr endif %}")
    tag_row(table, "{%tr endfor %}")
    widths(table, TIM_WIDTHS, BODY_WIDTH_CM)


def new_document(width_cm: float, height_cm: float):
    """An empty document on F4 with the styles, margins and page-number header of zi."""
    doc = Document()
    setup_styles(doc)
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(width_cm), Cm(height_cm)
    section.top_margin = section.bottom_margin = Cm(2.0)
    section.left_margin, section.right_margin = Cm(2.5), Cm(2.0)
    section.header_distance = Cm(1.0)
    page_number_header(section)
    for empty in list(doc.paragraphs):
        empty._p.getparent().remove(empty._p)
    return doc


def main() -> int:
    doc = new_document(21.5, 33.0)
    tag(doc, "{%p if doc.salinan %}")
    para(doc, "SALINAN", bold=True)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if logo %}")
    para(doc, "{{ logo }}", style="Kop")
    tag(doc, "{%p endif %}")
    each_line(doc, "doc.kop", "Kop")
    para(doc)
    each_line(doc, "doc.judul", "Judul", runs=True)
    para(doc)
    para(doc, "{{ doc.pejabat }}", style="Judul")
    para(doc)
    butir_block(doc, "Menimbang", "doc.menimbang")
    para(doc)
    butir_block(doc, "Mengingat", "doc.mengingat")
    para(doc)
    para(doc, "MEMUTUSKAN:", style="Judul").paragraph_format.keep_with_next = True
    para(doc).paragraph_format.keep_with_next = True
    p = para(doc, "Menetapkan", style="Diktum")
    tab(p)
    p.add_run(":")
    tab(p)
    p.add_run("{{r doc.menetapkan|rt }}")
    tag(doc, "{%p for item in doc.diktum %}")
    p = para(doc, "{{ item.label }}", style="Diktum")
    tab(p)
    p.add_run(":")
    tab(p)
    p.add_run("{{r item.text|rt }}")
    tag(doc, "{%p endfor %}")
    penetapan_block(doc, "doc.penetapan")
    autentikasi_block(doc)

    tag(doc, "{%p for lampiran in doc.lampiran %}")
    # This paragraph ends the previous section; the writer sets each section's paper and
    # orientation from the document (landscape for wide tables).
    new = doc.add_section(WD_SECTION.NEW_PAGE)
    # python-docx leaves the new last section without header references; give it the same
    # page-number header, so that a decree without attachments is numbered too
    ended = new._sectPr.getprevious().find(qn("w:pPr")).find(qn("w:sectPr"))
    for ref in reversed(ended.findall(qn("w:headerReference"))):
        new._sectPr.insert(0, copy.deepcopy(ref))
    label = para(doc, "{{ lampiran.kepala.label }}", style="Kepala Lampiran")
    label.paragraph_format.left_indent = Cm(BODY_WIDTH_CM * 0.5)
    tag(doc, "{%p for line in lampiran.kepala.baris %}")
    head = para(doc, "{{r line|rt }}", style="Kepala Lampiran")
    head.paragraph_format.left_indent = Cm(BODY_WIDTH_CM * 0.5)
    tag(doc, "{%p endfor %}")
    para(doc).paragraph_format.keep_with_next = True
    titled_rencana_tables(doc)
    tag(doc, '{%p elif lampiran.jenis == "rencana_kerja" %}')
    buklet(doc)
    tag(doc, "{%p else %}")
    tim_table(doc)
    tag(doc, "{%p endif %}")
    penetapan_block(doc, "doc.penetapan")
    autentikasi_block(doc)
    tag(doc, "{%p endfor %}")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    doc.save(OUT)
    print(f"ditulis: {OUT}")
    standalone = mandiri_template()
    standalone.save(OUT_MANDIRI)
    print(f"ditulis: {OUT_MANDIRI}")
    return 0


def mandiri_template():
    """rencana-aksi.docx: the Rencana Aksi on its own, landscape, signed by the Ketua Tim."""
    doc = new_document(33.0, 21.5)
    tag(doc, "{%p with lampiran = doc.tabel %}")
    each_line(doc, "lampiran.judul", "Judul", runs=True)
    para(doc)
    for layout, keyword in ((7, "if"), (6, "elif"), (18, "elif")):
        tag(doc, f'{{%p {keyword} lampiran.tata_letak == {layout} %}}')
        rencana_table(doc, layout)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endwith %}")
    right = Cm(33.0 - 2.5 - 2.0 - 8.5)
    first = para(doc, "{{ doc.tempat_tanggal }}", style="Penetapan")
    first.paragraph_format.space_before = Pt(18)
    for p in (first, para(doc, "{{ doc.jabatan }}", style="Penetapan")):
        p.paragraph_format.left_indent = right
    name = para(doc, "{{ doc.nama }}", style="Penetapan")
    name.paragraph_format.left_indent = right
    name.paragraph_format.space_before = Pt(60)
    name.paragraph_format.keep_with_next = False
    return doc


if __name__ == "__main__":
    sys.exit(main())
