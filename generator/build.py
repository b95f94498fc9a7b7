"""Turn one plan file into its DOCX and PDF files, all rendered before any is written."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.context import VERSIONS, build_document, build_mandiri
from generator.model import Rencana
from generator.render_docx import render_docx
from generator.render_html import render_pdf
from generator.validate import check_file
from generator.waktu import source_date_epoch, waktu_build

FORMATS = ("docx", "pdf")
"""Output formats, in the order they are written."""

_WRITERS = {"docx": render_docx, "pdf": render_pdf}


@dataclass(frozen=True)
class Output:
    """One file to write."""

    path: Path
    """Where it goes."""
    data: bytes
    """Its whole content."""


def output_name(versi: str, fmt: str) -> str:
    """keputusan-asli.docx, keputusan-salinan.pdf, ..."""
    return f"keputusan-{versi}.{fmt}"


def render_plan(plan_file: Path, out_dir: Path, formats: Iterable[str] = FORMATS,
                versions: Iterable[str] = VERSIONS) -> list[Output]:
    """Validate and render every requested file in memory; raises PlanError on a bad plan."""
    checked = check_file(plan_file)
    return render_checked(checked.plan, plan_file.stem, out_dir, formats, versions,
                          logo=checked.logo)


def render_checked(plan: Rencana, name: str, out_dir: Path, formats: Iterable[str] = FORMATS,
                   versions: Iterable[str] = VERSIONS,
                   templates: Path | None = None,
                   logo: tuple[bytes, str] | None = None) -> list[Output]:
    """Render a validated plan's requested files in memory."""
    target = out_dir / name
    outputs = []
    when = waktu_build(plan)
    with source_date_epoch(when):
        if plan.keputusan is not None:
            for versi in versions:
                doc = build_document(plan, versi, logo)
                for fmt in formats:
                    data = _WRITERS[fmt](doc, when, templates)
                    outputs.append(Output(target / output_name(versi, fmt), data))
        if plan.mandiri is not None:
            mandiri = build_mandiri(plan)
            for fmt in formats:
                data = _WRITERS[fmt](mandiri, when, templates)
                outputs.append(Output(target / f"rencana-aksi.{fmt}", data))
    return outputs


def write_atomically(output: Output) -> None:
    """Write to a temporary file beside the target, then rename: never a half-written file.

    A temporary file left by a build that was killed is removed by the next one.
    """
    output.path.parent.mkdir(parents=True, exist_ok=True)
    for stale in output.path.parent.glob(f".{output.path.name}.*.tmp"):
        stale.unlink(missing_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{output.path.name}.", suffix=".tmp",
                                dir=output.path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(output.data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, output.path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def write_all(outputs: list[Output]) -> list[Path]:
    """Write every rendered file; returns the paths written."""
    for output in outputs:
        write_atomically(output)
    return [output.path for output in outputs]
