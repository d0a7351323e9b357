"""The rule engine: assign claims to figures, run the checks, turn problems into findings.

``run_checks`` is the whole of it:

1. every claim is assigned to a figure (``factcheck.match``) and becomes an ``Item``
   with its interval in the figure's unit and the dates it is about; every point of
   every reference series becomes an ``Item`` too, evidence like any claim;
2. each check of the rule set runs over the items (grouped by figure, sorted by date:
   O(n log n));
3. each ``Problem`` becomes a ``Finding`` with a stable id (rule, claim, evidence) and a
   fingerprint that survives edits elsewhere in the text (rule, figure, normalised
   value, document identity: never a line number).

Findings are made only for claims of documents whose role is "checked". Evidence comes
from the corpus and the reference series; when there is no corpus document at all (the
corpus checking itself), the checked documents are each other's evidence. Reference
points cited as evidence come back as claims (kind "reference") of one pseudo-document
per series, so every evidence id of every finding names a claim of the report.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple, Protocol

from factcheck.check import REGISTRY, default_message
from factcheck.check import parallel as parallel_checks
from factcheck.check.base import Comparison, Context, Item, date_span
from factcheck.check.findings import finding
from factcheck.check.reference import reference_items
from factcheck.intervals import Interval
from factcheck.match import Assignment, Matcher
from factcheck.match.scope import scoped_run
from factcheck.models import Agreement, Claim, Document, Finding, Severity
from factcheck.rules.schema import CheckRule, RuleSet
from factcheck.util import gcpause


@dataclass
class CheckResult:
    """What ``run_checks`` found.

    ``claims`` are the input claims with ``figure`` set; ``findings`` are sorted by
    document, position and rule; ``reference_documents`` and ``reference_claims`` are
    the reference points cited as evidence; ``comparisons`` records what each check
    compared each checked claim with, and ``agreements()`` says in words what was
    compared and found in order (a report's "judged consistent" section)."""

    claims: list[Claim] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    reference_documents: list[Document] = field(default_factory=list)
    reference_claims: list[Claim] = field(default_factory=list)
    comparisons: list[Comparison] = field(default_factory=list)
    # Every item of the run by claim id (reference points included), for ``agreements``.
    items: dict[str, Item] = field(default_factory=dict, repr=False)
    kinds: dict[str, str] = field(default_factory=dict, repr=False)  # check id -> kind

    def agreements(self, limit: int = 3) -> list[str]:
        """One line per checked claim and check that compared it with other claims and
        found nothing wrong ("'over 800,000' (...) against '810,000' (...): consistent"),
        so a report can show what was judged consistent, not only what was flagged."""
        return [a.summary for a in self.agreement_records(limit)]

    def agreement_records(self, limit: int = 3) -> list[Agreement]:
        """``agreements`` as records with the claim ids, for the report."""
        with gcpause.paused():
            return self._agreement_records(limit)

    def _agreement_records(self, limit: int) -> list[Agreement]:
        verdicts = {"consistency": "consistent", "outdated": "not out of date", "monotonic": "no fall",
                    "relation": "the relation holds", "internal": "consistent"}
        records = []
        cited: dict[str, str] = {}  # a claim is cited by many agreements

        def cite(claim_id: str) -> str:
            text = cited.get(claim_id)
            if text is None:
                text = cited[claim_id] = _cited(self.items[claim_id])
            return text

        for c in self.comparisons:
            if not c.agreed or not c.against or c.claim not in self.items:
                continue
            item = self.items[c.claim]
            label = item.figure.label if item.figure is not None else "figure"
            others = "; ".join(cite(a) for a in c.against[:limit] if a in self.items)
            more = f" and {len(c.against) - limit} more" if len(c.against) > limit else ""
            verdict = verdicts.get(self.kinds.get(c.rule, ""), "no problem")
            records.append(
                # Built from the run's own checked values: no validation needed, and
                # a large archive has hundreds of thousands of these.
                Agreement.model_construct(
                    rule=c.rule,
                    claim=c.claim,
                    against=list(c.against),
                    verdict=verdict,
                    summary=f"{label}: {cite(c.claim)} against {others}{more}: {verdict} ({c.rule})",
                )
            )
        return records


class Executor(Protocol):
    """Where the costly steps run: ``factcheck.check.parallel`` (this machine, forked
    processes) is one, a cluster's (``factcheck.cluster.checks``) another. Either gives
    the same result."""

    def assign_all(
        self, matcher: Matcher, claims: list[Claim], texts: dict[str, str], jobs: int | None
    ) -> list[tuple[Claim, Assignment | None]]: ...

    def run_rules(
        self, rules: list[CheckRule[Any]], run_rule: RuleRunner, jobs: int | None, context: Any, size: int,
        sizes: Counter[str], figures_only: Any,
    ) -> tuple[Context, list[parallel_checks.RuleOutput]]: ...


def run_checks(
    rules: RuleSet,
    documents: list[Document],
    claims: list[Claim],
    as_of: date | None = None,
    severity_overrides: Mapping[str, Severity] | None = None,
    jobs: int | None = 1,
    executor: Executor | None = None,
) -> CheckResult:
    """Check ``claims`` (of ``documents``) against each other and the rules' reference
    series; ``as_of`` judges every claim at that date instead of its document's. With
    ``jobs`` above 1 a large run shares its rules among that many processes
    (``factcheck.check.parallel``), or ``executor`` runs them elsewhere (a cluster);
    the result is the same."""
    with gcpause.paused():
        return _run_checks(rules, documents, claims, as_of, severity_overrides, jobs, executor)


def _run_checks(
    rules: RuleSet,
    documents: list[Document],
    claims: list[Claim],
    as_of: date | None,
    severity_overrides: Mapping[str, Severity] | None,
    jobs: int | None,
    executor: Executor | None = None,
) -> CheckResult:
    steps: Executor = executor if executor is not None else parallel_checks  # type: ignore[assignment]
    run = _Run(rules, documents, claims, as_of, dict(severity_overrides or {}), jobs, steps)
    sizes = Counter(run.pairs[rank][1].figure.id for rank in run.figured)  # type: ignore[union-attr]
    sizes.update(i.figure.id for i in run.reference_items if i.figure is not None)
    ctx, outputs = steps.run_rules(
        rules.checks, run.run_rule, jobs, run.context, len(run.pairs), sizes,
        figures_only=lambda rule: REGISTRY[rule.kind].SCOPE == "figures",
    )
    for rule_id in sorted(run.overrides):
        if rules.check(rule_id) is None:
            ctx.note(f"severity override for unknown check '{rule_id}' ignored")
    ordered = run.in_report_order(gathered(ctx, outputs))
    cited = {e for f in ordered for e in f.evidence}
    ref_claims = [i.claim for i in run.reference_items if i.id in cited]
    ref_doc_ids = {c.doc for c in ref_claims}
    return CheckResult(
        claims=run.assigned,
        findings=ordered,
        notes=run.matcher.notes + ctx.notes,
        reference_documents=[d for d in run.reference_docs if d.id in ref_doc_ids],
        reference_claims=ref_claims,
        comparisons=ctx.comparisons,
        items=run.all_items,
        kinds={r.id: r.kind for r in rules.checks},
    )


def gathered(ctx: Context, outputs: Iterable[parallel_checks.RuleOutput]) -> list[Finding]:
    """The findings of the rules' outputs (each once), their comparisons and notes added
    to ``ctx``: in rule order, as one process running the rules one after the other."""
    findings: dict[str, Finding] = {}
    for output in outputs:
        for found in output.findings:
            findings.setdefault(found.id, found)
        ctx.comparisons.extend(output.comparisons)
        for note in output.notes:
            ctx.note(note)
    return list(findings.values())


class _Run:
    """One run of the checks: the claims assigned to figures, their items, how each rule
    runs, and the order findings are reported in."""

    def __init__(
        self, rules: RuleSet, documents: list[Document], claims: list[Claim], as_of: date | None,
        overrides: dict[str, Severity], jobs: int | None, steps: Executor = parallel_checks,  # type: ignore[assignment]
    ) -> None:
        self.rules = rules
        self.documents = documents
        self.as_of = as_of
        self.overrides = overrides
        texts = {d.id: d.text for d in documents if d.text}
        self_check = not any(d.role == "corpus" for d in documents)
        self.placed = {d.id: Placed.of(d, self_check, as_of) for d in documents}
        self.matcher = Matcher(rules, paths={d.id: d.path for d in documents})
        # Each document against each scoped rule file, once, before any claim is matched.
        self.scoped = scoped_run(rules, documents, self.matcher.gazetteer)
        self.matcher.scope(self.scoped.figures_out)
        self.pairs = steps.assign_all(self.matcher, claims, texts, jobs)
        self.reference_items, self.reference_docs = reference_items(rules, len(self.pairs))
        self.all_items: dict[str, Item] = {}
        self.assigned: list[Claim] = []
        # Ranks of the claims assigned to a figure: a forked child making the context of
        # figures only reads just these (each claim read is a page copied).
        self.figured = [rank for rank, (_, assignment) in enumerate(self.pairs) if assignment is not None]
        # An object, not a method of the run: an executor may send it to other machines.
        hidden = {k: v for k, v in self.scoped.documents_out.items() if may_see_out_of_scope(rules, k)}
        self.run_rule = RuleRunner(overrides, hidden)

    def context(self, figures_only: bool) -> Context:
        """The run's items in a ``Context``: every claim's (and ``assigned``,
        ``all_items`` filled), or with ``figures_only`` those of claims assigned to a
        figure, enough for the checks whose ``SCOPE`` is "figures"."""
        items: list[Item] = []
        ranks = self.figured if figures_only else range(len(self.pairs))
        for rank in ranks:
            claim, assignment = self.pairs[rank]
            figure_id = assignment.figure.id if assignment is not None else None
            if claim.figure != figure_id:  # most claims match no figure and need no copy
                claim = claim.model_copy(update={"figure": figure_id})
            item = make_item(claim, self.placed.get(claim.doc, UNPLACED), rank, assignment)
            if not claim.unrepresentable:  # reported, but no check can compare its value
                items.append(item)
            if not figures_only:
                self.assigned.append(claim)
                self.all_items[claim.id] = item
        if not figures_only:
            for item in self.reference_items:
                self.all_items[item.claim.id] = item
        return Context(self.rules, items + self.reference_items, self.as_of, figures_only=figures_only)

    def in_report_order(self, findings: Iterable[Finding]) -> list[Finding]:
        """Findings by document, position in it, rule, then id."""
        return report_order(findings, self.documents, self.rules, self.all_items)


def report_order(findings: Iterable[Finding], documents: list[Document], rules: RuleSet, items: Mapping[str, Item]) -> list[Finding]:
    """Findings by document (in ``documents`` order), position in it, rule, then id."""
    order = {d.id: k for k, d in enumerate(documents)}
    rule_order = {r.id: k for k, r in enumerate(rules.checks)}

    def position(f: Finding) -> int:
        item = items.get(f.claim)
        return item.claim.start if item is not None and item.series is None else 0

    return sorted(
        findings,
        key=lambda f: (order.get(f.doc or "", len(order)), position(f), rule_order.get(f.rule, 0), f.id),
    )


class RuleRunner:
    """Runs one rule over a context and makes its findings (with the run's severity
    overrides); small and picklable, so that a cluster's workers run rules exactly so."""

    def __init__(self, overrides: Mapping[str, Severity], hidden: Mapping[str, frozenset[str]] | None = None) -> None:
        self.overrides = dict(overrides)
        # By check id, the documents out of the scope of the check's rule file.
        self.hidden = dict(hidden or {})

    def __call__(self, ctx: Context, rule: CheckRule[Any]) -> list[Finding]:
        module = REGISTRY[rule.kind]
        template = rule.message or default_message(rule.kind, rule.options)
        severity: Severity = self.overrides.get(rule.id) or rule.severity or module.DEFAULT_SEVERITY  # type: ignore[assignment]
        hidden = self.hidden.get(rule.id)
        seen = ctx.without(hidden) if hidden else ctx
        problems = list(module.check(seen, rule))
        if seen is not ctx:
            ctx.adopt(seen)
        return [finding(rule, problem, template, severity) for problem in problems]


def may_see_out_of_scope(rules: RuleSet, check_id: str) -> bool:
    """Whether a scoped check could read claims of documents out of its scope. Not when
    it reads only figures its own file defines: no claim of such a document has them.
    Those checks then run on the context as it is, not on a filtered copy of it."""
    rule = rules.check(check_id)
    if rule is None or REGISTRY[rule.kind].SCOPE != "figures":
        return True
    relation = rules.expressions.get(check_id)
    named = list(relation.variables()) if relation is not None else list(getattr(rule.options, "figures", None) or [])
    own = rules.file_of("check", check_id)
    return not named or any(rules.file_of("figure", f) != own for f in named)


def _cited(item: Item) -> str:
    return f"'{item.value_text}' ({item.source}, {item.date_text})"


class Placed(NamedTuple):
    """What a claim's item takes from its document, worked out once per document."""

    doc: Document | None
    published: date | None  # the date a claim that gives none is about
    checked: bool
    evidence: bool

    @classmethod
    def of(cls, doc: Document, self_check: bool, as_of: date | None) -> Placed:
        published = doc.published
        if published is None and as_of is not None and doc.role == "checked":
            published = as_of  # an undated checked document is judged at --as-of
        checked = doc.role == "checked"
        return cls(doc, published, checked, doc.role == "corpus" or (self_check and checked))


# A claim of no document of the run is evidence, like a corpus document's.
UNPLACED = Placed(None, None, False, True)


def make_item(claim: Claim, place: Placed, rank: int, assignment: Assignment | None) -> Item:
    doc, published, checked, evidence = place
    if assignment is None:
        figure, factor = None, 1.0
    else:
        figure, factor = assignment.figure, assignment.factor
    interval = Interval.from_claim(claim)
    if interval is not None and factor != 1.0:
        interval = interval.scaled(factor)
    frame = claim.frame
    if frame is not None and frame.role == "earlier":
        # A value the sentence sets aside ("down from 1,400") is not what the story
        # says now: it is neither checked nor evidence.
        checked = evidence = False
    day = claim.as_of
    if figure is not None and figure.kind == "fixed" and published is not None:
        # A count of one past event (the Oct. 7 toll) is known as of its report: "the
        # Oct. 7 attack, which killed 1,200" in a 2024 story is what 2024 knew.
        day = None
    if day is not None:
        start, end = date_span(day, claim.as_of_precision)
    else:
        start = end = published
    source = claim.as_of_source
    if source in ("explicit", "relative"):
        explicit = True
    elif source == "published" or day is None:
        explicit = False
    else:
        explicit = published is None or day != published
    return Item(
        claim=claim,
        doc=doc,
        rank=rank,
        figure=figure,
        interval=interval,
        start=start,
        end=end,
        explicit_date=explicit,
        checked=checked,
        evidence=evidence,
        factor=factor,
    )
