"""What reports can say about rules and figures beyond their ids, from a loaded rule set.

``make_view(report, command, rule_set)`` is what the CLI calls: a ``ReportView`` whose
SARIF rules carry descriptions and help, whose charts and headings use figure labels
("Gaza death toll") instead of ids, and whose timelines draw each figure's whole
reference series (the report itself keeps only the points cited as evidence). Without
a rule set (or with a rule set of an unexpected shape) the view falls back to what the
findings say.
"""

from __future__ import annotations

from typing import Any

from factcheck.models import Claim, Document, Report
from factcheck.report.base import Command, FigureInfo, ReportView, RuleInfo


def _first_paragraph(doc: str | None) -> str:
    if not doc:
        return ""
    return " ".join(doc.strip().split("\n\n", 1)[0].split())


def rule_metadata(rule_set: Any) -> dict[str, RuleInfo]:
    """Rule id -> RuleInfo for every check of ``rule_set`` (a ``factcheck.rules.RuleSet``)."""
    out: dict[str, RuleInfo] = {}
    try:
        from factcheck.check import REGISTRY
    except ImportError:  # pragma: no cover - the engine is part of the package
        REGISTRY = {}
    for rule in getattr(rule_set, "checks", []) or []:
        try:
            kind = rule.kind
        except Exception:  # noqa: BLE001 - a rule of an unexpected shape is described by its id
            kind = ""
        module = REGISTRY.get(kind)
        severity = getattr(rule, "severity", None) or getattr(module, "DEFAULT_SEVERITY", "warning")
        help_text = _first_paragraph(getattr(module, "__doc__", None))
        description = getattr(rule, "description", None) or help_text or f"factcheck '{kind}' check"
        out[rule.id] = RuleInfo(id=rule.id, kind=kind, severity=str(severity), description=description, help=help_text)
    return out


def figure_metadata(rule_set: Any) -> dict[str, FigureInfo]:
    """Figure id -> FigureInfo (label, unit, description) for ``rule_set``'s figures."""
    out: dict[str, FigureInfo] = {}
    figures = getattr(rule_set, "figures", {}) or {}
    for figure_id, figure in dict(figures).items():
        label = getattr(figure, "label", None) or getattr(figure, "name", None) or figure_id.replace("_", " ")
        out[figure_id] = FigureInfo(
            id=figure_id,
            label=str(label),
            unit=getattr(figure, "unit", None),
            description=getattr(figure, "description", "") or "",
        )
    return out


def reference_series(rule_set: Any) -> tuple[dict[str, tuple[Claim, ...]], dict[str, Document]]:
    """Every point of ``rule_set``'s reference series as claims, by figure, and the
    series' pseudo-documents by id (the ids are those the engine cites)."""
    from factcheck.check.engine import reference_claims
    from factcheck.rules.schema import RuleSet

    if not isinstance(rule_set, RuleSet):
        return {}, {}
    by_figure: dict[str, list[Claim]] = {}
    documents: dict[str, Document] = {}
    for _series, doc, points in reference_claims(rule_set):
        documents[doc.id] = doc
        for _point, claim in points:
            by_figure.setdefault(claim.figure or "", []).append(claim)
    return {k: tuple(v) for k, v in by_figure.items()}, documents


def make_view(report: Report, command: Command = "run", rule_set: Any = None) -> ReportView:
    """The ``ReportView`` formatters render, with rule and figure metadata and the
    reference series when a rule set is given."""
    if rule_set is None:
        return ReportView(report, command)
    series, documents = reference_series(rule_set) if command == "run" else ({}, {})
    return ReportView(
        report, command, rules=rule_metadata(rule_set), figures=figure_metadata(rule_set),
        series=series, series_documents=documents,
    )
