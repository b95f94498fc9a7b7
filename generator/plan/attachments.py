"""Which attachments a decree has, in what order, and their labels (LAMPIRAN I, II, ...).

Facts of the plan that validation, the rules and the document all need: they live below all
three, so that none of them reaches up into another.
"""

from __future__ import annotations

from generator.plan.model import Rencana
from generator.text import indonesian

ATTACHMENT_KINDS = ("rencana_aksi", "rencana_kerja", "tim")
"""Attachment kinds in the order they follow the decree."""


def tabel_di_bab(plan: Rencana) -> bool:
    """True when the Rencana Aksi table is printed inside a chapter of the Rencana Kerja."""
    kerja = plan.rencana_kerja
    return plan.rencana_aksi is not None and kerja is not None and \
        any(bab.tabel_rencana_aksi for bab in kerja.bab)


def attachment_kinds(plan: Rencana) -> list[str]:
    """The attachments in print order: as 'keputusan.lampiran' lists them, else the usual
    order; a table printed inside a chapter is no attachment of its own."""
    order = plan.keputusan.lampiran if plan.keputusan and plan.keputusan.lampiran else \
        ATTACHMENT_KINDS
    kinds = [kind for kind in dict.fromkeys(order) if getattr(plan, kind) is not None]
    return [kind for kind in kinds if not (kind == "rencana_aksi" and tabel_di_bab(plan))]


def attachment_labels(plan: Rencana) -> dict[str, str]:
    """LAMPIRAN, or LAMPIRAN I, II, ... by count, for each attachment the plan has."""
    kinds = attachment_kinds(plan)
    return dict(zip(kinds, indonesian.lampiran_labels(len(kinds)) if kinds else [], strict=True))
