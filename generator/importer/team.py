"""The Susunan dan Personalia table read back into 'tim', each person once in 'orang'."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from generator.importer.grid import Row, Table
from generator.importer.notes import Guess
from generator.importer.people import People
from generator.importer.wording import clean, header_key, title_case

_HEADERS = {"NO": "no", "NOMOR": "no", "NAMA": "nama", "JABATAN": "jabatan",
            "KEDUDUKAN DALAM TIM": "kedudukan", "KEDUDUKAN": "kedudukan",
            "JABATAN DALAM TIM": "kedudukan", "KEDUDUKAN DALAM TIM KERJA": "kedudukan",
            "POSISI DALAM TIM": "kedudukan", "KETERANGAN": "kedudukan"}


_KERJA = ("TIM KERJA", "PELAKSANA", "TIM PELAKSANA", "KELOMPOK KERJA", "TIM PEMBANGUNAN")
"""How the second group, under the pengarah, is headed."""


def _team_role(text: str) -> str | None:
    key = header_key(text)
    if key in _HEADERS:
        return _HEADERS[key]
    for prefix, role in (("KEDUDUKAN", "kedudukan"), ("JABATAN DALAM", "kedudukan"),
                         ("POSISI", "kedudukan"), ("NAMA", "nama"), ("JABATAN", "jabatan")):
        if key.startswith(prefix + " ") and len(key) < 40:
            return role
    return None


def team_columns(table: Table) -> tuple[dict[str, int], int] | None:
    """Role -> grid column of a team table's header, and the rows the header takes."""
    for start, row in enumerate(table.rows[:4]):
        roles: dict[str, int] = {}
        for cell in row.cells:
            role = _team_role(cell.text)
            if role and role not in roles:
                roles[role] = cell.column
        if {"nama", "kedudukan"} <= roles.keys():
            used = start + 1
            if used < len(table.rows) and all(
                    header_key(t).isdigit() for t in table.rows[used].texts if t.strip()):
                used += 1
            return roles, used
    return None


def _cell(row: Row, roles: dict[str, int], role: str) -> str:
    column = roles.get(role)
    cell = row.at(column) if column is not None else None
    return clean(cell.text) if cell is not None and cell.column == column else ""


def read_team(tables: Sequence[Table], people: People,
              ) -> tuple[dict[str, Any], list[Guess]]:
    """The 'tim' mapping: pengarah, the tim kerja's ketua and its sub-teams."""
    guesses: list[Guess] = []
    pengarah: list[dict[str, str]] = []
    kerja: list[dict[str, str]] = []
    subtim: list[dict[str, Any]] = []
    group = ""
    last = ""
    roles: dict[str, int] = {}
    width = 0
    for table in tables:
        found = team_columns(table)
        table_width = max((c.column + c.span for r in table.rows for c in r.cells), default=0)
        if found is not None:
            roles, skip = found
            width = table_width
        elif roles and table_width == width:
            skip = 0  # the table goes on after a page break, or its last row kept apart
        else:
            roles = {}
            continue
        for number, row in enumerate(table.rows[skip:], start=skip + 1):
            if row.empty or sum(1 for c in row.cells if _team_role(c.text)) >= 2:
                continue
            nama = _cell(row, roles, "nama")
            jabatan = _cell(row, roles, "jabatan")
            kedudukan = _cell(row, roles, "kedudukan")
            column = roles.get("kedudukan")
            below = row.at(column) if column is not None else None
            if not kedudukan and below is not None and below.continued:
                kedudukan = last  # one 'Anggota' merged down over several people
            wide = [c for c in row.cells if c.span >= 2 and c.text.strip()]
            if wide or not (nama and (kedudukan or jabatan)):
                heading = clean(wide[0].text) if wide else (nama or _cell(row, roles, "no"))
                heading = re.sub(r"^(?:\d+|[a-zA-Z])[.)]\s+", "", heading)
                key = " ".join(heading.upper().split())
                if "PENGARAH" in key and not subtim:
                    group = "pengarah"
                elif key.startswith(_KERJA) and not subtim:
                    group = "kerja"
                elif heading:
                    group = "subtim"
                    subtim.append({"nama": title_case(heading) if heading == heading.upper()
                                   else heading, "anggota": []})
                continue
            if not kedudukan:
                kedudukan = "Anggota"
                guesses.append(Guess(("tim",), f"tebakan: {table.place}, baris {number}: "
                                     f"kedudukan {nama} kosong; ditulis 'Anggota'"))
            last = kedudukan
            member = {"orang": people.add(nama, jabatan), "kedudukan": kedudukan}
            if group == "pengarah":
                pengarah.append(member)
            elif group == "subtim":
                subtim[-1]["anggota"].append(member)
            else:
                if not group:
                    guesses.append(Guess(("tim",), f"{table.place}, baris {number}: orang "
                                         "sebelum baris kelompok (PENGARAH, TIM KERJA); "
                                         "dimasukkan ke tim kerja"))
                kerja.append(member)
    if not kerja:
        raise ValueError("no tim kerja")
    tim: dict[str, Any] = {"pengarah": pengarah, "tim_kerja": {"ketua": kerja[0]}}
    if kerja[1:]:
        tim["tim_kerja"]["anggota"] = kerja[1:]
    subtim = [s for s in subtim if s["anggota"]]
    if subtim:
        tim["tim_kerja"]["subtim"] = subtim
    if not pengarah:
        guesses.append(Guess(("tim", "pengarah"), "tebakan: tabel tim tanpa kelompok PENGARAH; "
                             "isi pengarahnya"))
    return tim, guesses
