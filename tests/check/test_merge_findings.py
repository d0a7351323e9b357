"""One finding per claim and problem (``factcheck.check.merge``): several checks that
flag one claim for one problem make one finding with a reason each."""

from __future__ import annotations

from typing import Any

from factcheck.check.merge import merge_findings
from factcheck.models import Finding


def _finding(kind: str, rule: str, claim: str = "c1", **fields: Any) -> Finding:
    values: dict[str, Any] = {
        "id": f"{rule}-{claim}",
        "rule": rule,
        "kind": kind,
        "severity": "warning",
        "message": f"{kind} says so",
        "claim": claim,
        "evidence": [f"e-{rule}"],
        "fingerprint": f"fp-{rule}",
    }
    values.update(fields)
    return Finding(**values)


ORDER = {"toll-outdated": 0, "toll-consistency": 1, "toll-only-grows": 2, "toll-range": 3}


def test_three_checks_on_one_claim_make_one_finding_with_three_reasons() -> None:
    merged = merge_findings(
        [
            _finding("consistency", "toll-consistency"),
            _finding("monotonic", "toll-only-grows"),
            _finding("outdated", "toll-outdated", severity="info"),
        ],
        ORDER,
    )
    assert len(merged) == 1
    [f] = merged
    # "out of date" explains the other two: it speaks for the finding
    assert (f.rule, f.kind, f.fingerprint) == ("toll-outdated", "outdated", "fp-toll-outdated")
    assert [r.rule for r in f.reasons] == ["toll-outdated", "toll-consistency", "toll-only-grows"]
    assert f.severity == "warning"  # the highest of its reasons
    assert f.evidence == ["e-toll-outdated", "e-toll-consistency", "e-toll-only-grows"]
    assert [r.rule for r in f.also()] == ["toll-consistency", "toll-only-grows"]


def test_different_problems_and_different_claims_stay_apart() -> None:
    merged = merge_findings(
        [
            _finding("consistency", "toll-consistency"),
            _finding("range", "toll-range"),  # implausible, not a disagreement
            _finding("consistency", "toll-consistency", claim="c2"),
        ],
        ORDER,
    )
    assert [(f.claim, f.kind) for f in merged] == [("c1", "consistency"), ("c1", "range"), ("c2", "consistency")]
    assert all(len(f.reasons) == 1 for f in merged)


def test_a_suppressed_reason_does_not_speak_for_the_finding() -> None:
    merged = merge_findings(
        [
            _finding("outdated", "toll-outdated", suppressed=True, suppression="known", severity="error"),
            _finding("consistency", "toll-consistency"),
        ],
        ORDER,
    )
    [f] = merged
    assert not f.suppressed
    assert f.rule == "toll-consistency"
    assert f.severity == "warning"  # the suppressed error no longer counts
    assert f.evidence == ["e-toll-consistency"]
    assert f.also() == []  # the suppressed reason is listed, not shown
    assert [r.suppressed for r in f.reasons] == [False, True]


def test_a_finding_is_suppressed_only_when_all_its_reasons_are() -> None:
    merged = merge_findings(
        [
            _finding("outdated", "toll-outdated", suppressed=True),
            _finding("consistency", "toll-consistency", suppressed=True),
        ],
        ORDER,
    )
    [f] = merged
    assert f.suppressed and f.rule == "toll-outdated"


def test_merging_twice_gives_the_same_findings() -> None:
    findings = [
        _finding("consistency", "toll-consistency"),
        _finding("outdated", "toll-outdated"),
        _finding("range", "toll-range", claim="c2"),
    ]
    once = merge_findings(findings, ORDER)
    assert merge_findings(once, ORDER) == once
