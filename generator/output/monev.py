"""Turn a plan and its realisation file into the quarterly monev report, DOCX and PDF, each
version rendered in memory before anything is written."""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from generator.document.monev_report import VERSIONS, build_monev
from generator.output.build import FORMATS, Output
from generator.output.folders import output_folder
from generator.output.timestamp import source_date_epoch
from generator.plan.model import Rencana
from generator.plan.progress import QUARTER_END
from generator.plan.realisasi import Monev
from generator.rules import check_file
from generator.rules.realisasi import _LINK, CheckedMonev, load_checked
from generator.source.diagnostics import Diagnostic, PlanError, Position


def monev_name(quarter: int, versi: str, fmt: str) -> str:
    """monev-tw1-asli.docx, monev-tw3-salinan.pdf, ..."""
    return f"monev-tw{quarter}-{versi}.{fmt}"


def report_time(tahun: int, quarter: int) -> datetime:
    """SOURCE_DATE_EPOCH when set, else the quarter's last day: the same inputs give the same
    bytes, and the file's date says which quarter it reports."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC)
    month = QUARTER_END[quarter]
    return datetime(tahun, month, 31 if month in (3, 12) else 30, tzinfo=UTC)


def missing_evidence(monev: Monev, plan_dir: Path) -> frozenset[str]:
    """Evidence named as a file that is not in the plan's folder (links are not checked)."""
    return frozenset(b for item in monev.langkah for record in item.triwulan.values()
                     for b in record.bukti
                     if not _LINK.match(b) and not os.path.isfile(plan_dir / b))


def render_monev(plan_file: Path, quarter: int, out_dir: Path,
                 formats: Iterable[str] = FORMATS,
                 versions: Iterable[str] = VERSIONS,
                 templates: Path | None = None) -> list[Output]:
    """The report of `quarter` in every requested format and version, in memory, to be written
    in `out_dir/<plan stem>/`; raises PlanError when the plan or its realisation file is
    invalid (warnings of either do not stop it)."""
    if quarter not in QUARTER_END:
        raise ValueError(f"quarter {quarter} is not 1-4")
    checked = check_file(plan_file)
    if checked.plan.rencana_aksi is None:
        raise PlanError([Diagnostic(str(plan_file), Position(1, 1), "rencana ini tidak punya "
                                    "'rencana_aksi': tidak ada langkah aksi untuk dipantau")])
    monev = load_checked(checked.plan, plan_file, quarter)
    return render_checked_monev(checked.plan, monev, plan_file, quarter, out_dir, formats,
                                versions, templates, checked.logo)


def render_checked_monev(plan: Rencana, monev: CheckedMonev, plan_file: Path, quarter: int,
                         out_dir: Path, formats: Iterable[str] = FORMATS,
                         versions: Iterable[str] = VERSIONS, templates: Path | None = None,
                         logo: tuple[bytes, str] | None = None) -> list[Output]:
    """The report of a plan and realisation file already validated and checked."""
    # the writers import DOCX, PDF and chart libraries: only when a report is made
    from generator.writers.monev_charts import area_chart, month_chart
    from generator.writers.monev_writer import render_monev_docx, render_monev_pdf

    folder = output_folder(out_dir, plan_file.stem)
    hilang = missing_evidence(monev.monev, plan_file.parent)
    when = report_time(plan.tahun, quarter)
    outputs = []
    wanted = list(formats)
    with source_date_epoch(when):
        for versi in versions:
            doc = build_monev(plan, monev, quarter, versi, logo, hilang)
            drawn = {"area": area_chart(doc.grafik, doc.huruf),
                     "bulan": month_chart(doc.grafik, doc.huruf)}
            for fmt in wanted:
                writer = render_monev_docx if fmt == "docx" else render_monev_pdf
                outputs.append(Output(folder / monev_name(quarter, versi, fmt),
                                      writer(doc, when, templates, drawn)))
    return outputs
