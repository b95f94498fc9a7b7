"""`zi build --pantau`: a saved plan is built again, a half-written one is waited for."""

from __future__ import annotations

import hashlib
import io
import multiprocessing
import time

import pytest

from generator.cli import main
from generator.cli.watch import pantau, snapshot
from generator.output import batch
from generator.output.batch import render_part
from tests.conftest import FIXTURES
from tests.test_batch import dying_worker

_real_sleep = time.sleep


class Editor:
    """Plays the user between the watcher's looks: each step runs on one sleep, then Ctrl+C."""

    def __init__(self, *steps):
        self.steps = list(steps)

    def __call__(self, seconds: float) -> None:
        if seconds < 0.1:  # a worker pool's own short wait, not the watcher's look
            _real_sleep(seconds)
            return
        if not self.steps:
            raise KeyboardInterrupt
        step = self.steps.pop(0)
        if step:
            step()


@pytest.fixture()
def plan(tmp_path):
    path = tmp_path / "kota.yaml"
    path.write_text((FIXTURES / "minimal.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    return path


def save(path, extra: str):
    def step():
        path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")
        _real_sleep(0.01)  # a later mtime even on coarse clocks
    return step


def test_builds_at_start_and_after_each_save(plan):
    builds, said = [], []
    editor = Editor(None, save(plan, "\n# satu\n"), None, None, save(plan, "\n# dua\n"), None)
    code = pantau([str(plan)], lambda: builds.append(plan.read_text()), said.append,
                  sleep=editor)
    assert code == 0
    assert len(builds) == 3
    assert builds[1].endswith("# satu\n") and builds[2].endswith("# dua\n")
    assert said == ["Memantau perubahan; simpan rencana untuk membangunnya lagi, Ctrl+C untuk "
                    "berhenti.", "Berhenti memantau."]


def test_a_file_still_being_written_is_built_once_it_settles(plan):
    builds = []
    editor = Editor(save(plan, "\nsatker:"), save(plan, " lagi\n"), None, None)
    pantau([str(plan)], lambda: builds.append(plan.read_text()), lambda line: None,
           sleep=editor)
    assert len(builds) == 2
    assert builds[1].endswith("satker: lagi\n")  # never the half-written text


def test_plans_and_user_templates_are_watched_by_time_and_size(tmp_path, plan):
    (tmp_path / "logo.png").write_bytes(b"png")  # a logo is watched as the last build used it
    templates = tmp_path / "templat"
    templates.mkdir()
    (templates / "keputusan.css").write_text("p { }", encoding="utf-8")
    watched = set(snapshot([str(tmp_path)], templates))
    assert watched == {str(plan), str(templates / "keputusan.css")}


def test_a_logo_the_build_used_is_watched_by_its_bytes(tmp_path, plan):
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"lama")
    builds = []

    def build():
        builds.append(logo.read_bytes())
        return {str(logo): hashlib.sha256(logo.read_bytes()).hexdigest()}

    def redraw():
        logo.write_bytes(b"baru")  # same size: only the bytes tell

    pantau([str(plan)], build, lambda line: None, sleep=Editor(None, redraw, None, None))
    assert builds == [b"lama", b"baru"]


@pytest.mark.parametrize("jobs", ["1", "2"])  # in this process; in workers kept between rounds
def test_the_command_rebuilds_a_saved_plan_and_reports_each_round(plan, tmp_path, monkeypatch,
                                                                  jobs):
    editor = Editor(None, save(plan, "\n# disimpan lagi\n"), None)
    monkeypatch.setattr(time, "sleep", editor)
    out, err = io.StringIO(), io.StringIO()
    code = main(["build", "--pantau", str(plan), "-o", str(tmp_path / "out"), "-j", jobs,
                 "--format", "docx", "--versi", "asli"], out, err)
    assert code == 0, err.getvalue()
    lines = out.getvalue().splitlines()
    assert [line.split("] ", 1)[-1] for line in lines if "Selesai" in line] == \
        ["Selesai: 1 dibangun, 0 dilewati, 0 gagal."] * 2
    assert lines[-1] == "Berhenti memantau."
    assert (tmp_path / "out" / "kota" / "keputusan-asli.docx").is_file()


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork",
                    reason="workers must inherit the patched function")
def test_workers_are_started_again_after_one_died(plan, tmp_path, monkeypatch):
    monkeypatch.setattr(batch, "render_part", dying_worker)  # the first round's workers die

    def heal():
        monkeypatch.setattr(batch, "render_part", render_part)
        save(plan, "\n# lagi\n")()

    monkeypatch.setattr(time, "sleep", Editor(heal, None))
    out, err = io.StringIO(), io.StringIO()
    code = main(["build", "--pantau", str(plan), "-o", str(tmp_path / "out"), "-j", "2",
                 "--format", "docx", "--versi", "asli"], out, err)
    assert code == 0
    summaries = [line.split("] ", 1)[-1] for line in out.getvalue().splitlines()
                 if "Selesai" in line]
    assert summaries[0].startswith("Selesai: 0 dibangun, 0 dilewati, 1 gagal (")
    assert "pekerja berhenti sebelum selesai" in summaries[0]
    assert summaries[1] == "Selesai: 1 dibangun, 0 dilewati, 0 gagal."
    assert (tmp_path / "out" / "kota" / "keputusan-asli.docx").is_file()
