"""The check kinds against pass/fail case data (tests/check/cases/tests/*.yaml).

Each case is a small document with hand-written claims, optional corpus documents and
what must and must not be flagged; the runner is ``factcheck rules test``'s, so these
cases also exercise it. Claims are written out field by field: no extraction involved.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.check import REGISTRY
from factcheck.rules.load import load_rules
from factcheck.check.ruletests import run_case
from factcheck.rules.testfile import load_tests

CASES = Path(__file__).parent / "cases"
RULES = load_rules([CASES], kinds=REGISTRY)
ALL = load_tests([CASES])


@pytest.mark.parametrize(("test", "where"), ALL, ids=[f"{Path(w.path).stem}:{t.name}" for t, w in ALL])
def test_case(test, where) -> None:
    outcome = run_case(RULES, test, where)
    assert not outcome.failures, "\n".join(outcome.failures)


def test_every_check_kind_has_cases_that_flag_and_cases_that_pass() -> None:
    kinds_flagged = {RULES.check(e.rule).kind for t, _ in ALL for e in t.flags}
    kinds_passed = {RULES.check(e.rule).kind for t, _ in ALL for e in t.passes}
    assert kinds_flagged == set(REGISTRY)
    assert kinds_passed == set(REGISTRY)


def test_a_case_that_expects_the_wrong_thing_fails() -> None:
    """The runner can fail: the same case with its expectation inverted reports it."""
    test, where = next((t, w) for t, w in ALL if t.flags and t.name.startswith("a late-May draft"))
    inverted = test.model_copy(update={"flags": [], "passes": test.flags})
    outcome = run_case(RULES, inverted, where)
    assert any("false positive" in f for f in outcome.failures)
    counts = outcome.counts["toll-outdated"]
    assert (counts.fp, counts.tp) == (1, 0)
