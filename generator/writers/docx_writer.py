"""The DOCX writer: the document context through the docxtpl template a user can edit in Word."""

from __future__ import annotations

import copy
import io
import secrets
import zipfile
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, NoReturn

from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Length, Mm
from docx.text.paragraph import Paragraph
from docxtpl import DocxTemplate, RichText
from jinja2 import BaseLoader, Environment, StrictUndefined, TemplateError
from jinja2.exceptions import SecurityError
from markupsafe import Markup, escape

from generator.document.action_table import BarisRencana
from generator.document.decree import (
    Dokumen,
    DokumenMandiri,
    LampiranRencanaAksi,
    LampiranRencanaKerja,
)
from generator.text.inline import Runs, is_runs, plain
from generator.writers.fetch import template_roots
from generator.writers.layout import LABEL_CM, label_width, merged_cells
from generator.writers.limits import bounded, read_docx_template
from generator.writers.markers import table_kind
from generator.writers.problem import TemplateProblem
from generator.writers.resources import template_file
from generator.writers.tag_repair import MangledTags, repair
from generator.writers.templating import CachedCompileEnvironment, code_message, jinja_message

Xml = Any
"""An element of python-docx's XML tree: lxml, with the attributes python-docx adds at run time
(`pPr`, `tr_lst`, ...), which no type information describes."""

PAPER_CM = {"f4": (21.5, 33.0), "a4": (21.0, 29.7)}
"""Portrait width and height of each paper size."""

FONTS = {"arial": "Arial", "bookman": "Bookman Old Style"}
"""The font the DOCX names; the PDF embeds a metric-compatible free one."""

_SECTION_ORDER = ("w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg",
                  "w:textDirection", "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings")
_RIGHT_SIDE_STYLES = ("Kepala Lampiran", "Penetapan")
_LEFT_HALF_STYLES = ("Autentikasi",)
_SIGNATURE_STYLE = "Penetapan"
_LEAD_IN_STYLES = ("Naskah ", "Butir ")
"""Styles of booklet text whose lines ending in a colon announce what follows."""
LOGO_HEIGHT = Mm(22)
"""The kop logo's printed height."""
MAX_LOGOS = 20
"""Places a template may print the logo (each is a picture the writer inserts)."""


def _xml_text(text: str) -> Markup:
    """Escape for XML; '_' too, because docxtpl turns a literal '{_{' into '{{' after rendering."""
    return Markup(str(escape(text)).replace("_", "&#95;"))


def rich(runs: Runs, bold: bool = False) -> RichText:
    """Styled runs as docxtpl RichText: escaped text, italics, line breaks."""
    text = RichText()
    for run in runs:
        props = ("<w:b/>" if bold or run.bold else "") + ("<w:i/>" if run.italic else "")
        rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
        for i, line in enumerate(run.text.split("\n")):
            if i:
                text.xml += "<w:r><w:br/></w:r>"
            if line:
                text.xml += f'<w:r>{rpr}<w:t xml:space="preserve">{_xml_text(line)}</w:t></w:r>'
    return text


def _finalize(value: object) -> object:
    """Every plain value printed by the template is escaped the same way as rich text.

    Styled runs printed with `{{ }}` instead of `{{r ...|rt }}` (a template made before a field
    carried italics) print as their plain words.
    """
    if is_runs(value):
        value = plain(value)
    if isinstance(value, str) and not isinstance(value, Markup):
        return _xml_text(value)
    return "" if value is None else value


class _NoOtherTemplates(BaseLoader):
    """A DOCX template is one file: `include`, `import` and `extends` are refused."""

    def get_source(self, environment: Environment, template: str) -> NoReturn:
        raise SecurityError(f"templat DOCX tidak dapat menyisipkan berkas lain ('{template}')")


def _environment() -> CachedCompileEnvironment:
    env = CachedCompileEnvironment(autoescape=True, undefined=StrictUndefined,
                                   finalize=_finalize, loader=_NoOtherTemplates())
    env.filters["rt"] = rich
    return env


class _Template(DocxTemplate):  # type: ignore[misc]  # docxtpl has no type information
    """docxtpl's template whose tag clean-up (a hundred regex passes over the whole XML) is
    done once per template text and kept, as the compiled template code is."""

    def patch_xml(self, src_xml: str) -> str:
        return _patched(src_xml)


@lru_cache(maxsize=16)
def _patched(xml: str) -> str:
    """Tags an editor split joined and table markers made captions (tag_repair), then
    docxtpl's clean-up of one part's XML; it depends on the text alone."""
    patched: str = DocxTemplate.patch_xml(None, repair(xml))
    return patched


def render_docx(doc: Dokumen | DokumenMandiri, when: datetime,
                templates: Path | None = None) -> bytes:
    """The decree, or the standalone Rencana Aksi, as DOCX bytes stamped with `when`."""
    if isinstance(doc, DokumenMandiri):
        name, tables, sections = "rencana-aksi.docx", [doc.tabel], [(True, True)]
    else:
        name, sections = "keputusan.docx", _sections(doc)
        tables = _rencana_tables(doc)
    path = template_file(name, templates)
    logo = getattr(doc, "logo", None)
    # the template gets plain data only: the logo is a marker no plan text can guess, printed
    # where the template wants the logo and replaced by the picture after filling
    marker = f"ZILOGO{secrets.token_hex(16)}" if logo else ""
    with bounded(f"templat {name}"):  # everything the template's content drives
        template = _fill(path, name, templates, {"doc": doc, "logo": marker})
        try:
            data = _finish(template.docx, doc, when, name, marker, tables, sections)
        except (TemplateProblem, MemoryError):
            raise
        except Exception as exc:  # a template without the styles or parts the writer adjusts
            raise TemplateProblem(f"templat {name}: hasil pengisian tidak dapat diolah "
                                  f"({type(exc).__name__}: {exc})") from None
    return data


def _finish(document: DocxDocument, doc: Dokumen | DokumenMandiri, when: datetime, name: str,
            marker: str, tables: list[Any], sections: list[tuple[bool, bool]]) -> bytes:
    """The filled template's pictures, merged cells, sections, pagination and properties."""
    if marker:
        # a marker is made only for a document with a logo
        _place_logo(document, marker, doc.logo, name)  # type: ignore[union-attr, arg-type]
    _merge_rencana_cells(document, tables)
    if isinstance(doc, Dokumen):
        _widen_labels(document, label_width(doc))
    _set_sections(document, doc.kertas, sections)
    styles = {style.style_id: style.name for style in document.styles}
    _keep_together(document, styles)
    _cover_without_page_number(document, styles)
    _set_font_and_language(document, doc.huruf)
    return saved(document, doc.judul_metadata, doc.penulis, when)


def saved(document: DocxDocument, title: str, author: str, when: datetime) -> bytes:
    """The document's properties (title, author, Indonesian, `when`), saved as a zip whose bytes
    depend on its content only: the last step of every DOCX zi writes."""
    props = document.core_properties
    # python-docx refuses strings over 255 characters; a decree's title is often longer
    props._element._get_or_add("title").text = title
    props.author = author
    props.language = "id-ID"
    props.last_modified_by = author
    props.created = props.modified = when.replace(microsecond=0)
    out = io.BytesIO()
    document.save(out)
    return _stable_zip(out.getvalue(), when)


def _rencana_tables(doc: Dokumen) -> list[LampiranRencanaAksi]:
    """The Rencana Aksi tables in print order: an attachment's, or the one inside a chapter."""
    found = []
    for lamp in doc.lampiran:
        if isinstance(lamp, LampiranRencanaAksi):
            found.append(lamp)
        elif isinstance(lamp, LampiranRencanaKerja) and lamp.tabel is not None:
            found.append(lamp.tabel)
    return found


def _fill(path: Path, name: str, templates: Path | None, context: dict[str, Any]) -> _Template:
    """The template read (confined, bounded, unpacked within limits) and filled with `context`;
    whatever goes wrong on the way is a TemplateProblem naming the template."""
    data = read_docx_template(_checked_path(path, templates), name)
    try:
        template = _Template(io.BytesIO(data))
        template.render(context, _environment(), autoescape=True)
    except MangledTags as exc:
        raise TemplateProblem(f"templat {name}: {exc}") from None
    except TemplateError as exc:
        raise TemplateProblem(_docx_error(path, exc)) from None
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise TemplateProblem(f"templat {name} tidak dapat dibuka sebagai DOCX ({exc})") \
            from None
    except SyntaxError as exc:  # lxml's XMLSyntaxError: the filled XML does not parse
        raise TemplateProblem(f"templat {name}: hasil pengisian bukan XML Word yang sah ({exc})") \
            from None
    except MemoryError:
        raise  # the memory bound's own message
    except Exception as exc:  # whatever else a template's code raises is the template's fault
        raise TemplateProblem(f"templat {name}: {code_message(exc)}") from None
    return template


def _checked_path(path: Path, templates: Path | None) -> Path:
    """The template's real path, refused unless inside the shipped or the user's folder."""
    from generator.writers.fetch import Refused, confined

    try:
        return confined(path, template_roots(templates))
    except Refused:
        raise TemplateProblem(f"templat {path.name}: berkas berada di luar folder templat "
                              "(tautan simbolik ke tempat lain tidak dipakai)") from None


def _place_logo(document: DocxDocument, marker: str, logo: bytes, name: str) -> None:
    """Each run whose text holds the marker gets the logo there, in the run's own formatting;
    in the body, headers and footers alike, at most MAX_LOGOS times."""
    parts: dict[int, Any] = {id(document.part): document.part}  # body, header, footer parts
    for section in document.sections:
        for story in (section.header, section.first_page_header, section.even_page_header,
                      section.footer, section.first_page_footer, section.even_page_footer):
            if not story.is_linked_to_previous:
                parts[id(story.part)] = story.part
    found = [(part, text) for part in parts.values() for text in part.element.iter(qn("w:t"))
             if text.text and marker in text.text]
    if sum(text.text.count(marker) for _, text in found) > MAX_LOGOS:
        raise TemplateProblem(f"templat {name}: logo dicetak lebih dari {MAX_LOGOS} kali "
                              "(periksa perulangan di templat)")
    for part, text in found:
        _picture_in_run(part, text, marker, logo)


def _picture_in_run(part: Any, text: Xml, marker: str, logo: bytes) -> None:
    """Split the run at each marker: text before, the picture, text after."""
    run = text.getparent()
    pieces = text.text.split(marker)
    text.text = pieces[0]
    if run.tag != qn("w:r"):
        return
    following = list(run)[list(run).index(text) + 1:]
    props = run.find(qn("w:rPr"))
    anchor = run
    for number, piece in enumerate(pieces[1:], start=1):
        picture = OxmlElement("w:r")
        if props is not None:
            picture.append(copy.deepcopy(props))
        picture.add_drawing(part.new_pic_inline(io.BytesIO(logo), None, LOGO_HEIGHT))
        anchor.addnext(picture)
        after = OxmlElement("w:r")
        if props is not None:
            after.append(copy.deepcopy(props))
        words = OxmlElement("w:t")
        words.set(qn("xml:space"), "preserve")
        words.text = piece
        after.append(words)
        if number == len(pieces) - 1:
            for child in following:
                after.append(child)  # the run's tabs and text after the marker move along
        picture.addnext(after)
        anchor = after


def _sections(doc: Dokumen) -> list[tuple[bool, bool]]:
    """(landscape, starts a document part) for each section: the decree, then each attachment;
    a table inside a chapter has landscape pages of its own, numbered on from the chapters."""
    sections = [(False, True)]
    for lamp in doc.lampiran:
        sections.append((lamp.mendatar, True))
        for blok in lamp.blok if isinstance(lamp, LampiranRencanaKerja) else ():
            if blok.jenis in ("mendatar", "tegak"):
                sections.append((blok.jenis == "mendatar", False))
    return sections


def _stable_zip(data: bytes, when: datetime) -> bytes:
    """The same members in the same order, each dated `when`: same input, same bytes."""
    stamp = when.astimezone(UTC).timetuple()[:6]
    stamp = max(stamp, (1980, 1, 1, 0, 0, 0))
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=stamp)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            target.writestr(member, source.read(info.filename))
    return out.getvalue()


def _widen_labels(document: DocxDocument, width_cm: float) -> None:
    """Move the colon and text columns right when diktum words are longer than the template's."""
    extra = Cm(width_cm - LABEL_CM)
    if extra <= 0:
        return
    for name in ("Butir", "Diktum"):
        fmt = document.styles[name].paragraph_format
        stops = [(stop.position, stop.alignment) for stop in fmt.tab_stops]
        fmt.tab_stops.clear_all()
        for position, alignment in stops:
            fmt.tab_stops.add_tab_stop(Length(position + extra), alignment)
        fmt.left_indent = Length(fmt.left_indent + extra)
        fmt.first_line_indent = Length(fmt.first_line_indent - extra)


def _docx_error(path: Path, exc: TemplateError) -> str:
    """Name the template and, where docxtpl kept it, the text around the faulty tag."""
    near = " ".join(" ".join(getattr(exc, "docx_context", []) or []).split())
    where = f" (dekat teks: '{near[:80]}')" if near else ""
    return f"templat {path.name}: {jinja_message(exc)}{where}"


def _tables_of_kind(document: DocxDocument, prefix: str) -> list[Any]:
    """The body's tables whose kind (markers.table_kind) starts with `prefix`, in order."""
    return [table for table in document.tables
            if (table_kind(table._tbl) or "").startswith(prefix)]


def _merge_rencana_cells(document: DocxDocument, attachments: list[LampiranRencanaAksi]) -> None:
    """Merge komponen, indikator and penanggung jawab cells over the rows they span."""
    tables = _tables_of_kind(document, "rencana_aksi_")
    if len(tables) != len(attachments):
        raise TemplateProblem(
            "templat keputusan.docx: tabel Rencana Aksi harus bertanda "
            "'{#zi:tabel rencana_aksi_7#}', '{#zi:tabel rencana_aksi_6#}' atau "
            "'{#zi:tabel rencana_aksi_18#}' di awal sel "
            "pertamanya (atau berjudul alt text itu) dan ada di dalam perulangan lampiran")
    for table, lampiran in zip(tables, attachments, strict=True):
        header_rows = len(lampiran.kepala_tabel) + 1
        data_rows = table._tbl.tr_lst[header_rows:]
        for tr, row in zip(data_rows, lampiran.baris, strict=True):
            if not isinstance(row, BarisRencana) or row.jenis != "langkah":
                continue
            cells = tr.tc_lst
            for index, span in merged_cells(row, lampiran.tata_letak, len(cells)):
                if span == 1:
                    continue
                cells[index].vMerge = "restart" if span else "continue"


def _set_sections(document: DocxDocument, kertas: str, layout: list[tuple[bool, bool]]) -> None:
    """Paper size and orientation per section; numbering restarts in each attachment and
    goes on through the landscape pages of a table inside a chapter."""
    width, height = (Cm(v) for v in PAPER_CM[kertas])
    sections = list(document.sections)
    if len(sections) != len(layout):
        raise TemplateProblem("templat keputusan.docx: harus ada tepat satu pemisah bagian "
                              "(section break) di awal perulangan lampiran, satu untuk blok "
                              "'mendatar' dan 'tegak' buklet, dan tidak ada yang lain")
    body_widths: list[Length] = []
    for section, (wide, starts) in zip(sections, layout, strict=True):
        section.orientation = WD_ORIENT.LANDSCAPE if wide else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = (height, width) if wide else (width, height)
        section.different_first_page_header_footer = starts
        if starts:
            _restart_numbering(section._sectPr)
        left, right = section.left_margin, section.right_margin
        assert left is not None and right is not None  # the template sets every margin
        body_widths.append(Length((height if wide else width) - left - right))
    _shift_right_side_blocks(document, body_widths)


def _restart_numbering(sect_pr: Xml) -> None:
    existing = sect_pr.find(qn("w:pgNumType"))
    if existing is None:
        existing = OxmlElement("w:pgNumType")
        for name in _SECTION_ORDER:
            anchor = sect_pr.find(qn(name))
            if anchor is not None:
                anchor.addprevious(existing)
                break
        else:
            sect_pr.append(existing)
    existing.set(qn("w:start"), "1")


def _shift_right_side_blocks(document: DocxDocument, body_widths: list[Length]) -> None:
    """Keep the lampiran header and signature blocks as far from the right edge as designed."""
    portrait = body_widths[0]
    section = 0
    for element in document.element.body.iterchildren(qn("w:p")):
        paragraph = Paragraph(element, document)
        extra = body_widths[section] - portrait
        styled = paragraph.style if extra else None
        style = styled.name if styled is not None else None
        if styled is not None and style in _RIGHT_SIDE_STYLES:
            indent = (paragraph.paragraph_format.left_indent
                      or styled.paragraph_format.left_indent or 0)
            paragraph.paragraph_format.left_indent = Length(indent + extra)
        elif styled is not None and style in _LEFT_HALF_STYLES:
            indent = (paragraph.paragraph_format.right_indent
                      or styled.paragraph_format.right_indent or 0)
            paragraph.paragraph_format.right_indent = Length(indent + extra)
        if element.find(qn("w:pPr") + "/" + qn("w:sectPr")) is not None:
            section += 1


def _style_name(element: Xml) -> str:
    """The style id of a paragraph element, '' for a table or an unstyled paragraph."""
    if element.tag != qn("w:p") or element.pPr is None or element.pPr.pStyle is None:
        return ""
    return str(element.pPr.pStyle.val)


def _keep_with_next(paragraph_element: Xml) -> None:
    ppr = paragraph_element.get_or_add_pPr()
    ppr.keepNext_val = True
    ppr.keepLines_val = True


def _keeps_with_next(row: Xml) -> bool:
    """True for a heading row (area, program, group): all its paragraphs keep with the next."""
    paragraphs = list(row.iter(qn("w:p")))
    return bool(paragraphs) and all(
        p.pPr is not None and p.pPr.keepNext_val for p in paragraphs)


def _is_header(row: Xml) -> bool:
    return row.trPr is not None and row.trPr.find(qn("w:tblHeader")) is not None


def _keep_last_row_with_next(table: Xml, signature_ids: set[str]) -> None:
    """The table's last row goes to the signature's page.

    Word keeps a row whose paragraphs keep with the next; LibreOffice (7.4) keeps rows together
    that way but never carries a table's last row to the paragraph after the table. So the last
    row (with the area rows just before it) becomes a table of its own inside one unsplittable,
    borderless row that also holds the signature and its authentication. On the signature's
    page those rows have no repeated column headings.
    """
    rows = table.findall(qn("w:tr"))
    last_row = rows[-1]
    trpr = last_row.get_or_add_trPr()
    if trpr.find(qn("w:cantSplit")) is None:
        trpr.insert(0, OxmlElement("w:cantSplit"))
    for paragraph in last_row.iter(qn("w:p")):
        _keep_with_next(paragraph)
    moved = [last_row]
    while len(rows) > len(moved) + 1 and _keeps_with_next(rows[-len(moved) - 1]):
        moved.insert(0, rows[-len(moved) - 1])  # an area row goes with its last step
    if len(rows) == len(moved) or any(_is_header(row) for row in moved):
        return
    block = []
    following = table.getnext()
    while following is not None and _style_name(following) in signature_ids and \
            following.find(qn("w:pPr") + "/" + qn("w:sectPr")) is None:
        block.append(following)
        following = following.getnext()
    if not block:
        return
    grid = table.find(qn("w:tblGrid"))
    width = sum(int(col.get(qn("w:w")) or 0) for col in grid) if grid is not None else 0
    if not width:
        return
    inner = OxmlElement("w:tbl")
    for part in (table.find(qn("w:tblPr")), table.find(qn("w:tblGrid"))):
        inner.append(copy.deepcopy(part))
    for caption in inner.iter(qn("w:tblCaption")):
        caption.getparent().remove(caption)
    for merge in moved[0].iter(qn("w:vMerge")):
        if merge.get(qn("w:val")) in (None, "continue"):
            merge.getparent().remove(merge)
    for row in moved:
        inner.append(row)
    jc = table.find(qn("w:tblPr") + "/" + qn("w:jc"))
    outer = parse_xml(
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblW w:w="{width}" w:type="dxa"/>'
        f'<w:jc w:val="{jc.get(qn("w:val")) if jc is not None else "left"}"/>'
        '<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/>'
        '<w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>'
        '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
        '<w:left w:w="0" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
        '<w:right w:w="0" w:type="dxa"/></w:tblCellMar><w:tblCaption w:val="penutup"/>'
        f'</w:tblPr><w:tblGrid><w:gridCol w:w="{width}"/></w:tblGrid>'
        f'<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>'
        '</w:tcPr></w:tc></w:tr></w:tbl>')
    cell = outer.find(qn("w:tr") + "/" + qn("w:tc"))
    cell.append(inner)
    for paragraph in block:
        cell.append(paragraph)
    table.addnext(outer)
    # a hairline paragraph between the tables: without it LibreOffice joins them into one
    table.addnext(parse_xml(
        f'<w:p {nsdecls("w")}><w:pPr><w:keepNext/><w:spacing w:before="0" w:after="0" '
        'w:line="2" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/></w:rPr></w:pPr></w:p>'))


def _keep_together(document: DocxDocument, styles: dict[str, str]) -> None:
    """Pagination Word and LibreOffice both honour: a signature never starts a page (the last
    diktum, paragraph or table row before it goes along), the salinan authentication stays with
    its signature, and a booklet line ending in a colon stays with what it announces."""
    signature_ids = {style_id for style_id, name in styles.items()
                     if name == _SIGNATURE_STYLE or name in _LEFT_HALF_STYLES}
    for element in list(document.element.body.iterchildren()):
        name = styles.get(_style_name(element), "")
        previous = element.getprevious()
        before = styles.get(_style_name(previous), "") if previous is not None else ""
        if name == _SIGNATURE_STYLE and before != _SIGNATURE_STYLE and previous is not None:
            if previous.tag == qn("w:p"):
                _keep_with_next(previous)
            elif previous.tag == qn("w:tbl"):
                _keep_last_row_with_next(previous, signature_ids)
        elif name in _LEFT_HALF_STYLES and before in (_SIGNATURE_STYLE, *_LEFT_HALF_STYLES):
            _keep_with_next(previous)  # the authentication's name keeps its NIP too
        elif name.startswith(_LEAD_IN_STYLES) and \
                "".join(t.text or "" for t in element.iter(qn("w:t"))).rstrip().endswith(":"):
            _keep_with_next(element)


def _cover_without_page_number(document: DocxDocument, styles: dict[str, str]) -> None:
    """A booklet's cover is a section of its own whose only page has no header; the pages
    around it keep their numbering, as in the PDF."""
    body = document.element.body
    for start in list(body.iterchildren(qn("w:p"))):
        ppr = start.pPr
        if styles.get(_style_name(start)) != "Sampul" or ppr is None or \
                ppr.find(qn("w:pageBreakBefore")) is None:
            continue
        before, end = start.getprevious(), start
        while (following := end.getnext()) is not None and \
                styles.get(_style_name(following), "").startswith("Sampul"):
            end = following
        after = end.getnext()
        if before is None or before.tag != qn("w:p") or after is None:
            continue
        ending = next((p.pPr.sectPr for p in end.itersiblings(qn("w:p"))
                       if p.pPr is not None and p.pPr.sectPr is not None), body.sectPr)
        title_page, cover = copy.deepcopy(ending), copy.deepcopy(ending)
        before.get_or_add_pPr().append(title_page)
        end.get_or_add_pPr().append(cover)
        for continuing in (cover, ending):
            numbering = continuing.find(qn("w:pgNumType"))
            if numbering is not None:
                numbering.attrib.pop(qn("w:start"), None)
        title = ending.find(qn("w:titlePg"))
        if title is not None:
            ending.remove(title)
        for paragraph in (start, after):
            if paragraph.pPr is not None:
                for brk in paragraph.pPr.findall(qn("w:pageBreakBefore")):
                    paragraph.pPr.remove(brk)


def _set_font_and_language(document: DocxDocument, huruf: str) -> None:
    """The plan's font in `Normal`, unless an office's template chose another font there and
    the plan asks for the default one (arial): the template's own choice is then kept."""
    normal = document.styles["Normal"]
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    chosen = fonts.get(qn("w:ascii"))
    if not (huruf == "arial" and chosen and chosen not in FONTS.values()):
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attr), FONTS[huruf])
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "id-ID")
