"""Decrees typed by hand in Word, and Rencana Aksi tables kept in Excel, written from a plan.

`zi impor` must read what offices really send: decrees made in Word without zi's templates,
each office in its own way. This module writes such files with plain python-docx and openpyxl
(never zi's templates) from a validated plan, in a named `Gaya` (style), so that the importer
can be scored against the plan's printed rows (`expected`).
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from generator.document.action_table import (
    BarisRencana,
    Kolom,
    header_rows,
    table_rows,
)
from generator.document.decree import (
    Dokumen,
    Item,
    LampiranRencanaAksi,
    LampiranRencanaKerja,
    LampiranTim,
    build_document,
)
from generator.plan.model import Rencana
from generator.text.inline import Run, Runs, parse, plain

FIXED_TIME = (2025, 1, 2, 8, 0, 0)
"""Every zip entry's date, so that a rerun writes the same bytes."""
FIXED_DATETIME = datetime(2025, 1, 2, 8, 0, 0)
"""The documents' created/modified properties."""


@dataclass(frozen=True)
class Gaya:
    """How one office types its decree; the flags combine freely."""

    badan: str = "tabs"
    """Decree body: 'tabs' ("Menimbang<TAB>:<TAB>a.<TAB>bahwa ...") or 'tabel' (a borderless
    table: label | : | letter | text)."""
    autonum: bool = False
    """Menimbang and Mengingat items as Word automatic numbering (w:numPr): 'a.' not in text."""
    sel: str = "merged"
    """Rencana Aksi cells: 'merged' (vMerge/gridSpan), 'repeated' (komponen and indikator on
    every row, no merges) or 'blank' (written on their first row only, the cells below empty)."""
    nomor_area: str = "{}"
    """How an area's roman number is typed: '{}' -> 'I', '{}.' -> 'I.'."""
    nomor_program: str = "{}"
    """How a program number is typed: '{}' -> 'V.1', '{}.' -> 'V.1.'."""
    nomor_komponen: str = "{}"
    """How a komponen number is typed: '{}' -> '1', '{}.' -> '1.'."""
    judul_kolom: tuple[tuple[str, str], ...] = ()
    """Header words replaced, e.g. (('TARGET WAKTU', 'WAKTU'),)."""
    huruf_kolom: str = "upper"
    """Header case: 'upper', 'title' or 'lower'."""
    nomor_kolom: bool = True
    """The column-number row '1 2 3 ...' under the header."""
    lebar: str = "zi"
    """Column widths: 'zi' (as zi prints them) or 'rata' (all equal, Word's default)."""
    potong: int = 1
    """The table cut into this many tables, each repeating the header rows."""
    pemisah: str = "kosong"
    """Between cut tables: 'kosong' (an empty paragraph) or 'halaman' (a page break)."""
    kepala_ulang: bool = False
    """The header rows typed again as ordinary rows in the middle of one table."""
    baris_kosong: bool = False
    """Empty rows inside the table (before each area and at its end)."""
    pecah_run: bool = False
    """Text split across several runs with different formatting and w:proofErr marks."""
    baris_lunak: bool = False
    """A soft line break (w:br) inside long cells, in place of a space."""
    tim_gabung: bool = True
    """Team table: group rows as one merged cell (gridSpan) or in the NAMA column only."""
    versi: str = "salinan"
    """'asli' (signature space) or 'salinan' ('ttd.', 'Salinan sesuai dengan aslinya')."""

    def names(self) -> list[str]:
        """The body, cells and version, then the flags that differ from the default: the
        fixture's description in its expected file."""
        base = Gaya()
        always = ("badan", "sel", "versi")
        examples = {"nomor_area": "I", "nomor_program": "V.1", "nomor_komponen": "1"}
        words: list[str] = []
        for key, value in vars(self).items():
            if key not in always and getattr(base, key) == value:
                continue
            if isinstance(value, bool):
                words.append(key if value else f"tanpa {key}")
            elif key in examples:
                words.append(f"{key}: {str(value).format(examples[key])}")
            elif key == "judul_kolom":
                words += [f"judul kolom: {old} -> {new}" for old, new in value]
            else:
                words.append(f"{key}: {value}")
        return words


# ---------------------------------------------------------------- expected values


def _text(runs: Runs) -> str:
    """Printed text with italics marked by stars, as a plan writes it."""
    return "".join(f"*{r.text}*" if r.italic and r.text.strip() else r.text for r in runs)


def expected_steps(plan: Rencana) -> list[dict[str, Any]]:
    """Every step of the plan as the table prints it: area, program, komponen, indikator and
    the step's cells, the merged cells carried down to each of their rows."""
    rencana = plan.rencana_aksi
    assert rencana is not None
    return steps_of_rows(table_rows(rencana, plan.tahun), rencana.kolom)


def steps_of_rows(rows: tuple[BarisRencana, ...], kolom: int) -> list[dict[str, Any]]:
    """Printed rows turned into one record per step (shared with the scorer)."""
    steps: list[dict[str, Any]] = []
    area = program = komponen = indikator = pj = ""
    for row in rows:
        if row.jenis == "area":
            area, program = _text(row.judul), ""
            continue
        if row.jenis == "program":
            program = _text(row.judul)
            continue
        if row.komponen_rentang:
            komponen = _text(row.komponen)
        if row.indikator_rentang:
            indikator = _text(row.indikator)
        if row.pj_rentang:
            pj = _text(row.penanggung_jawab)
        step: dict[str, Any] = {"area": area}
        if program:
            step["program"] = program
        step |= {"komponen": komponen, "indikator": indikator, "aksi": _text(row.sel[0]),
                 "bukti_fisik": _text(row.sel[1])}
        if kolom == 18:
            step["bulan"] = [m for m, cell in enumerate(row.sel[2:14], start=1) if plain(cell)]
            step["penanggung_jawab"] = pj
        else:
            step["target_waktu"] = _text(row.sel[2])
            if kolom == 7:
                step["target_capaian"] = _text(row.sel[3])
        steps.append(step)
    return steps


def expected_team(doc: Dokumen) -> list[str]:
    """The team table's rows as 'no | nama | jabatan | kedudukan' lines."""
    for lampiran in doc.lampiran:
        if isinstance(lampiran, LampiranTim):
            return [" | ".join(x for x in (row.no, plain(row.nama), plain(row.jabatan),
                                           plain(row.kedudukan)) if x)
                    for row in lampiran.baris]
    return []


def expected_decree(plan: Rencana, gaya: Gaya) -> dict[str, Any]:
    """What an importer must recover from a decree written in `gaya`."""
    doc = build_document(plan, gaya.versi)
    k = plan.keputusan
    assert k is not None and plan.rencana_aksi is not None
    return {
        "satker": {"tingkat": plan.satker.tingkat, "nama": plan.satker.nama,
                   "tempat": plan.satker.tempat},
        "keputusan": {
            "nomor": k.nomor or "", "tahun": k.tahun,
            "tanggal": k.tanggal.isoformat() if k.tanggal else None,
            "tentang": " ".join(plain(line) for line in doc.judul[3:]),
            "menimbang": len(doc.menimbang), "mengingat": len(doc.mengingat),
            "penandatangan": doc.penetapan.nama,
        },
        "kolom": plan.rencana_aksi.kolom,
        "tim": expected_team(doc),
        "langkah": expected_steps(plan),
    }


# ---------------------------------------------------------------- low-level DOCX helpers


def _segments(runs: Runs, gaya: Gaya, cell: bool) -> list[tuple[str, Run]]:
    """Runs as ('text', run) and ('br', _) pieces: '\\n' and the style's soft breaks."""
    pieces: list[tuple[str, Run]] = []
    for run in runs:
        for i, part in enumerate(run.text.split("\n")):
            if i:
                pieces.append(("br", Run("")))
            if part:
                pieces.append(("text", replace(run, text=part)))
    total = sum(len(r.text) for _, r in pieces)
    if cell and gaya.baris_lunak and total > 40:
        # the space nearest the middle becomes a soft line break, as Word users press Shift+Enter
        middle, seen = total // 2, 0
        for index, (kind, run) in enumerate(pieces):
            spaces = [m.start() for m in re.finditer(" ", run.text)] if kind == "text" else []
            candidates = [s for s in spaces if seen + s >= middle]
            if candidates:
                s = candidates[0]
                pieces[index:index + 1] = [("text", replace(run, text=run.text[:s])),
                                           ("br", Run("")),
                                           ("text", replace(run, text=run.text[s + 1:]))]
                break
            seen += len(run.text)
    return [(kind, run) for kind, run in pieces if kind == "br" or run.text]


def _proof(paragraph: Paragraph, kind: str) -> None:
    mark = OxmlElement("w:proofErr")
    mark.set(qn("w:type"), kind)
    paragraph._p.append(mark)


def write_runs(paragraph: Paragraph, runs: Runs, gaya: Gaya, cell: bool = False,
               bold: bool = False) -> None:
    """The runs into a paragraph, split and broken as the style says."""
    for kind, run in _segments(runs, gaya, cell):
        if kind == "br":
            paragraph.add_run().add_break()
            continue
        chunks = [run.text]
        if gaya.pecah_run:
            words = re.findall(r"\S+\s*|\s+", run.text)
            chunks = ["".join(words[i:i + 2]) for i in range(0, len(words), 2)] or [run.text]
        for n, chunk in enumerate(chunks):
            if gaya.pecah_run and n == 1:
                _proof(paragraph, "spellStart")
            piece = paragraph.add_run(chunk)
            piece.italic = True if run.italic else None
            piece.bold = True if (run.bold or bold) else None
            if gaya.pecah_run and n % 2:
                # what Word leaves after an edit: the same look, another run property set
                piece.font.size = Pt(11)
                lang = OxmlElement("w:lang")
                lang.set(qn("w:val"), "id-ID")
                piece._r.get_or_add_rPr().append(lang)
            if gaya.pecah_run and n == 1:
                _proof(paragraph, "spellEnd")


def _para(container: Any, text: str | Runs = "", gaya: Gaya | None = None, *,
          align: str = "", bold: bool = False, indent_cm: float = 0.0,
          space_after: float = 0.0) -> Paragraph:
    paragraph = container.add_paragraph()
    runs = parse(text) if isinstance(text, str) else text
    write_runs(paragraph, runs, gaya or Gaya(), bold=bold)
    fmt = paragraph.paragraph_format
    fmt.space_after = Pt(space_after)
    fmt.space_before = Pt(0)
    if indent_cm:
        fmt.left_indent = Cm(indent_cm)
    if align == "center":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif align == "justify":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    return paragraph


def _cell_text(cell: _Cell, runs: Runs | str, gaya: Gaya, bold: bool = False,
               center: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    write_runs(paragraph, parse(runs) if isinstance(runs, str) else runs, gaya, cell=True,
               bold=bold)
    paragraph.paragraph_format.space_after = Pt(0)
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _widths(table: Table, widths_cm: list[float]) -> None:
    """Grid and cell widths, as Word writes them for a table with fixed column widths."""
    table.autofit = False
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths_cm, strict=True):
        col.set(qn("w:w"), str(int(width * 567)))
    for row in table.rows:
        for index, tc in enumerate(row._tr.tc_lst):
            tc.width = Cm(widths_cm[index] if index < len(widths_cm) else widths_cm[-1])


def _no_borders(table: Table) -> None:
    borders = parse_xml(f"<w:tblBorders {nsdecls('w')}>" + "".join(
        f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right",
                                                "insideH", "insideV")) + "</w:tblBorders>")
    table._tbl.tblPr.append(borders)


def _repeat_header(row: Any) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    tr_pr.append(header)


def _tabs(paragraph: Paragraph, stops_cm: list[float], hanging_cm: float) -> None:
    fmt = paragraph.paragraph_format
    for stop in stops_cm:
        fmt.tab_stops.add_tab_stop(Cm(stop))
    fmt.left_indent = Cm(hanging_cm)
    fmt.first_line_indent = Cm(-hanging_cm)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY


# ---------------------------------------------------------------- numbering (autonum)


def _numbering(document: DocxDocument) -> dict[str, int]:
    """Two Word lists, 'a.' and '1.', in a real numbering part; their numIds by format."""
    numbering = document.part.numbering_part.element
    ids: dict[str, int] = {}
    for abstract_id, fmt in ((90, "lowerLetter"), (91, "decimal")):
        abstract = parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
            '<w:multiLevelType w:val="hybridMultilevel"/>'
            f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            '<w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>'
            '<w:pPr><w:ind w:left="2835" w:hanging="567"/></w:pPr></w:lvl></w:abstractNum>')
        first_num = numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)
        num = numbering.add_num(abstract_id)
        ids[fmt] = int(num.numId)
    return ids


def _numbered(paragraph: Paragraph, num_id: int) -> None:
    p_pr = paragraph._p.get_or_add_pPr()
    num_pr = parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/>'
                       f'<w:numId w:val="{num_id}"/></w:numPr>')
    p_pr.insert(0, num_pr)


# ---------------------------------------------------------------- the decree body


def _body_items(document: DocxDocument, label: str, items: tuple[Item, ...], gaya: Gaya,
                lists: dict[str, int], fmt: str) -> None:
    """Menimbang or Mengingat in the style's layout."""
    auto = gaya.autonum and len(items) > 1
    if gaya.badan == "tabel":
        if auto:
            table = document.add_table(rows=1, cols=3)
            _no_borders(table)
            cells = table.rows[0].cells
            _cell_text(cells[0], label, gaya)
            _cell_text(cells[1], ":", gaya)
            for index, item in enumerate(items):
                paragraph = cells[2].paragraphs[0] if index == 0 else cells[2].add_paragraph()
                write_runs(paragraph, item.text, gaya)
                _numbered(paragraph, lists[fmt])
                paragraph.paragraph_format.left_indent = Cm(0.7)
                paragraph.paragraph_format.first_line_indent = Cm(-0.7)
                paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            _widths(table, [3.0, 0.5, 12.5])
        else:
            table = document.add_table(rows=len(items), cols=4)
            _no_borders(table)
            for index, item in enumerate(items):
                cells = table.rows[index].cells
                if index == 0:
                    _cell_text(cells[0], label, gaya)
                    _cell_text(cells[1], ":", gaya)
                _cell_text(cells[2], item.label, gaya)
                _cell_text(cells[3], item.text, gaya)
                cells[3].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            _widths(table, [3.0, 0.5, 0.8, 11.7])
        _para(document)
        return
    if auto:
        heading = _para(document, f"{label}\t:")
        _tabs(heading, [3.0], 0.0)
        for item in items:
            paragraph = _para(document, item.text, gaya, align="justify")
            _numbered(paragraph, lists[fmt])
            paragraph.paragraph_format.left_indent = Cm(4.2)
            paragraph.paragraph_format.first_line_indent = Cm(-0.7)
    else:
        for index, item in enumerate(items):
            paragraph = document.add_paragraph()
            lead = f"{label}\t:\t" if index == 0 else "\t\t"
            paragraph.add_run(f"{lead}{item.label}\t")
            write_runs(paragraph, item.text, gaya)
            _tabs(paragraph, [3.0, 3.5, 4.2], 4.2)
            paragraph.paragraph_format.space_after = Pt(0)
    _para(document)


def _labelled(document: DocxDocument, label: str, text: Runs, gaya: Gaya) -> None:
    """'Menetapkan : ...', 'KESATU : ...' in the style's layout."""
    if gaya.badan == "tabel":
        table = document.add_table(rows=1, cols=3)
        _no_borders(table)
        cells = table.rows[0].cells
        _cell_text(cells[0], label, gaya)
        _cell_text(cells[1], ":", gaya)
        _cell_text(cells[2], text, gaya)
        cells[2].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        _widths(table, [3.0, 0.5, 12.5])
        return
    paragraph = document.add_paragraph()
    paragraph.add_run(f"{label}\t:\t")
    write_runs(paragraph, text, gaya)
    _tabs(paragraph, [3.0, 3.5], 3.5)
    paragraph.paragraph_format.space_after = Pt(6)


def _page(section: Any, landscape: bool) -> None:
    """F4 paper, as KPU offices print."""
    short, long_ = Cm(21.5), Cm(33.0)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (long_, short) if landscape else (short, long_)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.0))
    section.left_margin = Cm(2.5)


def _new_document() -> DocxDocument:
    document = Document()
    style = document.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(11)
    style.paragraph_format.space_after = Pt(0)
    _page(document.sections[0], landscape=False)
    props = document.core_properties
    props.created = props.modified = props.last_printed = FIXED_DATETIME
    props.revision = 1
    props.author = props.last_modified_by = "Subbagian Hukum"
    return document


def _decree_body(document: DocxDocument, doc: Dokumen, gaya: Gaya) -> None:
    lists = _numbering(document) if gaya.autonum else {}
    for line in doc.kop:
        _para(document, line, align="center", bold=True)
    _para(document, "")
    for line in doc.judul:
        _para(document, line, gaya, align="center", bold=True)
    _para(document)
    _para(document, doc.pejabat, align="center", bold=True, space_after=6)
    _body_items(document, "Menimbang", doc.menimbang, gaya, lists, "lowerLetter")
    _body_items(document, "Mengingat", doc.mengingat, gaya, lists, "decimal")
    _para(document, "MEMUTUSKAN:", align="center", bold=True, space_after=6)
    _labelled(document, "Menetapkan", doc.menetapkan, gaya)
    for item in doc.diktum:
        _labelled(document, item.label, item.text, gaya)
    _para(document)
    p = doc.penetapan
    for line in (p.tempat, p.tanggal, ""):
        _para(document, line, indent_cm=9.0)
    for line in p.jabatan:
        _para(document, line, indent_cm=9.0, bold=True)
    if p.ttd:
        _para(document, "")
        _para(document, p.ttd, indent_cm=9.0)
        _para(document, "")
    else:
        for _ in range(4):
            _para(document, "")
    _para(document, p.nama, indent_cm=9.0, bold=True)
    if doc.autentikasi:
        _para(document)
        for line in doc.autentikasi.baris:
            _para(document, line)
        for _ in range(3):
            _para(document, "")
        _para(document, doc.autentikasi.nama, bold=True)
        if doc.autentikasi.nip:
            _para(document, doc.autentikasi.nip)


# ---------------------------------------------------------------- the Rencana Aksi table


def _header_word(text: str, gaya: Gaya) -> str:
    for old, new in gaya.judul_kolom:
        if text == old:
            text = new
    if gaya.huruf_kolom == "title":
        return text.title()
    if gaya.huruf_kolom == "lower":
        return text.lower()
    return text


def _column_widths(kolom: tuple[Kolom, ...], gaya: Gaya) -> list[float]:
    usable = 27.0
    if gaya.lebar == "rata":
        return [usable / len(kolom)] * len(kolom)
    total = sum(k.lebar for k in kolom)
    return [usable * k.lebar / total for k in kolom]


def _write_header(table: Table, kolom: tuple[Kolom, ...], gaya: Gaya) -> None:
    """The header rows (and the column numbers) as new rows of `table`."""
    merged = gaya.sel == "merged"
    heads = header_rows(kolom)
    first = len(table.rows)
    for _ in heads:
        row = table.add_row()
        _repeat_header(row)
    if len(heads) == 1:
        for index, head in enumerate(heads[0]):
            _cell_text(table.rows[first].cells[index], _header_word(head.teks, gaya), gaya,
                       bold=True, center=True)
    else:
        top, below = table.rows[first], table.rows[first + 1]
        col = 0
        pending: list[tuple[int, int, int]] = []
        for head in heads[0]:
            _cell_text(top.cells[col], _header_word(head.teks, gaya), gaya, bold=True,
                       center=True)
            if head.kolom > 1:
                pending.append((first, col, col + head.kolom - 1))
                for offset, sub in enumerate(below_heads(heads, col, head.kolom)):
                    _cell_text(below.cells[col + offset], sub, gaya, bold=True, center=True)
            elif merged:
                pending.append((-1, col, 0))
            col += head.kolom
        # the month group spans its columns in every style (an unmerged header cell that
        # narrow would stack its letters); 'merged' also joins the other headers' two rows
        for row_index, start, end in pending:
            if row_index < 0:
                top.cells[start].merge(below.cells[start])
            else:
                top.cells[start].merge(top.cells[end])
    if gaya.nomor_kolom:
        row = table.add_row()
        _repeat_header(row)
        for index in range(len(kolom)):
            _cell_text(row.cells[index], str(index + 1), gaya, center=True)


def below_heads(heads: tuple[tuple[Any, ...], ...], start: int, width: int) -> list[str]:
    """The lower header row's words under a grouped header starting at column `start`."""
    col = 0
    below = iter(heads[1])
    words: list[str] = []
    for head in heads[0]:
        if head.kolom > 1:
            group = [next(below).teks for _ in range(head.kolom)]
            if col == start:
                words = group[:width]
        col += head.kolom
    return words


@dataclass
class _Span:
    """A cell spanning rows of one part of the table: its column, first row and text."""

    column: int
    start: int
    end: int
    text: Runs


def _parts(rows: tuple[BarisRencana, ...], count: int) -> list[tuple[BarisRencana, ...]]:
    """The rows cut into `count` tables, each cut inside a komponen where one is near, as
    copy-paste leaves it, else before a step row."""
    cuts = [0]
    for n in range(1, count):
        target = len(rows) * n // count
        inside = [i for i in range(target, min(target + 12, len(rows)))
                  if rows[i].jenis == "langkah" and rows[i].komponen_rentang == 0]
        steps = [i for i in range(target, len(rows)) if rows[i].jenis == "langkah"]
        cuts.append((inside or steps or [target])[0])
    cuts.append(len(rows))
    return [rows[a:b] for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


def _step_cells(row: BarisRencana) -> list[tuple[int, Runs]]:
    """(column, text) of a step row's own cells after INDIKATOR (not the spanning ones)."""
    return [(3 + i, runs) for i, runs in enumerate(row.sel)]


def _write_rows(table: Table, part: tuple[BarisRencana, ...], kolom: tuple[Kolom, ...],
                gaya: Gaya, carried: dict[int, Runs], kepala_ulang_at: int) -> None:
    """The part's rows into `table`; spans of komponen, indikator, PJ as the style says."""
    n = len(kolom)
    pj_col = n - 1 if n == 18 else -1
    spans: list[_Span] = []
    open_spans: dict[int, _Span] = {}
    horizontal: list[tuple[int, int, int]] = []
    for index, row in enumerate(part):
        if index == kepala_ulang_at:
            _write_header(table, kolom, replace(gaya, sel="repeated"))
            open_spans.clear()
        if gaya.baris_kosong and row.jenis == "area":
            table.add_row()
            open_spans.clear()
        tr = table.add_row()
        r = len(table.rows) - 1
        cells = tr.cells
        if row.jenis in ("area", "program"):
            open_spans.clear()
            fmt = gaya.nomor_area if row.jenis == "area" else gaya.nomor_program
            _cell_text(cells[0], fmt.format(row.no), gaya, bold=True, center=True)
            _cell_text(cells[1], row.judul, gaya, bold=True)
            if gaya.sel == "merged":
                horizontal.append((r, 1, n - 1))
            continue
        spanning = [(1, row.komponen, row.komponen_rentang), (2, row.indikator,
                                                              row.indikator_rentang)]
        if pj_col > 0:
            spanning.append((pj_col, row.penanggung_jawab, row.pj_rentang))
        for col, text, rentang in spanning:
            if rentang:
                carried[col] = text
            if rentang or col not in open_spans:
                # first row of the cell, or the first row of a part that continues it
                shown = text if rentang else ()
                if gaya.sel == "repeated":
                    shown = carried.get(col, ())
                span = _Span(col, r, r, shown)
                open_spans[col] = span
                spans.append(span)
                if col == 1:
                    number = gaya.nomor_komponen.format(row.no) if row.no else ""
                    _cell_text(cells[0], number, gaya, center=True)
                    spans.append(_Span(0, r, r, ()))
                    open_spans[0] = spans[-1]
            else:
                open_spans[col].end = r
                if col == 1:
                    open_spans[0].end = r
        for col, runs in _step_cells(row):
            if col == pj_col:
                continue
            _cell_text(cells[col], runs, gaya, center=n == 18 and 5 <= col < 17)
    if gaya.baris_kosong:
        table.add_row()
    for span in spans:
        cell = table.rows[span.start].cells[span.column]
        if span.column:
            _cell_text(cell, span.text, gaya)
    if gaya.sel == "repeated":
        for span in spans:
            if span.column == 0:
                continue
            for r in range(span.start + 1, span.end + 1):
                _cell_text(table.rows[r].cells[span.column], span.text, gaya)
    if gaya.sel == "merged":
        for span in spans:
            if span.end > span.start:
                top = table.rows[span.start].cells[span.column]
                top.merge(table.rows[span.end].cells[span.column])
        for r, start, end in horizontal:
            cells = table.rows[r].cells
            cells[start].merge(cells[end])


def _rencana_table(document: DocxDocument, lampiran: LampiranRencanaAksi, gaya: Gaya) -> None:
    kolom = lampiran.kolom
    widths = _column_widths(kolom, gaya)
    carried: dict[int, Runs] = {}
    parts = _parts(lampiran.baris, gaya.potong)
    for number, part in enumerate(parts):
        if number:
            paragraph = _para(document)
            if gaya.pemisah == "halaman":
                paragraph.add_run().add_break(WD_BREAK.PAGE)
        table = document.add_table(rows=0, cols=len(kolom))
        table.style = document.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        _write_header(table, kolom, gaya)
        ulang = len(part) // 2 if gaya.kepala_ulang and number == 0 else -1
        _write_rows(table, part, kolom, gaya, carried, ulang)
        _widths(table, widths)


def _team_table(document: DocxDocument, lampiran: LampiranTim, gaya: Gaya) -> None:
    table = document.add_table(rows=1, cols=4)
    table.style = document.styles["Table Grid"]
    for index, word in enumerate(("NO", "NAMA", "JABATAN", "KEDUDUKAN DALAM TIM")):
        _cell_text(table.rows[0].cells[index], word, gaya, bold=True, center=True)
    for row in lampiran.baris:
        cells = table.add_row().cells
        _cell_text(cells[0], row.no, gaya, bold=row.jenis != "orang")
        if row.jenis == "orang":
            _cell_text(cells[1], row.nama, gaya)
            _cell_text(cells[2], row.jabatan, gaya)
            _cell_text(cells[3], row.kedudukan, gaya)
        else:
            _cell_text(cells[1], row.nama, gaya, bold=True)
            if gaya.tim_gabung:
                cells[1].merge(cells[3])
    _widths(table, [1.2, 5.5, 5.3, 4.5])


def _lampiran_head(document: DocxDocument, label: str, lines: tuple[Runs, ...]) -> None:
    _para(document, label, indent_cm=9.0)
    for line in lines:
        _para(document, line, indent_cm=9.0)
    _para(document)


def write_decree(plan: Rencana, gaya: Gaya) -> bytes:
    """The decree as an office types it in Word, in `gaya`: deterministic DOCX bytes."""
    doc = build_document(plan, gaya.versi)
    document = _new_document()
    _decree_body(document, doc, gaya)
    for lampiran in doc.lampiran:
        tabel = lampiran.tabel if isinstance(lampiran, LampiranRencanaKerja) else lampiran
        landscape = isinstance(tabel, LampiranRencanaAksi)
        _page(document.add_section(WD_SECTION.NEW_PAGE), landscape)
        assert lampiran.kepala is not None
        _lampiran_head(document, lampiran.kepala.label, lampiran.kepala.baris)
        if isinstance(lampiran, LampiranRencanaKerja):
            for line in lampiran.judul:
                _para(document, line, gaya, align="center", bold=True)
        if isinstance(tabel, LampiranRencanaAksi):
            for line in tabel.judul:
                _para(document, line, gaya, align="center", bold=True, space_after=6)
            _rencana_table(document, tabel, gaya)
        elif isinstance(lampiran, LampiranTim):
            for line in lampiran.judul:
                _para(document, line, gaya, align="center", bold=True, space_after=6)
            _team_table(document, lampiran, gaya)
        _para(document)
        _para(document, "KETUA KOMISI PEMILIHAN UMUM", indent_cm=16.0 if landscape else 9.0)
        _para(document, doc.penetapan.jabatan[1], indent_cm=16.0 if landscape else 9.0)
        _para(document, doc.penetapan.ttd or "")
        _para(document, doc.penetapan.nama, indent_cm=16.0 if landscape else 9.0, bold=True)
    return _save(document)


DROPPED = ("word/stylesWithEffects.xml", "docProps/thumbnail.jpeg", "customXml/")
"""Parts of python-docx's default template a Word user's file need not carry: dropped to keep
the fixtures small."""


def _save(document: DocxDocument) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return fixed_zip(_slim(buffer.getvalue()))


def _slim(data: bytes) -> bytes:
    """The DOCX without the DROPPED parts and the references to them."""
    out = io.BytesIO()
    names = ("stylesWithEffects", "thumbnail", "customXml", "itemProps", "item1")
    reference = re.compile(rb"<(Relationship|Override)\b[^>]*(" + b"|".join(
        n.encode() for n in names) + rb")[^>]*/>")
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename.startswith(DROPPED):
                continue
            body = source.read(info.filename)
            if info.filename.endswith((".rels", "[Content_Types].xml")):
                body = reference.sub(b"", body)
            target.writestr(info, body)
    return out.getvalue()


def fixed_zip(data: bytes) -> bytes:
    """The same zip with every entry dated FIXED_TIME, so that reruns give the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


# ---------------------------------------------------------------- Excel


@dataclass(frozen=True)
class GayaExcel:
    """How an office keeps its Rencana Aksi table in Excel."""

    gabung: bool = True
    """Merged cells for komponen, indikator, PJ and area rows; else values repeated per row."""
    judul: bool = True
    """Title rows above the header ('RENCANA AKSI ... TAHUN 2025')."""
    judul_kolom: tuple[tuple[str, str], ...] = ()
    """Header words replaced, as in Gaya."""
    kolom_awal: int = 1
    """The column the table starts at (1 = A); offices often leave column A empty."""


def write_workbook(plan: Rencana, gaya: GayaExcel) -> bytes:
    """The plan's Rencana Aksi table alone, as an Excel sheet: deterministic XLSX bytes."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    rencana = plan.rencana_aksi
    assert rencana is not None
    doc = build_document(plan, "asli")
    tabel = next(t for t in (lp.tabel if isinstance(lp, LampiranRencanaKerja) else lp
                             for lp in doc.lampiran) if isinstance(t, LampiranRencanaAksi))
    kolom = tabel.kolom
    n = len(kolom)
    c0 = gaya.kolom_awal
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Rencana Aksi"
    row = 1
    wrap = Alignment(wrap_text=True, vertical="top")
    if gaya.judul:
        for line in tabel.judul:
            sheet.cell(row, c0, plain(line)).font = Font(bold=True)
            sheet.merge_cells(start_row=row, start_column=c0, end_row=row,
                              end_column=c0 + n - 1)
            row += 1
        row += 1
    heads = header_rows(kolom)
    words = dict(gaya.judul_kolom)
    col = c0
    for head in heads[0]:
        sheet.cell(row, col, words.get(head.teks, head.teks)).font = Font(bold=True)
        if head.kolom > 1:
            sheet.merge_cells(start_row=row, start_column=col, end_row=row,
                              end_column=col + head.kolom - 1)
        elif len(heads) > 1:
            sheet.merge_cells(start_row=row, start_column=col, end_row=row + 1, end_column=col)
        col += head.kolom
    if len(heads) > 1:
        row += 1
        for k in kolom:
            if k.grup:
                sheet.cell(row, c0 + k.nomor - 1, int(k.judul)).font = Font(bold=True)
    row += 1
    spans: dict[int, tuple[int, Any]] = {}

    def close(column: int, last: int) -> None:
        if column in spans:
            start, _ = spans.pop(column)
            if gaya.gabung and last > start:
                sheet.merge_cells(start_row=start, start_column=c0 + column, end_row=last,
                                  end_column=c0 + column)

    pj_col = n - 1 if n == 18 else -1
    for line in tabel.baris:
        if line.jenis in ("area", "program"):
            for column in list(spans):
                close(column, row - 1)
            sheet.cell(row, c0, line.no).font = Font(bold=True)
            sheet.cell(row, c0 + 1, _text(line.judul)).font = Font(bold=True)
            if gaya.gabung:
                sheet.merge_cells(start_row=row, start_column=c0 + 1, end_row=row,
                                  end_column=c0 + n - 1)
            row += 1
            continue
        spanning = [(1, line.komponen, line.komponen_rentang),
                    (2, line.indikator, line.indikator_rentang)]
        if pj_col > 0:
            spanning.append((pj_col, line.penanggung_jawab, line.pj_rentang))
        for column, text, rentang in spanning:
            if rentang:
                close(column, row - 1)
                spans[column] = (row, _text(text))
                if column == 1:
                    close(0, row - 1)
                    spans[0] = (row, line.no)
            value = spans[column][1]
            if rentang or not gaya.gabung:
                sheet.cell(row, c0 + column, value).alignment = wrap
            if column == 1 and (rentang or not gaya.gabung):
                sheet.cell(row, c0, int(spans[0][1]))
        for column, runs in _step_cells(line):
            if column != pj_col and plain(runs):
                sheet.cell(row, c0 + column, _text(runs)).alignment = wrap
        row += 1
    for column in list(spans):
        close(column, row - 1)
    for k in kolom:
        letter = get_column_letter(c0 + k.nomor - 1)
        sheet.column_dimensions[letter].width = max(3.0, k.lebar * 2.2)
    book.properties.created = book.properties.modified = FIXED_DATETIME
    book.properties.creator = book.properties.lastModifiedBy = "Subbagian Program"
    buffer = io.BytesIO()
    book.save(buffer)
    return fixed_zip(_fixed_core(buffer.getvalue()))


def _fixed_core(data: bytes) -> bytes:
    """openpyxl stamps docProps/core.xml with the time of saving: put the fixed date back."""
    out = io.BytesIO()
    stamp = FIXED_DATETIME.strftime("%Y-%m-%dT%H:%M:%SZ")
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp.encode(),
                              body)
                body = re.sub(rb"(<dcterms:created[^>]*>)[^<]*", rb"\g<1>" + stamp.encode(),
                              body)
            target.writestr(info, body)
    return out.getvalue()


def expected_workbook(plan: Rencana, gaya: GayaExcel) -> dict[str, Any]:
    """What an importer must recover from a workbook: the column set and the steps."""
    assert plan.rencana_aksi is not None
    return {"tahun": plan.tahun if gaya.judul else None, "kolom": plan.rencana_aksi.kolom,
            "langkah": expected_steps(plan)}


# ---------------------------------------------------------------- bad inputs


def write_letter() -> bytes:
    """A DOCX that is not a decree: an invitation letter."""
    document = _new_document()
    for line in ("KOMISI PEMILIHAN UMUM", "KABUPATEN KUTAI TIMUR"):
        _para(document, line, align="center", bold=True)
    _para(document)
    for line in ("Nomor\t: 12/PP.01-Und/6408/2025", "Lampiran\t: -",
                 "Perihal\t: Undangan Rapat Koordinasi", "", "Yth. Bapak/Ibu Kepala Subbagian",
                 "di Tempat", "",
                 "Dengan hormat, bersama ini kami mengundang Bapak/Ibu untuk hadir pada rapat "
                 "koordinasi pembangunan Zona Integritas yang akan dilaksanakan pada hari Senin, "
                 "6 Januari 2025, pukul 09.00 WITA, di Aula KPU Kabupaten Kutai Timur.",
                 "Demikian undangan ini kami sampaikan, atas perhatiannya diucapkan terima kasih.",
                 "", "Sekretaris,", "", "", "SITI RAHMAH"):
        _para(document, line)
    return _save(document)


def write_empty() -> bytes:
    """A DOCX without a single word."""
    return _save(_new_document())


NOT_A_ZIP = (b"Ini bukan berkas Word, melainkan catatan biasa yang diberi nama .docx.\n"
)
"""A text file saved under a .docx name."""

OLD_DOC = bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504) + b"Microsoft Word 97-2003" + bytes(1000)
"""The start of a Word 97-2003 .doc (an OLE2 compound file), which is no zip."""
