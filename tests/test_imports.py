"""The import graph of ``tracker/``: no cycles, and dependencies pointing one way.

Entry points (``tracker.cli``, ``dashboard.py``) -> the dashboard -> the library -> the schema.
Every ``import`` statement counts, including those inside functions: a lazy import hides a cycle
from Python, not from a reader.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "tracker"


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules(root: Path = PACKAGE) -> dict[str, Path]:
    return {_module_name(path, root): path for path in sorted(root.rglob("*.py"))}


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """Modules of ``known`` that ``path`` (module ``name``) imports, anywhere in its body."""
    is_package = path.name == "__init__.py"
    package = name if is_package else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            # "from tracker import dataset" imports the module tracker.dataset.
            targets = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base
                for alias in node.names
            ]
        else:
            continue
        for target in targets:
            # "import tracker.adsb.store" names the deepest known module.
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def import_graph(root: Path = PACKAGE) -> dict[str, set[str]]:
    """Module name -> names of the ``tracker`` modules it imports."""
    modules = _modules(root)
    known = set(modules)
    return {name: _imports(name, path, known) for name, path in modules.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan), sorted."""
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
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def test_the_graph_sees_real_imports():
    graph = import_graph()
    assert "tracker.cli.common" in graph["tracker.cli.validate"]
    assert "tracker.dataset" in graph["tracker.cli.validate"]  # "from tracker import dataset"
    # A lazy import inside a function counts.
    assert "tracker.dashboard" in graph["tracker.cli.serve"]


def test_the_cycle_finder_finds_a_cycle(tmp_path):
    package = tmp_path / "tracker"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "sub" / "__init__.py").write_text("")
    (package / "a.py").write_text("from tracker.sub import b\n")
    (package / "sub" / "b.py").write_text("def f():\n    from .. import a\n")
    (package / "c.py").write_text("import tracker.a\n")
    assert cycles(import_graph(package)) == [["tracker.a", "tracker.sub.b"]]


def test_no_import_cycles_in_tracker():
    found = cycles(import_graph())
    assert found == [], "import cycles: " + "; ".join(" <-> ".join(c) for c in found)


@pytest.mark.parametrize(
    ("importer", "imported", "allowed"),
    [
        # Nothing below the command line imports it.
        ("", "tracker.cli", ("tracker.cli", "tracker.__main__")),
        # Only the dashboard and layer plugins (which implement its MapLayer) import the dashboard.
        ("", "tracker.dashboard", ("tracker.dashboard", "tracker.adsb.dashboard", "tracker.cli")),
        # The dashboard knows layers only through the MapLayer interface.
        ("tracker.dashboard", "tracker.adsb", ()),
    ],
)
def test_dependencies_point_one_way(importer, imported, allowed):
    def within(module: str, prefix: str) -> bool:
        return module == prefix or module.startswith(prefix + ".")

    wrong = sorted(
        f"{module} imports {target}"
        for module, targets in import_graph().items()
        if (not importer or within(module, importer))
        and not any(within(module, a) for a in allowed)
        for target in targets
        if within(target, imported)
    )
    assert wrong == []


def test_no_module_imports_another_modules_private_names():
    wrong = []
    for name, path in _modules().items():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("tracker"):
                wrong += [
                    f"{name}: {node.module}.{alias.name}"
                    for alias in node.names
                    if alias.name.startswith("_") and not alias.name.startswith("__")
                ]
    assert wrong == []
