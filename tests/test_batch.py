"""Many plans in one command: folders, parallel workers, skipping what has not changed."""

from __future__ import annotations

import io
import json
import multiprocessing
import os
import shutil
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from generator.cli import main
from generator.output import batch
from generator.output.batch import (
    STAMP,
    Share,
    build_many,
    collect,
    finish,
    render_part,
    share,
    up_to_date,
)
from generator.output.build import Target
from tests.conftest import FIXTURES, ROOT

FORMATS, VERSIONS = ("docx",), ("asli",)


def province(tmp_path, count: int = 3):
    folder = tmp_path / "rencana"
    folder.mkdir()
    for i in range(count):
        text = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
        (folder / f"kota-{i}.yaml").write_text(text.replace("nama: Contoh", f"nama: Contoh {i}"),
                                              encoding="utf-8")
    return folder


def test_a_folder_builds_in_parallel_and_one_bad_plan_stops_nothing(tmp_path):
    folder = province(tmp_path)
    shutil.copy(FIXTURES / "errors" / "tipe-angka.yaml", folder / "rusak.yaml")
    out, err = io.StringIO(), io.StringIO()
    code = main(["build", str(folder), "-o", str(tmp_path / "out"), "-j", "2",
                 "--format", "docx", "--versi", "asli"], out, err)
    assert code == 1
    lines = out.getvalue().splitlines()
    assert len([line for line in lines if ": ditulis " in line]) == 3  # one line per plan
    assert lines[-2].startswith("Selesai: 3 dibangun, 0 dilewati, 1 gagal (")
    assert "rusak.yaml:8:10: 'keputusan.tahun' harus berupa bilangan bulat" in lines[-2]
    assert lines[-1].startswith(f"ditulis: {tmp_path / 'out' / 'ringkasan.html'} ")
    assert "rusak.yaml: tidak dibangun." in err.getvalue()
    for i in range(3):
        assert (tmp_path / "out" / f"kota-{i}" / "keputusan-asli.docx").stat().st_size > 0
    assert not (tmp_path / "out" / "rusak").exists()


def test_unchanged_plans_are_skipped_and_force_rebuilds(tmp_path):
    folder = province(tmp_path, 2)
    out_dir = tmp_path / "out"
    plans = collect([str(folder)])
    first = build_many(plans, out_dir, FORMATS, VERSIONS, jobs=1)
    assert [r.status for r in first] == ["dibangun", "dibangun"]
    assert all(up_to_date(p, out_dir, FORMATS, VERSIONS) for p in plans)
    second = build_many(plans, out_dir, FORMATS, VERSIONS, jobs=1)
    assert [r.status for r in second] == ["dilewati", "dilewati"]
    # an edited plan, a missing output, or other options build again
    plans[0].write_text(plans[0].read_text(encoding="utf-8") + "\n# diubah\n",
                        encoding="utf-8")
    (out_dir / plans[1].stem / "keputusan-asli.docx").unlink()
    third = build_many(plans, out_dir, FORMATS, VERSIONS, jobs=1)
    assert [r.status for r in third] == ["dibangun", "dibangun"]
    assert not up_to_date(plans[0], out_dir, ("pdf",), VERSIONS)
    forced = build_many(plans, out_dir, FORMATS, VERSIONS, jobs=1, force=True)
    assert [r.status for r in forced] == ["dibangun", "dibangun"]
    assert (out_dir / plans[0].stem / STAMP).is_file()


def test_a_changed_template_rebuilds(tmp_path, monkeypatch):
    folder = province(tmp_path, 1)
    plans = collect([str(folder)])
    out_dir = tmp_path / "out"
    build_many(plans, out_dir, FORMATS, VERSIONS, jobs=1)
    from generator.output import batch

    monkeypatch.setattr(batch, "_shared_inputs", lambda user=None: "templat lain")
    assert not up_to_date(plans[0], out_dir, FORMATS, VERSIONS)


def test_an_empty_folder_is_a_message(tmp_path):
    err = io.StringIO()
    assert main(["build", str(tmp_path)], io.StringIO(), err) == 1
    assert "tidak ada berkas rencana" in err.getvalue()


def test_shares_put_the_pdfs_in_different_workers():
    every = [Target("asli", "docx"), Target("asli", "pdf"), Target("salinan", "docx"),
             Target("salinan", "pdf")]
    assert share(every, 2) == [[Target("asli", "pdf"), Target("asli", "docx")],
                               [Target("salinan", "pdf"), Target("salinan", "docx")]]
    assert share(every, 1) == [[every[1], every[3], every[0], every[2]]]
    assert share([Target(None, "pdf")], 2) == [[Target(None, "pdf")], []]


def test_one_plan_shared_by_two_workers_gives_the_same_files(tmp_path):
    plan = province(tmp_path, 1) / "kota-0.yaml"
    serial = build_many([plan], tmp_path / "satu", ("docx", "pdf"), ("asli", "salinan"), jobs=1)
    shared = build_many([plan], tmp_path / "dua", ("docx", "pdf"), ("asli", "salinan"), jobs=2)
    assert [r.status for r in serial + shared] == ["dibangun", "dibangun"]
    names = ["keputusan-asli.docx", "keputusan-asli.pdf", "keputusan-salinan.docx",
             "keputusan-salinan.pdf", "keputusan-salinan.jdih.json"]
    assert [Path(p).name for p in shared[0].files] == names  # the usual order, not finish order
    for name in names:
        assert (tmp_path / "dua" / "kota-0" / name).read_bytes() == \
            (tmp_path / "satu" / "kota-0" / name).read_bytes(), name
    assert json.loads((tmp_path / "dua" / "kota-0" / STAMP).read_text())["berkas"] == names


def test_a_share_that_fails_leaves_no_file_of_the_plan(tmp_path):
    plan = province(tmp_path, 1) / "kota-0.yaml"
    good = render_part(str(plan), str(tmp_path / "out"), ("docx", "pdf"), ("asli",), None, (0, 2))
    bad = Share([], ["templat keputusan.html baris 3: kesalahan templat: x"], True, 50.0)
    result = finish(str(plan), str(tmp_path / "out"), ("docx", "pdf"), ("asli",), None,
                    [good, bad])
    assert good.outputs and not good.failed
    assert (result.status, result.messages) == ("gagal", bad.messages)
    assert not (tmp_path / "out").exists()


def dying_worker(*args):
    """A worker killed mid-render (out of memory, say)."""
    os._exit(1)


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork",
                    reason="workers must inherit the patched function")
def test_a_worker_that_dies_fails_its_plan_not_the_run(tmp_path, monkeypatch):
    monkeypatch.setattr(batch, "render_part", dying_worker)  # the forked workers inherit it
    plans = collect([str(province(tmp_path, 2))])
    results = build_many(plans, tmp_path / "out", FORMATS, VERSIONS, jobs=2)
    assert [r.status for r in results] == ["gagal", "gagal"]
    assert [r.messages for r in results] == [["pekerja berhenti sebelum selesai (prosesnya keluar "
                                           "dengan kode 1); rencana lain tetap dibangun"]] * 2
    assert not (tmp_path / "out").exists()


class BrokenAfterFirst:
    """A pool whose worker died while the first share ran: later submits fail at once."""

    def __init__(self):
        self.submitted = 0

    def submit(self, *args):
        self.submitted += 1
        if self.submitted > 1:
            raise BrokenProcessPool("A child process terminated abruptly")
        future = Future()
        future.set_exception(BrokenProcessPool("A child process terminated abruptly"))
        return future


def test_a_pool_that_breaks_while_work_is_handed_out_builds_every_plan_again(tmp_path):
    plans = collect([str(province(tmp_path, 3))])
    seen = []
    results = build_many(plans, tmp_path / "out", FORMATS, VERSIONS, jobs=2,
                         done=seen.append, pool=BrokenAfterFirst())
    assert [r.status for r in results] == ["dibangun"] * 3  # each again in a fresh worker
    assert seen == results
    for i in range(3):
        assert up_to_date(plans[i], tmp_path / "out", FORMATS, VERSIONS)


def test_check_of_a_folder_checks_every_plan_in_it(tmp_path):
    folder = tmp_path / "rencana"
    folder.mkdir()
    for name in ("kota-0.yaml", "kota-1.yaml"):  # plans with no warning
        shutil.copy(ROOT / "plans" / "tambrauw-2023.yaml", folder / name)
    text = (ROOT / "plans" / "tambrauw-2023.yaml").read_text(encoding="utf-8")
    (folder / "rusak.yaml").write_text(text.replace("\nsatker:", "\nsatkerr:"), encoding="utf-8")
    (folder / "catatan.txt").write_text("bukan rencana", encoding="utf-8")
    line = text.splitlines().index("satker:") + 1
    out, err = io.StringIO(), io.StringIO()
    assert main(["check", str(folder)], out, err) == 1
    assert out.getvalue().splitlines() == [
        f"ditulis: {folder}/rencana.schema.json (JSON Schema untuk VS Code)",  # copied alone
        f"{folder}/kota-0.yaml: baik, tidak ada kesalahan.",
        f"{folder}/kota-1.yaml: baik, tidak ada kesalahan.",
        "Diperiksa 3 rencana: 2 baik, 0 dengan peringatan, 1 dengan kesalahan."]
    assert err.getvalue().splitlines() == [
        f"{folder}/rusak.yaml:{line}:1: kunci 'satkerr' tidak dikenal; maksud Anda 'satker'?",
        f"{folder}/rusak.yaml: 1 kesalahan ditemukan."]


def test_check_of_a_folder_without_plans_says_so(tmp_path):
    out, err = io.StringIO(), io.StringIO()
    assert main(["check", str(tmp_path)], out, err) == 1
    assert err.getvalue() == f"zi check: tidak ada berkas rencana (.yaml) di {tmp_path}\n"


def test_the_summary_names_a_failed_plan_once(tmp_path):
    folder = tmp_path / "rencana"
    folder.mkdir()
    (folder / "rusak.yaml").write_text("satker: 1\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert main(["build", str(folder), "-o", str(tmp_path / "out")], out, err) == 1
    summary = out.getvalue().splitlines()[-1]
    assert summary.startswith(
        f"Selesai: 0 dibangun, 0 dilewati, 1 gagal ({folder}/rusak.yaml:1:1: 'orang' wajib diisi "
        "tetapi belum ada).")
    assert summary.count("rusak.yaml") == 1


def test_a_folder_s_hidden_files_are_not_plans(tmp_path):
    """A Mac's '._x.yaml' beside each plan on a flash drive is Finder data, not a second plan."""
    folder = tmp_path / "provinsi"
    folder.mkdir()
    (folder / "kutai-timur.yaml").write_text("satker: {}\n", encoding="utf-8")
    (folder / "._kutai-timur.yaml").write_bytes(b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X")
    (folder / ".draf.yml").write_text("satker: {}\n", encoding="utf-8")
    assert collect([str(folder)]) == [folder / "kutai-timur.yaml"]
    assert collect([str(folder / ".draf.yml")]) == [folder / ".draf.yml"]  # named: it is read


def test_a_folder_s_monev_realisation_files_are_not_plans(tmp_path):
    """'x.monev.yaml' beside a plan records its quarters: built as a plan, it would fail."""
    folder = tmp_path / "provinsi"
    folder.mkdir()
    (folder / "kutai-timur-2025.yaml").write_text("satker: {}\n", encoding="utf-8")
    (folder / "kutai-timur-2025.monev.yaml").write_text("tahun: 2025\n", encoding="utf-8")
    assert collect([str(folder)]) == [folder / "kutai-timur-2025.yaml"]
