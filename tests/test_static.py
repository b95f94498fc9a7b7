"""The linters CI runs besides the tests: ruff, and mypy strict enough for the optional fields.

Run here so the README's one test command (the one .ci/run runs) covers them too.
"""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True,
                          text=True, timeout=600)


def test_ruff_is_clean():
    result = _run("ruff", "check", "generator", "tests", "tools", "bench")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean():
    """pyproject.toml's [tool.mypy]: strict, so reading `plan.keputusan` (absent in a plan with
    only 'mandiri') without the check `has_keputusan` makes is an error."""
    result = _run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("Success: no issues found"), result.stdout


def test_mypy_catches_an_unchecked_keputusan(tmp_path):
    """The strictness the project relies on: the optional decree read without narrowing."""
    probe = tmp_path / "probe.py"
    probe.write_text(
        "from generator.plan.model import Rencana, RencanaKeputusan, has_keputusan\n\n\n"
        "def unchecked(plan: Rencana) -> int:\n"
        "    return plan.keputusan.tahun\n\n\n"
        "def checked(plan: Rencana) -> int:\n"
        "    return plan.keputusan.tahun if has_keputusan(plan) else plan.tahun\n\n\n"
        "def narrowed(plan: RencanaKeputusan) -> int:\n"
        "    return plan.keputusan.tahun\n",
        encoding="utf-8")
    result = _run("mypy", "--config-file", str(ROOT / "pyproject.toml"), str(probe))
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert [line.split(":")[1] for line in errors] == ["5"], result.stdout
    assert 'Item "None" of "Keputusan | None" has no attribute "tahun"' in errors[0]
