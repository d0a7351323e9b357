"""Suppressions: inline markers in drafts and baseline files.

``apply_suppressions(report, documents, baseline)`` is the one entry point the CLI
calls after a run (always, with or without a baseline: it also gives every finding
its stable fingerprint). Suppressed findings are kept, with ``suppressed`` set and
``suppression`` saying why, so JSON and SARIF still show them; the text, Markdown and
annotation reports count them without listing them as problems. Markers and baseline
entries that suppress nothing produce a warning in the report's notes.
"""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.models import Document, Finding, Report
from factcheck.suppress.baseline import (
    Baseline,
    BaselineEntry,
    create_baseline,
    load_baseline,
    parse_baseline,
    suppression_details,
)
from factcheck.suppress.fingerprint import (
    compute_fingerprints,
    document_identity,
    with_fingerprints,
)
from factcheck.suppress.markers import (
    Marker,
    SuppressionError,
    SuppressionErrors,
    parse_markers,
)

__all__ = [
    "Baseline",
    "BaselineEntry",
    "Marker",
    "SuppressionError",
    "SuppressionErrors",
    "apply_suppressions",
    "compute_fingerprints",
    "create_baseline",
    "find_markers",
    "load_baseline",
    "parse_baseline",
    "suppression_details",
    "with_fingerprints",
]

WARNING = "warning: "


def find_markers(documents: Sequence[Document]) -> list[Marker]:
    """Every marker in the checked documents; malformed ones raise ``SuppressionErrors``."""
    markers: list[Marker] = []
    errors: list[SuppressionError] = []
    for doc in documents:
        if doc.role != "checked" or doc.format == "reference":
            continue
        found, problems = parse_markers(doc)
        markers.extend(found)
        errors.extend(problems)
    if errors:
        raise SuppressionErrors(errors)
    return markers


def _lines(covers: tuple[int, ...]) -> str:
    if len(covers) == 1:
        return f"line {covers[0]}"
    return f"lines {covers[0]}-{covers[-1]}" if covers == tuple(range(covers[0], covers[-1] + 1)) else "lines " + ", ".join(map(str, covers))


def apply_suppressions(
    report: Report,
    documents: Sequence[Document] | None = None,
    baseline: Baseline | None = None,
) -> Report:
    """The report with fingerprints set, findings under an inline marker or in the
    baseline marked suppressed, and a warning note for each unused suppression.

    ``documents`` are the documents with their text (default: the report's own).
    Raises ``SuppressionErrors`` (exit code 2) for malformed markers.
    """
    report = with_fingerprints(report)
    docs = list(documents) if documents is not None else list(report.documents)
    markers = find_markers(docs)
    claims = {c.id: c for c in report.claims}
    by_doc: dict[str, list[Marker]] = {}
    for marker in markers:
        by_doc.setdefault(marker.doc_id, []).append(marker)

    used: set[tuple[Marker, str]] = set()
    accepted = baseline.by_fingerprint() if baseline is not None else {}
    baseline_used: set[str] = set()
    findings: list[Finding] = []
    for f in report.findings:
        claim = claims.get(f.claim)
        update: dict[str, object] | None = None
        if claim is not None and claim.line is not None:
            for marker in by_doc.get(claim.doc, []):
                token = marker.matches(f.rule, f.kind) if claim.line in marker.covers else None
                if token is None:
                    continue
                used.add((marker, token))
                if update is None:
                    update = {
                        "suppressed": True,
                        "suppression": f'inline marker at {marker.where}: "{marker.reason}"',
                        "details": {
                            **f.details,
                            "suppression": {
                                "kind": "inline",
                                "reason": marker.reason,
                                "path": marker.path,
                                "line": marker.line,
                            },
                        },
                    }
        entry = accepted.get(f.fingerprint or "")
        if entry is not None:
            baseline_used.add(entry.fingerprint)
            if update is None:
                assert baseline is not None
                reason = entry.reason or "accepted in the baseline"
                update = {
                    "suppressed": True,
                    "suppression": f"baseline {baseline.path}: {reason}",
                    "details": {
                        **f.details,
                        "suppression": {"kind": "baseline", "reason": reason, "path": baseline.path},
                    },
                }
        findings.append(f.model_copy(update=update) if update else f)

    notes = list(report.notes)
    for marker in sorted(markers, key=lambda m: (m.path, m.line, m.column)):
        for token in marker.rules:
            if (marker, token) not in used:
                notes.append(
                    f"{WARNING}{marker.path}:{marker.line}: unused suppression of '{token}': no such "
                    f"finding on {_lines(marker.covers)} (reason given: \"{marker.reason}\")"
                )
    if baseline is not None:
        checked = {document_identity(d) for d in report.documents if d.role == "checked"}
        stale = [e for e in baseline.entries if e.fingerprint not in baseline_used and (not e.document or e.document in checked)]
        if stale:
            n = len(stale)
            notes.append(
                f"{WARNING}baseline {baseline.path}: {n} entr{'y' if n == 1 else 'ies'} no longer match "
                f"a finding (fixed or changed); refresh it with 'factcheck baseline create'"
            )
    return report.model_copy(update={"findings": findings, "notes": notes})
