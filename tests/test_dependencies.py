"""A fresh `pip install .` brings every module that `zi` imports."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_every_import_of_the_package_is_declared():
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "check_imports.py")],
                            capture_output=True, text=True, timeout=120)
    assert (result.returncode, result.stdout) == (0, "")


def test_the_check_names_an_undeclared_import(tmp_path):
    package = tmp_path / "paket"
    package.mkdir()
    (package / "modul.py").write_text("import os\nimport rich.console\nfrom yaml import safe_load\n"
                                      "import paket.lain\nimport tidak_ada_di_mana_pun\n",
                                      encoding="utf-8")
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "check_imports.py"),
                             str(package)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{package / 'modul.py'}:5: imports 'tidak_ada_di_mana_pun' (tidak-ada-di-mana-pun), "
        "not declared in pyproject.toml [project] dependencies"]
