"""Stable fingerprints for findings.

A finding's fingerprint must survive edits elsewhere in the text, so it never uses
line numbers, offsets or claim ids (which hash offsets). It is the SHA-256 of:

* the rule id;
* the figure (``Finding.figure``, else the claim's figure; for a claim no rule
  assigned to a figure, its entity, predicate and location in lower case);
* the claim's normalised value: qualifier, interval ends, open ends and unit, with
  numbers written canonically, so "over 30,000" and "more than 30,000" agree while
  "over 35,000" does not;
* the document's identity: its path as reported, with ``./`` and backslashes
  normalised (a URL when the document has one and no path);
* an occurrence number, when one document has several findings with all of the
  above in common (the same stale figure repeated): the n-th in text order.

Moving a paragraph, fixing a typo in another sentence or rewording the hedge keeps
the fingerprint; changing the figure's value, the rule or the file name changes it.
"""

from __future__ import annotations

import hashlib
import posixpath

from factcheck.models import Claim, Document, Finding, Report

VERSION = "v1"
LENGTH = 32


def document_identity(doc: Document | None, fallback: str = "") -> str:
    if doc is None:
        return fallback
    path = doc.path.replace("\\", "/")
    if path and path not in ("-", "<stdin>"):
        file_part, hash_sign, record = path.partition("#")
        file_part = posixpath.normpath(file_part) if file_part else file_part
        return f"{file_part}{hash_sign}{record}"
    return doc.url or path or doc.id


def _number(x: float | None) -> str:
    if x is None:
        return "*"
    if x == int(x) and abs(x) < 1e15:
        return str(int(x))
    return repr(float(f"{x:.12g}"))


def normalised_value(claim: Claim | None) -> str:
    if claim is None:
        return ""
    lo = ("(" if claim.lower_open else "[") + _number(claim.lower)
    hi = _number(claim.upper) + (")" if claim.upper_open else "]")
    parts = [claim.qualifier, f"{lo},{hi}", _number(claim.value), claim.unit or ""]
    if claim.parts:
        parts.append("-".join(_number(p) for p in claim.parts))
    return "|".join(parts)


def figure_key(f: Finding, claim: Claim | None) -> str:
    if f.figure:
        return f.figure
    if claim is not None and claim.figure:
        return claim.figure
    if claim is None:
        return ""
    return "~" + "/".join((x or "").lower() for x in (claim.entity, claim.predicate, claim.location))


def base_key(f: Finding, claim: Claim | None, doc: Document | None) -> str:
    return "\0".join(
        (VERSION, f.rule, figure_key(f, claim), normalised_value(claim), document_identity(doc, f.doc or ""))
    )


def compute_fingerprints(report: Report) -> dict[str, str]:
    """Finding id -> fingerprint for every finding of the report (the engine's own
    ``Finding.fingerprint`` is not consulted: this is what it should be)."""
    claims = {c.id: c for c in report.claims}
    docs = {d.id: d for d in report.documents}

    def position(f: Finding) -> tuple[int, int, str]:
        claim = claims.get(f.claim)
        return (claim.start if claim else 0, claim.end if claim else 0, f.id)

    seen: dict[str, int] = {}
    out: dict[str, str] = {}
    for f in sorted(report.findings, key=position):
        claim = claims.get(f.claim)
        doc = docs.get(claim.doc if claim is not None else (f.doc or ""))
        key = base_key(f, claim, doc)
        n = seen.get(key, 0)
        seen[key] = n + 1
        if n:
            key += f"\0#{n}"
        out[f.id] = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:LENGTH]
    return out


def with_fingerprints(report: Report) -> Report:
    """The report with ``Finding.fingerprint`` set where the engine left it empty."""
    computed = compute_fingerprints(report)
    if all(f.fingerprint for f in report.findings):
        return report
    findings = [
        f if f.fingerprint else f.model_copy(update={"fingerprint": computed[f.id]}) for f in report.findings
    ]
    return report.model_copy(update={"findings": findings})
