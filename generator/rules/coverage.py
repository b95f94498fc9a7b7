"""Which official komponen of PermenPANRB 90/2021 a plan leaves without a step.

Komponen are matched by name across the whole plan, never by the position of a row: offices
number their roman rows by area, by program ("Pelaksanaan Pengendalian Gratifikasi" as row II),
or add areas of their own ("Inovasi Pelayanan"). A group may say which official area it belongs
to ('area_resmi'); that, or a name that is an official area's, gives the group its area.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache

from generator.plan.model import Area, Program, Rencana
from generator.reference import terms
from generator.reference.official_areas import AreaResmi, area_dari_nama, area_resmi, norm
from generator.source.diagnostics import Diagnostic, Severity
from generator.source.yaml_reader import Path, Source

_KATA_SAMBUNG = frozenset({"dan", "di", "yang", "terhadap", "berbasis", "atas", "untuk", "dalam"})
"""Words left out when asking whether every word of a komponen's name is in a plan's name."""

_SINONIM = {
    "rencana pembangunan zona integritas": ("rencana aksi", "rencana kerja",
                                            "rencana pembangunan"),
    "sistem pemerintahan berbasis elektronik": ("spbe", "e office", "e government"),
    "whistle blowing system": ("whistle blowing", "wbs"),
    "penerapan spip": ("spip", "pengendalian intern"),
    "pengaduan masyarakat": ("pengaduan", "dumas"),
    "pengelolaan pengaduan": ("pengaduan",),
    "penegakan aturan disiplin kode etik kode perilaku": ("disiplin", "kode etik"),
    "penilaian kepuasan terhadap pelayanan": ("kepuasan",),
    "pemanfaatan teknologi informasi": ("teknologi informasi",),
    "perencanaan kebutuhan pegawai": ("kebutuhan pegawai",),
    "pemantauan dan evaluasi pembangunan wbk wbbm": ("pemantauan", "monitoring dan evaluasi"),
    "penanganan benturan kepentingan": ("benturan kepentingan",),
    "pengendalian gratifikasi": ("gratifikasi",),
}
"""Words that name a komponen loosely. Loose names count only inside the komponen's own area
(or in a group whose area is unknown): 'Monitoring dan Evaluasi Pengaduan Masyarakat' under
Penguatan Pengawasan is not the Pemantauan dan Evaluasi of Manajemen Perubahan."""


@lru_cache(maxsize=4096)
def bentuk(name: str) -> tuple[str, ...]:
    """A name's forms: without what is in brackets, each bracketed part alone (an abbreviation
    such as 'SOP' or '(e-office/e-government)'), and the whole."""
    inside = re.findall(r"\(([^()]*)\)", name)
    forms = [norm(re.sub(r"\([^()]*\)", " ", name)), *(norm(part) for part in inside),
             norm(name)]
    return tuple(dict.fromkeys(f for f in forms if f))


def _berisi(phrase: str, text: str) -> bool:
    """The phrase stands in the text as whole words."""
    return f" {phrase} " in f" {text} "


def _cocok_kuat(official: str, names: tuple[str, ...]) -> bool:
    """The plan's name says the komponen's name: the same, inside it, or all its words."""
    forms = bentuk(official)
    main = forms[0]
    words = set(main.split()) - _KATA_SAMBUNG
    for name in names:
        if any(_berisi(form, name) for form in forms):
            return True
        if len(words) > 1 and words <= set(name.split()):
            return True
    return False


@lru_cache(maxsize=4096)
def _cocok_longgar(official: str, names: tuple[str, ...]) -> bool:
    """The plan's name names the komponen loosely (a synonym) or with a slip of the pen."""
    main = bentuk(official)[0]
    for name in names:
        if any(_berisi(s, name) for s in _SINONIM.get(main, ())):
            return True
        matcher = difflib.SequenceMatcher(None, main, name)
        if matcher.real_quick_ratio() >= 0.8 and matcher.quick_ratio() >= 0.8 and \
                matcher.ratio() >= 0.8:  # the cheap upper bounds first
            return True
    return False


@dataclass(frozen=True)
class Kelompok:
    """One group of the table (an area row or a program row) and what it covers."""

    path: Path
    """Where it is in the plan."""
    area: str | None
    """The official area it belongs to: declared, or its name; None when unknown."""
    dinyatakan: bool
    """The area was declared with 'area_resmi'."""
    nama: tuple[str, ...]
    """The normalised forms of its own name and of its komponen's names."""
    resmi: frozenset[str] = frozenset()
    """The official komponen its komponen's names stand for, misspelt or not (by the lexicon
    of official terms), without the italic marks."""


def _bentuk_semua(names: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(form for name in names for form in bentuk(name)))


def kelompok(plan: Rencana) -> list[Kelompok]:
    """Every area and program row with its official area and the names it holds."""
    groups: list[Kelompok] = []
    rencana = plan.rencana_aksi
    for i, area in enumerate(rencana.area if rencana else ()):
        own = _area_kelompok(area)
        area_path = ("rencana_aksi", "area", i)
        komponen = [k.nama for k in area.komponen or ()]
        groups.append(Kelompok(area_path, own, area.area_resmi is not None,
                               _bentuk_semua([*_bukan_area(area.nama), *komponen]),
                               _resmi(komponen)))
        for j, program in enumerate(area.program or ()):
            declared = program.area_resmi is not None
            groups.append(Kelompok((*area_path, "program", j),
                                   _area_kelompok(program) if declared else own, declared,
                                   _bentuk_semua([*_bukan_area(program.nama),
                                                  *(k.nama for k in program.komponen)]),
                                   _resmi([k.nama for k in program.komponen])))
    return groups


def _area_kelompok(group: Area | Program) -> str | None:
    """The area declared, else the one its name is ('Penguasaan Akuntabilitas Kinerja' and
    'Pelayanan Publik' too, by the lexicon of official terms)."""
    if group.area_resmi or (found := area_dari_nama(group.nama)):
        return group.area_resmi or found
    cocok = terms.area_resmi(group.nama)
    return cocok.resmi if cocok is not None and cocok.skor >= 60 else None


def _bukan_area(name: str) -> list[str]:
    """A group's own name, unless it names an official area: 'Penguasaan Akuntabilitas
    Kinerja' is a slip of an area, and must not pass for the komponen 'Pengelolaan
    Akuntabilitas Kinerja' it resembles."""
    return [] if area_dari_nama(name) or terms.area_resmi(name) else [name]


def _resmi(names: list[str]) -> frozenset[str]:
    """The official komponen names the written komponen names stand for."""
    found = (terms.komponen_resmi(name) for name in names)
    return frozenset(c.resmi for c in found if c is not None and c.skor >= 85)


def _warn(source: Source, path: Path, message: str, key: bool = False) -> Diagnostic:
    return Diagnostic(source.file, source.where(path, key=key), message, severity=Severity.WARNING,
                      kode="komponen-hilang")


def check_coverage(plan: Rencana, source: Source) -> list[Diagnostic]:
    """Komponen left without a step, and areas written twice."""
    return check_komponen(plan, source) + check_area_ganda(plan, source)


def _daftar_area(plan: Rencana) -> list[tuple[str, list[tuple[Path, str]]]]:
    """Each list of areas the plan writes (the table, each booklet chapter, the matrix), with
    the path and name of each area in it."""
    lists: list[tuple[str, list[tuple[Path, str]]]] = []
    if plan.rencana_aksi is not None:
        lists.append(("tabel rencana aksi", [(("rencana_aksi", "area", i, "nama"), a.nama)
                                             for i, a in enumerate(plan.rencana_aksi.area)]))
    kerja = plan.rencana_kerja
    if kerja is not None:
        for b, bab in enumerate(kerja.bab):
            lists.append((f"bab '{bab.judul}'", [(("rencana_kerja", "bab", b, "area", i, "area"),
                                                  a.area) for i, a in enumerate(bab.area)]))
        lists.append(("matriks", [(("rencana_kerja", "matriks", i, "area"), a.area)
                                  for i, a in enumerate(kerja.matriks or ())]))
    return lists


def check_area_ganda(plan: Rencana, source: Source) -> list[Diagnostic]:
    """One official area written twice in one list: a row copied over the area that should
    have followed it."""
    found = []
    for where, names in _daftar_area(plan):
        seen: dict[str, Path] = {}
        for path, name in names:
            cocok = terms.area_resmi(name)
            if cocok is None:
                continue
            if cocok.resmi not in seen:
                seen[cocok.resmi] = path
                continue
            first = source.where(seen[cocok.resmi]).line
            missing = [a.nama for a in area_resmi()
                       if a.nama not in seen and not any(
                           (c := terms.area_resmi(n)) is not None and c.resmi == a.nama
                           for _, n in names)]
            hint = f"; maksud Anda '{missing[0]}'?" if len(missing) == 1 else (
                f"; area resmi yang belum ada: {', '.join(missing)}" if missing else "")
            found.append(Diagnostic(
                source.file, source.where(path),
                f"area '{name}' sudah ada di {where} (baris {first}): area yang sama tertulis "
                f"dua kali{hint}", severity=Severity.WARNING, kode="area-ganda"))
    return found


@dataclass(frozen=True)
class CakupanArea:
    """One official area and which of its komponen a plan gives a step: what the warning
    'komponen-hilang' says and the province overview counts."""

    area: AreaResmi
    """The official area, with its weight and komponen."""
    ada: tuple[str, ...]
    """Its komponen the plan has a step for (without italic marks)."""
    dikecualikan: tuple[str, ...]
    """Its komponen the plan leaves out on purpose ('rencana_aksi.tanpa_komponen')."""
    hilang: tuple[str, ...]
    """Its komponen without a step and not left out on purpose."""


def cakupan(plan: Rencana) -> list[CakupanArea]:
    """Per official area, its komponen the plan covers, leaves out, or misses; empty without a
    Rencana Aksi table."""
    rencana = plan.rencana_aksi
    if rencana is None:
        return []
    skipped = {form for name in rencana.tanpa_komponen for form in bentuk(name)}
    groups = kelompok(plan)
    found = []
    for official in area_resmi():
        ada: list[str] = []
        dikecualikan: list[str] = []
        hilang: list[str] = []
        for komponen in official.komponen:
            plain = komponen.replace("*", "")
            if set(bentuk(komponen)) & skipped:
                dikecualikan.append(plain)
                continue
            strong = any(plain in g.resmi or _cocok_kuat(komponen, g.nama) for g in groups)
            loose = any(_cocok_longgar(komponen, g.nama) for g in groups
                        if g.area in (None, official.nama))
            (ada if strong or loose else hilang).append(plain)
        found.append(CakupanArea(official, tuple(ada), tuple(dikecualikan), tuple(hilang)))
    return found


def check_komponen(plan: Rencana, source: Source) -> list[Diagnostic]:
    """Official komponen of PermenPANRB 90/2021 that have no step: points left on the table."""
    rencana = plan.rencana_aksi
    if rencana is None:
        return []
    official_forms = {form for a in area_resmi() for k in a.komponen for form in bentuk(k)}
    found = [_warn(source, ("rencana_aksi", "tanpa_komponen", i),
                   f"'{name}' bukan komponen resmi PermenPAN RB 90/2021")
             for i, name in enumerate(rencana.tanpa_komponen)
             if not set(bentuk(name)) & official_forms]
    groups = kelompok(plan)
    for covered in cakupan(plan):
        official, missing = covered.area, covered.hilang
        if not missing:
            continue
        mine = [g for g in groups if g.area == official.nama]
        mine.sort(key=lambda g: not g.dinyatakan)
        listed = ", ".join(f"'{k}'" for k in missing)
        message = (f"area {official.nama} (bobot {official.bobot:g}) tidak punya langkah untuk "
                   f"komponen {listed}: nilainya hilang dari evaluasi (atau sebut di "
                   "'rencana_aksi.tanpa_komponen')")
        if mine:
            found.append(_warn(source, mine[0].path, message))
        else:
            found.append(_warn(source, ("rencana_aksi", "area"), message, key=True))
    return found
