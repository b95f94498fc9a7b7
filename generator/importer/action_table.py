"""A Rencana Aksi table read back into areas, programs, komponen, indikator and steps.

Columns are found by their header words, in any of the sets offices use (6, 7, or 18 with month
ticks and penanggung jawab); a komponen or indikator is read from a merged cell, from text
repeated on every row, or from a first row with blank cells below it; header rows repeated on
later pages, column-number rows and empty rows are skipped; a table cut in two by a page break
continues where the first stopped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from generator.importer.grid import Row
from generator.importer.notes import Guess
from generator.importer.wording import clean, header_key, title_case
from generator.plan.schedule import BULAN
from generator.reference.official_areas import area_dari_nama, norm
from generator.text import indonesian

ROLES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("no", ("NO", "NOMOR", "NO URUT")),
    ("area", ("AREA", "AREA PERUBAHAN", "AREA PENGUNGKIT")),
    ("komponen", ("KOMPONEN", "KOMPONEN PENGUNGKIT", "SUB KOMPONEN", "KOMPONEN KEGIATAN")),
    ("indikator", ("INDIKATOR", "INDIKATOR KINERJA", "SUB INDIKATOR")),
    ("langkah", ("LANGKAH AKSI", "LANGKAH LANGKAH AKSI", "RENCANA AKSI", "KEGIATAN",
                 "LANGKAH", "AKSI", "RENCANA KEGIATAN", "URAIAN KEGIATAN", "LANGKAH KEGIATAN")),
    ("bukti_fisik", ("BUKTI FISIK", "BUKTI", "OUTPUT", "BUKTI DUKUNG", "DATA DUKUNG",
                     "KELUARAN", "BUKTI FISIK OUTPUT")),
    ("target_waktu", ("TARGET WAKTU", "WAKTU", "JADWAL", "WAKTU PELAKSANAAN",
                      "TARGET WAKTU PELAKSANAAN", "JADWAL PELAKSANAAN", "TENGGAT WAKTU")),
    ("target_capaian", ("TARGET CAPAIAN", "TARGET", "CAPAIAN", "TARGET OUTPUT",
                        "TARGET KINERJA", "TARGET CAPAIAN OUTPUT")),
    ("penanggung_jawab", ("PENANGGUNG JAWAB", "PJ", "PIC", "PELAKSANA", "UNIT PELAKSANA",
                          "PENANGGUNGJAWAB", "TIM PELAKSANA")),
    ("bulan", ("PELAKSANAAN BULAN", "BULAN", "BULAN PELAKSANAAN", "PELAKSANAAN",
               "WAKTU PELAKSANAAN BULAN", "JADWAL PELAKSANAAN BULAN", "TAHUN")),
)
"""Each column's role and the header words offices write for it (compared without case,
punctuation or spaces' number)."""
_WORDS = {words: role for role, all_words in ROLES for words in all_words}
_MONTH_NAMES = {name.upper()[:3]: i for i, name in enumerate(BULAN, start=1)}
_MONTH_NAMES.update({"MEI": 5, "AGS": 8, "AGT": 8, "OKT": 10, "NOP": 11, "DES": 12})
_TICKS = re.compile(r"^\s*[vV✓✔√xX•●1]\s*$|^\s*\*?[vV]\*?\s*$")
_ROMAN = re.compile(r"^(?:AREA\s+)?([IVXL]+)\s*[.):]?$", re.IGNORECASE)
_ROMAN_PREFIX = re.compile(r"^(?:AREA\s+)?([IVXL]+)\s*[.):\-–]\s*(.+)$", re.DOTALL)
_PROGRAM = re.compile(r"^(?:[IVXL]+|\d+)\.\d+\.?$|^[A-Za-z][.)]$", re.IGNORECASE)
_PROGRAM_PREFIX = re.compile(r"^((?:[IVXL]+|\d+)\.\d+|[A-Za-z][.)])\.?\s+(.+)$", re.DOTALL)
_NUMBER = re.compile(r"^\(?(\d{1,3})\)?[.)]?$")
_CAPAIAN = re.compile(r"^(\d{1,6})\s*\(([a-z ]+)\)\s+(\S.*)$", re.DOTALL)
STEP_ROLES = ("langkah", "bukti_fisik", "target_waktu", "target_capaian", "penanggung_jawab")


@dataclass(frozen=True)
class Columns:
    """Which grid column holds what, as read off a table's header rows."""

    roles: dict[str, int]
    """Role -> the first grid column of that role."""
    months: dict[int, int]
    """Month (1-12) -> its grid column, for the ticked-month layout."""
    width: int
    """Grid columns of the header."""

    @property
    def kolom(self) -> int:
        """The plan's layout: 18 with month ticks, 7 with target capaian, 6 without."""
        if self.months:
            return 18
        return 7 if "target_capaian" in self.roles else 6


_PREFIXES = (("TARGET WAKTU", "target_waktu"), ("TARGET CAPAIAN", "target_capaian"),
             ("BUKTI", "bukti_fisik"), ("PENANGGUNG", "penanggung_jawab"),
             ("LANGKAH", "langkah"), ("RENCANA AKSI", "langkah"), ("KEGIATAN", "langkah"),
             ("INDIKATOR", "indikator"), ("KOMPONEN", "komponen"), ("OUTPUT", "bukti_fisik"),
             ("WAKTU", "target_waktu"), ("JADWAL", "target_waktu"), ("DATA DUKUNG", "bukti_fisik"),
             ("AREA", "area"), ("PELAKSANAAN BULAN", "bulan"))
"""Header words that begin a longer header ('TARGET WAKTU PENYELESAIAN', 'BUKTI FISIK/DATA
DUKUNG'), tried when the whole header is not one of ROLES."""


def _role(text: str) -> str | None:
    key = header_key(text)
    if key in _WORDS:
        return _WORDS[key]
    if len(key) > 40:
        return None
    return next((role for prefix, role in _PREFIXES if key.startswith(prefix + " ")), None)


def _is_month_row(row: Row, numbers: bool = True) -> dict[int, int]:
    """Month -> column for a sub-header of month names (Jan..Des), or of numbers 1..12 where
    `numbers` (under a PELAKSANAAN (BULAN) header, not the column-number row)."""
    found: dict[int, int] = {}
    if numbers and is_number_row(row) and len([t for t in row.texts if t.strip()]) > 12:
        return {}
    for cell in row.cells:
        key = header_key(cell.text)
        if key.isdigit() and 1 <= int(key) <= 12 and numbers:
            found[int(key)] = cell.column
        elif key[:3] in _MONTH_NAMES and (len(key) <= 3 or key.capitalize() in BULAN
                                           or key[:3] == key.split()[0]):
            found[_MONTH_NAMES[key[:3]]] = cell.column
    return found if len(found) >= 6 else {}


def is_number_row(row: Row) -> bool:
    """The row that numbers the columns 1, 2, 3, ... (or (1), (2), ...) under the header."""
    numbers = [header_key(t) for t in row.texts if t.strip()]
    return len(numbers) >= 4 and all(n.isdigit() for n in numbers) and \
        [int(n) for n in numbers[:3]] == [1, 2, 3]


def header_columns(rows: Sequence[Row]) -> tuple[Columns, int] | None:
    """The columns read from the header rows at the top of `rows`, and how many rows they take;
    None when the first rows are not a Rencana Aksi header."""
    for start, row in enumerate(rows[:6]):
        roles: dict[str, int] = {}
        for cell in row.cells:
            role = _role(cell.text)
            if role and role not in roles:
                roles[role] = cell.column
        if not ({"langkah", "komponen"} <= roles.keys() or
                {"langkah", "indikator"} <= roles.keys() or
                {"langkah", "bukti_fisik"} <= roles.keys()):
            continue
        used = start + 1
        months: dict[int, int] = {}
        width = max((c.column + c.span for c in row.cells), default=0)
        for follower in rows[used:used + 3]:
            found = _is_month_row(follower, "bulan" in roles)
            if found and not months:
                months = found
                used += 1
            elif is_number_row(follower):
                used += 1
            elif _header_like(follower, roles):
                used += 1
                for cell in follower.cells:  # 'WAKTU' and 'CAPAIAN' under 'TARGET'
                    role = _role(cell.text)
                    if role:
                        for old in [r for r, c in roles.items()
                                    if cell.column <= c < cell.column + cell.span]:
                            del roles[old]
                        roles[role] = cell.column
            else:
                break
        if months:
            roles.pop("bulan", None)
            if roles.get("target_waktu") in months.values():
                roles.pop("target_waktu")
        return Columns(roles, months, width), used
    return None


def _header_like(row: Row, roles: dict[str, int]) -> bool:
    """A second header row of words (e.g. 'AKSI' under 'LANGKAH')."""
    named = [c for c in row.cells if c.text.strip()]
    return bool(named) and all(_role(c.text) or c.continued for c in named) and \
        len(named) >= 2


def repeated_header(row: Row) -> bool:
    """A header row printed again on a later page (or in a continuation table)."""
    hits = sum(1 for c in row.cells if _role(c.text))
    return hits >= 3 or is_number_row(row) or bool(_is_month_row(row, False))


@dataclass
class _Komponen:
    nama: str
    nomor: str
    indikator: list[dict[str, Any]] = field(default_factory=list)
    rows: int = 0


@dataclass
class _Group:
    nama: str
    nomor: str
    komponen: list[_Komponen] = field(default_factory=list)
    program: list[_Group] = field(default_factory=list)


class ActionTableReader:
    """Reads the rows of one Rencana Aksi table, or of its continuations, in order."""

    def __init__(self, columns: Columns, place: str):
        self.columns = columns
        self.place = place
        self.areas: list[_Group] = []
        self.guesses: list[Guess] = []
        self.komponen: _Komponen | None = None
        self.indikator: dict[str, Any] | None = None
        self.above: dict[str, str] = {}
        self.months_above: tuple[int, ...] = ()
        self.steps = 0
        self._last_heading_caps = False

    def _text(self, row: Row, role: str) -> tuple[str, bool]:
        column = self.columns.roles.get(role)
        if column is None:
            return "", False
        cell = row.at(column)
        if cell is None:
            return "", False
        if cell.column != column:  # a cell from the left spans over this column
            return "", True
        return clean(cell.text), cell.continued

    def _months(self, row: Row) -> tuple[tuple[int, ...], bool]:
        months, continued = [], False
        for month, column in sorted(self.columns.months.items()):
            cell = row.at(column)
            if cell is None:
                continue
            if cell.continued:
                continued = True
            if cell.column == column and _TICKS.match(cell.text.replace("*", "")):
                months.append(month)
        return tuple(months), continued and not months

    def read(self, rows: Sequence[Row], place: str, first_number: int = 1) -> None:
        """Take the data rows of one table (its header rows already skipped)."""
        for offset, row in enumerate(rows):
            where = f"{place}, baris {first_number + offset}"
            if row.empty or repeated_header(row):
                continue
            heading = self._heading(row)
            if heading is not None:
                self._start_heading(*heading, where)
                continue
            self._step(row, where)

    def _heading(self, row: Row) -> tuple[str, str] | None:
        """(number, title) for an area or program row: one text across the table, or a number
        and a name with every step cell empty."""
        wide = [c for c in row.cells if c.text.strip() and c.span >= 3 and not c.continued]
        no, _ = self._text(row, "no")
        if wide:
            title = clean(wide[0].text)
            if no and wide[0].column != self.columns.roles.get("no"):
                return no, title
            return _split_number(title)
        step_cells = [self._text(row, r)[0] for r in STEP_ROLES if r != "penanggung_jawab"]
        if any(step_cells) or self._months(row)[0]:
            return None
        indikator, _ = self._text(row, "indikator")
        komponen, _ = self._text(row, "komponen")
        area, _ = self._text(row, "area")
        if indikator:
            return None
        title = komponen or area
        if not title:
            return None if not no else _split_number(no)
        if _NUMBER.match(no.strip()) and komponen and not area:
            return None  # a komponen on a row of its own, its indikator and steps below
        if not no:
            return _split_number(title)
        return no, title

    def _start_heading(self, number: str, title: str, where: str) -> None:
        number = number.strip().rstrip(".")
        last = self.areas[-1] if self.areas else None
        if last is not None and not last.komponen and not last.program and \
                last.nama == title_case(last.nama) and title != title.upper() and \
                self._last_heading_caps:
            kind = "program"  # 'I. MANAJEMEN PERUBAHAN' then 'I Pembangunan Unit Kerja ...'
        elif _ROMAN.match(number) or area_dari_nama(title) is not None:
            kind = "area"
        elif re.match(r"^(?:[IVXL]+|\d+)\.\d+$", number):
            kind = "program"
        else:  # a letter, or no number: capitals make an area, as offices print them
            kind = "program" if self.areas and title != title.upper() else "area"
        name = title_case(title) if title == title.upper() else title
        self._last_heading_caps = title == title.upper()
        if kind == "area" or not self.areas:
            self.areas.append(_Group(name, number))
            if kind == "program":
                self.areas[-1].program.append(_Group(name, number))
        else:
            self.areas[-1].program.append(_Group(name, number))
        self.komponen = None
        self.indikator = None

    def _group(self, where: str) -> _Group:
        if not self.areas:
            self.areas.append(_Group("(tulis area)", ""))
            self.guesses.append(Guess(("rencana_aksi", "area", 0, "nama"),
                                      f"tebakan: {where} memuat langkah sebelum baris area "
                                      "mana pun; tulis nama areanya"))
        area = self.areas[-1]
        return area.program[-1] if area.program else area

    def _step(self, row: Row, where: str) -> None:
        area, area_continued = self._text(row, "area")
        if area and not area_continued:
            area_number, name = _split_number(area)
            name = title_case(name) if name == name.upper() else name
            if not self.areas or norm(self.areas[-1].nama) != norm(name):
                self._start_heading(area_number, name, where)
        no, no_continued = self._text(row, "no")
        komponen, komponen_continued = self._text(row, "komponen")
        indikator, indikator_continued = self._text(row, "indikator")
        number = _NUMBER.match(no.strip())
        no_value = number.group(1) if number else ""
        current = self.komponen
        new_komponen = current is None or (
            not komponen_continued and (
                (no_value and not no_continued and no_value != current.nomor) or
                (komponen and komponen != current.nama)))
        if new_komponen:
            name = komponen or (current.nama if current else "") or "(tulis komponen)"
            self.komponen = _Komponen(name, no_value)
            self._group(where).komponen.append(self.komponen)
            self.indikator = None
            if name == "(tulis komponen)":
                self.guesses.append(Guess((), f"{where}: langkah tanpa nama komponen; "
                                          "ditulis '(tulis komponen)'", unread=True))
        assert self.komponen is not None
        if not indikator and not any(self._text(row, r)[0] for r in STEP_ROLES) \
                and not self._months(row)[0]:
            return  # the komponen's own row; its indikator and steps follow
        if self.indikator is None or (not indikator_continued and indikator and
                                      indikator != self.indikator["nama"]):
            self.indikator = {"nama": indikator or (self.indikator or {}).get("nama", "")
                              or "(tulis indikator)", "langkah": []}
            self.komponen.indikator.append(self.indikator)
        step: dict[str, Any] = {}
        for role in STEP_ROLES:
            if role not in self.columns.roles:
                continue
            text, continued = self._text(row, role)
            if continued and not text:
                text = self.above.get(role, "")
            self.above[role] = text
            if role == "langkah":
                step["aksi"] = text
            elif role == "target_capaian":
                step[role] = capaian(text)
            elif text or role == "bukti_fisik":
                step[role] = text
        if self.columns.months:
            months, continued = self._months(row)
            if continued:
                months = self.months_above
            self.months_above = months
            if months:
                step["jadwal"] = list(months)
        if not step.get("aksi"):
            step["aksi"] = "(tulis langkah aksi)"
            self.guesses.append(Guess((), f"{where}: baris tanpa langkah aksi; ditulis "
                                      "'(tulis langkah aksi)'", unread=True))
        self.indikator["langkah"].append(step)
        self.steps += 1

    def plan(self) -> dict[str, Any]:
        """The `rencana_aksi` mapping of the plan."""
        areas = []
        for area in self.areas:
            _programs_from_bare_rows(area)
            entry: dict[str, Any] = {"nama": area.nama}
            if area.program:
                if area.komponen:
                    area.program.insert(0, _Group(area.nama, "", area.komponen))
                entry["program"] = [{"nama": p.nama, "komponen": _komponen(p.komponen)}
                                    for p in area.program if p.komponen]
            else:
                entry["komponen"] = _komponen(area.komponen)
            if entry.get("program") or entry.get("komponen"):
                areas.append(entry)
        result: dict[str, Any] = {}
        if self.columns.kolom != 7:
            result["kolom"] = self.columns.kolom
        result["area"] = areas
        _lift_penanggung_jawab(result)
        return result


def _programs_from_bare_rows(area: _Group) -> None:
    """Numbered rows without steps, each followed by komponen numbered from 1 again, are the
    area's programs ('1 Pengendalian Gratifikasi', then '1 Public campaign ...')."""
    bare = [i for i, k in enumerate(area.komponen) if not k.indikator]
    if area.program or not bare or not any(
            i + 1 < len(area.komponen) and area.komponen[i + 1].indikator for i in bare):
        return
    head = area.komponen[:bare[0]]
    for position, start in enumerate(bare):
        end = bare[position + 1] if position + 1 < len(bare) else len(area.komponen)
        heading = area.komponen[start]
        area.program.append(_Group(heading.nama, heading.nomor, area.komponen[start + 1:end]))
    area.komponen = head


def _komponen(items: list[_Komponen]) -> list[dict[str, Any]]:
    placeholder = [{"nama": "(tulis indikator)", "langkah": [{"aksi": "(tulis langkah aksi)"}]}]
    return [{"nama": k.nama, "indikator": k.indikator or placeholder} for k in items]


def _lift_penanggung_jawab(rencana: dict[str, Any]) -> None:
    """A penanggung jawab shared by every step of a komponen is written once, on the komponen."""
    for area in rencana["area"]:
        for group in area.get("program", [area]):
            for komponen in group.get("komponen", []):
                steps = [s for i in komponen["indikator"] for s in i["langkah"]]
                names = {s.get("penanggung_jawab") for s in steps}
                if len(names) == 1 and None not in names:
                    komponen["penanggung_jawab"] = names.pop()
                    for step in steps:
                        step.pop("penanggung_jawab")


def _split_number(text: str) -> tuple[str, str]:
    """'I. MANAJEMEN PERUBAHAN' -> ('I', 'MANAJEMEN PERUBAHAN'); 'V.1 Gratifikasi' likewise."""
    for pattern in (_ROMAN_PREFIX, _PROGRAM_PREFIX):
        found = pattern.match(text.strip())
        if found and (pattern is not _ROMAN_PREFIX or found.group(1).upper() == found.group(1)):
            return found.group(1), clean(found.group(2))
    return "", text


def capaian(text: str) -> str | dict[str, Any]:
    """'1 (satu) Dokumen' -> {jumlah: 1, satuan: Dokumen} when the words say the number."""
    found = _CAPAIAN.match(text.strip())
    if found and indonesian.number_words(int(found.group(1))) == found.group(2).strip() \
            and "\n" not in found.group(3) and "*" not in found.group(3):
        return {"jumlah": int(found.group(1)), "satuan": found.group(3).strip()}
    return text
