"""The design stays easy to see: imports follow the flow of data, never back."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "claimscope"

# stage -> the claimscope stages it must never import (downstream ones).
FORBIDDEN = {
    "model": {"ingest", "nlp", "attribution", "knowledge", "store", "runner", "api", "web", "cli", "eval", "analysis"},
    "errors": {"model", "ingest", "nlp", "attribution", "knowledge", "store", "runner", "api", "web", "cli", "eval"},
    "ingest": {"nlp", "attribution", "knowledge", "store", "runner", "api", "web", "cli", "eval", "analysis"},
    "nlp": {"ingest", "attribution", "knowledge", "store", "runner", "api", "web", "cli", "eval"},
    "attribution": {"ingest", "knowledge", "store", "runner", "api", "web", "cli"},
    "knowledge": {"ingest", "store", "runner", "api", "web", "cli"},
    "store": {"ingest", "nlp", "attribution", "knowledge", "runner", "api", "web", "cli", "eval", "analysis"},
    "runner": {"api", "web", "cli"},
}


def _stage(path: Path) -> str:
    rel = path.relative_to(PACKAGE)
    return rel.parts[0].removesuffix(".py")


def _imported_stages(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        for name in names:
            parts = name.split(".")
            if parts[0] == "claimscope" and len(parts) > 1:
                out.add(parts[1])
    return out


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if _stage(p) in FORBIDDEN)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_layout_imports_follow_the_flow(path):
    back_edges = _imported_stages(path) & FORBIDDEN[_stage(path)]
    assert set() == back_edges, f"{path.relative_to(PACKAGE)} imports downstream stages {sorted(back_edges)}"


def test_layout_tasks_never_touch_the_store():
    """Tasks are pure and picklable; only the single writer (and the claim-map step) meet the store."""
    assert "store" not in _imported_stages(PACKAGE / "runner" / "tasks.py")
