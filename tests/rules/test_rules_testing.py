"""`rules test`: cases as data, counted per rule as true/false positives/negatives."""

from __future__ import annotations

from pathlib import Path

from factcheck.check import REGISTRY
from factcheck.rules.load import load_rules
from factcheck.check.ruletests import format_report, run_tests

CASES = Path(__file__).parent.parent / "check" / "cases"

CASE = """
tests:
  - name: stale toll
    published: 2024-05-27
    claims:
      - {surface: "over 30,000", value: 30000, qualifier: over, entity: people, predicate: killed}
    flags:
      - {rule: toll-outdated, claim: "over 30,000", figure: toll}   # TP
      - {rule: grows}                                                # FN
    passes:
      - {rule: toll-consistency}                                     # TN
    figures: {"over 30,000": held, "nothing": toll}
  - name: current toll
    published: 2024-03-26
    claims:
      - {surface: "over 32,000", value: 32000, qualifier: over, entity: people, predicate: killed}
      - {surface: "40,000", value: 40000, entity: people, predicate: killed}
    passes:
      - {rule: toll-outdated, claim: "over 32,000"}                  # TN
      - {rule: toll-consistency, claim: "40,000"}                    # FP
      - {rule: no-such-rule}
"""


def _report(tmp_path: Path):  # noqa: ANN202
    (tmp_path / "rules.yaml").write_text((CASES / "rules.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "cases.yaml").write_text(CASE, encoding="utf-8")
    return run_tests(load_rules([tmp_path], kinds=REGISTRY), [tmp_path])


def test_counts_per_rule(tmp_path: Path) -> None:
    report = _report(tmp_path)
    c = report.counts
    assert (c["toll-outdated"].tp, c["toll-outdated"].tn) == (1, 1)
    assert c["grows"].fn == 1
    assert c["toll-consistency"].tn == 1 and c["toll-consistency"].fp == 1
    # 40,000 is also outdated-free but grows/twice fire on it: unexpected findings are false positives
    assert sum(x.fp for x in c.values()) >= 2


def test_failures_say_what_went_wrong(tmp_path: Path) -> None:
    report = _report(tmp_path)
    first, second = report.outcomes
    assert "false negative: grows did not flag anything" in first.failures
    assert "figures: 'over 30,000' was assigned to 'toll', expected 'held'" in first.failures
    assert any(f.startswith("figures: no claim reads 'nothing'") for f in first.failures)
    assert "passes: unknown rule 'no-such-rule'" in second.failures
    assert any(f.startswith("false positive: toll-consistency flagged '40,000'") for f in second.failures)
    text = format_report(report)
    assert "cases.yaml:3:5: FAIL: stale toll" in text
    assert text.endswith(f"0 of 2 cases passed, {report.failures} failure(s)")
    assert "rules without tests:" in text and "units-context" in text


def test_only_the_tested_folders_checks_are_listed_as_untested(tmp_path: Path) -> None:
    """A topic folder tested with the shipped rules loaded too: its own check without a
    case is listed, none of the shipped checks (their tests are the shipped folder's)."""
    from factcheck.util.resources import default_rules

    (tmp_path / "library.yaml").write_text(
        "figures:\n  - id: branch_loans\n    description: books lent by the Millbrook branch in a year\n    kind: level\n"
        "    match: {entity: [book, loan], predicate: [lend, borrow]}\n"
        "checks:\n  - id: branch-loans-consistency\n    consistency: {figures: [branch_loans]}\n",
        encoding="utf-8",
    )
    rules = load_rules([default_rules(), tmp_path], kinds=REGISTRY)
    assert len(rules.checks) > 1
    assert run_tests(rules, [tmp_path]).untested == ["branch-loans-consistency"]
