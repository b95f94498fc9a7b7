"""The `zi` command: check, build and describe plans, with messages in Bahasa Indonesia."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from generator import __version__
from generator.build import FORMATS, render_checked, write_all
from generator.context import VERSIONS
from generator.diagnostics import Diagnostic, PlanError
from generator.render_docx import TemplateProblem
from generator.schema import plan_schema
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

    build = sub.add_parser("build", help="bangun DOCX dan PDF keputusan (asli dan salinan)")
    build.add_argument("plans", nargs="+", metavar="RENCANA", help="berkas rencana (.yaml)")
    build.add_argument("-o", "--output", default="output", metavar="FOLDER",
                       help="folder hasil (bawaan: output)")
    build.add_argument("--format", choices=FORMATS, action="append", dest="formats",
                       help="hanya format ini (boleh diulang); bawaan: docx dan pdf")
    build.add_argument("--versi", choices=VERSIONS, action="append", dest="versions",
                       help="hanya versi ini (boleh diulang); bawaan: asli dan salinan")

    sub.add_parser("schema", help="cetak JSON Schema format rencana (untuk VS Code)")
    return parser


def _report(diagnostics: list[Diagnostic], err: TextIO) -> None:
    for diagnostic in diagnostics:
        print(diagnostic, file=err)
    errors = sum(1 for d in diagnostics if d.is_error)
    warnings = len(diagnostics) - errors
    summary = f"{errors} kesalahan ditemukan."
    if warnings:
        summary = f"{errors} kesalahan dan {warnings} peringatan ditemukan."
    print(summary, file=err)


def _check(plans: list[str], out: TextIO, err: TextIO) -> int:
    failed = 0
    for plan in plans:
        try:
            checked = check_file(Path(plan), shown_as=plan)
        except PlanError as exc:
            _report(exc.diagnostics, err)
            failed += 1
            continue
        if checked.warnings:
            _report(checked.warnings, err)
        else:
            print(f"{plan}: baik, tidak ada kesalahan.", file=out)
    return 1 if failed else 0


def _build(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    failed = 0
    formats = tuple(dict.fromkeys(args.formats or FORMATS))
    versions = tuple(dict.fromkeys(args.versions or VERSIONS))
    for plan in args.plans:
        try:
            checked = check_file(Path(plan), shown_as=plan)
            if checked.warnings:
                _report(checked.warnings, err)
            written = write_all(render_checked(checked.plan, Path(plan).stem,
                                               Path(args.output), formats, versions))
        except PlanError as exc:
            _report(exc.diagnostics, err)
            print(f"{plan}: tidak dibangun.", file=err)
            failed += 1
            continue
        except TemplateProblem as exc:
            print(f"{plan}: gagal dibangun: {exc}", file=err)
            failed += 1
            continue
        except Exception as exc:  # a broken template or renderer must not print a traceback
            print(f"{plan}: gagal dibangun: {type(exc).__name__}: {exc}", file=err)
            failed += 1
            continue
        print(f"{plan}: ditulis", file=out)
        for path in written:
            print(f"  {path}", file=out)
    return 1 if failed else 0


def main(argv: Sequence[str] | None = None, out: TextIO | None = None,
         err: TextIO | None = None) -> int:
    """Run the command; returns the exit code instead of exiting, so tests can call it."""
    out = out or sys.stdout
    err = err or sys.stderr
    parser = _parser()
    try:
        args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    except _UsageError as exc:
        print(exc, file=err)
        return 2
    except SystemExit as exc:  # --help and --version
        return int(exc.code or 0)
    if args.perintah == "check":
        return _check(args.plans, out, err)
    if args.perintah == "build":
        return _build(args, out, err)
    if args.perintah == "schema":
        print(json.dumps(plan_schema(), indent=2, ensure_ascii=False), file=out)
        return 0
    parser.print_help(out)
    return 2


def main_entry() -> None:
    """Console-script entry point."""
    sys.exit(main())
