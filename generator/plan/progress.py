"""Where each step of a plan stands at a quarter, from its schedule and the monev records: the
one computation the checks, the quarterly report and the province overview all read."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from generator.plan.model import Capaian, Komponen, Langkah, Rencana
from generator.plan.realisasi import CatatanTriwulan, Monev
from generator.plan.schedule import step_months
from generator.source.yaml_reader import Path
from generator.text import indonesian

QUARTER_END = {1: 3, 2: 6, 3: 9, 4: 12}
"""The last month of each quarter."""


@dataclass(frozen=True)
class PlannedStep:
    """A step of the plan with where it sits, as the report and the checks name it."""

    path: Path
    """Its place in the plan, e.g. ('rencana_aksi', 'area', 0, 'komponen', 1, 'indikator', 0,
    'langkah', 2)."""
    kode: str
    """The code zi gives it from the printed numbering, e.g. 'I.2.3' or 'V.1.2.1' (area,
    program, komponen, step within the komponen); its `id` in the plan may differ."""
    langkah: Langkah
    """The step itself."""
    area: str
    """Its area's name as written."""
    area_index: int
    """Its area's position, from 0."""
    program: str | None
    """Its program's name, if the area has programs."""
    komponen: Komponen
    """Its komponen."""
    komponen_index: int
    """Its komponen's position in the area (across programs), from 0."""


def planned_steps(plan: Rencana) -> Iterator[PlannedStep]:
    """Every step of the Rencana Aksi in printed order, with its code."""
    if plan.rencana_aksi is None:
        return
    for a, area in enumerate(plan.rencana_aksi.area):
        roman = indonesian.roman(a + 1)
        groups: list[tuple[int | None, str | None, list[Komponen], str]] = [
            (p, program.nama, program.komponen, f"{roman}.{p + 1}")
            for p, program in enumerate(area.program or ())]
        if area.komponen:
            groups = [(None, None, area.komponen, roman)]
        counted = 0
        for g, program_name, komponen_list, prefix in groups:
            for k, komponen in enumerate(komponen_list):
                base: Path = ("rencana_aksi", "area", a)
                base += ("program", g, "komponen", k) if g is not None else ("komponen", k)
                number = 0
                for i, indikator in enumerate(komponen.indikator):
                    for s, step in enumerate(indikator.langkah):
                        number += 1
                        yield PlannedStep(
                            path=(*base, "indikator", i, "langkah", s),
                            kode=f"{prefix}.{k + 1}.{number}",
                            langkah=step, area=area.nama, area_index=a,
                            program=program_name, komponen=komponen,
                            komponen_index=counted + k)
            counted += len(komponen_list)


@dataclass(frozen=True)
class StepProgress:
    """One step at a quarter: due or not, reported or not, done or late."""

    step: PlannedStep
    """The step in the plan."""
    quarter: int
    """The quarter looked at, 1-4."""
    due_months: tuple[int, ...]
    """Its scheduled months up to the quarter's end (empty: not yet due)."""
    record: CatatanTriwulan | None
    """The latest record up to the quarter, if any."""
    record_quarter: int | None
    """The quarter that record was made in."""

    @property
    def due(self) -> bool:
        """True when some scheduled month falls on or before the quarter's end."""
        return bool(self.due_months)

    @property
    def status(self) -> str:
        """belum, berjalan, selesai or batal; belum when nothing is recorded."""
        return self.record.status if self.record else "belum"

    @property
    def done(self) -> bool:
        """True when recorded as selesai."""
        return self.status == "selesai"

    @property
    def late(self) -> bool:
        """Due by the quarter, not done and not cancelled, and either its last scheduled month
        has passed or nothing was started: a monthly activity under way is not late."""
        if not self.due or self.status in ("selesai", "batal"):
            return False
        months = step_months(self.step.langkah)
        return self.status == "belum" or max(months) <= QUARTER_END[self.quarter]

    @property
    def percent(self) -> float:
        """Realisation against the target: 'persen' as recorded, else 'jumlah' against a
        {jumlah, satuan} target, else 100 when done and 0 otherwise."""
        record = self.record
        if record is None:
            return 0.0
        if record.persen is not None:
            return record.persen
        target = self.step.langkah.target_capaian
        if record.jumlah is not None and isinstance(target, Capaian) and target.jumlah:
            return 100.0 * record.jumlah / target.jumlah
        return 100.0 if record.status == "selesai" else 0.0


def step_id(step: PlannedStep) -> str:
    """The code a monev file refers to the step by: its `id`, else the printed code."""
    return step.langkah.id or step.kode


def progress(plan: Rencana, monev: Monev | None, quarter: int) -> list[StepProgress]:
    """Every step of the plan at the end of `quarter`, with its latest record."""
    records = {item.id: item for item in monev.langkah} if monev else {}
    end = QUARTER_END[quarter]
    result = []
    for step in planned_steps(plan):
        item = records.get(step_id(step))
        latest = max((q for q in (item.triwulan if item else {}) if q <= quarter), default=None)
        result.append(StepProgress(
            step=step, quarter=quarter,
            due_months=tuple(m for m in step_months(step.langkah) if m <= end),
            record=item.triwulan[latest] if item and latest is not None else None,
            record_quarter=latest))
    return result


@dataclass(frozen=True)
class AreaProgress:
    """An area's steps at a quarter."""

    area: str
    """The area's name."""
    due: int
    """Steps due by the quarter."""
    done: int
    """Of those, the steps done."""
    steps: int
    """All its steps."""

    @property
    def percent(self) -> float | None:
        """Done over due, in percent; None when nothing is due yet."""
        return 100.0 * self.done / self.due if self.due else None


def area_progress(steps: list[StepProgress]) -> list[AreaProgress]:
    """Per area, in the plan's order: steps due, done, and all."""
    order: dict[int, str] = {}
    for item in steps:
        order.setdefault(item.step.area_index, item.step.area)
    return [AreaProgress(  # a cancelled step is neither due nor done
        area=name,
        due=sum(1 for s in steps if s.step.area_index == index and s.due
                and s.status != "batal"),
        done=sum(1 for s in steps if s.step.area_index == index and s.due and s.done),
        steps=sum(1 for s in steps if s.step.area_index == index),
    ) for index, name in sorted(order.items())]
