"""The validated plan: what a Tim ZI writes once in YAML, with Indonesian keys."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeGuard

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    StrictInt,
    Tag,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from generator.plan.roles import Role
from generator.plan.schedule import BULAN, capaian_bulan_schema, jadwal_schema, parse_months


def _parse_tanggal(value: object) -> object:
    """Accept 2025-09-09 or '9 September 2025'; anything else gets a message that shows both."""
    if isinstance(value, date) or value is None:
        return value
    text = str(value).strip()
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    words = re.fullmatch(r"(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})", text)
    try:
        if iso:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        if words and words[2].capitalize() in BULAN:
            return date(int(words[3]), BULAN.index(words[2].capitalize()) + 1, int(words[1]))
    except ValueError:
        pass
    raise PydanticCustomError(
        "tanggal",
        "'{value}' bukan tanggal yang sah; tulis seperti 2025-09-09 atau 9 September 2025",
        {"value": text},
    )


def _exactly_one(first: object, second: object, choices: str) -> None:
    """Two alternative fields: exactly one must be given."""
    if (first is None) == (second is None):
        raise PydanticCustomError("salah_satu", "isi salah satu: {choices}", {"choices": choices})


YA_TIDAK = {"ya": True, "iya": True, "benar": True, "tidak": False, "salah": False,
            "true": True, "false": False, "yes": True, "no": False, "on": True, "off": False}
"""Words accepted as yes/no when written as text (any case). zi's YAML (1.1) already reads
unquoted true/false, yes/no and on/off as booleans; an editor's YAML 1.2 reads yes/no and on/off
as text, so the words are taken as text too and the schema can say the same."""


def _teks(value: object) -> object:
    """Text fields take text or a whole number >= 0 (printed as written), never a YAML boolean
    or a fraction, which would silently print as 'True' or lose digits."""
    if isinstance(value, bool):
        raise PydanticCustomError("teks_ya_tidak", "harus berupa teks, bukan nilai ya/tidak "
                                  "'{nilai}'; bila memang teks, apit dengan tanda kutip",
                                  {"nilai": str(value).lower()})
    if isinstance(value, float) or (isinstance(value, int) and value < 0):
        raise PydanticCustomError("teks_angka", "harus berupa teks, bukan angka {nilai}; bila "
                                  "memang teks, apit dengan tanda kutip", {"nilai": value})
    return value


def _ya_tidak(value: object) -> object:
    """A yes/no field: a YAML boolean, or ya/tidak (true/false, yes/no) written as text."""
    if isinstance(value, str) and value.strip().lower() in YA_TIDAK:
        return YA_TIDAK[value.strip().lower()]
    if isinstance(value, bool):
        return value
    raise PydanticCustomError("ya_tidak", "harus ya atau tidak (true atau false)")


def _anggaran(value: object) -> object:
    """'ya'/'tidak' mean DIPA or nothing, never a source of funds named 'ya' or '5'."""
    if isinstance(value, str) and value.strip().lower() in YA_TIDAK:
        return YA_TIDAK[value.strip().lower()]
    if not isinstance(value, bool | str):
        raise PydanticCustomError("jenis", "harus berupa {harapan}", {
            "harapan": "ya atau tidak (true atau false), atau teks sumber biayanya"})
    return value


def _target_capaian(value: object) -> object:
    """Text or {jumlah, satuan}; a list or an empty value is neither."""
    if value is None or isinstance(value, list):
        raise PydanticCustomError("jenis", "harus berupa {harapan}", {
            "harapan": "teks, atau pemetaan {jumlah: 1, satuan: Dokumen}"})
    return value


_POLA_YA_TIDAK = "^\\s*(" + "|".join(
    "".join(f"[{c.upper()}{c}]" for c in word) for word in YA_TIDAK) + ")\\s*$"

Tanggal = Annotated[date, BeforeValidator(_parse_tanggal)]
Teks = Annotated[str, BeforeValidator(_teks), Field(min_length=1)]
TeksBebas = Annotated[str, BeforeValidator(_teks)]
"""Text that may be empty."""
YaTidak = Annotated[
    bool,
    BeforeValidator(_ya_tidak),
    WithJsonSchema({
        "anyOf": [{"type": "boolean"}, {"type": "string", "pattern": _POLA_YA_TIDAK}],
        "description": "ya atau tidak: true/false, yes/no, atau teks ya/tidak (huruf apa pun).",
    }),
]
"""A yes/no field: true/false (also yes/no, on/off unquoted) or the words ya/tidak."""
Anggaran = Annotated[
    Annotated[bool, Tag("ya_tidak")] | Annotated[Teks, Tag("teks")],
    Discriminator(lambda v: "ya_tidak" if isinstance(v, bool) else "teks"),
    BeforeValidator(_anggaran),
    WithJsonSchema({
        "anyOf": [{"type": "boolean"}, {"type": "string", "minLength": 1}],
        "description": "true atau ya: DIPA Sekretariat satker; false atau tidak: tanpa diktum "
                       "pembebanan; teks lain: sumber biayanya.",
    }),
]
"""The funding diktum: a yes/no (ya/tidak as words too) or the text of the source of funds."""
KunciOrang = Annotated[Teks, Role.PERSON]
"""The key of a person under 'orang'; every such field is checked by one walker."""
Kutipan = Annotated[list[Teks], Role.CITATION]
"""Legal bases: catalog keys or full citations."""


class _Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        coerce_numbers_to_str=True,
        use_attribute_docstrings=True,
        frozen=True,
    )


class Satker(_Model):
    """Satuan kerja yang menetapkan keputusan."""

    tingkat: Literal["provinsi", "kabupaten", "kota"]
    """Tingkat KPU: provinsi, kabupaten, atau kota."""
    nama: Teks
    """Nama wilayah tanpa 'Kabupaten'/'Kota'/'Provinsi', mis. 'Kutai Timur'."""
    tempat: Teks
    """Kota tempat keputusan ditetapkan, mis. 'Sangatta'."""
    provinsi: TeksBebas | None = None
    """Provinsi tempat kabupaten/kota ini, mis. 'Kalimantan Timur' (agar KPU provinsinya tidak
    dianggap nama satker lain)."""
    logo: TeksBebas | None = None
    """Gambar logo di kop (PNG atau JPEG, di folder rencana), mis. 'logo.png'."""


class Orang(_Model):
    """Satu orang, ditulis sekali dan dirujuk dengan kuncinya."""

    nama: Teks
    """Nama lengkap dengan gelar, seperti yang dicetak."""
    jabatan: Teks | None = None
    """Jabatan, mis. 'Kepala Subbagian Hukum dan SDM'. Kosongkan bila memakai 'peran'."""
    peran: Literal["ketua", "anggota", "sekretaris"] | None = None
    """Untuk Ketua, Anggota, dan Sekretaris KPU: jabatan dibentuk dari nama satker."""
    nip: TeksBebas | None = None
    """NIP (boleh kosong)."""

    @model_validator(mode="after")
    def _jabatan_atau_peran(self) -> Orang:
        _exactly_one(self.jabatan, self.peran,
                     "'jabatan' (teks) atau 'peran' (ketua, anggota, sekretaris)")
        return self


class Keputusan(_Model):
    """Batang tubuh keputusan."""

    nomor: TeksBebas | None = None
    """Nomor keputusan, mis. '400'. Kosongkan selama belum diregistrasi: tercetak 'NOMOR ...'."""
    tahun: StrictInt = Field(ge=2000, le=2100)
    """Tahun keputusan dan rencana aksi, mis. 2025."""
    tanggal: Tanggal | None = None
    """Tanggal penetapan (2025-09-09 atau 9 September 2025). Kosongkan bila belum ditetapkan."""
    tentang: Teks
    """Judul keputusan, huruf biasa tanpa titik; dicetak kapital di tempat yang semestinya."""
    menimbang: list[Teks] | None = Field(default=None, min_length=1)
    """Pertimbangan, masing-masing diawali 'bahwa'. Huruf a, b, ... dan ';' dibuat. Bila
    kosong: satu pertimbangan baku. Pertimbangan penutup ('bahwa berdasarkan pertimbangan
    sebagaimana dimaksud dalam huruf a, ...') ditambahkan sendiri."""
    penutup_menimbang: YaTidak = True
    """Tambahkan pertimbangan penutup baku (false bila semua pertimbangan ditulis sendiri)."""
    mengingat: Kutipan = Field(min_length=1)
    """Dasar hukum: kunci katalog (mis. uu-7-2017, dikutip lengkap dengan perubahannya) atau
    teks lengkap. Diurutkan menurut hierarki peraturan; nomor 1, 2, ... dan ';' dibuat."""
    diktum: list[Teks] | None = Field(default=None, min_length=1)
    """Isi diktum; kata KESATU, KEDUA, ... dibuat. Bila kosong: diktum baku (penetapan dengan
    rujukan lampiran, pembebanan anggaran bila 'anggaran' diisi, dan mulai berlaku)."""
    anggaran: Anggaran = False
    """Diktum pembebanan biaya: true (atau ya) untuk DIPA Sekretariat satker, false (atau tidak)
    tanpa diktum itu, atau teks sumber biayanya."""
    penandatangan: KunciOrang
    """Kunci orang (di 'orang') yang menandatangani sebagai Ketua."""
    pengesah_salinan: KunciOrang
    """Kunci orang yang mengesahkan salinan ('Salinan sesuai dengan aslinya')."""
    lampiran: list[Literal["rencana_aksi", "rencana_kerja", "tim"]] | None = Field(
        default=None, min_length=1)
    """Urutan lampiran, mis. [rencana_kerja, tim]: LAMPIRAN I, II, ... menurut urutan ini. Bila
    kosong: rencana_aksi, rencana_kerja, tim (yang ada). Tabel rencana aksi yang dicetak di bab
    rencana_kerja bukan lampiran tersendiri dan tidak disebut di sini."""


class Capaian(_Model):
    """Target capaian sebagai angka dan satuan: tercetak '1 (satu) Dokumen'."""

    jumlah: StrictInt = Field(ge=0, le=999_999)
    """Banyaknya, mis. 1."""
    satuan: Teks
    """Satuannya, mis. 'Dokumen'."""


def _parse_jadwal(value: object) -> object:
    """Months from [3, 6, 9, 12], ['1-12'] or 'triwulan'; a clear message otherwise."""
    if value is None:
        return value
    for item in value if isinstance(value, list) else ():
        if item is None or isinstance(item, bool | float | list | dict):
            raise PydanticCustomError("jadwal", "tiap butir jadwal harus angka bulan 1-12 atau "
                                      "rentang seperti '4-6'")
    try:
        return parse_months(value)
    except ValueError as exc:
        raise PydanticCustomError("jadwal", "{reason}", {"reason": str(exc)}) from None


class _SchemaFrom:
    """JSON Schema built by a function when asked, not at import: a plan that is only checked
    never needs it."""

    def __init__(self, builder: Callable[[], dict[str, Any]]):
        self.builder = builder
        """The function that returns the schema."""

    def __get_pydantic_json_schema__(self, _core: object, _handler: object) -> dict[str, Any]:
        return self.builder()


Jadwal = Annotated[tuple[int, ...], BeforeValidator(_parse_jadwal), _SchemaFrom(jadwal_schema)]


KodeLangkah = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$")]
"""A step's stable code: letters, digits, '.', '_' and '-', e.g. 'I.1.2'."""


class Langkah(_Model):
    """Satu langkah aksi."""

    id: Annotated[KodeLangkah | None, Role.NAMING] = None
    """Kode tetap langkah ini untuk laporan monev, mis. 'I.1.2' (ditulis `zi monev --mulai`);
    tetap sama walau uraiannya diubah, dan tidak dicetak."""
    aksi: Teks
    """Uraian langkah aksi."""
    bukti_fisik: TeksBebas = ""
    """Bukti fisik (dokumen, foto, laporan)."""
    jadwal: Annotated[Jadwal | None, Role.SCHEDULE] = None
    """Bulan pelaksanaan, mis. [3, 6, 9, 12], ['1-12'], 'triwulan', 'semester', 'setiap
    bulan'. Menjadi teks target waktu dan centang bulan. Bila kosong, bulan dibaca dari
    target_waktu bila bisa."""
    target_waktu: TeksBebas = ""
    """Kapan, mis. 'Januari - Desember 2025'. Bila kosong dan jadwal diisi, teksnya dibuat."""
    penanggung_jawab: TeksBebas | None = None
    """Tim yang bertanggung jawab atas langkah ini (tata letak 18 kolom)."""
    target_capaian: Annotated[
        Annotated[TeksBebas, Tag("teks")] | Annotated[Capaian, Tag("capaian")],
        Discriminator(lambda v: "capaian" if isinstance(v, dict | Capaian) else "teks"),
        BeforeValidator(_target_capaian),
    ] = ""
    """Target capaian: teks, atau {jumlah: 1, satuan: Dokumen} yang tercetak '1 (satu) Dokumen'."""


class Indikator(_Model):
    """Indikator dengan langkah-langkahnya."""

    nama: Teks
    """Uraian indikator."""
    langkah: list[Langkah] = Field(min_length=1)
    """Langkah aksi untuk indikator ini."""


class Komponen(_Model):
    """Komponen pengungkit; nomornya dibuat."""

    nama: Teks
    """Nama komponen, mis. 'Tim Kerja'."""
    indikator: list[Indikator] = Field(min_length=1)
    """Indikator komponen ini."""
    penanggung_jawab: TeksBebas | None = None
    """Tim yang bertanggung jawab atas semua langkah komponen ini."""


AREA_RESMI = ("Manajemen Perubahan", "Penataan Tata Laksana", "Penataan Sistem Manajemen SDM",
              "Penguatan Akuntabilitas Kinerja", "Penguatan Pengawasan",
              "Peningkatan Kualitas Pelayanan Publik")
"""The six areas of PermenPANRB 90/2021 as generator/reference/data/komponen.yaml names them."""
NamaAreaResmi = Literal[AREA_RESMI]  # type: ignore[valid-type]


class Program(_Model):
    """Kelompok komponen di dalam satu area, mis. 'Pengendalian Gratifikasi'."""

    nama: Teks
    """Nama program."""
    area_resmi: Annotated[NamaAreaResmi | None, Role.NAMING] = None
    """Area resmi PermenPAN RB 90/2021 tempat program ini, bila lain dari area barisnya
    (dipakai pemeriksaan komponen-hilang)."""
    komponen: list[Komponen] = Field(min_length=1)
    """Komponen di dalam program ini."""
    penanggung_jawab: TeksBebas | None = None
    """Tim yang bertanggung jawab atas semua langkah program ini."""


class Area(_Model):
    """Area perubahan; nomor romawinya dibuat."""

    nama: Teks
    """Nama area, mis. 'Manajemen Perubahan'."""
    area_resmi: Annotated[NamaAreaResmi | None, Role.NAMING] = None
    """Area resmi PermenPAN RB 90/2021 tempat baris ini, bila namanya bukan nama area resmi
    (mis. baris romawi per program: 'Pelaksanaan Pengendalian Gratifikasi' -> Penguatan
    Pengawasan). Pemeriksaan komponen-hilang mencocokkan komponen menurut nama di seluruh
    rencana; area ini menentukan di mana kekurangannya ditunjukkan."""
    komponen: list[Komponen] | None = Field(default=None, min_length=1)
    """Komponen langsung di bawah area (pilih ini atau 'program')."""
    program: list[Program] | None = Field(default=None, min_length=1)
    """Program di dalam area, masing-masing dengan komponennya (pilih ini atau 'komponen')."""
    penanggung_jawab: TeksBebas | None = None
    """Tim yang bertanggung jawab atas semua langkah area ini, mis. 'Tim Manajemen Perubahan'."""

    @model_validator(mode="after")
    def _komponen_atau_program(self) -> Area:
        _exactly_one(self.komponen, self.program, "'komponen' atau 'program' (bukan keduanya)")
        return self


class RencanaAksi(_Model):
    """Lampiran Rencana Aksi: tabel area, komponen, indikator, dan langkah aksi."""

    judul: TeksBebas | None = None
    """Judul tabel; bila kosong: 'Rencana Aksi Pembangunan Zona Integritas KPU ... Tahun ...'."""
    tanpa_komponen: Annotated[list[Teks], Role.NAMING] = Field(default_factory=list)
    """Komponen resmi PermenPAN RB 90/2021 yang sengaja tidak direncanakan (agar tidak
    diperingatkan sebagai komponen yang hilang)."""
    kolom: Annotated[Literal[7, 6, 18], Role.NAMING] = 7
    """Tata letak tabel: 7 kolom (dengan target capaian), 6 kolom (tanpa target capaian), atau
    18 kolom (centang bulan 1-12 dan penanggung jawab)."""
    area: list[Area] = Field(min_length=1)
    """Area perubahan, berurutan."""


class Anggota(_Model):
    """Satu orang dalam tim beserta kedudukannya."""

    orang: KunciOrang
    """Kunci orang (di 'orang')."""
    kedudukan: Teks
    """Kedudukan dalam tim, mis. 'Koordinator merangkap Anggota'."""


class SubTim(_Model):
    """Sub-tim, biasanya satu per area."""

    nama: Teks
    """Nama sub-tim, mis. 'Tim Penataan Tata Laksana'."""
    anggota: list[Anggota] = Field(min_length=1)
    """Koordinator dan anggota."""


class TimKerja(_Model):
    """Tim kerja di bawah pengarah."""

    ketua: Anggota
    """Ketua tim kerja (biasanya Sekretaris)."""
    anggota: list[Anggota] = Field(default_factory=list)
    """Pimpinan tim lain sesudah ketua (boleh kosong)."""
    subtim: list[SubTim] = Field(default_factory=list)
    """Sub-tim per area."""


class Tim(_Model):
    """Lampiran Susunan dan Personalia."""

    judul: TeksBebas | None = None
    """Judul lampiran; bila kosong: 'Susunan dan Personalia'."""
    pengarah: list[Anggota] = Field(min_length=1)
    """Ketua dan Anggota KPU sebagai pengarah."""
    tim_kerja: TimKerja
    """Tim kerja."""


class BagianBab(_Model):
    """Satu bagian berhuruf (A., B., ...) di dalam bab."""

    judul: Teks
    """Judul bagian, mis. 'Latar Belakang' (dicetak kapital)."""
    isi: TeksBebas = ""
    """Naskah: paragraf dipisah baris kosong; butir daftar diawali '-', '1.', 'a.', '1)' atau
    'a)' dan bersarang menurut indentasi; *miring*, **tebal**."""
    dasar_hukum: Annotated[list[Teks] | None, Role.CITATION] = None
    """Daftar dasar hukum (kunci katalog atau teks), dicetak bernomor dan lengkap."""


class AreaKerja(_Model):
    """Target dan rencana aksi satu area di BAB rencana kerja."""

    area: Teks
    """Nama area, mis. 'Manajemen Perubahan'; nomor romawinya dibuat."""
    target: list[Teks] = Field(min_length=1)
    """Target area, dicetak bernomor di bawah 'Target :'."""
    rencana_aksi: Teks
    """Naskah di bawah 'Rencana Aksi :' (paragraf dan daftar)."""


class Bab(_Model):
    """Satu BAB buklet; nomornya (BAB I, BAB II, ...) dibuat."""

    judul: Teks
    """Judul bab, mis. 'Pendahuluan' (dicetak kapital)."""
    isi: TeksBebas = ""
    """Naskah pembuka bab."""
    bagian: list[BagianBab] = Field(default_factory=list)
    """Bagian A., B., C., ..."""
    area: list[AreaKerja] = Field(default_factory=list)
    """Bagian per area (A. AREA I - ..., dengan Target dan Rencana Aksi)."""
    matriks: YaTidak = False
    """Cetak matriks TARGET CAPAIAN bulanan di akhir bab ini."""
    tabel_rencana_aksi: YaTidak = False
    """Cetak tabel 'rencana_aksi' di bab ini, sesudah naskahnya, pada halaman mendatar; bab
    berikutnya kembali tegak. Tabel itu lalu tidak dicetak lagi sebagai lampiran sendiri."""


class BarisMatriks(_Model):
    """Satu komponen di matriks target capaian."""

    nama: Teks
    """Nama komponen."""
    capaian: Annotated[dict[
        Annotated[str, _SchemaFrom(capaian_bulan_schema)],
        Annotated[float, WithJsonSchema({"type": "number", "minimum": 0, "maximum": 100})],
    ], Role.NAMING] = Field(default_factory=dict)
    """Persen per bulan: {4: 100}, {'1-12': 100}, {6: 50, 12: 50}."""

    @model_validator(mode="after")
    def _bulan_dan_persen(self) -> BarisMatriks:
        for key, value in self.capaian.items():
            try:
                parse_months([int(key)] if key.isdigit() else [key])
            except ValueError as exc:
                raise PydanticCustomError("capaian", "{reason}", {"reason": str(exc)}) from None
            if not 0 <= value <= 100:
                raise PydanticCustomError("capaian", "persen capaian harus 0 sampai 100, bukan "
                                          "{value}", {"value": value})
        return self


class AreaMatriks(_Model):
    """Satu area di matriks target capaian."""

    area: Teks
    """Nama area."""
    komponen: list[BarisMatriks] = Field(min_length=1)
    """Komponen area ini."""


def _sampul(value: object) -> object:
    """The cover: its title lines, or ya/tidak (tidak: no cover page)."""
    if isinstance(value, str) and value.strip().lower() in YA_TIDAK:
        return YA_TIDAK[value.strip().lower()]
    return value


Sampul = Annotated[
    Annotated[bool, Tag("ya_tidak")] | Annotated[list[Teks], Tag("baris")],
    Discriminator(lambda v: "ya_tidak" if isinstance(v, bool) else "baris"),
    BeforeValidator(_sampul),
    WithJsonSchema({
        "anyOf": [{"type": "array", "items": {"type": "string", "minLength": 1}},
                  {"type": "boolean"}, {"type": "string", "pattern": _POLA_YA_TIDAK}],
        "description": "Baris-baris judul di sampul; true (atau ya): sampul dengan judul "
                       "lampiran; false (atau tidak): tanpa halaman sampul.",
    }),
]
"""The cover's title lines, or yes/no."""


class RencanaKerja(_Model):
    """Lampiran buklet Rencana Kerja: sampul, kata pengantar, bab-bab, matriks target."""

    judul: TeksBebas | None = None
    """Judul lampiran; bila kosong: 'Rencana Kerja Pembangunan Zona Integritas ... Tahun ...'."""
    sampul: Sampul | None = None
    """Baris-baris judul di sampul; bila kosong (atau true) dipakai judul lampiran; false (atau
    tidak): tanpa halaman sampul."""
    situs: TeksBebas | None = None
    """Alamat situs di sampul, mis. 'id.kpu.go.id/kalbar'."""
    kata_pengantar: Teks | None = None
    """Naskah kata pengantar (ditandatangani Ketua); bila kosong tanpa kata pengantar."""
    tanggal_pengantar: TeksBebas | None = None
    """Tanggal di bawah kata pengantar, mis. 'April 2025'; bila kosong dari tanggal keputusan."""
    bab: list[Bab] = Field(min_length=1)
    """BAB I, BAB II, ..."""
    matriks: list[AreaMatriks] | None = None
    """Matriks target capaian sebagai data; bila kosong diturunkan dari jadwal langkah
    rencana_aksi (100% pada bulan yang berjadwal)."""
    matriks_komponen_hasil: list[BarisMatriks] = Field(default_factory=list)
    """Baris 'Komponen Hasil' di akhir matriks (boleh kosong)."""


class Tampilan(_Model):
    """Ukuran kertas dan huruf."""

    kertas: Literal["f4", "a4"] = "f4"
    """Ukuran kertas: f4 (215 x 330 mm, kebiasaan dinas) atau a4."""
    huruf: Literal["arial", "bookman"] = "arial"
    """Huruf: arial (PDF: Liberation Sans) atau bookman (PDF: TeX Gyre Bonum)."""


class Mandiri(_Model):
    """Rencana Aksi yang berdiri sendiri, tanpa keputusan: judul, tabel, tempat dan tanggal,
    dan tanda tangan Ketua Tim Pelaksana."""

    tahun: StrictInt = Field(ge=2000, le=2100)
    """Tahun rencana aksi."""
    tanggal: Tanggal | None = None
    """Tanggal penandatanganan; bila kosong tercetak titik-titik."""
    tempat: Teks | None = None
    """Tempat penandatanganan; bila kosong dipakai tempat satker."""
    jabatan: Teks = "Ketua Tim Pelaksana"
    """Jabatan penanda tangan."""
    penandatangan: KunciOrang
    """Kunci orang (di 'orang') yang menandatangani."""


class Rencana(_Model):
    """Satu berkas rencana aksi Zona Integritas."""

    satker: Annotated[Satker, Role.NAMING]
    """Satuan kerja."""
    keputusan: Keputusan | None = None
    """Batang tubuh keputusan (keputusan beserta lampirannya)."""
    mandiri: Mandiri | None = None
    """Rencana Aksi yang berdiri sendiri, tanpa keputusan (boleh bersama 'keputusan')."""
    orang: Annotated[dict[str, Orang], Role.NAMING] = Field(min_length=1)
    """Setiap orang sekali, dengan kunci pendek (mis. 'siti') yang dirujuk tim dan tanda tangan."""
    rencana_aksi: RencanaAksi | None = None
    """Lampiran Rencana Aksi."""
    rencana_kerja: RencanaKerja | None = None
    """Lampiran buklet Rencana Kerja."""
    tim: Tim | None = None
    """Lampiran Susunan dan Personalia."""
    tampilan: Annotated[Tampilan, Role.NAMING] = Field(default_factory=Tampilan)
    """Kertas dan huruf (boleh dihilangkan)."""

    @model_validator(mode="after")
    def _dokumen(self) -> Rencana:
        if self.keputusan is None and self.mandiri is None:
            raise PydanticCustomError(
                "dokumen", "isi 'keputusan' (keputusan dengan lampiran) atau 'mandiri' (rencana "
                "aksi tanpa keputusan), atau keduanya")
        if self.rencana_kerja is not None and self.keputusan is None:
            raise PydanticCustomError("rencana_kerja", "'rencana_kerja' adalah lampiran "
                                      "keputusan: isi juga 'keputusan'")
        if self.mandiri is not None and self.rencana_aksi is None:
            raise PydanticCustomError("mandiri", "'mandiri' mencetak tabel 'rencana_aksi', yang "
                                      "belum diisi")
        return self

    @property
    def tahun(self) -> int:
        """The plan's year."""
        if self.keputusan is not None:
            return self.keputusan.tahun
        assert self.mandiri is not None  # _dokumen: one of the two is there
        return self.mandiri.tahun


if TYPE_CHECKING:
    class RencanaKeputusan(Rencana):
        """A plan whose 'keputusan' is there: what the decree's stages take, so that a stage
        cannot read the optional field without the check `has_keputusan` makes once."""

        keputusan: Keputusan
else:
    RencanaKeputusan = Rencana


def has_keputusan(plan: Rencana) -> TypeGuard[RencanaKeputusan]:
    """True when the plan has a decree; narrows `plan` to RencanaKeputusan for the type checker."""
    return plan.keputusan is not None


def with_keputusan(plan: Rencana) -> RencanaKeputusan:
    """The plan as one with a decree: the one check at the entry of a decree-only stage."""
    if not has_keputusan(plan):
        raise ValueError("the plan has no 'keputusan'")
    return plan
