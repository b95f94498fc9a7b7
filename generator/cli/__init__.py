"""The `zi` command: check, build and describe plans, report to the terminal, write a new plan or
next year's, watch and rebuild; every message in Bahasa Indonesia."""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from generator import __version__
from generator.cli.new_plan import Jawaban, JawabanSalah, draft_plan, nama_berkas, periksa_jawaban
from generator.cli.parser import ParserIndonesia, UsageError, bilangan_bulat
from generator.cli.schema_file import write_schema_beside
from generator.document.decree import VERSIONS
from generator.output.batch import BuildResult, BuildStatus, build_many, collect
from generator.output.build import FORMATS, Output, write_all, write_atomically
from generator.output.folders import write_reason
from generator.output.jdih import NAMA_BERKAS
from generator.plan.schema import schema_text
from generator.reference import catalog
from generator.rules import check_file
from generator.rules.unfinished import ringkas_isian
from generator.source.diagnostics import Diagnostic, PlanError
from generator.source.files import UnreadableFile


class _Parser(ParserIndonesia):
    """zi's argument parser: help and usage errors in Indonesian, returning instead of exiting."""


def _contoh(*lines: str) -> str:
    """An epilog of example commands; RawDescriptionHelpFormatter keeps its lines."""
    return "Contoh:\n" + "\n".join(f"  {line}" for line in lines)


def _parser() -> _Parser:
    parser = _Parser(
        prog="zi",
        description="Menyusun Keputusan Rencana Aksi Zona Integritas KPU dari berkas YAML.",
        epilog=_contoh(
            "zi new                                  # tulis rencana awal, ditanya satu per satu",
            "zi check plans/kutai-timur-2025.yaml    # periksa rencana",
            "zi build plans/kutai-timur-2025.yaml    # tulis DOCX dan PDF ke folder output/",
        ) + "\n\nBantuan tiap perintah: zi PERINTAH --help, mis. zi build --help",
    )
    parser.add_argument("--version", action="version", version=f"zi {__version__}",
                        help="tampilkan versi zi lalu keluar")
    sub = parser.add_subparsers(dest="perintah", metavar="PERINTAH", title="perintah",
                                parser_class=_Parser)

    check = sub.add_parser(
        "check", help="periksa rencana dan laporkan semua kesalahan sekaligus",
        description="Periksa rencana dan laporkan semua kesalahan sekaligus, masing-masing\n"
        "sebagai berkas:baris:kolom: pesan. Keluar 1 bila ada kesalahan.",
        epilog=_contoh("zi check plans/kutai-timur-2025.yaml",
                       "zi check --strict plans/    # semua rencana di folder; peringatan juga "
                       "dianggap kesalahan"))
    check.add_argument("plans", nargs="+", metavar="RENCANA",
                       help="berkas rencana (.yaml) atau folder berisi rencana")
    check.add_argument("--strict", action="store_true",
                       help="perlakukan peringatan sebagai kesalahan (keluar 1)")

    build = sub.add_parser(
        "build", help="bangun DOCX dan PDF keputusan (asli dan salinan)",
        description="Bangun keputusan dari rencana: DOCX dan PDF, versi asli dan salinan, dan\n"
        "metadata JDIH (.jdih.json) di samping PDF salinan.\n"
        "Rencana yang salah tidak menghasilkan berkas apa pun. Atas folder berisi beberapa\n"
        "rencana, ringkasan.html semua rencana juga ditulis (lihat zi ringkasan).",
        epilog=_contoh("zi build plans/kutai-timur-2025.yaml    # ke output/kutai-timur-2025/",
                       "zi build plans/ -o hasil --format pdf --versi salinan",
                       "zi build plans/kutai-timur-2025.yaml --nama-berkas nomor"
                       "    # keputusan-400-2025-salinan.pdf"))
    build.add_argument("plans", nargs="+", metavar="RENCANA",
                       help="berkas rencana (.yaml) atau folder berisi rencana")
    build.add_argument("-o", "--output", default="output", metavar="FOLDER",
                       help="folder hasil (bawaan: output)")
    build.add_argument("--format", choices=FORMATS, action="append", dest="formats",
                       help="hanya format ini (boleh diulang); bawaan: docx dan pdf")
    build.add_argument("--versi", choices=VERSIONS, action="append", dest="versions",
                       help="hanya versi ini (boleh diulang); bawaan: asli dan salinan")
    build.add_argument("--nama-berkas", choices=NAMA_BERKAS, default="biasa",
                       help="nama berkas keputusan: biasa (keputusan-salinan.pdf, bawaan) atau "
                       "nomor (menurut jenis, nomor, dan tahun keputusan, mis. "
                       "keputusan-400-2025-salinan.pdf, untuk JDIH)")
    build.add_argument("-j", "--jobs", type=bilangan_bulat, default=0, metavar="N",
                       help="banyaknya rencana yang dibangun bersamaan (bawaan: jumlah CPU)")
    build.add_argument("--force", action="store_true",
                       help="bangun ulang walau rencana dan templat tidak berubah")
    build.add_argument("--templates", metavar="FOLDER",
                       help="folder templat sendiri (keputusan.docx, keputusan.css, ...); "
                       "yang tidak ada diambil dari templat bawaan")
    build.add_argument("--pantau", "--watch", action="store_true", dest="pantau",
                       help="tetap berjalan dan bangun lagi setiap kali rencana disimpan "
                       "(Ctrl+C untuk berhenti)")
    build.add_argument("--strict", action="store_true",
                       help="jangan bangun rencana yang masih punya peringatan (keluar 1)")

    overview = sub.add_parser(
        "ringkasan", help="tulis halaman ringkasan semua rencana di folder (HTML)",
        description="Tulis satu halaman HTML (ringkasan.html) berisi setiap rencana di folder:\n"
        "kantor, nomor dan tanggal keputusan, status bangun, peringatan per kode, cakupan\n"
        "komponen per area, kemajuan monev per triwulan, dan tautan ke berkasnya. Dapat\n"
        "diurutkan dan disaring di peramban tanpa server. `zi build` atas folder berisi\n"
        "beberapa rencana juga menulisnya.",
        epilog=_contoh("zi ringkasan plans/                # menulis output/ringkasan.html",
                       "zi ringkasan plans/ -o hasil --tanggal 2025-12-31"))
    overview.add_argument("plans", nargs="+", metavar="FOLDER",
                          help="folder berisi rencana (atau berkas rencana .yaml)")
    overview.add_argument("-o", "--output", default="output", metavar="FOLDER",
                          help="folder hasil `zi build` (berkas keputusan dicari di sana); "
                          "ringkasan.html ditulis di sana (bawaan: output)")
    overview.add_argument("--tanggal", metavar="TANGGAL",
                          help="tanggal data yang dicetak di halaman, mis. 2025-12-31")

    sub.add_parser(
        "schema", help="cetak JSON Schema format rencana (untuk VS Code)",
        description="Cetak JSON Schema format rencana, agar VS Code melengkapi dan memeriksa\n"
        "kunci rencana selama diketik.",
        epilog=_contoh("zi schema > plans/rencana.schema.json"))
    sub.add_parser(
        "katalog", help="daftar kunci katalog peraturan untuk 'mengingat'",
        description="Daftar kunci katalog peraturan yang dapat ditulis di 'mengingat' dan\n"
        "'dasar_hukum'; kutipannya dibuat lengkap dengan perubahannya.",
        epilog=_contoh("zi katalog", "zi katalog > katalog.txt"))

    roll = sub.add_parser(
        "rollover", help="susun rencana tahun berikutnya dari rencana ini",
        description="Susun rencana tahun berikutnya dari rencana ini: tahun rencana digeser,\n"
        "nomor dan tanggal dikosongkan, komentar tetap. Yang perlu keputusan Anda\n"
        "(dokumen dan tanggal lampau yang dikutip, yang tidak pernah diubah;\n"
        "peraturan yang berubah, orang, tahun yang dibiarkan) dicetak lebih dulu.",
        epilog=_contoh("zi rollover plans/kutai-timur-2025.yaml --tahun 2026",
                       "zi rollover rencana.yaml --tahun 2026 -o rencana-baru.yaml"))
    roll.add_argument("plan", metavar="RENCANA", help="berkas rencana (.yaml)")
    roll.add_argument("--tahun", type=bilangan_bulat, required=True,
                      help="tahun rencana baru, mis. 2026")
    roll.add_argument("-o", "--output", metavar="BERKAS",
                      help="berkas baru (bawaan: nama lama dengan tahun baru)")
    roll.add_argument("--timpa", action="store_true", help="timpa berkas yang sudah ada")

    monev = sub.add_parser(
        "monev", help="catat dan laporkan monev triwulan rencana ini",
        description="Monev triwulan: realisasi setiap langkah dicatat di berkas di samping\n"
        "rencana (<rencana>.monev.yaml), diperiksa seperti `zi check`, dan dilaporkan\n"
        "sebagai Laporan Monitoring dan Evaluasi Triwulan (DOCX dan PDF).",
        epilog=_contoh("zi monev plans/kutai-timur-2025.yaml --mulai      # kode langkah dan "
                       "berkas realisasi awal",
                       "zi monev plans/kutai-timur-2025.yaml              # periksa dan "
                       "ringkas triwulan terakhir",
                       "zi monev plans/kutai-timur-2025.yaml --triwulan 2 # laporan triwulan II"))
    monev.add_argument("plan", metavar="RENCANA", help="berkas rencana (.yaml)")
    monev.add_argument("--mulai", action="store_true",
                       help="beri kode ('id') setiap langkah rencana yang belum berkode dan "
                       "tulis berkas realisasi awal berisi semua langkah")
    monev.add_argument("--triwulan", type=bilangan_bulat, choices=(1, 2, 3, 4), metavar="N",
                       help="triwulan 1-4: periksa sampai triwulan ini dan tulis laporannya")
    monev.add_argument("-o", "--output", default="output", metavar="FOLDER",
                       help="folder laporan (bawaan: output)")
    monev.add_argument("--format", choices=FORMATS, action="append", dest="formats",
                       help="hanya format ini (boleh diulang); bawaan: docx dan pdf")
    monev.add_argument("--versi", choices=VERSIONS, action="append", dest="versions",
                       help="hanya versi ini (boleh diulang); bawaan: asli dan salinan")
    monev.add_argument("--templates", metavar="FOLDER",
                       help="folder templat sendiri (monev.docx, monev.html, monev.css); yang "
                       "tidak ada diambil dari templat bawaan")
    monev.add_argument("--timpa", action="store_true",
                       help="dengan --mulai: timpa berkas realisasi yang sudah ada")

    impor = sub.add_parser(
        "impor", help="baca keputusan lama (DOCX) atau tabel Excel menjadi rencana",
        description="Baca keputusan yang sudah ada (DOCX, buatan siapa pun) menjadi rencana\n"
        "YAML: satker, nomor, menimbang, mengingat (kunci katalog bila dikenal), diktum,\n"
        "tanda tangan, tabel rencana aksi, tim, dan naskah ber-BAB. Tabel rencana aksi\n"
        "dari Excel (.xlsx) dibaca ke bagian 'rencana_aksi'. Yang ditebak diberi komentar;\n"
        "rencananya lalu diperiksa seperti `zi check`.",
        epilog=_contoh("zi impor SK-ZI-2025.docx                 # menulis SK-ZI-2025.yaml",
                       "zi impor SK-ZI-2025.docx -o rencana-2025.yaml",
                       "zi impor SK-ZI-2025.docx rencana-aksi.xlsx    # tabelnya dari Excel",
                       "zi impor rencana-aksi.xlsx               # hanya bagian rencana_aksi"))
    impor.add_argument("berkas", nargs="+", metavar="BERKAS",
                       help="keputusan (.docx) dan/atau tabel rencana aksi (.xlsx)")
    impor.add_argument("-o", "--output", metavar="BERKAS",
                       help="rencana yang ditulis (bawaan: nama keputusan dengan .yaml)")
    impor.add_argument("--timpa", action="store_true", help="timpa berkas yang sudah ada")

    new = sub.add_parser(
        "new", help="tulis rencana awal dari beberapa jawaban",
        description="Tulis rencana awal dari beberapa jawaban. Di terminal, yang tidak diisi\n"
        "lewat opsi ditanyakan satu per satu.",
        epilog=_contoh("zi new",
                       'zi new --tingkat kabupaten --nama "Kutai Timur" --tahun 2026'
                       "    # sisanya ditanyakan"))
    for name, text in NEW_QUESTIONS.items():
        new.add_argument(f"--{name}", help=text)
    new.add_argument("-o", "--output", metavar="BERKAS",
                     help="berkas rencana yang ditulis (bawaan: rencana-<nama>-<tahun>.yaml)")
    new.add_argument("--timpa", action="store_true", help="timpa berkas yang sudah ada")

    templat = sub.add_parser(
        "templat", help="salin templat bawaan untuk diubah, dan periksa templat sendiri",
        description="Salin templat bawaan (DOCX, HTML, CSS) ke folder kantor Anda untuk\n"
        "mengubah kop dan gaya, lalu periksa folder itu sebelum membangun: semua\n"
        "masalah sekaligus, masing-masing dengan tempatnya.",
        epilog=_contoh("zi templat salin templat-kantor      # salin templat bawaan",
                       "zi templat periksa templat-kantor    # periksa setelah diubah",
                       "zi build plans/kutai-timur-2025.yaml --templates templat-kantor"))
    templat_sub = templat.add_subparsers(dest="templat_perintah", metavar="PERINTAH",
                                         title="perintah", required=True, parser_class=_Parser)
    salin = templat_sub.add_parser(
        "salin", help="salin templat bawaan ke FOLDER",
        description="Salin templat bawaan (DOCX, HTML, CSS, dan hurufnya) ke FOLDER untuk\n"
        "diubah di Word atau LibreOffice.",
        epilog=_contoh("zi templat salin templat-kantor",
                       "zi templat salin templat-kantor --timpa   # ganti salinan lama"))
    salin.add_argument("folder", metavar="FOLDER", help="folder tujuan (dibuat bila belum ada)")
    salin.add_argument("--timpa", action="store_true", help="timpa berkas yang sudah ada")
    periksa = templat_sub.add_parser(
        "periksa", help="periksa templat di FOLDER sebelum membangun",
        description="Periksa templat di FOLDER: tag wajib ada, perulangan dan kondisi\n"
        "ditutup, tabel ditemukan, isian dikenal, tag tidak rusak. Keluar 0 bila baik.",
        epilog=_contoh("zi templat periksa templat-kantor"))
    periksa.add_argument("folder", metavar="FOLDER", help="folder templat")
    return parser


NEW_QUESTIONS = {
    "tingkat": "tingkat KPU: provinsi, kabupaten, atau kota",
    "nama": "nama wilayah, tanpa 'Kabupaten'/'Kota'/'Provinsi' (mis. Kutai Timur)",
    "tempat": "kota tempat keputusan ditetapkan (mis. Sangatta)",
    "tahun": "tahun rencana aksi (mis. 2026)",
    "ketua": "nama Ketua KPU",
    "sekretaris": "nama Sekretaris KPU",
}


class _InputEnded(Exception):
    """Ctrl+D, or piped answers that ran out, before every question was answered."""


def _ask(name: str, question: str, inp: TextIO, out: TextIO) -> str | int:
    """Ask until the answer can be used: a wrong one is told why and asked again."""
    while True:
        print(f"{question[0].upper()}{question[1:]}: ", end="", file=out, flush=True)
        line = inp.readline()
        if not line:
            raise _InputEnded
        try:
            return periksa_jawaban(name, line.strip())
        except JawabanSalah as exc:
            print(f"  {name.capitalize()} {exc}.", file=out)


def _target_problem(target: Path, overwrite: bool) -> str | None:
    """Why the plan cannot be written to `target`, checked before anything is asked."""
    try:
        if target.is_dir():
            return (f"{target} adalah folder; tulis nama berkasnya, mis. "
                    f"{target / 'rencana.yaml'}")
        if target.exists() and not overwrite:
            return f"{target} sudah ada; pakai --timpa untuk menimpanya"
    except OSError as exc:
        return f"{target} tidak dapat ditulis: {write_reason(exc)}"
    return None


def _write_plan(target: Path, text: str) -> str | None:
    """Write a plan whole or not at all; why not, in the user's words."""
    try:
        write_atomically(Output(target, text.encode("utf-8")))
    except OSError as exc:
        return f"{target} tidak dapat ditulis: {write_reason(exc)}"
    return None


def _new(args: argparse.Namespace, inp: TextIO, out: TextIO, err: TextIO) -> int:
    """Flags are checked all together, questions one by one; a stopped `zi new` writes nothing."""
    values: dict[str, str | int] = {}
    problems: list[str] = []
    missing = []
    for name in NEW_QUESTIONS:
        given = getattr(args, name)
        if given is None:
            missing.append(name)
            continue
        try:
            values[name] = periksa_jawaban(name, given)
        except JawabanSalah as exc:
            problems.append(f"--{name} {exc}")
    if missing and not inp.isatty():
        flags = ", ".join(f"--{name}" for name in missing)
        problems.append(f"isi {flags} (atau jalankan di terminal untuk ditanya satu per satu)")
    if problems:
        for each in problems:
            print(f"zi new: {each}", file=err)
        return 2
    chosen = Path(args.output) if args.output else None
    if chosen is not None and (problem := _target_problem(chosen, args.timpa)):
        print(f"zi new: {problem}", file=err)
        return 1
    try:
        for name in missing:
            values[name] = _ask(name, NEW_QUESTIONS[name], inp, out)
    except KeyboardInterrupt:
        print(file=out)
        print("zi new: dibatalkan (Ctrl+C); tidak ada berkas yang ditulis.", file=err)
        return 130
    except _InputEnded:
        print(file=out)
        print("zi new: masukan berakhir sebelum semua pertanyaan dijawab; tidak ada berkas "
              "yang ditulis.", file=err)
        return 1
    answers = Jawaban(**values)  # type: ignore[arg-type]
    target = chosen or Path(nama_berkas(answers))
    if problem := _target_problem(target, args.timpa):
        print(f"zi new: {problem}", file=err)
        return 1
    if problem := _write_plan(target, draft_plan(answers)):
        print(f"zi new: {problem}", file=err)
        return 1
    write_schema_beside(target)  # a folder it cannot be written to only loses the hints
    print(f"ditulis: {target}", file=out)
    print(f"Lanjutkan: ganti setiap '(tulis …)' dan isi sub-tim, lalu `zi check {target}` dan "
          f"`zi build {target}`.", file=out)
    return 0


def _ditekan(count: int) -> str:
    """' (2 peringatan diabaikan dengan '# zi: abaikan')' or ''."""
    return f" ({count} peringatan diabaikan dengan '# zi: abaikan')" if count else ""


def _report(diagnostics: list[Diagnostic], err: TextIO, plan: str | None = None,
            ditekan: int = 0) -> None:
    for diagnostic in diagnostics:
        print(diagnostic, file=err)
    errors = sum(1 for d in diagnostics if d.is_error)
    warnings = len(diagnostics) - errors
    summary = f"{errors} kesalahan ditemukan"
    if warnings:
        summary = f"{errors} kesalahan dan {warnings} peringatan ditemukan"
    rules = Counter(d.kode for d in diagnostics if d.kode)
    if rules:
        summary += ": " + ", ".join(f"{kode} {n}" for kode, n in sorted(rules.items()))
    print((f"{plan}: " if plan else "") + summary + _ditekan(ditekan) + ".", file=err)


def _schema_beside(plan: Path, out: TextIO) -> None:
    """Give a plan copied alone to a folder the schema its first line names, for VS Code."""
    if not plan.is_file():  # a FIFO or a device is never opened: reading it would block
        return
    if written := write_schema_beside(plan):
        print(f"ditulis: {written} (JSON Schema untuk VS Code)", file=out)


def _check(names: list[str], out: TextIO, err: TextIO, strict: bool = False) -> int:
    """Check plan files and every plan in the folders named, as `zi build` finds them."""
    plans = [str(p) for p in collect(names)]
    if not plans:
        print(f"zi check: tidak ada berkas rencana (.yaml) di {', '.join(names)}", file=err)
        return 1
    several = len(plans) > 1
    counts: Counter[str] = Counter()
    for plan in plans:
        _schema_beside(Path(plan), out)
        try:
            checked = check_file(Path(plan), shown_as=plan)
        except PlanError as exc:
            _report(exc.diagnostics, err, plan if several else None, exc.ditekan)
            counts["salah"] += 1
            continue
        if checked.warnings:
            _report(checked.warnings, err, plan if several else None, len(checked.ditekan))
            counts["peringatan"] += 1
        else:
            print(f"{plan}: baik, tidak ada kesalahan{_ditekan(len(checked.ditekan))}.", file=out)
            counts["baik"] += 1
    if several:
        print(f"Diperiksa {len(plans)} rencana: {counts['baik']} baik, {counts['peringatan']} "
              f"dengan peringatan, {counts['salah']} dengan kesalahan.", file=out)
    return 1 if counts["salah"] or (strict and counts["peringatan"]) else 0


def _build(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    formats = tuple(dict.fromkeys(args.formats or FORMATS))
    versions = tuple(dict.fromkeys(args.versions or VERSIONS))
    plans = collect(args.plans)
    if not plans:
        print("zi build: tidak ada berkas rencana (.yaml) yang ditemukan", file=err)
        return 1
    jobs = args.jobs or os.cpu_count() or 1
    templates = Path(args.templates) if args.templates else None
    if templates is not None and not templates.is_dir():
        print(f"zi build: folder templat {templates} tidak ada", file=err)
        return 1
    names = {str(p) for p in plans}
    for plan in plans:
        _schema_beside(plan, out)

    def report(result: BuildResult, out: TextIO = out, err: TextIO = err) -> None:
        messages = ringkas_isian(result.plan, result.messages)
        if result.status is BuildStatus.FAILED:
            for message in messages:
                print(message, file=err)
            print(f"{result.plan}: tidak dibangun.", file=err)
            return
        for message in messages:
            print(message, file=err)
        if result.status is BuildStatus.SKIPPED:
            print(f"{result.plan}: dilewati (tidak berubah sejak dibangun)", file=out)
        else:
            print(f"{result.plan}: ditulis {', '.join(result.files)}", file=out)

    if args.pantau:
        if args.strict:
            print("zi build: --strict tidak dipakai bersama --pantau; saat menyusun, peringatan "
                  "tampil di setiap putaran", file=err)
            return 2
        return _watch(args, formats, versions, jobs, templates, report, out)
    refused = _refuse_warned(plans, err) if args.strict else []
    plans = [p for p in plans if str(p) not in {r.plan for r in refused}]
    if out.isatty() and len(plans) > 1:
        results = _build_with_progress(plans, args, formats, versions, jobs, report, templates)
    else:
        results = build_many(plans, Path(args.output), formats, versions, jobs, args.force,
                             report, templates, nama=args.nama_berkas)
    code = _summary(refused + results, names, out)
    if len(names) > 1 and any(Path(name).is_dir() for name in args.plans):
        # a folder of plans: the province's overview page beside their output folders
        from generator.cli.overview_command import write_overview

        code = max(code, write_overview(args.plans, Path(args.output), out, err,
                                        refused + results, prog="zi build"))
    return code


def _refuse_warned(plans: list[Path], err: TextIO) -> list[BuildResult]:
    """`zi build --strict`: plans with warnings are reported and not built (errors are left to
    the build, which reports them as usual)."""
    refused = []
    for plan in plans:
        try:
            warnings = check_file(plan, shown_as=str(plan)).warnings
        except PlanError:
            continue
        if warnings:
            for message in ringkas_isian(str(plan), [str(w) for w in warnings]):
                print(message, file=err)
            reason = f"--strict: {len(warnings)} peringatan dianggap kesalahan"
            print(f"{plan}: tidak dibangun ({reason}).", file=err)
            refused.append(BuildResult(str(plan), BuildStatus.FAILED, [], [reason]))
    return refused


def _summary(results: list[BuildResult], names: set[str], out: TextIO, prefix: str = "") -> int:
    """The closing line: how many built, skipped and failed, with each failure's first reason."""
    counts = Counter(r.status for r in results)
    failed = [r for r in results if r.status is BuildStatus.FAILED]
    summary = (f"Selesai: {counts[BuildStatus.BUILT]} dibangun, "
               f"{counts[BuildStatus.SKIPPED]} dilewati, {counts[BuildStatus.FAILED]} gagal")
    if failed:
        reasons = "; ".join(_first_reason(r) for r in failed if r.plan in names)
        summary += f" ({reasons})"
    print(prefix + summary + ".", file=out)
    return 1 if failed else 0


def _first_reason(result: BuildResult) -> str:
    """'plan: why', without naming the plan twice when the message already starts with it."""
    reason = result.messages[0] if result.messages else "galat"
    return reason if reason.startswith(f"{result.plan}:") else f"{result.plan}: {reason}"


def _watch(args: argparse.Namespace, formats: tuple[str, ...], versions: tuple[str, ...],
           jobs: int, templates: Path | None, report: Callable[..., None],
           out: TextIO) -> int:
    """Build, then rebuild what changed on every save, with workers that stay warm."""
    from generator.cli.watch import pantau
    from generator.output.batch import forget_shared_inputs
    from generator.output.workers import new_pool, stop_pool

    force = args.force
    pool = new_pool(jobs)  # warm workers, even one: a crash costs a round, not the watch

    def changed_only(result: BuildResult) -> None:
        if result.status is not BuildStatus.SKIPPED:
            report(result)

    def build() -> dict[str, str]:
        nonlocal force, pool
        start = time.perf_counter()
        forget_shared_inputs()  # a template may have been edited since the last build
        plans = collect(args.plans)
        results = build_many(plans, Path(args.output), formats, versions, jobs, force,
                             changed_only, templates, pool, args.nama_berkas)
        if any(r.worker_died for r in results):
            stop_pool(pool)  # a worker died: the next save gets fresh ones
            pool = new_pool(jobs)
        force = False
        seconds = f"{time.perf_counter() - start:.1f}".replace(".", ",")
        _summary(results, {str(p) for p in plans}, out,
                 f"[{time.strftime('%H:%M:%S')}, {seconds} detik] ")
        out.flush()
        return dict(r.logo for r in results if r.logo)

    try:
        return pantau(args.plans, build, lambda line: print(line, file=out, flush=True),
                      templates)
    finally:
        stop_pool(pool)


def _build_with_progress(plans: list[Path], args: argparse.Namespace, formats: tuple[str, ...],
                         versions: tuple[str, ...], jobs: int,
                         report: Callable[..., None],
                         templates: Path | None) -> list[BuildResult]:
    """A progress bar on a terminal; every plan's line is printed above it."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    console = Console(stderr=False)
    with Progress(TextColumn("membangun"), BarColumn(), MofNCompleteColumn(),
                  console=console, transient=True) as progress:
        task = progress.add_task("rencana", total=len(plans))

        def done(result: BuildResult) -> None:
            report(result, sys.stdout, sys.stderr)  # rich's stand-ins print above the bar
            progress.advance(task)

        return build_many(plans, Path(args.output), formats, versions, jobs, args.force, done,
                          templates, nama=args.nama_berkas)


def _rollover(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from generator.cli.rollover import laporan, nama_baru, rollover  # only this command needs it

    source = Path(args.plan)
    try:
        checked = check_file(source, shown_as=args.plan)
    except PlanError as exc:
        _report(exc.diagnostics, err)
        print(f"{args.plan}: perbaiki dulu sebelum rollover.", file=err)
        return 1
    if not checked.plan.tahun < args.tahun <= 2100:
        print(f"zi rollover: --tahun harus tahun sesudah rencana ini ({checked.plan.tahun}), "
              f"paling lambat 2100, bukan {args.tahun}", file=err)
        return 2
    target = Path(args.output) if args.output else nama_baru(source, checked.plan.tahun,
                                                              args.tahun)
    if os.path.realpath(target) == os.path.realpath(source):
        print(f"zi rollover: {target} adalah rencana {args.plan} sendiri; pakai -o untuk nama "
              "lain", file=err)
        return 1
    if problem := _target_problem(target, args.timpa):
        print(f"zi rollover: {problem.replace('--timpa', '-o untuk nama lain atau --timpa')}",
              file=err)
        return 1
    try:
        result = rollover(source, args.tahun)
    except PlanError as exc:  # the plan changed since it was checked
        _report(exc.diagnostics, err)
        return 1
    except (UnreadableFile, UnicodeDecodeError) as exc:  # changed since it was checked
        reason = exc.reason if isinstance(exc, UnreadableFile) else "bukan teks UTF-8"
        print(f"zi rollover: {args.plan} berubah sejak diperiksa: berkas {reason}", file=err)
        return 1
    if problem := _write_plan(target, result.teks):
        print(f"zi rollover: {problem}", file=err)
        return 1
    print(f"ditulis: {target} (rencana {args.tahun} dari {args.plan})", file=out)
    for line in laporan(result, str(target)):
        print(line, file=out)
    print(f"Lanjutkan: `zi check {target}`.", file=out)
    return 0


def _monev(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Codes and a starting file (--mulai), or the realisation checked, summed up, reported."""
    from generator.cli.monev_command import CodesProblem, add_codes, starting_file, summary
    from generator.rules.realisasi import load_checked, monev_path

    plan_file = Path(args.plan)
    try:
        checked = check_file(plan_file, shown_as=args.plan)
    except PlanError as exc:
        _report(exc.diagnostics, err, ditekan=exc.ditekan)
        print(f"{args.plan}: perbaiki dulu rencananya.", file=err)
        return 1
    target = monev_path(plan_file)
    if checked.plan.rencana_aksi is None:
        print(f"zi monev: {args.plan} tidak punya 'rencana_aksi'; monev mencatat langkah-langkah "
              "tabel rencana aksi", file=err)
        return 1
    if args.mulai:
        if problem := _target_problem(target, args.timpa):
            print(f"zi monev: {problem}", file=err)
            return 1
        text = plan_file.read_text(encoding="utf-8-sig")
        try:
            codes = add_codes(text, args.plan, checked.plan, plan_file.parent)
        except CodesProblem as exc:
            print(f"zi monev: {args.plan}: {exc}", file=err)
            return 1
        if codes.added and (problem := _write_plan(plan_file, codes.text)):
            print(f"zi monev: {problem}", file=err)
            return 1
        if problem := _write_plan(target, starting_file(checked.plan, plan_file.name)):
            print(f"zi monev: {problem}", file=err)
            return 1
        if codes.added:
            print(f"ditulis: {args.plan} ({codes.added} langkah diberi kode 'id')", file=out)
        print(f"ditulis: {target} (semua langkah, triwulannya belum diisi)", file=out)
        print(f"Lanjutkan: isi catatan triwulan di {target}, lalu `zi monev {args.plan} "
              "--triwulan 1`.", file=out)
        return 0
    if not os.path.lexists(target):  # a FIFO or a folder there is told by the reader
        print(f"zi monev: belum ada berkas realisasi {target}; buat dengan `zi monev "
              f"{args.plan} --mulai`", file=err)
        return 1
    try:
        monev = load_checked(checked.plan, plan_file, args.triwulan, shown_as=str(target))
    except PlanError as exc:
        _report(exc.diagnostics, err)
        return 1
    if monev.warnings:
        _report(monev.warnings, err)
    for line in summary(checked.plan, monev.monev, monev.quarter):
        print(line, file=out)
    if args.triwulan is None:
        return 0
    return _monev_report(args, plan_file, out, err)


def _monev_report(args: argparse.Namespace, plan_file: Path, out: TextIO, err: TextIO) -> int:
    """The Laporan Monitoring dan Evaluasi of the quarter, written whole."""
    from generator.output.monev import render_monev
    from generator.writers.problem import TemplateProblem

    formats = tuple(args.formats or FORMATS)
    versions = tuple(args.versions or VERSIONS)
    try:
        outputs = render_monev(plan_file, args.triwulan, Path(args.output), formats, versions,
                               templates=Path(args.templates) if args.templates else None)
        written = write_all(outputs)
    except PlanError as exc:
        _report(exc.diagnostics, err)
        return 1
    except TemplateProblem as exc:  # an office's own template that cannot be filled
        print(f"zi monev: {exc}", file=err)
        return 1
    except OSError as exc:
        print(f"zi monev: laporan tidak dapat ditulis: {write_reason(exc)}", file=err)
        return 1
    print(f"ditulis: {', '.join(str(p) for p in written)}", file=out)
    return 0


def _impor(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Read, write the plan whole, then check it as `zi check` would."""
    from generator.cli.import_command import default_target, read_inputs, summary
    from generator.importer import ImportProblem

    target = Path(args.output) if args.output else default_target(args.berkas)
    if problem := _target_problem(target, args.timpa):
        print(f"zi impor: {problem}", file=err)
        return 1
    try:
        result = read_inputs(args.berkas)
    except ImportProblem as exc:
        print(f"zi impor: {exc}", file=err)
        return 1
    if problem := _write_plan(target, result.yaml):
        print(f"zi impor: {problem}", file=err)
        return 1
    for line in summary(result, target):
        print(line, file=out)
    if result.partial:
        print(f"Lanjutkan: salin bagian 'rencana_aksi' dari {target} ke rencana Anda, lalu "
              "`zi check`.", file=out)
        return 0
    print(f"Diperiksa seperti `zi check {target}`:", file=out)
    code = _check([str(target)], out, err)
    print(f"Lanjutkan: baca komentar 'tebakan' di {target}, betulkan, lalu `zi build {target}`.",
          file=out)
    return code


def main(argv: Sequence[str] | None = None, out: TextIO | None = None,
         err: TextIO | None = None, inp: TextIO | None = None) -> int:
    """Run the command; returns the exit code instead of exiting, so tests can call it."""
    out = out or sys.stdout
    err = err or sys.stderr
    inp = inp or sys.stdin
    parser = _parser()
    try:
        with contextlib.redirect_stdout(out):  # --help and --version print to `out`
            args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    except UsageError as exc:
        print(exc, file=err)
        print(f"Bantuan: {exc.prog} --help", file=err)
        return 2
    except SystemExit as exc:  # after --help and --version
        return int(exc.code or 0)
    if args.perintah == "check":
        return _check(args.plans, out, err, args.strict)
    if args.perintah == "build":
        return _build(args, out, err)
    if args.perintah == "new":
        return _new(args, inp, out, err)
    if args.perintah == "rollover":
        return _rollover(args, out, err)
    if args.perintah == "impor":
        return _impor(args, out, err)
    if args.perintah == "monev":
        return _monev(args, out, err)
    if args.perintah == "ringkasan":
        from generator.cli.overview_command import ringkasan_command

        return ringkasan_command(args.plans, args.output, args.tanggal, out, err)
    if args.perintah == "templat":
        from generator.cli.template_command import check_templates, copy_templates

        if args.templat_perintah == "salin":
            return copy_templates(Path(args.folder), args.timpa, out, err)
        return check_templates(Path(args.folder), out, err)
    if args.perintah == "katalog":
        for key, peraturan in catalog.katalog().items():
            print(f"{key:<22} {peraturan.judul()}", file=out)
        return 0
    if args.perintah == "schema":
        out.write(schema_text())
        return 0
    parser.print_help(out)
    return 2


def main_entry() -> None:
    """Console-script entry point; a closed pipe (`zi ... | head`) and Ctrl+C end quietly.

    Every output is written, flushed and closed before `main` returns, so the process ends
    without the interpreter's teardown, which after a PDF layout spends a tenth of a second
    freeing objects one by one (as multiprocessing's workers also end).
    """
    from generator.output.workers import Stopped, on_terminate

    signal.signal(signal.SIGTERM, on_terminate)  # `kill`: stop as on Ctrl+C, workers too
    try:
        code = main()
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 0
    except KeyboardInterrupt as exc:  # commands that do not stop on Ctrl+C themselves
        stopped = isinstance(exc, Stopped)
        try:
            sys.stdout.flush()
            print("\nzi: dihentikan (SIGTERM)." if stopped else "\nzi: dibatalkan (Ctrl+C).",
                  file=sys.stderr, flush=True)
        except OSError:
            pass
        code = 143 if stopped else 130
    os._exit(code)
