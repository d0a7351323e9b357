"""``POST /v2/check`` in LanguageTool's shape, so that editor plug-ins written for
LanguageTool (which send ``text`` or annotated ``data`` and underline ``matches[]``)
show factcheck's findings where the figures are.

One match per finding that is not suppressed: ``offset`` and ``length`` are the flagged
claim's, in characters of the submitted text (``submission.OffsetMap``; for annotated
``data``, of the whole annotation, markup included, as LanguageTool counts them);
``rule`` is the factcheck rule (its id, description, and the check kind as the
category); the message carries the evidence in words, and the ``factcheck`` extension
field the finding, the claim and the evidence as data (clients ignore fields they do not
know). ``replacements`` is empty: factcheck says what contradicts a figure, it does not
choose the right one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from factcheck import __version__
from factcheck.models import Finding
from factcheck.report.base import ReportView
from factcheck.serve.models import LTAnswer, LTCategory, LTContext, LTMatch, LTRule

CONTEXT_CHARS = 40

# LanguageTool's issue types (ITS 2.0 localization quality issue types).
_ISSUE_TYPE = {"range": "numbers", "outdated": "inconsistency"}

_CATEGORY_NAMES = {
    "consistency": "Figures that disagree with earlier reporting",
    "outdated": "Figures that have been superseded",
    "monotonic": "Figures that cannot fall",
    "relation": "Figures that break a relation between figures",
    "internal": "One figure given two ways in the draft",
    "range": "Implausible figures",
}


def languagetool_answer(
    view: ReportView,
    original: str,
    to_original: Callable[[int, int], tuple[int, int]],
    language: str,
) -> dict[str, Any]:
    """The LanguageTool answer for a checked draft; ``original`` is the submitted text
    (what ``context`` quotes) and ``to_original`` maps a claim's ``[start, end)`` in the
    text factcheck read to ``(offset, length)`` in it."""
    matches = [
        _match(view, f, original, to_original)
        for f in view.ordered_findings()
        if not f.suppressed and f.claim in view.claims_by_id
    ]
    matches.sort(key=lambda m: (m.offset, m.length, m.rule.id))
    answer = LTAnswer(
        software={"name": "factcheck", "version": __version__, "apiVersion": 1, "premium": False, "status": ""},
        language={"name": language, "code": language, "detectedLanguage": {"name": language, "code": language}},
        matches=matches,
    )
    return answer.model_dump(mode="json")


def _match(view: ReportView, f: Finding, original: str, to_original: Callable[[int, int], tuple[int, int]]) -> LTMatch:
    claim = view.claims_by_id[f.claim]
    offset, length = to_original(claim.start, claim.end)
    lo = max(0, offset - CONTEXT_CHARS)
    hi = min(len(original), offset + length + CONTEXT_CHARS)
    context = original[lo:hi].replace("\n", " ")
    evidence = view.evidence(f)
    said = "; ".join(
        " — ".join(x for x in (ev.value, ev.source, ev.outlet, ev.date, ev.citation or ev.where) if x) for ev in evidence
    )
    message = f.message + (f" Evidence: {said}." if said else "")
    info = view.rule_info(f.rule)
    kind = info.kind or f.kind
    return LTMatch(
        message=message,
        shortMessage=f"{f.severity}: {view.figure_label(f.figure)}" if f.figure else f.severity,
        offset=offset,
        length=length,
        replacements=[],
        context=LTContext(text=context, offset=offset - lo, length=length),
        sentence=claim.sentence,
        rule=LTRule(
            id=f.rule,
            description=info.description or f.rule,
            issueType=_ISSUE_TYPE.get(kind, "inconsistency"),
            category=LTCategory(id=f"FACTCHECK_{kind.upper()}", name=_CATEGORY_NAMES.get(kind, f"factcheck: {kind}")),
        ),
        factcheck={
            "finding": f.id,
            "severity": f.severity,
            "kind": f.kind,
            "figure": f.figure,
            "claim": {"id": claim.id, "surface": claim.surface, "value": claim.value, "unit": claim.unit,
                      "as_of": claim.as_of.isoformat() if claim.as_of else None},
            "evidence": [
                {"claim": ev.claim.id, "value": ev.value, "source": ev.source, "outlet": ev.outlet, "date": ev.date,
                 "reference": ev.is_reference, "citation": ev.citation, "where": ev.where}
                for ev in evidence
            ],
        },
    )
