"""The `zi` command: check, build and describe plans, with messages in Bahasa Indonesia."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from generator import __version__, catalog
from generator.batch import Hasil, build_many, collect
from generator.build import FORMATS, Output, write_atomically
from generator.context import VERSIONS
from generator.diagnostics import Diagnostic, PlanError
from generator.new_plan import Jawaban, draft_plan
from generator.rollover import nama_baru, rollover
from generator.schema import plan_schema, schema_text, write_schema_beside
from generator.validate import check_file


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in Indonesian and returns instead of exiting."""

    def error(self, message: str) -> None:  # type: ignore[override]
        message = (message.replace("the following arguments are required", "argumen wajib")
                   .replace("invalid choice", "pilihan tidak dikenal")
                   .replace("unrecognized arguments", "argumen tidak dikenal")
                   .replace("choose from", "pilih dari"))
        raise _UsageError(f"{self.prog}: {message}")


class _UsageError(Exception):
    pass


def _parser() -> _Parser:
    parser = _Parser(
        prog="zi",
        description="Menyusun Keputusan Rencana Aksi Zona Integritas KPU dari berkas YAML.",
    )
    parser.add_argument("--version", action="version", version=f"zi {__version__}")
    sub = parser.add_subparsers(dest="perintah", metavar="PERINTAH", parser_class=_Parser)

    check = sub.add_parser("check", help="periksa rencana dan laporkan semua kesalahan sekaligus")
    check.add_argument("plans", nargs="+", metavar="RENCANA", help="berkas rencana (.yaml)")
    check.add_argument("--strict", action="store_true",
                       help="perlakukan peringatan sebagai kesalahan (keluar 1)")

    build = sub.add_parser("build", help="bangun DOCX dan PDF keputusan (asli dan salinan)")
    build.add_argument("plans", nargs="+", metavar="RENCANA",
                       help="berkas rencana (.yaml) atau folder berisi rencana")
    build.add_argument("-o", "--output", default="output", metavar="FOLDER",
                       help="folder hasil (bawaan: output)")
    build.add_argument("--format", choices=FORMATS, action="append", dest="formats",
                       help="hanya format ini (boleh diulang); bawaan: docx dan pdf")
    build.add_argument("--versi", choices=VERSIONS, action="append", dest="versions",
                       help="hanya versi ini (boleh diulang); bawaan: asli dan salinan")
    build.add_argument("-j", "--jobs", type=int, default=0, metavar="N",
                       help="banyaknya rencana yang dibangun bersamaan (bawaan: jumlah CPU)")
    build.add_argument("--force", action="store_true",
                       help="bangun ulang walau rencana dan templat tidak berubah")
    build.add_argument("--templates", metavar="FOLDER",
                       help="folder templat sendiri (keputusan.docx, keputusan.css, ...); "
                       "yang tidak ada diambil dari templat bawaan")
    build.add_argument("--pantau", "--watch", action="store_true", dest="pantau",
                       help="tetap berjalan dan bangun lagi setiap kali rencana disimpan "
                       "(Ctrl+C untuk berhenti)")

    sub.add_parser("schema", help="cetak JSON Schema format rencana (untuk VS Code)")
    sub.add_parser("katalog", help="daftar kunci katalog peraturan untuk 'mengingat'")

    roll = sub.add_parser("rollover", help="susun rencana tahun berikutnya dari rencana ini")
    roll.add_argument("plan", metavar="RENCANA", help="berkas rencana (.yaml)")
    roll.add_argument("--tahun", type=int, required=True, help="tahun rencana baru, mis. 2026")
    roll.add_argument("-o", "--output", metavar="BERKAS",
                      help="berkas baru (bawaan: nama lama dengan tahun baru)")
    roll.add_argument("--timpa", action="store_true", help="timpa berkas yang sudah ada")

    new = sub.add_parser("new", help="tulis rencana awal dari beberapa jawaban")
    for name, text in NEW_QUESTIONS.items():
        new.add_argument(f"--{name}", type=int if name == "tahun" else str, help=text)
    new.add_argument("-o", "--output", metavar="BERKAS",
                     help="berkas rencana yang ditulis (bawaan: rencana-<nama>-<tahun>.yaml)")
    new.add_argument("--timpa", action="store_true", help="timpa berkas yang sudah ada")
    return parser


NEW_QUESTIONS = {
    "tingkat": "tingkat KPU: provinsi, kabupaten, atau kota",
    "nama": "nama wilayah, tanpa 'Kabupaten'/'Kota'/'Provinsi' (mis. Kutai Timur)",
    "tempat": "kota tempat keputusan ditetapkan (mis. Sangatta)",
    "tahun": "tahun rencana aksi (mis. 2026)",
    "ketua": "nama Ketua KPU",
    "sekretaris": "nama Sekretaris KPU",
}


def _ask(name: str, question: str, inp: TextIO, out: TextIO) -> str:
    while True:
        print(f"{question[0].upper()}{question[1:]}: ", end="", file=out, flush=True)
        answer = inp.readline().strip()
        if answer:
            return answer
        print(f"  '{name}' wajib diisi.", file=out)


def _new(args: argparse.Namespace, inp: TextIO, out: TextIO, err: TextIO) -> int:
    values = {name: getattr(args, name) for name in NEW_QUESTIONS}
    missing = [name for name, value in values.items() if value in (None, "")]
    if missing and not inp.isatty():
        flags = ", ".join(f"--{name}" for name in missing)
        print(f"zi new: isi {flags} (atau jalankan di terminal untuk ditanya satu per satu)",
              file=err)
        return 2
    for name in missing:
        values[name] = _ask(name, NEW_QUESTIONS[name], inp, out)
    problems = []
    if str(values["tingkat"]).lower() not in ("provinsi", "kabupaten", "kota"):
        problems.append("tingkat harus provinsi, kabupaten, atau kota")
    try:
        values["tahun"] = int(values["tahun"])
        if not 2000 <= values["tahun"] <= 2100:
            raise ValueError
    except ValueError:
        problems.append("tahun harus bilangan bulat antara 2000 dan 2100")
    if problems:
        print("zi new: " + "; ".join(problems), file=err)
        return 2
    values["tingkat"] = str(values["tingkat"]).lower()
    answers = Jawaban(**values)
    slug = "-".join(answers.nama.lower().split())
    target = Path(args.output or f"rencana-{slug}-{answers.tahun}.yaml")
    if target.exists() and not args.timpa:
        print(f"zi new: {target} sudah ada; pakai --timpa untuk menimpanya", file=err)
        return 1
    write_atomically(Output(target, draft_plan(answers).encode("utf-8")))
    schema = target.parent / "rencana.schema.json"
    if not schema.exists():
        text = json.dumps(plan_schema(), indent=2, ensure_ascii=False) + "\n"
        write_atomically(Output(schema, text.encode("utf-8")))
    print(f"ditulis: {target}", file=out)
    print(f"Lanjutkan: isi rencananya, lalu `zi check {target}` dan `zi build {target}`.",
          file=out)
    return 0


def _report(diagnostics: list[Diagnostic], err: TextIO) -> None:
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
    print(summary + ".", file=err)


def _schema_beside(plan: Path, out: TextIO) -> None:
    """Give a plan copied alone to a folder the schema its first line names, for VS Code."""
    if written := write_schema_beside(plan):
        print(f"ditulis: {written} (JSON Schema untuk VS Code)", file=out)


def _check(plans: list[str], out: TextIO, err: TextIO, strict: bool = False) -> int:
    failed = 0
    for plan in plans:
        _schema_beside(Path(plan), out)
        try:
            checked = check_file(Path(plan), shown_as=plan)
        except PlanError as exc:
            _report(exc.diagnostics, err)
            failed += 1
            continue
        if checked.warnings:
            _report(checked.warnings, err)
            failed += strict
        else:
            print(f"{plan}: baik, tidak ada kesalahan.", file=out)
    return 1 if failed else 0


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

    def report(result: Hasil) -> None:
        if result.status == "gagal":
            for message in result.pesan:
                print(message, file=err)
            print(f"{result.rencana}: tidak dibangun.", file=err)
            return
        for message in result.pesan:
            print(message, file=err)
        if result.status == "dilewati":
            print(f"{result.rencana}: dilewati (tidak berubah sejak dibangun)", file=out)
        else:
            print(f"{result.rencana}: ditulis {', '.join(result.berkas)}", file=out)

    if args.pantau:
        return _watch(args, formats, versions, jobs, templates, report, out)
    if out.isatty() and len(plans) > 1:
        results = _build_with_progress(plans, args, formats, versions, jobs, report, templates)
    else:
        results = build_many(plans, Path(args.output), formats, versions, jobs, args.force,
                             report, templates)
    return _summary(results, names, out)


def _summary(results: list[Hasil], names: set[str], out: TextIO, prefix: str = "") -> int:
    """The closing line: how many built, skipped and failed, with each failure's first reason."""
    counts = Counter(r.status for r in results)
    failed = [r for r in results if r.status == "gagal"]
    summary = (f"Selesai: {counts['dibangun']} dibangun, {counts['dilewati']} dilewati, "
               f"{counts['gagal']} gagal")
    if failed:
        reasons = "; ".join(f"{r.rencana}: {r.pesan[0] if r.pesan else 'galat'}"
                            for r in failed if r.rencana in names)
        summary += f" ({reasons})"
    print(prefix + summary + ".", file=out)
    return 1 if failed else 0


def _watch(args: argparse.Namespace, formats: tuple[str, ...], versions: tuple[str, ...],
           jobs: int, templates: Path | None, report, out: TextIO) -> int:
    """Build, then rebuild what changed on every save, with workers that stay warm."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from generator.batch import forget_shared_inputs
    from generator.pantau import ignore_interrupt, pantau

    force = args.force

    def workers() -> ProcessPoolExecutor | None:
        return ProcessPoolExecutor(max_workers=jobs, initializer=ignore_interrupt) \
            if jobs > 1 else None

    pool = workers()

    def changed_only(result: Hasil) -> None:
        if result.status != "dilewati":
            report(result)

    def build() -> None:
        nonlocal force, pool
        start = time.perf_counter()
        forget_shared_inputs()  # a template may have been edited since the last build
        plans = collect(args.plans)

        def round_() -> list[Hasil]:
            return build_many(plans, Path(args.output), formats, versions, jobs, force,
                              changed_only, templates, pool)

        try:
            results = round_()
        except BrokenProcessPool:  # a worker died in the last round: start fresh ones
            pool.shutdown(cancel_futures=True)
            pool = workers()
            results = round_()
        force = False
        seconds = f"{time.perf_counter() - start:.1f}".replace(".", ",")
        _summary(results, {str(p) for p in plans}, out,
                 f"[{time.strftime('%H:%M:%S')}, {seconds} detik] ")
        out.flush()

    try:
        return pantau(args.plans, build, lambda line: print(line, file=out, flush=True),
                      templates)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def _build_with_progress(plans, args, formats, versions, jobs, report,
                         templates) -> list[Hasil]:
    """A progress bar on a terminal; every plan's line is printed above it."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    console = Console(stderr=False)
    with Progress(TextColumn("membangun"), BarColumn(), MofNCompleteColumn(),
                  console=console, transient=True) as progress:
        task = progress.add_task("rencana", total=len(plans))

        def done(result: Hasil) -> None:
            report(result)
            progress.advance(task)

        return build_many(plans, Path(args.output), formats, versions, jobs, args.force, done,
                          templates)


def _rollover(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    source = Path(args.plan)
    try:
        checked = check_file(source, shown_as=args.plan)
    except PlanError as exc:
        _report(exc.diagnostics, err)
        print(f"{args.plan}: perbaiki dulu sebelum rollover.", file=err)
        return 1
    if not 2000 <= args.tahun <= 2100 or args.tahun == checked.plan.tahun:
        print(f"zi rollover: --tahun harus tahun lain antara 2000 dan 2100, bukan {args.tahun}",
              file=err)
        return 2
    target = Path(args.output) if args.output else nama_baru(source, checked.plan.tahun,
                                                              args.tahun)
    if target.resolve() == source.resolve() or (target.exists() and not args.timpa):
        print(f"zi rollover: {target} sudah ada; pakai -o untuk nama lain atau --timpa", file=err)
        return 1
    result = rollover(source, args.tahun)
    write_atomically(Output(target, result.teks.encode("utf-8")))
    print(f"ditulis: {target} (rencana {args.tahun} dari {args.plan})", file=out)
    print(f"Diubah ({len(result.perubahan)}):", file=out)
    for change in result.perubahan:
        shown = f"'{change.lama}' -> '{change.baru}'" if change.baru else f"'{change.lama}' dihapus"
        print(f"  baris {change.baris}: {shown} ({change.alasan})", file=out)
    print(f"Perlu ditinjau ({len(result.tinjau)}):", file=out)
    for item in result.tinjau:
        print(f"  - {item}", file=out)
    print(f"Lanjutkan: `zi check {target}`.", file=out)
    return 0


def main(argv: Sequence[str] | None = None, out: TextIO | None = None,
         err: TextIO | None = None, inp: TextIO | None = None) -> int:
    """Run the command; returns the exit code instead of exiting, so tests can call it."""
    out = out or sys.stdout
    err = err or sys.stderr
    inp = inp or sys.stdin
    parser = _parser()
    try:
        args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    except _UsageError as exc:
        print(exc, file=err)
        return 2
    except SystemExit as exc:  # --help and --version
        return int(exc.code or 0)
    if args.perintah == "check":
        return _check(args.plans, out, err, args.strict)
    if args.perintah == "build":
        return _build(args, out, err)
    if args.perintah == "new":
        return _new(args, inp, out, err)
    if args.perintah == "rollover":
        return _rollover(args, out, err)
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
    """Console-script entry point; a closed pipe (`zi ... | head`) ends quietly.

    Every output is written, flushed and closed before `main` returns, so the process ends
    without the interpreter's teardown, which after a PDF layout spends a tenth of a second
    freeing objects one by one (as multiprocessing's workers also end).
    """
    try:
        code = main()
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 0
    os._exit(code)
