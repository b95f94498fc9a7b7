"""Markers by which the writers find a template's tables again, in a form office editors keep.

LibreOffice drops a table's alt-text title (`w:tblCaption`) when it saves a DOCX; a Jinja
comment `{#zi:tabel rencana_aksi_7#}` typed in the first paragraph of the table's first cell is
plain text to the editor, so Word and LibreOffice keep it, and it prints nothing. Before
rendering, each marked table gets its caption back (the writers find the filled tables by it)
and the comment is taken out, so the filled document is the same as from a captioned template.
"""

from __future__ import annotations

import re
from typing import Any

from docx.oxml.ns import qn

TABLE_MARKER = re.compile(r"\{#-?\s*zi:tabel\s+([a-z][a-z0-9_]*)\s*-?#\}")
"""The marker comment; its group is the table's kind, e.g. 'rencana_aksi_7', 'tim'."""

TABLE_KINDS = ("rencana_aksi_7", "rencana_aksi_6", "rencana_aksi_18", "matriks", "tim")
"""The kinds the shipped decree templates mark (monev.docx marks its own, see its tool)."""

_CAPTION_AFTER = ("w:tblDescription", "w:tblPrChange")
"""tblPr children that come after tblCaption in the schema."""

Xml = Any
"""An lxml element of WordprocessingML."""


def _first_paragraph(tbl: Xml) -> Xml | None:
    """The first paragraph of the table's first cell, or None for a table without cells."""
    for tr in tbl.iterchildren(qn("w:tr")):
        for tc in tr.iterchildren(qn("w:tc")):
            return tc.find(qn("w:p"))
        return None
    return None


def paragraph_text(paragraph: Xml) -> str:
    """The paragraph's own text (not that of a text box or table inside it)."""
    return "".join(t.text or "" for t in own_texts(paragraph))


def own_texts(paragraph: Xml) -> list[Xml]:
    """The paragraph's w:t elements in order, in runs nested in insertions, links or smart
    tags too, but not those of another paragraph inside it (a text box)."""
    found = []
    for text in paragraph.iter(qn("w:t")):
        owner = text.getparent()
        while owner is not None and owner.tag != qn("w:p"):
            owner = owner.getparent()
        if owner is paragraph:
            found.append(text)
    return found


def marker_kind(tbl: Xml) -> str | None:
    """The kind named by the marker in the table's first cell, or None."""
    paragraph = _first_paragraph(tbl)
    if paragraph is None:
        return None
    match = TABLE_MARKER.search(paragraph_text(paragraph))
    return match.group(1) if match else None


def caption_kind(tbl: Xml) -> str | None:
    """The table's alt-text title, as templates made before markers named their tables."""
    caption = tbl.find(qn("w:tblPr") + "/" + qn("w:tblCaption"))
    if caption is None:
        return None
    value = caption.get(qn("w:val"))
    return str(value) if value else None


def table_kind(tbl: Xml) -> str | None:
    """What the table is: its marker first, else its old alt-text caption, else None."""
    return marker_kind(tbl) or caption_kind(tbl)


def set_caption(tbl: Xml, kind: str) -> None:
    """Give the table the alt-text title `kind`, in its schema place, replacing any other."""
    props = tbl.find(qn("w:tblPr"))
    if props is None:
        props = tbl.makeelement(qn("w:tblPr"), {})
        tbl.insert(0, props)
    for old in props.findall(qn("w:tblCaption")):
        props.remove(old)
    caption = props.makeelement(qn("w:tblCaption"), {qn("w:val"): kind})
    following = next((props.find(qn(name)) for name in _CAPTION_AFTER
                      if props.find(qn(name)) is not None), None)
    if following is not None:
        following.addprevious(caption)
    else:
        props.append(caption)


def apply_markers(root: Xml) -> bool:
    """Every marked table gets its kind as caption and loses the marker's text, so the
    comment's empty run does not change the filled document; True if a table was marked."""
    marked = False
    for tbl in root.iter(qn("w:tbl")):
        paragraph = _first_paragraph(tbl)
        if paragraph is None:
            continue
        kind = marker_kind(tbl)
        if kind is None:
            continue
        set_caption(tbl, kind)
        _remove_marker_text(paragraph)
        marked = True
    return marked


def _remove_marker_text(paragraph: Xml) -> None:
    """Cut the marker out of the paragraph's text (after split tags were joined, it lies in one
    w:t); a run left with no content goes too."""
    for text in own_texts(paragraph):
        if text.text and TABLE_MARKER.search(text.text):
            text.text = TABLE_MARKER.sub("", text.text, count=1)
            run = text.getparent()
            if not text.text:
                run.remove(text)
                if run.tag == qn("w:r") and all(child.tag == qn("w:rPr") for child in run):
                    run.getparent().remove(run)
            return
