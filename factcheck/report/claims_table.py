"""One record per claim, for the CSV and JSON Lines formats.

Every contract field of a claim (CONTRACT.md ``claims[]``), then what a researcher in
a spreadsheet wants beside it: the document's path, title, outlet, date and role, the
claim's line and column, its hedge and open ends, and the findings on it. Claims in
the report's order (documents in order, each in text order); reference-series points
included, marked by ``doc_format == "reference"``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from factcheck.models import SEVERITY_RANK
from factcheck.report.base import ReportView

CONTRACT_FIELDS = (
    "id", "doc", "start", "end", "surface", "sentence", "value", "lower", "upper", "qualifier", "unit",
    "entity", "predicate", "location", "attribution", "as_of", "figure",
)
EXTRA_FIELDS = (
    "doc_path", "doc_title", "doc_outlet", "doc_published", "doc_url", "doc_role", "doc_format",
    "line", "column", "kind", "hedge", "lower_open", "upper_open", "as_of_precision", "as_of_source",
    "period_start", "entity_type", "quoted", "parts",
    "findings", "finding_rules", "max_severity", "suppressed_findings", "evidence_for",
)
FIELDS = CONTRACT_FIELDS + EXTRA_FIELDS


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    return value


def claim_records(view: ReportView) -> list[dict[str, Any]]:
    order = {d.id: i for i, d in enumerate(view.report.documents)}
    claims = sorted(view.report.claims, key=lambda c: (order.get(c.doc, len(order)), c.start, c.end, c.id))
    claims += view.report.references  # the reference points the findings cite, last
    evidence_for: dict[str, list[str]] = {}
    for f in view.ordered_findings():
        for e in f.evidence:
            evidence_for.setdefault(e, []).append(f.id)
    records = []
    for c in claims:
        doc = view.document_of(c)
        findings = view.findings_by_claim.get(c.id, [])
        active = [f for f in findings if not f.suppressed]
        record: dict[str, Any] = {k: _plain(getattr(c, k)) for k in CONTRACT_FIELDS}
        record.update(
            doc_path=doc.path if doc else None,
            doc_title=doc.title if doc else None,
            doc_outlet=doc.outlet if doc else None,
            doc_published=_plain(doc.published) if doc else None,
            doc_url=doc.url if doc else None,
            doc_role=doc.role if doc else None,
            doc_format=doc.format if doc else None,
            line=c.line,
            column=c.column,
            kind=c.kind,
            hedge=c.hedge,
            lower_open=c.lower_open,
            upper_open=c.upper_open,
            as_of_precision=c.as_of_precision,
            as_of_source=c.as_of_source,
            period_start=_plain(c.period_start),
            entity_type=c.entity_type,
            quoted=c.quoted,
            parts=c.parts,
            findings=[f.id for f in findings],
            finding_rules=sorted({f.rule for f in findings}),
            max_severity=max((f.severity for f in active), key=lambda s: SEVERITY_RANK[s]) if active else None,
            suppressed_findings=len(findings) - len(active),
            evidence_for=evidence_for.get(c.id, []),
        )
        records.append(record)
    return records
