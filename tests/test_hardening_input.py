"""Hostile input ends in a message: files that are not files, nesting and aliases without end,
numbers without end, broken logos, plan names that point outside `-o`, and disks that refuse."""

from __future__ import annotations

import errno
import io
import os
import socket
import stat
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
import yaml
from PIL import Image, ImageFile

from generator.cli import main
from generator.output.batch import build_one
from generator.output.folders import output_folder
from generator.plan.validate import validate_source
from generator.rules import check_file
from generator.source import files, yaml_reader
from generator.source.diagnostics import PlanError
from generator.source.files import UnreadableFile, read_regular
from generator.source.plan_file import read_file
from generator.source.yaml_reader import MAX_DEPTH, read_source
from tests.conftest import EXAMPLE_PLANS, FIXTURES, ROOT

MINIMAL = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
DEEP = (f"daftar dan pemetaan bersarang terlalu dalam (lebih dari {MAX_DEPTH} tingkat); rencana "
        "aksi hanya perlu belasan tingkat: periksa kurung '[' dan '{' serta tanda '-' yang "
        "berderet, atau alias (*) yang bertumpuk")


def messages(path: Path, shown: str = "r.yaml") -> list[str]:
    """The plan's errors (the minimal plan also gets rule warnings, not asserted here)."""
    with pytest.raises(PlanError) as info:
        check_file(path, shown_as=shown)
    return [str(d) for d in info.value.diagnostics if d.is_error]


def text_messages(text: str) -> list[str]:
    with pytest.raises(PlanError) as info:
        validate_source(read_source("r.yaml", text))
    return [str(d) for d in info.value.diagnostics]


# --- 5. only regular files are read, and only so much -----------------------------------------

def _socket(path: Path) -> socket.socket:
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    return server


@pytest.mark.parametrize("kind, reason", [
    ("folder", "adalah folder, bukan berkas"),
    ("fifo", "adalah pipa (FIFO), bukan berkas biasa"),
    ("device", "adalah perangkat (device), bukan berkas biasa"),
    ("socket", "adalah soket, bukan berkas biasa"),
    ("loop", "adalah tautan simbolik (symlink) yang melingkar ke dirinya sendiri"),
    ("missing", "tidak ada"),
    ("under-a-file", "tidak ada: salah satu foldernya adalah berkas"),
])
def test_a_plan_that_is_not_a_regular_file_is_a_message(tmp_path, kind, reason):
    path = tmp_path / "r.yaml"
    server = None
    if kind == "folder":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)  # no writer: opening it for reading the usual way blocks for ever
    elif kind == "device":
        path.symlink_to("/dev/zero")  # never ends
    elif kind == "socket":
        server = _socket(path)
    elif kind == "loop":
        path.symlink_to(path)
    elif kind == "under-a-file":
        (tmp_path / "berkas").write_text("", encoding="utf-8")
        path = tmp_path / "berkas" / "r.yaml"
    try:
        assert messages(path) == [f"r.yaml:1:1: berkas {reason}"]
    finally:
        if server is not None:
            server.close()


@pytest.mark.parametrize("command", [["check"], ["build", "--format", "docx", "-o", "keluar"]])
def test_zi_never_waits_on_a_fifo_or_reads_a_device(tmp_path, command):
    """As a user runs it, in its own process (a hang fails the test instead of the suite)."""
    os.mkfifo(tmp_path / "pipa.yaml")
    (tmp_path / "nol.yaml").symlink_to("/dev/zero")
    result = subprocess.run([sys.executable, "-m", "generator", *command, "pipa.yaml",
                             "nol.yaml"], cwd=tmp_path, capture_output=True, text=True,
                            timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 1
    assert "pipa.yaml:1:1: berkas adalah pipa (FIFO), bukan berkas biasa" in result.stderr
    assert "nol.yaml:1:1: berkas adalah perangkat (device), bukan berkas biasa" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "keluar").exists()


def test_the_size_is_checked_before_reading_and_the_read_is_bounded(tmp_path, monkeypatch):
    """A file that says it is small (it grew after stat) is read no further than the limit."""
    path = tmp_path / "r.yaml"
    path.write_bytes(b"a" * 10_000)
    real_stat = os.stat
    monkeypatch.setattr(files.os, "stat", lambda p, **kw: os.stat_result(
        (stat.S_IFREG | 0o644, *real_stat(p, **kw)[1:6], 0, *real_stat(p, **kw)[7:10])))
    asked = []
    real_read = os.read
    monkeypatch.setattr(files.os, "read", lambda fd, n: asked.append(n) or real_read(fd, n))
    with pytest.raises(UnreadableFile) as info:
        read_regular(path, 4096)
    assert (info.value.reason, info.value.kind) == ("lebih dari 4 KB", "terlalu-besar")
    assert sum(asked) == 4097


def test_read_regular_reads_a_regular_file_whole(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_bytes(b"x" * (3 * 1024 * 1024 + 7))
    assert read_regular(path, 4 * 1024 * 1024) == b"x" * (3 * 1024 * 1024 + 7)
    with pytest.raises(UnreadableFile) as info:
        read_regular(path, 3 * 1024 * 1024)
    assert info.value.reason == "lebih dari 3 MB"


@pytest.mark.parametrize("raw, expected", [
    ("\ufeffa: b\n".encode("utf-16-le"), "berkas tersimpan sebagai UTF-16 (di Notepad: "
                                         "'Unicode'); simpan ulang sebagai UTF-8"),
    ("\ufeffa: b\n".encode("utf-16-be"), "berkas tersimpan sebagai UTF-16 (di Notepad: "
                                         "'Unicode'); simpan ulang sebagai UTF-8"),
    ("satker: x\n".encode("utf-16-le"), "berkas tersimpan sebagai UTF-16 (di Notepad: "
                                        "'Unicode'); simpan ulang sebagai UTF-8"),
    (b"", "berkas kosong: tidak ada isi rencana aksi"),
    (b"# hanya komentar\n", "berkas kosong: tidak ada isi rencana aksi"),
    (b"satker: a\0b\n", "YAML tidak valid: berkas memuat karakter kendali yang tidak diizinkan"),
    ("\u00a0\n".encode(), "berkas kosong: tidak ada isi rencana aksi"),  # Word's space only
])
def test_odd_encodings_and_empty_files_are_messages(tmp_path, raw, expected):
    path = tmp_path / "r.yaml"
    path.write_bytes(raw)
    assert messages(path) == [f"r.yaml:1:1: {expected}"]


@pytest.mark.parametrize("first, expected", [
    ("\t", "karakter '\\t' tidak boleh mengawali nilai; apit teks dengan tanda kutip"),
    ("]", "nilai tidak dapat diawali tanda ']'; apit teks dengan tanda kutip"),
])
def test_a_control_character_far_on_leaves_the_first_problem_named(first, expected):
    """Found by the fuzz test: the pure parser refuses the whole text for a NUL byte past
    where the C parser stopped; the C parser's problem is the one reported."""
    text = first + "9" * 16_440 + "\0"
    assert [str(d) for d in read_source("r.yaml", text).errors] == [
        f"r.yaml:1:1: YAML tidak valid: {expected}"]


def _plan(old: str, new: str) -> str:
    assert old in MINIMAL
    return MINIMAL.replace(old, new, 1)


NIMBANG = "    - bahwa untuk membangun Zona Integritas perlu menetapkan rencana aksi;\n"


@pytest.mark.parametrize("levels", [600, 30_000, 2_000_000])
def test_deep_brackets_are_a_message_not_a_crash(levels):
    """600 levels exhausted Python's recursion, 30,000 crashed the C parser."""
    text = _plan(NIMBANG, "    - " + "[" * levels + "x" + "]" * levels + "\n")
    # levels 1-3: the plan, keputusan, menimbang; the first '[' (column 7) is level 4
    assert text_messages(text) == [f"r.yaml:11:104: {DEEP}"]


@pytest.mark.parametrize("levels", [200, 1_000_000])
def test_deep_dashes_and_indentation_are_a_message(levels):
    assert text_messages(_plan(NIMBANG, "    " + "- " * levels + "x\n")) == [
        f"r.yaml:11:201: {DEEP}"]  # menimbang's own '-' at column 5 is level 3
    indented = "".join(" " * i + f"k{i}:\n" for i in range(3000))
    assert text_messages(indented) == [f"r.yaml:101:101: {DEEP}"]


def test_the_c_parser_never_sees_deep_nesting(monkeypatch):
    """Past the cheap bound, the composer is not called before the nesting is known."""
    composed = []
    real = yaml.compose
    monkeypatch.setattr(yaml_reader.yaml, "compose",
                        lambda text, Loader: composed.append(1) or real(text, Loader=Loader))
    assert text_messages("a: " + "[" * 30_000) == [f"r.yaml:1:{4 + MAX_DEPTH - 1}: {DEEP}"]
    assert composed == []


@pytest.mark.parametrize("text", [
    "a: " + "[" * 150 + "]" * 150 + "\n",
    "a:\n" + "".join(" " * (2 * i) + "- \n" for i in range(1, 150)),
    "a: {b: " + "{c: " * 120 + "1" + "}" * 121 + "\n",
])
def test_the_walker_and_the_scan_find_the_same_place(text, monkeypatch):
    """Below the cheap bound the walker finds deep nesting; above it, the event scan: the same
    message at the same place either way."""
    walked = read_source("r.yaml", text).errors
    monkeypatch.setattr(yaml_reader, "_C_SAFE_DEPTH", 0)
    scanned = read_source("r.yaml", text).errors
    assert [str(d) for d in walked] == [str(d) for d in scanned]
    assert [d.message for d in walked] == [DEEP]


@pytest.mark.parametrize("plan", EXAMPLE_PLANS, ids=lambda p: p.stem)
def test_real_plans_skip_the_scan(plan, monkeypatch):
    """The depth scan costs as much as reading the plan again; real plans never need it."""
    text = plan.read_text(encoding="utf-8")

    def refuse(*args, **kwargs):
        raise AssertionError("scanned")

    monkeypatch.setattr(yaml_reader.yaml, "parse", refuse)
    assert yaml_reader._deep_nesting(text, text.splitlines()) is None


def test_an_alias_chain_deeper_than_the_limit_is_a_message():
    text = "".join(f"a{i}: &a{i} [{f'*a{i - 1}' if i else 'x'}]\n" for i in range(MAX_DEPTH + 5))
    assert text_messages(text) == [f"r.yaml:1:5: {DEEP}"]


@pytest.mark.parametrize("text, where, name", [
    ("a: &a [*a]\n", "1:4", "a"),
    ("a: &b {x: *b}\n", "1:4", "b"),
    ("a: &c\n  x: [1, *c, *c]\n", "1:4", "c"),
    ("a: &d [&e [*d]]\n", "1:4", "d"),
])
def test_a_value_containing_itself_is_a_message(text, where, name):
    found = [m for m in text_messages(text) if "alias" in m]
    assert found == [f"r.yaml:{where}: alias *{name} di dalam nilai &{name} merujuk ke nilai itu "
                     "sendiri, jadi isinya tidak berujung; tulis isinya tanpa alias"]


@pytest.mark.parametrize("number", ["9" * 5000, "0x" + "f" * 5000, "-" + "1" * 101,
                                    "1_000" * 40])
def test_numbers_of_thousands_of_digits_are_a_message(number):
    text = _plan('nip: "198001012005011001"', f"nip: {number}")
    assert text_messages(text) == [
        f"r.yaml:27:81: angka {number[:20]}... terlalu panjang (lebih dari 100 digit); bila ini "
        "teks, apit dengan tanda kutip"]


@pytest.mark.parametrize("value, expected", [
    ("1.0e+400", "'keputusan.tahun' harus berupa bilangan bulat, bukan angka 1.0e+400"),
    (".inf", "'keputusan.tahun' harus berupa bilangan bulat, bukan angka .inf"),
    ("99999-01-01", "'keputusan.tahun' harus berupa bilangan bulat, bukan teks '99999-01-01'"),
    ("!!binary aGVsbG8=", "tag YAML '!!binary' tidak diizinkan; tulis nilainya sebagai teks, "
                          "angka, tanggal, daftar, atau pemetaan biasa"),
])
def test_odd_scalars_are_messages(value, expected):
    found = text_messages(_plan("  tahun: 2026\n", f"  tahun: {value}\n"))
    assert f"r.yaml:8:10: {expected}" in found


def test_a_very_long_line_reads(tmp_path):
    path = tmp_path / "r.yaml"
    long = "Contoh " * 600_000  # 4.2 MB on one line, under the 5 MB limit
    path.write_text(_plan("  nama: Contoh\n", f"  nama: {long.strip()}\n"), encoding="utf-8")
    assert check_file(path).plan.satker.nama == long.strip()


# --- 6. output folders stay inside -o; zi new and zi rollover say why they cannot write -------

@pytest.mark.parametrize("stem, folder", [
    ("kutai-timur-2025", "kutai-timur-2025"), (".rencana", "_rencana"), (".", "_"),
    ("..", "__"), ("...", "___"), ("", "_"), ("a/b", "a_b"), ("..\\x", "___x"),
])
def test_the_output_folder_is_always_directly_inside(tmp_path, stem, folder):
    assert output_folder(tmp_path, stem) == tmp_path / folder


@pytest.mark.parametrize("name, folder", [("..yaml", "_"), ("...yaml", "__"),
                                           (".rencana.yaml", "_rencana")])
def test_a_plan_named_with_dots_builds_inside_the_output_folder(tmp_path, name, folder):
    plans, out = tmp_path / "rencana", tmp_path / "keluar" / "dalam"
    plans.mkdir()
    (plans / name).write_text(MINIMAL, encoding="utf-8")
    result = build_one(str(plans / name), str(out), ("docx",), ("asli",))
    assert result.status == "dibangun"
    written = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file())
    assert written == [f"keluar/dalam/{folder}/.zi-jejak.json",
                       f"keluar/dalam/{folder}/keputusan-asli.docx", f"rencana/{name}"]


FLAGS = ["--tingkat", "kabupaten", "--nama", "Contoh Jaya", "--tempat", "Kota Jaya",
         "--tahun", "2026", "--ketua", "Ani Lestari", "--sekretaris", "Budi Santoso"]


def _fail(code: int):
    def raiser(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    return raiser


def _run(command: str, tmp_path: Path, target: Path) -> tuple[int, str]:
    err = io.StringIO()
    if command == "new":
        code = main(["new", *FLAGS, "-o", str(target)], io.StringIO(), err, io.StringIO())
    else:
        plan = tmp_path / "r-2026.yaml"
        if not plan.exists():
            plan.write_text(MINIMAL, encoding="utf-8")
        code = main(["rollover", str(plan), "--tahun", "2027", "-o", str(target)],
                    io.StringIO(), err)
    return code, err.getvalue()


@pytest.mark.parametrize("command", ["new", "rollover"])
@pytest.mark.parametrize("fault, reason", [
    ("disk", "disk penuh"), ("izin", "tidak ada izin menulis di sana"),
    ("baca-saja", "disk hanya dapat dibaca"),
    ("berkas-induk", "salah satu foldernya adalah berkas"),
])
def test_new_and_rollover_say_why_they_cannot_write(tmp_path, monkeypatch, command, fault,
                                                     reason):
    target = tmp_path / "hasil" / "r-2027.yaml"
    if fault == "disk":  # the disk fills while the file is written
        monkeypatch.setattr("generator.output.build.os.fsync", _fail(errno.ENOSPC))
    elif fault == "izin":  # as root, a folder's mode does not stop writing: ask the system
        monkeypatch.setattr("generator.output.build.tempfile.mkstemp", _fail(errno.EACCES))
    elif fault == "baca-saja":
        monkeypatch.setattr("generator.output.build.tempfile.mkstemp", _fail(errno.EROFS))
    else:
        (tmp_path / "hasil").write_text("", encoding="utf-8")
    code, err = _run(command, tmp_path, target)
    assert (code, err) == (1, f"zi {command}: {target} tidak dapat ditulis: {reason}\n")
    assert not target.exists()
    after = [p.name for p in tmp_path.rglob("*")]
    assert not any(name.endswith(".tmp") for name in after)


@pytest.mark.parametrize("command", ["new", "rollover"])
def test_new_and_rollover_refuse_a_folder_as_target(tmp_path, command):
    code, err = _run(command, tmp_path, tmp_path)
    assert (code, err) == (1, f"zi {command}: {tmp_path} adalah folder; tulis nama berkasnya, "
                              f"mis. {tmp_path / 'rencana.yaml'}\n")


def test_rollover_refuses_to_write_over_its_own_plan(tmp_path):
    plan = tmp_path / "r-2026.yaml"
    plan.write_text(MINIMAL, encoding="utf-8")
    (tmp_path / "sama.yaml").symlink_to(plan)
    code, err = _run("rollover", tmp_path, tmp_path / "sama.yaml")
    assert (code, err) == (1, f"zi rollover: {tmp_path / 'sama.yaml'} adalah rencana {plan} "
                              "sendiri; pakai -o untuk nama lain\n")
    assert plan.read_text(encoding="utf-8") == MINIMAL


# --- 7. a logo is decoded whole --------------------------------------------------------------

def _plan_with_logo(folder: Path, logo: str) -> Path:
    plan = folder / "r.yaml"
    plan.write_text(_plan("  tempat: Contoh\n", f"  tempat: Contoh\n  logo: {logo}\n"),
                    encoding="utf-8")
    return plan


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.effect_noise((200, 200), 60).convert("RGB").save(buffer, "PNG")
    return buffer.getvalue()


def _corrupt_idat(data: bytes) -> bytes:
    """Compressed pixels damaged, with a checksum that matches: only decoding finds it."""
    at = data.index(b"IDAT")
    size = struct.unpack(">I", data[at - 4:at])[0]
    body = bytearray(data[at + 4:at + 4 + size])
    body[size // 2:size // 2 + 64] = bytes(64)
    crc = struct.pack(">I", zlib.crc32(b"IDAT" + bytes(body)))
    return data[:at + 4] + bytes(body) + crc + data[at + 8 + size:]


def _truncated_jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.effect_noise((200, 200), 60).convert("RGB").save(buffer, "JPEG")
    return buffer.getvalue()[: len(buffer.getvalue()) // 2]


BROKEN = "berkas logo rusak atau tidak dapat dibaca sebagai gambar"


@pytest.mark.parametrize("lenient", [False, True], ids=["biasa", "setelah-weasyprint"])
@pytest.mark.parametrize("make", [_corrupt_idat, None], ids=["png-idat-rusak", "jpeg-terpotong"])
def test_a_logo_that_only_looks_whole_is_refused(tmp_path, monkeypatch, make, lenient):
    """Pillow's verify() reads no pixels; WeasyPrint, once imported, lets Pillow load truncated
    images: the logo is decoded strictly whatever was imported before."""
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", lenient)
    data = make(_png()) if make else _truncated_jpeg()
    (tmp_path / "logo.img").write_bytes(data)
    assert messages(_plan_with_logo(tmp_path, "logo.img")) == [
        f"r.yaml:6:9: 'satker.logo': {BROKEN}"]
    assert ImageFile.LOAD_TRUNCATED_IMAGES is lenient


@pytest.mark.parametrize("kind, reason", [
    ("loop", "adalah tautan simbolik (symlink) yang melingkar ke dirinya sendiri"),
    ("loop2", "adalah tautan simbolik (symlink) yang melingkar ke dirinya sendiri"),
    ("folder", "adalah folder, bukan berkas"),
    ("fifo", "adalah pipa (FIFO), bukan berkas biasa"),
])
def test_a_logo_that_is_not_an_image_file_is_a_message(tmp_path, kind, reason):
    logo = tmp_path / "logo.png"
    if kind == "loop":
        logo.symlink_to("logo.png")
    elif kind == "loop2":
        logo.symlink_to("b.png")
        (tmp_path / "b.png").symlink_to("logo.png")
    elif kind == "folder":
        logo.mkdir()
    else:
        os.mkfifo(logo)
    assert messages(_plan_with_logo(tmp_path, "logo.png")) == [
        f"r.yaml:6:9: 'satker.logo': berkas logo 'logo.png' {reason}"]


def test_a_whole_logo_still_passes(tmp_path):
    (tmp_path / "logo.png").write_bytes(_png())
    assert check_file(_plan_with_logo(tmp_path, "logo.png")).logo[1] == "png"


def test_read_file_keeps_its_old_messages(tmp_path):
    with pytest.raises(PlanError) as info:
        read_file(tmp_path / "tidak-ada.yaml", "tidak-ada.yaml")
    assert [str(d) for d in info.value.diagnostics] == ["tidak-ada.yaml:1:1: berkas tidak ada"]
