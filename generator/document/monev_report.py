"""The Laporan Monitoring dan Evaluasi of one quarter as a neutral document: every word and
figure both writers print, in print order, and the data the charts are drawn from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from generator.document.decree import Autentikasi, Satuan, office_of, title_of
from generator.plan.model import Komponen, Rencana
from generator.plan.progress import (
    QUARTER_END,
    AreaProgress,
    PlannedStep,
    StepProgress,
    area_progress,
    progress,
    step_id,
)
from generator.plan.realisasi import Monev
from generator.plan.schedule import schedule_text, step_months
from generator.reference import terms
from generator.reference.official_areas import AreaResmi, area_dari_nama, area_resmi
from generator.rules.coverage import _cocok_kuat, _cocok_longgar, bentuk
from generator.rules.realisasi import CheckedMonev
from generator.text import indonesian
from generator.text.inline import Runs, parse, plain

VERSIONS = ("asli", "salinan")
"""The signed original and the certified copy, as for the decree."""
BULAN_SINGKAT = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov",
                 "Des")
"""Month labels of the chart's axis."""
STATUS_TEKS = {"belum": "Belum dimulai", "berjalan": "Berjalan", "selesai": "Selesai",
               "batal": "Batal"}
"""How each recorded status is printed."""
TIDAK_DILAPORKAN = "Belum dilaporkan"
"""The status printed for a step with no record up to the quarter."""
TANPA_BUKTI = "(belum ada bukti)"
"""Printed as the evidence of a step done without any."""
BERKAS_HILANG = "(berkas tidak ditemukan)"
"""Printed after an evidence file not found in the plan's folder."""
ATURAN_LKE = (
    "Perkiraan nilai = bobot area × (banyaknya komponen resmi area itu yang tuntas ÷ banyaknya "
    "komponen resmi area itu). Sebuah komponen resmi dihitung tuntas bila rencana aksi memuat "
    "langkah untuk komponen itu, sedikitnya satu langkahnya sudah jatuh tempo sampai akhir "
    "triwulan ini, dan semua langkahnya yang sudah jatuh tempo berstatus selesai. Angka ini "
    "hanya perkiraan kemajuan, bukan nilai Lembar Kerja Evaluasi (LKE) yang diberikan evaluator."
)
"""The rule of the LKE estimate, printed in the report beside its table."""


@dataclass(frozen=True)
class RingkasanArea:
    """One row of the summary per area."""

    no: str
    """The area's roman numeral, as in the plan's table."""
    area: Runs
    """The area's name."""
    langkah: int
    """All its steps in the plan."""
    jatuh_tempo: int
    """Its steps due by the quarter's end."""
    selesai: int
    """Of those, the steps done."""
    persen: float | None
    """Done over due in percent; None when nothing is due yet."""
    persen_teks: str
    """'66,7%' or '-'."""


@dataclass(frozen=True)
class BarisLangkah:
    """One row of the step table: an area heading or a step."""

    jenis: str
    """'area' or 'langkah'."""
    kode: str
    """The step's code ('I.1.2.1') or the area's roman numeral."""
    komponen: Runs = ()
    """The komponen the step belongs to (area rows: the area's name)."""
    langkah: Runs = ()
    """What the step is."""
    jadwal: str = ""
    """When it was planned: 'Januari - Maret 2025'."""
    status: str = ""
    """'Selesai', 'Berjalan', 'Belum dimulai', 'Batal' or 'Belum dilaporkan'."""
    realisasi: str = ""
    """'100%', or '-' when nothing is recorded."""
    bukti: tuple[str, ...] = ()
    """Evidence: file names or links; '(belum ada bukti)' for a step done without any."""
    terlambat: bool = False
    """Due by the quarter and neither done nor cancelled."""


@dataclass(frozen=True)
class Terlambat:
    """A step due by the quarter but not done, with what the meeting decided."""

    kode: str
    """The step's code."""
    langkah: Runs
    """What the step is."""
    jadwal: str
    """When it was planned."""
    status: str
    """Its status, as in the step table."""
    realisasi: str
    """Its realisation, as in the step table."""
    tindak_lanjut: str
    """The follow-up recorded, or '(belum ditetapkan)'."""


@dataclass(frozen=True)
class PerkiraanLke:
    """The estimate of one official LKE area."""

    no: str
    """'1' to '6'."""
    area: str
    """The official area's name."""
    bobot: float
    """Its weight in the LKE."""
    bobot_teks: str
    """'8' or '7,5'."""
    komponen_resmi: int
    """Its official komponen."""
    komponen_tuntas: tuple[str, ...]
    """The official komponen counted as done, by name."""
    nilai: float
    """bobot × tuntas ÷ komponen_resmi."""
    nilai_teks: str
    """'4,00'."""


@dataclass(frozen=True)
class DataGrafik:
    """What the charts show; the writers draw them."""

    area: tuple[str, ...]
    """Short area labels (roman numeral and name), in the plan's order."""
    jatuh_tempo: tuple[int, ...]
    """Steps due by the quarter, per area."""
    selesai: tuple[int, ...]
    """Steps done among those, per area."""
    bulan: tuple[str, ...]
    """Month labels from January to the quarter's last month."""
    rencana_kumulatif: tuple[int, ...]
    """Steps due by each month's end (first scheduled month on or before it), cumulative."""
    realisasi_kumulatif: tuple[int, ...]
    """Steps done by each month's end (month of the date done, else the quarter's end)."""


@dataclass(frozen=True)
class Pengesahan:
    """Place, date and signature at the end of the report."""

    tempat_tanggal: str
    """'Sangatta, ........................ 2025'."""
    jabatan: tuple[str, ...]
    """The signer's title, a line each."""
    ttd: str
    """'ttd.' in the salinan, '' in the asli."""
    nama: str
    """The signer's name as written."""


@dataclass(frozen=True)
class DokumenMonev:
    """The whole quarterly monev report in one version, ready for either writer."""

    versi: str
    """'asli' or 'salinan'."""
    salinan: bool
    """True for the certified copy."""
    judul_metadata: str
    """Title for the PDF/DOCX properties."""
    penulis: str
    """The office, for the properties."""
    kertas: str
    """'f4' or 'a4'."""
    huruf: str
    """'arial' or 'bookman'."""
    kop: tuple[str, ...]
    """'KOMISI PEMILIHAN UMUM', 'KABUPATEN KUTAI TIMUR'."""
    judul: tuple[str, ...]
    """Title lines in capitals."""
    triwulan: int
    """The quarter, 1-4."""
    triwulan_romawi: str
    """'I' to 'IV'."""
    pembuka: tuple[str, ...]
    """Opening paragraphs."""
    penutup: str
    """The closing paragraph."""
    ringkasan: tuple[RingkasanArea, ...]
    """The summary per area."""
    ringkasan_total: RingkasanArea
    """The summary's total row."""
    baris: tuple[BarisLangkah, ...]
    """The step table."""
    terlambat: tuple[Terlambat, ...]
    """Steps due and not done."""
    lke: tuple[PerkiraanLke, ...]
    """The estimate per official area."""
    lke_total: str
    """The estimate summed over the areas, against the weights summed: '12,50 dari 60'."""
    aturan_lke: str
    """The rule of the estimate, stated in the report."""
    grafik: DataGrafik
    """The charts' data."""
    pengesahan: Pengesahan
    """Place, date and signature."""
    autentikasi: Autentikasi | None
    """Salinan of a plan with a decree only."""
    logo: bytes | None = None
    """The kop logo (PNG or JPEG), already checked."""
    logo_jenis: str = ""
    """'png' or 'jpeg'."""


def angka(value: float, decimals: int = 1) -> str:
    """A number as Indonesian writes it: 66,7; a whole number without decimals."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.{decimals}f}".replace(".", ",")


def _persen(value: float | None) -> str:
    return "-" if value is None else f"{angka(round(value, 1))}%"


def _roman_quarter(quarter: int) -> str:
    return indonesian.roman(quarter)


def _status(state: StepProgress) -> str:
    return STATUS_TEKS[state.status] if state.record is not None else TIDAK_DILAPORKAN


def _realisasi(state: StepProgress) -> str:
    return "-" if state.record is None else _persen(state.percent)


def _jadwal(step: PlannedStep, tahun: int) -> str:
    months = step_months(step.langkah)
    return step.langkah.target_waktu or (schedule_text(months, tahun) if months else "-")


def _bukti(state: StepProgress, hilang: frozenset[str]) -> tuple[str, ...]:
    """The evidence as listed; a file not found is marked, a step done without any too."""
    record = state.record
    if record is None:
        return ()
    if record.bukti:
        return tuple(f"{b} {BERKAS_HILANG}" if b in hilang else b for b in record.bukti)
    return (TANPA_BUKTI,) if record.status == "selesai" else ()


def _step_rows(steps: list[StepProgress], tahun: int,
               hilang: frozenset[str]) -> list[BarisLangkah]:
    rows: list[BarisLangkah] = []
    area = -1
    for state in steps:
        step = state.step
        if step.area_index != area:
            area = step.area_index
            rows.append(BarisLangkah("area", indonesian.roman(area + 1), parse(step.area)))
        rows.append(BarisLangkah(
            "langkah", step_id(step), parse(step.komponen.nama), parse(step.langkah.aksi),
            _jadwal(step, tahun), _status(state), _realisasi(state), _bukti(state, hilang),
            state.late))
    return rows


def _summary(areas: list[AreaProgress]) -> tuple[list[RingkasanArea], RingkasanArea]:
    rows = [RingkasanArea(indonesian.roman(i + 1), parse(a.area), a.steps, a.due, a.done,
                          a.percent, _persen(a.percent)) for i, a in enumerate(areas)]
    due, done = sum(a.due for a in areas), sum(a.done for a in areas)
    percent = 100.0 * done / due if due else None
    total = RingkasanArea("", parse("Jumlah"), sum(a.steps for a in areas), due, done, percent,
                          _persen(percent))
    return rows, total


def _group_area(plan: Rencana, step: PlannedStep) -> str | None:
    """The official area the step's row (its program, else its area) belongs to."""
    assert plan.rencana_aksi is not None  # the step comes from it
    area = plan.rencana_aksi.area[step.area_index]
    program = area.program[int(step.path[4])] if area.program and step.path[3] == "program" \
        else None
    for group in ((program,) if program is not None and program.area_resmi else ()) + (area,):
        if group.area_resmi:
            return str(group.area_resmi)
        if found := area_dari_nama(group.nama):
            return found
        cocok = terms.area_resmi(group.nama)
        if cocok is not None and cocok.skor >= 60:
            return cocok.resmi
    return None


def _official_komponen(komponen: Komponen, program: str | None, area: str | None,
                       official: tuple[AreaResmi, ...]) -> str | None:
    """The official komponen a plan komponen stands for: by the lexicon of official terms, or by
    its name or its program's name matching an official komponen (loosely only within the
    row's own area), as the coverage check matches them."""
    cocok = terms.komponen_resmi(komponen.nama)
    if cocok is not None and cocok.skor >= 85:
        return cocok.resmi
    names = bentuk(komponen.nama)
    if program is not None and area_dari_nama(program) is None:
        names += bentuk(program)
    candidates = [(a.nama, k) for a in official for k in a.komponen]
    mine = [(a, k) for a, k in candidates if area in (None, a)]
    for _, k in mine + [c for c in candidates if c not in mine]:
        if _cocok_kuat(k, names):
            return k.replace("*", "")
    for _, k in mine:
        if _cocok_longgar(k, names):
            return k.replace("*", "")
    return None


def _lke(plan: Rencana, steps: list[StepProgress]) -> tuple[list[PerkiraanLke], str]:
    """The estimate per official area, by ATURAN_LKE."""
    official = area_resmi()
    states: dict[str, list[StepProgress]] = {}
    for state in steps:
        step = state.step
        name = _official_komponen(step.komponen, step.program, _group_area(plan, step), official)
        if name is not None:
            states.setdefault(name, []).append(state)
    rows = []
    for number, area in enumerate(official, start=1):
        done = []
        for komponen in area.komponen:
            name = komponen.replace("*", "")
            due = [s for s in states.get(name, []) if s.due]
            if due and all(s.done for s in due):
                done.append(name)
        value = area.bobot * len(done) / len(area.komponen)
        rows.append(PerkiraanLke(str(number), area.nama, area.bobot, angka(area.bobot),
                                 len(area.komponen), tuple(done), value, f"{value:.2f}"
                                 .replace(".", ",")))
    total = sum(r.nilai for r in rows)
    weights = sum(a.bobot for a in official)
    return rows, f"{total:.2f}".replace(".", ",") + f" dari {angka(weights)}"


def _done_month(state: StepProgress, tahun: int) -> int | None:
    """The month a done step was done in: its date, else its record's quarter's end."""
    record = state.record
    if record is None or record.status != "selesai":
        return None
    if record.tanggal is not None and record.tanggal.year == tahun:
        return record.tanggal.month
    assert state.record_quarter is not None  # a record has its quarter
    return QUARTER_END[state.record_quarter]


def _chart(areas: list[AreaProgress], steps: list[StepProgress], quarter: int,
           tahun: int) -> DataGrafik:
    end = QUARTER_END[quarter]
    first = [min(step_months(s.step.langkah), default=None) for s in steps]
    done = [_done_month(s, tahun) for s in steps]
    return DataGrafik(
        area=tuple(f"{indonesian.roman(i + 1)}. {plain(parse(a.area))}"
                   for i, a in enumerate(areas)),
        jatuh_tempo=tuple(a.due for a in areas),
        selesai=tuple(a.done for a in areas),
        bulan=BULAN_SINGKAT[:end],
        rencana_kumulatif=tuple(sum(1 for m in first if m is not None and m <= month)
                                for month in range(1, end + 1)),
        realisasi_kumulatif=tuple(sum(1 for m in done if m is not None and m <= month)
                                  for month in range(1, end + 1)),
    )


def _pengesahan(plan: Rencana, office: Satuan, salinan: bool) -> Pengesahan:
    """Signed by the Ketua Tim Kerja when the plan names a team, else by the decree's signer as
    Ketua, else by the standalone plan's signer."""
    blank = f"{'.' * 24} {plan.tahun}"
    if plan.tim is not None:
        person = plan.orang[plan.tim.tim_kerja.ketua.orang]
        jabatan: tuple[str, ...] = ("Ketua Tim Kerja", "Pembangunan Zona Integritas",
                                    f"{office.singkat},")
    elif plan.keputusan is not None:
        person = plan.orang[plan.keputusan.penandatangan]
        jabatan = (f"Ketua {office.singkat},",)
    else:
        assert plan.mandiri is not None  # a plan has a decree or a standalone table
        person = plan.orang[plan.mandiri.penandatangan]
        jabatan = (f"{plan.mandiri.jabatan},",)
    return Pengesahan(f"{plan.satker.tempat}, {blank}", jabatan, "ttd." if salinan else "",
                      person.nama)


def _autentikasi(plan: Rencana, office: Satuan) -> Autentikasi | None:
    if plan.keputusan is None:
        return None
    person = plan.orang[plan.keputusan.pengesah_salinan]
    return Autentikasi(
        baris=("Salinan sesuai dengan aslinya", "SEKRETARIAT KOMISI PEMILIHAN UMUM",
               office.wilayah_kapital, f"{title_of(person, office)},"),
        nama=person.nama,
        nip=f"NIP {person.nip}" if person.nip else "",
    )


def build_monev(plan: Rencana, monev: CheckedMonev | Monev, quarter: int, versi: str,
                logo: tuple[bytes, str] | None = None,
                bukti_hilang: frozenset[str] = frozenset()) -> DokumenMonev:
    """The quarterly monev report in one version, with every figure computed; `bukti_hilang`
    names the evidence files the caller did not find beside the plan."""
    if versi not in VERSIONS:
        raise ValueError(f"unknown version {versi!r}")
    if quarter not in QUARTER_END:
        raise ValueError(f"quarter {quarter} is not 1-4")
    records = monev.monev if isinstance(monev, CheckedMonev) else monev
    salinan = versi == "salinan"
    office = office_of(plan)
    roman = _roman_quarter(quarter)
    steps = progress(plan, records, quarter)
    areas = area_progress(steps)
    summary, total = _summary(areas)
    lke, lke_total = _lke(plan, steps)
    late = [s for s in steps if s.late]
    ongoing = sum(1 for s in steps if s.due and not s.late and s.status == "berjalan")
    judul = (f"LAPORAN MONITORING DAN EVALUASI TRIWULAN {roman}",
             "PEMBANGUNAN ZONA INTEGRITAS",
             f"KPU {office.wilayah_kapital} TAHUN {plan.tahun}")
    end = indonesian.tanggal(_quarter_end(plan.tahun, quarter))
    pembuka = (
        f"Sesuai dengan Rencana Aksi Pembangunan Zona Integritas {office.singkat} Tahun "
        f"{plan.tahun}, Tim Kerja Pembangunan Zona Integritas melaksanakan pemantauan dan "
        f"evaluasi atas pelaksanaan setiap langkah aksi. Laporan ini memuat hasil monitoring dan "
        f"evaluasi Triwulan {roman} sampai dengan {end}.",
        f"Dari {total.langkah} langkah aksi dalam rencana, {total.jatuh_tempo} langkah sudah "
        f"jatuh tempo sampai akhir Triwulan {roman} dan {total.selesai} langkah di antaranya "
        f"telah selesai ({total.persen_teks}); {len(late)} langkah terlambat dicantumkan beserta "
        "tindak lanjutnya" + (f", dan {ongoing} langkah lain masih berjalan sesuai jadwalnya "
                              "yang belum berakhir" if ongoing else "") + ".",
    )
    return DokumenMonev(
        versi=versi,
        salinan=salinan,
        judul_metadata=f"Laporan Monitoring dan Evaluasi Triwulan {roman} Pembangunan Zona "
        f"Integritas {office.singkat} Tahun {plan.tahun}",
        penulis=f"Komisi Pemilihan Umum {office.wilayah}",
        kertas=plan.tampilan.kertas,
        huruf=plan.tampilan.huruf,
        kop=("KOMISI PEMILIHAN UMUM", office.wilayah_kapital),
        judul=judul,
        triwulan=quarter,
        triwulan_romawi=roman,
        pembuka=pembuka,
        penutup=f"Demikian Laporan Monitoring dan Evaluasi Triwulan {roman} ini disusun sebagai "
        "bahan evaluasi pimpinan dan dasar tindak lanjut pembangunan Zona Integritas "
        f"{office.singkat}.",
        ringkasan=tuple(summary),
        ringkasan_total=total,
        baris=tuple(_step_rows(steps, plan.tahun, bukti_hilang)),
        terlambat=tuple(Terlambat(
            step_id(s.step), parse(s.step.langkah.aksi), _jadwal(s.step, plan.tahun),
            _status(s), _realisasi(s),
            (s.record.tindak_lanjut if s.record and s.record.tindak_lanjut else
             "(belum ditetapkan)")) for s in late),
        lke=tuple(lke),
        lke_total=lke_total,
        aturan_lke=ATURAN_LKE,
        grafik=_chart(areas, steps, quarter, plan.tahun),
        pengesahan=_pengesahan(plan, office, salinan),
        autentikasi=_autentikasi(plan, office) if salinan else None,
        logo=logo[0] if logo else None,
        logo_jenis=logo[1] if logo else "",
    )


def _quarter_end(tahun: int, quarter: int) -> date:
    month = QUARTER_END[quarter]
    return date(tahun, month, 31 if month in (3, 12) else 30)
