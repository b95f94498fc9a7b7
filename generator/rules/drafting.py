"""The decree body by the drafting rules: standard considerations and diktum, legal bases in
lawful order with their citations, and the punctuation each part ends with."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from generator.plan.model import Keputusan, RencanaKeputusan
from generator.reference import catalog
from generator.text import indonesian

PENUTUP_AWAL = "bahwa berdasarkan pertimbangan"
"""How the closing consideration starts; a plan that already has one gets no second."""


def end_with(text: str, mark: str) -> str:
    """End text with exactly one mark: ';' for Menimbang/Mengingat, '.' for diktum."""
    body = text.rstrip()
    while body and body[-1] in ";.,:":
        body = body[:-1].rstrip()
    return body + mark


def clean_title(text: str) -> str:
    """A title carries no closing punctuation."""
    return text.rstrip(" \t\n;.,:")


def reference_date(keputusan: Keputusan) -> date:
    """The date the decree speaks as of: its date, or the end of its year while undated."""
    return keputusan.tanggal or date(keputusan.tahun, 12, 31)


def letters_cited(count: int) -> str:
    """'huruf a', 'huruf a dan huruf b', 'huruf a sampai dengan huruf c'."""
    if count == 1:
        return "huruf a"
    if count == 2:
        return "huruf a dan huruf b"
    return f"huruf a sampai dengan huruf {indonesian.letter(count - 1)}"


def name_attachments(labels: list[str]) -> str:
    """'Lampiran', 'Lampiran I dan Lampiran II', 'Lampiran I, Lampiran II, dan Lampiran III'."""
    names = ["Lampiran" + label[len("LAMPIRAN"):] for label in labels]
    if len(names) <= 2:
        return " dan ".join(names)
    return ", ".join(names[:-1]) + ", dan " + names[-1]


def menimbang(plan: RencanaKeputusan, lembaga: str) -> list[str]:
    """Considerations: the plan's (or the standard one), then the closing one, each with ';'."""
    k = plan.keputusan
    tentang = clean_title(k.tentang)
    items = list(k.menimbang) if k.menimbang else [
        f"bahwa untuk mewujudkan Wilayah Bebas dari Korupsi dan Wilayah Birokrasi Bersih dan "
        f"Melayani di lingkungan {lembaga}, perlu disusun rencana aksi pembangunan Zona "
        "Integritas sebagai acuan pelaksanaan tugas Tim Pembangunan Zona Integritas"
    ]
    has_closing = items[-1].lower().startswith(PENUTUP_AWAL)
    if k.penutup_menimbang and not has_closing:
        items.append(f"{PENUTUP_AWAL} sebagaimana dimaksud dalam {letters_cited(len(items))}, "
                     f"perlu menetapkan Keputusan {lembaga} tentang {tentang}")
    return [end_with(item, ";") for item in items]


def diktum(plan: RencanaKeputusan, lembaga_sekretariat: str, labels: list[str]) -> list[str]:
    """The plan's diktum, or the standard ones naming the attachments by their numbers."""
    k = plan.keputusan
    if k.diktum:
        return [end_with(item, ".") for item in k.diktum]
    items = []
    tentang = clean_title(k.tentang)
    if labels:
        items.append(f"Menetapkan {tentang} sebagaimana tercantum dalam {name_attachments(labels)} "
                     "yang merupakan bagian tidak terpisahkan dari Keputusan ini.")
    else:
        items.append(f"Menetapkan {tentang}.")
    if k.anggaran:
        sumber = k.anggaran if isinstance(k.anggaran, str) else (
            f"Anggaran Pendapatan dan Belanja Negara melalui Daftar Isian Pelaksanaan Anggaran "
            f"{lembaga_sekretariat}")
        items.append("Segala biaya yang timbul sebagai akibat ditetapkannya Keputusan ini "
                     f"dibebankan pada {clean_title(sumber)}.")
    items.append("Keputusan ini mulai berlaku pada tanggal ditetapkan.")
    return items


@dataclass(frozen=True)
class DasarHukum:
    """One Mengingat item as the plan wrote it, with what is known of it."""

    indeks: int
    """Its place in the plan's list, from 0."""
    teks: str
    """The text to print, punctuated."""
    rujukan: catalog.Rujukan | None
    """Kind, level, number and year, where they can be read."""
    kunci: str | None
    """Catalog key, when the plan named one."""


def dasar_hukum(plan: RencanaKeputusan) -> list[DasarHukum]:
    """The plan's Mengingat items, catalog keys resolved to full citations as of the decree."""
    return dasar_hukum_dari(plan.keputusan.mengingat, reference_date(plan.keputusan))


def dasar_hukum_dari(items: list[str], per: date) -> list[DasarHukum]:
    """Legal bases (catalog keys or text) as of a date, each with what is known of it."""
    entries = catalog.katalog()
    found = []
    for index, item in enumerate(items):
        if item in entries:
            peraturan = entries[item]
            found.append(DasarHukum(index, catalog.sitasi(item, per),
                                    catalog.rujukan_katalog(peraturan), item))
        else:
            found.append(DasarHukum(index, end_with(item, ";"), catalog.baca_rujukan(item), None))
    return found


def in_lawful_order(items: list[DasarHukum]) -> list[DasarHukum]:
    """Legal bases in lawful order: by level, then year and number.

    A text whose kind or number cannot be read keeps its place after the item written before
    it. zi check warns about free text written out of order, so the plan can be put right.
    """
    keys = []
    previous = (0, 0, 0, "")
    for item in items:
        previous = item.rujukan.urutan() if item.rujukan else previous
        keys.append(previous)
    order = sorted(range(len(items)), key=lambda i: keys[i])
    return [items[i] for i in order]


def mengingat(plan: RencanaKeputusan) -> list[str]:
    """The Mengingat texts in print order."""
    return [item.teks for item in in_lawful_order(dasar_hukum(plan))]
