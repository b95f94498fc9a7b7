"""`zi new`: a starting plan from a few answers, with the standard body and the official areas."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from generator.reference import catalog
from generator.reference.official_areas import area_resmi
from generator.rules.unfinished import level_word, without_level_word

STANDARD_BASES = ("uu-28-1999", "uu-31-1999", "uu-7-2017", "perpres-81-2010",
                  "permenpanrb-90-2021", "pkpu-8-2019", "pkpu-14-2020")
"""Legal bases a ZI decree usually cites; those not yet in force in the plan's year are left out."""


@dataclass(frozen=True)
class Jawaban:
    """The answers `zi new` asks for."""

    tingkat: str
    """provinsi, kabupaten or kota."""
    nama: str
    """The region's name, e.g. 'Kutai Timur'."""
    tempat: str
    """Where the decree is signed."""
    tahun: int
    """The plan's year."""
    ketua: str
    """The Ketua's name."""
    sekretaris: str
    """The Sekretaris's name."""


TINGKAT = {"provinsi": "provinsi", "prov": "provinsi", "prov.": "provinsi",
           "kabupaten": "kabupaten", "kab": "kabupaten", "kab.": "kabupaten", "kota": "kota"}
"""Answers accepted for 'tingkat', any case, and the level each one means."""


class JawabanSalah(ValueError):
    """An answer `zi new` cannot use; the message reads after the question's name."""


def _shown(text: str) -> str:
    """The answer quoted back, unless it holds characters a terminal would act on."""
    return f", bukan '{text}'" if text and text.isprintable() else ""


def _teks(text: str) -> str:
    """A text answer: not empty, one line of printable characters, spaces folded."""
    if not text.strip():
        raise JawabanSalah("wajib diisi")
    if not text.strip().isprintable():
        raise JawabanSalah("tidak boleh memuat karakter kendali (mis. dari tombol panah)")
    return " ".join(text.split())


def _tingkat(text: str) -> str:
    level = TINGKAT.get(text.strip().lower())
    if level is None:
        raise JawabanSalah("harus provinsi, kabupaten, atau kota" + _shown(text.strip()))
    return level


def _nama(text: str) -> str:
    nama = _teks(text)
    bad = [shown for part, shown in (("/", "'/'"), ("\\", "'\\'"), ("..", "'..'"))
           if part in nama]
    if bad:
        raise JawabanSalah(f"tidak boleh memuat {' atau '.join(bad)}: tulis nama wilayahnya "
                           "saja, mis. 'Kutai Timur'")
    word = level_word(nama)
    if word is not None:
        raise JawabanSalah(f"memuat '{word}': tulis nama wilayahnya saja (mis. "
                           f"'{without_level_word(nama) or 'Kutai Timur'}'); zi menambahkan kata "
                           "tingkatnya sendiri")
    return nama


def _tahun(text: str | int) -> int:
    shown = str(text).strip()
    if not re.fullmatch(r"[0-9]{4}", shown) or not 2000 <= int(shown) <= 2100:
        raise JawabanSalah("harus bilangan bulat antara 2000 dan 2100" + _shown(shown))
    return int(shown)


PEMERIKSA: dict[str, Callable[[str], str | int]] = {
    "tingkat": _tingkat, "nama": _nama, "tempat": _teks, "tahun": _tahun, "ketua": _teks,
    "sekretaris": _teks}
"""How each answer is checked and tidied; raises JawabanSalah."""


def periksa_jawaban(name: str, answer: str | int) -> str | int:
    """The tidied answer to question `name`, or JawabanSalah saying what is wrong with it."""
    if name == "tahun":
        return _tahun(answer)
    return PEMERIKSA[name](str(answer))


def nama_berkas(j: Jawaban) -> str:
    """The default plan file name: a plain name that stays in the current folder."""
    ascii_name = unicodedata.normalize("NFKD", j.nama).encode("ascii", "ignore").decode()
    slug = "-".join(re.findall(r"[a-z0-9]+", ascii_name.lower()))
    return f"rencana-{slug}-{j.tahun}.yaml" if slug else f"rencana-{j.tahun}.yaml"


def _q(text: str) -> str:
    """A YAML scalar that reads back exactly as the text (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def draft_plan(j: Jawaban) -> str:
    """The YAML text of a plan ready to fill in; it builds as it is, and `zi check` warns of
    every '(tulis …)' and the empty sub-teams until they are filled in."""
    wilayah = f"{j.tingkat.capitalize()} {j.nama}"
    entries = catalog.katalog()
    bases = [key for key in STANDARD_BASES if entries[key].tahun <= j.tahun]
    lines = [
        "# yaml-language-server: $schema=rencana.schema.json",
        f"# Rencana Aksi Zona Integritas KPU {wilayah} {j.tahun}, dibuat oleh `zi new`.",
        "# Isi setiap '(tulis ...)', tambahkan langkah dan orang, lalu jalankan `zi check`.",
        "",
        "satker:",
        f"  tingkat: {j.tingkat}",
        f"  nama: {_q(j.nama)}",
        f"  tempat: {_q(j.tempat)}",
        "",
        "keputusan:",
        f"  tahun: {j.tahun}",
        "  # nomor: ...          # isi setelah nomor diregistrasi",
        f"  # tanggal: {j.tahun}-01-02  # isi pada hari penetapan",
        f"  tentang: {_q(f'Rencana Aksi Pembangunan Zona Integritas di Lingkungan Komisi Pemilihan Umum {wilayah} Tahun {j.tahun}')}",  # noqa: E501
        "  # Menimbang dan diktum baku dibuat oleh zi; tulis 'menimbang:' atau 'diktum:' untuk",
        "  # menggantinya.",
        "  mengingat:            # kunci katalog peraturan, atau teks lengkap",
        *[f"    - {key}" for key in bases],
        "  anggaran: true        # diktum pembebanan biaya pada DIPA Sekretariat",
        "  penandatangan: ketua",
        "  pengesah_salinan: sekretaris  # ganti dengan pejabat yang mengesahkan salinan",
        "",
        "orang:",
        f"  ketua: {{nama: {_q(j.ketua)}, peran: ketua}}",
        f"  sekretaris: {{nama: {_q(j.sekretaris)}, peran: sekretaris}}",
        "",
        "rencana_aksi:",
        "  area:",
    ]
    for area in area_resmi():
        lines += [f"    - nama: {_q(area.nama)}", "      komponen:"]
        for komponen in area.komponen:
            lines += [
                f"        - nama: {_q(komponen)}",
                "          indikator:",
                "            - nama: (tulis indikator)",
                "              langkah:",
                "                - aksi: (tulis langkah aksi)",
                "                  bukti_fisik: (tulis bukti fisik)",
                f"                  target_waktu: Januari - Desember {j.tahun}",
                "                  target_capaian: {jumlah: 1, satuan: Dokumen}",
            ]
    lines += [
        "",
        "tim:",
        "  pengarah:",
        "    - {orang: ketua, kedudukan: Pengarah merangkap Ketua}",
        "  tim_kerja:",
        "    ketua: {orang: sekretaris, kedudukan: Ketua}",
        "    subtim: []          # satu sub-tim per area: {nama: ..., anggota: [...]}",
        "",
    ]
    return "\n".join(lines)
