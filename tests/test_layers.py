"""The code's large shape: three layers whose imports point down only, and no circles.

``core`` (site plumbing) imports no other app of the project; ``officialstats``
imports ``core`` only; the editorial app, ``comparisons``, may import both;
``careerguide`` (settings and addresses) wires them all. Every import counts,
those inside functions too (an import moved into a function to dodge a circle
is still a circle); only imports for type checkers (``if TYPE_CHECKING:``) do not.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ("core", "officialstats", "comparisons", "careerguide")  # lowest first


def modules(root: Path) -> dict[str, Path]:
    """Every module of the project's apps, by dotted name (migrations aside)."""
    found = {}
    for package in LAYERS:
        for path in sorted((root / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            parts = list(path.relative_to(root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


def imports_of(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The project modules ``name`` imports, wherever in the file."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]

    def resolve(dotted: str) -> str | None:
        while dotted and dotted not in known:
            dotted = dotted.rpartition(".")[0]
        return dotted or None

    found: set[str] = set()

    class Visitor(ast.NodeVisitor):
        def visit_If(self, node: ast.If) -> None:
            test = node.test
            if getattr(test, "id", getattr(test, "attr", None)) == "TYPE_CHECKING":
                for child in node.orelse:
                    self.visit(child)
                return
            self.generic_visit(node)

        def visit_Import(self, node: ast.Import) -> None:
            found.update(filter(None, (resolve(alias.name) for alias in node.names)))

        def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            for alias in node.names:
                full = f"{module}.{alias.name}"
                target = full if full in known else resolve(module)
                if target:
                    found.add(target)

    Visitor().visit(ast.parse(path.read_text(), str(path)))
    found.discard(name)
    return found


def import_graph(root: Path = ROOT) -> dict[str, set[str]]:
    known = modules(root)
    return {name: imports_of(name, path, known) for name, path in known.items()}


def upward_imports(graph: dict[str, set[str]]) -> list[str]:
    rank = {layer: index for index, layer in enumerate(LAYERS)}
    return [
        f"{module} imports {target}"
        for module, targets in sorted(graph.items())
        for target in sorted(targets)
        if rank[target.split(".")[0]] > rank[module.split(".")[0]]
    ]


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import each other, directly or not (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
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

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_imports_point_down_the_layers_only():
    assert upward_imports(import_graph()) == []


def test_no_module_imports_itself_through_others():
    assert circles(import_graph()) == []


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


@pytest.fixture
def tree(tmp_path) -> Path:
    """A small project of the same shape, for the checks to be checked on."""
    write(
        tmp_path,
        {
            "core/__init__.py": "",
            "core/formatting.py": "import decimal\n",
            "officialstats/__init__.py": "",
            "officialstats/figures.py": "from core.formatting import x\n",
            "comparisons/__init__.py": "",
            "comparisons/models/__init__.py": "from .roles import Role\n",
            "comparisons/models/roles.py": "from ..queries import load\n",
            "comparisons/queries.py": (
                "from typing import TYPE_CHECKING\n"
                "if TYPE_CHECKING:\n    from comparisons.views import page\n"
                "def load():\n    from .models import Role\n"
            ),
            "comparisons/views.py": "from . import queries\n",
            "careerguide/__init__.py": "",
            "careerguide/urls.py": "from comparisons import views\n",
        },
    )
    return tmp_path


def test_the_checks_see_an_upward_import_and_a_circle(tree):
    graph = import_graph(tree)
    assert upward_imports(graph) == []
    assert graph["comparisons.queries"] == {"comparisons.models"}  # TYPE_CHECKING aside
    # An import inside a function closes the circle all the same.
    assert circles(graph) == [
        ["comparisons.models", "comparisons.models.roles", "comparisons.queries"]
    ]
    write(tree, {"core/formatting.py": "def f():\n    from officialstats import figures\n"})
    assert upward_imports(import_graph(tree)) == ["core.formatting imports officialstats.figures"]
