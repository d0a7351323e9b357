"""The package layout is the pipeline: load -> extract -> rules -> match -> check ->
suppress -> report, with ``cluster`` and ``pipeline`` on top and ``cli`` above them, on a ground floor of
models, errors, intervals, hedging, units, places and util/. No module imports one of a
later stage (a function-level or type-checking import included), and no import circle
exists, even through function-level imports: none may dodge a circle."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "factcheck"

# Stage of each top-level name of the package; a module may import its own stage and
# the stages below it.
STAGES: dict[str, int] = {
    "models": 0, "errors": 0, "intervals": 0, "hedging": 0, "units": 0, "places": 0, "util": 0,
    "load": 1,
    "extract": 2,
    "rules": 3,
    "match": 4,
    "check": 5,
    "suppress": 6,
    "report": 7,
    # cluster runs extraction and the checks on Dask workers: it orchestrates the stages
    # like pipeline, which hands a run to it.
    "cluster": 8,
    "pipeline": 9,
    "serve": 10,  # a front end like cli/ (which starts it); it never imports cli/
    "cli": 10,
    "__main__": 11,
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _resolve(name: str) -> str | None:
    """The module of the package that ``name`` names (a module, or a package's
    ``__init__``), None outside the package."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def imports_of(module: str) -> list[tuple[str, int]]:
    """Every module of the package ``module`` imports, at any depth of its code, with
    the line of the import."""
    path = MODULES[module]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: list[tuple[str, int]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                target = _resolve(alias.name)
                if target is not None:
                    found.append((target, node.lineno))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
            for alias in node.names:
                target = _resolve(f"{base}.{alias.name}") if f"{base}.{alias.name}" in MODULES else _resolve(base)
                if target is not None:
                    found.append((target, node.lineno))
    return [(t, line) for t, line in found if t != module]


def stage(module: str) -> int | None:
    parts = module.split(".")
    return STAGES.get(parts[1]) if len(parts) > 1 else None  # the package face has no stage


def test_every_top_level_module_and_package_has_a_stage() -> None:
    tops = {name.split(".")[1] for name in MODULES if "." in name}
    assert sorted(tops - set(STAGES)) == []
    assert sorted(set(STAGES) - tops) == []


@pytest.mark.parametrize("module", sorted(m for m in MODULES if stage(m) is not None))
def test_no_import_goes_up_the_pipeline(module: str) -> None:
    mine = stage(module)
    assert mine is not None
    upward = [
        f"line {line}: {target}" for target, line in imports_of(module)
        if stage(target) is not None and stage(target) > mine  # type: ignore[operator]
    ]
    assert upward == [], f"{module} (stage {mine}) imports a later stage"


def test_there_is_no_import_circle_even_through_function_level_imports() -> None:
    graph = {m: sorted({t for t, _ in imports_of(m) if stage(t) is not None}) for m in MODULES if stage(m) is not None}
    state: dict[str, int] = {}  # 1: on the path, 2: done
    path: list[str] = []
    circles: list[list[str]] = []

    def visit(node: str) -> None:
        state[node] = 1
        path.append(node)
        for nxt in graph.get(node, []):
            if state.get(nxt) == 1:
                circles.append(path[path.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt)
        path.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    assert circles == []


def test_the_stage_packages_are_folders_and_the_ground_floor_is_small() -> None:
    for name in ("load", "extract", "rules", "match", "check", "suppress", "report", "cli", "serve", "util"):
        assert (PACKAGE / name / "__init__.py").is_file(), name
    loose = sorted(p.stem for p in PACKAGE.glob("*.py") if p.stem != "__init__")
    assert loose == ["__main__", "errors", "hedging", "intervals", "models", "pipeline", "places", "units"]


def test_the_rules_know_no_check_kind() -> None:
    """Rules are data: the check kinds come from the registry the loader is given."""
    rules = [m for m in MODULES if m.startswith("factcheck.rules")]
    assert rules
    for module in rules:
        assert not [t for t, _ in imports_of(module) if t.startswith("factcheck.check")], module


# -- sizes -----------------------------------------------------------------------------
MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 80


@pytest.mark.parametrize("module", sorted(MODULES))
def test_modules_and_functions_stay_small(module: str) -> None:
    """No module over 500 lines, no function over 80: a module whose name says what it
    holds can be read whole. (Data tables live in data files: units.json, the rules.)"""
    source = MODULES[module].read_text(encoding="utf-8")
    lines = source.count("\n")
    assert lines <= MAX_MODULE_LINES, f"{module}: {lines} lines (at most {MAX_MODULE_LINES})"
    long = [
        f"{node.name} ({node.lineno}): {node.end_lineno - node.lineno + 1} lines"
        for node in ast.walk(ast.parse(source))
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert not long, f"{module}: functions over {MAX_FUNCTION_LINES} lines: {long}"
