"""Benchmark of zi against LibreOffice on this machine; prints a Markdown table.

    python bench/run.py            # all measurements (needs soffice for the ratios)
    python bench/run.py --quick    # fewer plans

Synthetic plans are the size of the Kutai Timur plan: 60 steps and 25 people.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

AREAS = ("Manajemen Perubahan", "Penataan Tata Laksana", "Penataan Sistem Manajemen SDM",
         "Penguatan Akuntabilitas Kinerja", "Penguatan Pengawasan",
         "Peningkatan Kualitas Pelayanan Publik")


def synthetic_plan(index: int) -> dict:
    """A plan of realistic size: 6 areas x 5 komponen x 2 indikator x 1 step = 60 steps."""
    people = {f"p{i}": {"nama": f"Pegawai Contoh {index}-{i}",
                        "jabatan": f"Kepala Subbagian Bidang {i}"} for i in range(22)}
    people.update({"ketua": {"nama": f"Ketua Contoh {index}", "peran": "ketua"},
                   "anggota": {"nama": f"Anggota Contoh {index}", "peran": "anggota"},
                   "sekretaris": {"nama": f"Sekretaris Contoh {index}", "peran": "sekretaris"}})
    areas = []
    for a, name in enumerate(AREAS):
        komponen = []
        for k in range(5):
            indikator = [{"nama": f"Indikator {a}.{k}.{i} tentang pelaksanaan kegiatan yang "
                                  "terukur dan terdokumentasi",
                          "langkah": [{"aksi": f"Langkah aksi {a}.{k}.{i}: menyusun, "
                                               "melaksanakan, dan mengevaluasi kegiatan "
                                               "bersama seluruh pegawai melalui *website*",
                                       "bukti_fisik": "Undangan, daftar hadir, notulensi, "
                                                      "foto kegiatan",
                                       "jadwal": "triwulan",
                                       "target_capaian": {"jumlah": 4, "satuan": "Laporan"}}]}
                         for i in range(2)]
            komponen.append({"nama": f"Komponen {a}.{k}", "indikator": indikator})
        areas.append({"nama": name, "komponen": komponen})
    return {
        "satker": {"tingkat": "kabupaten", "nama": f"Contoh {index}", "tempat": "Kota Contoh"},
        "keputusan": {"nomor": 100 + index, "tahun": 2026, "tanggal": "2026-01-15",
                      "tentang": "Rencana Aksi Pembangunan Zona Integritas Tahun 2026",
                      "mengingat": ["uu-28-1999", "uu-7-2017", "perpres-81-2010",
                                    "permenpanrb-90-2021", "pkpu-8-2019"],
                      "anggaran": True, "penandatangan": "ketua",
                      "pengesah_salinan": "sekretaris"},
        "orang": people,
        "rencana_aksi": {"area": areas},
        "tim": {"pengarah": [{"orang": "ketua", "kedudukan": "Pengarah merangkap Ketua"},
                             {"orang": "anggota", "kedudukan": "Pengarah merangkap Anggota"}],
                "tim_kerja": {"ketua": {"orang": "sekretaris", "kedudukan": "Ketua"},
                              "subtim": [{"nama": f"Tim {name}", "anggota": [
                                  {"orang": f"p{(a * 3 + m) % 22}",
                                   "kedudukan": "Koordinator" if m == 0 else "Anggota"}
                                  for m in range(4)]} for a, name in enumerate(AREAS)]}},
    }


def write_plans(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"contoh-{i:03d}.yaml"
        path.write_text(yaml.safe_dump(synthetic_plan(i), allow_unicode=True, sort_keys=False),
                        encoding="utf-8")
        paths.append(path)
    return paths


def zi(*args: str) -> float:
    return python("-m", "generator", *args)


def python(*args: str) -> float:
    """Seconds one new Python process takes to run `args`."""
    start = time.perf_counter()
    subprocess.run([sys.executable, *args], check=True, cwd=ROOT,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


WEASYPRINT_ONLY = """
import os, sys
from weasyprint import HTML
HTML(filename=sys.argv[1]).write_pdf(sys.argv[2], pdf_variant="pdf/a-2a")
os._exit(0)
"""
"""WeasyPrint by itself turning zi's HTML of the salinan into PDF/A: the floor for that file.
It ends without interpreter teardown, as zi does."""

IMPORTS_ONLY = "import os, generator.plan.model, docxtpl; os._exit(0)"
"""A new Python that only imports the libraries a DOCX needs: the floor for the DOCX."""


def salinan_html(plan: Path, target: Path) -> Path:
    from datetime import datetime

    from generator.document.decree import build_document
    from generator.rules import check_file
    from generator.writers.html_writer import render_html

    checked = check_file(plan)
    target.write_text(render_html(build_document(checked.plan, "salinan"),
                                  datetime(2026, 1, 15)), encoding="utf-8")
    return target


def warm_rebuilds(plan: Path, out: Path, jobs: int) -> tuple[float, float]:
    """What a save costs under `zi build --pantau`: workers that already built once."""
    from concurrent.futures import ProcessPoolExecutor

    from generator.cli.watch import ignore_interrupt
    from generator.output.batch import build_many

    def timed(formats: tuple[str, ...], versions: tuple[str, ...]) -> float:
        start = time.perf_counter()
        build_many([plan], out, formats, versions, jobs, force=True, pool=pool)
        return time.perf_counter() - start

    with ProcessPoolExecutor(max_workers=jobs, initializer=ignore_interrupt) as pool:
        timed(("docx", "pdf"), ("asli", "salinan"))
        salinan = best(3, lambda: timed(("pdf",), ("salinan",)))
        every = best(3, lambda: timed(("docx", "pdf"), ("asli", "salinan")))
    return salinan, every


def harfbuzz_subset() -> bool:
    """Whether WeasyPrint subsets fonts natively here (otherwise with fontTools, slower)."""
    try:
        from weasyprint.pdf.fonts import harfbuzz_subset as found
    except ImportError:
        return False
    return bool(found)


def best(runs: int, fn) -> float:
    return min(fn() for _ in range(runs))


def libreoffice(docx: Path, work: Path) -> float | None:
    command = shutil.which("soffice") or shutil.which("libreoffice")
    if not command:
        return None

    def once() -> float:
        profile = Path(tempfile.mkdtemp(dir=work))
        start = time.perf_counter()
        subprocess.run([command, f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(profile), str(docx)],
                       check=True, capture_output=True)
        return time.perf_counter() - start

    return statistics.median(once() for _ in range(3))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer plans (for a smoke run)")
    args = parser.parse_args()
    batch_size, noop_size = (8, 20) if args.quick else (40, 100)
    jobs = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        os.environ["ZI_CACHE_DIR"] = str(work / "cache")  # starts empty: first build compiles
        one = write_plans(work / "satu", 1)[0]
        out = work / "out"
        rows = []
        first_docx = zi("build", str(one), "-o", str(out), "--force", "--format", "docx")
        docx_time = best(3, lambda: zi("build", str(one), "-o", str(out), "--force",
                                       "--format", "docx"))
        salinan_pdf = best(3, lambda: zi("build", str(one), "-o", str(out), "--force",
                                         "--format", "pdf", "--versi", "salinan"))
        pdf_time = best(3, lambda: zi("build", str(one), "-o", str(out), "--force",
                                      "--format", "pdf"))
        all_time = best(3, lambda: zi("build", str(one), "-o", str(out), "--force"))
        lo = libreoffice(out / one.stem / "keputusan-salinan.docx", work)
        html = salinan_html(one, work / "salinan.html")
        weasy_floor = best(3, lambda: python("-c", WEASYPRINT_ONLY, str(html),
                                             str(work / "salinan-weasyprint.pdf")))
        imports_floor = best(3, lambda: python("-c", IMPORTS_ONLY))
        rows.append(("zi build, DOCX saja (asli + salinan), build pertama (templat dikompilasi)",
                     first_docx))
        rows.append(("zi build, DOCX saja (asli + salinan)", docx_time))
        rows.append(("zi build, PDF salinan saja", salinan_pdf))
        rows.append(("zi build, PDF saja (asli + salinan)", pdf_time))
        rows.append(("zi build, keempat berkas", all_time))
        warm_salinan, warm_all = warm_rebuilds(one, work / "out-hangat", jobs)
        rows.append(("zi build --pantau: PDF salinan setelah rencana disimpan (proses hangat)",
                     warm_salinan))
        rows.append(("zi build --pantau: keempat berkas setelah rencana disimpan (proses hangat)",
                     warm_all))
        rows.append(("batas bawah DOCX: Python baru yang hanya mengimpor pydantic+model, "
                     "docxtpl", imports_floor))
        rows.append(("batas bawah PDF: WeasyPrint saja, HTML salinan yang sama -> PDF/A "
                     "(proses baru)", weasy_floor))
        if lo:
            rows.append(("LibreOffice: DOCX salinan -> PDF", lo))

        batch = write_plans(work / "batch", batch_size)
        start = time.perf_counter()
        zi("build", str(batch[0].parent), "-o", str(work / "out-batch"), "-j", str(jobs))
        batch_time = time.perf_counter() - start

        from generator.output.batch import build_many

        noop = write_plans(work / "noop", noop_size)
        build_many(noop, work / "out-noop", ("docx",), ("asli",), jobs)
        noop_time = best(3, lambda: zi("build", str(noop[0].parent), "-o", str(work / "out-noop"),
                                       "--format", "docx", "--versi", "asli"))
        memory = max(r.memory_mb for r in build_many(
            batch[:jobs], work / "out-mem", ("docx", "pdf"), ("asli", "salinan"), jobs,
            force=True))

    print(f"Mesin: {platform.machine()}, {jobs} CPU, Python {platform.python_version()}, "
          f"{platform.platform()}; HarfBuzz-Subset: {'ada' if harfbuzz_subset() else 'TIDAK ADA'}")
    print()
    print("| pengukuran | detik | terhadap LibreOffice |")
    print("|---|---:|---:|")
    for name, seconds in rows:
        ratio = f"{seconds / lo:.2f}x" if lo else "-"
        print(f"| {name} | {seconds:.2f} | {ratio} |")
    print(f"| {batch_size} rencana, -j {jobs} (keempat berkas) | {batch_time:.2f} | "
          f"{batch_size / batch_time:.1f} rencana/detik |")
    print(f"| {noop_size} rencana tanpa perubahan (semua dilewati) | {noop_time:.2f} | - |")
    print(f"| memori puncak per pekerja | {memory:.0f} MB | - |")
    if lo:
        print()
        print("Target: PDF salinan < LibreOffice; DOCX < 0,1 x LibreOffice; keempat berkas "
              "< 2 x LibreOffice; tanpa perubahan 100 rencana < 1 detik; memori < 400 MB.")
        checks = [("PDF salinan < LibreOffice", salinan_pdf < lo),
                  ("DOCX < 0,1 x LibreOffice", docx_time < 0.1 * lo),
                  ("keempat < 2 x LibreOffice", all_time < 2 * lo),
                  ("tanpa perubahan < 1 detik", noop_time < 1.0),
                  ("memori < 400 MB", memory < 400)]
        for name, ok in checks:
            print(f"- {name}: {'tercapai' if ok else 'BELUM'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
