"""The zi command as a user runs it: build, check, schema, the module alias, and the package."""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import zipfile

import pytest

from generator.cli import main
from generator.output.batch import STAMP
from tests.conftest import EXAMPLE, EXAMPLE_PLANS, FIXTURES, PLANS, ROOT


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def test_build_writes_the_four_files_and_the_jdih_record_and_says_so(tmp_path):
    code, out, err = run("build", str(FIXTURES / "minimal.yaml"), "-o", str(tmp_path))
    assert code == 0, err
    names = sorted(p.name for p in (tmp_path / "minimal").iterdir() if p.name != STAMP)
    assert names == ["keputusan-asli.docx", "keputusan-asli.pdf", "keputusan-salinan.docx",
                     "keputusan-salinan.jdih.json", "keputusan-salinan.pdf"]
    for name in names:
        assert str(tmp_path / "minimal" / name) in out
    assert not list((tmp_path / "minimal").glob("*.tmp"))  # no temporary file left behind
    assert "Selesai: 1 dibangun, 0 dilewati, 0 gagal." in out


def test_build_can_restrict_format_and_version(tmp_path):
    code, _, _ = run("build", str(FIXTURES / "minimal.yaml"), "-o", str(tmp_path),
                     "--format", "pdf", "--versi", "salinan")
    assert code == 0
    assert sorted(p.name for p in (tmp_path / "minimal").iterdir() if p.name != STAMP) == [
        "keputusan-salinan.jdih.json", "keputusan-salinan.pdf"]


def test_one_bad_plan_does_not_stop_the_others(tmp_path):
    bad = FIXTURES / "errors" / "tipe-angka.yaml"
    code, out, err = run("build", str(bad), str(FIXTURES / "minimal.yaml"), "-o", str(tmp_path),
                         "--format", "docx")
    assert code == 1
    assert "tipe-angka.yaml: tidak dibangun." in err
    assert (tmp_path / "minimal" / "keputusan-asli.docx").exists()
    assert not (tmp_path / "tipe-angka").exists()


ENGLISH = ("usage", "positional arguments", "options", "optional arguments",
           "show this help message", "show program's version", "default", "error", "required",
           "invalid", "expected", "argument", "choose from", "unrecognized")
"""argparse's own English words, none of which may reach a user."""


def commands() -> list[str]:
    """The commands `zi --help` lists, so a command added later is checked too."""
    _, out, _ = run("--help")
    listed = out.split("\nperintah:\n", 1)[1].split("\n\n", 1)[0]
    return [line.split()[0] for line in listed.splitlines()
            if line.startswith("    ") and not line.startswith("     ")]  # not wrapped help


def test_every_command_is_listed_in_the_help():
    assert commands() == ["check", "build", "ringkasan", "schema", "katalog", "rollover", "monev",
                          "impor", "new", "templat"]


@pytest.mark.parametrize("command", ["", *commands()], ids=lambda c: c or "zi")
def test_help_is_wholly_indonesian_with_examples(command):
    code, out, err = run(*[command] if command else [], "--help")
    assert (code, err) == (0, "")
    assert out.startswith(f"penggunaan: zi {command + ' ' if command else ''}[-h]")
    assert [word for word in ENGLISH if word in out.lower()] == []
    examples = out.split("\nContoh:\n", 1)[1].splitlines()
    assert examples[0].startswith(f"  zi {command}".rstrip())


def test_help_stays_indonesian_whatever_argparse_is_given_and_is_handed_back(monkeypatch):
    """As if the system had argparse's messages in German: zi still shows its own words, and
    argparse gets its translator back afterwards (the tests share one process)."""

    def german(message: str) -> str:
        return "AUF DEUTSCH " + message

    monkeypatch.setattr(argparse, "_", german)
    code, out, _ = run("build", "--help")
    assert code == 0
    assert "AUF DEUTSCH" not in out and "\nopsi:\n" in out
    code, _, err = run("build")
    assert (code, err.splitlines()[0]) == (2, "zi build: galat: wajib diisi: RENCANA")
    assert argparse._ is german


def test_help_in_a_new_process_under_another_locale():
    env = {**os.environ, "LANG": "de_DE.UTF-8", "LANGUAGE": "de:fr", "LC_MESSAGES": "de_DE.UTF-8"}
    result = subprocess.run([sys.executable, "-m", "generator", "--help"], capture_output=True,
                            text=True, cwd=ROOT, env=env, timeout=120)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("penggunaan: zi [-h] [--version] PERINTAH ...\n")
    assert [word for word in ENGLISH if word in result.stdout.lower()] == []
    assert "\nContoh:\n  zi new " in result.stdout


COMMAND_LIST = "check, build, ringkasan, schema, katalog, rollover, monev, impor, new, templat"


@pytest.mark.parametrize(("argv", "message"), [
    (["bangun"], f"zi: galat: perintah 'bangun' tidak dikenal; perintah yang ada: {COMMAND_LIST}"),
    (["biuld", "x.yaml"], "zi: galat: perintah 'biuld' tidak dikenal (mungkin maksudnya "
     f"'build'); perintah yang ada: {COMMAND_LIST}"),
    (["build"], "zi build: galat: wajib diisi: RENCANA"),
    (["rollover", "x.yaml"], "zi rollover: galat: wajib diisi: --tahun"),
    (["build", "x.yaml", "-j", "dua"], "zi build: galat: -j/--jobs: 'dua' bukan bilangan bulat"),
    (["build", "x.yaml", "-o"], "zi build: galat: -o/--output: perlu satu nilai"),
    (["build", "x.yaml", "--format", "odt"],
     "zi build: galat: --format: 'odt' tidak dikenal; pilih salah satu: docx, pdf"),
    (["build", "x.yaml", "--versi", "salin"], "zi build: galat: --versi: 'salin' tidak dikenal "
     "(mungkin maksudnya 'salinan'); pilih salah satu: asli, salinan"),
    (["build", "x.yaml", "--paksa"], "zi build: galat: argumen tidak dikenal: --paksa"),
    (["--paksa"], "zi: galat: argumen tidak dikenal: --paksa"),
    (["rollover", "x.yaml", "--t", "2026"],
     "zi rollover: galat: opsi --t kurang lengkap, bisa berarti --tahun, --timpa"),
    (["check", "x.yaml", "--strict=ya"],
     "zi check: galat: --strict: tidak menerima nilai, tetapi diberi 'ya'"),
], ids=lambda value: " ".join(value) if isinstance(value, list) else "")
def test_usage_errors_are_indonesian_and_exit_2(argv, message):
    code, out, err = run(*argv)
    prog = message.split(": galat: ", 1)[0]
    assert (code, out, err) == (2, "", f"{message}\nBantuan: {prog} --help\n")


def test_no_command_prints_the_help_and_exits_2():
    code, out, _ = run()
    assert code == 2
    assert out == run("--help")[1]


def test_schema_is_json_schema_and_the_committed_copy_is_current():
    code, out, _ = run("schema")
    assert code == 0
    schema = json.loads(out)
    assert schema["$schema"].endswith("2020-12/schema")
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == {"satker", "orang"}
    committed = json.loads((PLANS / "rencana.schema.json").read_text(encoding="utf-8"))
    assert committed == schema, "run: zi schema > plans/rencana.schema.json"


def test_example_plans_point_to_the_schema():
    for plan in EXAMPLE_PLANS:
        assert plan.read_text(encoding="utf-8").startswith(
            "# yaml-language-server: $schema=rencana.schema.json"), plan


def test_example_plan_checks_clean():
    code, out, err = run("check", str(EXAMPLE))
    assert code == 0, err
    assert "baik, tidak ada kesalahan." in out


def test_python_dash_m_alias(tmp_path):
    result = subprocess.run([sys.executable, "-m", "generator", "check", str(EXAMPLE)],
                            capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "baik, tidak ada kesalahan." in result.stdout


def test_the_command_exits_with_mains_code_and_everything_printed(tmp_path):
    """The console entry ends without interpreter teardown; nothing printed may be lost."""
    bad = tmp_path / "rusak.yaml"
    bad.write_text((FIXTURES / "errors" / "tipe-angka.yaml").read_text(encoding="utf-8"),
                   encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "generator", "build", str(EXAMPLE), str(bad),
                             "-o", str(tmp_path / "out"), "--format", "docx"],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 1
    assert result.stdout.splitlines()[-1].startswith("Selesai: 1 dibangun, 0 dilewati, 1 gagal (")
    assert result.stderr.splitlines()[-1] == f"{bad}: tidak dibangun."
    assert (tmp_path / "out" / EXAMPLE.stem / "keputusan-salinan.docx").is_file()


def test_wheel_carries_templates_fonts_and_reference_data(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path),
                    str(ROOT)], check=True, capture_output=True, timeout=300)
    wheel = next(tmp_path.glob("zi-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in ("generator/writers/templates/keputusan.docx",
                     "generator/writers/templates/keputusan.html",
                     "generator/writers/templates/keputusan.css",
                     "generator/writers/templates/fonts/LiberationSans-Regular.ttf",
                     "generator/writers/templates/fonts/LiberationSans-LICENSE.txt",
                     "generator/writers/templates/fonts/texgyrebonum-regular.otf",
                     "generator/writers/templates/fonts/TeXGyreBonum-GUST-FONT-LICENSE.txt",
                     "generator/reference/data/peraturan.yaml",
                     "generator/reference/data/komponen.yaml",
                     "generator/reference/data/wilayah.tsv",
                     "generator/reference/data/istilah.yaml"):
        assert required in names, required


def test_readme_starts_with_the_two_setup_commands_and_its_example_is_valid(tmp_path):
    import re

    import yaml

    from generator.rules import load_plan

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = readme.split("```sh\n", 1)[1].split("```", 1)[0].strip().splitlines()
    assert len(first_block) == 2
    assert first_block[0].endswith("zi build plans/kutai-timur-2025.yaml")
    assert first_block[1].endswith("python -m pytest")
    assert first_block[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    example = re.search(r"### Contoh lengkap terkecil\n\n```yaml\n(.*?)```", readme, re.S)[1]
    plan = tmp_path / "contoh.yaml"
    plan.write_text(example, encoding="utf-8")
    load_plan(plan)
    fixture = yaml.safe_load((FIXTURES / "minimal.yaml").read_text(encoding="utf-8"))
    assert yaml.safe_load(example) == fixture


def test_katalog_lists_every_key_with_its_title():
    code, out, _ = run("katalog")
    assert code == 0
    lines = out.splitlines()
    assert any(line.startswith("uu-7-2017 ") and "tentang Pemilihan Umum" in line
               for line in lines)
    assert len(lines) >= 30


def test_a_failed_write_keeps_the_previous_file_and_leaves_no_temporary(tmp_path, monkeypatch):
    import os

    import pytest

    from generator.output.build import Output, write_atomically

    target = tmp_path / "keputusan-asli.docx"
    target.write_bytes(b"versi lama")
    left = tmp_path / ".keputusan-asli.docx.123.sisa.tmp"
    left.write_bytes(b"dari build yang dihentikan satu jam lalu")
    os.utime(left, (left.stat().st_atime - 3600, left.stat().st_mtime - 3600))

    def interrupted(*_):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomically(Output(target, b"versi baru"))
    assert target.read_bytes() == b"versi lama"
    assert [p.name for p in tmp_path.iterdir()] == ["keputusan-asli.docx"]
