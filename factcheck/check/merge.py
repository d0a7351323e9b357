"""One finding per claim and problem.

A stale "some 600,000 fled" is out of date (``outdated``), disagrees with the figure of
its day (``consistency``) and looks like a fall (``monotonic``): three checks, one
problem. ``merge_findings`` makes them one finding that carries every check as a
``Reason`` and the evidence of all of them. Which check speaks for the finding (its
``rule``, ``kind``, ``message``, ``id`` and ``fingerprint``) is decided by the checks'
``RANK`` (lowest first: "out of date" explains the other two), then by the rule file's
order; its severity is the highest of its reasons.

Suppression works per reason, before merging: an inline marker or baseline entry that
names one check silences that reason only. A finding is suppressed when all its reasons
are, and then speaks with the reason that ranks first among them; otherwise only the
reasons still standing give it its rule, severity and evidence.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from factcheck.check import REGISTRY
from factcheck.models import Finding, Reason

_SEVERITY = {"error": 0, "warning": 1, "info": 2}


def _problem(f: Finding) -> str:
    module = REGISTRY.get(f.kind)
    return module.PROBLEM if module is not None else f.kind


def _rank(f: Finding, rule_order: Mapping[str, int]) -> tuple[int, int, str]:
    module = REGISTRY.get(f.kind)
    return (module.RANK if module is not None else 99, rule_order.get(f.rule, len(rule_order)), f.id)


def reason_of(f: Finding) -> Reason:
    """The reason a single-check finding gives."""
    how = f.details.get("suppression")
    return Reason(
        id=f.id,
        rule=f.rule,
        kind=f.kind,
        severity=f.severity,
        message=f.message,
        evidence=list(f.evidence),
        fingerprint=f.fingerprint,
        suppressed=f.suppressed,
        suppression=f.suppression,
        suppressed_by=dict(how) if isinstance(how, dict) else None,
    )


def merge_findings(findings: Sequence[Finding], rule_order: Mapping[str, int] | None = None) -> list[Finding]:
    """The findings with those of one claim and problem made one (see the module doc),
    each where the first of its group stood. ``rule_order``: rule id -> its position in
    the rule set (ties between checks of one rank)."""
    order = rule_order or {}
    groups: dict[tuple[str, str], list[Finding]] = {}
    for f in findings:
        # Findings already merged are taken apart again: merging is idempotent.
        for part in _parts(f):
            groups.setdefault((part.claim, _problem(part)), []).append(part)
    return [_merged(group, order) for group in groups.values()]


def _parts(f: Finding) -> list[Finding]:
    if not f.reasons:
        return [f]
    return [
        f.model_copy(update={
            "rule": r.rule, "kind": r.kind, "severity": r.severity, "message": r.message,
            "evidence": list(r.evidence), "fingerprint": r.fingerprint, "suppressed": r.suppressed,
            "suppression": r.suppression, "reasons": [], "id": r.id,
            "details": _details(f.details, r),
        })
        for r in f.reasons
    ]


def _details(details: dict[str, object], reason: Reason) -> dict[str, object]:
    out = {k: v for k, v in details.items() if k not in ("suppression", "rules")}
    if reason.suppressed_by:
        out["suppression"] = reason.suppressed_by
    return out


def _merged(group: list[Finding], order: Mapping[str, int]) -> Finding:
    ranked = sorted(group, key=lambda f: _rank(f, order))
    standing = [f for f in ranked if not f.suppressed]
    speaking = standing or ranked
    head = speaking[0]
    reasons = [reason_of(f) for f in [head] + [f for f in ranked if f is not head]]
    if len(group) == 1:
        return head.model_copy(update={"reasons": reasons})
    evidence: list[str] = []
    seen: set[str] = set()
    for f in speaking:
        for e in f.evidence:
            if e not in seen:
                seen.add(e)
                evidence.append(e)
    severity = min((f.severity for f in speaking), key=_SEVERITY.__getitem__)
    details = dict(head.details)
    details["rules"] = [r.rule for r in reasons]
    return head.model_copy(update={
        "severity": severity,
        "evidence": evidence,
        "suppressed": not standing,
        "reasons": reasons,
        "details": details,
    })


__all__ = ["merge_findings", "reason_of"]
