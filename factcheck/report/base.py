"""What every formatter receives and provides.

``ReportView`` wraps a ``Report`` with the look-ups every formatter needs (claims by
id, claims by document, findings by claim, evidence described for a reader) so each
format module only decides how things look. Optional ``rules`` and ``figures`` carry
metadata the report itself does not (rule descriptions for SARIF, figure labels for
charts); without them formatters fall back to what the findings say. Optional
``series`` holds every point of the rule set's reference series by figure: the report
carries only the points cited as evidence (so its evidence ids resolve and the JSON
stays small), the timelines draw the series around the figure's claims.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Literal, Protocol

from factcheck.models import REFERENCE_FORMAT, SEVERITY_RANK, Claim, Document, Finding, Report
from factcheck.report.numbers import format_value

if TYPE_CHECKING:
    from factcheck.report.catalogue import Catalogue

Command = Literal["run", "extract"]


@dataclass(frozen=True)
class RuleInfo:
    """What a report can say about a rule beyond its id (SARIF ``tool.driver.rules``)."""

    id: str
    kind: str = ""
    severity: str = "warning"
    description: str = ""
    help: str = ""


@dataclass(frozen=True)
class FigureInfo:
    """A figure as rules describe it: its label and unit, for charts and headings."""

    id: str
    label: str = ""
    unit: str | None = None
    description: str = ""


@dataclass(frozen=True)
class EvidenceView:
    """One piece of evidence as a reader sees it."""

    claim: Claim
    document: Document | None
    value: str  # "35,903" or "more than 35,800 (35,800)"
    source: str  # who gave it: the attribution, the series' source, or the outlet
    outlet: str | None  # where it was published, when that is not the source
    date: str  # the date the figure is about, or "undated"
    is_reference: bool
    citation: str | None  # a reference series' citation (URL or repository path)
    where: str | None  # a corpus document's path (and line); a reference series' rules file

    @property
    def series(self) -> str | None:
        """A reference series' name (its pseudo-document's title)."""
        if not self.is_reference or self.document is None:
            return None
        return self.document.title or None

    def parts(self) -> list[str]:
        """The evidence in words, for one line: value, source, outlet, date, then the
        citation of a reference series (else its name and file) or the document."""
        out = [self.value, self.source]
        if self.outlet:
            out.append(self.outlet)
        out.append(self.date)
        if self.is_reference and self.citation:
            out.append(f"citation: {self.citation}")
        elif self.is_reference and self.series:
            out.append(f"series: {self.series}" + (f" ({self.where})" if self.where else ""))
        elif self.where:
            out.append(self.where)
        return out


@dataclass
class ReportView:
    """A report with the look-ups formatters share (claims by id, findings ordered)."""

    report: Report
    command: Command = "run"
    rules: Mapping[str, RuleInfo] = field(default_factory=dict)
    figures: Mapping[str, FigureInfo] = field(default_factory=dict)
    # Figure id -> every point of its reference series (claims of kind "reference", with
    # the ids findings cite them by), and the series' pseudo-documents by id.
    series: Mapping[str, tuple[Claim, ...]] = field(default_factory=dict)
    series_documents: Mapping[str, Document] = field(default_factory=dict)
    # Counts the figures the catalogue (``factcheck figures``) lists, when there is a
    # rule set to count them with: called only by a formatter that shows the count (the
    # summary line), so JSON and CSV runs never pay for it.
    count_catalogue: Callable[[], int] | None = field(default=None, repr=False)
    # Builds the catalogue itself, for a formatter that shows it (the HTML page).
    make_catalogue: Callable[[], Catalogue] | None = field(default=None, repr=False)

    # -- look-ups -----------------------------------------------------------------------
    @cached_property
    def catalogue(self) -> int | None:
        """How many figures the catalogue lists, or None when it cannot be counted."""
        return self.count_catalogue() if self.count_catalogue is not None else None

    @cached_property
    def figure_catalogue(self) -> Catalogue | None:
        """The catalogue ``factcheck figures`` lists, or None without a rule set."""
        return self.make_catalogue() if self.make_catalogue is not None else None

    @cached_property
    def documents_by_id(self) -> dict[str, Document]:
        """The report's documents, and the reference series' pseudo-documents."""
        return {
            **self.series_documents,
            **{d.id: d for d in self.report.reference_series},
            **{d.id: d for d in self.report.documents},
        }

    @cached_property
    def claims_by_id(self) -> dict[str, Claim]:
        """The report's claims and the reference points its findings cite."""
        return {c.id: c for c in (*self.report.references, *self.report.claims)}

    @cached_property
    def claims_by_doc(self) -> dict[str, list[Claim]]:
        """Each document's claims in text order."""
        out: dict[str, list[Claim]] = {}
        for claim in self.report.claims:
            out.setdefault(claim.doc, []).append(claim)
        for claims in out.values():
            claims.sort(key=lambda c: (c.start, c.end, c.id))
        return out

    @cached_property
    def findings_by_claim(self) -> dict[str, list[Finding]]:
        """Each flagged claim's findings, most severe first."""
        out: dict[str, list[Finding]] = {}
        for f in self.ordered_findings():
            out.setdefault(f.claim, []).append(f)
        return out

    @cached_property
    def evidence_ids(self) -> frozenset[str]:
        return frozenset(e for f in self.report.findings for e in f.evidence)

    def is_reference(self, doc: Document | None) -> bool:
        return doc is not None and doc.format == REFERENCE_FORMAT

    def document_of(self, claim: Claim | None) -> Document | None:
        return self.documents_by_id.get(claim.doc) if claim is not None else None

    def finding_document(self, f: Finding) -> Document | None:
        claim = self.claims_by_id.get(f.claim)
        doc_id = claim.doc if claim is not None else f.doc
        return self.documents_by_id.get(doc_id or "")

    def shown_documents(self) -> list[Document]:
        """The documents a report shows: the checked ones (every one for ``extract``)."""
        docs = [d for d in self.report.documents if not self.is_reference(d)]
        if self.command == "extract":
            return docs
        return [d for d in docs if d.role == "checked"]

    # -- findings -------------------------------------------------------------------------
    def ordered_findings(self) -> list[Finding]:
        """Most severe first, then in document order, then by position."""
        order = {d.id: i for i, d in enumerate(self.report.documents)}

        def key(f: Finding) -> tuple[int, int, int, str]:
            claim = self.claims_by_id.get(f.claim)
            return (
                -SEVERITY_RANK[f.severity],
                order.get(claim.doc if claim else (f.doc or ""), len(order)),
                claim.start if claim else 0,
                f.id,
            )

        return sorted(self.report.findings, key=key)

    def findings_by_document(self) -> list[tuple[Document, list[Finding]]]:
        """Documents that have findings, in report order, each with its findings most
        severe first (a document whose worst finding is an error comes first)."""
        groups: dict[str, list[Finding]] = {}
        for f in self.ordered_findings():
            doc = self.finding_document(f)
            groups.setdefault(doc.id if doc else "", []).append(f)
        order = {d.id: i for i, d in enumerate(self.report.documents)}
        docs = [self.documents_by_id[d] for d in groups if d in self.documents_by_id]

        def key(doc: Document) -> tuple[int, int]:
            worst = max(
                (SEVERITY_RANK[f.severity] for f in groups[doc.id] if not f.suppressed), default=-1
            )
            return (-worst, order[doc.id])

        return [(doc, groups[doc.id]) for doc in sorted(docs, key=key)]

    def severity_counts(self) -> dict[str, int]:
        counts = {"error": 0, "warning": 0, "info": 0}
        for f in self.report.findings:
            if not f.suppressed:
                counts[f.severity] += 1
        return counts

    def suppressed_count(self) -> int:
        return sum(1 for f in self.report.findings if f.suppressed)

    def worst_severity(self, claim_id: str, include_suppressed: bool = False) -> str | None:
        found = [
            f.severity
            for f in self.findings_by_claim.get(claim_id, [])
            if include_suppressed or not f.suppressed
        ]
        return max(found, key=lambda s: SEVERITY_RANK[s]) if found else None

    def fingerprint(self, f: Finding) -> str:
        """The finding's stable fingerprint (computed when the engine left it unset)."""
        if f.fingerprint:
            return f.fingerprint
        return self._fingerprints.get(f.id, "")

    @cached_property
    def _fingerprints(self) -> dict[str, str]:
        from factcheck.suppress.fingerprint import compute_fingerprints

        return compute_fingerprints(self.report)

    # -- rules and figures ------------------------------------------------------------
    def rule_info(self, rule_id: str) -> RuleInfo:
        known = self.rules.get(rule_id)
        if known is not None:
            return known
        example = next((f for f in self.ordered_findings() if f.rule == rule_id), None)
        kind = example.kind if example is not None else ""
        description = ""
        if example is not None:
            description = str(example.details.get("rule_description") or "")
        return RuleInfo(
            id=rule_id,
            kind=kind,
            severity=example.severity if example is not None else "warning",
            description=description or (f"factcheck '{kind}' check" if kind else "factcheck check"),
        )

    def rule_ids(self) -> list[str]:
        """Rules with findings in this report, sorted (plus any described rules)."""
        return sorted({f.rule for f in self.report.findings} | set(self.rules))

    def figure_label(self, figure_id: str | None) -> str:
        if not figure_id:
            return "unassigned figure"
        info = self.figures.get(figure_id)
        if info is not None and info.label:
            return info.label
        for f in self.report.findings:
            if f.figure != figure_id:
                continue
            # the engine's message parameters: "figure" is the label, "figure_id" the id
            label = f.details.get("figure_label")
            if not label and f.details.get("figure_id") == figure_id:
                label = f.details.get("figure")
            if label:
                return str(label)
        return figure_id.replace("_", " ")

    def figures_in_shown_documents(self) -> list[str]:
        """Figure ids of claims in the shown documents, sorted (flagged ones first)."""
        shown = {d.id for d in self.shown_documents()}
        figures = {c.figure for c in self.report.claims if c.figure and c.doc in shown}
        flagged = {
            self.claims_by_id[f.claim].figure
            for f in self.report.findings
            if f.claim in self.claims_by_id
        }
        return sorted(figures, key=lambda fig: (fig not in flagged, fig))

    # -- evidence -------------------------------------------------------------------------
    def evidence(self, f: Finding) -> list[EvidenceView]:
        """The finding's evidence claims, described for a reader (unknown ids skipped)."""
        out = []
        for evidence_id in f.evidence:
            claim = self.claims_by_id.get(evidence_id)
            if claim is not None:
                out.append(self.describe_evidence(claim))
        return out

    def describe_evidence(self, claim: Claim) -> EvidenceView:
        doc = self.document_of(claim)
        reference = self.is_reference(doc)
        outlet = doc.outlet if doc is not None else None
        if reference:
            source = claim.attribution or (doc.title if doc else None) or "reference series"
            outlet = None
            citation = (doc.url if doc else None) or None
            where = doc.path if doc is not None else None
        else:
            source = claim.attribution or outlet or (doc.title if doc else None) or "unattributed"
            if outlet == source:
                outlet = None
            citation = None
            where = None
            if doc is not None:
                where = doc.path if claim.line is None else f"{doc.path}:{claim.line}"
        value = format_value(claim)
        if not reference and claim.surface and claim.surface != value:
            value = f"{claim.surface} ({value})"
        return EvidenceView(
            claim=claim,
            document=doc,
            value=value,
            source=source,
            outlet=outlet,
            date=format_date(claim.as_of, claim.as_of_precision),
            is_reference=reference,
            citation=citation,
            where=where,
        )


def format_date(day: date | None, precision: str | None = "day") -> str:
    if day is None:
        return "undated"
    if precision == "month":
        return day.strftime("%Y-%m")
    if precision == "year":
        return str(day.year)
    return day.isoformat()


def sentence_parts(claim: Claim, doc: Document | None) -> tuple[str, str, str]:
    """The claim's sentence split around the figure: (before, figure, after).

    The figure's position comes from the document's text when the sentence can be
    found there around the claim's offsets; otherwise from the first occurrence of
    the surface in the sentence. Without a sentence, the surface alone.
    """
    sentence = claim.sentence or ""
    surface = claim.surface
    if not sentence:
        return "", surface, ""
    text = doc.text if doc is not None else ""
    if text and text[claim.start : claim.end] == surface:
        lo = max(0, claim.end - len(sentence))
        begin = text.find(sentence, lo, claim.start + len(sentence))
        if begin != -1 and begin <= claim.start and claim.end <= begin + len(sentence):
            i = claim.start - begin
            return sentence[:i], surface, sentence[i + len(surface) :]
    i = sentence.find(surface)
    if i == -1:
        return sentence + " ", surface, ""  # the figure is not in the sentence as written
    return sentence[:i], surface, sentence[i + len(surface) :]


def summary_counts(view: ReportView) -> dict[str, int]:
    docs = view.report.documents
    counts = view.severity_counts()
    return {
        "checked": sum(1 for d in docs if d.role == "checked" and d.format != REFERENCE_FORMAT),
        "corpus": sum(1 for d in docs if d.role == "corpus" and d.format != REFERENCE_FORMAT),
        "reference": len(view.report.reference_series) + sum(1 for d in docs if d.format == REFERENCE_FORMAT),
        "claims": sum(1 for c in view.report.claims if not view.is_reference(view.document_of(c))),
        "findings": sum(counts.values()),
        "suppressed": view.suppressed_count(),
        **counts,
    }


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def summary_line(view: ReportView) -> str:
    """One line: documents, claims, findings by severity (and how many are suppressed)."""
    n = summary_counts(view)
    if view.command == "extract":
        return f"{plural(n['checked'] + n['corpus'], 'document')}, {plural(n['claims'], 'claim')}"
    against = (
        f"{plural(n['checked'], 'checked document')} against {plural(n['corpus'], 'corpus document')}"
        if n["corpus"] or n["checked"] < 2
        else f"{plural(n['checked'], 'document')} checked against each other"
    )
    text = (
        f"{against}"
        f"{' and ' + plural(n['reference'], 'reference series', 'reference series') if n['reference'] else ''}, "
        f"{plural(n['claims'], 'claim')}: {plural(n['findings'], 'finding')} "
        f"({n['error']} error{'s' if n['error'] != 1 else ''}, "
        f"{n['warning']} warning{'s' if n['warning'] != 1 else ''}, {n['info']} info)"
    )
    if n["suppressed"]:
        text += f", {n['suppressed']} suppressed"
    if view.catalogue is not None:
        text += f"; {plural(view.catalogue, 'figure')} in the catalogue"
    return text


class Formatter(Protocol):
    name: str
    description: str

    def render(self, view: ReportView) -> str:
        """The whole output as text (formatters never write files themselves)."""
        ...
