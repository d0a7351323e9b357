"""What reports can say about rules and figures beyond their ids, from a loaded rule set.

``make_view(report, command, rule_set)`` is what the CLI calls: a ``ReportView`` whose
SARIF rules carry descriptions and help, whose charts and headings use figure labels
("Gaza death toll") instead of ids, and whose timelines draw each figure's whole
reference series (the report itself keeps only the points cited as evidence). Without
a rule set the view falls back to what the findings say.
"""

from __future__ import annotations

from factcheck.check import REGISTRY
from factcheck.check.reference import reference_claims
from factcheck.models import Claim, Document, Report
from factcheck.report.base import Command, FigureInfo, ReportView, RuleInfo
from factcheck.report.catalogue import build_catalogue, catalogue_size
from factcheck.rules.schema import RuleSet


def _first_paragraph(doc: str | None) -> str:
    if not doc:
        return ""
    return " ".join(doc.strip().split("\n\n", 1)[0].split())


def rule_metadata(rule_set: RuleSet) -> dict[str, RuleInfo]:
    """Rule id -> RuleInfo for every check of ``rule_set``."""
    out: dict[str, RuleInfo] = {}
    for rule in rule_set.checks:
        module = REGISTRY[rule.kind]
        severity = rule.severity or module.DEFAULT_SEVERITY
        help_text = _first_paragraph(module.__doc__)
        description = rule.description or help_text or f"factcheck '{rule.kind}' check"
        out[rule.id] = RuleInfo(id=rule.id, kind=rule.kind, severity=str(severity), description=description, help=help_text)
    return out


def figure_metadata(rule_set: RuleSet) -> dict[str, FigureInfo]:
    """Figure id -> FigureInfo (label, unit, description) for ``rule_set``'s figures."""
    return {
        figure_id: FigureInfo(id=figure_id, label=figure.label, unit=figure.unit, description=figure.description or "")
        for figure_id, figure in rule_set.figures.items()
    }


def reference_series(rule_set: RuleSet) -> tuple[dict[str, tuple[Claim, ...]], dict[str, Document]]:
    """Every point of ``rule_set``'s reference series as claims, by figure, and the
    series' pseudo-documents by id (the ids are those the engine cites)."""
    by_figure: dict[str, list[Claim]] = {}
    documents: dict[str, Document] = {}
    for _series, doc, points in reference_claims(rule_set):
        documents[doc.id] = doc
        for _point, claim in points:
            by_figure.setdefault(claim.figure or "", []).append(claim)
    return {k: tuple(v) for k, v in by_figure.items()}, documents


def make_view(report: Report, command: Command = "run", rule_set: RuleSet | None = None) -> ReportView:
    """The ``ReportView`` formatters render, with rule and figure metadata and the
    reference series when a rule set is given."""
    if rule_set is None:
        return ReportView(report, command)
    series, documents = reference_series(rule_set) if command == "run" else ({}, {})
    return ReportView(
        report, command, rules=rule_metadata(rule_set), figures=figure_metadata(rule_set),
        series=series, series_documents=documents,
        count_catalogue=(lambda: catalogue_size(report, rule_set)) if command == "run" else None,
        make_catalogue=(lambda: build_catalogue(report, rule_set)) if command == "run" else None,
    )
