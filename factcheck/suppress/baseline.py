"""Baseline files: the findings a newsroom has accepted, keyed on fingerprints.

``factcheck baseline create`` writes the findings of a run; ``--baseline FILE`` then
suppresses those findings (they stay in JSON and SARIF, marked suppressed) so that only
new ones fail a check. Fingerprints (``factcheck.suppress.fingerprint``) ignore line
numbers, so edits elsewhere in a draft keep the baseline matching.

The file is JSON, sorted and indented so that it diffs well in review::

    {
      "factcheck_baseline": 1,
      "findings": [
        {"fingerprint": "…", "rule": "gaza-toll-outdated", "figure": "gaza_death_toll",
         "document": "drafts/rafah.md", "value": "over 30,000", "message": "…",
         "reason": "accepted in review"}
      ]
    }

Only ``fingerprint`` is required in an entry; the rest says what it was, for people.
``reason`` may be edited by hand and is shown where the finding is reported.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.errors import SourceLocation
from factcheck.load.files import read_text_file
from factcheck.models import Finding, Report
from factcheck.suppress.fingerprint import compute_fingerprints, document_identity
from factcheck.suppress.markers import SuppressionError

FORMAT_KEY = "factcheck_baseline"
FORMAT_VERSION = 1
MAX_BASELINE_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class BaselineEntry:
    fingerprint: str
    rule: str = ""
    figure: str | None = None
    document: str = ""
    value: str = ""
    message: str = ""
    reason: str = ""


@dataclass
class Baseline:
    path: str
    entries: list[BaselineEntry] = field(default_factory=list)

    def by_fingerprint(self) -> dict[str, BaselineEntry]:
        return {e.fingerprint: e for e in self.entries}


def suppression_details(f: Finding) -> dict[str, object]:
    """What ``apply_suppressions`` recorded about how a finding was suppressed."""
    value = f.details.get("suppression")
    return value if isinstance(value, dict) else {}


def create_baseline(report: Report) -> str:
    """The baseline file's text for every finding of ``report`` that an inline marker
    does not already suppress. Deterministic: sorted by document, rule, fingerprint."""
    fingerprints = compute_fingerprints(report)
    claims = {c.id: c for c in report.claims}
    docs = {d.id: d for d in report.documents}
    entries = []
    for f in report.findings:
        claim = claims.get(f.claim)
        doc = docs.get(claim.doc if claim is not None else (f.doc or ""))
        # A finding several checks agree on is accepted check by check: each reason has
        # its own fingerprint, as the run before merging saw it.
        verdicts = [(r.rule, r.message, r.fingerprint, r.suppressed, r.suppressed_by or {}) for r in f.reasons] or [
            (f.rule, f.message, f.fingerprint or fingerprints[f.id], f.suppressed, suppression_details(f))
        ]
        for rule, message, fingerprint, suppressed, previous in verdicts:
            if (suppressed and previous.get("kind") == "inline") or not fingerprint:
                continue
            entry: dict[str, object] = {
                "fingerprint": fingerprint,
                "rule": rule,
                "figure": f.figure if f.figure is not None else (claim.figure if claim else None),
                "document": document_identity(doc, f.doc or ""),
                "value": claim.surface if claim is not None else "",
                "message": message,
            }
            if previous.get("kind") == "baseline" and previous.get("reason"):
                entry["reason"] = previous["reason"]
            entries.append(entry)
    entries.sort(key=lambda e: (str(e["document"]), str(e["rule"]), str(e["fingerprint"])))
    unique: list[dict[str, object]] = []
    seen: set[object] = set()
    for e in entries:
        if e["fingerprint"] not in seen:
            seen.add(e["fingerprint"])
            unique.append(e)
    data = {FORMAT_KEY: FORMAT_VERSION, "findings": unique}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _fail(path: str, message: str, line: int | None = None, column: int | None = None) -> SuppressionError:
    return SuppressionError(message, SourceLocation(path, line, column))


def parse_baseline(text: str, path: str) -> Baseline:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _fail(path, f"not a baseline file: invalid JSON ({exc.msg})", exc.lineno, exc.colno) from None
    if not isinstance(data, dict) or data.get(FORMAT_KEY) is None:
        raise _fail(path, f"not a baseline file: expected a JSON object with \"{FORMAT_KEY}\": {FORMAT_VERSION} (make one with 'factcheck baseline create')")
    if data.get(FORMAT_KEY) != FORMAT_VERSION:
        raise _fail(path, f"baseline format {data.get(FORMAT_KEY)!r} is not supported; this factcheck reads version {FORMAT_VERSION}")
    unknown = sorted(set(data) - {FORMAT_KEY, "findings"})
    if unknown:
        raise _fail(path, f"unknown key {unknown[0]!r} in the baseline; expected \"{FORMAT_KEY}\" and \"findings\"")
    findings = data.get("findings", [])
    if not isinstance(findings, list):
        raise _fail(path, "\"findings\" must be a list")
    entries = []
    known = set(BaselineEntry.__dataclass_fields__)
    for i, item in enumerate(findings):
        if not isinstance(item, dict) or not isinstance(item.get("fingerprint"), str) or not item["fingerprint"]:
            raise _fail(path, f"findings[{i}] needs a \"fingerprint\" string")
        extra = sorted(set(item) - known)
        if extra:
            raise _fail(path, f"findings[{i}]: unknown key {extra[0]!r}; known keys are {', '.join(sorted(known))}")
        values = {k: ("" if v is None and k != "figure" else v) for k, v in item.items()}
        for k, v in values.items():
            if not isinstance(v, str) and not (k == "figure" and v is None):
                raise _fail(path, f"findings[{i}].{k} must be a string" + (" or null" if k == "figure" else ""))
        entries.append(BaselineEntry(**values))  # type: ignore[arg-type]
    return Baseline(path=path, entries=entries)


def load_baseline(path: str | Path) -> Baseline:
    """Read a baseline file; any problem is a ``SuppressionError`` naming the file."""
    shown = str(path)
    given = Path(path)
    if not given.exists() and not given.is_symlink():
        raise _fail(shown, "baseline file not found (create one with 'factcheck baseline create --output FILE')")
    if given.is_dir():
        raise _fail(shown, "is a directory; --baseline needs a file")
    # Read like every other input (regular files only, size-capped, never blocking on a
    # pipe), but not recorded as one: 'baseline create' refreshes the baseline in place.
    text = read_text_file(given, shown, SuppressionError, MAX_BASELINE_BYTES, "baseline file", record=False)
    return parse_baseline(text, shown)
