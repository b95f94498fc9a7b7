"""The province overview: one row per plan of a folder (office, decree, build status, warnings by
code, komponen coverage per area, monev progress per quarter, links to its files), for the page
`ringkasan.html` a KPU Provinsi opens to see all its offices at a glance."""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import quote

from generator.document.decree import office_of
from generator.output.batch import STAMP, BuildResult, read_stamp
from generator.output.folders import output_folder
from generator.plan.progress import area_progress, progress
from generator.plan.realisasi import SUFFIX, Monev
from generator.reference.official_areas import area_resmi
from generator.rules import Checked, check_bytes
from generator.rules.coverage import cakupan
from generator.rules.realisasi import load_checked, monev_path
from generator.source.diagnostics import Diagnostic, PlanError
from generator.source.plan_file import decode_source, read_bytes

NAMA_HALAMAN = "ringkasan.html"
"""The page's file name in the output folder."""
BERKAS_HASIL = (".docx", ".pdf", ".json")
"""The kinds of file in a plan's output folder that the page links to: the decree in each
version and format, its JDIH record, and a monev report written there."""

TERBARU = "terbaru"
USANG = "usang"
BELUM = "belum dibangun"
SALAH = "salah"
STATUS_TANPA_BUILD = (TERBARU, USANG, BELUM, SALAH)
"""A plan's state when the page is made without a build: its files are those of these very
plan bytes; older than the plan; not there; or the plan has errors."""
STATUS_BUILD = ("dibangun", "dilewati", "gagal")
"""A plan's state right after `zi build` (the words of BuildStatus)."""
ARTI_STATUS = {
    "dibangun": "berkasnya baru saja ditulis",
    "dilewati": "tidak berubah sejak dibangun; berkasnya tetap",
    "gagal": "tidak dibangun: rencananya salah atau berkasnya tidak dapat ditulis",
    TERBARU: "berkas hasil sesuai dengan isi rencana sekarang",
    USANG: "rencana berubah sejak dibangun, atau sebagian berkasnya hilang: bangun lagi",
    BELUM: "rencana benar, tetapi belum dibangun ke folder hasil ini",
    SALAH: "rencana punya kesalahan; perbaiki dulu (lihat zi check)",
}
"""What each status means, for the page's legend and tooltips."""


@dataclass(frozen=True)
class Tautan:
    """A link to one file of a plan, relative to the page."""

    kelompok: str
    """The line it is listed on: 'rencana' (the plan), 'monev' (its realisation file), else
    its output file's stem ('asli', 'salinan', '400-2025-salinan', 'laporan-monev-tw2')."""
    label: str
    """What the link says: 'rencana', 'realisasi', or the output file's kind ('docx', 'pdf',
    'jdih' for the JDIH record)."""
    href: str
    """The relative address, encoded for a URL."""
    judul: str
    """The file's path as the page's folder sees it, shown as the link's tooltip."""


@dataclass(frozen=True)
class CakupanSel:
    """One official area's komponen in one plan."""

    area: str
    """The official area's name."""
    ada: int
    """Its komponen the plan has a step for."""
    resmi: int
    """All its official komponen."""
    hilang: tuple[str, ...]
    """Its komponen without a step, named in the tooltip."""
    dikecualikan: tuple[str, ...] = ()
    """Its komponen left out on purpose ('tanpa_komponen')."""


@dataclass(frozen=True)
class Triwulan:
    """The monev progress of one plan at the end of one quarter."""

    triwulan: int
    """The quarter, 1-4."""
    jatuh_tempo: int
    """Steps due by the quarter's end."""
    selesai: int
    """Of those, the steps recorded as selesai."""

    @property
    def persen(self) -> float | None:
        """Done over due in percent; None when nothing is due yet."""
        return 100.0 * self.selesai / self.jatuh_tempo if self.jatuh_tempo else None


@dataclass(frozen=True)
class Baris:
    """One plan's row of the overview."""

    rencana: str
    """The plan file as found (e.g. 'plans/kutai-timur-2025.yaml')."""
    kantor: str
    """The office, e.g. 'KPU Kabupaten Kutai Timur'; the file name when the plan cannot say."""
    wilayah: str
    """The region's own name ('Kutai Timur'), the office column's sort key; '' when unknown."""
    tingkat: str
    """provinsi, kabupaten or kota; '' when unknown."""
    tahun: int | None
    """The plan's year."""
    nomor: str | None
    """The decree's number; None while not numbered (or without a decree)."""
    tanggal: date | None
    """The decree's (or the standalone plan's) date."""
    berkeputusan: bool
    """The plan has a decree ('keputusan'); False for a standalone Rencana Aksi or a bad plan."""
    status: str
    """A word of STATUS_BUILD or STATUS_TANPA_BUILD."""
    kesalahan: int
    """Errors of the plan (0 when valid)."""
    peringatan: dict[str, int]
    """Warnings per code, the plan's and its realisation file's, codes sorted."""
    pesan: tuple[str, ...] = ()
    """The first errors, as `zi check` prints them, or why a build failed."""
    cakupan: tuple[CakupanSel, ...] = ()
    """Per official area, in their order; empty without a Rencana Aksi table."""
    monev: tuple[Triwulan, ...] | None = None
    """Progress per quarter reported so far; None without a realisation file."""
    monev_kesalahan: int = 0
    """Errors of the realisation file (its progress is then not shown)."""
    tautan: tuple[Tautan, ...] = field(default_factory=tuple)
    """The plan, its realisation file, and the files in its output folder."""

    @property
    def jumlah_peringatan(self) -> int:
        """All warnings of the row."""
        return sum(self.peringatan.values())


def rencana_di(paths: Iterable[Path]) -> list[Path]:
    """The plans among files found: a realisation file (`x.monev.yaml`) is not a plan."""
    return [p for p in paths if not p.name.endswith(SUFFIX)]


def ringkasan(plans: Iterable[Path], out_dir: Path, page_dir: Path | None = None,
              results: Iterable[BuildResult] = ()) -> list[Baris]:
    """A row per plan, in the order given; `results` of a build just made give the status."""
    by_plan = {r.plan: r for r in results}
    where = page_dir if page_dir is not None else out_dir
    return [baris(plan, out_dir, where, by_plan.get(str(plan))) for plan in rencana_di(plans)]


def baris(plan: Path, out_dir: Path, page_dir: Path, result: BuildResult | None = None) -> Baris:
    """One plan's row; a plan that cannot be read or validated still gets one, never raises."""
    try:
        return _baris(plan, out_dir, page_dir, result)
    except Exception as exc:  # a failure nobody foresaw costs this row, not the page
        return Baris(str(plan), plan.name, "", "", None, None, None, False,
                     result.status.value if result else SALAH, 1, {},
                     (f"{plan}: {type(exc).__name__}: {exc}",),
                     tautan=(_tautan(plan, page_dir, "rencana", "rencana"),))


def _baris(plan: Path, out_dir: Path, page_dir: Path, result: BuildResult | None) -> Baris:
    name = str(plan)
    raw: bytes | None = None
    checked: Checked | None = None
    try:
        raw = read_bytes(plan, name)
        checked = check_bytes(raw, name, plan.parent)
        found = list(checked.warnings)
    except PlanError as exc:
        found = list(exc.diagnostics)
    errors = [d for d in found if d.is_error]
    links = [_tautan(plan, page_dir, "rencana", "rencana")]
    monev_file = monev_path(plan)
    if monev_file.is_file():
        links.append(_tautan(monev_file, page_dir, "monev", "realisasi"))
    folder = output_folder(out_dir, plan.stem)
    for made in _hasil(folder):
        stem, _, kind = made.name.removeprefix("keputusan-").partition(".")
        links.append(_tautan(made, page_dir, stem, "jdih" if kind == "jdih.json" else kind))
    status = result.status.value if result is not None else (
        SALAH if checked is None or raw is None else _keadaan(raw, folder))
    messages = tuple(str(d) for d in errors[:3])
    if result is not None and not messages and result.status.value == "gagal":
        messages = tuple(result.messages[:3])
    if checked is None:
        kantor, wilayah, tingkat = _satker_mentah(raw, plan)
        return Baris(name, kantor, wilayah, tingkat, None, None, None, False, status,
                     len(errors), _per_kode(found), messages, tautan=tuple(links))
    rencana = checked.plan
    monev: tuple[Triwulan, ...] | None = None
    monev_errors = 0
    if monev_file.is_file():
        try:
            realisasi = load_checked(rencana, plan, shown_as=str(monev_file))
        except PlanError as exc:
            monev_errors = sum(1 for d in exc.diagnostics if d.is_error)
        else:
            found += realisasi.warnings
            monev = _kemajuan(checked, realisasi.monev)
    k = rencana.keputusan
    tanggal = k.tanggal if k is not None else (rencana.mandiri.tanggal if rencana.mandiri
                                               else None)
    return Baris(
        rencana=name, kantor=office_of(rencana).singkat, wilayah=rencana.satker.nama,
        tingkat=rencana.satker.tingkat, tahun=rencana.tahun,
        nomor=(k.nomor or None) if k is not None else None, tanggal=tanggal,
        berkeputusan=k is not None, status=status, kesalahan=len(errors),
        peringatan=_per_kode(found), pesan=messages,
        cakupan=tuple(CakupanSel(c.area.nama, len(c.ada), len(c.area.komponen), c.hilang,
                                 c.dikecualikan) for c in cakupan(rencana)),
        monev=monev, monev_kesalahan=monev_errors, tautan=tuple(links))


def _kemajuan(checked: Checked, monev: Monev) -> tuple[Triwulan, ...]:
    """Progress at each quarter up to the latest one reported: a later quarter is not yet
    reported, and its steps due would all count as not done."""
    reported = max((q for item in monev.langkah for q in item.triwulan), default=0)
    found = []
    for quarter in range(1, reported + 1):
        areas = area_progress(progress(checked.plan, monev, quarter))
        found.append(Triwulan(quarter, sum(a.due for a in areas), sum(a.done for a in areas)))
    return tuple(found)


def _per_kode(found: list[Diagnostic]) -> dict[str, int]:
    """Warnings counted per code; one without a code counts as 'lain'."""
    counts = Counter(d.kode or "lain" for d in found if not d.is_error)
    return dict(sorted(counts.items()))


def _keadaan(raw: bytes, folder: Path) -> str:
    """Whether the files in the output folder were built from these very plan bytes and are
    all there. Templates and options are not compared: that is `zi build`'s business."""
    stamp = read_stamp(folder / STAMP)
    if stamp is None:
        return BELUM
    if stamp.rencana != hashlib.sha256(raw).hexdigest() or \
            not all((folder / name).is_file() for name in stamp.berkas):
        return USANG
    return TERBARU


def _hasil(folder: Path) -> list[Path]:
    """The decree files, JDIH records and reports in a plan's output folder, by name."""
    try:
        return sorted(p for p in folder.iterdir() if p.suffix in BERKAS_HASIL
                      and not p.name.startswith(".") and p.is_file())
    except OSError:
        return []


def _tautan(target: Path, page_dir: Path, kelompok: str, label: str) -> Tautan:
    """A link from the page's folder to `target`, relative so that the folder can be moved or
    copied to a flash drive whole; absolute only where no relative path exists (another drive)."""
    try:
        relative = Path(os.path.relpath(target.resolve(), page_dir.resolve())).as_posix()
    except ValueError:
        uri = target.resolve().as_uri()
        return Tautan(kelompok, label, uri, str(target.resolve()))
    return Tautan(kelompok, label, quote(relative), relative)


def _satker_mentah(raw: bytes | None, plan: Path) -> tuple[str, str, str]:
    """The office a plan that failed validation seems to name (its 'satker' read as plain
    YAML), else its file name: the row still says whose plan it is."""
    try:
        data = decode_source(raw, str(plan)).data if raw is not None else None
    except PlanError:
        data = None
    satker = data.get("satker") if isinstance(data, dict) else None
    nama = satker.get("nama") if isinstance(satker, dict) else None
    tingkat = satker.get("tingkat") if isinstance(satker, dict) else None
    if not isinstance(nama, str) or not nama.strip():
        return plan.name, "", ""
    nama = " ".join(nama.split())
    if isinstance(tingkat, str) and tingkat in ("provinsi", "kabupaten", "kota"):
        return f"KPU {tingkat.capitalize()} {nama}", nama, tingkat
    return f"KPU {nama}", nama, ""


def area_singkat() -> list[tuple[str, str, float]]:
    """The official areas as the page's columns head them: roman numeral, name, weight."""
    from generator.text.indonesian import roman

    return [(roman(i + 1), a.nama, a.bobot) for i, a in enumerate(area_resmi())]
