"""The architecture's import direction, enforced: stages import only downward.

data and plugins (with the shared io, models and cards) <- cleaning, training <- evaluation, serving <- run <- cli.
Nothing imports between cleaning and training, nor between evaluation and serving. Every import counts, the lazy
ones inside functions included; only the names imported for type checkers (``if TYPE_CHECKING:``) are free, since
they create no dependency when the code runs (the hookspecs name the component types of every stage that way).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import medtune

SRC = Path(medtune.__file__).parent

#: Each top-level part of the package and its layer. A module may import its own part and any lower layer; within
#: the two lowest layers (foundations; data, plugins and the shared model, card and file code) parts may also import
#: each other, but a stage never imports a stage of its own layer.
LAYERS: dict[str, int] = {
    "_extras": 0,
    "_moved": 0,
    "errors": 0,
    "config": 0,
    "io": 0,
    "files": 0,  # deprecated alias of io.files
    "data": 1,
    "plugins": 1,
    "models": 1,
    "cards": 1,
    "cleaning": 2,
    "training": 2,
    "evaluation": 3,
    "serving": 3,
    "export": 3,
    "run": 4,
    "cli": 5,
    "medical": 6,  # a domain plugin: it builds on every stage
    "testing": 6,  # helpers for plugin authors' tests
}


def _part(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if parts[0] == "medtune" and len(parts) > 1 else None


#: Layers whose parts may import one another.
OPEN_LAYERS = {0, 1}


def _type_only(tree: ast.AST) -> set[int]:
    """ids of the import nodes under ``if TYPE_CHECKING:``."""
    skip = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip |= {id(n) for stmt in node.body for n in ast.walk(stmt)}
    return skip


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    skip = _type_only(tree)
    found = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "medtune":  # from medtune import io, models
                found += [(node.lineno, f"medtune.{alias.name}") for alias in node.names]
            else:
                found.append((node.lineno, node.module))
        elif isinstance(node, ast.Call) and getattr(node.func, "id", None) == "alias_module":
            found += [(node.lineno, a.value) for a in node.args if isinstance(a, ast.Constant)]
    return found


def _modules() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.py") if p.parent != SRC or p.name != "__init__.py")


def test_every_part_has_a_layer():
    parts = {p.relative_to(SRC).parts[0].removesuffix(".py") for p in _modules()}
    assert parts - {"__init__"} <= set(LAYERS), sorted(parts - set(LAYERS))


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_imports_go_downward(path: Path):
    own = path.relative_to(SRC).parts[0].removesuffix(".py")
    wrong = []
    for line, module in _imports(path):
        other = _part(module)
        if other is None or other == own or other == "__init__":
            continue
        if other not in LAYERS:
            continue  # a name of the root package (medtune.__version__)
        if LAYERS[other] > LAYERS[own] or (LAYERS[other] == LAYERS[own] and LAYERS[own] not in OPEN_LAYERS):
            wrong.append(f"{path.relative_to(SRC)}:{line} imports {module} (layer {LAYERS[other]} >= {LAYERS[own]})")
    assert not wrong, "\n".join(wrong)


def test_the_rule_catches_a_sibling_import(tmp_path: Path):
    """The walker sees lazy imports inside functions, so the test above cannot pass vacuously."""
    bad = tmp_path / "x.py"
    bad.write_text("def f():\n    from medtune.training.trainer import Trainer\n", encoding="utf-8")
    assert (2, "medtune.training.trainer") in _imports(bad)


def test_type_only_imports_are_free(tmp_path: Path):
    typed = tmp_path / "y.py"
    typed.write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from medtune.serving.safety import SafetyPolicy\n",
        encoding="utf-8",
    )
    assert _imports(typed) == [(1, "typing")]
