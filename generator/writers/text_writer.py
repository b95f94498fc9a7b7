"""A plain-text writer of the decree body: for previews and for readable test fixtures."""

from __future__ import annotations

from generator.document.decree import Dokumen, Item
from generator.text.inline import plain

LABEL_WIDTH = 10


def _items(label: str, items: tuple[Item, ...]) -> list[str]:
    lines = []
    for index, item in enumerate(items):
        head = f"{label:<{LABEL_WIDTH}} :" if index == 0 else " " * (LABEL_WIDTH + 2)
        number = f" {item.label}" if item.label else ""
        lines.append(f"{head}{number} {plain(item.text)}")
    return lines


def render_text(doc: Dokumen) -> str:
    """The decree body and the attachments' header blocks, one paragraph per line."""
    lines: list[str] = []
    if doc.salinan:
        lines.append("SALINAN")
    lines += [*doc.kop, "", *(plain(line) for line in doc.judul), "", doc.pejabat, ""]
    lines += _items("Menimbang", doc.menimbang) + [""]
    lines += _items("Mengingat", doc.mengingat) + ["", "MEMUTUSKAN:", ""]
    lines.append(f"{'Menetapkan':<{LABEL_WIDTH}} : {plain(doc.menetapkan)}")
    for item in doc.diktum:
        lines.append(f"{item.label:<{LABEL_WIDTH}} : {plain(item.text)}")
    p = doc.penetapan
    lines += ["", p.tempat, p.tanggal, *p.jabatan, p.ttd or "", p.nama]
    if doc.autentikasi:
        lines += ["", *doc.autentikasi.baris, doc.autentikasi.nama]
        if doc.autentikasi.nip:
            lines.append(doc.autentikasi.nip)
    for lampiran in doc.lampiran:
        assert lampiran.kepala is not None  # a decree's attachments have their header
        lines += ["", lampiran.kepala.label, *(plain(line) for line in lampiran.kepala.baris),
                  *(plain(line) for line in lampiran.judul)]
    return "\n".join(lines) + "\n"
