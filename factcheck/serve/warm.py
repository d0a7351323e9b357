"""The server's warm state: rules, gazetteer and corpus loaded once, drafts checked
against them without reading the archive again.

``factcheck run DRAFT --corpus DIR`` reads, extracts and matches the whole archive on
every call; a server answering editors cannot. ``WarmState.load`` does that work once:
it loads the rules, reads the corpus (extracting through the claim index when one is
given), and assigns every corpus claim to a figure. A corpus claim that no figure claims
is evidence for a draft only through the rule-free check (``possible-conflict``, which
compares claims of one frame across stories; ``internal`` and ``range`` judge a checked
document's own claims only), so the assigned claims and those the rule-free check can
group are kept, with their documents (and each document's names, read from all its
claims), and made once into the checks' items, groups and evidence indexes
(``factcheck.check.warm.WarmCorpus``): a draft then adds only its own items
(``check_draft``), and its cost is the draft's, not the archive's.
``tests/serve/test_serve_warm.py`` holds this to the findings ``pipeline.run`` gives for
the same draft and corpus.

The state is never changed after ``load``: requests (threads, or processes forked from
the loaded server) share it read-only, and each check builds its own report.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from factcheck import pipeline
from factcheck.check.budget import budget_of
from factcheck.check.merge import merge_findings
from factcheck.check.warm import WarmCorpus, check_draft, figure_neighbours
from factcheck.extract.context.gazetteer import Gazetteer
from factcheck.extract.documents import Progress, extract_document, extract_documents, open_index
from factcheck.pipeline import RuleSources
from factcheck.models import Claim, Document, Report
from factcheck.report import make_view
from factcheck.report.base import ReportView
from factcheck.rules.schema import RuleSet
from factcheck.suppress import apply_suppressions

Warn = Callable[[str], None]


def _ignore(_: str) -> None:
    return None


@dataclass(frozen=True)
class CorpusStats:
    """What the server loaded, for ``/healthz`` and the start-up line."""

    documents: int = 0
    claims: int = 0
    kept_documents: int = 0
    kept_claims: int = 0  # claims of figures
    # Claims no figure claims kept for the rule-free check (grouped by their frames).
    framed_claims: int = 0


@dataclass(frozen=True)
class CheckOutcome:
    """One draft's check: the report trimmed to what a reader of this draft needs (see
    ``WarmState.check``) and the view formatters render."""

    report: Report
    view: ReportView


@dataclass(frozen=True)
class WarmState:
    """Rules, gazetteer and the corpus claims that can be evidence, loaded once."""

    rule_set: RuleSet
    gazetteer: Gazetteer | None
    corpus_documents: tuple[Document, ...]
    corpus_claims: tuple[Claim, ...]
    stats: CorpusStats = field(default_factory=CorpusStats)
    # Figure id -> the figures a check reads together with it (itself included).
    neighbours: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # The corpus claims of figures and the reference series, for /v1/figures.
    corpus_view: ReportView | None = None
    # The corpus claims' items, groups and evidence indexes, made once.
    corpus: WarmCorpus | None = None

    @classmethod
    def load(
        cls,
        corpus: Path | None = None,
        rules: RuleSources | None = None,
        index: Path | None = None,
        warn: Warn = _ignore,
        progress: Progress | None = None,
        jobs: int | None = None,
    ) -> WarmState:
        """Read the rules and the corpus (None: the shipped ones), extract the corpus
        (through the claim ``index`` when given) and keep the claims a figure claims.
        Raises the same ``FactcheckError``s as ``factcheck run``."""
        rule_set = pipeline.load_rule_set(rules)
        gazetteer = pipeline.gazetteer_for(rule_set)
        # Without paths the corpus is returned as "checked" (it checks itself): here it
        # is the evidence, so it goes back to its own role.
        loaded = pipeline.load_inputs([], corpus, warn=warn).checked
        documents = [d.model_copy(update={"role": "corpus"}) for d in loaded]
        budget = budget_of(rule_set)
        with open_index(index, gazetteer, budget=budget) as claim_index:
            claims = extract_documents(
                documents, gazetteer, jobs=jobs, index=claim_index, progress=progress, budget=budget
            )
        pipeline.warn_cuts(documents, rule_set, warn)
        warm = WarmCorpus.of(rule_set, documents, claims)
        kept = [i.claim for i in warm.items]
        # The documents with a claim of a figure (the warm corpus keeps others too, for
        # the rule-free check): what /v1/figures and the start-up line speak of.
        of_figures = {c.doc for c in kept}
        kept_documents = tuple(d for d in warm.documents.values() if d.id in of_figures)
        framed = sum(len(items) for items in warm.by_frame.values())
        stats = CorpusStats(len(documents), len(claims), len(kept_documents), len(kept), framed)
        view = make_view(Report(documents=list(kept_documents), claims=list(kept)), "run", rule_set)
        return cls(
            rule_set=rule_set,
            gazetteer=gazetteer,
            corpus_documents=kept_documents,
            corpus_claims=tuple(kept),
            stats=stats,
            neighbours=figure_neighbours(rule_set),
            corpus_view=view,
            corpus=warm,
        )

    def check(self, draft: Document, as_of: date | None = None, timeline_limit: int = 0) -> CheckOutcome:
        """Check one draft (role "checked") against the warm corpus and rules.

        The report holds the draft, its claims and findings, and the claims the findings
        cite (with their documents); with ``timeline_limit`` also up to that many more
        corpus claims of each figure the draft mentions, spread evenly over their dates,
        for the HTML report's timelines. It never holds the whole archive: an answer
        stays the size of the draft, not of the corpus."""
        claims = extract_document(draft, self.gazetteer, budget_of(self.rule_set))
        corpus = self.corpus if self.corpus is not None else WarmCorpus(self.rule_set, (), ())
        result = check_draft(corpus, [draft], claims, as_of=as_of)
        draft_claims = result.claims
        wanted = {e for f in result.findings for e in f.evidence}
        if timeline_limit > 0:
            figures = {c.figure for c in draft_claims if c.figure}
            for figure in figures:
                wanted |= _spread(corpus.claims_of({figure}), timeline_limit)
        # In corpus order, as a run of the draft with the corpus lists them.
        cited = sorted((corpus.by_id[c] for c in wanted if c in corpus.by_id), key=lambda i: i.rank)
        corpus_claims = [i.claim for i in cited if i.series is None]
        cited_docs = {c.doc for c in corpus_claims}
        own = {c.id for c in draft_claims}
        report = Report.model_construct(
            # In corpus order: the kept documents are listed in it, and cited ones found by id.
            documents=[draft, *(corpus.documents[d] for d in sorted(cited_docs & corpus.documents.keys(), key=corpus.document_rank)),
                       *result.reference_documents],
            claims=draft_claims + corpus_claims + list(result.reference_claims),
            findings=list(result.findings),
            notes=list(result.notes),
            agreements=[a for a in result.agreement_records() if a.claim in own],
        )
        report = apply_suppressions(report, report.documents, None)
        # As ``pipeline.run``: after suppressions, one finding per claim and problem.
        order = {r.id: k for k, r in enumerate(self.rule_set.checks)}
        report = report.model_copy(update={"findings": merge_findings(report.findings, order)})
        return CheckOutcome(report, make_view(report, "run", self.rule_set))


def _spread(claims: list[Claim], limit: int) -> set[str]:
    """The ids of at most ``limit`` of ``claims``, evenly spaced in date order."""
    if len(claims) <= limit:
        return {c.id for c in claims}
    ordered = sorted(claims, key=lambda c: (c.as_of is None, c.as_of or date.min, c.id))
    step = len(ordered) / limit
    return {ordered[int(i * step)].id for i in range(limit)}
