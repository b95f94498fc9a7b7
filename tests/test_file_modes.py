"""Generated files can be read by whoever reads the user's other files, as `touch` makes them."""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import FIXTURES

pytestmark = pytest.mark.skipif(not hasattr(os, "umask"), reason="POSIX permissions")


@pytest.fixture(params=[0o022, 0o027, 0o077], ids=lambda m: f"umask-{m:03o}")
def umask(request):
    before = os.umask(request.param)
    yield request.param
    os.umask(before)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def build(plan: Path, out: Path, *extra: str) -> list[Path]:
    stdout, stderr = io.StringIO(), io.StringIO()
    assert main(["build", str(plan), "-o", str(out), "--format", "docx", *extra],
                stdout, stderr) == 0, stderr.getvalue()
    return sorted(p for p in (out / plan.stem).iterdir())


def test_outputs_get_the_mode_touch_gives(tmp_path, umask):
    touched = tmp_path / "disentuh"
    touched.touch()
    files = build(FIXTURES / "minimal.yaml", tmp_path / "out")
    assert [p.name for p in files] == [".zi-jejak.json", "keputusan-asli.docx",
                                       "keputusan-salinan.docx"]
    assert {p.name: mode(p) for p in files} == {p.name: mode(touched) for p in files}
    assert mode(touched) == 0o666 & ~umask


def test_a_rebuild_keeps_the_mode_of_the_file_it_replaces(tmp_path, umask):
    plan = FIXTURES / "minimal.yaml"
    asli = build(plan, tmp_path / "out")[1]
    asli.chmod(0o604)
    before = asli.read_bytes()
    os.utime(asli, (0, 0))
    build(plan, tmp_path / "out", "--force")
    assert asli.stat().st_mtime > 0  # it was written again
    assert asli.read_bytes() == before
    assert mode(asli) == 0o604


def test_zi_new_writes_a_plan_others_can_read(tmp_path, umask, monkeypatch):
    monkeypatch.chdir(tmp_path)
    stdout, stderr = io.StringIO(), io.StringIO()
    code = main(["new", "--tingkat", "kota", "--nama", "Contoh", "--tempat", "Contoh",
                 "--tahun", "2026", "--ketua", "A", "--sekretaris", "B", "-o", "rencana.yaml"],
                stdout, stderr, io.StringIO())
    assert code == 0, stderr.getvalue()
    touched = tmp_path / "disentuh"
    touched.touch()
    assert mode(tmp_path / "rencana.yaml") == mode(touched) == 0o666 & ~umask
    assert mode(tmp_path / "rencana.schema.json") == mode(touched)
