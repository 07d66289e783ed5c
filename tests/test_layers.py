"""Data flows one way: a module never imports from a layer to its right (docs/architecture.md)."""

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "piao_rules"
LAYERS = [
    {"errors", "values", "number", "atomic", "resources", "safety", "format_it", "gc_pause", "__init__"},
    {"io"},
    {"targets"},
    {"engine", "importing"},
    {"collect", "review", "history"},
    {"narrative"},
    {"documents"},
    {"monitoring"},
    {"portal"},
    {"cli", "__main__"},
]
RANK = {name: rank for rank, names in enumerate(LAYERS) for name in names}


def _layer(module: str) -> str:
    name = module.split(".")[1]
    return name if name in RANK else "__init__"  # a name defined in piao_rules/__init__.py


def _imports(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module == "piao_rules":
            yield from (f"piao_rules.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("piao_rules."):
            yield node.module
        elif isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names if alias.name.startswith("piao_rules."))


FILES = sorted(SRC.rglob("*.py"))


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(SRC)) for p in FILES])
def test_no_import_from_a_higher_layer(path):
    own = path.relative_to(SRC).parts[0].removesuffix(".py")
    for module in _imports(path):
        target = _layer(module)
        assert RANK[target] <= RANK[own], f"{path.relative_to(SRC)} importa {module}"
