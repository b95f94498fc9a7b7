"""`zi impor` as an office uses it: last year's decree in, a plan beside it, checked at once;
in a real terminal, with a table from Excel, after LibreOffice saved the file, and refusing
what it cannot read without a traceback or a half-written plan."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.importer import import_file
from generator.output.build import render_plan
from tests.conftest import FIXTURES, PLANS, convert_with_libreoffice
from tests.terminal import run_zi

IMPOR = FIXTURES / "impor"


def _zi(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["impor", *args], out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def decree(tmp_path_factory) -> Path:
    """Last year's decree as an office keeps it: zi's salinan of Kutai Timur."""
    folder = tmp_path_factory.mktemp("sk")
    (output,) = render_plan(PLANS / "kutai-timur-2025.yaml", folder, formats=["docx"],
                            versions=["salinan"])
    path = folder / "SK ZI 2025.docx"
    path.write_bytes(output.data)
    return path


def test_the_plan_is_written_beside_the_decree_and_checked(decree, tmp_path):
    source = tmp_path / decree.name
    shutil.copy(decree, source)
    code, out, err = _zi(str(source))
    target = tmp_path / "SK ZI 2025.yaml"
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == f"ditulis: {target} (16 orang, 58 langkah; 0 tebakan ditandai komentar)"
    assert lines[1] == f"Diperiksa seperti `zi check {target}`:"
    assert lines[-1] == (f"Lanjutkan: baca komentar 'tebakan' di {target}, betulkan, lalu "
                         f"`zi build {target}`.")
    # the warnings of zi check come at once: here the komponen the table leaves out
    assert "peringatan [komponen-hilang]" in err
    assert yaml.safe_load(target.read_text(encoding="utf-8"))["keputusan"]["nomor"] == 400
    assert (tmp_path / "rencana.schema.json").is_file()  # for VS Code, as zi check does


def test_an_existing_plan_is_never_overwritten_without_timpa(decree, tmp_path):
    target = tmp_path / "rencana.yaml"
    target.write_text("# rencana saya\n", encoding="utf-8")
    code, out, err = _zi(str(decree), "-o", str(target))
    assert (code, out) == (1, "")
    assert err == f"zi impor: {target} sudah ada; pakai --timpa untuk menimpanya\n"
    assert target.read_text(encoding="utf-8") == "# rencana saya\n"
    code, _, _ = _zi(str(decree), "-o", str(target), "--timpa")
    assert code == 0
    assert target.read_text(encoding="utf-8").startswith("# yaml-language-server")


@pytest.mark.parametrize(("name", "reason"), [
    ("bukan-zip.docx", "tidak dapat dibaca sebagai DOCX: bukan berkas DOCX (bukan arsip zip)"),
    ("word-lama.doc", "tidak dapat dibaca sebagai DOCX: berkas Word lama (.doc); simpan dulu "
                      "sebagai .docx dari Word atau LibreOffice"),
    ("bukan-keputusan-surat.docx", "tidak ada judul 'KEPUTUSAN KOMISI PEMILIHAN UMUM ...' di "
                                   "awal berkas; bukan keputusan KPU?"),
])
def test_a_file_it_cannot_read_gets_one_line_and_no_plan(name, reason, tmp_path):
    source = tmp_path / name
    shutil.copy(IMPOR / name, source)
    code, out, err = _zi(str(source))
    assert (code, out, err) == (1, "", f"zi impor: {source}: {reason}\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_a_missing_file_and_a_folder(tmp_path):
    code, _, err = _zi(str(tmp_path / "tidak-ada.docx"))
    assert (code, err) == (1, f"zi impor: {tmp_path / 'tidak-ada.docx'}: berkas tidak ada\n")
    folder = tmp_path / "sk.docx"
    folder.mkdir()
    code, _, err = _zi(str(folder), "-o", str(tmp_path / "r.yaml"))
    assert (code, err) == (1, f"zi impor: {folder}: berkas adalah folder, bukan berkas\n")


def test_a_workbook_alone_gives_the_table_part(tmp_path):
    target = tmp_path / "tabel.yaml"
    code, out, err = _zi(str(IMPOR / "kutai-timur-gabung.xlsx"), "-o", str(target))
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"ditulis: {target} (58 langkah; 0 tebakan ditandai komentar)",
        f"Lanjutkan: salin bagian 'rencana_aksi' dari {target} ke rencana Anda, lalu "
        "`zi check`."]
    assert list(yaml.safe_load(target.read_text(encoding="utf-8"))) == ["rencana_aksi"]


def test_a_decree_with_its_table_from_excel(decree, tmp_path):
    target = tmp_path / "rencana.yaml"
    code, out, err = _zi(str(decree), str(IMPOR / "merangin-tanpa-judul.xlsx"), "-o",
                         str(target))
    assert code == 0, err
    plan = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert plan["keputusan"]["nomor"] == 400  # the decree of Kutai Timur
    table = import_file(IMPOR / "merangin-tanpa-judul.xlsx").plan["rencana_aksi"]
    assert plan["rencana_aksi"] == table  # the table of the workbook
    assert out.startswith(f"ditulis: {target} (16 orang, ")


def test_two_decrees_or_three_files_are_refused(decree, tmp_path):
    code, _, err = _zi(str(decree), str(decree), "-o", str(tmp_path / "r.yaml"))
    assert (code, err) == (1, "zi impor: dua berkas harus satu keputusan (.docx) dan satu tabel "
                              "rencana aksi (.xlsx)\n")
    code, _, err = _zi(str(decree), str(decree), str(decree), "-o", str(tmp_path / "r.yaml"))
    assert (code, err) == (1, "zi impor: paling banyak dua berkas: keputusan (.docx) dan tabel "
                              "rencana aksinya (.xlsx)\n")
    assert not (tmp_path / "r.yaml").exists()


def test_in_a_real_terminal(decree, tmp_path):
    shutil.copy(decree, tmp_path / "sk.docx")
    terminal = run_zi(["impor", "sk.docx"], tmp_path)
    assert terminal.code == 0
    assert "ditulis: sk.yaml (16 orang, 58 langkah; 0 tebakan ditandai komentar)" in terminal.text
    assert "Traceback" not in terminal.text
    assert (tmp_path / "sk.yaml").is_file()


@pytest.mark.parametrize("plan", ["kutai-timur-2025", "tambrauw-2023"])
def test_a_decree_saved_again_by_libreoffice_imports_the_same(plan, tmp_path):
    (output,) = render_plan(PLANS / f"{plan}.yaml", tmp_path, formats=["docx"],
                            versions=["salinan"])
    original = tmp_path / "sk.docx"
    original.write_bytes(output.data)
    resaved = convert_with_libreoffice(original, tmp_path / "lo", to="docx")
    assert resaved.read_bytes() != original.read_bytes()
    assert import_file(resaved).plan == import_file(original).plan
