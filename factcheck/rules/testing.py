"""Rule tests written as data: ``factcheck rules test``.

Next to the rules, ``tests/*.yaml`` files hold cases like::

    tests:
      - name: a late-May draft repeats the March toll
        published: 2024-05-27
        text: Israel's offensive has killed over 30,000 Palestinians, health officials say.
        flags:
          - {rule: gaza-toll-outdated, claim: "over 30,000"}
        passes:
          - {rule: gaza-toll-consistency}
        figures:
          "over 30,000": gaza_death_toll

A case is a snippet of text (the checked document) with its date, optional ``corpus``
documents to check it against, and what must happen: ``flags`` (findings that must be
raised: rule, and optionally the claim's words and the figure), ``passes`` (rules that
must not flag), and ``figures`` (the figure each claim, named by its words, must be
assigned to; null for none). Instead of ``text`` a case may give ``claims`` written out
field by field, to test a rule without depending on extraction.

Every finding on the checked document that no ``flags`` entry expects is a false
positive of its rule. The run prints, per rule, true and false positives and negatives.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from factcheck.check.engine import CheckResult, run_checks
from factcheck.errors import FactcheckError, RuleError, RuleErrors, SourceLocation
from factcheck.intervals import Interval
from factcheck.load.files import read_text_file
from factcheck.models import Claim, Document, Qualifier
from factcheck.rules.load import MAX_RULE_FILE_BYTES, convert_error, rule_files, sort_errors, unknown_key
from factcheck.rules.schema import RuleSet
from factcheck.util.yamlpos import YamlData, load_yaml

TESTS_DIR = "tests"


class ClaimSpec(BaseModel):
    """A claim written out by hand; its interval follows from the qualifier when
    ``lower`` and ``upper`` are not given (read as extraction reads hedges)."""

    model_config = ConfigDict(extra="forbid")

    surface: str
    value: float | None = None
    lower: float | None = None
    upper: float | None = None
    qualifier: Qualifier = "exact"
    unit: str | None = None
    kind: str = "count"
    parts: list[float] | None = None
    entity: str | None = None
    entity_type: str | None = None
    predicate: str | None = None
    location: str | None = None
    attribution: str | None = None
    as_of: date | None = None
    as_of_precision: str | None = None
    period_start: date | None = None
    sentence: str | None = None
    figure: str | None = None


class TestDocument(BaseModel):
    """A corpus document of a case: text or hand-written claims, and its date."""

    __test__ = False  # not a pytest test class

    model_config = ConfigDict(extra="forbid")

    published: date | None = None
    title: str | None = None
    outlet: str | None = None
    text: str | None = None
    claims: list[ClaimSpec] | None = None

    @model_validator(mode="after")
    def _content(self) -> TestDocument:
        if (self.text is None) == (self.claims is None):
            raise ValueError("give either 'text' or 'claims'")
        return self


class Expectation(BaseModel):
    """A finding a case must (``flags``) or must not (``passes``) produce."""

    model_config = ConfigDict(extra="forbid")

    rule: str
    claim: str | None = Field(default=None, description="Words of the flagged claim ('over 30,000').")
    figure: str | None = None


class RuleTest(TestDocument):
    """One case."""

    name: str
    as_of: date | None = Field(default=None, description="Judge as of this date (like --as-of).")
    corpus: list[TestDocument] = Field(default_factory=list)
    flags: list[Expectation] = Field(default_factory=list)
    passes: list[Expectation] = Field(default_factory=list)
    figures: dict[str, str | None] = Field(default_factory=dict)


class TestFile(BaseModel):
    __test__ = False
    model_config = ConfigDict(extra="forbid", title="factcheck rule tests")

    description: str | None = None
    tests: list[RuleTest] = Field(default_factory=list)


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


def load_tests(dirs: Sequence[Path]) -> list[tuple[RuleTest, SourceLocation]]:
    """Every case under ``DIR/tests/`` of each rule folder; raises ``RuleErrors``."""
    errors: list[RuleError] = []
    cases: list[tuple[RuleTest, SourceLocation]] = []
    folders = [Path(d) / TESTS_DIR for d in dirs if Path(d).is_dir() and (Path(d) / TESTS_DIR).is_dir()]
    paths, problems = rule_files(folders)
    errors += problems
    for path, shown in paths:
        try:
            text = read_text_file(path, shown, RuleError, MAX_RULE_FILE_BYTES, "rule test file")
            yd = load_yaml(text, shown, error=RuleError)
        except FactcheckError as exc:
            errors.append(exc if isinstance(exc, RuleError) else RuleError(exc.message, exc.location))
            continue
        cases += _cases(yd, errors)
    if errors:
        raise RuleErrors(sort_errors(errors))
    return cases


def _cases(yd: YamlData, errors: list[RuleError]) -> list[tuple[RuleTest, SourceLocation]]:
    data = yd.data
    if data is None:
        return []
    if not isinstance(data, dict):
        errors.append(RuleError("a test file is a mapping with a 'tests' list", yd.locate(())))
        return []
    for key in data:
        if key not in TestFile.model_fields:
            errors.append(RuleError(unknown_key(key, list(TestFile.model_fields)), yd.locate((key,), prefer_key=True)))
    raw = data.get("tests")
    if not isinstance(raw, list):
        if raw is not None:
            errors.append(RuleError("tests: expected a list of cases", yd.locate(("tests",))))
        return []
    out = []
    for i, item in enumerate(raw):
        try:
            out.append((RuleTest.model_validate(item), yd.locate(("tests", i))))
        except ValidationError as exc:
            errors += [convert_error(err, yd, ("tests", i), RuleTest) for err in exc.errors()]
    return out


def _claims(doc: Document, specs: list[ClaimSpec]) -> list[Claim]:
    claims = []
    pos = 0
    for k, spec in enumerate(specs):
        lower, upper, lower_open, upper_open = spec.lower, spec.upper, False, False
        if lower is None and upper is None and spec.value is not None:
            from factcheck.intervals import interval_for

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
    from factcheck import pipeline

    return pipeline.extract_document(doc, pipeline.gazetteer_for(rules))


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
        if spec.claims is not None:
            claims += _claims(doc, spec.claims)
        else:
            try:
                claims += _extract(doc, rules)
            except (ImportError, NotImplementedError) as exc:
                outcome.failures.append(f"extraction is not available ({exc}); write 'claims' instead of 'text'")
                return outcome
    result = run_checks(rules, documents, claims, as_of=test.as_of)
    outcome.result = result
    surfaces = {c.id: c.surface for c in result.claims}
    mine = [f for f in result.findings if f.doc == checked.id]

    def matches(exp: Expectation, finding: Any) -> bool:
        return (
            finding.rule == exp.rule
            and (exp.figure is None or finding.figure == exp.figure)
            and (exp.claim is None or exp.claim.lower() in surfaces.get(finding.claim, "").lower())
        )

    return _judge(outcome, rules, mine, matches, result, checked)


def _judge(outcome: Outcome, rules: RuleSet, mine: list[Any], matches: Any, result: CheckResult, checked: Document) -> Outcome:
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
    """Run every case of ``dirs``; count, per rule, true/false positives/negatives."""
    report = TestReport()
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
    report.untested = [c.id for c in rules.checks if c.id not in tested]
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
