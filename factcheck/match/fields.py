"""What figure assignment reads of a claim: the evidence for each ``match`` list, from
its fields and its clause (``ClaimFrame``), prepared once per claim for all its
candidate figures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from factcheck.intervals import Interval
from factcheck.models import Claim, ClaimFrame

_EMPTY = ClaimFrame()


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


@dataclass(frozen=True)
class Evidence:
    """The texts each ``match`` list is tried on.

    ``entity``: the counted noun, the entity as written, its type, what a "measure"
    figure measures; ``strong``: the clause's verb (or "not <verb>"), its state, the
    figure's narrowing words, the nominal predicates ("death toll"); ``weak``: verbs that
    only describe the noun, the predicate field; ``agent``, ``location``,
    ``attribution`` as found."""

    entity: tuple[str, ...]
    strong: tuple[str, ...]
    weak: tuple[str, ...]
    agent: tuple[str, ...]
    location: tuple[str, ...]
    attribution: tuple[str, ...]
    mentions: tuple[date, ...]
    measured: tuple[str, ...] = ()
    generic: bool = True  # the counted noun says little ("people", none): context may come from the sentence
    location_stated: bool = True  # the place is in the claim's own phrase

    @property
    def predicate(self) -> tuple[str, ...]:
        return self.strong + self.weak

    def own(self) -> tuple[str, ...]:
        """What the claim says of the counted thing itself (``exclude`` reads these)."""
        return self.entity + self.strong + self.weak

    @classmethod
    def of(cls, claim: Claim) -> Evidence:
        f = claim.frame or _EMPTY
        verb = f"not {f.verb}" if f.verb and f.negated else f.verb
        complement = f.complement
        if verb and f.acted_on:
            # "The two held a meeting": the verb is their act, not what happened to them.
            verb = None
            complement = [c for c in complement if not c.startswith(f"{f.verb} ")]
        strong = [verb] if verb and verb not in ("be",) else []
        strong += complement + f.modifiers + ([f.whole_noun] if f.whole_noun else [])
        if verb and verb not in ("be",):
            strong += [f"{f.verb} {c}" for c in complement if " " not in c]  # "confirm kill", "declare dead"
        if f.stance and verb:
            strong.append(f"{f.stance} {f.verb}")  # "confirmed killed", "believed dead"
            strong += [f"{f.stance} {c}" for c in complement]
        if f.how == "measure" and f.measured:
            strong.append(" ".join(f.measured))
        entity = [f.noun, claim.entity, claim.entity_type, *f.modifiers]
        # The predicate field stands in for the clause only where no analysis was made
        # (claims written out by hand).
        weak = list(f.described_by) + ([claim.predicate] if claim.predicate and claim.frame is None else [])
        if f.noun:
            weak.append(f.noun)  # the noun may say what happened: "fatalities", "evacuees"
        return cls(
            entity=_present(*entity),
            strong=_present(*strong),
            weak=_present(*weak),
            agent=_present(" ".join(f.agent) if f.agent else None),
            # Where it happened may be the one that did it: "Rafah was hosting 1.4 million".
            location=_present(claim.location, f.place, " ".join(f.agent) if f.how == "object" and f.agent else None),
            attribution=_present(claim.attribution),
            mentions=tuple(f.mentions),
            measured=_present(" ".join(f.measured) if f.how == "measure" and f.measured else None),
            generic=f.noun in (None, "people", "person", "other", "individual", "one"),
            location_stated=claim.location_source in (None, "phrase", "demonym"),
        )


def _present(*texts: str | None) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t.replace("’", "'") for t in texts if t))
