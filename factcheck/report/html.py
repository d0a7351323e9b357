"""One self-contained HTML file for editors: ``--format html --output report.html``.

The page opens offline: no CDN, no external script, font or image, and a Content
Security Policy that allows only its own inline style and script (by hash). It shows:

* a summary and the list of findings, most severe first;
* each checked document's text with every claim highlighted, flagged claims coloured
  by severity; clicking (or Enter on) a claim opens a panel with its extracted fields,
  its findings and their evidence (value, source, outlet, date, citation);
* one timeline chart per figure (inline SVG, see ``timeline/svg.py``) with every claim of
  the figure across sources and dates drawn as an interval, the reference series, and
  the flagged claims marked;
* the figure catalogue of ``factcheck figures`` (``html_catalogue.py``), when the page
  is made with the run's rules;
* the run's notes.

Everything from the input (article text, titles, paths, rule messages) is escaped,
in text and attributes alike; the panel's contents are pre-rendered, escaped HTML in
``<template>`` elements that the script only clones, and the findings embedded as JSON
for tools have ``<``, ``>`` and ``&`` escaped so ``</script>`` and ``<!--`` cannot occur.
The bytes depend only on the report: no timestamps, no random ids.
"""

from __future__ import annotations

import base64
import hashlib
import re
from importlib import resources

from factcheck import __version__
from factcheck.models import Claim, Document, Finding
from factcheck.report.base import ReportView, format_date, summary_counts, summary_line
from factcheck.report.escape import h, json_for_script, one_line
from factcheck.report.html_catalogue import catalogue_section
from factcheck.report.numbers import format_interval, format_value
from factcheck.report.timeline.series import count_text, figure_series
from factcheck.report.timeline.svg import timeline_svg


def _asset(name: str) -> str:
    """The text of ``assets/NAME`` (package data, so it is in the wheel) as the page
    inlines it. The page has always put a newline right after ``<style>`` and
    ``<script>``, inside the block its CSP hash covers; it is added here so that the
    files stay plain CSS and JS. Read as text (universal newlines), so a checkout with
    CRLF line endings gives the same bytes and the same hash."""
    return "\n" + (resources.files("factcheck.report") / "assets" / name).read_text(encoding="utf-8")


# Read once, at import: every page of a run inlines the same bytes.
STYLE = _asset("report.css")
SCRIPT = _asset("report.js")


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


CSP = (
    f"default-src 'none'; style-src '{_sha256(STYLE)}'; script-src '{_sha256(SCRIPT)}'; "
    "img-src data:; base-uri 'none'; form-action 'none'"
)

_SAFE_LINK = re.compile(r"^https?://[^\s\"'<>`]+$", re.IGNORECASE)


def _link(url: str | None, text: str | None = None) -> str:
    """An http(s) link, or the URL as text (never a live ``javascript:`` link)."""
    if not url:
        return ""
    if _SAFE_LINK.match(url):
        return f'<a href="{h(url)}" rel="noopener noreferrer">{h(text or url)}</a>'
    return f"<code>{h(url)}</code>"


def _dom_id(prefix: str, value: str) -> str:
    """An HTML id from data: safe characters kept, anything else hex-encoded."""
    return prefix + re.sub(r"[^A-Za-z0-9_-]", lambda m: f".{ord(m.group(0)):x}.", value)


class HtmlFormatter:
    name = "html"
    description = "one self-contained HTML page: highlighted claims, evidence on click, figure timelines"

    def render(self, view: ReportView) -> str:
        docs = view.shown_documents()
        counts = summary_counts(view)
        title = "factcheck report"
        if len(docs) == 1:
            title += f": {one_line(docs[0].title or docs[0].path)}"
        parts = [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta http-equiv="Content-Security-Policy" content="{h(CSP)}">',
            '<meta name="referrer" content="no-referrer">',
            f'<meta name="generator" content="factcheck {h(__version__)}">',
            f"<title>{h(title)}</title>",
            f"<style>{STYLE}</style>",
            "</head>",
            "<body>",
            '<header class="fc-header">',
            f"<h1>{h(title)}</h1>",
            f'<p class="fc-summary">{h(summary_line(view))}</p>',
        ]
        if view.command == "run":
            parts.append('<ul class="fc-counts">')
            for sev in ("error", "warning", "info"):
                n = counts[sev]
                word = {"error": "error", "warning": "warning", "info": "info"}[sev]
                plural = "s" if n != 1 and sev != "info" else ""
                parts.append(f'<li class="fc-sev-{sev}">{n} {word}{plural}</li>')
            if counts["suppressed"]:
                parts.append(f'<li>{counts["suppressed"]} suppressed</li>')
            parts.append("</ul>")
        parts.append("</header>")
        parts.append('<div class="fc-layout">')
        parts.append("<main>")
        if view.command == "run":
            parts.append(self._findings_table(view))
        for doc in docs:
            parts.append(self._document(view, doc))
        parts.append(self._timelines(view))
        catalogue = view.figure_catalogue
        if catalogue is not None:
            shown = {d.id for d in docs}

            def claim_href(claim_id: str) -> str | None:
                claim = view.claims_by_id.get(claim_id)
                return f"#{_dom_id('claim-', claim_id)}" if claim is not None and claim.doc in shown else None

            parts.append(catalogue_section(catalogue, claim_href, lambda i: _dom_id("figure-", i)))
        if view.report.notes:
            parts.append('<section class="fc-notes-section"><h2>Notes</h2><ul class="fc-notes">')
            parts.extend(f"<li>{h(one_line(note))}</li>" for note in view.report.notes)
            parts.append("</ul></section>")
        parts.append("</main>")
        parts.append(
            '<aside id="fc-panel" class="fc-panel" aria-live="polite" aria-label="Claim details">'
            '<div id="fc-panel-body"><h2>Claim details</h2>'
            '<p class="fc-hint">Click a highlighted figure in the text, a finding in the list, or a bar of '
            "a checked document in a timeline to see what factcheck read, what is wrong with it and the "
            "evidence.</p></div></aside>"
        )
        parts.append("</div>")
        parts.append(self._templates(view, docs))
        parts.append(
            f'<footer class="fc-footer">factcheck {h(__version__)} · report {h(view.command)} · '
            "this file is self-contained and works offline</footer>"
        )
        parts.append(
            '<script type="application/json" id="fc-data">' + json_for_script(self._data(view)) + "</script>"
        )
        parts.append(f"<script>{SCRIPT}</script>")
        parts.append("</body>")
        parts.append("</html>")
        return "\n".join(parts) + "\n"

    # -- findings list -------------------------------------------------------------------
    def _findings_table(self, view: ReportView) -> str:
        findings = view.ordered_findings()
        rows = [f for f in findings if not f.suppressed] + [f for f in findings if f.suppressed]
        out = ['<section class="fc-findings-section"><h2>Findings</h2>']
        if not rows:
            out.append('<p class="fc-hint">No findings: every figure checked agrees with the evidence.</p></section>')
            return "\n".join(out)
        out.append('<table class="fc-findings"><thead><tr><th>Severity</th><th>Where</th><th>Figure</th>'
                   "<th>What is wrong</th></tr></thead><tbody>")
        for f in rows:
            claim = view.claims_by_id.get(f.claim)
            doc = view.finding_document(f)
            where = doc.path if doc is not None else (f.doc or "")
            if claim is not None and claim.line is not None:
                where += f":{claim.line}"
            badge = f'<span class="fc-badge fc-sev-{f.severity}">{h(f.severity)}</span>'
            message = h(one_line(f.message))
            if f.also():
                message += "".join(f"<br><small>also: {h(one_line(r.message))} ({h(r.rule)})</small>" for r in f.also())
            row_class = ""
            if f.suppressed:
                badge = f'<span class="fc-badge">suppressed</span> {badge}'
                message += f'<br><small>{h(one_line(f.suppression or "suppressed"))}</small>'
                row_class = ' class="fc-suppressed-row"'
            figure = h(claim.surface) if claim is not None else ""
            if claim is not None:
                figure = (
                    f'<a class="fc-jump" href="#{h(_dom_id("claim-", claim.id))}" data-claim="{h(claim.id)}">'
                    f"{figure}</a>"
                )
            out.append(
                f"<tr{row_class}><td>{badge}</td><td>{h(where)}</td><td>{figure}</td>"
                f"<td>{message} <small>({h(f.rule)})</small></td></tr>"
            )
        out.append("</tbody></table></section>")
        return "\n".join(out)

    # -- documents ---------------------------------------------------------------------------
    def _document(self, view: ReportView, doc: Document) -> str:
        meta = [x for x in (doc.title, doc.outlet, doc.published.isoformat() if doc.published else "no date") if x]
        claims = view.claims_by_doc.get(doc.id, [])
        out = [
            f'<section class="fc-doc" id="{h(_dom_id("doc-", doc.id))}">',
            f"<h2>{h(doc.path)}</h2>",
            f'<p class="fc-meta">{h(" · ".join(one_line(m) for m in meta))}'
            f"{' · ' + _link(doc.url) if doc.url else ''} · {len(claims)} claim{'s' if len(claims) != 1 else ''}</p>",
        ]
        text = doc.text
        if text and all(text[c.start : c.end] == c.surface for c in claims):
            out.append(f'<div class="fc-text">{self._highlight(view, text, claims)}</div>')
        else:
            out.append('<ul class="fc-claim-list">')
            out.extend(f"<li>{self._mark(view, c, c.surface)} — {h(one_line(c.sentence))}</li>" for c in claims)
            out.append("</ul>")
        out.append("</section>")
        return "\n".join(out)

    def _highlight(self, view: ReportView, text: str, claims: list[Claim]) -> str:
        pieces = []
        pos = 0
        for c in claims:
            if c.start < pos or c.end <= c.start:
                continue  # overlaps the previous claim: keep the first
            pieces.append(h(text[pos : c.start]))
            pieces.append(self._mark(view, c, text[c.start : c.end]))
            pos = c.end
        pieces.append(h(text[pos:]))
        return "".join(pieces)

    def _mark(self, view: ReportView, claim: Claim, surface: str) -> str:
        severity = view.worst_severity(claim.id)
        suppressed = view.worst_severity(claim.id, include_suppressed=True) if severity is None else None
        classes = ["fc-claim"]
        label = f"{one_line(claim.surface)}: {format_value(claim)}"
        if severity:
            classes += ["fc-flagged", f"fc-sev-{severity}"]
            label += f", flagged ({severity})"
        elif suppressed:
            classes.append("fc-suppressed")
            label += ", suppressed finding"
        return (
            f'<mark class="{" ".join(classes)}" id="{h(_dom_id("claim-", claim.id))}" data-claim="{h(claim.id)}" '
            f'tabindex="0" role="button" aria-label="{h(label)}">{h(surface)}</mark>'
        )

    # -- timelines ----------------------------------------------------------------------------
    def _timelines(self, view: ReportView) -> str:
        figures = view.figures_in_shown_documents()
        out = ['<section class="fc-timelines"><h2>Figure timelines</h2>']
        if not figures:
            out.append('<p class="fc-hint">No claim in these documents was assigned to a figure.</p>')
        for fig in figures:
            dom = _dom_id("timeline-", fig)
            out.append(f'<figure class="fc-timeline" id="{h(dom)}">')
            points = figure_series(view, fig)
            out.append(timeline_svg(view, fig, standalone=False, points=points).rstrip("\n"))
            out.append(
                f"<figcaption>{h(view.figure_label(fig))} ({h(fig)}): {h(count_text(points))} "
                "from the checked documents, the corpus and the reference series, by the date each is about. "
                "Hover for details; click a checked document's bar to open it.</figcaption>"
            )
            out.append("</figure>")
        out.append("</section>")
        return "\n".join(out)

    # -- the panel's contents -------------------------------------------------------------
    def _templates(self, view: ReportView, docs: list[Document]) -> str:
        out = []
        for doc in docs:
            for claim in view.claims_by_doc.get(doc.id, []):
                out.append(f'<template data-claim="{h(claim.id)}">{self._details(view, claim, doc)}</template>')
        return "\n".join(out)

    def _details(self, view: ReportView, claim: Claim, doc: Document) -> str:
        where = doc.path
        if claim.line is not None:
            where += f", line {claim.line}, column {claim.column}"
        out = [
            f'<h2 class="fc-panel-title">“{h(one_line(claim.surface))}”</h2>',
            f'<p class="fc-where">{h(where)}</p>',
        ]
        findings = view.findings_by_claim.get(claim.id, [])
        if view.command == "run" and not findings:
            out.append('<p class="fc-hint">No finding: nothing contradicts or supersedes this figure.</p>')
        for f in findings:
            out.append(self._finding(view, f))
        if claim.sentence:
            out.append(f'<h3>Sentence</h3><p class="fc-sentence">{h(one_line(claim.sentence))}</p>')
        out.append("<h3>What factcheck read</h3>")
        out.append(_fields(claim))
        if claim.figure:
            out.append(
                f'<p><a class="fc-jump" href="#{h(_dom_id("timeline-", claim.figure))}">Timeline of '
                f"{h(view.figure_label(claim.figure))}</a></p>"
            )
        return "".join(out)

    def _finding(self, view: ReportView, f: Finding) -> str:
        status = f" · suppressed: {h(one_line(f.suppression or ''))}" if f.suppressed else ""
        out = [
            f'<div class="fc-finding fc-sev-{f.severity}">',
            f'<span class="fc-badge fc-sev-{f.severity}">{h(f.severity)}</span> <small>{h(f.rule)}{status}</small>',
            f'<p class="fc-message">{h(one_line(f.message))}</p>',
        ]
        also = f.also()
        if also:
            out.append('<ul class="fc-also">')
            out += [f"<li>also: {h(one_line(r.message))} <small>({h(r.rule)})</small></li>" for r in also]
            out.append("</ul>")
        evidence = view.evidence(f)
        if evidence:
            out.append('<h3>Evidence</h3><ul class="fc-evidence">')
            for ev in evidence:
                kind = "reference series" if ev.is_reference else "reporting"
                bits = [f'<span class="fc-ev-value">{h(one_line(ev.value))}</span>', h(one_line(ev.source))]
                if ev.outlet:
                    bits.append(h(one_line(ev.outlet)))
                bits.append(h(ev.date))
                if ev.is_reference:
                    series = ev.document.title if ev.document is not None and ev.document.title else None
                    if series:
                        bits.append(h(one_line(series)))
                    if ev.citation:
                        bits.append("citation: " + _link(ev.citation))
                else:
                    if ev.where:
                        bits.append(f"<code>{h(ev.where)}</code>")
                    if ev.document is not None and ev.document.url:
                        bits.append(_link(ev.document.url, "source"))
                out.append(f'<li><span class="fc-ev-kind">{kind}</span><br>{" — ".join(bits)}</li>')
            out.append("</ul>")
        out.append("</div>")
        return "".join(out)

    # -- data for tools ------------------------------------------------------------------
    def _data(self, view: ReportView) -> dict[str, object]:
        counts = summary_counts(view)
        return {
            "generator": f"factcheck {__version__}",
            "command": view.command,
            "summary": counts,
            "findings": [
                {
                    "id": f.id,
                    "rule": f.rule,
                    "kind": f.kind,
                    "severity": f.severity,
                    "message": f.message,
                    "claim": f.claim,
                    "evidence": list(f.evidence),
                    "figure": f.figure,
                    "fingerprint": view.fingerprint(f),
                    "suppressed": f.suppressed,
                }
                for f in view.ordered_findings()
            ],
        }


def _fields(claim: Claim) -> str:
    rows = [
        ("as written", claim.surface),
        ("value", format_value(claim)),
        ("interval", format_interval(claim)),
        ("qualifier", claim.qualifier + (f" ({claim.hedge})" if claim.hedge else "")),
        ("unit", claim.unit),
        ("what", claim.entity),
        ("predicate", claim.predicate),
        ("where", claim.location),
        ("according to", claim.attribution),
        ("as of", format_date(claim.as_of, claim.as_of_precision) + (f" ({claim.as_of_source})" if claim.as_of_source else "") if claim.as_of else None),
        ("since", claim.period_start.isoformat() if claim.period_start else None),
        ("figure", claim.figure),
        ("quoted", "yes" if claim.quoted else None),
        ("claim id", claim.id),
    ]
    items = "".join(f"<dt>{h(k)}</dt><dd>{h(one_line(str(v)))}</dd>" for k, v in rows if v)
    return f'<dl class="fc-fields">{items}</dl>'
