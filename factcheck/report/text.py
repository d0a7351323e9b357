"""Plain text for the terminal: findings grouped by document, most severe first.

Each finding shows where it is, the sentence, what is wrong, and the evidence with its
source and date, then a summary line. ``extract`` lists each document's claims.
"""

from __future__ import annotations

import textwrap

from factcheck.models import Claim, Document, Finding
from factcheck.report.base import ReportView
from factcheck.report.numbers import format_interval, format_value

_WIDTH = 100


def document_heading(doc: Document) -> str:
    details = [x for x in (doc.outlet, doc.published.isoformat() if doc.published else "no date") if x]
    return f"{doc.path}  ({', '.join(details)})"


def _where(claim: Claim | None) -> str:
    if claim is None or claim.line is None:
        return ""
    return f"{claim.line}:{claim.column}"


def _wrap(text: str, indent: str) -> list[str]:
    return textwrap.wrap(" ".join(text.split()), _WIDTH, initial_indent=indent, subsequent_indent=indent) or [indent]


class TextFormatter:
    name = "text"
    description = "human-readable text for the terminal (the default)"

    def render(self, view: ReportView) -> str:
        if view.command == "extract":
            return self._claims(view)
        return self._findings(view)

    def _claims(self, view: ReportView) -> str:
        lines: list[str] = []
        by_doc: dict[str, list[Claim]] = {}
        for claim in view.report.claims:
            by_doc.setdefault(claim.doc, []).append(claim)
        for doc in view.report.documents:
            lines.append(document_heading(doc))
            for c in by_doc.get(doc.id, []):
                context = " | ".join(
                    f"{k}={v}"
                    for k, v in (
                        ("entity", c.entity), ("predicate", c.predicate), ("location", c.location),
                        ("by", c.attribution), ("as_of", c.as_of), ("figure", c.figure),
                    )
                    if v
                )
                lines.append(
                    f"  {_where(c):>7}  {c.surface!r:<28} {c.qualifier:<8} {format_value(c):<22} "
                    f"{format_interval(c):<26} {context}".rstrip()
                )
            lines.append("")
        lines.append(f"{len(view.report.documents)} documents, {len(view.report.claims)} claims")
        return "\n".join(lines) + "\n"

    def _finding(self, view: ReportView, f: Finding) -> list[str]:
        claim = view.claims_by_id.get(f.claim)
        head = f"  {_where(claim):>7}  {f.severity:<7} {f.rule}"
        if claim is not None:
            head += f"  “{claim.surface}”"
        if f.suppressed:
            head += "  (suppressed)"
        out = [head]
        if claim is not None and claim.sentence:
            out += _wrap(claim.sentence, " " * 11 + "> ")
        out += _wrap(f.message, " " * 11)
        for evidence_id in f.evidence:
            ev = view.claims_by_id.get(evidence_id)
            if ev is None:
                continue
            ev_doc = view.documents_by_id.get(ev.doc)
            source = ev.attribution or (ev_doc.outlet if ev_doc else None) or "unattributed"
            where = ev_doc.outlet if ev_doc and ev_doc.outlet and ev_doc.outlet != source else None
            parts = [f"{ev.surface} ({format_value(ev)})", source]
            if where:
                parts.append(where)
            parts.append(ev.as_of.isoformat() if ev.as_of else "undated")
            if ev_doc is not None and ev_doc.format == "reference":
                parts.append(ev_doc.url or ev.sentence)
            elif ev_doc is not None:
                parts.append(ev_doc.path)
            out += _wrap("evidence: " + " — ".join(parts), " " * 11)
        return out

    def _findings(self, view: ReportView) -> str:
        lines: list[str] = []
        findings = view.ordered_findings()
        by_doc: dict[str, list[Finding]] = {}
        for f in findings:
            claim = view.claims_by_id.get(f.claim)
            by_doc.setdefault(claim.doc if claim else "", []).append(f)
        for doc in view.report.documents:
            if doc.role != "checked" or doc.id not in by_doc:
                continue
            lines.append(document_heading(doc))
            for f in by_doc[doc.id]:
                lines += self._finding(view, f)
            lines.append("")
        for note in view.report.notes:
            lines += _wrap(f"note: {note}", "")
        lines.append(summary_line(view))
        return "\n".join(lines) + "\n"


def summary_line(view: ReportView) -> str:
    checked = sum(1 for d in view.report.documents if d.role == "checked")
    corpus = sum(1 for d in view.report.documents if d.role == "corpus" and d.format != "reference")
    counts = view.severity_counts()
    total = sum(counts.values())
    suppressed = sum(1 for f in view.report.findings if f.suppressed)
    text = (
        f"{checked} checked document(s) against {corpus} corpus document(s), "
        f"{len(view.report.claims)} claims: {total} finding(s) "
        f"({counts['error']} error, {counts['warning']} warning, {counts['info']} info)"
    )
    if suppressed:
        text += f", {suppressed} suppressed"
    return text
