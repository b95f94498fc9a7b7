"""A Rencana Aksi table kept in an Excel workbook, read into the plan's 'rencana_aksi'."""

from __future__ import annotations

import io
import warnings
import zipfile
from datetime import date, datetime
from typing import Any

from generator.importer.action_table import ActionTableReader, header_columns
from generator.importer.grid import Cell, Row
from generator.importer.notes import Guess
from generator.importer.wording import clean

MAX_UNPACKED = 200 * 1024 * 1024
"""A workbook larger than this unpacked is refused before openpyxl opens it (zip bomb)."""
MAX_ROWS = 5000
"""Rows read per sheet (a Rencana Aksi has a few hundred)."""
MAX_COLUMNS = 60
"""Columns read per sheet."""


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.strftime("%d-%m-%Y")
    return clean(str(value))


def _rows(sheet: Any) -> list[Row]:
    """The sheet as grid rows: a merged range is one cell, continued in the rows below it."""
    spans: dict[tuple[int, int], int] = {}
    below: dict[tuple[int, int], int] = {}
    hidden: set[tuple[int, int]] = set()
    for merged in sheet.merged_cells.ranges:
        width = merged.max_col - merged.min_col + 1
        spans[(merged.min_row, merged.min_col)] = width
        for r in range(merged.min_row, min(merged.max_row, MAX_ROWS) + 1):
            if r > merged.min_row:
                below[(r, merged.min_col)] = width
            for c in range(merged.min_col + 1, min(merged.max_col, MAX_COLUMNS) + 1):
                hidden.add((r, c))
    rows = []
    last_row = min(sheet.max_row or 0, MAX_ROWS)
    last_col = min(sheet.max_column or 0, MAX_COLUMNS)
    for r, values in enumerate(sheet.iter_rows(min_row=1, max_row=last_row, max_col=last_col,
                                               values_only=True), start=1):
        cells = []
        for c, value in enumerate(values, start=1):
            if (r, c) in below:
                cells.append(Cell("", c - 1, below[(r, c)], continued=True))
            elif (r, c) not in hidden:
                cells.append(Cell(_text(value), c - 1, spans.get((r, c), 1)))
        rows.append(Row(tuple(cells)))
    return rows


def read_workbook(data: bytes) -> tuple[dict[str, Any], list[Guess], int]:
    """The 'rencana_aksi' mapping from the first sheet that holds a Rencana Aksi table."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(i.file_size for i in archive.infolist()) > MAX_UNPACKED:
                raise ValueError("isinya setelah dibuka terlalu besar; bukan buku kerja biasa")
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as exc:
        raise ValueError(f"bukan buku kerja Excel (.xlsx) yang dapat dibuka ({exc})") from None
    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on damaged files
        raise ValueError(f"buku kerja Excel tidak dapat dibuka ({type(exc).__name__}: "
                         f"{exc})") from None
    for sheet in book.worksheets:
        rows = _rows(sheet)
        for start in range(min(len(rows), 40)):
            header = header_columns(rows[start:start + 6])
            if header is None or header_columns(rows[start:start + 1]) is None and \
                    header_columns(rows[start + 1:start + 7]) is not None:
                continue
            columns, used = header
            place = f"lembar '{sheet.title}'"
            reader = ActionTableReader(columns, place)
            reader.read(rows[start + used:], place, start + used + 1)
            if reader.steps:
                return reader.plan(), reader.guesses, reader.steps
    raise ValueError("tidak ada tabel rencana aksi (baris judul kolom dengan KOMPONEN, "
                     "INDIKATOR, LANGKAH AKSI, ...) di lembar mana pun")
