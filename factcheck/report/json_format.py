"""JSON per CONTRACT.md: one document with version, documents, claims and findings."""

from __future__ import annotations

import json

from factcheck.report.base import ReportView


class JsonFormatter:
    name = "json"
    description = "the JSON document of CONTRACT.md, for tools"

    def render(self, view: ReportView) -> str:
        # `extract` has no findings: the contract lists them "only from run".
        exclude = {"findings"} if view.command == "extract" else None
        data = view.report.model_dump(mode="json", exclude=exclude)
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
