"""The same plan, templates and version give the same bytes; SOURCE_DATE_EPOCH is honoured."""

from __future__ import annotations

import io
import time
import zipfile

from docx import Document
from pypdf import PdfReader

from generator.output.build import render_plan
from tests.conftest import FIXTURES

PLAN = FIXTURES / "minimal.yaml"


def build(tmp_path) -> dict[str, bytes]:
    return {o.path.name: o.data for o in render_plan(PLAN, tmp_path)}


def test_two_builds_are_byte_identical(tmp_path):
    first = build(tmp_path)
    time.sleep(1.1)  # a clock tick that must not show
    second = build(tmp_path)
    assert first.keys() == second.keys()
    for name in first:
        assert first[name] == second[name], name


def test_docx_members_are_dated_and_ordered_stably(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    data = build(tmp_path)["keputusan-asli.docx"]
    infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    assert infos[0].filename == "[Content_Types].xml"
    # every member carries the build's timestamp: 1 January of the undated plan's year
    assert {info.date_time for info in infos} == {(2026, 1, 1, 0, 0, 0)}


def test_source_date_epoch_is_honoured(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z
    files = build(tmp_path)
    props = Document(io.BytesIO(files["keputusan-asli.docx"])).core_properties
    assert props.created.isoformat().startswith("2026-01-01T00:00:00")
    info = PdfReader(io.BytesIO(files["keputusan-salinan.pdf"])).metadata
    assert info["/CreationDate"].startswith("D:20260101000000")


def test_without_source_date_epoch_the_decree_date_is_the_timestamp(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    files = build(tmp_path)  # the minimal plan is undated: 1 January of its year
    props = Document(io.BytesIO(files["keputusan-asli.docx"])).core_properties
    assert props.created.isoformat().startswith("2026-01-01")
