"""One neutral document built from a plan: every word both writers print, in print order."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from generator.document.action_table import (
    BarisRencana,
    Kolom,
    SelKepala,
    header_rows,
    table_columns,
    table_rows,
)
from generator.document.booklet import Blok, booklet_blocks
from generator.plan.attachments import attachment_labels, tabel_di_bab
from generator.plan.model import Anggota, Orang, Rencana, RencanaKeputusan, with_keputusan
from generator.rules import drafting
from generator.text import indonesian
from generator.text.inline import Run, Runs, parse, plain

VERSIONS = ("asli", "salinan")
"""The original for signature and the certified copy for publication."""


@dataclass(frozen=True)
class Item:
    """A lettered or numbered entry: Menimbang, Mengingat, diktum."""

    label: str
    """'a.', '1.', 'KESATU', or '' for a lone item."""
    text: Runs
    """The entry's text."""


@dataclass(frozen=True)
class Penetapan:
    """The place, date and signature block on the right half of the page."""

    tempat: str
    """'Ditetapkan di Sangatta'."""
    tanggal: str
    """'pada tanggal 9 September 2025' or a dotted blank."""
    jabatan: tuple[str, ...]
    """'KETUA KOMISI PEMILIHAN UMUM', 'KABUPATEN KUTAI TIMUR,'."""
    ttd: str
    """'ttd.' in the salinan, '' in the asli (space left for the wet signature)."""
    nama: str
    """The signer's name in capitals."""


@dataclass(frozen=True)
class Autentikasi:
    """The salinan's 'Salinan sesuai dengan aslinya' block, bottom left."""

    baris: tuple[str, ...]
    """Heading, secretariat and the official's title, each a line."""
    nama: str
    """The official's name."""
    nip: str
    """'NIP 1975...' or ''."""


@dataclass(frozen=True)
class KepalaLampiran:
    """The header block at the top right of an attachment's first page."""

    label: str
    """'LAMPIRAN' or 'LAMPIRAN I'."""
    baris: tuple[Runs, ...]
    """'KEPUTUSAN KOMISI PEMILIHAN UMUM', 'KABUPATEN ...', 'NOMOR ...', 'TENTANG ...'."""


@dataclass(frozen=True)
class BarisTim:
    """One row of the Susunan dan Personalia table."""

    jenis: str
    """'grup' (1 PENGARAH), 'subgrup' (a. MANAJEMEN PERUBAHAN) or 'orang'."""
    no: str
    """'1', 'a.', '1.'."""
    nama: Runs = ()
    """Person's name, or the group's name in capitals."""
    jabatan: Runs = ()
    """Person's title."""
    kedudukan: Runs = ()
    """Position in the team."""


@dataclass(frozen=True)
class LampiranRencanaAksi:
    """The Rencana Aksi table with its title: an attachment, a table inside a booklet chapter,
    or a standalone Rencana Aksi."""

    jenis: ClassVar[str] = "rencana_aksi"
    """The tag templates tell attachments apart by."""
    mendatar: ClassVar[bool] = True
    """Too wide for portrait: on landscape pages."""
    kepala: KepalaLampiran | None
    """The header block (none inside a chapter or for a standalone Rencana Aksi)."""
    judul: tuple[Runs, ...]
    """The title lines, in capitals, with their italics."""
    kolom: tuple[Kolom, ...]
    """Table columns."""
    kepala_tabel: tuple[tuple[SelKepala, ...], ...]
    """Header rows above the column numbers, with their spans."""
    tata_letak: int
    """The column set: 7, 6 or 18."""
    baris: tuple[BarisRencana, ...]
    """Table rows."""
    blok: ClassVar[tuple[Blok, ...]] = ()
    """Templates made for one attachment class read these of every attachment: empty here."""
    tabel: ClassVar[None] = None


@dataclass(frozen=True)
class LampiranRencanaKerja:
    """The Rencana Kerja booklet as an attachment."""

    jenis: ClassVar[str] = "rencana_kerja"
    """The tag templates tell attachments apart by."""
    mendatar: ClassVar[bool] = False
    """Portrait, but for the pages of a table inside a chapter."""
    kepala: KepalaLampiran
    """The header block."""
    judul: tuple[Runs, ...]
    """The booklet's title lines, in capitals, with their italics."""
    blok: tuple[Blok, ...]
    """The booklet's blocks."""
    tabel: LampiranRencanaAksi | None = None
    """The Rencana Aksi table printed inside a chapter, with its title; its place is the
    booklet's 'rencana_aksi' block, between 'mendatar' and 'tegak'."""
    kolom: ClassVar[tuple[Kolom, ...]] = ()
    """Templates made for one attachment class read these of every attachment: empty here."""
    kepala_tabel: ClassVar[tuple[tuple[SelKepala, ...], ...]] = ()
    tata_letak: ClassVar[int] = 0
    baris: ClassVar[tuple[BarisRencana | BarisTim, ...]] = ()


@dataclass(frozen=True)
class LampiranTim:
    """The Susunan dan Personalia table as an attachment."""

    jenis: ClassVar[str] = "tim"
    """The tag templates tell attachments apart by."""
    mendatar: ClassVar[bool] = False
    """Portrait."""
    kepala: KepalaLampiran
    """The header block."""
    judul: tuple[Runs, ...]
    """The title lines, in capitals."""
    baris: tuple[BarisTim, ...]
    """Table rows."""
    kolom: ClassVar[tuple[Kolom, ...]] = ()
    """Templates made for one attachment class read these of every attachment: empty here."""
    kepala_tabel: ClassVar[tuple[tuple[SelKepala, ...], ...]] = ()
    tata_letak: ClassVar[int] = 0
    blok: ClassVar[tuple[Blok, ...]] = ()
    tabel: ClassVar[None] = None


Lampiran = LampiranRencanaAksi | LampiranRencanaKerja | LampiranTim
"""One attachment, told apart by its class (and, in templates, by `jenis`). Each kind holds
its own fields only; the fields of the other kinds, which the shipped and users' templates
read of every attachment (`lampiran.tata_letak`, `lampiran.tabel`), answer empty."""


@dataclass(frozen=True)
class Dokumen:
    """The whole decree in one version, ready for either writer."""

    versi: str
    """'asli' or 'salinan'."""
    salinan: bool
    """True for the certified copy."""
    judul_metadata: str
    """The decree's title for PDF/DOCX properties."""
    penulis: str
    """The office, for PDF/DOCX properties."""
    kertas: str
    """'f4' or 'a4'."""
    huruf: str
    """'arial' or 'bookman'."""
    kop: tuple[str, ...]
    """'KOMISI PEMILIHAN UMUM', 'KABUPATEN KUTAI TIMUR'."""
    judul: tuple[Runs, ...]
    """'KEPUTUSAN ...', 'NOMOR ...', 'TENTANG', subject lines (a foreign term in italics)."""
    pejabat: str
    """'KETUA KOMISI PEMILIHAN UMUM KABUPATEN KUTAI TIMUR,'."""
    menimbang: tuple[Item, ...]
    """Considerations, lettered."""
    mengingat: tuple[Item, ...]
    """Legal bases, numbered."""
    menetapkan: Runs
    """The full title in capitals, ending with '.'."""
    diktum: tuple[Item, ...]
    """KESATU, KEDUA, ..."""
    penetapan: Penetapan
    """Place, date and signature."""
    autentikasi: Autentikasi | None
    """Salinan only."""
    lampiran: tuple[Lampiran, ...] = field(default_factory=tuple)
    """Attachments in order."""
    logo: bytes | None = None
    """The kop logo (PNG or JPEG), already checked."""
    logo_jenis: str = ""
    """'png' or 'jpeg'."""


@dataclass(frozen=True)
class Satuan:
    """Every phrase derived from the satker, so that none is typed twice."""

    wilayah: str
    """'Kabupaten Kutai Timur'."""

    @property
    def wilayah_kapital(self) -> str:
        """'KABUPATEN KUTAI TIMUR'."""
        return self.wilayah.upper()

    @property
    def lembaga(self) -> str:
        """'KOMISI PEMILIHAN UMUM KABUPATEN KUTAI TIMUR'."""
        return f"KOMISI PEMILIHAN UMUM {self.wilayah_kapital}"

    @property
    def lembaga_judul(self) -> str:
        """'Komisi Pemilihan Umum Kabupaten Kutai Timur', as the name stands inside a sentence."""
        return f"Komisi Pemilihan Umum {self.wilayah}"

    @property
    def singkat(self) -> str:
        """'KPU Kabupaten Kutai Timur'."""
        return f"KPU {self.wilayah}"


def office_of(plan: Rencana) -> Satuan:
    """The derived names of the plan's office."""
    return Satuan(f"{plan.satker.tingkat.capitalize()} {plan.satker.nama}")


def title_of(person: Orang, office: Satuan) -> str:
    """A person's title; Ketua, Anggota and Sekretaris are derived from the office."""
    if person.peran:
        return f"{person.peran.capitalize()} {office.singkat}"
    return person.jabatan or ""


def _nomor(plan: RencanaKeputusan) -> str:
    k = plan.keputusan
    return f"NOMOR {k.nomor or '...'} TAHUN {k.tahun}"


def _items(texts: list[str], labels: list[str]) -> tuple[Item, ...]:
    if len(texts) == 1:
        return (Item("", parse(texts[0])),)
    return tuple(Item(label, parse(text)) for label, text in zip(labels, texts, strict=True))


def _penetapan(plan: RencanaKeputusan, office: Satuan, salinan: bool) -> Penetapan:
    k = plan.keputusan
    signer = plan.orang[k.penandatangan]
    when = indonesian.tanggal(k.tanggal) if k.tanggal else f"{'.' * 24} {k.tahun}"
    return Penetapan(
        tempat=f"Ditetapkan di {plan.satker.tempat}",
        tanggal=f"pada tanggal {when}",
        jabatan=("KETUA KOMISI PEMILIHAN UMUM", f"{office.wilayah_kapital},"),
        ttd="ttd." if salinan else "",
        nama=signer.nama.upper(),
    )


def _autentikasi(plan: RencanaKeputusan, office: Satuan) -> Autentikasi:
    person = plan.orang[plan.keputusan.pengesah_salinan]
    return Autentikasi(
        baris=(
            "Salinan sesuai dengan aslinya",
            "SEKRETARIAT KOMISI PEMILIHAN UMUM",
            office.wilayah_kapital,
            f"{title_of(person, office)},",
        ),
        nama=person.nama,
        nip=f"NIP {person.nip}" if person.nip else "",
    )


def _tim_rows(plan: Rencana, office: Satuan) -> list[BarisTim]:
    tim = plan.tim
    assert tim is not None

    def person(no: str, member: Anggota) -> BarisTim:
        who = plan.orang[member.orang]
        # a person's name and title print as written, as in the signature blocks
        return BarisTim("orang", no, (Run(who.nama),), (Run(title_of(who, office)),),
                        parse(member.kedudukan))

    rows = [BarisTim("grup", "1", parse("PENGARAH"))]
    rows += [person(f"{i}.", m) for i, m in enumerate(tim.pengarah, start=1)]
    rows.append(BarisTim("grup", "2", parse("TIM KERJA")))
    leaders = [tim.tim_kerja.ketua, *tim.tim_kerja.anggota]
    rows += [person(f"{i}.", m) for i, m in enumerate(leaders, start=1)]
    for s, sub in enumerate(tim.tim_kerja.subtim):
        rows.append(BarisTim("subgrup", f"{indonesian.letter(s)}.", parse(sub.nama.upper())))
        rows += [person(f"{i}.", m) for i, m in enumerate(sub.anggota, start=1)]
    return rows


def _rencana_lampiran(plan: Rencana, office: Satuan,
                      kepala: KepalaLampiran | None) -> LampiranRencanaAksi:
    """The Rencana Aksi table with its title, as an attachment or on its own."""
    rencana = plan.rencana_aksi
    assert rencana is not None
    judul = rencana.judul or (
        f"Rencana Aksi Pembangunan Zona Integritas {office.singkat} Tahun {plan.tahun}")
    kolom = table_columns(rencana.kolom)
    return LampiranRencanaAksi(
        kepala=kepala,
        judul=(parse(judul.upper()),),
        kolom=kolom,
        kepala_tabel=header_rows(kolom),
        tata_letak=rencana.kolom,
        baris=table_rows(rencana, plan.tahun),
    )


@dataclass(frozen=True)
class DokumenMandiri:
    """A Rencana Aksi without a decree: title, table, place and date, signature."""

    judul_metadata: str
    """Title for the PDF/DOCX properties."""
    penulis: str
    """The office."""
    kertas: str
    """'f4' or 'a4'."""
    huruf: str
    """'arial' or 'bookman'."""
    tabel: LampiranRencanaAksi
    """The title and the table (no attachment header)."""
    tempat_tanggal: str
    """'Tana Paser, 9 September 2025'."""
    jabatan: str
    """'Ketua Tim Pelaksana'."""
    nama: str
    """The signer's name as written."""


def build_mandiri(plan: Rencana) -> DokumenMandiri:
    """The standalone Rencana Aksi."""
    mandiri = plan.mandiri
    assert mandiri is not None
    office = office_of(plan)
    tabel = _rencana_lampiran(plan, office, None)
    when = indonesian.tanggal(mandiri.tanggal) if mandiri.tanggal else \
        f"{'.' * 24} {mandiri.tahun}"
    return DokumenMandiri(
        judul_metadata=" ".join(plain(line) for line in tabel.judul).title()
        .replace("Kpu", "KPU"),
        penulis=f"Komisi Pemilihan Umum {office.wilayah}",
        kertas=plan.tampilan.kertas,
        huruf=plan.tampilan.huruf,
        tabel=tabel,
        tempat_tanggal=f"{mandiri.tempat or plan.satker.tempat}, {when}",
        jabatan=mandiri.jabatan,
        nama=plan.orang[mandiri.penandatangan].nama,
    )


def build_document(plan: Rencana, versi: str,
                   logo: tuple[bytes, str] | None = None) -> Dokumen:
    """The decree in one version, with every derived word in place."""
    if versi not in VERSIONS:
        raise ValueError(f"unknown version {versi!r}")
    plan = with_keputusan(plan)
    salinan = versi == "salinan"
    office = office_of(plan)
    k = plan.keputusan
    tentang = drafting.clean_title(k.tentang).upper()
    title = f"KEPUTUSAN {office.lembaga}"

    labels = attachment_labels(plan)
    label_list = list(labels.values())
    header_lines = tuple(parse(line) for line in (
        "KEPUTUSAN KOMISI PEMILIHAN UMUM", office.wilayah_kapital, _nomor(plan),
        f"TENTANG {tentang}"))
    attachments: list[Lampiran] = []
    for kind, label in labels.items():
        kepala = KepalaLampiran(label, header_lines)
        if kind == "rencana_aksi":
            attachments.append(_rencana_lampiran(plan, office, kepala))
        elif kind == "rencana_kerja":
            assert plan.rencana_kerja is not None  # attachment_labels names those there
            judul = plan.rencana_kerja.judul or (
                f"Rencana Kerja Pembangunan Zona Integritas {office.singkat} Tahun {plan.tahun}")
            attachments.append(LampiranRencanaKerja(
                kepala=kepala,
                judul=(parse(judul.upper()),),
                blok=booklet_blocks(plan, office.singkat, office.wilayah, judul),
                tabel=_rencana_lampiran(plan, office, None) if tabel_di_bab(plan) else None,
            ))
        else:
            assert plan.tim is not None
            attachments.append(LampiranTim(
                kepala=kepala,
                judul=(parse((plan.tim.judul or "Susunan dan Personalia").upper()),),
                baris=tuple(_tim_rows(plan, office)),
            ))

    considerations = drafting.menimbang(plan, office.lembaga_judul)
    bases = drafting.mengingat(plan)
    diktum = [Item(indonesian.diktum_word(i), parse(t)) for i, t in enumerate(
        drafting.diktum(plan, f"Sekretariat {office.lembaga_judul}", label_list), start=1)]
    return Dokumen(
        versi=versi,
        salinan=salinan,
        judul_metadata=f"Keputusan {office.lembaga_judul} Nomor {k.nomor or '...'} "
        f"Tahun {k.tahun} tentang {plain(parse(drafting.clean_title(k.tentang)))}",
        penulis=f"Komisi Pemilihan Umum {office.wilayah}",
        kertas=plan.tampilan.kertas,
        huruf=plan.tampilan.huruf,
        kop=("KOMISI PEMILIHAN UMUM", office.wilayah_kapital),
        judul=tuple(parse(line) for line in (title, _nomor(plan), "TENTANG", tentang)),
        pejabat=f"KETUA {office.lembaga},",
        menimbang=_items(considerations, [f"{indonesian.letter(i)}."
                                          for i in range(len(considerations))]),
        mengingat=_items(bases, [f"{i}." for i in range(1, len(bases) + 1)]),
        menetapkan=parse(f"{title} TENTANG {tentang}."),
        diktum=tuple(diktum),
        penetapan=_penetapan(plan, office, salinan),
        autentikasi=_autentikasi(plan, office) if salinan else None,
        lampiran=tuple(attachments),
        logo=logo[0] if logo else None,
        logo_jenis=logo[1] if logo else "",
    )
