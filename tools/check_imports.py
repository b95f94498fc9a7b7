"""Fail when generator/ imports a third-party module that pyproject.toml does not declare.

A fresh install has only the declared dependencies: a module that happens to be installed here
(pulled in by a test tool, say) but is not declared crashes `zi` on a user's machine.

usage: .venv/bin/python tools/check_imports.py [PACKAGE_DIR ...]   (default: generator)
Run it with the project's own Python so installed distributions map to their import names.
Prints one line per undeclared module; exit 1 if any.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def normalised(name: str) -> str:
    """A distribution name as PyPI compares them: case and '-', '_', '.' folded."""
    return re.sub(r"[-_.]+", "-", name).lower()


def declared(pyproject: Path) -> set[str]:
    """The distributions a plain `pip install .` brings (not the optional extras)."""
    data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    requirements = data.get("project", {}).get("dependencies", [])
    return {normalised(re.split(r"[\s<>=!~;\[(]", r, maxsplit=1)[0]) for r in requirements}


def imported(folder: Path) -> dict[str, str]:
    """Every top-level module imported under `folder` that is neither stdlib nor our own."""
    own = {folder.name}
    found: dict[str, str] = {}
    for file in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top not in own:
                    shown = file.relative_to(ROOT) if file.is_relative_to(ROOT) else file
                    found.setdefault(top, f"{shown}:{node.lineno}")
    return found


def undeclared(folders: list[Path]) -> list[str]:
    """One line for each imported module that no declared distribution provides."""
    wanted = declared(ROOT / "pyproject.toml")
    providers = packages_distributions()
    lines = []
    for folder in folders:
        for module, where in imported(folder).items():
            dists = {normalised(d) for d in providers.get(module, [module])}
            if not dists & wanted:
                lines.append(f"{where}: imports '{module}' ({', '.join(sorted(dists))}), "
                             "not declared in pyproject.toml [project] dependencies")
    return lines


def main(argv: list[str]) -> int:
    folders = [Path(a).resolve() for a in argv] or [ROOT / "generator"]
    lines = undeclared(folders)
    for line in lines:
        print(line)
    return 1 if lines else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
