"""Property-based tests: any plan either builds with its text printed literally, or gets clear
messages; never a traceback, never a half-written file. Derandomized, so CI runs are bounded."""

from __future__ import annotations

import copy
import re
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.document.decree import build_document
from generator.output.batch import build_one
from generator.output.build import render_checked
from generator.rules import check_file
from generator.source import yaml_reader
from generator.source.diagnostics import PlanError
from generator.writers.text_writer import render_text
from tests.conftest import FIXTURES, docx_text, pdf_text, squash

BASE = yaml.safe_load((FIXTURES / "minimal.yaml").read_text(encoding="utf-8"))
MESSAGE = re.compile(r"^[^:]+:\d+:\d+: \S.*$")
SETTINGS = dict(deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

MARKUP = ["&", "<", ">", "{{", "}}", "{%", "%}", "\\", '"', "'", "{_{", "]]>", "<![CDATA[",
          "#", ": ", "- ", "|", ">-", "!!", "%", "@", "`"]
# text that must print as typed: markup characters, right-to-left scripts, emoji; no '*'
# (that is the italic markup) and no line breaks
LITERAL = st.text(
    alphabet=st.one_of(st.sampled_from([c for m in MARKUP for c in m] + [" "] * 4),
                       st.characters(codec="utf-8", categories=("L", "N", "P", "S"),
                                     exclude_characters="*\n\r\x85\u2028\u2029")),
    min_size=1, max_size=40,
).map(lambda s: " ".join(s.split())).filter(bool)
# for the PDF: Latin letters with the markup characters (the shipped font's scripts; right-to-left
# and other scripts are shaped or reordered by the layout engine, so their extracted text differs)
LATIN = st.text(
    alphabet=st.one_of(st.sampled_from([c for m in MARKUP for c in m] + [" "] * 4),
                       st.characters(min_codepoint=0x21, max_codepoint=0x24F,
                                     categories=("L", "N", "P", "S"), exclude_characters="*")),
    min_size=1, max_size=30,
).map(lambda s: " ".join(s.split())).filter(bool)
ANY_TEXT = st.text(min_size=0, max_size=60)

TEXT_PATHS = [
    ("satker", "nama"), ("satker", "tempat"), ("keputusan", "tentang"),
    ("keputusan", "menimbang", 0), ("keputusan", "diktum", 1), ("orang", "ketua", "nama"),
    ("orang", "kasubbag", "jabatan"),
    ("rencana_aksi", "area", 0, "nama"),
    ("rencana_aksi", "area", 0, "komponen", 0, "nama"),
    ("rencana_aksi", "area", 0, "komponen", 0, "indikator", 0, "nama"),
    ("rencana_aksi", "area", 0, "komponen", 0, "indikator", 0, "langkah", 0, "aksi"),
    ("rencana_aksi", "area", 0, "komponen", 0, "indikator", 0, "langkah", 0, "bukti_fisik"),
    ("rencana_aksi", "area", 0, "komponen", 0, "indikator", 0, "langkah", 0, "target_capaian"),
    ("tim", "tim_kerja", "subtim", 0, "nama"),
    ("tim", "pengarah", 0, "kedudukan"),
]


def _set(plan: dict, path: tuple, value) -> None:
    target = plan
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value


def _paths(data, path=()):
    yield path
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _paths(value, (*path, index))


ALL_PATHS = [p for p in _paths(BASE) if p]
RIGHT_TO_LEFT = "\u202e\u0627\u0644\u0633\u0644\u0627\u0645 😀 \u05e9\u05dc\u05d5\u05dd"
HOSTILE_VALUES = st.one_of(
    ANY_TEXT, st.integers(), st.floats(allow_nan=True), st.booleans(), st.none(),
    st.lists(ANY_TEXT, max_size=3), st.dictionaries(ANY_TEXT, ANY_TEXT, max_size=2),
    st.just("x" * 20_000), st.just(RIGHT_TO_LEFT),
    st.just("\x00\x07\x1b"), st.just(MARKUP),
    st.integers(1, 60).map(lambda depth: _nested(depth)),
)


def _nested(depth: int):
    value: object = "dalam"
    for _ in range(depth):
        value = [value]
    return value


@st.composite
def mutated_plans(draw) -> str:
    plan = copy.deepcopy(BASE)
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(ALL_PATHS))
        try:
            if draw(st.booleans()):
                parent = plan
                for part in path[:-1]:
                    parent = parent[part]
                del parent[path[-1]]
            else:
                _set(plan, path, draw(HOSTILE_VALUES))
        except (KeyError, IndexError, TypeError):
            continue
    if draw(st.integers(0, 9)) == 0:  # now and then: text that is hardly YAML at all
        return draw(st.text(max_size=200))
    return yaml.safe_dump(plan, allow_unicode=True, sort_keys=False)


@settings(max_examples=1000, **SETTINGS)
@given(mutated_plans())
def test_any_plan_is_checked_without_a_traceback(text):
    with tempfile.TemporaryDirectory() as folder:
        plan = Path(folder) / "acak.yaml"
        plan.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            checked = check_file(plan, shown_as="acak.yaml")
        except PlanError as exc:
            assert exc.diagnostics
            assert all(MESSAGE.match(str(d)) for d in exc.diagnostics), exc.diagnostics
            # a plan that fails never leaves a file behind
            result = build_one(str(plan), str(Path(folder) / "out"), ("docx",), ("asli",))
            assert result.status == "gagal" and result.messages
            assert not (Path(folder) / "out").exists()
            return
        render_text(build_document(checked.plan, "salinan"))
        assert all(MESSAGE.match(str(w)) for w in checked.warnings)


@st.composite
def hostile_valid_plans(draw, texts=LITERAL) -> tuple[dict, list[str]]:
    plan = copy.deepcopy(BASE)
    placed = []
    for path in draw(st.lists(st.sampled_from(TEXT_PATHS), min_size=1, max_size=6,
                              unique=True)):
        text = draw(texts)
        if path[0] == "keputusan" and path[1] in ("menimbang", "diktum"):
            text = f"bahwa {text} akhir"  # punctuation is added at the end of these
        _set(plan, path, text)
        placed.append((path, text))
    return plan, placed


def _build(plan: dict, formats: tuple[str, ...]) -> dict[str, bytes] | None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "acak.yaml"
        path.write_text(yaml.safe_dump(plan, allow_unicode=True), encoding="utf-8")
        try:
            checked = check_file(path)
        except PlanError:
            return None  # e.g. a name that is only punctuation after stripping
        outputs = render_checked(checked.plan, "acak", Path(folder), formats, ("salinan",))
        return {o.path.name: o.data for o in outputs}


def _expected(path: tuple, text: str) -> list[str]:
    """How a text must appear: as typed, or in capitals where the decree capitalises it."""
    forms = [text]
    if path in (("satker", "nama"), ("keputusan", "tentang"), ("orang", "ketua", "nama"),
                ("rencana_aksi", "area", 0, "nama"), ("tim", "tim_kerja", "subtim", 0, "nama")):
        forms.append(text.upper())
    return forms


@settings(max_examples=250, **SETTINGS)
@given(hostile_valid_plans())
def test_text_prints_literally_in_docx(case):
    plan, placed = case
    files = _build(plan, ("docx",))
    if files is None:
        return
    text = docx_text(files["keputusan-salinan.docx"])
    for path, value in placed:
        assert any(form in text for form in _expected(path, value)), (path, value)


@settings(max_examples=15, **SETTINGS)
@given(hostile_valid_plans(texts=LATIN))
def test_text_prints_literally_in_pdf(case):
    plan, placed = case
    files = _build(plan, ("pdf",))
    if files is None:
        return
    text = squash(pdf_text(files["keputusan-salinan.pdf"]))
    assert text
    for path, value in placed:
        forms = [squash(f) for f in _expected(path, value)]
        assert any(form in text for form in forms), (path, value)


def test_alias_bomb_is_refused_after_bounded_work(tmp_path, monkeypatch):
    """Nine levels of nine aliases expand to 9**10 values: the walk stops at MAX_NODES."""
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for i in range(1, 10):
        previous = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([previous] * 9)}]")
    plan = tmp_path / "bom.yaml"
    plan.write_text("\n".join(lines) + "\n", encoding="utf-8")
    visited = 0
    visit = yaml_reader._Walker._visit

    def counted(self, *args):
        nonlocal visited
        visited += 1
        return visit(self, *args)

    monkeypatch.setattr(yaml_reader._Walker, "_visit", counted)
    with pytest.raises(PlanError) as info:
        check_file(plan, shown_as="bom.yaml")
    # bound the work, not the time: the walk stops right at the limit
    assert visited == yaml_reader.MAX_NODES + 1
    assert any("alias (*) berulang-ulang" in str(d) for d in info.value.diagnostics)


def test_oversized_file_is_refused_unread(tmp_path):
    plan = tmp_path / "besar.yaml"
    plan.write_text("a: " + "x" * (6 * 1024 * 1024) + "\n", encoding="utf-8")
    with pytest.raises(PlanError) as info:
        check_file(plan, shown_as="besar.yaml")
    assert [str(d) for d in info.value.diagnostics] == [
        "besar.yaml:1:1: berkas terlalu besar (lebih dari 5 MB); rencana aksi biasanya "
        "hanya beberapa ratus KB"]

