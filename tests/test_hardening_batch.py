"""Hostile faults in a batch: saves during a build, crashing workers, a killed `zi`, two builds
writing one folder, stamps that are not zi's. Every case ends in a clear message or a correct
build: never a stale output, never a batch that dies with one plan, never an orphaned worker."""

from __future__ import annotations

import ctypes
import faulthandler
import io
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from generator.cli import main
from generator.output import batch
from generator.output.batch import (
    STAMP,
    build_many,
    build_one,
    collect,
    read_stamp,
    render_part,
    up_to_date,
)
from generator.output.build import Output, write_atomically
from tests.conftest import FIXTURES, ROOT, docx_text

FORMATS, VERSIONS = ("docx",), ("asli",)
SETTINGS = dict(deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
forking = pytest.mark.skipif(multiprocessing.get_start_method() != "fork",
                             reason="workers must inherit the patched function")
_real_render_checked = batch.render_checked
_real_sleep = time.sleep


def minimal() -> str:
    return (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")


def province(folder: Path, count: int = 3) -> list[Path]:
    folder.mkdir(exist_ok=True)
    for i in range(count):
        (folder / f"kota-{i}.yaml").write_text(minimal().replace("nama: Contoh",
                                                                 f"nama: Contoh {i}", 1),
                                               encoding="utf-8")
    return collect([str(folder)])


def png(path: Path, colour: tuple[int, int, int]) -> bytes:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (40, 40), colour).save(path, format="PNG")
    return path.read_bytes()


def docx_media(path: Path) -> list[bytes]:
    with zipfile.ZipFile(path) as docx:
        return [docx.read(name) for name in docx.namelist() if name.startswith("word/media/")]


def saving_during_render(plan: Path, text: str):
    """render_checked that lets the user save `text` as the plan once, between the plan's
    validation and the stamp of its outputs."""
    def render(*args, **kwargs):
        outputs = _real_render_checked(*args, **kwargs)
        if plan.read_text(encoding="utf-8") != text:
            plan.write_text(text, encoding="utf-8")
        return outputs
    return render


# 3. Never stale ------------------------------------------------------------------------------

@forking
@pytest.mark.parametrize("jobs", [1, 2])  # the plan's files in one worker; shared by two
def test_a_plan_saved_during_its_build_is_built_again_with_the_last_save(tmp_path, monkeypatch,
                                                                         jobs):
    plan = tmp_path / "kota.yaml"
    plan.write_text(minimal(), encoding="utf-8")
    latest = minimal().replace("Nama Ketua", "Ketua Tersimpan Terakhir")
    monkeypatch.setattr(batch, "render_checked", saving_during_render(plan, latest))
    out = tmp_path / "out"
    docx = out / "kota" / "keputusan-asli.docx"
    versi = ("asli", "salinan") if jobs > 1 else VERSIONS  # two files: shared by two workers

    first = build_many([plan], out, FORMATS, versi, jobs)
    assert [r.status for r in first] == ["dibangun"]
    assert "Nama Ketua" in docx_text(docx.read_bytes())  # built from what was read
    assert not up_to_date(plan, out, FORMATS, versi)  # ... and known to be old
    second = build_many([plan], out, FORMATS, versi, jobs)
    assert [r.status for r in second] == ["dibangun"]
    assert "Ketua Tersimpan Terakhir" in docx_text(docx.read_bytes())
    assert [r.status for r in build_many([plan], out, FORMATS, versi, jobs)] == ["dilewati"]


@forking
def test_a_template_saved_during_a_build_builds_again(tmp_path, monkeypatch):
    plan = tmp_path / "kota.yaml"
    plan.write_text(minimal(), encoding="utf-8")
    templates = tmp_path / "templat"
    templates.mkdir()
    css = templates / "keputusan.css"
    css.write_text("p { }", encoding="utf-8")

    def render(*args, **kwargs):
        outputs = _real_render_checked(*args, **kwargs)
        css.write_text("p { color: black }", encoding="utf-8")
        return outputs

    monkeypatch.setattr(batch, "render_checked", render)
    out = tmp_path / "out"
    build_many([plan], out, FORMATS, VERSIONS, 1, templates=templates)
    batch.forget_shared_inputs()  # a new `zi build`
    monkeypatch.setattr(batch, "render_checked", _real_render_checked)
    assert not up_to_date(plan, out, FORMATS, VERSIONS, templates)
    assert [r.status for r in build_many([plan], out, FORMATS, VERSIONS, 1,
                                         templates=templates)] == ["dibangun"]
    assert up_to_date(plan, out, FORMATS, VERSIONS, templates)


LOGO_STYLES = {
    "blok": "satker:\n  logo: {name}\n  tingkat: kota\n  nama: Contoh\n  tempat: Contoh\n",
    "alur": "satker: {{tingkat: kota, nama: Contoh, tempat: Contoh, logo: {name}}}\n",
    "alur-kutip": "satker: {{tingkat: kota, logo: \"{name}\", nama: Contoh, tempat: Contoh}}\n",
    "kutip-tunggal": "satker:\n  tingkat: kota\n  nama: Contoh\n  tempat: Contoh\n"
                     "  logo: '{name}'  # logo kantor\n",
    "jangkar": "satker:\n  tingkat: kota\n  nama: Contoh\n  tempat: Contoh\n"
               "  logo: &gambar {name}\n",
}
LOGO_NAMES = ["logo.png", "gambar/logo kpu.png", "logo.v2.png"]


def plan_with_logo_in(folder: Path, style: str, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    text = minimal()
    start, end = text.index("satker:\n"), text.index("\nkeputusan:")
    plan = folder / "kota.yaml"
    plan.write_text(text[:start] + LOGO_STYLES[style].format(name=name) + text[end:],
                    encoding="utf-8")
    return plan


@settings(max_examples=6, **SETTINGS)
@given(style=st.sampled_from(sorted(LOGO_STYLES)), name=st.sampled_from(LOGO_NAMES))
def test_fuzz_a_changed_logo_is_built_again_however_the_plan_names_it(tmp_path_factory, style,
                                                                     name):
    folder = tmp_path_factory.mktemp("logo")
    plan = plan_with_logo_in(folder, style, name)
    png(folder / name, (200, 0, 0))
    out = folder / "out"
    assert [r.status for r in build_many([plan], out, FORMATS, VERSIONS, 1)] == ["dibangun"]
    assert up_to_date(plan, out, FORMATS, VERSIONS)
    new = png(folder / name, (0, 0, 200))  # the plan itself is not touched
    assert not up_to_date(plan, out, FORMATS, VERSIONS)
    result = build_many([plan], out, FORMATS, VERSIONS, 1)
    assert [r.status for r in result] == ["dibangun"]
    assert result[0].logo == (str(folder / name), batch._sha256(new))
    assert new in docx_media(out / "kota" / "keputusan-asli.docx")
    stamp = read_stamp(out / "kota" / STAMP)
    assert stamp is not None and stamp.logo == (name, batch._sha256(new))


def test_a_removed_logo_builds_again_and_says_so(tmp_path):
    plan = plan_with_logo_in(tmp_path, "alur", "logo.png")
    png(tmp_path / "logo.png", (200, 0, 0))
    out = tmp_path / "out"
    build_many([plan], out, FORMATS, VERSIONS, 1)
    (tmp_path / "logo.png").unlink()
    result = build_many([plan], out, FORMATS, VERSIONS, 1)
    assert [r.status for r in result] == ["gagal"]
    assert result[0].messages[0] == f"{plan}:2:61: 'satker.logo': berkas logo 'logo.png' tidak ada"


STAMPS = ["[]", "1", "null", '"jejak"', "{}", '{"jejak": 5, "rencana": "", "berkas": []}',
          '{"jejak": "a", "rencana": "b", "berkas": "keputusan-asli.docx"}',
          '{"jejak": "a", "rencana": "b", "berkas": [1]}',
          '{"jejak": "a", "rencana": "b", "berkas": [], "logo": ["logo.png", "x"]}',
          '{"jejak": "a", "rencana": "b", "berkas": ["../../rahasia"]}',
          "[" * 100_000, "\x00\xff bukan json"]


@pytest.mark.parametrize("content", STAMPS)
def test_a_stamp_that_is_not_zis_is_as_if_absent(tmp_path, content):
    plan = tmp_path / "kota.yaml"
    plan.write_text(minimal(), encoding="utf-8")
    stamp = tmp_path / "out" / "kota" / STAMP
    stamp.parent.mkdir(parents=True)
    stamp.write_text(content, encoding="utf-8", errors="surrogateescape")
    assert read_stamp(stamp) is None
    assert not up_to_date(plan, tmp_path / "out", FORMATS, VERSIONS)


@pytest.mark.parametrize("kind", ["folder", "fifo"])
def test_a_stamp_that_is_not_a_file_is_as_if_absent_and_never_waited_on(tmp_path, kind):
    plan = tmp_path / "kota.yaml"
    plan.write_text(minimal(), encoding="utf-8")
    stamp = tmp_path / "out" / "kota" / STAMP
    stamp.parent.mkdir(parents=True)
    stamp.mkdir() if kind == "folder" else os.mkfifo(stamp)
    assert read_stamp(stamp) is None
    assert not up_to_date(plan, tmp_path / "out", FORMATS, VERSIONS)


def test_a_build_over_a_stamp_that_is_a_list_builds_and_writes_a_good_one(tmp_path):
    plan = tmp_path / "kota.yaml"
    plan.write_text(minimal(), encoding="utf-8")
    stamp = tmp_path / "out" / "kota" / STAMP
    stamp.parent.mkdir(parents=True)
    stamp.write_text("[1, 2]", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    code = main(["build", str(plan), "-o", str(tmp_path / "out"), "--format", "docx",
                 "--versi", "asli"], out, err)
    assert code == 0, err.getvalue()
    assert out.getvalue().splitlines()[-1] == "Selesai: 1 dibangun, 0 dilewati, 0 gagal."
    assert read_stamp(stamp) is not None


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=8),
                    lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.sampled_from(["jejak", "rencana", "logo", "berkas",
                                                       "sidik", "x"]), inner, max_size=5),
                    max_leaves=12)


@settings(max_examples=300, **SETTINGS)
@given(value=JSON)
def test_fuzz_any_json_stamp_is_read_or_refused_never_raises(tmp_path_factory, value):
    folder = tmp_path_factory.mktemp("jejak")
    plan = folder / "kota.yaml"
    plan.write_text("satker: {}\n", encoding="utf-8")
    stamp = folder / "out" / "kota" / STAMP
    stamp.parent.mkdir(parents=True)
    stamp.write_text(json.dumps(value), encoding="utf-8")
    recorded = read_stamp(stamp)
    assert recorded is None or (isinstance(recorded.jejak, str)
                                and all(isinstance(n, str) for n in recorded.berkas))
    assert not up_to_date(plan, folder / "out", FORMATS, VERSIONS)  # never what zi would write


@forking
def test_the_watch_ends_on_a_plan_saved_while_a_round_runs(tmp_path, monkeypatch):
    plan = tmp_path / "kota.yaml"
    plan.write_text(minimal(), encoding="utf-8")
    latest = minimal().replace("Nama Ketua", "Ketua Tersimpan Terakhir")
    monkeypatch.setattr(batch, "render_checked", saving_during_render(plan, latest))
    steps = [None, None, None, None]

    def sleep(seconds: float) -> None:
        if not steps:
            raise KeyboardInterrupt
        steps.pop()

    monkeypatch.setattr(time, "sleep", sleep)
    out, err = io.StringIO(), io.StringIO()
    code = main(["build", "--pantau", str(plan), "-o", str(tmp_path / "out"), "--format", "docx",
                 "--versi", "asli"], out, err)
    assert code == 0, err.getvalue()
    summaries = [line.split("] ", 1)[-1] for line in out.getvalue().splitlines()
                 if "Selesai" in line]
    assert summaries == ["Selesai: 1 dibangun, 0 dilewati, 0 gagal."] * 2
    docx = tmp_path / "out" / "kota" / "keputusan-asli.docx"
    assert "Ketua Tersimpan Terakhir" in docx_text(docx.read_bytes())


def test_the_watch_builds_again_when_a_flow_style_logo_is_saved(tmp_path, monkeypatch):
    plan = plan_with_logo_in(tmp_path, "alur", "logo.png")
    png(tmp_path / "logo.png", (200, 0, 0))
    redrawn = []
    steps = [None, lambda: redrawn.append(png(tmp_path / "logo.png", (0, 0, 200))), None, None]

    def sleep(seconds: float) -> None:
        if not steps:
            raise KeyboardInterrupt
        step = steps.pop(0)
        if step:
            step()

    monkeypatch.setattr(time, "sleep", sleep)
    out, err = io.StringIO(), io.StringIO()
    code = main(["build", "--pantau", str(plan), "-o", str(tmp_path / "out"), "--format", "docx",
                 "--versi", "asli"], out, err)
    assert code == 0, err.getvalue()
    assert [line.split("] ", 1)[-1] for line in out.getvalue().splitlines()
            if "Selesai" in line] == ["Selesai: 1 dibangun, 0 dilewati, 0 gagal."] * 2
    assert redrawn[0] in docx_media(tmp_path / "out" / "kota" / "keputusan-asli.docx")


def test_a_real_watch_ends_on_the_last_of_quick_saves(tmp_path):
    plan = tmp_path / "kota.yaml"
    plan.write_text(minimal(), encoding="utf-8")
    docx = tmp_path / "out" / "kota" / "keputusan-asli.docx"
    watch = subprocess.Popen(
        [sys.executable, "-m", "generator", "build", "--pantau", str(plan), "-o",
         str(tmp_path / "out"), "--format", "docx", "--versi", "asli", "-j", "1"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        lines = [watch.stdout.readline() for _ in range(3)]  # wrote, summary, watching
        assert lines[-1].startswith("Memantau perubahan"), lines
        for i in range(5):  # saves faster than rounds: some land while a round runs
            plan.write_text(minimal().replace("Nama Ketua", f"Ketua Simpanan {i}"),
                            encoding="utf-8")
            _real_sleep(0.3)
        for _ in range(600):  # until the last save is built, or a bounded number of looks
            if docx.is_file() and "Ketua Simpanan 4" in docx_text(docx.read_bytes()):
                break
            _real_sleep(0.1)
        assert "Ketua Simpanan 4" in docx_text(docx.read_bytes())
    finally:
        watch.send_signal(signal.SIGINT)
        out, err = watch.communicate(timeout=60)
    assert watch.returncode == 0, err
    assert out.splitlines()[-1] == "Berhenti memantau."


# 4. One plan never takes down the batch --------------------------------------------------------

CRASHES = {}
"""Plan stem -> how its worker dies; set before the pool forks, so its workers see it."""


def crashing_render_part(plan_name: str, *args, **kwargs):
    """render_part, except for the plans in CRASHES, whose worker dies as told."""
    how = CRASHES.get(Path(plan_name).stem)
    if how in ("segfault", "pustaka-c"):
        faulthandler.disable()  # pytest's, inherited: zi itself prints no such dump
    if how == "segfault":
        os.kill(os.getpid(), signal.SIGSEGV)
    elif how == "pustaka-c":
        ctypes.string_at(0)  # a C library reading address 0
    elif how == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    elif how == "exit":
        os._exit(3)
    elif how == "galat":
        raise MemoryError("habis")
    return render_part(plan_name, *args, **kwargs)


DIED = {"segfault": "prosesnya dihentikan sinyal SIGSEGV",
        "pustaka-c": "prosesnya dihentikan sinyal SIGSEGV",
        "kill": "prosesnya dihentikan sinyal SIGKILL", "exit": "prosesnya keluar dengan kode 3"}


@pytest.fixture()
def crashes(monkeypatch):
    monkeypatch.setattr(batch, "render_part", crashing_render_part)
    yield CRASHES
    CRASHES.clear()


@forking
@pytest.mark.parametrize("how", ["segfault", "pustaka-c"])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_plan_that_crashes_its_worker_fails_alone(tmp_path, crashes, how, jobs):
    plans = province(tmp_path / "rencana", 4)
    crashes["kota-1"] = how
    out, err = io.StringIO(), io.StringIO()
    code = main(["build", str(tmp_path / "rencana"), "-o", str(tmp_path / "out"), "-j", jobs,
                 "--format", "docx", "--versi", "asli"], out, err)
    assert code == 1
    reason = f"pekerja berhenti sebelum selesai ({DIED[how]}); rencana lain tetap dibangun"
    assert out.getvalue().splitlines()[-2] == \
        f"Selesai: 3 dibangun, 0 dilewati, 1 gagal ({plans[1]}: {reason})."
    assert [line for line in err.getvalue().splitlines() if "peringatan" not in line] == [
        reason, f"{plans[1]}: tidak dibangun."]
    for i in (0, 2, 3):
        assert up_to_date(plans[i], tmp_path / "out", FORMATS, VERSIONS)
    assert not (tmp_path / "out" / "kota-1").exists()


@forking
@settings(max_examples=5, **SETTINGS)
@given(fates=st.lists(st.sampled_from([None, None, "segfault", "kill", "exit", "galat"]),
                      min_size=2, max_size=4),
       jobs=st.integers(1, 3))
def test_fuzz_only_the_plans_that_kill_their_worker_fail(tmp_path_factory, crashes, fates, jobs):
    folder = tmp_path_factory.mktemp("provinsi")
    plans = province(folder / "rencana", len(fates))
    crashes.clear()
    crashes.update({plan.stem: fate for plan, fate in zip(plans, fates, strict=True) if fate})
    results = {r.plan: r for r in build_many(plans, folder / "out", FORMATS, VERSIONS, jobs)}
    assert len(results) == len(plans)
    for plan, fate in zip(plans, fates, strict=True):
        result = results[str(plan)]
        if fate is None:
            assert result.status == "dibangun", result.messages
        elif fate == "galat":
            assert (result.status, result.messages) == ("gagal", ["MemoryError: habis"])
        else:
            assert (result.status, result.messages) == ("gagal", [
                f"pekerja berhenti sebelum selesai ({DIED[fate]}); rencana lain tetap dibangun"])


@forking
def test_the_watch_keeps_building_after_a_plan_crashed_its_warm_worker(tmp_path, crashes,
                                                                       monkeypatch):
    plans = province(tmp_path / "rencana", 3)
    crashes["kota-0"] = "segfault"

    def mend() -> None:
        crashes.clear()  # the next pool forks from this process: its workers no longer crash
        plans[0].write_text(plans[0].read_text(encoding="utf-8") + "\n# diperbaiki\n",
                            encoding="utf-8")
        _real_sleep(0.01)

    steps = [mend, None, None]

    def sleep(seconds: float) -> None:
        if not steps:
            raise KeyboardInterrupt
        step = steps.pop(0)
        if step:
            step()

    monkeypatch.setattr(time, "sleep", sleep)
    out, err = io.StringIO(), io.StringIO()
    code = main(["build", "--pantau", str(tmp_path / "rencana"), "-o", str(tmp_path / "out"),
                 "-j", "2", "--format", "docx", "--versi", "asli"], out, err)
    assert code == 0, err.getvalue()
    summaries = [line.split("] ", 1)[-1] for line in out.getvalue().splitlines()
                 if "Selesai" in line]
    assert summaries == [
        f"Selesai: 2 dibangun, 0 dilewati, 1 gagal ({plans[0]}: pekerja berhenti sebelum selesai "
        "(prosesnya dihentikan sinyal SIGSEGV); rencana lain tetap dibangun).",
        "Selesai: 1 dibangun, 2 dilewati, 0 gagal."]


def _proc_stat(pid: int) -> tuple[str, int, str] | None:
    """(state, parent pid, start time) of a process, None when it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2:].split()
    return fields[0], int(fields[1]), fields[19]


def _children(parent: int) -> dict[int, str]:
    """Live child processes of `parent`, with their start times."""
    found = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            info = _proc_stat(int(entry.name))
            if info is not None and info[1] == parent and info[0] != "Z":
                found[int(entry.name)] = info[2]
    return found


def _alive(pid: int, started: str) -> bool:
    info = _proc_stat(pid)
    return info is not None and info[2] == started and info[0] not in ("Z", "X")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGINT, signal.SIGKILL])
def test_killing_zi_leaves_no_worker_behind(tmp_path, how):
    province(tmp_path / "rencana", 4)
    zi = subprocess.Popen(
        [sys.executable, "-m", "generator", "build", str(tmp_path / "rencana"), "-o",
         str(tmp_path / "out"), "-j", "2", "--versi", "salinan"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True)
    try:
        workers: dict[int, str] = {}
        for _ in range(1200):  # until both workers have started, in short looks
            workers = _children(zi.pid)
            if len(workers) >= 2 or zi.poll() is not None:
                break
            _real_sleep(0.05)
        assert len(workers) >= 2, "the build ended before its workers were seen"
        zi.send_signal(how)
        out, err = zi.communicate(timeout=120)
        for _ in range(400):
            if not any(_alive(pid, started) for pid, started in workers.items()):
                break
            _real_sleep(0.05)
        assert [pid for pid, started in workers.items() if _alive(pid, started)] == []
    finally:
        if zi.poll() is None:
            zi.kill()
            zi.communicate()
    expected = {signal.SIGTERM: (143, "zi: dihentikan (SIGTERM)."),
                signal.SIGINT: (130, "zi: dibatalkan (Ctrl+C)."),
                signal.SIGKILL: (-signal.SIGKILL, None)}[how]
    assert zi.returncode == expected[0]
    if expected[1]:
        assert err.splitlines()[-1] == expected[1]
        assert "Traceback" not in err


def test_a_young_temporary_file_of_another_build_is_left_alone(tmp_path):
    target = tmp_path / "keputusan-asli.docx"
    other = tmp_path / ".keputusan-asli.docx.4242.abc.tmp"
    other.write_bytes(b"sedang ditulis build lain")
    old = tmp_path / ".keputusan-asli.docx.4243.def.tmp"
    old.write_bytes(b"sisa build yang dihentikan")
    os.utime(old, (time.time() - 3600, time.time() - 3600))
    write_atomically(Output(target, b"isi"))
    assert target.read_bytes() == b"isi"
    assert other.read_bytes() == b"sedang ditulis build lain"
    assert not old.exists()


def test_two_builds_of_one_plan_into_one_folder_both_succeed_with_whole_files(tmp_path):
    plan = tmp_path / "kota.yaml"
    plan.write_text(minimal(), encoding="utf-8")
    command = [sys.executable, "-m", "generator", "build", str(plan), "-o", str(tmp_path / "out"),
               "--force", "--versi", "salinan"]
    for _ in range(3):
        runs = [subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True) for _ in range(2)]
        for run in runs:
            out, err = run.communicate(timeout=300)
            assert run.returncode == 0, err
            assert "gagal" not in err and "tidak dapat menulis" not in err
            assert out.splitlines()[-1] == "Selesai: 1 dibangun, 0 dilewati, 0 gagal."
    folder = tmp_path / "out" / "kota"
    assert sorted(p.name for p in folder.iterdir()) == [
        ".zi-jejak.json", "keputusan-salinan.docx", "keputusan-salinan.jdih.json",
        "keputusan-salinan.pdf"]
    with zipfile.ZipFile(folder / "keputusan-salinan.docx") as docx:
        assert docx.testzip() is None
    pdf = (folder / "keputusan-salinan.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    assert json.loads((folder / "keputusan-salinan.jdih.json").read_text(encoding="utf-8"))
    assert read_stamp(folder / STAMP) is not None
    assert up_to_date(plan, tmp_path / "out", ("docx", "pdf"), ("salinan",))


def test_an_output_folder_that_cannot_be_written_is_said_in_indonesian(tmp_path):
    """`-o` naming a file: the plan fails with why, in the user's words, not the system's."""
    plan = tmp_path / "r.yaml"
    plan.write_text((FIXTURES / "minimal.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "berkas").write_text("bukan folder", encoding="utf-8")
    result = build_one(str(plan), str(tmp_path / "berkas"), ("docx",), ("asli",))
    assert result.status == "gagal"
    assert result.messages == [f"tidak dapat menulis {tmp_path / 'berkas' / 'r'}: "
                            "salah satu foldernya adalah berkas"]
