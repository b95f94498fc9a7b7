"""Layout numbers both writers share: the label column's width and where the Rencana Aksi
table's cells stand. The document says what is printed; these say where."""

from __future__ import annotations

from generator.document.action_table import BarisRencana
from generator.document.decree import Dokumen

LABEL_CM = 3.2
"""The label column fits 'Menimbang', 'Menetapkan' and diktum words up to 'KEDUA BELAS'."""


def label_width(doc: Dokumen) -> float:
    """The label column's width in cm: 3.2, or wider for long diktum words (12 pt capitals)."""
    longest = max((len(item.label) for item in doc.diktum), default=0)
    return max(LABEL_CM, round(0.28 * longest + 0.3, 1))


FIRST_STEP_COLUMN = 3
"""A step's own cells (BarisRencana.sel) start after NO, KOMPONEN and INDIKATOR."""


def merged_cells(row: BarisRencana, tata_letak: int, cells: int) -> list[tuple[int, int]]:
    """(column, rows spanned) of a step row's cells that span several rows: NO and KOMPONEN
    over the komponen, INDIKATOR over the indikator, PENANGGUNG JAWAB (the 18-column layout's
    last column) over the steps of one team; a span of 0 continues the cell above."""
    spans = [(0, row.komponen_rentang), (1, row.komponen_rentang), (2, row.indikator_rentang)]
    if tata_letak == 18:
        spans.append((cells - 1, row.pj_rentang))
    return spans
