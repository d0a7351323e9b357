"""The series of one figure: every claim the rules assigned to it, in the checked
documents, the corpus and the reference series, by the date it is about.

The reference series is taken whole where the view has it (``ReportView.series``, from
the rule set), not only the points cited as evidence, but only around the figure's
claims: from ``REFERENCE_MARGIN`` days (or a quarter of the claims' span, if more)
before the earliest claim to as long after the latest, so a daily series of 450
points does not swamp a chart of two claims. A figure with no dated claim gets its
whole series.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from factcheck.errors import UsageError
from factcheck.models import SEVERITY_RANK, Claim, Document
from factcheck.report.base import ReportView


@dataclass(frozen=True)
class SeriesPoint:
    """One claim of a figure's series, as the chart and the table show it."""

    claim: Claim
    document: Document | None
    day: date | None
    role: str  # "checked", "corpus" or "reference"
    flagged: str | None  # the worst severity of its unsuppressed findings
    suppressed: bool  # flagged only by suppressed findings
    evidence: bool  # evidence of some finding
    source: str
    where: str  # document path (and line), or the reference series' citation

    @property
    def lower(self) -> float | None:
        """The interval's lower end; None where it is unbounded."""
        c = self.claim
        return c.value if c.lower is None and c.upper is None else c.lower

    @property
    def upper(self) -> float | None:
        """The interval's upper end; None where it is unbounded."""
        c = self.claim
        return c.value if c.lower is None and c.upper is None else c.upper


# Days of reference series shown before the first and after the last claim of a figure.
REFERENCE_MARGIN = 14


def known_figures(view: ReportView) -> list[str]:
    return sorted({c.figure for c in view.report.claims if c.figure} | {f for f, pts in view.series.items() if pts})


def reference_window(claims: list[Claim]) -> tuple[date, date] | None:
    """The days of reference series shown with ``claims`` (the figure's claims from
    documents): their span widened by ``REFERENCE_MARGIN`` days or a quarter of the
    span; None when none is dated (then the whole series is shown)."""
    days = [c.as_of for c in claims if c.as_of is not None]
    if not days:
        return None
    first, last = min(days), max(days)
    margin = timedelta(days=max(REFERENCE_MARGIN, (last - first).days // 4))
    return first - margin, last + margin


def _figure_claims(view: ReportView, figure_id: str) -> list[Claim]:
    """The figure's claims in the report, plus the points of its reference series
    within ``reference_window`` that the report does not already carry."""
    claims = [c for c in view.report.claims if c.figure == figure_id]
    series = view.series.get(figure_id, ())
    if not series:
        return claims
    have = {c.id for c in claims}
    window = reference_window([c for c in claims if not view.is_reference(view.document_of(c))])
    for c in series:
        if c.id in have:
            continue
        if window is not None and (c.as_of is None or not window[0] <= c.as_of <= window[1]):
            continue
        claims.append(c)
    return claims


def resolve_figure(view: ReportView, name: str) -> str:
    """The figure id ``name`` means: an id, or a label (case and spaces ignored)."""
    figures = known_figures(view)
    if name in figures:
        return name

    def norm(s: str) -> str:
        return "".join(ch for ch in s.lower() if ch.isalnum())

    for fig in figures:
        if norm(fig) == norm(name) or norm(view.figure_label(fig)) == norm(name):
            return fig
    known = ", ".join(figures) if figures else "none (no claim was assigned to a figure)"
    raise UsageError(f"unknown figure {name!r}; figures in this run: {known}")


def figure_series(view: ReportView, figure_id: str) -> list[SeriesPoint]:
    """Every claim of the figure, sorted by date (undated last), reference first."""
    points = []
    order = {d.id: i for i, d in enumerate(view.report.documents)}
    for claim in _figure_claims(view, figure_id):
        doc = view.document_of(claim)
        reference = view.is_reference(doc)
        role = "reference" if reference else (doc.role if doc is not None else "corpus")
        findings = view.findings_by_claim.get(claim.id, [])
        active = [f for f in findings if not f.suppressed]
        flagged = max((f.severity for f in active), key=lambda s: SEVERITY_RANK[s]) if active else None
        ev = view.describe_evidence(claim)
        if reference:
            source, where = ev.source, ev.citation or (doc.path if doc else "")
        else:
            source = ev.source + (f", {ev.outlet}" if ev.outlet else "")
            where = ev.where or ""
        points.append(
            SeriesPoint(
                claim=claim,
                document=doc,
                day=claim.as_of,
                role=role,
                flagged=flagged,
                suppressed=bool(findings) and not active,
                evidence=claim.id in view.evidence_ids,
                source=source,
                where=where,
            )
        )

    def key(p: SeriesPoint) -> tuple[bool, int, int, int, int, str]:
        return (
            p.day is None,
            p.day.toordinal() if p.day else 0,
            0 if p.role == "reference" else (2 if p.role == "checked" else 1),
            order.get(p.claim.doc, 0),
            p.claim.start,
            p.claim.id,
        )

    return sorted(points, key=key)


def count_text(points: list[SeriesPoint]) -> str:
    """ "3 claims and 40 reference values" (reference points counted apart)."""
    refs = sum(1 for p in points if p.role == "reference")
    claims = len(points) - refs
    text = f"{claims} claim{'s' if claims != 1 else ''}"
    if refs:
        text += f" and {refs} reference value{'s' if refs != 1 else ''}"
    return text
