"""A draft is kept only if its own rule tests pass: the drafts of
``factcheck.report.suggest`` are written out to a scratch folder, loaded as
``factcheck rules test`` loads them (alone, and with the rules of the run), and a
figure whose cases fail is left out. A case fails when the words drafted from the frames
do not capture the claims they came from, or another rule takes them: a draft that
cannot find its own conflicts is not one to review."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from factcheck.check import REGISTRY
from factcheck.check.ruletests import run_tests
from factcheck.report.suggest import Draft
from factcheck.rules.load import load_rules
from factcheck.rules.testfile import TESTS_DIR

Render = Callable[[list[Draft]], tuple[str, str]]


def passing(drafts: list[Draft], render: Render, rule_files: Sequence[Path]) -> tuple[list[Draft], list[Draft]]:
    """The drafts whose cases pass, and those left out. ``render`` gives the rule file
    and the test file of a list of drafts; ``rule_files`` are the run's own rules."""
    failing: set[str] = set()
    for alone in (True, False):
        kept = [d for d in drafts if d.figure_id not in failing]
        if kept:
            failing |= _failing(kept, render, [] if alone else rule_files)
    return [d for d in drafts if d.figure_id not in failing], [d for d in drafts if d.figure_id in failing]


def _failing(drafts: list[Draft], render: Render, rule_files: Sequence[Path]) -> set[str]:
    rules_text, tests_text = render(drafts)
    with tempfile.TemporaryDirectory(prefix="factcheck-suggest-") as scratch:
        folder = Path(scratch)
        (folder / TESTS_DIR).mkdir()
        (folder / "drafted.yaml").write_text(rules_text, encoding="utf-8")
        (folder / TESTS_DIR / "drafted.yaml").write_text(tests_text, encoding="utf-8")
        rules = load_rules([*rule_files, folder], kinds=REGISTRY)
        report = run_tests(rules, [folder])
    known = {d.figure_id for d in drafts}
    out: set[str] = set()
    for outcome in report.outcomes:
        if outcome.failures:
            out |= {f for f in outcome.test.figures.values() if f in known}
    return out
