"""Issue 19: the short run of the hypothesis fuzz targets of ``fuzz/`` (the relation
grammar, reference CSV and JSON Lines files), a bounded number of examples with a fixed
derandomised draw, as CI runs them. The long run's result is in ``fuzz/README.md``."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

from factcheck.intervals import Interval, Tolerance

FUZZ = Path(__file__).resolve().parents[2] / "fuzz"
if str(FUZZ) not in sys.path:
    sys.path.insert(0, str(FUZZ))

# Examples per target: enough to reach every branch of the grammar and the readers,
# few enough for two shared cores.
EXAMPLES = 150


@pytest.mark.parametrize("name", ["fuzz_relation", "fuzz_reference"])
def test_short_hypothesis_fuzzing_run_finds_nothing(name: str) -> None:
    importlib.import_module(name).run(EXAMPLES)


def test_the_relation_target_fails_on_a_crash_it_is_given(monkeypatch: pytest.MonkeyPatch) -> None:
    # The target is only worth its run if a crash in the parser reaches it.
    target = importlib.import_module("fuzz_relation")

    def crash(_: str) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(target, "parse_relation", crash)
    with pytest.raises(RecursionError):
        target.check_relation("toll ~ toll", [Interval(1, 2)], Tolerance())


def test_the_reference_target_fails_on_a_point_from_a_bad_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = importlib.import_module("fuzz_reference")
    from factcheck.rules import reference
    from factcheck.rules.schema import ReferencePoint

    monkeypatch.setattr(target, "load_points", lambda *a, **k: ([ReferencePoint.model_construct(value=-4.0)], []))
    with pytest.raises(AssertionError):
        target.check_reference(".csv", "date,value\n2024-01-01,-4\n", False, tmp_path)
    assert reference.load_points is not target.load_points
