"""Draw the house from the code's own imports: which module of `generator` imports which.

Every import counts, also one inside a function (it runs when that function does); only an
import under `if TYPE_CHECKING:` does not, since it never runs.

usage: .venv/bin/python tools/import_graph.py [--dot]
  prints `importer -> imported` per line, or a Graphviz graph of the packages with --dot
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "generator"


def module_name(file: Path) -> str:
    """generator/plan/model.py -> 'generator.plan.model'; a package's __init__ is the package."""
    parts = file.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _type_checking_only(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or \
        (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(tree: ast.AST, importer: str, is_package: bool) -> set[str]:
    found: set[str] = set()
    pending: list[ast.AST] = [tree]
    while pending:
        node = pending.pop()
        if isinstance(node, ast.If) and _type_checking_only(node):
            pending.extend(node.orelse)
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = importer.split(".")
                base = base[: len(base) - node.level + (1 if is_package else 0)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            # `from generator import catalog` imports the module generator.catalog; `from
            # generator.plan.model import Rencana` the module generator.plan.model
            found.update(f"{module}.{alias.name}|{module}" for alias in node.names)
        pending.extend(ast.iter_child_nodes(node))
    return found


def graph() -> dict[str, set[str]]:
    """{module: the modules of the package it imports}, for every module of `generator`."""
    files = sorted(PACKAGE.rglob("*.py"))
    modules = {module_name(file): file for file in files}
    edges: dict[str, set[str]] = {}
    for name, file in modules.items():
        tree = ast.parse(file.read_text(encoding="utf-8"))
        imported = set()
        for found in _imports(tree, name, file.name == "__init__.py"):
            submodule, _, parent = found.partition("|")
            imported.add(submodule if submodule in modules or not parent else parent)
        edges[name] = {m for m in imported if m in modules and m != name and m != "generator"}
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(node: str) -> None:
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def main(argv: list[str]) -> int:
    """Print the edges, or the package graph as Graphviz."""
    edges = graph()
    if "--dot" in argv:
        packages = sorted({(a.split(".")[1], b.split(".")[1]) for a, targets in edges.items()
                           for b in targets if len(a.split(".")) > 2 and len(b.split(".")) > 2
                           and a.split(".")[1] != b.split(".")[1]})
        print("digraph zi {")
        for a, b in packages:
            print(f'  "{a}" -> "{b}";')
        print("}")
        return 0
    for importer in sorted(edges):
        for imported in sorted(edges[importer]):
            print(f"{importer} -> {imported}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
