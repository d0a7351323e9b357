"""From what a check found to what a report says: each ``Problem`` becomes a ``Finding``
with a stable id (rule, claim, evidence) and a fingerprint that survives edits elsewhere
in the text (rule, figure, normalised value, document identity: never a line number)."""

from __future__ import annotations

import hashlib
from typing import Any

from factcheck.check.base import Item, Problem
from factcheck.models import Finding, Severity
from factcheck.rules.messages import render
from factcheck.rules.schema import CheckRule


def _digest(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def normalised_value(item: Item) -> str:
    """The claim's value as the fingerprint sees it: its interval, else its words."""
    if item.interval is not None:
        lo, hi = item.interval.as_list()
        return f"{lo!r}:{hi!r}:{item.claim.qualifier}"
    return " ".join(item.claim.surface.lower().split())


def finding(rule: CheckRule[Any], problem: Problem, template: str, severity: Severity) -> Finding:
    item = problem.item
    evidence_ids = [e.id for e in problem.evidence]
    finding_id = f"{rule.id}-{_digest(rule.id, item.id, *sorted(evidence_ids))[:12]}"
    doc_identity = (item.doc.url or item.doc.id) if item.doc is not None else item.doc_id
    figure_id = item.figure.id if item.figure is not None else ""
    fingerprint = _digest(rule.id, figure_id, normalised_value(item), doc_identity)[:32]
    details: dict[str, Any] = {k: v for k, v in problem.params.items() if k not in ("sentence",)}
    details["interval"] = item.interval.as_list() if item.interval is not None else None
    details["evidence_intervals"] = [e.interval.as_list() if e.interval is not None else None for e in problem.evidence]
    return Finding(
        id=finding_id,
        rule=rule.id,
        kind=rule.kind,
        severity=severity,
        message=render(template, problem.params),
        claim=item.id,
        evidence=evidence_ids,
        figure=item.figure.id if item.figure is not None else None,
        doc=item.doc_id,
        fingerprint=fingerprint,
        details=details,
    )
