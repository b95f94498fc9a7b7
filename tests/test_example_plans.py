"""Every plan in plans/ checks clean (no warning) and builds every step, in order."""

from __future__ import annotations

import io
import json

import pytest
from docx import Document
from docx.oxml.ns import qn

from generator.output.build import render_checked
from generator.plan.schedule import step_months
from generator.rules import check_file
from generator.rules.decree_body import langkah_paths
from generator.text.inline import parse, plain
from tests.conftest import (
    EXAMPLE_PLANS,
    docx_table_rows,
    docx_text,
    in_order,
    pdf_text,
    squash,
)

EXAMPLES = EXAMPLE_PLANS


@pytest.fixture(scope="module", params=EXAMPLES, ids=lambda p: p.stem)
def example(request, tmp_path_factory):
    checked = check_file(request.param)
    outputs = render_checked(checked.plan, request.param.stem, tmp_path_factory.mktemp("x"))
    return checked, {o.path.name: o.data for o in outputs}


def test_examples_check_without_warnings(example):
    checked, _ = example
    assert checked.warnings == []


def test_every_step_in_order_in_every_file(example):
    checked, files = example
    if checked.plan.rencana_aksi is None:
        pytest.skip("no Rencana Aksi table")
    steps = [squash(plain(parse(step.aksi))) for _, step in langkah_paths(checked.plan)]
    assert steps
    for name, data in files.items():
        if name.endswith(".jdih.json"):
            continue
        text = squash(docx_text(data) if name.endswith(".docx") else pdf_text(data))
        assert in_order(text, steps) == [], name


def test_the_jdih_record_describes_the_salinan_pdf_beside_it(example):
    checked, files = example
    if checked.plan.keputusan is None:
        pytest.skip("no decree")
    record = json.loads(files["keputusan-salinan.jdih.json"])
    assert record["fileDownload"] == "keputusan-salinan.pdf"
    assert record["fileDownload"] in files
    assert record["noPeraturan"] == (checked.plan.keputusan.nomor or "")
    assert record["tahun_pengundangan"] == str(checked.plan.keputusan.tahun)


def test_ticks_match_each_schedule_in_18_column_plans(example):
    checked, files = example
    if checked.plan.rencana_aksi is None or checked.plan.rencana_aksi.kolom != 18:
        pytest.skip("not an 18-column plan")
    expected = [set(step_months(step)) for _, step in langkah_paths(checked.plan)]
    document = Document(io.BytesIO(files["keputusan-asli.docx"]))
    rows = []
    for tr in docx_table_rows(document.tables[0])[3:]:
        cells = ["".join(t.text or "" for t in tc.iter(qn("w:t"))) for tc in tr.tc_lst]
        if len(cells) == 18:
            rows.append({m for m in range(1, 13) if cells[4 + m] == "v"})
    assert rows == expected
    assert all(months for months in expected)
