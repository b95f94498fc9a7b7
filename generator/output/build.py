"""Turn one plan file into its DOCX and PDF files, all rendered before any is written."""

from __future__ import annotations

import glob
import os
import stat
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.document.decree import VERSIONS, build_document, build_mandiri
from generator.output.folders import output_folder
from generator.output.jdih import AKHIRAN, dasar_nama, rekaman_json
from generator.output.timestamp import source_date_epoch, waktu_build
from generator.plan.model import Rencana
from generator.rules import check_file

FORMATS = ("docx", "pdf")
"""Output formats, in the order they are written."""
JDIH = "jdih"
"""The format of the JDIH metadata record written beside the salinan PDF (not asked for apart)."""


def _writer(fmt: str) -> Callable[..., bytes]:
    """The writer of one format, imported only when that format is asked for (DOCX and PDF
    libraries take a quarter of a second each to import)."""
    if fmt == "docx":
        from generator.writers.docx_writer import render_docx

        return render_docx
    from generator.writers.html_writer import render_pdf

    return render_pdf


@dataclass(frozen=True)
class Output:
    """One file to write."""

    path: Path
    """Where it goes."""
    data: bytes
    """Its whole content."""


def output_name(versi: str, fmt: str, dasar: str = "keputusan") -> str:
    """keputusan-asli.docx, keputusan-400-2025-salinan.pdf, keputusan-salinan.jdih.json, ..."""
    return f"{dasar}-{versi}{AKHIRAN}" if fmt == JDIH else f"{dasar}-{versi}.{fmt}"


def render_plan(plan_file: Path, out_dir: Path, formats: Iterable[str] = FORMATS,
                versions: Iterable[str] = VERSIONS, nama: str = "biasa") -> list[Output]:
    """Validate and render every requested file in memory; raises PlanError on a bad plan."""
    checked = check_file(plan_file)
    return render_checked(checked.plan, plan_file.stem, out_dir, formats, versions,
                          logo=checked.logo, nama=nama)


@dataclass(frozen=True)
class Target:
    """One file a plan can produce: a version of the decree, or the standalone plan, in a format."""

    versi: str | None
    """'asli' or 'salinan'; None for the standalone Rencana Aksi."""
    fmt: str
    """'docx', 'pdf', or 'jdih' (the metadata record of the salinan PDF)."""
    dasar: str = "keputusan"
    """The stem of the decree's file names: 'keputusan', or 'keputusan-400-2025' by number."""

    @property
    def name(self) -> str:
        """The file's name in the plan's output folder."""
        return f"rencana-aksi.{self.fmt}" if self.versi is None else output_name(
            self.versi, self.fmt, self.dasar)

    @property
    def pdf(self) -> Target:
        """The PDF a JDIH record describes."""
        return Target(self.versi, "pdf", self.dasar)


def targets(plan: Rencana, formats: Iterable[str] = FORMATS,
            versions: Iterable[str] = VERSIONS, nama: str = "biasa") -> list[Target]:
    """Every file the plan produces for these formats and versions, in the order written; the
    salinan PDF is followed by its JDIH record."""
    found = []
    if plan.keputusan is not None:
        dasar = dasar_nama(plan, nama).dasar
        for versi in versions:
            for fmt in formats:
                found.append(Target(versi, fmt, dasar))
                if (versi, fmt) == ("salinan", "pdf"):
                    found.append(Target(versi, JDIH, dasar))
    if plan.mandiri is not None:
        found += [Target(None, fmt) for fmt in formats]
    return found


def render_checked(plan: Rencana, name: str, out_dir: Path, formats: Iterable[str] = FORMATS,
                   versions: Iterable[str] = VERSIONS,
                   templates: Path | None = None,
                   logo: tuple[bytes, str] | None = None,
                   only: Iterable[Target] | None = None, nama: str = "biasa") -> list[Output]:
    """Render a validated plan's requested files in memory (`only` some of them, if given);
    `nama` 'nomor' names the decree's files by its number."""
    wanted = targets(plan, formats, versions, nama)
    if only is not None:
        chosen = set(only)
        wanted = [t for t in wanted if t in chosen]
    folder = output_folder(out_dir, name)
    outputs = []
    documents: dict[str | None, object] = {}
    when = waktu_build(plan)
    with source_date_epoch(when):
        for target in wanted:
            if target.fmt == JDIH:
                outputs.append(Output(folder / target.name,
                                      rekaman_json(plan, target.pdf.name)))
                continue
            if target.versi not in documents:
                documents[target.versi] = (build_mandiri(plan) if target.versi is None
                                           else build_document(plan, target.versi, logo))
            data = _writer(target.fmt)(documents[target.versi], when, templates)
            outputs.append(Output(folder / target.name, data))
    return outputs


STALE_TEMP_SECONDS = 600
"""A temporary file older than this was left by a build that was stopped: a live one is
written and renamed within seconds."""


def write_atomically(output: Output) -> None:
    """Write to a temporary file beside the target, then rename: never a half-written file.

    Two builds may write the same folder at once: each writes its own temporary file (named
    with its process id) and the last rename wins, whole. A temporary file left by a build that
    was stopped is removed by a later one once it is older than any live write could be; a
    temporary file removed under a write by such a cleanup is written again.
    """
    output.path.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_temps(output.path)
    mode = _mode_for(output.path)
    for attempt in range(3):
        fd, temp = tempfile.mkstemp(prefix=f".{output.path.name}.{os.getpid()}.", suffix=".tmp",
                                    dir=output.path.parent)
        try:
            os.fchmod(fd, mode)  # mkstemp's 0600 would hide the decree from the rest of the office
            with os.fdopen(fd, "wb") as handle:
                handle.write(output.data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, output.path)
            return
        except FileNotFoundError:
            Path(temp).unlink(missing_ok=True)
            if attempt == 2 or not output.path.parent.is_dir():
                raise
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise


def _remove_stale_temps(path: Path) -> None:
    """Remove temporary files of `path` that builds stopped midway left behind."""
    now = time.time()
    for stale in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        try:
            if now - stale.lstat().st_mtime > STALE_TEMP_SECONDS:
                stale.unlink()
        except OSError:
            continue  # gone already, or not ours to remove


def _mode_for(path: Path) -> int:
    """The permissions of the file being replaced, else what the user's umask gives a new file."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def write_all(outputs: list[Output]) -> list[Path]:
    """Write every rendered file; returns the paths written."""
    for output in outputs:
        write_atomically(output)
    return [output.path for output in outputs]
