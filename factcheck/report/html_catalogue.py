"""The figure catalogue as a section of the HTML page: the entries ``factcheck figures``
lists (the figures the rules define and the groups of figures no rule defines), each
with its claims' dates, values, sources and documents.

Everything in it comes from the input (labels are made of the stories' words) and is
escaped like the rest of the page; it adds no style or script of its own (its table's
style is in assets/report.css), so the page's Content Security Policy covers it. A
claim of a document the page shows links to its highlight there.
"""

from __future__ import annotations

from collections.abc import Callable

from factcheck.report.catalogue import Catalogue, CatalogueEntry
from factcheck.report.escape import h, one_line


def catalogue_section(catalogue: Catalogue, claim_href: Callable[[str], str | None], entry_id: Callable[[str], str]) -> str:
    """The section; ``claim_href`` gives the in-page link of a shown claim (None: not
    shown), ``entry_id`` an HTML id for an entry's id."""
    entries = catalogue.figures
    defined = sum(1 for e in entries if e.defined_by == "rule")
    out = [
        '<section class="fc-catalogue-section" id="fc-catalogue"><h2>Figure catalogue</h2>',
        (
            f'<p class="fc-hint">{len(entries)} figure{"s" if len(entries) != 1 else ""} the documents talk about: '
            f"{defined} defined by rules, {len(entries) - defined} by no rule (claims of several stories that "
            "count the same thing the same way). What <code>factcheck figures</code> lists, and what "
            "<code>factcheck rules suggest</code> drafts rules from.</p>"
        ),
    ]
    if not entries:
        out[-1] = out[-1].replace("</p>", " None here.</p>")
    for entry in entries:
        out.append(_entry(entry, claim_href, entry_id))
    out.append("</section>")
    return "\n".join(out)


def _entry(entry: CatalogueEntry, claim_href: Callable[[str], str | None], entry_id: Callable[[str], str]) -> str:
    how = "rule" if entry.defined_by == "rule" else "no rule"
    out = [
        (
            f'<h3 id="{h(entry_id(entry.id))}">{h(one_line(entry.label))} <small>({how}: {h(one_line(entry.id))}) · '
            f"{len(entry.claims)} claim{'s' if len(entry.claims) != 1 else ''} in {entry.documents} "
            f"document{'s' if entry.documents != 1 else ''}</small></h3>"
        ),
        (
            '<table class="fc-catalogue"><thead><tr><th>Date</th><th>Figure</th><th>Source</th>'
            "<th>Document</th></tr></thead><tbody>"
        ),
    ]
    for c in entry.claims:
        value = h(one_line(c.value))
        href = claim_href(c.claim)
        if href is not None:
            value = f'<a class="fc-jump" href="{h(href)}" data-claim="{h(c.claim)}">{value}</a>'
        where = one_line(c.document) + (f":{c.line}" if c.line is not None else "")
        out.append(
            f"<tr><td>{h(c.date or 'undated')}</td><td>{value}</td><td>{h(one_line(c.source or 'unnamed source'))}</td>"
            f"<td>{h(where)}</td></tr>"
        )
    out.append("</tbody></table>")
    return "\n".join(out)
