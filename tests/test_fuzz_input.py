"""Property-based tests for hostile input (classes 5-7 of issue 13): any nesting, alias, number,
byte string, file kind, file name or damaged logo ends in a positioned message or a valid plan,
never an exception. Derandomized and bounded, so CI runs take seconds."""

from __future__ import annotations

import io
import os
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageFile

from generator.output.folders import output_folder
from generator.plan.model import Rencana
from generator.plan.validate import validate_source
from generator.rules import check_file
from generator.source.diagnostics import PlanError
from generator.source.logo import load_logo
from generator.source.yaml_reader import read_source
from tests.conftest import FIXTURES

MINIMAL = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
MESSAGE = re.compile(r"^[^:\n]+:\d+:\d+: \S[^\n]*$")
SETTINGS = dict(deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])


def ends_well(run) -> None:
    """A plan, or a PlanError whose every line is a positioned message."""
    try:
        outcome = run()
    except PlanError as exc:
        outcome = exc
    if isinstance(outcome, PlanError):
        assert outcome.diagnostics
        assert [str(d) for d in outcome.diagnostics if not MESSAGE.match(str(d))] == []
    else:
        assert isinstance(getattr(outcome, "plan", outcome), Rencana)


PIECES = ["[", "]", "{", "}", "- ", "? ", ": ", ", ", "\n", "  ", "&a ", "*a", "&b ", "*b",
          "x", "1", "-7", ".nan", "9" * 120, "0x" + "f" * 90, "1.0e+999", "2025-99-99", "'",
          '"', "#", "!!binary ", "!!set ", "<<: ", "\t", "\0", "\u00a0", "\ufeff"]
RUNS = st.tuples(st.sampled_from(PIECES), st.integers(min_value=1, max_value=3000))


@settings(max_examples=250, **SETTINGS)
@given(st.lists(st.one_of(st.sampled_from(PIECES), RUNS), max_size=60))
def test_any_nesting_aliases_and_numbers_end_in_messages(parts):
    text = "".join(p if isinstance(p, str) else p[0] * p[1] for p in parts)
    ends_well(lambda: validate_source(read_source("r.yaml", text)))


PLACES = ["  tahun: 2026\n", "  nama: Contoh\n", "    - uu-7-2017\n", "  ketua: {nama: Nama Ketua, "
          "peran: ketua}\n", "                  target_waktu: Januari 2026\n"]


@settings(max_examples=150, **SETTINGS)
@given(st.sampled_from(PLACES), st.one_of(
    st.integers(min_value=-10**30, max_value=10**30).map(str),
    st.integers(min_value=1, max_value=6000).map(lambda n: "9" * n),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.text(alphabet="0123456789_-+.eExob:", min_size=1, max_size=6000),
    st.sampled_from(["&a [*a]", "&a {x: *a}", "*a", "&a"]),
    st.tuples(st.sampled_from(["[", "- ", "{", "{a: ", "&a [*a, "]),
              st.integers(min_value=1, max_value=5000)).map(lambda t: t[0] * t[1])))
def test_any_value_in_a_real_place_ends_in_messages_or_a_plan(place, value):
    key = place.split(":")[0]
    text = MINIMAL.replace(place, f"{key}: {value}\n", 1)
    ends_well(lambda: validate_source(read_source("r.yaml", text)))


@settings(max_examples=150, **SETTINGS)
@given(st.one_of(
    st.binary(max_size=3000),
    st.tuples(st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"]),
              st.binary(max_size=200)).map(lambda t: t[0] + t[1]),
    st.lists(st.tuples(st.integers(min_value=0, max_value=len(MINIMAL) - 1),
                       st.integers(min_value=0, max_value=255)), min_size=1, max_size=8)
    .map(lambda edits: _mutated(MINIMAL.encode("utf-8"), edits))))
def test_any_bytes_in_a_plan_file_end_in_messages_or_a_plan(raw):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "r.yaml"
        path.write_bytes(raw)
        ends_well(lambda: check_file(path, shown_as="r.yaml"))


def _mutated(data: bytes, edits: list[tuple[int, int]]) -> bytes:
    changed = bytearray(data)
    for at, byte in edits:
        changed[at] = byte
    return bytes(changed)


KINDS = ["berkas", "folder", "fifo", "putaran", "hilang", "perangkat", "di-bawah-berkas"]
NAMES = st.text(alphabet=". -_a", min_size=1, max_size=6).filter(lambda n: n not in (".", ".."))


@settings(max_examples=120, **SETTINGS)
@given(NAMES, st.sampled_from(["", ".yaml", ".yml"]), st.sampled_from(KINDS))
def test_any_file_kind_and_name_ends_in_a_message_and_an_inside_folder(name, suffix, kind):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{name}{suffix}"
        if kind == "berkas":
            path.write_text(MINIMAL, encoding="utf-8")
        elif kind == "folder":
            path.mkdir()
        elif kind == "fifo":
            os.mkfifo(path)
        elif kind == "putaran":
            path.symlink_to(path.name)
        elif kind == "perangkat":
            path.symlink_to("/dev/urandom")
        elif kind == "di-bawah-berkas":
            (Path(folder) / "f").write_text("", encoding="utf-8")
            path = Path(folder) / "f" / path.name
        ends_well(lambda: check_file(path, shown_as="r.yaml"))
        out = Path(folder) / "keluar"
        inside = output_folder(out, path.stem)
        assert inside.parent == out and inside.name not in ("", ".", "..")
        assert not inside.name.startswith(".")


def _image(kind: str) -> bytes:
    buffer = io.BytesIO()
    Image.effect_noise((64, 48), 40).convert("RGB").save(buffer, kind)
    return buffer.getvalue()


IMAGES = {"PNG": _image("PNG"), "JPEG": _image("JPEG")}


@settings(max_examples=150, **SETTINGS)
@given(st.sampled_from(sorted(IMAGES)), st.floats(min_value=0, max_value=1),
       st.lists(st.tuples(st.floats(min_value=0, max_value=1),
                          st.integers(min_value=0, max_value=255)), max_size=4),
       st.booleans())
def test_a_damaged_logo_is_refused_or_decodes_whole(kind, keep, flips, lenient):
    data = bytearray(IMAGES[kind][: max(1, int(len(IMAGES[kind]) * keep))] if keep < 1
                     else IMAGES[kind])
    for where, byte in flips:
        data[min(len(data) - 1, int(len(data) * where))] = byte
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "logo.img").write_bytes(bytes(data))
        previous = ImageFile.LOAD_TRUNCATED_IMAGES
        ImageFile.LOAD_TRUNCATED_IMAGES = lenient  # as after WeasyPrint was imported
        try:
            outcome: bytes | str = load_logo(Path(folder), "logo.img")[0]
        except ValueError as exc:
            outcome = str(exc)
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = previous
    if isinstance(outcome, str):
        assert outcome in ("logo harus berupa gambar PNG atau JPEG",
                           "berkas logo rusak atau tidak dapat dibaca sebagai gambar")
    else:
        with Image.open(io.BytesIO(outcome)) as image:  # whatever passes, a writer can decode
            image.load()


@pytest.mark.parametrize("name", ["..yaml", "...yaml", ".rencana.yaml", ".yaml"])
def test_dotted_names_never_name_the_output_folder_or_its_parent(tmp_path, name):
    inside = output_folder(tmp_path, Path(name).stem)
    assert inside.parent == tmp_path and inside.name.strip("_")[:1] != "."
