"""The decree's running text as lines: paragraphs as they are, layout tables row by row."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.importer.grid import Table
from generator.importer.word import Block, Paragraph
from generator.importer.wording import clean

_LABELS = ("menimbang", "mengingat", "memperhatikan", "menetapkan")


@dataclass(frozen=True)
class Line:
    """One line of running text."""

    fields: tuple[str, ...]
    """Its parts between tabs (or between a layout table's cells), each tidied."""
    place: str
    """Where it is in the file."""
    numbered: bool = False
    """True when Word numbers it automatically."""
    centered: bool = False
    """True when centred."""

    @property
    def text(self) -> str:
        """The parts joined by spaces."""
        return " ".join(f for f in self.fields if f)


def _fields(text: str) -> tuple[str, ...]:
    return tuple(clean(part) for part in text.split("\t"))


def lines_of(blocks: Sequence[Block]) -> list[Line]:
    """Every paragraph and every layout-table row as lines, in order."""
    lines: list[Line] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            for part in block.text.split("\n") if "\t" not in block.text else [block.text]:
                fields = _fields(part)
                if any(fields):
                    lines.append(Line(fields, block.place, block.numbered, block.centered))
        else:
            lines.extend(_table_lines(block))
    return lines


def _table_lines(table: Table) -> list[Line]:
    """A label row ('Menimbang | : | a. | bahwa ...') as one line, other cells line by line."""
    lines: list[Line] = []
    labelled = False
    for number, row in enumerate(table.rows, start=1):
        place = f"{table.place}, baris {number}"
        cells = [c for c in row.cells if not c.continued]
        texts = [c.text for c in cells]
        labelled = labelled or any(t.strip() == ":" for t in texts) or bool(
            texts and texts[0].strip().lower().rstrip(" :") in _LABELS)  # and the rows below
        if labelled and texts:
            last = texts[-1].split("\n")
            numbered = cells[-1].numbered if len(cells[-1].numbered) == len(last) else ()
            head = [clean(t) for t in texts[:-1]] + [clean(last[0])]
            lines.append(Line(tuple(head), place, bool(numbered and numbered[0])))
            lines.extend(Line(("", "", clean(rest)), place, bool(numbered and numbered[i]))
                         for i, rest in enumerate(last[1:], start=1) if rest.strip())
            continue
        for text in texts:
            for part in text.split("\n"):
                fields = _fields(part)
                if any(fields):
                    lines.append(Line(fields, place))
    return lines
