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
  that is the value of something is a *level*, and so is a rate of a period, with a
  verb or none ("some 600 trucks daily before the conflict", "500 trucks a day entered
  before the war"): the period and the rate say what it is;
- **what it is a part of**, for a part of a whole: what the whole counts (``whole``),
  so that a part is compared only with the same part of the same whole. A part is a
  partitive ("43 of whom have died", "Of the 530 injured, 122 were children",
  "including 6 children", "16,000 children are among the dead"), "Among the dead were
  48 children" (a state said as a noun, holding another counted thing), or the object
  of a verb of containment ("the toll includes 11,000 women": include, comprise,
  contain). Its whole is named by the class of what happened to it ("the dead", "the
  toll" and "214 people killed" are one whole), else by its noun ("the list"); the
  part's own key is its counted thing, and what happened to it when the clause says
  more than that it is a part ("43 of whom have died"; a state a verb of saying gives
  it: "declared dead"), or that alone when neither part nor whole names a thing
  ("120 remain held, 43 of whom have died");
- the kind of figure and the unit's dimension (a count, a sum of dollars, a length),
  the period counted ("a day", "since May 6").

The place is not part of the key: a story that names no place for a figure may be about
the place another story names. ``places_agree`` is the test the checks apply: the
same place, or one of the two names none.

Claims get no key, and so are never compared, when they are changes ("rose 3%",
"cut 200 jobs"), earlier values the sentence sets aside ("down from 51,000"), the
whole of a partitive ("Of the 530 injured"), parts whose whole the clause does not
name ("It includes 1,900 patients": what "it" is the frame does not say) or that say
no more than a number of the whole's things ("40 of them"), negated, vague, or say too
little (no counted thing, no verb): a unit alone never makes two claims one figure.
A rate with no period and no verb ("12 ferries a day") gets no key either: it may be
the rate of now or of before an event the frame does not know ("before the strike").
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from factcheck import units as unit_tools
from factcheck.extract.context.lemma import noun_lemma, verb_lemma
from factcheck.extract.context.tagger import ADJECTIVES
from factcheck.extract.quantities.changes import CHANGE_LEMMAS
from factcheck.models import Claim, ClaimFrame

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

# Verbs whose object is a part of their subject: "the toll includes 11,000 women".
CONTAINING = frozenset({"include", "comprise", "contain"})

# Subjects that name no whole by themselves ("It includes ...": what "it" is, the
# extraction does not say).
_PRONOUNS = frozenset({"it", "they", "this", "these", "those", "that", "which", "who", "them"})

_STOP = frozenset({"the", "a", "an", "of", "in", "on", "for", "to", "its", "their", "his", "her", "this", "that", "other", "another", "more", "additional", "further", "some"})


class FrameKey(NamedTuple):
    """What a claim no rule assigns counts, as far as grouping claims goes."""

    kind: str
    thing: tuple[str, ...]
    action: str
    dimension: str
    period: str
    # "past" for a past event's count ("they killed some 1,200"), "future", else "now"
    # (a running total or a state: "have died", "are held", "is $4.2 billion"); "" for
    # a part of a whole and a rate of a period, whose tense says nothing of what is
    # counted ("48 children were among the dead", "500 trucks a day before the war").
    tense: str
    # For a part of a whole, what the whole counts ("dead" for "16,000 children among
    # the dead"); "" for a figure that is no part.
    whole: str = ""

    def describe(self) -> str:
        """The frame in words, for a finding's message and the catalogue."""
        thing = " ".join(self.thing)
        words = [thing, self.action if self.action not in ("level", "") else ""]
        if self.whole:
            words.append(f"among the {self.whole}")
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


def frame_key(claim: Claim, classes: Mapping[str, str], wholes: Mapping[str, Claim] | None = None) -> FrameKey | None:
    """The claim's key, or None when it should not be grouped (see the module docstring).
    ``wholes`` finds the claim a part is a part of by its id ("43 of whom": the claim of
    the figure before); without it a part of another figure gets no key."""
    frame = claim.frame
    if frame is None or frame.role != "current" or frame.negated or claim.qualifier == "vague":
        return None
    if claim.role in ("change", "before", "conversion"):
        return None  # an amount of change, an old value, a second statement of one figure
    if frame.how == "whole":
        return None  # the whole of a partitive ("Of the 530 injured, ..."): its clause is its part's
    if _is_part(claim):
        return _part_key(claim, classes, wholes or {})
    action: str | None
    if frame.how == "measure":
        thing = tuple(w for w in frame.measured if w not in _STOP)
        action = "level"
    else:
        if not frame.noun or frame.noun in _NOT_THINGS:
            return None
        thing = _thing(claim)
        action = _action(claim, classes)
        if frame.rate and frame.period and (action is not None or not frame.verb) and _predicate_lemma(claim) not in CHANGE_VERBS:
            # "some 600 trucks daily before the conflict", "500 trucks a day entered
            # before the war": a rate of a period is the level of that rate, with a verb
            # or none (a verb of change still makes it no level). Kept apart by their
            # verbs, "used to carry 6,000 passengers a day" and "some 6,000 passengers a
            # day used to ride" could not outvote a third story's 9,000.
            action = "level"
    if not thing or not action:
        return None
    tense = "past" if frame.tense == "past" else "future" if frame.tense == "future" else "now"
    if frame.rate and frame.period:
        tense = ""  # the period says when ("were entering before the war" = "before the war")
    return FrameKey(claim.kind, thing, action, dimension(claim.unit), _period(claim), tense)


def _thing(claim: Claim) -> tuple[str, ...]:
    frame = claim.frame
    assert frame is not None and frame.noun is not None
    return (*sorted(m for m in frame.modifiers if m not in _STOP), frame.noun)


def _period(claim: Claim) -> str:
    frame = claim.frame
    assert frame is not None
    period = frame.period or ""
    if frame.rate:
        period = f"a {frame.rate}" if not period else f"{period}, a {frame.rate}"
    if claim.period_start is not None:
        period = f"{period} since {claim.period_start.isoformat()}".strip()
    return period


def _is_part(claim: Claim) -> bool:
    """Whether the clause makes the figure a part of a whole: a partitive ("43 of
    whom", "including 6 children", "among the dead") or the object of a verb of
    containment ("the toll includes 11,000 women")."""
    frame = claim.frame
    assert frame is not None
    if frame.part_of is not None or frame.whole_noun or frame.part_relation:
        return True
    if _among_state(frame):
        return True
    return frame.verb in CONTAINING or (frame.verb is None and _predicate_lemma(claim) in CONTAINING)


def _among_state(frame: ClaimFrame) -> bool:
    """ "Among the dead were 48 children": the figure reads as the value of "the dead"
    (a measure), but a state said as a noun ("the dead", "the injured", "the missing")
    that *is* some other counted thing holds it as a part. ("Enrollment was 48,200
    students" measures a noun that is no state: a level.)"""
    return (
        frame.how == "measure" and frame.verb == "be" and len(frame.measured) == 1
        and frame.measured[0] in ADJECTIVES and frame.noun is not None and frame.noun != frame.measured[0]
    )


def _part_key(claim: Claim, classes: Mapping[str, str], wholes: Mapping[str, Claim]) -> FrameKey | None:
    """A part's key: its own counted thing (and what happened to it, when the clause
    says more than that it is a part), and what its whole counts, so that a part is
    compared only with the same part of the same whole ("children among the dead", never
    "children among the injured" or "women among the dead"). A part whose whole is not
    known (a pronoun: "It includes ...", a whole the sentence does not give) gets none.
    A part that names no thing of its own nor of its whole ("120 remain held, 43 of
    whom have died") is keyed by what happened to it alone."""
    frame = claim.frame
    assert frame is not None
    whole = _whole(claim, classes, wholes)
    if whole is None or frame.noun in _NOT_THINGS:
        return None
    whole_word, whole_noun = whole
    verb = frame.verb
    if verb in CHANGE_VERBS or _predicate_lemma(claim) in CHANGE_VERBS:
        return None
    action = ""
    # "43 of whom were declared dead", "confirmed dead": the state a verb of saying
    # gives them is what happened to them (a state the shipped sets know).
    state = next((w for w in frame.complement if w in classes and w not in (frame.noun, whole_noun)), None)
    if state is not None and verb not in CONTAINING:
        action = classes[state]
    elif verb and verb not in _EMPTY_VERBS and verb not in CONTAINING:
        action = classes.get(verb, verb)  # "43 of whom have died"
    else:
        said = [w for w in (*frame.complement, *frame.described_by) if w not in (frame.noun, whole_noun)]
        if said:
            action = classes.get(said[0], said[0])  # "1,900 patients who have waited"
    if action == whole_word:
        action = ""  # "43 of the dead were killed in ...": being dead is being a part of the dead
    if not action and (not frame.noun or frame.noun == whole_noun):
        return None  # "40 of them": no more than a number of the whole's things
    thing = _thing(claim) if frame.noun else ()
    return FrameKey(claim.kind, thing, action, dimension(claim.unit), _period(claim), "", whole_word)


def _whole(claim: Claim, classes: Mapping[str, str], wholes: Mapping[str, Claim]) -> tuple[str, str | None] | None:
    """What the whole of a part counts, as one word (the class of what happened to it:
    "dead" for "the dead", "the toll", "214 people killed"; else its noun: "list"), and
    its noun; None when the clause does not say. A whole that is itself a part is not
    followed further."""
    frame = claim.frame
    assert frame is not None
    if frame.part_of is not None:
        whole = wholes.get(frame.part_of)
        wf = whole.frame if whole is not None else None
        if whole is None or wf is None or wf.part_of is not None or wf.whole_noun:
            return None
        if wf.how == "measure":
            words = [w for w in wf.measured if w not in _STOP]
            return (_class(words[-1], classes), None) if len(words) == 1 else None
        happened = _action(whole, classes) if wf.how != "whole" else None
        happened = _class(happened, classes) if happened else None
        said = [*wf.complement, *wf.described_by]
        if wf.how == "whole" and said:
            happened = _class(said[0], classes)  # "Of the 530 people injured, ..."
        if happened in (None, "be") and wf.noun and wf.noun not in _NOT_THINGS:
            happened = _class(wf.noun, classes)  # "Of the 7,600 patients on the list"
        return (happened, wf.noun) if happened and happened not in ("be", *CONTAINING) else None
    if frame.whole_noun:
        return _class(frame.whole_noun, classes), frame.whole_noun
    if _among_state(frame):
        state = frame.measured[0]
        return _class(state, classes), state
    if frame.part_relation is None and frame.agent:
        head = frame.agent[-1]  # "the toll includes 11,000 women": the subject holds the part
        if head in _PRONOUNS or head in _STOP:
            return None
        return _class(head, classes), head
    return None


def _class(word: str, classes: Mapping[str, str]) -> str:
    """The class of a word that names a whole, as written or as a lemma ("injured",
    "injure"), else the word: a whole is named by a noun as often as by a verb. A class
    whose name is a word another set lists first is that set's ("toll" is "killed",
    and "killed" is "kill", listed first by "dead"), so "the toll", "the dead" and "214
    people killed" name one whole."""
    seen: set[str] = set()
    while word not in seen:
        seen.add(word)
        word = next((classes[f] for f in (word, verb_lemma(word), noun_lemma(word)) if f in classes), word)
    return word


def _predicate_lemma(claim: Claim) -> str | None:
    return verb_lemma(claim.predicate.split()[-1].lower()) if claim.predicate else None


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
