"""Issue 3 targets on the peer suites (../shared/eval), with and without exclusions.

Not a timing test. Runs ``score_peers.py``'s own scoring functions in process on
``tests.eval.peer_eval:score_adapter``.
"""

from __future__ import annotations

import math
import os

import pytest

from . import peer_suites as ps

# CI sets FACTCHECK_REQUIRE_EVAL=1 (its checkout has ../shared beside it): there missing
# suites are a failure of every test here, not a silent skip. Elsewhere (a checkout
# without ../shared, an sdist) they are skipped, saying where they were looked for.
REQUIRED = os.environ.get("FACTCHECK_REQUIRE_EVAL", "") not in ("", "0")


@pytest.fixture(autouse=True)
def _peer_suites_present() -> None:
    if (ps.eval_dir() / "score_peers.py").is_file():
        return
    reason = f"peer suites not available: no {ps.eval_dir() / 'score_peers.py'}"
    if REQUIRED:
        pytest.fail(f"{reason}, and FACTCHECK_REQUIRE_EVAL is set", pytrace=False)
    pytest.skip(reason)


def test_exclusions_name_existing_cases_with_reasons():
    ids = {r["id"] for recs in ps.suites().values() for r in recs}
    for case_id, reason in ps.exclusions().items():
        assert case_id in ids, case_id
        assert reason and len(reason) > 20, case_id


def test_exclusions_within_five_percent_of_each_suite():
    per_suite: dict[str, int] = {}
    for case_id in ps.exclusions():
        suite = case_id.rsplit(":", 1)[0]
        per_suite[suite] = per_suite.get(suite, 0) + 1
    for suite, n in per_suite.items():
        cases = len(ps.suites()[suite])
        assert n <= math.floor(0.05 * cases), f"{suite}: {n} of {cases} excluded"


@pytest.mark.parametrize("with_exclusions", [True, False], ids=["with-exclusions", "without"])
@pytest.mark.parametrize("suite", sorted(ps.TARGETS))
def test_issue_target_met(suite, with_exclusions):
    target, typed = ps.TARGETS[suite]
    score = ps.score_suite(suite, with_exclusions=with_exclusions)
    f1 = score.f1_typed if typed else score.f1
    assert f1 is not None
    assert f1 >= target, f"{suite}: F1 {f1:.3f} < {target}"


def test_never_crashes_on_robustness_inputs():
    from tests.eval.peer_eval import score_adapter

    sp = ps.scorer()
    _suites, robustness = sp.load_suites(str(ps.eval_dir()))
    for rec in robustness:
        score_adapter(rec["text"])
