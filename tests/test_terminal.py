"""`zi build` of several plans in a real terminal: progress bar, a line per plan, the summary."""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import FIXTURES, PLANS
from tests.terminal import run_zi


@pytest.fixture
def province(tmp_path):
    """A KPU Provinsi's folder: three kabupaten/kota plans and one that is broken."""
    folder = tmp_path / "rencana"
    folder.mkdir()
    text = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
    for i in range(3):
        (folder / f"kota-{i}.yaml").write_text(text.replace("nama: Contoh", f"nama: Contoh {i}"),
                                              encoding="utf-8")
    (folder / "rusak.yaml").write_text(text.replace("tahun: 2026", "tahun: duaribu"),
                                       encoding="utf-8")
    return folder


def test_a_folder_builds_with_a_progress_bar_then_skips_on_the_second_run(province, tmp_path):
    args = ["build", "rencana", "-o", "hasil", "-j", "2", "--format", "docx"]
    first = run_zi(args, cwd=tmp_path)
    assert "Traceback" not in first.text, first.text
    assert first.code == 1  # one plan is broken; the batch still builds the others
    assert "membangun" in first.text  # the progress bar was drawn
    for i in range(3):
        assert f"rencana/kota-{i}.yaml: ditulis hasil/kota-{i}/keputusan-asli.docx, " \
            f"hasil/kota-{i}/keputusan-salinan.docx" in first.text
    assert "rencana/rusak.yaml: tidak dibangun." in first.text
    assert "Selesai: 3 dibangun, 0 dilewati, 1 gagal (rencana/rusak.yaml:8:" in first.text
    assert sorted(p.name for p in (tmp_path / "hasil").iterdir()) == ["kota-0", "kota-1",
                                                                      "kota-2", "ringkasan.html"]
    assert "ditulis: hasil/ringkasan.html (ringkasan 4 rencana; buka di peramban)" in first.text

    (province / "rusak.yaml").unlink()
    second = run_zi(args, cwd=tmp_path)
    assert (second.code, "Traceback" in second.text) == (0, False), second.text
    assert "Selesai: 0 dibangun, 3 dilewati, 0 gagal." in second.text


def test_the_example_plans_build_in_a_terminal(tmp_path):
    shutil.copytree(PLANS, tmp_path / "plans")
    screen = run_zi(["build", "plans", "-o", "output"], cwd=tmp_path)
    assert (screen.code, "Traceback" in screen.text) == (0, False), screen.text
    assert "membangun" in screen.text
    assert "Selesai: 5 dibangun, 0 dilewati, 0 gagal." in screen.text
    for plan in ("kalimantan-barat-2025", "kutai-timur-2025", "merangin-2025",
                 "penajam-paser-utara-2026", "tambrauw-2023"):
        assert f"plans/{plan}.yaml: ditulis output/{plan}/keputusan-asli.docx" in screen.text
        assert sorted(p.name for p in (tmp_path / "output" / plan).glob("keputusan-*")) == [
            "keputusan-asli.docx", "keputusan-asli.pdf", "keputusan-salinan.docx",
            "keputusan-salinan.jdih.json", "keputusan-salinan.pdf"]
