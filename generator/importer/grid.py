"""Tables as rows of cells on a column grid: what a DOCX table and an Excel sheet have in common."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Cell:
    """One cell as it stands in the file, before merged cells are filled in."""

    text: str
    """Its text, with `*...*` around italic stretches and '\\n' between lines."""
    column: int
    """The first grid column it covers, from 0."""
    span: int = 1
    """Grid columns it covers."""
    continued: bool = False
    """True when the cell is merged with the one above (Word's vMerge, Excel's merged range)."""
    numbered: tuple[bool, ...] = ()
    """Per paragraph of the cell (Word): True where Word numbers it automatically."""


@dataclass(frozen=True)
class Row:
    """One table row."""

    cells: tuple[Cell, ...]
    """Its cells, left to right."""
    header: bool = False
    """True when the file marks the row to repeat on every page."""

    def at(self, column: int) -> Cell | None:
        """The cell covering a grid column, if any."""
        for cell in self.cells:
            if cell.column <= column < cell.column + cell.span:
                return cell
        return None

    @property
    def texts(self) -> list[str]:
        """The texts of its cells, left to right."""
        return [cell.text for cell in self.cells]

    @property
    def empty(self) -> bool:
        """True when no cell holds any text."""
        return not any(cell.text.strip() for cell in self.cells)


@dataclass(frozen=True)
class Table:
    """A table of the file with where it is, for messages."""

    rows: tuple[Row, ...]
    """Its rows, top to bottom."""
    place: str
    """Where it is, in the user's words, e.g. 'tabel ke-2'."""
    first_row: int = 1
    """The number of its first row as the user sees it (Excel's row numbers)."""
