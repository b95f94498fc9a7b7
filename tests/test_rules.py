"""Each copy-mistake rule fires at the right line: fixtures/rules/<rule>.yaml beside .expected.

Set ZI_PERBARUI_FIXTURE=1 to rewrite the expected files, then read the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.rules import check_file
from generator.source.diagnostics import PlanError
from tests.conftest import FIXTURES

CASES = sorted((FIXTURES / "rules").glob("*.yaml"))


@pytest.mark.parametrize("plan", CASES, ids=lambda p: p.stem)
def test_rule_fires_at_its_line(plan: Path):
    try:
        warnings = check_file(plan, shown_as=plan.name).warnings
    except PlanError as exc:  # a rule whose finding is an error (mengingat-tahun)
        warnings = exc.diagnostics
    found = [str(w) for w in warnings if w.kode == plan.stem]
    expected = plan.with_suffix(".expected")
    if os.environ.get("ZI_PERBARUI_FIXTURE"):
        expected.write_text("".join(f"{line}\n" for line in found), encoding="utf-8")
    assert found, "the rule did not fire"
    assert found == expected.read_text(encoding="utf-8").splitlines()
