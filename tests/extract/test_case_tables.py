"""Data-driven cases: tests/extract/cases/*.yaml.

Each case gives a text and ALL the claims ``find_quantities`` must return for it, in
order; for each claim only the fields written in the table are checked (floats to a
relative 1e-9). A table is named after the feature of issue 3 (or 15) it protects. A
case that states a context field (``predicate``, ``location``) is read through the
context stage too. What is counted (``entity``) is scored, not asserted per case: its
accuracy per file is held to a floor in ``test_counted_floors.py`` (``tests.eval.case_f1``).

A case marked ``held_out`` is a measurement (written before the code it scores, see
``tests.eval.case_f1``): when it misses it is reported as an expected failure, and its
table's count of right figures is held to a floor in ``tests/eval/test_held_out_floors.py``
instead, so that an honest miss is not turned into a fitted rule.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
import yaml

from factcheck.extract import extract
from factcheck.extract.quantities import find_quantities

CASES_DIR = Path(__file__).parent / "cases"


def _load() -> list[tuple[str, dict]]:
    out = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        for i, case in enumerate(yaml.safe_load(path.read_text(encoding="utf-8"))):
            out.append((f"{path.stem}[{i}]", case))
    return out


CASES = _load()
_CONTEXT_FIELDS = frozenset({"predicate", "location"})
_SCORED = frozenset({"entity", "entity_type"})


def _same(expected, actual) -> bool:
    if isinstance(expected, list):
        return isinstance(actual, list) and len(expected) == len(actual) and all(
            _same(e, a) for e, a in zip(expected, actual)
        )
    if isinstance(expected, (int, float)) and not isinstance(expected, bool):
        return isinstance(actual, (int, float)) and math.isclose(
            float(expected), float(actual), rel_tol=1e-9, abs_tol=1e-12
        )
    return expected == actual


@pytest.mark.parametrize("case", [c for _, c in CASES], ids=[name for name, _ in CASES])
def test_case_table(case):
    if not case.get("held_out"):
        _check(case)
        return
    try:
        _check(case)
    except AssertionError as e:
        pytest.xfail(f"held-out case, measured by tests.eval.case_f1: {e}")


def _check(case: dict) -> None:
    text = case["text"]
    # What is counted comes from the context stage: a case that states it is read whole.
    context = any(_CONTEXT_FIELDS & exp.keys() for exp in case["claims"])
    claims = extract(text, None) if context else find_quantities(text)
    got = [c.model_dump() for c in claims]
    expected = case["claims"]
    surfaces = [c["surface"] for c in got]
    assert len(got) == len(expected), f"{text!r}: got {surfaces}"
    for exp, act in zip(expected, got):
        for field, value in exp.items():
            if field in _SCORED:
                continue
            assert _same(value, act[field]), (
                f"{text!r} claim {act['surface']!r}: {field} = {act[field]!r}, expected {value!r}"
            )
        assert text[act["start"] : act["end"]] == act["surface"]
