"""Reading an existing decree back into a plan: a DOCX made by anyone, or a Rencana Aksi table
kept in Excel, becomes the plan's YAML with a comment wherever the importer had to guess."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.importer.notes import Guess
from generator.source.files import UnreadableFile, read_regular

MAX_FILE_BYTES = 50 * 1024 * 1024
"""The largest file read (a decree DOCX with photos is a few MB)."""


class ImportProblem(ValueError):
    """A file that cannot be imported; str() is the whole message, naming the file."""


@dataclass(frozen=True)
class Imported:
    """A file read back into plan data."""

    plan: dict[str, Any]
    """The plan (or, from a workbook alone, its 'rencana_aksi' part) as YAML would load it."""
    yaml: str
    """The YAML text written, with the guesses as comments."""
    notes: tuple[Guess, ...]
    """What was guessed or could not be read."""
    steps: int
    """Steps read from the Rencana Aksi table(s)."""
    partial: bool = False
    """True when only the 'rencana_aksi' part was read (an Excel workbook)."""
    header: tuple[str, ...] = ()
    """The comment lines at the top of the YAML."""


def _kind(data: bytes, path: Path) -> str:
    """'docx' or 'xlsx', by the package's content more than by the name."""
    if data[:2] == b"PK":
        try:
            import io

            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist()[:5000])
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
            names = set()
        if "word/document.xml" in names:
            return "docx"
        if "xl/workbook.xml" in names:
            return "xlsx"
    return "xlsx" if path.suffix.lower() in (".xlsx", ".xlsm") else "docx"


UNEXPECTED = "laporkan berkas ini kepada pengembang zi"
"""The end of the message for a file the importer failed on in a way nobody foresaw."""


def import_file(path: Path, shown_as: str | None = None) -> Imported:
    """Read a decree DOCX or a Rencana Aksi workbook; ImportProblem for anything unreadable,
    also for a failure nobody foresaw (one line naming the file, never a traceback)."""
    name = shown_as or str(path)
    try:
        return _import_file(path, name)
    except ImportProblem:
        raise
    except (ValueError, KeyError, IndexError, TypeError, AttributeError, RecursionError,
            AssertionError) as exc:
        raise ImportProblem(f"{name}: tidak dapat diimpor ({type(exc).__name__}: {exc}); "
                            f"{UNEXPECTED}") from exc


def _import_file(path: Path, name: str) -> Imported:
    from generator.importer.from_docx import DocxImport
    from generator.importer.yaml_text import plan_yaml

    try:
        data = read_regular(path, MAX_FILE_BYTES)
    except UnreadableFile as exc:
        raise ImportProblem(f"{name}: berkas {exc.reason}") from None
    kind = _kind(data, path)
    header = [f"Diimpor dari {Path(name).name} oleh `zi impor`.",
              "Baca setiap komentar 'tebakan' dan 'asli', betulkan bila perlu, lalu jalankan",
              "`zi check` dan `zi build`."]
    if kind == "xlsx":
        from generator.importer.from_xlsx import read_workbook

        try:
            rencana, guesses, steps = read_workbook(data)
        except ValueError as exc:
            raise ImportProblem(f"{name}: {exc}") from None
        header += ["", "Hanya bagian 'rencana_aksi': salin ke rencana Anda (ganti bagian",
                   "'rencana_aksi' di sana), atau impor bersama keputusannya:",
                   f"`zi impor KEPUTUSAN.docx {Path(name).name}`."]
        plan = {"rencana_aksi": rencana}
        return Imported(plan, plan_yaml(plan, guesses, header), tuple(guesses), steps, True,
                        tuple(header))
    from generator.importer.decree_text import NotADecree
    from generator.importer.word import NotADocx, read_docx

    try:
        blocks = read_docx(data)
        reader = DocxImport(blocks)
        plan = reader.run()
    except NotADocx as exc:
        raise ImportProblem(f"{name}: tidak dapat dibaca sebagai DOCX: {exc}") from None
    except NotADecree as exc:
        raise ImportProblem(f"{name}: {exc}") from None
    header.insert(0, "yaml-language-server: $schema=rencana.schema.json")
    return Imported(plan, plan_yaml(plan, reader.guesses, header), tuple(reader.guesses),
                    reader.steps, header=tuple(header))


def replace_table(decree: Imported, table: Imported) -> Imported:
    """A decree's plan with its Rencana Aksi taken from a workbook instead."""
    from generator.importer.yaml_text import plan_yaml

    plan = dict(decree.plan)
    plan["rencana_aksi"] = table.plan["rencana_aksi"]
    keep = [g for g in decree.notes if g.path[:1] != ("rencana_aksi",)]
    notes = [*keep, *table.notes]
    return Imported(plan, plan_yaml(plan, notes, decree.header), tuple(notes), table.steps,
                    header=decree.header)
