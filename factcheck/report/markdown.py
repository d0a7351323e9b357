"""Markdown for pasting into a CMS note, a chat message or a review comment.

Findings grouped by document, most severe first: severity, rule and place, the
sentence with the figure in bold, what is wrong, and the evidence. User text (titles,
sentences, messages, paths) is escaped so that it shows as written: ``*``, ``_``,
backticks, brackets, ``<tags>`` and ``&entities;`` never turn into markup. Renders
the same in CommonMark and GitHub Markdown. ``extract`` gives a table of claims.
"""

from __future__ import annotations

from factcheck.models import Claim, Document, Finding
from factcheck.report.base import ReportView, format_date, sentence_parts, summary_counts, summary_line
from factcheck.report.escape import md, md_code, md_link, one_line
from factcheck.report.numbers import format_interval, format_value


def _heading(doc: Document) -> str:
    meta = [x for x in (doc.title, doc.outlet, doc.published.isoformat() if doc.published else "no date") if x]
    return f"### {md_code(doc.path)} — {md(' · '.join(one_line(m) for m in meta))}"


def _place(claim: Claim | None) -> str:
    if claim is None or claim.line is None:
        return ""
    return f"line {claim.line}, col {claim.column}"


class MarkdownFormatter:
    name = "markdown"
    description = "Markdown for a CMS note, chat message or review comment"

    def render(self, view: ReportView) -> str:
        if view.command == "extract":
            return self._claims(view)
        n = summary_counts(view)
        lines: list[str] = []
        if n["findings"]:
            parts = [f"{n[s]} {s}{'s' if n[s] != 1 and s != 'info' else ''}" for s in ("error", "warning", "info") if n[s]]
            lines.append(f"## factcheck: {', '.join(parts)}")
        else:
            lines.append("## factcheck: no findings")
        lines += ["", md(summary_line(view), line_start=True), ""]
        for doc, findings in view.findings_by_document():
            shown = [f for f in findings if not f.suppressed]
            hidden = [f for f in findings if f.suppressed]
            lines += [_heading(doc), ""]
            for f in shown:
                lines += self._finding(view, f, doc)
            if hidden:
                lines.append(f"Suppressed ({len(hidden)}):")
                lines.append("")
                for f in hidden:
                    claim = view.claims_by_id.get(f.claim)
                    surface = f" **{md(claim.surface)}**" if claim is not None else ""
                    lines.append(
                        f"- {md_code(f.rule)} {_place(claim)}{surface} — {md(f.suppression or 'suppressed')}"
                    )
                lines.append("")
        if view.report.notes:
            lines += ["**Notes**", ""]
            lines += [f"- {md(note, line_start=True)}" for note in view.report.notes]
            lines.append("")
        return "\n".join(lines).rstrip("\n") + "\n"

    def _finding(self, view: ReportView, f: Finding, doc: Document) -> list[str]:
        claim = view.claims_by_id.get(f.claim)
        head = f"- **{f.severity.upper()}** {md_code(f.rule)}"
        if claim is not None:
            head += f" {_place(claim)}: **{md(claim.surface)}**"
            if f.figure or claim.figure:
                head += f" ({md(view.figure_label(f.figure or claim.figure))})"
        out = [head]
        if claim is not None and claim.sentence:
            before, figure, after = sentence_parts(claim, doc)
            sep_before = " " if before[-1:].isspace() else ""
            sep_after = " " if after[:1].isspace() else ""
            out += ["", f"  > {md(before, line_start=True)}{sep_before}**{md(figure)}**{sep_after}{md(after)}".rstrip()]
        out += ["", f"  {md(f.message, line_start=True)}"]
        also = f.also()
        if also:
            out.append("")
            out += [f"  - also: {md(r.message)} ({md_code(r.rule)})" for r in also]
        evidence = view.evidence(f)
        if evidence:
            out.append("")
            for ev in evidence:
                bits = [f"**{md(ev.value)}**", md(ev.source)]
                if ev.outlet:
                    bits.append(md(ev.outlet))
                bits.append(md(ev.date))
                if ev.is_reference:
                    if ev.citation:
                        bits.append("citation: " + md_link(ev.citation, ev.citation))
                    elif ev.series:
                        bits.append("series: " + md(ev.series) + (f" ({md_code(ev.where)})" if ev.where else ""))
                    out.append(f"  - reference: {' — '.join(bits)}")
                else:
                    if ev.where:
                        bits.append(md_code(ev.where))
                    if ev.document is not None and ev.document.url:
                        bits.append(md_link("source", ev.document.url))
                    out.append(f"  - evidence: {' — '.join(bits)}")
        out.append("")
        return out

    def _claims(self, view: ReportView) -> str:
        lines = [f"## factcheck: {md(summary_line(view))}", ""]
        for doc in view.shown_documents():
            claims = view.claims_by_doc.get(doc.id, [])
            lines += [_heading(doc), ""]
            if not claims:
                lines += ["No claims.", ""]
                continue
            lines.append("| Line | As written | Value | Interval | What | Where | By | As of | Figure |")
            lines.append("|---:|---|---:|---|---|---|---|---|---|")
            for c in claims:
                cells = [
                    str(c.line or ""),
                    md(c.surface),
                    md(format_value(c)),
                    md(format_interval(c)),
                    md(" ".join(x for x in (c.entity, c.predicate) if x)),
                    md(c.location or ""),
                    md(c.attribution or ""),
                    md(format_date(c.as_of, c.as_of_precision) if c.as_of else ""),
                    md_code(c.figure) if c.figure else "",
                ]
                lines.append("| " + " | ".join(cells) + " |")
            lines.append("")
        return "\n".join(lines).rstrip("\n") + "\n"
