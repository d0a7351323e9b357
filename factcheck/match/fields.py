"""What figure assignment reads of a claim: its fields, sentence and interval, prepared
once per claim for all its candidate figures."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.intervals import Interval
from factcheck.models import Claim


def normal(text: str | None) -> str | None:
    return text.replace("’", "'") if text else text


@dataclass(frozen=True)
class ClaimFields:
    """What ``FigureMatcher.finish`` reads of one claim, prepared once per claim for
    all its candidate figures: the sentence, the interval."""

    sentence: str
    interval: Interval | None

    @classmethod
    def of(cls, claim: Claim) -> ClaimFields:
        return cls(normal(claim.sentence) or "", Interval.from_claim(claim))


def field_values(claim: Claim) -> dict[str, tuple[str, ...]]:
    """The claim's non-empty field values by ``match`` field, as ``fields_score`` reads them."""
    return {
        "entity": _present(claim.entity, claim.entity_type),
        "predicate": _present(claim.predicate),
        "location": _present(claim.location),
        "attribution": _present(claim.attribution),
    }


def _present(*texts: str | None) -> tuple[str, ...]:
    return tuple(t.replace("’", "'") for t in texts if t)
