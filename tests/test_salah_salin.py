"""How many copy mistakes `zi check` finds, and that it raises no false alarm.

Each plan in fixtures/salah-salin/ is a clean plan with ONE mistake planted the way offices make
them when copying last year's or another office's file. Its header says what is expected:

    # harap: satker-lain baris 57       <- the code zi check must report, at this line
    # tertanam: KPU Kabupaten Paser      <- the planted text, found on that line
    # kelas: wilayah-lain                <- the class of mistake, for the recall table
    # dasar: plans/kutai-timur-2025.yaml <- the clean plan it was copied from
    # salah: ...                         <- the mistake in words

`# harap: abaikan <kode> baris <N>`: the plan is right at that line, a rule would fire there, and
the line carries `# zi: abaikan <kode>`; no warning with that code is expected at that line
(counted as suppressed). Plans in salah-salin/bersih/ are clean plans in the style of other
offices: together with the example plans and every valid fixture they must get no warning.

`python -m tests.test_salah_salin` (or pytest with -s) prints recall by class and code, and the
misses with what was reported at their line instead.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.rules import check_file
from generator.source.diagnostics import Diagnostic, PlanError
from tests.conftest import EXAMPLE_PLANS, FIXTURES
from tests.test_schema import _data, _schema_errors

KORPUS = FIXTURES / "salah-salin"
KASUS = sorted(KORPUS.glob("*.yaml"))
BERSIH = sorted((KORPUS / "bersih").glob("*.yaml"))
AMBANG = 0.9
"""Recall the issue asks for: nine in ten planted mistakes found at their line."""

KODE = {
    # codes of today's rules
    "satker-lain", "satker-nama", "tahun-lain", "tahun-salah", "tanggal-tahun",
    "mengingat-dicabut", "mengingat-perubahan", "jabatan-berbeda",
    # codes agreed for the rules of issue 15
    "wilayah-tak-dikenal", "judul-provinsi", "istilah-salah-eja", "bulan-salah-eja",
    "mengingat-beda", "mengingat-usang", "mengingat-tahun", "orang-mirip", "ketua-ganda",
    "diktum-rujukan", "area-ganda",
}
"""Every code a case may expect; a typo in a header must not pass as a miss."""

_HARAP = re.compile(r"^# harap: (abaikan )?(\S+) baris (\d+)$")
_TERTANAM = re.compile(r"^# tertanam: (.+)$")
_KELAS = re.compile(r"^# kelas: (\S+)$")


@dataclass(frozen=True)
class Kasus:
    """One planted mistake (or one suppressed finding), read from its plan's header."""

    berkas: Path
    """The plan file."""
    kode: str
    """The code zi check must report (or, when `abaikan`, must not report)."""
    baris: int
    """The line of the planted text, where the finding belongs."""
    tertanam: str
    """The planted text, which must appear on that line."""
    kelas: str
    """The class of mistake, for the recall table."""
    abaikan: bool
    """The plan is right and the line carries `# zi: abaikan <kode>`."""


def baca_kasus(berkas: Path) -> Kasus:
    """The expectation written in a case's header comments."""
    found: dict[str, re.Match] = {}
    for line in berkas.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        for name, pattern in (("harap", _HARAP), ("tertanam", _TERTANAM), ("kelas", _KELAS)):
            match = pattern.match(line)
            if match:
                found[name] = match
    missing = {"harap", "tertanam", "kelas"} - found.keys()
    assert not missing, f"{berkas.name}: header tanpa {sorted(missing)}"
    harap = found["harap"]
    return Kasus(berkas, harap.group(2), int(harap.group(3)), found["tertanam"].group(1),
                 found["kelas"].group(1), bool(harap.group(1)))


def diagnosa(berkas: Path) -> list[Diagnostic]:
    """Everything zi check reports on a plan: its warnings, or its errors and warnings."""
    try:
        return check_file(berkas, shown_as=berkas.name).warnings
    except PlanError as exc:
        return exc.diagnostics


def kena(kasus: Kasus, found: list[Diagnostic]) -> bool:
    """A finding with the expected code at the planted line."""
    return any(d.kode == kasus.kode and d.position.line == kasus.baris for d in found)


@dataclass(frozen=True)
class Hasil:
    """What zi check made of one case."""

    kasus: Kasus
    """The case."""
    kena: bool
    """Reported with its code at its line (for `abaikan`: a warning that should be silent)."""
    di_baris: tuple[str, ...]
    """Codes reported at the planted line, to show what a miss got instead."""
    baris_lain: bool
    """The expected code was reported, but at another line."""


def ukur(kasus: list[Kasus]) -> list[Hasil]:
    """Run zi check on every case."""
    hasil = []
    for k in kasus:
        found = diagnosa(k.berkas)
        at_line = tuple(sorted({d.kode or "kesalahan" for d in found
                                if d.position.line == k.baris}))
        elsewhere = any(d.kode == k.kode and d.position.line != k.baris for d in found)
        hasil.append(Hasil(k, kena(k, found), at_line, elsewhere and not kena(k, found)))
    return hasil


def laporan(hasil: list[Hasil]) -> str:
    """Recall by class and by code, then every miss."""
    ukuran = [h for h in hasil if not h.kasus.abaikan]
    lines = []
    for title, key in (("kelas", lambda h: h.kasus.kelas), ("kode", lambda h: h.kasus.kode)):
        total, hits = Counter(key(h) for h in ukuran), Counter(key(h) for h in ukuran if h.kena)
        lines.append(f"{title:<22} {'kena':>5} {'kasus':>5} {'recall':>7}")
        for name in sorted(total):
            lines.append(f"{name:<22} {hits[name]:>5} {total[name]:>5} "
                         f"{hits[name] / total[name]:>7.0%}")
        lines.append("")
    found = sum(h.kena for h in ukuran)
    lines.append(f"recall: {found}/{len(ukuran)} = {found / len(ukuran):.0%} "
                 f"(ambang {AMBANG:.0%}); kode benar di baris lain: "
                 f"{sum(h.baris_lain for h in ukuran)}")
    ditekan = [h for h in hasil if h.kasus.abaikan]
    lines.append(f"ditekan dengan '# zi: abaikan': {sum(not h.kena for h in ditekan)}"
                 f"/{len(ditekan)}")
    lines.append("")
    lines.append("luput:")
    for h in ukuran:
        if not h.kena:
            got = ", ".join(h.di_baris) or "-"
            note = "; kodenya ada di baris lain" if h.baris_lain else ""
            lines.append(f"  {h.kasus.berkas.name}:{h.kasus.baris} harap {h.kasus.kode}, "
                         f"dilaporkan: {got}{note}")
    for h in ditekan:
        if h.kena:
            lines.append(f"  {h.kasus.berkas.name}:{h.kasus.baris} {h.kasus.kode} tidak ditekan")
    return "\n".join(lines)


def test_korpus_cukup_dan_tersebar():
    kasus = [baca_kasus(p) for p in KASUS]
    ukuran = [k for k in kasus if not k.abaikan]
    assert len(ukuran) >= 90
    assert sum(k.abaikan for k in kasus) >= 3
    assert len(BERSIH) >= 8
    per_kode = Counter(k.kode for k in ukuran)
    assert set(per_kode) == KODE, "setiap kode punya kasus"
    assert max(per_kode.values()) <= len(ukuran) // 4, "tidak satu kode saja"
    assert len({p.read_text(encoding="utf-8") for p in KASUS}) == len(KASUS)


@pytest.mark.parametrize("berkas", KASUS, ids=lambda p: p.stem)
def test_kasus_tertulis_benar(berkas: Path):
    """The header names a known code, its planted text is on its line, and the plan is valid
    apart from the mistake: any validation error (an error without a rule code) is at the
    planted line."""
    kasus = baca_kasus(berkas)
    assert kasus.kode in KODE
    lines = berkas.read_text(encoding="utf-8").splitlines()
    assert kasus.tertanam in lines[kasus.baris - 1]
    if kasus.abaikan:
        assert f"# zi: abaikan {kasus.kode}" in lines[kasus.baris - 1]
    errors = [d for d in diagnosa(berkas) if d.is_error and not d.kode]
    assert all(d.position.line == kasus.baris for d in errors), [str(d) for d in errors]


def test_recall_salah_salin():
    hasil = ukur([k for k in map(baca_kasus, KASUS) if not k.abaikan])
    print(laporan(hasil))
    found = sum(h.kena for h in hasil)
    assert found / len(hasil) >= AMBANG, laporan(hasil)


def test_abaikan_menekan_peringatan():
    hasil = ukur([k for k in map(baca_kasus, KASUS) if k.abaikan])
    assert [h.kasus.berkas.name for h in hasil if h.kena] == []


TIDAK_DIHITUNG = {"komponen-hilang", "langkah-kosong"}
"""Completeness warnings that small fixtures get because they are small on purpose (one
komponen, one step): the plan lacks what is warned of, so these are no false alarm. Example
plans and clean plans get no warning at all."""

DIPERAGAKAN = {
    "body/dicabut.yaml": {"mengingat-dicabut", "mengingat-katalog"},
    "body/kutipan-usang.yaml": {"mengingat-dicabut", "mengingat-usang", "mengingat-katalog",
                                "mengingat-perubahan", "mengingat-urutan"},
    "body/urutan.yaml": {"mengingat-sesudah", "mengingat-urutan"},
    "layouts/kolom-18.yaml": {"jadwal-kosong"},
}
"""Valid fixtures that exist to show a warning in the decree they render."""

def _valid_fixtures() -> list[Path]:
    # errors/ and rules/ hold plans with mistakes; istilah/, kalender/ and wilayah/ are cases of
    # the matchers (texts, not plans); impor/ holds what the importer must find (not plans)
    skipped = {"errors", "rules", "salah-salin", "istilah", "kalender", "wilayah", "impor"}
    return sorted(p for p in FIXTURES.rglob("*.yaml")
                  if p.relative_to(FIXTURES).parts[0] not in skipped
                  and not p.name.endswith(".monev.yaml"))  # realisation files are not plans


def _tanpa_alarm(berkas: Path):
    return pytest.param(berkas, id=str(berkas.relative_to(berkas.parents[1])))


@pytest.mark.parametrize("berkas", [_tanpa_alarm(p) for p in EXAMPLE_PLANS
                                    + BERSIH])
def test_rencana_bersih_tanpa_peringatan(berkas: Path):
    assert [str(d) for d in check_file(berkas, shown_as=berkas.name).warnings] == []


@pytest.mark.parametrize("berkas", BERSIH, ids=lambda p: p.stem)
def test_rencana_bersih_lolos_skema(berkas: Path):
    """Written as offices write them, in VS Code with the schema."""
    assert _schema_errors(_data(berkas)) == []


@pytest.mark.parametrize("berkas", _valid_fixtures(),
                         ids=lambda p: str(p.relative_to(FIXTURES)))
def test_fixture_sah_tanpa_alarm_palsu(berkas: Path):
    allowed = TIDAK_DIHITUNG | DIPERAGAKAN.get(berkas.relative_to(FIXTURES).as_posix(), set())
    warnings = check_file(berkas, shown_as=berkas.name).warnings
    assert [str(d) for d in warnings if d.kode not in allowed] == []


if __name__ == "__main__":
    print(laporan(ukur([baca_kasus(p) for p in KASUS])))
