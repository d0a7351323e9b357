"""The figure catalogue (``factcheck figures``): which figures a corpus talks about.

Two kinds of entries: the figures the rules define, with the claims assigned to them,
and the figures no rule defines but several stories give, grouped by their frames as
the ``undefined`` check groups them (``factcheck.match.frames``). Each entry lists its
claims' values, sources, dates and documents, so a researcher reads what the archive
says and decides which rules to write. Entries come ordered by how many documents give
them, then by name; claims by date, then document order: the same corpus gives the
same bytes.
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from typing import Literal

from pydantic import BaseModel, Field

from factcheck.intervals import Interval
from factcheck.match.frames import FrameKey, frame_key, verb_classes
from factcheck.models import Claim, Document, Report
from factcheck.report.escape import csv_text, strip_controls
from factcheck.rules.schema import RuleSet

FORMATS = ("text", "json", "csv")


class CatalogueClaim(BaseModel):
    """One claim of an entry, as a researcher reads it."""

    claim: str
    value: str
    lower: float | None
    upper: float | None
    unit: str | None
    source: str | None
    date: str | None
    document: str
    line: int | None


class CatalogueEntry(BaseModel):
    """One figure the corpus talks about."""

    id: str
    label: str
    defined_by: Literal["rule", "frame"]
    documents: int
    claims: list[CatalogueClaim] = Field(default_factory=list)


class Catalogue(BaseModel):
    """Every entry; ``figures`` is what the JSON output holds."""

    figures: list[CatalogueEntry] = Field(default_factory=list)


def build_catalogue(report: Report, rules: RuleSet, min_docs: int = 2) -> Catalogue:
    """The catalogue of the claims of ``report`` (after a run: ``figure`` set).
    Undefined figures need claims from ``min_docs`` documents; defined ones one."""
    docs = {d.id: d for d in report.documents}
    order = {d.id: k for k, d in enumerate(report.documents)}
    defined, framed = _grouped(report, rules)
    entries = []
    for figure_id, claims in defined.items():
        figure = rules.figures.get(figure_id)
        label = figure.label if figure is not None else figure_id
        entries.append(_entry(figure_id, label, "rule", claims, docs, order))
    for (key, _), claims in framed.items():
        if len({c.doc for c in claims}) >= min_docs:
            place = claims[0].location
            label = key.describe() + (f" in {place}" if place else "")
            entries.append(_entry(_slug(label, key), label, "frame", claims, docs, order))
    entries.sort(key=lambda e: (-e.documents, e.defined_by != "rule", e.label, e.id))
    return Catalogue(figures=entries)


def catalogue_size(report: Report, rules: RuleSet, min_docs: int = 2) -> int:
    """How many entries ``build_catalogue`` would list, without building them."""
    defined, framed = _grouped(report, rules)
    return len(defined) + sum(1 for claims in framed.values() if len({c.doc for c in claims}) >= min_docs)


def _grouped(report: Report, rules: RuleSet) -> tuple[dict[str, list[Claim]], dict[tuple[FrameKey, str], list[Claim]]]:
    """The claims by the figure a rule assigned them, and the others with an interval by
    frame and place (the catalogue keeps places apart)."""
    classes = verb_classes(rules.synonyms)
    defined: dict[str, list[Claim]] = defaultdict(list)
    framed: dict[tuple[FrameKey, str], list[Claim]] = defaultdict(list)
    for claim in report.claims:
        if claim.figure is not None:
            defined[claim.figure].append(claim)
        elif Interval.from_claim(claim) is not None:
            key = frame_key(claim, classes)
            if key is not None:
                framed[(key, (claim.location or "").lower())].append(claim)
    return defined, framed


def _entry(
    entry_id: str, label: str, defined_by: Literal["rule", "frame"], claims: list[Claim],
    docs: dict[str, Document], order: dict[str, int],
) -> CatalogueEntry:
    claims = sorted(claims, key=lambda c: (c.as_of.isoformat() if c.as_of else "", order.get(c.doc, 0), c.start))
    rows = []
    for c in claims:
        doc = docs.get(c.doc)
        where = (doc.title or doc.path or doc.id) if doc is not None else c.doc
        interval = Interval.from_claim(c)
        lo = hi = None
        if interval is not None:
            lo = interval.lo if interval.lo != float("-inf") else None
            hi = interval.hi if interval.hi != float("inf") else None
        source = c.attribution or (doc.outlet if doc is not None else None)
        rows.append(CatalogueClaim(
            claim=c.id, value=c.surface, lower=lo, upper=hi, unit=c.unit, source=source,
            date=c.as_of.isoformat() if c.as_of else None, document=where, line=c.line,
        ))
    return CatalogueEntry(id=entry_id, label=label, defined_by=defined_by, documents=len({c.doc for c in claims}), claims=rows)


def _slug(label: str, key: FrameKey) -> str:
    words = "".join(ch if ch.isalnum() else "-" for ch in label.lower()).split("-")
    base = "-".join(w for w in words if w)[:60] or "figure"
    # Two groups can describe alike (a money and a count figure of one thing): the kind
    # and dimension keep their ids apart.
    return f"{base}:{key.kind}:{key.dimension}"


def render(catalogue: Catalogue, fmt: str) -> str:
    """The catalogue as text, JSON or CSV."""
    if fmt == "json":
        return json.dumps(catalogue.model_dump(), indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        return _csv(catalogue)
    return _text(catalogue)


def _text(catalogue: Catalogue) -> str:
    lines = []
    for e in catalogue.figures:
        how = "rule" if e.defined_by == "rule" else "no rule"
        lines.append(f"{e.label} ({how}: {e.id}): {len(e.claims)} claim(s) in {e.documents} document(s)")
        for c in e.claims:
            at = f":{c.line}" if c.line is not None else ""
            lines.append(f"  {c.date or 'undated':<10}  {c.value:<28}  {c.source or 'unnamed source'} — {c.document}{at}")
    defined = sum(1 for e in catalogue.figures if e.defined_by == "rule")
    lines.append(f"{len(catalogue.figures)} figure(s): {defined} defined by rules, {len(catalogue.figures) - defined} by no rule")
    return "\n".join(lines) + "\n"


def _csv(catalogue: Catalogue) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["figure", "label", "defined_by", "documents", "claim", "value", "lower", "upper", "unit", "source", "date", "document", "line"])
    for e in catalogue.figures:
        for c in e.claims:
            writer.writerow([
                e.id, e.label, e.defined_by, e.documents, c.claim, _safe(c.value), "" if c.lower is None else repr(c.lower),
                "" if c.upper is None else repr(c.upper), c.unit or "", _safe(c.source or ""), c.date or "", _safe(c.document),
                "" if c.line is None else c.line,
            ])
    return out.getvalue()


def _safe(text: str) -> str:
    """A cell a spreadsheet will not run as a formula, without control characters."""
    return csv_text(strip_controls(text))
