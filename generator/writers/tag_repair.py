"""Template tags as an office's editor leaves them, joined again before docxtpl reads them.

Word splits a typed `{{ doc.nomor }}` over several runs as soon as a spelling mark, a revision
id or a font change falls inside it. docxtpl's own clean-up (`patch_xml`) joins such a tag by
cutting the XML between its pieces with regular expressions; that moves the text after the tag
into the tag's first run and breaks the XML when a piece sits in an insertion or a link, and a
tag missing a brace makes it cut up to the next brace anywhere in the document. Here each
paragraph is read as text: a tag spread over runs gets all its characters in its first run (so
it prints with the formatting of its first character) and the other runs keep only their own
text; a tag damaged beyond that is named, with its paragraph, before anything is filled.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from docx.oxml.ns import qn
from lxml import etree

from generator.writers.markers import apply_markers, own_texts, paragraph_text

Xml = Any
"""An lxml element of WordprocessingML."""

TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
"""A whole tag: a value, a statement or a comment."""

_OPENERS = {"{{": "}}", "{%": "%}", "{#": "#}"}
_CLOSERS = {close: open_ for open_, close in _OPENERS.items()}
_SPACED = re.compile(r"\{\s+[{%#]|[}%#]\s+\}")
"""A tag's two braces typed apart, e.g. '{ {' or '% }'."""
_SMART_QUOTES = "“”‘’„‚«»"
"""Quotes autocorrect types in place of straight ones."""
_PART_PLACES = {"hdr": "kepala halaman, ", "ftr": "kaki halaman, "}
"""Where a header's or footer's paragraph is; the body's needs no word."""
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
"""A part's XML read as python-docx reads it: no entity, DTD or network access."""
QUOTE_CHARS = 60
"""The most of a paragraph's text a message quotes."""


@dataclass
class MangledTags(Exception):
    """Tags in one part of a template that no joining makes whole."""

    problems: list[str]
    """Each problem: the paragraph, its place and what is wrong."""

    def __str__(self) -> str:
        return "; ".join(self.problems)


def repair(xml: str) -> str:
    """The part's XML with split tags joined and table markers turned into captions; the
    same string when nothing needed it. Raises MangledTags naming every damaged tag."""
    if "{" not in xml and "}" not in xml:
        return xml
    try:
        root = etree.fromstring(xml.encode("utf-8"), _PARSER)
    except etree.XMLSyntaxError:
        return xml  # not ours to judge: docxtpl reports what it cannot read
    place = _PART_PLACES.get(etree.QName(root).localname, "")
    changed = False
    problems = []
    for number, paragraph in enumerate(root.iter(qn("w:p")), start=1):
        changed |= join_split_tags(paragraph)
        problem = mangled(paragraph_text(paragraph))
        if problem:
            problems.append(f"{place}paragraf ke-{number} ('{_quoted(paragraph)}'): {problem}")
    if problems:
        raise MangledTags(problems)
    changed |= _keep_section_breaks(root)
    changed |= _keep_page_breaks(root)
    changed |= apply_markers(root)
    return etree.tostring(root, encoding="unicode") if changed else xml


_PARAGRAPH_TAG = re.compile(r"\{%-?\s*p\s")
"""docxtpl's paragraph tag: the paragraph holding it is replaced by the bare tag."""


def _keep_section_breaks(root: Xml) -> bool:
    """A section break LibreOffice moved into a `{%p ... %}` paragraph (it joins an empty
    paragraph that ends a section with the one before) gets an empty paragraph of its own
    after it, as the template had; docxtpl would drop it with the tag's paragraph."""
    moved = False
    for paragraph in list(root.iter(qn("w:p"))):
        props = paragraph.find(qn("w:pPr"))
        section = props.find(qn("w:sectPr")) if props is not None else None
        if section is None or not _PARAGRAPH_TAG.search(paragraph_text(paragraph)):
            continue
        holder = paragraph.makeelement(qn("w:p"), {})
        holder_props = holder.makeelement(qn("w:pPr"), {})
        holder.append(holder_props)
        holder_props.append(section)  # lxml moves it out of the tag's paragraph
        paragraph.addnext(holder)
        moved = True
    return moved


_BEFORE_PAGE_BREAK = ("w:pStyle", "w:keepNext", "w:keepLines")
"""pPr children that come before pageBreakBefore in the schema."""


def _keep_page_breaks(root: Xml) -> bool:
    """A page break LibreOffice saved as a break run at the end of a `{%p ... %}` paragraph (it
    writes a paragraph's 'page break before' that way into the paragraph before) becomes the
    next paragraph's 'page break before' again; docxtpl would drop it with the tag's paragraph."""
    moved = False
    for paragraph in list(root.iter(qn("w:p"))):
        breaks = [br for br in paragraph.iter(qn("w:br")) if br.get(qn("w:type")) == "page"]
        if not breaks or not _PARAGRAPH_TAG.search(paragraph_text(paragraph)):
            continue
        following = paragraph.getnext()
        while following is not None and following.tag == qn("w:p") and \
                _PARAGRAPH_TAG.search(paragraph_text(following)):
            following = following.getnext()
        if following is None or following.tag != qn("w:p"):
            continue
        for br in breaks:
            run = br.getparent()
            run.remove(br)
            if run.tag == qn("w:r") and all(child.tag == qn("w:rPr") for child in run):
                run.getparent().remove(run)
        props = following.find(qn("w:pPr"))
        if props is None:
            props = following.makeelement(qn("w:pPr"), {})
            following.insert(0, props)
        if props.find(qn("w:pageBreakBefore")) is None:
            flag = props.makeelement(qn("w:pageBreakBefore"), {})
            earlier = [child for child in props if child.tag in map(qn, _BEFORE_PAGE_BREAK)]
            if earlier:
                earlier[-1].addnext(flag)
            else:
                props.insert(0, flag)
        moved = True
    return moved


def _quoted(paragraph: Xml) -> str:
    """The paragraph's text on one line, shortened for a message."""
    text = " ".join(paragraph_text(paragraph).split())
    return text if len(text) <= QUOTE_CHARS else text[:QUOTE_CHARS - 1] + "…"


def join_split_tags(paragraph: Xml) -> bool:
    """Move every tag spread over several w:t into its first one; True if anything moved."""
    texts = own_texts(paragraph)
    if len(texts) < 2:
        return False
    starts = []
    offset = 0
    for text in texts:
        starts.append(offset)
        offset += len(text.text or "")
    whole = "".join(text.text or "" for text in texts)
    spans = []
    for match in TAG.finditer(whole):
        first = _holder(starts, match.start())
        last = _holder(starts, match.end() - 1)
        if first != last:
            spans.append((match, first, last))
    for match, first, last in reversed(spans):  # right to left: earlier offsets stay valid
        head = texts[first]
        head.text = (head.text or "")[:match.start() - starts[first]] + match.group(0)
        head.set(qn("xml:space"), "preserve")
        for middle in texts[first + 1:last]:
            middle.text = ""
        tail = texts[last]
        tail.text = (tail.text or "")[match.end() - starts[last]:]
    for text in texts:
        if spans and not text.text:
            _drop_empty(text)
    return bool(spans)


def _holder(starts: list[int], index: int) -> int:
    """Which w:t holds the character at `index` of the joined text."""
    holder = 0
    for number, start in enumerate(starts):
        if start <= index:
            holder = number
    return holder


def _drop_empty(text: Xml) -> None:
    """An emptied w:t goes; so does its run, once nothing but formatting is left in it."""
    run = text.getparent()
    if run is None:
        return
    run.remove(text)
    if run.tag == qn("w:r") and all(child.tag == qn("w:rPr") for child in run):
        parent = run.getparent()
        if parent is not None:
            parent.remove(run)


def mangled(text: str) -> str:
    """What is wrong with the tags of one paragraph's text, '' when nothing is."""
    for tag in TAG.finditer(text):
        quote = next((c for c in tag.group(0) if c in _SMART_QUOTES), "")
        if quote:
            return (f"tanda kutip lengkung {quote} di dalam tag '{_short(tag.group(0))}': "
                    "ketik ulang dengan tanda kutip lurus (\" atau ')")
    spaced = _SPACED.search(TAG.sub("", text))
    if spaced:
        joined = spaced.group(0)[0] + spaced.group(0)[-1]
        return f"tag '{spaced.group(0)}' berspasi: tulis '{joined}' tanpa spasi"
    rest = TAG.sub("", text)
    for opener, closer in _OPENERS.items():
        if opener in rest:
            return f"tag '{opener}' tidak ditutup '{closer}'"
    for closer, opener in _CLOSERS.items():
        if closer in rest:
            return f"'{closer}' tanpa pembuka '{opener}'"
    return ""


def _short(tag: str) -> str:
    """A tag quoted in a message, shortened when long."""
    tag = " ".join(tag.split())
    return tag if len(tag) <= 40 else tag[:39] + "…"
