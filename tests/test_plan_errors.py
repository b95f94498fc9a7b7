"""Every kind of bad plan gets its own exact message at its exact line:column, never a traceback."""

from __future__ import annotations

import copy
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.cli import main
from generator.document.decree import build_document
from generator.plan.model import Bab
from generator.plan.validate import validate_source
from generator.rules import check_file, load_plan
from generator.source.diagnostics import PlanError, Position
from generator.source.plan_file import read_file
from generator.source.yaml_reader import Source, read_source
from generator.writers.text_writer import render_text
from tests.conftest import EXAMPLE_PLANS, FIXTURES, squash

CASES = sorted((FIXTURES / "errors").glob("*.yaml"))


def expected_lines(plan: Path) -> list[str]:
    return plan.with_suffix(".expected").read_text(encoding="utf-8").splitlines()


def test_there_are_at_least_twelve_kinds_of_bad_input():
    assert len(CASES) >= 12


@pytest.mark.parametrize("plan", CASES, ids=lambda p: p.stem)
def test_messages_are_exact(plan: Path):
    with pytest.raises(PlanError) as info:
        load_plan(plan, shown_as=plan.name)
    assert [str(d) for d in info.value.diagnostics] == expected_lines(plan)


@pytest.mark.parametrize("plan", CASES, ids=lambda p: p.stem)
def test_check_prints_them_and_exits_1(plan: Path, monkeypatch):
    monkeypatch.chdir(plan.parent)
    out, err = io.StringIO(), io.StringIO()
    assert main(["check", plan.name], out, err) == 1
    lines = err.getvalue().splitlines()
    assert lines[:-1] == expected_lines(plan)
    errors = sum("peringatan [" not in line for line in lines[:-1])
    assert lines[-1].startswith(f"{errors} kesalahan")
    assert "Traceback" not in err.getvalue()


def test_build_of_a_bad_plan_writes_nothing_and_says_the_same(tmp_path, monkeypatch):
    plan = FIXTURES / "errors" / "banyak-kesalahan.yaml"
    monkeypatch.chdir(plan.parent)
    out, err = io.StringIO(), io.StringIO()
    assert main(["build", plan.name, "-o", str(tmp_path)], out, err) == 1
    assert err.getvalue().splitlines()[: len(expected_lines(plan))] == expected_lines(plan)
    assert list(tmp_path.iterdir()) == []


def test_every_error_is_reported_at_once():
    plan = FIXTURES / "errors" / "banyak-kesalahan.yaml"
    assert len(expected_lines(plan)) == 3


def test_missing_file_is_a_message(tmp_path):
    err = io.StringIO()
    assert main(["check", str(tmp_path / "tidak-ada.yaml")], io.StringIO(), err) == 1
    assert err.getvalue().startswith(f"{tmp_path / 'tidak-ada.yaml'}:1:1: berkas tidak ada")


def test_text_that_is_not_utf8_is_a_message(tmp_path):
    plan = tmp_path / "latin1.yaml"
    plan.write_bytes("satker:\n  nama: Tebing Tinggi\xe9\n".encode("latin-1"))
    with pytest.raises(PlanError) as info:
        load_plan(plan, shown_as="latin1.yaml")
    assert [str(d) for d in info.value.diagnostics] == [
        "latin1.yaml:2:1: berkas bukan teks UTF-8; simpan ulang sebagai UTF-8"
    ]


def test_valid_minimal_plan_checks_without_errors():
    err = io.StringIO()
    assert main(["check", str(FIXTURES / "minimal.yaml")], io.StringIO(), err) == 0
    lines = err.getvalue().splitlines()
    # the minimal plan plans one komponen only: the other areas' komponen are reported missing
    assert all("peringatan [komponen-hilang]" in line for line in lines[:-1])
    assert lines[-1] == "0 kesalahan dan 6 peringatan ditemukan: komponen-hilang 6."
    assert main(["check", "--strict", str(FIXTURES / "minimal.yaml")], io.StringIO(),
                io.StringIO()) == 1


# --- YAML traps that would change the decree --------------------------------------------------

MINIMAL = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
DIKTUM_DITULIS = """  diktum:
    - Menetapkan Rencana Aksi sebagaimana tercantum dalam Lampiran I dan Lampiran II.
    - Keputusan ini mulai berlaku pada tanggal ditetapkan.
"""
DIPA = ("Segala biaya yang timbul sebagai akibat ditetapkannya Keputusan ini dibebankan pada "
        "Anggaran Pendapatan dan Belanja Negara")


def plan_text(*changes: tuple[str, str]) -> str:
    """The minimal plan with some lines changed, each change checked to apply."""
    text = MINIMAL
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def decree(tmp_path: Path, text: str) -> str:
    """The decree's text as printed, for a plan that must be valid."""
    plan = tmp_path / "rencana.yaml"
    plan.write_text(text, encoding="utf-8")
    return render_text(build_document(check_file(plan).plan, "salinan"))


def messages(tmp_path: Path, text: str) -> list[str]:
    """Every message zi check would print for a plan that must be refused."""
    plan = tmp_path / "rencana.yaml"
    plan.write_text(text, encoding="utf-8")
    with pytest.raises(PlanError) as info:
        load_plan(plan, shown_as="rencana.yaml")
    return [str(d) for d in info.value.diagnostics]


@pytest.mark.parametrize("word", ["ya", "Ya", "YA", "true", "yes", "on", "'ya'", '"True"', "iya",
                                  "Benar"])
def test_anggaran_ya_is_the_dipa_diktum_not_the_text_ya(tmp_path, word):
    text = decree(tmp_path, plan_text((DIKTUM_DITULIS, f"  anggaran: {word}\n")))
    assert DIPA in squash(text)
    assert "dibebankan pada ya" not in text.lower()


@pytest.mark.parametrize("word", ["tidak", "Tidak", "false", "no", "off", "'TIDAK'", "salah"])
def test_anggaran_tidak_leaves_the_diktum_out(tmp_path, word):
    text = decree(tmp_path, plan_text((DIKTUM_DITULIS, f"  anggaran: {word}\n")))
    assert "Segala biaya" not in text
    assert "dibebankan pada" not in text


def test_anggaran_as_text_names_the_source_of_funds(tmp_path):
    text = decree(tmp_path, plan_text((DIKTUM_DITULIS, "  anggaran: APBD Kota Contoh\n")))
    assert "dibebankan pada APBD Kota Contoh." in squash(text)


@pytest.mark.parametrize(("word", "closing"), [("tidak", False), ("ya", True), ("Tidak", False)])
def test_penutup_menimbang_reads_ya_and_tidak(tmp_path, word, closing):
    one = "    - bahwa untuk membangun Zona Integritas perlu menetapkan rencana aksi;\n"
    text = plan_text(("  menimbang:\n", f"  penutup_menimbang: {word}\n  menimbang:\n"),
                     (MINIMAL[MINIMAL.index(one):MINIMAL.index("  mengingat:")], one))
    assert ("bahwa berdasarkan pertimbangan" in decree(tmp_path, text)) is closing


@pytest.mark.parametrize(("word", "value"), [("ya", True), ("TIDAK", False), (True, True),
                                             ("false", False)])
def test_matriks_of_a_bab_is_yes_or_no(word, value):
    assert Bab.model_validate({"judul": "Pendahuluan", "matriks": word}).matriks is value


@pytest.mark.parametrize("word", ["yes", "No", "on", "OFF", "true", "False"])
def test_a_yaml_boolean_where_text_is_expected_is_refused_as_written(tmp_path, word):
    found = messages(tmp_path, plan_text(("aksi: Membentuk Tim Kerja dan mengumumkannya di "
                                          "*website*", f"aksi: {word}")))
    assert found == [
        f"rencana.yaml:37:25: 'rencana_aksi.area[1].komponen[1].indikator[1].langkah[1].aksi' "
        f"harus berupa teks; {word} tanpa tanda kutip dibaca YAML sebagai nilai ya/tidak; bila "
        f"memang teks, apit dengan tanda kutip: \"{word}\""]


def test_nomor_400_is_printed_as_written(tmp_path):
    text = decree(tmp_path, plan_text(("  tahun: 2026\n", "  nomor: 400\n  tahun: 2026\n")))
    assert "NOMOR 400 TAHUN 2026" in text


@pytest.mark.parametrize("value", [".nan", ".inf", "-.inf", "-5", "1.10", "4.5e+2"])
def test_a_number_that_would_not_print_as_written_is_refused_in_text(tmp_path, value):
    found = messages(tmp_path, plan_text(("  tahun: 2026\n", f"  nomor: {value}\n  tahun: 2026\n")))
    assert found == [f"rencana.yaml:8:10: 'keputusan.nomor' harus berupa teks atau bilangan bulat "
                     f"0 ke atas, bukan angka {value}; bila memang teks, apit dengan tanda kutip: "
                     f"\"{value}\""]


def test_quoted_text_with_a_word_space_is_shown_with_a_plain_space(tmp_path):
    found = messages(tmp_path, plan_text(("tingkat: kota", 'tingkat: "kota\u00a0madya"')))
    assert found == ["rencana.yaml:3:12: 'satker.tingkat' harus salah satu dari: provinsi, "
                     "kabupaten, kota; tertulis teks 'kota madya'"]


def test_a_comment_after_a_value_cuts_it_and_is_reported_at_the_hash(tmp_path):
    plan = tmp_path / "rencana.yaml"
    plan.write_text(plan_text(("aksi: Membentuk Tim Kerja dan mengumumkannya di *website*",
                               "aksi: Rapat Tim ZI #1 dan seterusnya")), encoding="utf-8")
    checked = check_file(plan, shown_as="rencana.yaml")
    assert [str(w) for w in checked.warnings if w.kode == "komentar-memotong"] == [
        "rencana.yaml:37:38: peringatan [komentar-memotong]: ' #' memulai komentar YAML, jadi "
        "teks sesudahnya terpotong dan yang tercetak hanya 'Rapat Tim ZI'; apit seluruh teks "
        "dengan tanda kutip"]
    langkah = checked.plan.rencana_aksi.area[0].komponen[0].indikator[0].langkah[0]
    assert langkah.aksi == "Rapat Tim ZI"  # what would be printed


def test_comments_in_the_file_zi_new_writes_are_not_cut_text(tmp_path):
    err = io.StringIO()
    assert main(["new", "--tingkat", "kota", "--nama", "Contoh", "--tempat", "Contoh",
                 "--tahun", "2026", "--ketua", "Nama Ketua", "--sekretaris", "Nama Sekretaris",
                 "-o", str(tmp_path / "baru.yaml")], io.StringIO(), err, io.StringIO()) == 0, \
        err.getvalue()
    assert " # " in (tmp_path / "baru.yaml").read_text(encoding="utf-8")
    source = read_file(tmp_path / "baru.yaml")
    assert source.warnings == []


# Words pydantic or Python would show if an error escaped translation.
ENGLISH = re.compile(
    r"Input should|constrained|should be|Field required|Extra inputs|function-|\[key\]|union|"
    r"\b(?:Capaian|Langkah|Komponen|Indikator|Orang|Keputusan|Satker|Rencana|Anggota|SubTim|"
    r"Tampilan|Mandiri|BarisMatriks|AreaMatriks|RencanaKerja|Bab|tuple|int|str|bool|float|dict|"
    r"list|valid|input|[Ee]rror|True|False|None)\b")
BAD_VALUES = [True, False, None, float("nan"), float("-inf"), -5, 4.5, 10**30, "", "   ", [],
              {}, {"x": 1}, ["a"], [None], "seratus", "2026-13-45"]


def _paths(data: Any, path: tuple = ()) -> Iterator[tuple]:
    yield path
    children = data.items() if isinstance(data, dict) else enumerate(data) \
        if isinstance(data, list) else ()
    for key, value in children:
        yield from _paths(value, (*path, key))


def _replaced(data: Any, path: tuple, value: Any) -> Any:
    data = copy.deepcopy(data)
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    parent[path[-1]] = value
    return data


@pytest.mark.parametrize("plan", EXAMPLE_PLANS, ids=lambda p: p.stem)
def test_no_english_or_class_name_reaches_the_user(plan: Path):
    source = read_file(plan)
    shapes = set()
    for path in _paths(source.data):
        shape = tuple("#" if isinstance(p, int) else p for p in path)
        if not path or shape in shapes:
            continue
        shapes.add(shape)
        for value in BAD_VALUES:
            bad = Source(source.file, _replaced(source.data, path, value), source.values,
                         source.keys)
            try:
                validate_source(bad)
            except PlanError as exc:
                for diagnostic in exc.diagnostics:
                    assert not ENGLISH.search(diagnostic.message), (path, value, diagnostic)
                    assert "'" in diagnostic.message, (path, value, diagnostic)


# --- YAML that PyYAML reads but the user cannot see, or cannot read at all -------------------


def test_word_spaces_at_the_edges_of_unquoted_values_mean_nothing():
    plan = FIXTURES / "spasi-word-tepi.yaml"
    text = plan.read_text(encoding="utf-8")
    assert "kota\u00a0\n" in text and "ketua\u00a0\n" in text and "2026\u00a0\n" in text
    checked = check_file(plan, shown_as=plan.name)
    assert (checked.plan.satker.tingkat, checked.plan.satker.nama) == ("kota", "Contoh")
    assert checked.plan.keputusan.tahun == 2026
    assert checked.plan.keputusan.penandatangan == "ketua"
    assert main(["check", str(plan)], io.StringIO(), io.StringIO()) == 0


def test_edge_spaces_are_typed_again_and_keep_their_position():
    source = read_source("r.yaml", "a: 2026\u00a0\nb:  true\u3000\nc: '2026\u00a0'\n"
                                   "d: \u202f2026-01-05\ne: \u00a0\n")
    assert source.errors == []
    assert source.data == {"a": 2026, "b": True, "c": "2026\u00a0", "d": "2026-01-05", "e": None}
    assert source.values[("a",)] == Position(1, 4)
    assert source.values[("b",)] == Position(2, 5)


def test_a_quoted_value_over_two_lines_is_not_blamed_for_a_later_mistake(tmp_path):
    text = plan_text(("  tentang: Rencana Aksi Pembangunan Zona Integritas di Lingkungan KPU Kota "
                      "Contoh Tahun 2026\n",
                      '  tentang: "Rencana Aksi Pembangunan Zona Integritas di Lingkungan\n'
                      '    KPU Kota Contoh Tahun 2026"\n'))
    assert "DI LINGKUNGAN KPU KOTA CONTOH TAHUN 2026" in squash(decree(tmp_path, text))
    assert messages(tmp_path, text.replace("bukti_fisik: SK Tim Kerja",
                                           "bukti_fisik: 'SK Jum'at'")) == [
        "rencana.yaml:39:40: YAML tidak valid: teks sesudah tanda kutip penutup: apit SELURUH "
        "teks dengan tanda kutip; bila teksnya memuat kutip tunggal (Jum'at), apit dengan kutip "
        "ganda \"Jum'at\""]


# One snippet per problem PyYAML's reader, scanner, parser and composer can raise.
BROKEN = [
    ("a: `b`\n", "found character '`' that cannot start any token"),
    ("a:\n\tb: 1\n", "found character '\\t' that cannot start any token"),
    ("a:\n  b\n  c: d\n", "mapping values are not allowed here"),
    ("a: b\nc\n", "could not find expected ':'"),
    ("a: -\n", "sequence entries are not allowed here"),
    ("a: - b\n", "sequence entries are not allowed here"),
    ("a: ? b\n", "mapping keys are not allowed here"),
    ("%YAML 1\n---\na\n", "expected a digit or '.', but found"),
    ("%YAML x\n--- a\n", "expected a digit, but found"),
    ("%YAML 1.1x\n--- a\n", "expected a digit or ' ', but found"),
    ("%TAG !x !y\n--- a\n", "expected '!', but found"),
    ("%YAML 1.1 x\n--- a\n", "expected a comment or a line break, but found"),
    ("%YAML 1.1\n%YAML 1.1\n--- a\n", "found duplicate YAML directive"),
    ("%YAML 2.0\n--- a\n", "found incompatible YAML document"),
    ("%TAG ! a\n%TAG ! b\n--- a\n", "duplicate tag handle"),
    ("%A\u00e9\n--- a\n", "expected alphabetic or numeric character, but found"),
    ("a: & b\n", "expected alphabetic or numeric character, but found"),
    ("a: * b\n", "expected alphabetic or numeric character, but found"),
    ("a: !<x\n", "expected '>', but found"),
    ("a: !a!b!c\n", "found undefined tag handle"),
    ("a: !<>\n", "expected URI, but found"),
    ("a: !x%zz\n", "expected URI escape sequence of 2 hexadecimal numbers"),
    ("a: !x%ff b\n", "'utf-8' codec can't decode"),
    ("a: !a{b\n", "expected ' ', but found"),
    ("a: >0\n  b\n", "expected indentation indicator in the range 1-9"),
    ("a: >x\n", "expected chomping or indentation indicators"),
    ("a: >- Rapat\n", "expected a comment or a line break, but found"),
    ("a: | Tana\n", "expected a comment or a line break, but found"),
    ('a: "\\xZZ"\n', "expected escape sequence of 2 hexadecimal numbers"),
    ('a: "\\q"\n', "found unknown escape character"),
    ('a: "b\n', "found unexpected end of stream"),
    ('a: "b\n---\nc"\n', "found unexpected document separator"),
    ("a\n...\nb\n", "expected '<document start>', but found"),
    ("a: ]\n", "expected the node content, but found ']'"),
    ("a: ,\n", "expected the node content, but found ','"),
    ("a: [b,\n", "expected the node content, but found '<stream end>'"),
    ("a:\n  b: 1\n c: 2\n", "expected <block end>, but found"),
    ("a:\n  - b\n - c\n", "expected <block end>, but found"),
    ("a: [b c: d: e]\n", "expected ',' or ']', but got ':'"),
    ("a: {b: c: d}\n", "expected ',' or '}', but got ':'"),
    ("a: [b, c\nd: e\n", "expected ',' or ']', but got"),
    ("a: {b: c\nd: e\n", "expected ',' or '}', but got"),
    ("a\n---\nb\n", "but found another document"),
    ("a: *b\n", "found undefined alias"),
    ("a: &x 1\nb: &x 2\n", "second occurrence"),
    ("a: \x01\n", "unacceptable character #x0001: special characters are not"),
]
PYYAML_WORDS = re.compile(r"\b(?:expected|found|allowed|while|scanning|mapping|sequence|block|"
                          r"flow|character|stream|document|token|but|got|not|could)\b")


@pytest.mark.parametrize(("text", "problem"), BROKEN, ids=[b[1][:30] for b in BROKEN])
def test_no_english_from_pyyaml_reaches_the_user(text: str, problem: str):
    with pytest.raises(yaml.YAMLError) as info:
        yaml.compose(text, Loader=yaml.SafeLoader)
    raised = getattr(info.value, "problem", None) or str(info.value)
    assert raised.startswith(problem)
    source = read_source("r.yaml", text)
    assert [d.message.startswith("YAML tidak valid: ") for d in source.errors] == [True]
    assert not PYYAML_WORDS.search(source.errors[0].message), source.errors[0].message
    assert "YAML tidak dapat dibaca di sini" not in source.errors[0].message  # none unnamed


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="only libyaml refuses it")
def test_a_glued_colon_between_braces_that_only_libyaml_refuses_is_named():
    text = "tim:\n  ketua: {orang:, sekretaris}\n"
    assert yaml.compose(text, Loader=yaml.SafeLoader) is not None  # the pure parser reads it
    assert [str(d) for d in read_source("r.yaml", text).errors] == [
        "r.yaml:2:16: YAML tidak valid: titik dua (:) tanpa spasi sesudahnya di antara kurung "
        "{...} atau [...]; tulis 'kunci: nilai' dengan spasi sesudah titik dua, atau apit teks "
        "yang memuat titik dua dengan tanda kutip"]


@pytest.mark.parametrize("plan", CASES, ids=lambda p: p.stem)
def test_a_plan_saved_with_windows_line_ends_gets_the_same_messages(plan: Path, tmp_path):
    """Notepad and Word save CRLF: every message and position stays the same."""
    crlf = tmp_path / plan.name
    crlf.write_bytes(plan.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    with pytest.raises(PlanError) as info:
        load_plan(crlf, shown_as=plan.name)
    assert [str(d) for d in info.value.diagnostics] == expected_lines(plan)
