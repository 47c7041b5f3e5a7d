"""Layering rules that keep the core usable without a screen."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT_LINES = 600


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_core_never_imports_qt_or_outer_layers():
    offenders = {str(p.relative_to(ROOT)): sorted(_imports(p) & {"PySide6", "ui", "printing"})
                 for p in (ROOT / "counter_app").rglob("*.py")}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_importing_the_whole_core_loads_no_qt():
    modules = sorted(".".join(p.relative_to(ROOT).with_suffix("").parts)
                     for p in (ROOT / "counter_app").rglob("*.py")
                     if p.name != "__main__.py" and "migrations" not in p.parts)
    code = ("import importlib, sys\n"
            f"for m in {modules!r}: importlib.import_module(m)\n"
            "bad = [m for m in sys.modules if m.startswith('PySide6')]\n"
            "print(','.join(bad))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, check=True)
    assert out.stdout.strip() == ""


def test_no_star_imports_and_modules_stay_small():
    too_long, stars = [], []
    for p in ROOT.glob("*/**/*.py"):
        if ".venv" in p.parts or "versions" in p.parts:
            continue
        text = p.read_text(encoding="utf-8")
        if text.count("\n") > LIMIT_LINES:
            too_long.append(str(p.relative_to(ROOT)))
        if any(line.lstrip().startswith(("from ", "import ")) and line.rstrip().endswith(" *")
               for line in text.splitlines()):
            stars.append(str(p.relative_to(ROOT)))
    assert (too_long, stars) == ([], [])


def test_printing_knows_nothing_of_qt_or_the_ui():
    offenders = {str(p.relative_to(ROOT)): sorted(_imports(p) & {"PySide6", "ui", "sqlalchemy"})
                 for p in (ROOT / "printing").rglob("*.py")}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_printing_reads_through_the_documents_services_only():
    """A renderer draws the data one read service of counter_app.services.documents
    returned: printing/ imports no other service (one would read the database again,
    outside that service's transaction), at run time or for its types."""
    def within(name: str, package: str) -> bool:
        return name == package or name.startswith(package + ".")

    offenders = {}
    for p in (ROOT / "printing").rglob("*.py"):
        found = set()
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module == "counter_app.services":
                found.update(f"{node.module}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module)
        bad = sorted(n for n in found if within(n, "counter_app.services")
                     and not within(n, "counter_app.services.documents"))
        if bad:
            offenders[str(p.relative_to(ROOT))] = bad
    assert offenders == {}


def _runtime_imports(path: Path) -> set[str]:
    """Full module names imported at run time (``if TYPE_CHECKING:`` blocks left out:
    a widget may name a view type in its annotations)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(n) for n in ast.walk(node))
    names = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_widgets_reach_the_services_only_through_ui_operations():
    """One user action is one call of ui.operations, which calls one service:
    a widget that imported services itself could chain them again."""
    offenders = {}
    for p in (ROOT / "ui").rglob("*.py"):
        if "operations" in p.relative_to(ROOT / "ui").parts:
            continue
        found = sorted(n for n in _runtime_imports(p)
                       if n == "counter_app.services" or n.startswith("counter_app.services."))
        if found:
            offenders[str(p.relative_to(ROOT))] = found
    assert offenders == {}


def test_each_operation_calls_one_service_per_function():
    """An operation that called two services would put a use case back together
    outside the core's unit of work."""
    chained = []
    for p in (ROOT / "ui" / "operations").glob("*.py"):
        tree = ast.parse(p.read_text(encoding="utf-8"))
        services = {alias.asname or alias.name for node in ast.walk(tree)
                    if isinstance(node, ast.ImportFrom) and node.module == "counter_app.services"
                    for alias in node.names}
        for fn in tree.body:
            if not isinstance(fn, ast.FunctionDef) or fn.name.startswith("_"):
                continue
            used = {(n.value.id, n.attr) for n in ast.walk(fn)
                    if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name)
                    and n.value.id in services}
            if len(used) > 1:
                chained.append(f"{p.name}:{fn.name} {sorted(used)}")
    assert chained == []
