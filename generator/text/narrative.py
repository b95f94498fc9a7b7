"""The small markup of narrative text: paragraphs, nested lists, *italic* and **bold**.

A blank line separates paragraphs. A list item starts with a marker: `-` numbers it by its
depth (a. -> 1. -> a) -> 1)), while `1.`, `a.`, `1)` or `a)` choose the style; the numbers
themselves are always counted, never copied. Items nest by indentation (two spaces or more
than the item above). A line that follows an item without a marker continues that item. A number
of four digits ('2024.') is a year at the start of a wrapped line, not a marker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.text import indonesian
from generator.text.inline import Runs, parse

DEPTH_STYLES = ("a.", "1.", "a)", "1)")
"""The numbering of each depth when the marker is '-'."""

_MARKER = re.compile(r"^(\s*)(-|\d{1,3}[.)]|[a-z][.)])\s+(.*)$")
"""A list item's marker; a number of four digits is a year that a wrapped line begins with
('... pada tahun' / '2024. Pada tahun 2025 ...'), never an item."""


@dataclass(frozen=True)
class Baris:
    """One printed paragraph of narrative text."""

    tingkat: int
    """List depth: 0 for a plain paragraph or a top-level item, 1 for an item inside it, ..."""
    label: str
    """'a.', '1.', 'a)', '1)' for list items; '' for paragraphs."""
    teks: Runs
    """The text."""
    butir: bool
    """True for a list item, False for a paragraph."""


def _style(marker: str, depth: int) -> str:
    if marker == "-":
        return DEPTH_STYLES[min(depth, len(DEPTH_STYLES) - 1)]
    kind = "1" if marker[0].isdigit() else "a"
    return kind + marker[-1]


def _label(style: str, index: int) -> str:
    number = str(index + 1) if style[0] == "1" else indonesian.letter(index)
    return number + style[1]


def parse_narrative(text: str, base_depth: int = 0) -> tuple[Baris, ...]:
    """Narrative markup to printed paragraphs with their list labels."""
    blocks: list[list[str]] = [[]]
    for line in text.splitlines():
        if line.strip():
            blocks[-1].append(line.rstrip())
        elif blocks[-1]:
            blocks.append([])
    result: list[Baris] = []
    for block in (b for b in blocks if b):
        result += _block(block, base_depth)
    return tuple(result)


def _block(lines: list[str], base_depth: int) -> list[Baris]:
    items: list[tuple[int, str, str]] = []  # indent, marker, text
    paragraph: list[str] = []
    for line in lines:
        found = _MARKER.match(line)
        if found:
            items.append((len(found[1]), found[2], found[3].strip()))
        elif items:
            indent, marker, text = items[-1]
            items[-1] = (indent, marker, f"{text} {line.strip()}")
        else:
            paragraph.append(line.strip())
    result: list[Baris] = []
    if paragraph:
        result.append(Baris(base_depth, "", parse(" ".join(paragraph)), False))
    indents: list[int] = []
    styles: list[str] = []
    counters: list[int] = []
    for indent, marker, text in items:
        while indents and indent < indents[-1]:
            indents.pop()
            styles.pop()
            counters.pop()
        if not indents or indent > indents[-1]:
            indents.append(indent)
            styles.append(_style(marker, len(indents) - 1 + base_depth))
            counters.append(0)
        depth = len(indents) - 1
        result.append(Baris(base_depth + depth, _label(styles[-1], counters[-1]), parse(text),
                            True))
        counters[-1] += 1
    return result
