"""The house drawn from the code's own imports: packages in pipeline order, imports one way.

A package may import only packages below it in LAYERS (or its own modules); no module imports
itself back through others. tools/import_graph.py reads the imports (inside functions too;
not those under `if TYPE_CHECKING:`, which never run).
"""

from __future__ import annotations

import ast
import subprocess
import sys

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
from import_graph import PACKAGE, cycles, graph  # noqa: E402

LAYERS = ("source", "text", "reference", "plan", "rules", "document", "writers", "importer",
          "output", "cli")
"""Bottom to top. text and reference are side by side (neither imports the other) and are
listed in that order only to give each a rank."""

EDGES = graph()


def _package(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def test_every_module_lives_in_a_package_of_the_pipeline():
    flat = [m for m in EDGES if _package(m) not in LAYERS and m not in ("generator",
                                                                        "generator.__main__")]
    assert flat == []


def test_no_import_cycle():
    assert cycles(EDGES) == []


def test_imports_run_down_the_stack_only():
    upward = []
    for importer, targets in sorted(EDGES.items()):
        if importer in ("generator", "generator.__main__"):
            continue
        rank = LAYERS.index(_package(importer))
        for target in sorted(targets):
            package = _package(target)
            if package and package != _package(importer) and LAYERS.index(package) > rank:
                upward.append(f"{importer} -> {target}")
    assert upward == []


def test_text_and_reference_stand_side_by_side():
    between = [f"{a} -> {b}" for a, targets in EDGES.items() for b in targets
               if {_package(a), _package(b)} == {"text", "reference"}]
    assert between == []


@pytest.mark.parametrize("package", LAYERS)
def test_each_package_says_its_role_in_its_first_docstring(package):
    init = PACKAGE / package / "__init__.py"
    docstring = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
    assert docstring and len(docstring.split()) >= 8, package


def test_the_command_starts_without_the_writers_libraries():
    """`zi check` and `zi --help` never load DOCX, PDF or progress-bar libraries: the writers
    import them when a build needs them."""
    heavy = ("docx", "docxtpl", "weasyprint", "rich", "PIL")
    code = ("import sys, generator.cli; print(' '.join(sorted({m.split('.')[0] for m in "
            f"sys.modules}} & {set(heavy)!r})))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, timeout=120, check=True)
    assert result.stdout.strip() == ""


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
