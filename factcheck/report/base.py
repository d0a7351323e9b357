"""What every formatter receives and provides."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Literal, Protocol

from factcheck.models import SEVERITY_RANK, Claim, Document, Finding, Report

Command = Literal["run", "extract"]


@dataclass
class ReportView:
    """A report with the look-ups formatters share (claims by id, findings ordered)."""

    report: Report
    command: Command = "run"

    @cached_property
    def documents_by_id(self) -> dict[str, Document]:
        return {d.id: d for d in self.report.documents}

    @cached_property
    def claims_by_id(self) -> dict[str, Claim]:
        return {c.id: c for c in self.report.claims}

    def ordered_findings(self) -> list[Finding]:
        """Most severe first, then in document order, then by position."""
        order = {d.id: i for i, d in enumerate(self.report.documents)}

        def key(f: Finding) -> tuple[int, int, int, str]:
            claim = self.claims_by_id.get(f.claim)
            return (
                -SEVERITY_RANK[f.severity],
                order.get(claim.doc if claim else "", len(order)),
                claim.start if claim else 0,
                f.id,
            )

        return sorted(self.report.findings, key=key)

    def severity_counts(self) -> dict[str, int]:
        counts = {"error": 0, "warning": 0, "info": 0}
        for f in self.report.findings:
            if not f.suppressed:
                counts[f.severity] += 1
        return counts


class Formatter(Protocol):
    name: str
    description: str

    def render(self, view: ReportView) -> str:
        """The whole output as text (formatters never write files themselves)."""
        ...
