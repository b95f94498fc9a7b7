"""Ready for JDIH: files named by the decree, and the metadata record a JDIH portal asks for.

The record's keys are those JDIH portals send to the national JDIHN in its integration JSON
(Permenkumham 8/2019 on the standard of legal documentation): `noPeraturan`, `tempatTerbit`,
`teuBadan`, ... What the plan does not say is left empty ("" or null), never guessed; the
portal's librarian fills it in.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass

from generator.document.decree import office_of
from generator.plan.model import Rencana, RencanaKeputusan, with_keputusan
from generator.rules.drafting import clean_title
from generator.text.inline import parse, plain

NAMA_BERKAS = ("biasa", "nomor")
"""How decree files are named: 'biasa' keputusan-salinan.pdf, 'nomor' by jenis, nomor, tahun."""
JENIS = "Keputusan"
"""The kind of legal product every decree zi writes is."""
AKHIRAN = ".jdih.json"
"""Appended to the salinan PDF's stem: keputusan-salinan.jdih.json."""
_PANJANG_NOMOR = 60
"""At most this many characters of the nomor in a file name, far below any file system's limit."""


@dataclass(frozen=True)
class DasarNama:
    """The stem decree files share, and why it is not the decree's number when it is not."""

    dasar: str
    """'keputusan' or 'keputusan-400-2025'."""
    catatan: str = ""
    """Said once when names by number were asked for and the plan has no usable nomor."""


def slug_nomor(nomor: str, tahun: int) -> str:
    """'400/HK.03.1-Kpt/6408/2025' -> '400-hk-03-1-kpt-6408-2025': letters and digits only, so
    the name is safe on every disk and in a URL; the year is dropped when it ends the nomor."""
    text = unicodedata.normalize("NFKD", nomor).encode("ascii", "ignore").decode().lower()
    parts = re.findall(r"[a-z0-9]+", text)
    if len(parts) > 1 and parts[-1] == str(tahun):
        parts = parts[:-1]
    return "-".join(parts)[:_PANJANG_NOMOR].strip("-")


def dasar_nama(plan: Rencana, nama: str = "biasa") -> DasarNama:
    """The stem of the decree's files: by number when asked and the plan has one."""
    k = plan.keputusan
    if nama != "nomor" or k is None:
        return DasarNama("keputusan")
    slug = slug_nomor(k.nomor or "", k.tahun)
    if not slug:
        return DasarNama("keputusan", "keputusan.nomor belum diisi: berkas keputusan diberi nama "
                                      "biasa (keputusan-asli.pdf, keputusan-salinan.pdf, ...), "
                                      "bukan menurut nomornya")
    return DasarNama(f"keputusan-{slug}-{k.tahun}")


def judul(plan: RencanaKeputusan) -> str:
    """'Keputusan Komisi Pemilihan Umum Kabupaten X Nomor 400 Tahun 2025 tentang ...'."""
    k = plan.keputusan
    nomor = f" Nomor {k.nomor}" if k.nomor else ""
    tentang = plain(parse(clean_title(k.tentang)))
    return f"{JENIS} {office_of(plan).lembaga_judul}{nomor} Tahun {k.tahun} tentang {tentang}"


def rekaman(plan: Rencana, nama_pdf: str) -> dict[str, str | None]:
    """The JDIHN record of the salinan, keys in the order portals send them."""
    plan = with_keputusan(plan)
    k = plan.keputusan
    return {
        "idData": "",
        "tahun_pengundangan": str(k.tahun),
        "tanggal_penetapan": k.tanggal.isoformat() if k.tanggal else None,
        "tanggal_pengundangan": None,
        "jenis": JENIS,
        "noPeraturan": k.nomor or "",
        "judul": judul(plan),
        "noPanggil": "",
        "singkatanJenis": "",
        "tempatTerbit": plan.satker.tempat,
        "penerbit": office_of(plan).singkat,
        "deskripsiFisik": "",
        "sumber": "",
        "subjek": "",
        "isbn": "",
        "status": "Berlaku",
        "bahasa": "Indonesia",
        "bidangHukum": "",
        "teuBadan": "",
        "nomorIndukBuku": "",
        "fileDownload": nama_pdf,
        "urlDownload": "",
        "abstrak": "",
        "urlabstrak": "",
        "urlDetailPeraturan": "",
        "penandatangan": plan.orang[k.penandatangan].nama,
        "pemrakarsa": "",
        "lokasi": "",
    }


def rekaman_json(plan: Rencana, nama_pdf: str) -> bytes:
    """The record as UTF-8 JSON, the same bytes for the same plan."""
    text = json.dumps(rekaman(plan, nama_pdf), ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")
