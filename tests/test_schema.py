"""The JSON Schema an editor uses agrees with `zi check`: what zi accepts, the editor accepts."""

from __future__ import annotations

import copy
import io
import shutil
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from generator.cli import main
from generator.cli.new_plan import Jawaban, draft_plan
from generator.plan.schedule import BULAN, KATA_KUNCI
from generator.plan.schema import MODELINE, SCHEMA_FILE, TITLE, plan_schema, schema_text
from generator.plan.validate import validate_source
from generator.source.diagnostics import PlanError
from generator.source.yaml_reader import read_source
from tests.conftest import EXAMPLE, EXAMPLE_PLANS, FIXTURES, PLANS

SCHEMA = plan_schema()
VALIDATOR = Draft202012Validator(SCHEMA)
ERRORS = FIXTURES / "errors"

ONLY_ZI = {
    # YAML that cannot be read: there is no data to hold against the schema
    "kurung-terbuka": "kurung '[' tidak ditutup",
    "kutip-terbuka": "tanda kutip tidak ditutup",
    "sintaks-yaml": "titik dua di tengah nilai",
    "tab": "tab untuk indentasi",
    # reading YAML: the loader, not the schema, sees these
    "kunci-ganda": "kunci ditulis dua kali; YAML menyimpan yang terakhir",
    "tag-python": "tag YAML yang ditolak; nilainya dibuang sebelum validasi",
    "karakter-kendali": "karakter kendali dalam teks; nilainya dibuang sebelum validasi",
    "angka-panjang": "bilangan lebih dari 100 digit; nilainya dibuang sebelum validasi",
    # references and rules across the plan, which a schema cannot express
    "orang-tidak-ada": "kunci orang yang tidak ada di 'orang'",
    "orang-bukan-teks": "123 sebagai kunci orang: teks yang sah, orangnya tidak ada",
    "kunci-katalog-salah": "kunci katalog peraturan yang tidak ada",
    "diktum-lampiran": "diktum menyebut lampiran yang tidak ada",
    "lampiran-urutan": "urutan lampiran yang tidak menyebut lampiran yang ada, menyebut yang "
    "tidak ada, atau menyebut satu dua kali",
    "tabel-di-bab": "tabel rencana aksi di dua bab, dan juga disebut sebagai lampiran",
    "tabel-tanpa-rencana-aksi": "tabel rencana aksi di bab tanpa 'rencana_aksi'",
    "tanggal-salah": "31 Februari: bentuknya sah, tanggalnya tidak ada di kalender",
    "mandiri-tanpa-tabel": "'mandiri' tanpa 'rencana_aksi' (dan orang yang tidak ada)",
    "orang-banyak": "kunci orang yang tidak ada di 'orang'",
    "orang-tidak-dikenal": "kunci orang yang tidak ada di 'orang'",
    "langkah-tanpa-strip": "kunci ditulis dua kali (langkah kedua tanpa '- '); YAML menyimpan "
    "yang terakhir",
    # YAML 1.1 (zi) and 1.2 (the editor) read these differently; zi sees the text as written
    "nomor-oktal": "0400 tanpa kutip: YAML 1.1 membacanya 256, editor (YAML 1.2) 400, keduanya "
    "bilangan yang sah; zi membandingkannya dengan teks berkas",
}
"""Error fixtures only zi can find, with why; every other error fixture must fail the schema."""


def _data(path: Path) -> object:
    """A plan's values as zi reads them (YAML 1.1, dates kept as text)."""
    source = read_source(path.name, path.read_text(encoding="utf-8"))
    assert source.errors == [], source.errors
    return source.data


def _schema_errors(data: object) -> list[str]:
    """The schema's complaints, readable in a failing assertion."""
    return [f"{'.'.join(map(str, e.absolute_path))}: {e.message}"
            for e in VALIDATOR.iter_errors(data)]


VALID = sorted([*EXAMPLE_PLANS, FIXTURES / "minimal.yaml",
                *(FIXTURES / "layouts").glob("*.yaml"), *(FIXTURES / "body").glob("*.yaml"),
                *(FIXTURES / "rules").glob("*.yaml")])


def test_the_schema_is_a_valid_draft_2020_12_schema():
    Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["additionalProperties"] is False
    assert all(d.get("additionalProperties") is False for d in SCHEMA["$defs"].values())


def test_the_committed_schema_is_what_zi_schema_prints():
    out, err = io.StringIO(), io.StringIO()
    assert main(["schema"], out, err) == 0
    assert out.getvalue() == (PLANS / SCHEMA_FILE).read_text(encoding="utf-8"), \
        "jalankan: zi schema > plans/rencana.schema.json"


@pytest.mark.parametrize("path", VALID, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_plan_zi_accepts_passes_the_schema(path):
    data = _data(path)
    validate_source(read_source(path.name, path.read_text(encoding="utf-8")))  # zi accepts it
    assert _schema_errors(data) == []


def test_a_plan_from_zi_new_passes_the_schema():
    text = draft_plan(Jawaban("kota", "Contoh", "Contoh", 2026, "Ani", "Budi"))
    assert text.splitlines()[0] == MODELINE
    source = read_source("baru.yaml", text)
    validate_source(source)
    assert _schema_errors(source.data) == []


@pytest.mark.parametrize("path", sorted(p for p in ERRORS.glob("*.yaml") if p.stem not in ONLY_ZI),
                         ids=lambda p: p.stem)
def test_error_fixtures_fail_the_schema_too(path):
    source = read_source(path.name, path.read_text(encoding="utf-8"))
    with pytest.raises(PlanError):
        validate_source(source)
    assert _schema_errors(source.data) != []


def test_every_fixture_excluded_from_the_schema_check_exists():
    assert sorted(n for n in ONLY_ZI if not (ERRORS / f"{n}.yaml").exists()) == []


BASE = _data(FIXTURES / "minimal.yaml")
LANGKAH = ("rencana_aksi", "area", 0, "komponen", 0, "indikator", 0, "langkah", 0)


def _with(path: tuple, value: object) -> dict:
    """The minimal plan with one value replaced (or added, with the mappings above it)."""
    data = copy.deepcopy(BASE)
    parent = data
    for part in path[:-1]:
        parent = parent[part] if isinstance(part, int) else parent.setdefault(part, {})
    parent[path[-1]] = value
    return data


def _zi(data: dict) -> bool:
    """Whether `zi check` accepts these values (before its rules)."""
    source = read_source("rencana.yaml", "{}")
    source.data = data
    try:
        validate_source(source)
    except PlanError:
        return False
    return True


ACCEPTED = [  # written in a plan, zi accepts it; the editor must not flag it
    (("keputusan", "nomor"), 400),
    (("keputusan", "nomor"), "400/HK.03.1-Kpt/6408/2025"),
    (("keputusan", "tanggal"), "2025-09-09"),
    (("keputusan", "tanggal"), "2025-9-9"),
    (("keputusan", "tanggal"), "9 September 2025"),
    (("keputusan", "tanggal"), "09 SEPTEMBER 2025"),
    (("keputusan", "tanggal"), "1 mei 2025"),
    (("keputusan", "tanggal"), None),
    (("keputusan", "tentang"), 2025),
    (("keputusan", "menimbang"), ["bahwa satu", 2]),
    (("keputusan", "anggaran"), True),
    (("keputusan", "anggaran"), "DIPA Sekretariat KPU Kabupaten Contoh"),
    (("keputusan", "penutup_menimbang"), False),
    (("satker", "nama"), 50),
    (("orang", "ketua", "nip"), 198001012005011001),
    (("orang", "ketua", "jabatan"), None),
    (("orang", "7"), {"nama": "Ani", "jabatan": "Staf"}),
    ((*LANGKAH, "target_capaian"), "1 Dokumen"),
    ((*LANGKAH, "target_capaian"), {"jumlah": 1, "satuan": "Dokumen"}),
    ((*LANGKAH, "target_capaian"), 12),
    ((*LANGKAH, "jadwal"), [3, 6, 9, 12]),
    ((*LANGKAH, "jadwal"), ["1-12"]),
    ((*LANGKAH, "jadwal"), [1, "4 - 6"]),
    ((*LANGKAH, "jadwal"), "1-12"),
    ((*LANGKAH, "jadwal"), "Triwulan"),
    ((*LANGKAH, "jadwal"), "setiap   BULAN"),
    ((*LANGKAH, "jadwal"), None),
    (("rencana_aksi", "kolom"), 18),
    (("rencana_aksi", "area", 0, "area_resmi"), "Penguatan Pengawasan"),
    (("rencana_aksi", "area", 0, "area_resmi"), None),
    (("tampilan", "kertas"), "a4"),
]

REJECTED = [  # zi rejects it, and the editor flags it as it is typed
    (("keputusan", "tahun"), "2025"),
    (("keputusan", "tahun"), True),
    (("keputusan", "tahun"), 1999),
    (("keputusan", "tanggal"), "09-09-2025"),
    (("keputusan", "tanggal"), "9 Septembr 2025"),
    (("keputusan", "tanggal"), "2025-13-01"),
    (("keputusan", "tanggal"), 20250909),
    (("keputusan", "tentang"), ""),
    (("keputusan", "tentang"), True),
    (("keputusan", "nomor"), -5),
    (("keputusan", "nomor"), float("nan")),
    (("orang", "ketua", "nip"), 1.5),
    (("keputusan", "mengingat"), "uu-7-2017"),
    (("keputusan", "mengingat"), []),
    (("keputusan", "penutup_menimbang"), "barangkali"),
    (("keputusan", "nomorr"), 400),
    (("satker", "tingkat"), "Kabupaten"),
    (("rencana_aksi", "area", 0, "area_resmi"), "Pengawasan"),
    (("rencana_aksi", "area", 0, "area_resmi"), "penguatan pengawasan"),
    (("orang", "ketua", "peran"), "wakil"),
    (("orang", "ketua", "jabatan"), "Ketua"),  # 'jabatan' and 'peran' both
    (("orang", "x"), {"nama": "Ani"}),  # neither
    ((*LANGKAH, "target_capaian"), {"jumlah": "satu", "satuan": "Dokumen"}),
    ((*LANGKAH, "target_capaian"), {"jumlah": 1}),
    ((*LANGKAH, "jadwal"), 6),
    ((*LANGKAH, "jadwal"), []),
    ((*LANGKAH, "jadwal"), [13]),
    ((*LANGKAH, "jadwal"), ["Maret"]),
    ((*LANGKAH, "jadwal"), "tiap kuartal"),
    (("rencana_aksi", "kolom"), 8),
    (("rencana_aksi", "area", 0, "program"), [{"nama": "P", "komponen": []}]),
    (("tampilan", "kertas"), "legal"),
]


@pytest.mark.parametrize(("path", "value"), ACCEPTED, ids=repr)
def test_what_zi_accepts_the_schema_accepts(path, value):
    data = _with(path, value)
    assert _zi(data)
    assert _schema_errors(data) == []


@pytest.mark.parametrize(("path", "value"), REJECTED, ids=repr)
def test_what_zi_rejects_the_schema_flags(path, value):
    data = _with(path, value)
    assert not _zi(data)
    assert _schema_errors(data) != []


YA_TIDAK_FIELDS = [("keputusan", "penutup_menimbang"), ("keputusan", "anggaran"),
                   ("rencana_kerja", "bab", 0, "matriks")]
RENCANA_KERJA = {"kata_pengantar": "Pengantar", "bab": [{"judul": "Pendahuluan"}]}


@pytest.mark.parametrize("path", YA_TIDAK_FIELDS, ids=lambda p: p[-1])
@pytest.mark.parametrize("word", ["ya", "tidak", "Ya", "TIDAK", True, False, "yes", "off"])
def test_yes_no_fields_take_true_false_and_ya_tidak_in_any_case(path, word):
    # zi's yes/no fields take 'ya'/'tidak' (issue 11); 'yes' and 'off' are true and false to
    # zi (YAML 1.1) but text to the editor (YAML 1.2), so the schema takes them as words
    data = _with(("rencana_kerja",), copy.deepcopy(RENCANA_KERJA))
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    parent[path[-1]] = word
    assert _schema_errors(data) == []


def test_yes_no_fields_refuse_other_words():
    data = _with(("rencana_kerja",), {**RENCANA_KERJA, "bab": [{"judul": "A", "matriks": "ok"}]})
    assert _schema_errors(data) != []


SETTINGS = settings(deadline=None, derandomize=True, database=None, max_examples=200)
"""Repeatable runs, no timing: the machine is shared."""


@SETTINGS
@given(st.dates(date(2000, 1, 1), date(2100, 12, 31)), st.booleans(), st.randoms())
def test_any_real_date_in_either_form_and_any_case_passes_both(day, words, rnd):
    month = "".join(c.upper() if rnd.random() < 0.5 else c for c in BULAN[day.month - 1].lower())
    text = f"{day.day} {month} {day.year}" if words else f"{day.year}-{day.month}-{day.day:02}"
    data = _with(("keputusan", "tanggal"), text)
    assert _zi(data)
    assert _schema_errors(data) == []


@SETTINGS
@given(st.sampled_from(sorted(KATA_KUNCI)), st.randoms())
def test_schedule_words_in_any_case_and_spacing_pass_both(word, rnd):
    text = "  ".join(word.upper() if rnd.random() < 0.5 else word for word in word.split())
    data = _with((*LANGKAH, "jadwal"), text)
    assert _zi(data)
    assert _schema_errors(data) == []


def run(*argv: str) -> tuple[int, str, str]:
    """`zi` as a user runs it: exit code, output and error output."""
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def test_example_plans_name_the_schema_beside_them():
    for plan in EXAMPLE_PLANS:
        assert plan.read_text(encoding="utf-8").splitlines()[0] == MODELINE, plan


def test_a_plan_copied_alone_gets_its_schema_on_the_first_check(tmp_path):
    folder = tmp_path / "Dokumen"
    folder.mkdir()
    plan = folder / EXAMPLE.name
    shutil.copy(EXAMPLE, plan)
    code, out, err = run("check", str(plan))
    assert code == 0, err
    schema = folder / SCHEMA_FILE
    assert out.splitlines() == [f"ditulis: {schema} (JSON Schema untuk VS Code)",
                                f"{plan}: baik, tidak ada kesalahan."]
    assert schema.read_text(encoding="utf-8") == schema_text()
    code, out, _ = run("check", str(plan))  # already there: left as it is, not announced
    assert (code, out) == (0, f"{plan}: baik, tidak ada kesalahan.\n")


def test_a_bad_plan_gets_its_schema_too_and_build_writes_it(tmp_path):
    plan = tmp_path / "rencana.yaml"
    plan.write_text(f"{MODELINE}\nsatker: {{tingkat: desa}}\n", encoding="utf-8")
    code, out, _ = run("build", str(plan), "-o", str(tmp_path / "hasil"))
    assert code == 1
    assert f"ditulis: {tmp_path / SCHEMA_FILE} (JSON Schema untuk VS Code)" in out
    assert (tmp_path / SCHEMA_FILE).read_text(encoding="utf-8") == schema_text()


def test_an_older_zi_schema_is_refreshed_and_a_foreign_one_kept(tmp_path):
    plan = tmp_path / "rencana.yaml"
    shutil.copy(EXAMPLE, plan)
    schema = tmp_path / SCHEMA_FILE
    schema.write_text(f'{{"title": "{TITLE}", "properties": {{}}}}\n', encoding="utf-8")
    run("check", str(plan))
    assert schema.read_text(encoding="utf-8") == schema_text()
    schema.write_text('{"title": "skema kantor"}\n', encoding="utf-8")
    code, out, _ = run("check", str(plan))
    assert (code, schema.read_text(encoding="utf-8")) == (0, '{"title": "skema kantor"}\n')
    assert "ditulis" not in out


def test_a_plan_naming_another_schema_gets_no_file(tmp_path):
    plan = tmp_path / "rencana.yaml"
    text = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../plans/")
    plan.write_text(text, encoding="utf-8")
    assert run("check", str(plan))[0] == 0
    assert list(tmp_path.iterdir()) == [plan]
