"""How much of a Rencana Aksi table an importer got right, step by step.

The rule: an imported plan is turned into the rows the table would print (its `rencana_aksi`
validated with the plan model, then `table_rows`), so that `jadwal: [3, 6]` and 'Maret, Juni
2025', or `{jumlah: 1, satuan: Dokumen}` and '1 (satu) Dokumen', count as the same thing. Each
expected step is looked for among the printed steps by its aksi, first under the same
komponen; a step is fully right when it sits under the same komponen and every other column
(area, program, indikator, bukti fisik, target waktu or month ticks, target capaian,
penanggung jawab) is equal after normalisation: case ignored, runs of spaces and line
breaks made one space, italics stars `*` dropped, spaces before , ; . : ) dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from generator.document.action_table import table_rows
from generator.plan.model import RencanaAksi
from tests.handmade import steps_of_rows

COLUMNS = ("area", "program", "indikator", "bukti_fisik", "target_waktu", "bulan",
           "target_capaian", "penanggung_jawab")
"""The columns compared besides komponen and aksi (those a step lacks are skipped)."""


def normal(value: Any) -> str:
    """Text as compared: no case, no italics stars, one space between words."""
    if isinstance(value, list):
        return ",".join(str(v) for v in value)
    text = str(value or "").replace("\\*", "").replace("*", "")
    text = re.sub(r"\s+", " ", text).strip().casefold()
    return re.sub(r" ([,;.:)])", r"\1", text)


@dataclass(frozen=True)
class Score:
    """The outcome for one imported file."""

    total: int
    """Expected steps."""
    right: int
    """Steps found under the right komponen with every column equal."""
    wrong: tuple[str, ...]
    """One readable line per step not fully right."""
    extra: int
    """Imported steps matched by no expected step."""
    problem: str = ""
    """Why the imported plan's rencana_aksi could not be read at all ('' when it could)."""

    @property
    def fraction(self) -> float:
        """Share of steps fully right (0.0 when nothing was expected)."""
        return self.right / self.total if self.total else 0.0

    def report(self) -> str:
        """The score and the wrong steps, for an assertion message."""
        head = f"{self.right}/{self.total} langkah benar ({self.fraction:.1%}), {self.extra} lebih"
        lines = [head] + ([f"rencana_aksi tidak terbaca: {self.problem}"] if self.problem else [])
        return "\n".join(lines + [f"  - {line}" for line in self.wrong])


def printed_steps(plan: dict[str, Any]) -> list[dict[str, Any]]:
    """The steps an imported plan dict prints, one record per row as `expected_steps` gives.

    Only `rencana_aksi` is validated, so that a wrong name elsewhere does not hide the table."""
    rencana = RencanaAksi.model_validate(plan["rencana_aksi"])
    tahun = (plan.get("keputusan") or plan.get("mandiri") or {}).get("tahun", 2000)
    return steps_of_rows(table_rows(rencana, int(tahun)), rencana.kolom)


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[:width - 3] + "..."


def score(expected_steps: list[dict[str, Any]], imported_plan: dict[str, Any]) -> Score:
    """Compare expected printed steps with the plan an importer wrote (see the module's rule)."""
    try:
        got = printed_steps(imported_plan)
    except (KeyError, TypeError, ValidationError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return Score(len(expected_steps), 0, (), 0, problem=first)
    unused = list(range(len(got)))
    right = 0
    wrong: list[str] = []
    for number, want in enumerate(expected_steps, start=1):
        aksi, komponen = normal(want["aksi"]), normal(want["komponen"])
        same_aksi = [i for i in unused if normal(got[i]["aksi"]) == aksi]
        same_place = [i for i in same_aksi if normal(got[i]["komponen"]) == komponen]
        label = f"langkah {number} '{_short(want['aksi'])}'"
        if not same_aksi:
            wrong.append(f"{label} (komponen '{want['komponen']}'): tidak ditemukan")
            continue
        index = (same_place or same_aksi)[0]
        unused.remove(index)
        found = got[index]
        faults = [] if same_place else [
            f"komponen '{found['komponen']}', seharusnya '{want['komponen']}'"]
        for column in COLUMNS:
            if column in want or column in found:
                if normal(want.get(column, "")) != normal(found.get(column, "")):
                    faults.append(f"{column} '{_short(normal(found.get(column, '')), 50)}', "
                                  f"seharusnya '{_short(normal(want.get(column, '')), 50)}'")
        if faults:
            wrong.append(f"{label}: " + "; ".join(faults))
        else:
            right += 1
    return Score(len(expected_steps), right, tuple(wrong), len(unused))


def plan_of_steps(steps: list[dict[str, Any]], kolom: int) -> dict[str, Any]:
    """A `rencana_aksi` plan dict holding exactly these printed steps (areas, programs,
    komponen and indikator grouped in order): what a perfect importer would write."""
    areas: list[dict[str, Any]] = []
    for step in steps:
        if not areas or areas[-1]["nama"] != step["area"]:
            areas.append({"nama": step["area"]})
        area = areas[-1]
        if "program" in step:
            programs = area.setdefault("program", [])
            if not programs or programs[-1]["nama"] != step["program"]:
                programs.append({"nama": step["program"], "komponen": []})
            holder = programs[-1]["komponen"]
        else:
            holder = area.setdefault("komponen", [])
        if not holder or holder[-1]["nama"] != step["komponen"]:
            holder.append({"nama": step["komponen"], "indikator": []})
        indikator = holder[-1]["indikator"]
        if not indikator or indikator[-1]["nama"] != step["indikator"]:
            indikator.append({"nama": step["indikator"], "langkah": []})
        langkah: dict[str, Any] = {"aksi": step["aksi"], "bukti_fisik": step["bukti_fisik"]}
        if kolom == 18:
            if step["bulan"]:
                langkah["jadwal"] = step["bulan"]
            langkah["penanggung_jawab"] = step["penanggung_jawab"]
        else:
            langkah["target_waktu"] = step["target_waktu"]
            if kolom == 7:
                langkah["target_capaian"] = step["target_capaian"]
        indikator[-1]["langkah"].append(langkah)
    return {"rencana_aksi": {"kolom": kolom, "area": areas}}
