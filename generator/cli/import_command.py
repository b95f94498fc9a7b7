"""`zi impor`: which files make one plan, where it is written, and what is said about it."""

from __future__ import annotations

from pathlib import Path

from generator.importer import Imported, ImportProblem, import_file, replace_table

_TABLE_SUFFIXES = (".xlsx", ".xlsm")


def read_inputs(names: list[str]) -> Imported:
    """One decree DOCX, one workbook, or a decree with its table from a workbook."""
    if len(names) > 2:
        raise ImportProblem("paling banyak dua berkas: keputusan (.docx) dan tabel rencana "
                            "aksinya (.xlsx)")
    results = [import_file(Path(name), shown_as=name) for name in names]
    if len(results) == 1:
        return results[0]
    tables = [r for r in results if r.partial]
    decrees = [r for r in results if not r.partial]
    if len(tables) != 1 or len(decrees) != 1:
        raise ImportProblem("dua berkas harus satu keputusan (.docx) dan satu tabel rencana "
                            "aksi (.xlsx)")
    return replace_table(decrees[0], tables[0])


def default_target(names: list[str]) -> Path:
    """Beside the decree (or the workbook), with its name and '.yaml'."""
    decree = next((n for n in names if not n.lower().endswith(_TABLE_SUFFIXES)), names[0])
    return Path(decree).with_suffix(".yaml")


def summary(result: Imported, target: Path) -> list[str]:
    """What was read, and what the user must look at."""
    guessed = [g for g in result.notes if not g.unread]
    unread = [g for g in result.notes if g.unread]
    parts = [f"{result.steps} langkah"]
    if not result.partial:
        parts.insert(0, f"{len(result.plan.get('orang', {}))} orang")
    lines = [f"ditulis: {target} ({', '.join(parts)}; {len(guessed)} tebakan ditandai "
             "komentar)"]
    lines += [f"  tidak terbaca: {g.message}" for g in unread]
    return lines
