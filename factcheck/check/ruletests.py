"""Running rule tests: ``factcheck rules test``.

Each case of the rule-test files (``factcheck.rules.testfile``) is a checked document,
its corpus and what must happen; the case is extracted (or its hand-written claims
taken as they are) and checked with the engine, exactly as ``factcheck run`` would.
Every finding on the checked document that no ``flags`` entry expects is a false
positive of its rule. The run prints, per rule, true and false positives and negatives.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.check.engine import CheckResult, run_checks
from factcheck.errors import SourceLocation
from factcheck.extract.context.gazetteer import gazetteer_of
from factcheck.extract.documents import extract_document
from factcheck.intervals import Interval, interval_for
from factcheck.models import Claim, Document, Finding
from factcheck.rules.schema import RuleSet
from factcheck.rules.summary import files_from
from factcheck.rules.testfile import (
    ClaimSpec,
    Expectation,
    RuleTest,
    TestDocument,
    load_tests,
)


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0


@dataclass
class Outcome:
    """What one case produced."""

    test: RuleTest
    where: SourceLocation
    failures: list[str] = field(default_factory=list)
    result: CheckResult | None = None
    counts: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))


@dataclass
class TestReport:
    __test__ = False
    outcomes: list[Outcome] = field(default_factory=list)
    counts: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    untested: list[str] = field(default_factory=list)

    @property
    def failures(self) -> int:
        return sum(len(o.failures) for o in self.outcomes)


def _claims(doc: Document, specs: list[ClaimSpec]) -> list[Claim]:
    claims = []
    pos = 0
    for k, spec in enumerate(specs):
        lower, upper, lower_open, upper_open = spec.lower, spec.upper, False, False
        if lower is None and upper is None and spec.value is not None:
            iv: Interval = interval_for(spec.value, spec.qualifier)
            lower = iv.lo if iv.lo != float("-inf") else None
            upper = iv.hi if iv.hi != float("inf") else None
            lower_open, upper_open = iv.lo_open and lower is not None, iv.hi_open and upper is not None
        fields = spec.model_dump(exclude={"lower", "upper", "sentence"})
        claims.append(
            Claim(
                **fields,
                id=f"{doc.id}-c{k + 1}",
                doc=doc.id,
                start=pos,
                end=pos + len(spec.surface),
                sentence=spec.sentence or spec.surface,
                lower=lower,
                upper=upper,
                lower_open=lower_open,
                upper_open=upper_open,
            )
        )
        pos += len(spec.surface) + 1
    return claims


def _document(spec: TestDocument, doc_id: str, path: str, role: str) -> Document:
    return Document(
        id=doc_id, path=path, title=spec.title, outlet=spec.outlet, published=spec.published,
        role=role, format="test", text=spec.text or "",  # type: ignore[arg-type]
    )


def _extract(doc: Document, rules: RuleSet) -> list[Claim]:
    from factcheck.check.budget import budget_of

    return extract_document(doc, gazetteer_of(rules.places), budget_of(rules))


def run_case(rules: RuleSet, test: RuleTest, where: SourceLocation) -> Outcome:
    """Run one case and compare what it produced with what it expects."""
    outcome = Outcome(test, where)
    checked = _document(test, "test", f"{where.path}:{where.line}", "checked")
    documents = [checked]
    claims: list[Claim] = []
    specs: list[tuple[Document, TestDocument]] = [(checked, test)]
    for k, extra in enumerate(test.corpus):
        doc = _document(extra, f"corpus{k + 1}", f"{where.path}:{where.line}#corpus{k + 1}", "corpus")
        documents.append(doc)
        specs.append((doc, extra))
    for doc, spec in specs:
        claims += _claims(doc, spec.claims) if spec.claims is not None else _extract(doc, rules)
    result = run_checks(rules, documents, claims, as_of=test.as_of)
    outcome.result = result
    surfaces = {c.id: c.surface for c in result.claims}
    mine = [f for f in result.findings if f.doc == checked.id]

    def matches(exp: Expectation, finding: Finding) -> bool:
        return (
            finding.rule == exp.rule
            and (exp.figure is None or finding.figure == exp.figure)
            and (exp.claim is None or exp.claim.lower() in surfaces.get(finding.claim, "").lower())
        )

    return _judge(outcome, rules, mine, matches, result, checked)


def _judge(
    outcome: Outcome,
    rules: RuleSet,
    mine: list[Finding],
    matches: Callable[[Expectation, Finding], bool],
    result: CheckResult,
    checked: Document,
) -> Outcome:
    test = outcome.test
    counts = outcome.counts
    expected: set[str] = set()
    for exp in test.flags:
        if rules.check(exp.rule) is None:
            outcome.failures.append(f"flags: unknown rule '{exp.rule}'")
            continue
        hits = [f for f in mine if matches(exp, f)]
        expected |= {f.id for f in hits}
        if hits:
            counts[exp.rule].tp += 1
        else:
            counts[exp.rule].fn += 1
            outcome.failures.append(f"false negative: {exp.rule} did not flag {_what(exp)}")
    for exp in test.passes:
        if rules.check(exp.rule) is None:
            outcome.failures.append(f"passes: unknown rule '{exp.rule}'")
            continue
        hits = [f for f in mine if matches(exp, f) and f.id not in expected]
        if hits:
            expected |= {f.id for f in hits}
            counts[exp.rule].fp += 1
            outcome.failures.append(f"false positive: {exp.rule} flagged {_what(exp)}: {hits[0].message}")
        else:
            counts[exp.rule].tn += 1
    for f in mine:
        if f.id not in expected:
            counts[f.rule].fp += 1
            outcome.failures.append(f"false positive (unexpected): {f.rule}: {f.message}")
    in_doc = [c for c in result.claims if c.doc == checked.id]
    for words, figure in test.figures.items():
        found = [c for c in in_doc if words.lower() in c.surface.lower()] or [
            c for c in in_doc if c.surface.lower() in words.lower()
        ]
        if not found:
            outcome.failures.append(f"figures: no claim reads {words!r} (claims: {', '.join(repr(c.surface) for c in in_doc) or 'none'})")
        elif all(c.figure != figure for c in found):
            outcome.failures.append(f"figures: {words!r} was assigned to {found[0].figure!r}, expected {figure!r}")
    return outcome


def _what(exp: Expectation) -> str:
    parts = []
    if exp.claim:
        parts.append(repr(exp.claim))
    if exp.figure:
        parts.append(f"as {exp.figure}")
    return " ".join(parts) or "anything"


def run_tests(rules: RuleSet, dirs: Sequence[Path]) -> TestReport:
    """Run every case of ``dirs``; count, per rule, true/false positives/negatives.
    ``rules`` may hold more than the rules of ``dirs`` (a topic folder is tested with
    the shipped rules, as ``factcheck run --rules`` checks with them): every finding
    counts, but only the checks of ``dirs`` are listed as untested."""
    report = TestReport()
    own = files_from(rules, dirs)
    tested: set[str] = set()
    for test, where in load_tests(dirs):
        outcome = run_case(rules, test, where)
        report.outcomes.append(outcome)
        for rule, c in outcome.counts.items():
            total = report.counts[rule]
            total.tp += c.tp
            total.fp += c.fp
            total.fn += c.fn
            total.tn += c.tn
        tested |= {e.rule for e in test.flags} | {e.rule for e in test.passes}
    report.untested = [c.id for c in rules.checks if c.id not in tested and rules.file_of("check", c.id) in own]
    return report


def format_report(report: TestReport, verbose: bool = False) -> str:
    lines: list[str] = []
    for o in report.outcomes:
        status = "FAIL" if o.failures else "ok"
        if o.failures or verbose:
            lines.append(f"{o.where}: {status}: {o.test.name}")
        for failure in o.failures:
            lines.append(f"{o.where}:   {failure}")
    if report.counts:
        width = max(len("rule"), *(len(r) for r in report.counts))
        lines.append("")
        lines.append(f"{'rule':<{width}}  {'TP':>4} {'FP':>4} {'FN':>4} {'TN':>4}")
        for rule in sorted(report.counts):
            c = report.counts[rule]
            lines.append(f"{rule:<{width}}  {c.tp:>4} {c.fp:>4} {c.fn:>4} {c.tn:>4}")
    if report.untested:
        lines.append("")
        lines.append(f"rules without tests: {', '.join(report.untested)}")
    passed = sum(1 for o in report.outcomes if not o.failures)
    lines.append("")
    lines.append(f"{passed} of {len(report.outcomes)} cases passed, {report.failures} failure(s)")
    return "\n".join(lines)
