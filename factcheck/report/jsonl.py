"""JSON Lines of claims: one JSON object per line, per claim.

The same records as the CSV (every contract field, document metadata, findings on the
claim) with JSON types kept: numbers, booleans, nulls and lists. Loads with
``pandas.read_json(path, lines=True)`` or ``jq -c``.
"""

from __future__ import annotations

import json

from factcheck.report.base import ReportView
from factcheck.report.claims_table import claim_records


class JsonlFormatter:
    name = "jsonl"
    description = "claims as JSON Lines, one object per claim"

    def render(self, view: ReportView) -> str:
        return "".join(
            json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n" for record in claim_records(view)
        )
