"""The web package's layering: routers never import app.py, API modules never import page modules."""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

WEB = Path(__file__).resolve().parents[2] / "newsgraph" / "web"
MODULES = sorted(p.stem for p in WEB.glob("*.py") if p.stem != "__init__")


def _imports(name: str) -> set[str]:
    tree = ast.parse((WEB / f"{name}.py").read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("newsgraph.web"):
            found.add(node.module)
            found.update(f"newsgraph.web.{a.name}" for a in node.names if node.module == "newsgraph.web")
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("newsgraph.web"))
    return found


@pytest.mark.parametrize("name", [m for m in MODULES if m != "app"])
def test_no_module_but_the_package_imports_app(name):
    assert "newsgraph.web.app" not in _imports(name)


@pytest.mark.parametrize("name", [m for m in MODULES if m.startswith("api_")])
def test_api_modules_import_no_page_module(name):
    assert not {m for m in _imports(name) if m.startswith("newsgraph.web.pages_")}


@pytest.mark.parametrize("name", ["deps", "api_articles", "pages_article"])
def test_a_module_imports_first_on_its_own(name):
    """Imported first in a fresh interpreter (where an import cycle would show)."""
    code = f"import importlib; importlib.import_module('newsgraph.web.{name}')"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120).returncode == 0
    assert importlib.import_module(f"newsgraph.web.{name}")
