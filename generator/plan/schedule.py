"""The months of a step: one fact, shown as text ('Maret, Juni dan Desember 2025') or as ticks."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from generator.plan.model import Langkah

BULAN = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)

KATA_KUNCI = {
    "setiap bulan": tuple(range(1, 13)),
    "bulanan": tuple(range(1, 13)),
    "triwulan": (3, 6, 9, 12),
    "per triwulan": (3, 6, 9, 12),
    "setiap triwulan": (3, 6, 9, 12),
    "semester": (6, 12),
    "per semester": (6, 12),
    "setiap semester": (6, 12),
}
"""Words a plan may use for a whole schedule."""

_MONTH = {name.lower(): number for number, name in enumerate(BULAN, start=1)}
_MONTH.update({"januarii": 1, "nopember": 11, "pebruari": 2})  # spellings seen in decrees


def parse_months(value: object) -> tuple[int, ...]:
    """Months 1-12 from a plan's `jadwal`: [3, 6], [1, '4-6'], 'triwulan'; ValueError if not."""
    if isinstance(value, str):
        key = " ".join(value.lower().split())
        if key in KATA_KUNCI:
            return KATA_KUNCI[key]
        value = [value]
    if not isinstance(value, list) or not value:
        raise ValueError("tulis daftar bulan, mis. [3, 6, 9, 12] atau ['1-12'], atau salah "
                         "satu dari: " + ", ".join(KATA_KUNCI))
    months: set[int] = set()
    for item in value:
        if isinstance(item, bool):
            raise ValueError(f"'{item}' bukan bulan")
        if isinstance(item, int):
            first = last = item
        else:
            found = re.fullmatch(r"\s*(\d{1,2})\s*-\s*(\d{1,2})\s*", str(item))
            if not found:
                raise ValueError(f"'{item}' bukan bulan; tulis angka 1-12 atau rentang seperti "
                                 "'4-6'")
            first, last = int(found[1]), int(found[2])
        if not (1 <= first <= last <= 12):
            raise ValueError(f"'{item}' di luar bulan 1 sampai 12")
        months.update(range(first, last + 1))
    return tuple(sorted(months))


def months_in_text(text: str) -> tuple[int, ...] | None:
    """Months named in a target waktu text ('Januari - Desember 2025'); None if it says more."""
    words = re.findall(r"[A-Za-z]+|\d{4}|-|,", text)
    months: set[int] = set()
    previous: int | None = None
    pending_range = False
    for word in words:
        lower = word.lower()
        if lower in _MONTH:
            month = _MONTH[lower]
            if pending_range and previous is not None and previous <= month:
                months.update(range(previous, month + 1))
            else:
                months.add(month)
            previous, pending_range = month, False
        elif word == "-":
            pending_range = True
        elif word in (",",) or lower in ("dan", "s", "d", "sd") or re.fullmatch(r"\d{4}", word):
            continue
        else:
            return None
    return tuple(sorted(months)) or None


def step_months(step: Langkah) -> tuple[int, ...]:
    """A step's months: its schedule, or those its target waktu names, or none."""
    if step.jadwal:
        return step.jadwal
    return months_in_text(step.target_waktu) or () if step.target_waktu else ()


def schedule_text(months: tuple[int, ...], tahun: int) -> str:
    """'Januari - Desember 2025', 'Maret, Juni, September dan Desember 2025', 'Juni 2025'."""
    runs: list[list[int]] = []
    for month in months:
        if runs and runs[-1][-1] == month - 1:
            runs[-1].append(month)
        else:
            runs.append([month])
    parts: list[str] = []
    for run in runs:
        if len(run) >= 3:
            parts.append(f"{BULAN[run[0] - 1]} - {BULAN[run[-1] - 1]}")
        else:
            parts += [BULAN[m - 1] for m in run]
    text = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " dan " + parts[-1]
    return f"{text} {tahun}"


def any_case(text: str) -> str:
    """A regex for text in any case and spacing; editors' regexes (ECMA-262) have no (?i)."""
    parts = []
    for word in text.split():
        parts.append("".join(f"[{c.upper()}{c.lower()}]" if c.isalpha() else re.escape(c)
                             for c in word))
    return r"\s+".join(parts)


def one_of(words: Any) -> str:
    """A regex group for any of the words, each in any case."""
    return "(" + "|".join(any_case(str(w)) for w in words) + ")"


RENTANG = r"\s*\d{1,2}\s*-\s*\d{1,2}\s*"
"""A month range such as '1-12' or '4 - 6'."""


def jadwal_schema() -> dict[str, Any]:
    """A step's months: [3, 6, 9, 12], ['1-12'], '1-12' or a word such as 'triwulan'."""
    bulan = {"anyOf": [{"type": "integer", "minimum": 1, "maximum": 12},
                       {"type": "string", "pattern": f"^{RENTANG}$"}]}
    kata = rf"^\s*({one_of(KATA_KUNCI)}|{RENTANG})\s*$"
    return {"anyOf": [
        {"type": "array", "items": bulan, "minItems": 1},
        {"type": "string", "pattern": kata,
         "patternErrorMessage": "tulis daftar bulan, mis. [3, 6, 9, 12] atau ['1-12'], atau "
         "salah satu dari: " + ", ".join(KATA_KUNCI)},
    ]}


def capaian_bulan_schema() -> dict[str, Any]:
    """A key of a matrix row's 'capaian': a month (4) or a range of months ('1-12')."""
    return {"type": "string", "pattern": rf"^\s*(\d+|{RENTANG})\s*$"}
