"""SARIF 2.1.0 for code-scanning tools (GitHub code scanning, IDE viewers).

One run whose ``tool.driver.rules`` describe every rule with a finding; one result
per finding with the claim's line and column as its region (columns count Unicode
code points: ``columnKind``), the finding's stable fingerprint in
``partialFingerprints``, the evidence as ``relatedLocations``, and suppressed findings
kept with ``suppressions`` (``inSource`` for an inline marker, ``external`` for a
baseline). The run's notes are tool execution notifications. Valid against the
official schema (tests/report/sarif-schema-2.1.0.json); deterministic bytes.
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath
from urllib.parse import quote

from factcheck import __version__
from factcheck.models import Claim, Document, Finding
from factcheck.report.base import ReportView
from factcheck.report.escape import one_line
from factcheck.suppress.baseline import suppression_details

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "factcheck/v1"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str) -> str:
    """A document path as a URI reference: relative paths stay relative."""
    file_part, hash_sign, record = path.replace("\\", "/").partition("#")
    if file_part.startswith("/"):
        uri = "file://" + quote(file_part, safe="/")
    else:
        uri = quote(str(PurePosixPath(file_part)) if file_part else file_part, safe="/")
    return uri + (hash_sign + quote(record, safe="") if hash_sign else "")


def _region(claim: Claim) -> dict[str, object] | None:
    if claim.line is None or claim.column is None:
        return None
    surface = claim.surface
    lines = surface.split("\n")
    end_line = claim.line + len(lines) - 1
    end_column = (claim.column if len(lines) == 1 else 1) + len(lines[-1])
    return {
        "startLine": claim.line,
        "startColumn": claim.column,
        "endLine": end_line,
        "endColumn": max(end_column, 1),
        "snippet": {"text": surface},
    }


class SarifFormatter:
    name = "sarif"
    description = "SARIF 2.1.0 for code-scanning tools"

    def render(self, view: ReportView) -> str:
        rule_ids = view.rule_ids()
        rule_index = {r: i for i, r in enumerate(rule_ids)}
        artifacts: list[Document] = [d for d in view.shown_documents()]
        # Documents that findings or evidence point into, beyond the shown ones.
        for f in view.ordered_findings():
            for claim_id in [f.claim, *f.evidence]:
                doc = view.document_of(view.claims_by_id.get(claim_id))
                if doc is not None and doc not in artifacts:
                    artifacts.append(doc)
        artifact_index = {d.id: i for i, d in enumerate(artifacts)}

        rules = []
        for rule_id in rule_ids:
            info = view.rule_info(rule_id)
            descriptor: dict[str, object] = {
                "id": rule_id,
                "name": rule_id,
                "shortDescription": {"text": one_line(info.description) or rule_id},
                "defaultConfiguration": {"level": LEVELS.get(info.severity, "warning")},
                "properties": {"kind": info.kind, "tags": sorted({"factcheck", info.kind} - {""})},
            }
            if info.help:
                descriptor["fullDescription"] = {"text": one_line(info.help)}
                descriptor["help"] = {"text": info.help}
            rules.append(descriptor)

        results = [self._result(view, f, rule_index, artifact_index) for f in view.ordered_findings()]
        notifications = [
            {
                "level": "warning" if note.startswith("warning:") else "note",
                "message": {"text": note.removeprefix("warning: ")},
            }
            for note in view.report.notes
        ]
        run: dict[str, object] = {
            "tool": {
                "driver": {
                    "name": "factcheck",
                    "version": __version__,
                    "semanticVersion": __version__,
                    "rules": rules,
                }
            },
            "invocations": [
                {
                    "executionSuccessful": True,
                    "toolExecutionNotifications": notifications,
                    "properties": {"command": view.command},
                }
            ],
            "artifacts": [
                {
                    "location": {"uri": artifact_uri(d.path)},
                    "roles": ["analysisTarget"] if d.role == "checked" else ["referencedOnCommandLine"],
                    **({"description": {"text": one_line(d.title)}} if d.title else {}),
                }
                for d in artifacts
            ],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }
        log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
        return json.dumps(log, ensure_ascii=False, indent=2) + "\n"

    def _location(self, view: ReportView, claim: Claim, artifact_index: dict[str, int]) -> dict[str, object] | None:
        doc = view.document_of(claim)
        if doc is None:
            return None
        physical: dict[str, object] = {
            "artifactLocation": {"uri": artifact_uri(doc.path), "index": artifact_index[doc.id]}
        }
        region = _region(claim) if not view.is_reference(doc) else None
        if region is not None:
            physical["region"] = region
        return {"physicalLocation": physical}

    def _result(self, view: ReportView, f: Finding, rule_index: dict[str, int], artifact_index: dict[str, int]) -> dict[str, object]:
        claim = view.claims_by_id.get(f.claim)
        result: dict[str, object] = {
            "ruleId": f.rule,
            "ruleIndex": rule_index[f.rule],
            "level": LEVELS[f.severity],
            "kind": "fail",
            "message": {"text": " ".join([one_line(f.message)] + [f"Also: {one_line(r.message)} ({r.rule})" for r in f.also()])},
        }
        location = self._location(view, claim, artifact_index) if claim is not None else None
        if location is not None:
            result["locations"] = [location]
        related = []
        for i, ev in enumerate(view.evidence(f)):
            loc = self._location(view, ev.claim, artifact_index) or {}
            related.append({"id": i, **loc, "message": {"text": one_line(" — ".join(ev.parts()))}})
        if related:
            result["relatedLocations"] = related
        result["partialFingerprints"] = {FINGERPRINT_KEY: view.fingerprint(f)}
        if f.suppressed:
            details = suppression_details(f)
            kind = "inSource" if details.get("kind") == "inline" else "external"
            justification = str(details.get("reason") or f.suppression or "suppressed")
            result["suppressions"] = [{"kind": kind, "status": "accepted", "justification": justification}]
        props: dict[str, object] = {"findingId": f.id, "checkKind": f.kind, "claim": f.claim, "evidence": list(f.evidence)}
        if len(f.reasons) > 1:
            props["rules"] = [r.rule for r in f.reasons]
        if f.figure:
            props["figure"] = f.figure
        result["properties"] = props
        return result
