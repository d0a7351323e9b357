"""Which claims no rule assigns are the same figure: a key from each claim's frame.

A claim that no figure definition claims can still be compared with the same figure in
another story, if the two say the same thing about the same thing. The key
(``FrameKey``) is strict on purpose, because a wrong group makes a false alarm and a
missed group only a silence:

- **what is counted**: the head noun of the figure's noun phrase with the words that
  narrow it ("12,400 city workers": worker + city), or, for a figure that is the value
  of something ("the budget totals $4.5 billion", "enrollment fell to 48,200"), the
  words of that something;
- **what happened to it**: the governing verb's class (a shipped synonym set when the
  verb is in one, so "killed" and "died" are one class, else the verb itself); a figure
  that is the value of something is a *level*;
- the kind of figure and the unit's dimension (a count, a sum of dollars, a length),
  the period counted ("a day", "since May 6").

The place is not part of the key: a story that names no place for a figure may be about
the place another story names. ``places_agree`` is the test the checks apply: the
same place, or one of the two names none.

Claims get no key, and so are never compared, when they are changes ("rose 3%",
"cut 200 jobs"), earlier values the sentence sets aside ("down from 51,000"), parts of
a whole ("40 of whom"), negated, vague, or say too little (no counted thing, no verb):
a unit alone never makes two claims one figure.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from factcheck import units as unit_tools
from factcheck.extract.context.lemma import noun_lemma, verb_lemma
from factcheck.extract.quantities.changes import CHANGE_LEMMAS
from factcheck.models import Claim

# Verbs of a change: a figure they govern directly is an amount of change, not a level
# ("prices rose 3%", "the firm cut 200 jobs"). "Rose to 48,200" makes the figure the
# value of the thing that rose (a "measure" frame), which is a level again.
# One vocabulary of change for extraction and matching (``factcheck.extract.quantities.changes``).
CHANGE_VERBS = CHANGE_LEMMAS | {"edge"}

# Verbs that say only that the thing is there: the class comes from what they say of it
# ("are dead"), or the claim's predicate.
_EMPTY_VERBS = frozenset({"be", "have", "remain", "stand", "total", "number", "reach", "hit", "top"})

# Counted "things" that are measures of time or amount rather than what is counted: two
# stories' "20 years" are rarely one figure.
_NOT_THINGS = frozenset({
    "year", "month", "week", "day", "hour", "minute", "second", "time", "percent", "point", "cent", "per",
    "decade", "century", "more", "other", "others", "additional", "further", "times", "%",
})

_STOP = frozenset({"the", "a", "an", "of", "in", "on", "for", "to", "its", "their", "his", "her", "this", "that", "other", "another", "more", "additional", "further", "some"})


class FrameKey(NamedTuple):
    """What a claim no rule assigns counts, as far as grouping claims goes."""

    kind: str
    thing: tuple[str, ...]
    action: str
    dimension: str
    period: str
    # "past" for a past event's count ("they killed some 1,200"), "future", else "now"
    # (a running total or a state: "have died", "are held", "is $4.2 billion").
    tense: str

    def describe(self) -> str:
        """The frame in words, for a finding's message and the catalogue."""
        thing = " ".join(self.thing)
        words = [thing, self.action if self.action != "level" else ""]
        if self.period:
            words.append(f"({self.period})")
        return " ".join(w for w in words if w)


def verb_classes(synonyms: Mapping[str, list[str]]) -> dict[str, str]:
    """Verb lemma -> the name of the first synonym set (by name) that lists it as one
    word, so that every verb of one set falls in one class."""
    out: dict[str, str] = {}
    for name in sorted(synonyms):
        for entry in synonyms[name]:
            if " " in entry or entry.endswith("*"):
                continue
            for lemma in {entry.lower(), verb_lemma(entry.lower()), noun_lemma(entry.lower())}:
                out.setdefault(lemma, name)
    return out


def frame_key(claim: Claim, classes: Mapping[str, str]) -> FrameKey | None:
    """The claim's key, or None when it should not be grouped (see the module docstring)."""
    frame = claim.frame
    if frame is None or frame.role != "current" or frame.negated or claim.qualifier == "vague":
        return None
    if claim.role in ("change", "before", "conversion"):
        return None  # an amount of change, an old value, a second statement of one figure
    if frame.part_of is not None or frame.whole_noun or frame.part_relation or frame.how == "whole":
        return None
    if frame.how == "measure":
        thing = tuple(w for w in frame.measured if w not in _STOP)
        action = "level"
    else:
        if not frame.noun or frame.noun in _NOT_THINGS:
            return None
        thing = (*sorted(m for m in frame.modifiers if m not in _STOP), frame.noun)
        action = _action(claim, classes)
    if not thing or not action:
        return None
    period = frame.period or ""
    if frame.rate:
        period = f"a {frame.rate}" if not period else f"{period}, a {frame.rate}"
    if claim.period_start is not None:
        period = f"{period} since {claim.period_start.isoformat()}".strip()
    tense = "past" if frame.tense == "past" else "future" if frame.tense == "future" else "now"
    return FrameKey(claim.kind, thing, action, dimension(claim.unit), period, tense)


def places_agree(a: Claim, b: Claim) -> bool:
    """Whether two claims of one key can be about one place: the same, or one names none."""
    pa, pb = (a.location or "").lower(), (b.location or "").lower()
    return not pa or not pb or pa == pb


def _action(claim: Claim, classes: Mapping[str, str]) -> str | None:
    frame = claim.frame
    assert frame is not None
    verb = frame.verb
    if verb in CHANGE_VERBS:
        return None
    if verb and verb not in _EMPTY_VERBS:
        return classes.get(verb, verb)
    if frame.complement:
        return classes.get(frame.complement[0], frame.complement[0])
    if frame.described_by:
        first = frame.described_by[0]
        return classes.get(first, first)
    if claim.predicate:
        lemma = verb_lemma(claim.predicate.split()[-1].lower())
        if lemma in CHANGE_VERBS:
            return None
        if lemma not in _EMPTY_VERBS:
            return classes.get(lemma, lemma)
    return "be" if verb in ("be", "remain") else None


def dimension(unit: str | None) -> str:
    """What kind of quantity a unit measures ("count", "[length]", "USD"): units of one
    dimension convert into each other; currencies only into themselves."""
    unit = unit_tools.normalise(unit)
    if unit is None:
        return "count"
    try:
        dim = str(unit_tools.registry().Unit(unit).dimensionality)
    except Exception:  # pint raises many types for units it does not know
        return unit
    return dim or unit
