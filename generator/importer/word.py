"""A DOCX read as a flat sequence of paragraphs and tables, whoever wrote it.

Only the text and the little structure a decree needs are kept: a run's italics (foreign terms),
soft line breaks, tabs, Word's automatic numbering, centring, and the real merged cells of tables
(`w:gridSpan`, `w:vMerge`, `w:gridBefore`), not python-docx's repeated grid. Deleted revisions,
field codes and proofing marks are skipped; inserted revisions, hyperlinks, smart tags and
content controls are read through.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from typing import Any

from lxml import etree

from generator.importer.grid import Cell, Row, Table

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_PART_BYTES = 30 * 1024 * 1024
"""The largest document.xml read (a decree with a long table is about 2 MB)."""
_THROUGH = {f"{W}{name}" for name in ("hyperlink", "ins", "smartTag", "sdt", "sdtContent",
                                        "customXml", "fldSimple", "moveTo", "dir", "bdo")}
_SKIP = {f"{W}{name}" for name in ("del", "moveFrom", "proofErr", "bookmarkStart",
                                     "bookmarkEnd", "rPr", "pPr", "sdtPr", "sdtEndPr")}


class NotADocx(ValueError):
    """The bytes are not a DOCX this reader can open; the message says why, in Indonesian."""


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the body or of a cell."""

    text: str
    """Its text with `*...*` around italic stretches, '\\t' for tabs, '\\n' for soft breaks."""
    numbered: bool = False
    """True when Word numbers it automatically (its 'a.' or '1.' is not in the text)."""
    level: int = 0
    """The level of that automatic numbering, from 0."""
    centered: bool = False
    """True when centred."""
    place: str = ""
    """Where it is, e.g. 'paragraf ke-12'."""

    @property
    def plain(self) -> str:
        """The text without the italic marks."""
        return unmark(self.text)


Block = Paragraph | Table
"""What the body holds, in order."""


def unmark(text: str) -> str:
    """Text without the `*` marks this reader adds (escaped stars stay stars)."""
    return text.replace("\\*", "\x00").replace("*", "").replace("\x00", "*")


def _part(archive: zipfile.ZipFile, name: str) -> bytes | None:
    """One part of the package, read a piece at a time up to the bound."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_PART_BYTES:
        raise NotADocx(f"bagian {name} lebih dari {MAX_PART_BYTES // 2**20} MB")
    chunks, size = [], 0
    with archive.open(info) as member:
        while chunk := member.read(1 << 16):
            size += len(chunk)
            if size > MAX_PART_BYTES:
                raise NotADocx(f"bagian {name} lebih dari {MAX_PART_BYTES // 2**20} MB")
            chunks.append(chunk)
    return b"".join(chunks)


_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                          remove_comments=True, remove_pis=True)


def _xml(data: bytes, name: str) -> Any:
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise NotADocx(f"bagian {name} rusak ({exc})") from None


def read_docx(data: bytes) -> list[Block]:
    """The body of a DOCX as paragraphs and tables, in order."""
    if data[:2] != b"PK":
        if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
            raise NotADocx("berkas Word lama (.doc); simpan dulu sebagai .docx dari Word atau "
                           "LibreOffice")
        raise NotADocx("bukan berkas DOCX (bukan arsip zip)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if len(archive.infolist()) > 2000:
                raise NotADocx("berisi terlalu banyak bagian; bukan DOCX biasa")
            document = _part(archive, "word/document.xml")
            styles = _part(archive, "word/styles.xml")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError,
            RuntimeError, OSError) as exc:
        raise NotADocx(f"arsip zip rusak ({exc})") from None
    if document is None:
        raise NotADocx("tidak memuat word/document.xml; bukan dokumen Word")
    root = _xml(document, "word/document.xml")
    body = root.find(f"{W}body")
    if body is None:
        raise NotADocx("word/document.xml tanpa isi dokumen")
    numbered_styles = _numbered_styles(_xml(styles, "word/styles.xml")) if styles else set()
    reader = _Reader(numbered_styles)
    reader.container(body)
    return reader.blocks


def _numbered_styles(styles: Any) -> set[str]:
    """Paragraph styles that carry automatic numbering themselves."""
    found = set()
    for style in styles.iter(f"{W}style"):
        num = style.find(f"{W}pPr/{W}numPr/{W}numId")
        if num is not None and num.get(f"{W}val") not in (None, "0"):
            found.add(style.get(f"{W}styleId", ""))
    return found


def _on(element: Any) -> bool:
    """A toggle property such as <w:i/> or <w:i w:val="false"/>."""
    return element is not None and element.get(f"{W}val", "true") not in ("false", "0", "off")


class _Reader:
    """Walks the body once; counts paragraphs and tables for the places in messages."""

    def __init__(self, numbered_styles: set[str]):
        self.numbered_styles = numbered_styles
        self.blocks: list[Block] = []
        self.paragraphs = 0
        self.tables = 0

    def container(self, element: Any) -> None:
        for child in element:
            if child.tag == f"{W}p":
                self.blocks.append(self.paragraph(child))
            elif child.tag == f"{W}tbl":
                if _layout_box(child):  # a one-column frame around other content
                    for tc in child.iter(f"{W}tc"):
                        if tc.getparent().getparent() is child:
                            self.container(tc)
                else:
                    self.blocks.append(self.table(child))
            elif child.tag in _THROUGH:
                self.container(child)

    def paragraph(self, p: Any, place: str = "") -> Paragraph:
        self.paragraphs += 1
        ppr = p.find(f"{W}pPr")
        numbered, level, centered = False, 0, False
        if ppr is not None:
            num = ppr.find(f"{W}numPr")
            style = ppr.find(f"{W}pStyle")
            if num is not None:
                num_id = num.find(f"{W}numId")
                numbered = num_id is None or num_id.get(f"{W}val") != "0"
                ilvl = num.find(f"{W}ilvl")
                level = int(ilvl.get(f"{W}val", "0")) if ilvl is not None and \
                    ilvl.get(f"{W}val", "0").isdigit() else 0
            elif style is not None and style.get(f"{W}val") in self.numbered_styles:
                numbered = True
            jc = ppr.find(f"{W}jc")
            centered = jc is not None and jc.get(f"{W}val") == "center"
        pieces: list[tuple[str, bool]] = []
        self._runs(p, pieces)
        return Paragraph(_marked(pieces), numbered, level, centered,
                         place or f"paragraf ke-{self.paragraphs}")

    def _runs(self, element: Any, pieces: list[tuple[str, bool]]) -> None:
        for child in element:
            tag = child.tag
            if tag == f"{W}r":
                italic = _on(child.find(f"{W}rPr/{W}i"))
                for part in child:
                    if part.tag == f"{W}t":
                        pieces.append((part.text or "", italic))
                    elif part.tag == f"{W}tab":
                        pieces.append(("\t", False))
                    elif part.tag in (f"{W}br", f"{W}cr"):
                        if part.get(f"{W}type") in (None, "textWrapping"):
                            pieces.append(("\n", False))
                    elif part.tag == f"{W}noBreakHyphen":
                        pieces.append(("-", italic))
            elif tag in _THROUGH:
                self._runs(child, pieces)

    def table(self, tbl: Any) -> Table:
        self.tables += 1
        place = f"tabel ke-{self.tables}"
        rows = []
        for number, tr in enumerate(tbl.findall(f"{W}tr"), start=1):
            trpr = tr.find(f"{W}trPr")
            header = trpr is not None and _on(trpr.find(f"{W}tblHeader"))
            before = trpr.find(f"{W}gridBefore") if trpr is not None else None
            column = int(before.get(f"{W}val", "0")) if before is not None and \
                before.get(f"{W}val", "0").isdigit() else 0
            cells = []
            for tc in _cells(tr):
                tcpr = tc.find(f"{W}tcPr")
                span, continued = 1, False
                if tcpr is not None:
                    grid_span = tcpr.find(f"{W}gridSpan")
                    if grid_span is not None and grid_span.get(f"{W}val", "1").isdigit():
                        span = max(1, min(64, int(grid_span.get(f"{W}val", "1"))))
                    merge = tcpr.find(f"{W}vMerge")
                    continued = merge is not None and merge.get(f"{W}val") != "restart"
                paragraphs = [self.paragraph(p, f"{place}, baris {number}")
                              for p in tc.iter(f"{W}p")]
                paragraphs = [p for p in paragraphs if p.text.strip()]
                cells.append(Cell("\n".join(p.text for p in paragraphs).strip(), column, span,
                                  continued, tuple(p.numbered for p in paragraphs)))
                column += span
            rows.append(Row(tuple(cells), header))
        return Table(tuple(rows), place)


def _layout_box(tbl: Any) -> bool:
    """A table of one column whose cells hold a table: a frame that keeps a table's last row
    with the signature (zi does this), or a box drawn around content; read through it."""
    rows = tbl.findall(f"{W}tr")
    return bool(rows) and all(len(_cells(tr)) == 1 for tr in rows) and any(
        tc.find(f"{W}tbl") is not None for tr in rows for tc in _cells(tr))


def _cells(tr: Any) -> list[Any]:
    """The row's cells, also those inside content controls and custom XML."""
    found = []
    for child in tr:
        if child.tag == f"{W}tc":
            found.append(child)
        elif child.tag in _THROUGH:
            found.extend(_cells(child))
    return found


def _marked(pieces: list[tuple[str, bool]]) -> str:
    """Runs joined, italic stretches between stars (spaces kept outside the stars)."""
    merged: list[list[Any]] = []
    for text, italic in pieces:
        text = text.replace("*", "\\*")
        if merged and merged[-1][1] == italic:
            merged[-1][0] += text
        else:
            merged.append([text, italic])
    out = []
    for text, italic in merged:
        core = text.strip()
        if italic and core and "\n" not in core and "\t" not in core:
            lead = text[: len(text) - len(text.lstrip())]
            tail = text[len(text.rstrip()):]
            out.append(f"{lead}*{core}*{tail}")
        else:
            out.append(text)
    return "".join(out).replace("\xa0", " ")
