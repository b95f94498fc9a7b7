"""Every kind of bad plan gets its own exact message at its exact line:column, never a traceback."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from generator.cli import main
from generator.diagnostics import PlanError
from generator.validate import load_plan
from tests.conftest import FIXTURES

CASES = sorted((FIXTURES / "errors").glob("*.yaml"))


def expected_lines(plan: Path) -> list[str]:
    return plan.with_suffix(".expected").read_text(encoding="utf-8").splitlines()


def test_there_are_at_least_twelve_kinds_of_bad_input():
    assert len(CASES) >= 12


@pytest.mark.parametrize("plan", CASES, ids=lambda p: p.stem)
def test_messages_are_exact(plan: Path):
    with pytest.raises(PlanError) as info:
        load_plan(plan, shown_as=plan.name)
    assert [str(d) for d in info.value.diagnostics] == expected_lines(plan)


@pytest.mark.parametrize("plan", CASES, ids=lambda p: p.stem)
def test_check_prints_them_and_exits_1(plan: Path, monkeypatch):
    monkeypatch.chdir(plan.parent)
    out, err = io.StringIO(), io.StringIO()
    assert main(["check", plan.name], out, err) == 1
    lines = err.getvalue().splitlines()
    assert lines[:-1] == expected_lines(plan)
    errors = sum("peringatan [" not in line for line in lines[:-1])
    assert lines[-1].startswith(f"{errors} kesalahan")
    assert "Traceback" not in err.getvalue()


def test_build_of_a_bad_plan_writes_nothing_and_says_the_same(tmp_path, monkeypatch):
    plan = FIXTURES / "errors" / "banyak-kesalahan.yaml"
    monkeypatch.chdir(plan.parent)
    out, err = io.StringIO(), io.StringIO()
    assert main(["build", plan.name, "-o", str(tmp_path)], out, err) == 1
    assert err.getvalue().splitlines()[: len(expected_lines(plan))] == expected_lines(plan)
    assert list(tmp_path.iterdir()) == []


def test_every_error_is_reported_at_once():
    plan = FIXTURES / "errors" / "banyak-kesalahan.yaml"
    assert len(expected_lines(plan)) == 3


def test_missing_file_is_a_message(tmp_path):
    err = io.StringIO()
    assert main(["check", str(tmp_path / "tidak-ada.yaml")], io.StringIO(), err) == 1
    assert err.getvalue().startswith(f"{tmp_path / 'tidak-ada.yaml'}:1:1: berkas tidak ada")


def test_text_that_is_not_utf8_is_a_message(tmp_path):
    plan = tmp_path / "latin1.yaml"
    plan.write_bytes("satker:\n  nama: Tebing Tinggi\xe9\n".encode("latin-1"))
    with pytest.raises(PlanError) as info:
        load_plan(plan, shown_as="latin1.yaml")
    assert [str(d) for d in info.value.diagnostics] == [
        "latin1.yaml:2:1: berkas bukan teks UTF-8; simpan ulang sebagai UTF-8"
    ]


def test_valid_minimal_plan_checks_without_errors():
    err = io.StringIO()
    assert main(["check", str(FIXTURES / "minimal.yaml")], io.StringIO(), err) == 0
    lines = err.getvalue().splitlines()
    # the minimal plan plans one komponen only: the other areas' komponen are reported missing
    assert all("peringatan [komponen-hilang]" in line for line in lines[:-1])
    assert lines[-1] == "0 kesalahan dan 6 peringatan ditemukan: komponen-hilang 6."
    assert main(["check", "--strict", str(FIXTURES / "minimal.yaml")], io.StringIO(),
                io.StringIO()) == 1
