"""Whether the words around a date point ahead of publication or back from it.

A date without a year ("June 12", "in September", "on Friday", "'58") names one day of
every year (week, century). News copy mostly reports what happened, so the resolver
takes the most recent one not after publication, unless the clause says otherwise:
"will vote on June 12", "the talks resume in September", "is due in March" in a May or
November story name the next one.

The signal is the verb group of the date's clause, read from word classes, not phrases:

* *strong* markers, auxiliaries and words of intent or schedule: the modals (will,
  would, could, 'll ...) and "going to", "due", "scheduled", "set to", "expected",
  "plans", "upcoming", "next", "ahead", "onwards" point ahead; "was", "were", "had",
  "did" and a modal with "have" ("would have turned 80") point back;
* *weak* markers, the forms of lexical verbs: a past tense or participle ("closed",
  "met", "began") points back, the present of a verb of scheduled events ("opens",
  "resume", "meets", "runs", "begins") ahead.

The nearest strong marker of the clause decides, else the nearest weak one. The scan
goes back from the date to the clause's start (punctuation, a conjunction, a
subordinator, a reporting verb a few words back: "the union said a strike on June 7
would go ahead"), then forward to its end ("On Friday, the council will vote"); a date
right after a reporting verb takes that verb's tense ("said on Monday that ...").
It looks at most ``WINDOW`` characters either way, so its cost does not grow with the
sentence.
"""

from __future__ import annotations

from typing import Literal

import regex

from factcheck.extract.context.tokens import (
    _IRREGULAR_TABLE,
    AUXILIARIES,
    DETERMINERS,
    NOT_VERBS,
    POSSESSIVE_PRONOUNS,
    REPORT_VERBS,
)

Direction = Literal["ahead", "back"]

WINDOW = 80

# Words, figures, clause punctuation, and a full stop after a lowercase word before a
# capital or the end of the stretch read ("it may rain. In June": callers may pass more
# than one sentence; "Nov. 2" and "Gov. Smith" keep going).
_WORD = regex.compile(r"[\p{L}][\p{L}'-]*|\d[\d.,]*%?|[,;:()\[\]\"“”–—]|(?<=\p{Ll}{3})[.!?](?=\s+(?:[\p{Lu}\"“‘']|$))")

AUX_WORDS = AUXILIARIES | frozenset({"do", "does", "have", "has"})
MODALS_AHEAD = frozenset("will shall would could might may should must can 'll won't wo wouldn't couldn't shouldn't cannot can't".split())
PAST_AUX = frozenset("was were had did wasn't weren't hadn't didn't".split())
PRESENT_BE = frozenset("is are am 's 're remain remains stay stays become becomes".split())
# Adjectives and particles of what lies ahead ("its upcoming retrospective", "from 2025
# onwards", "ahead of the vote"); they keep their meaning after a determiner.
AHEAD_WORDS = frozenset("upcoming forthcoming next coming scheduled slated onwards onward ahead".split())
# Verbs of intent and expectation, in any form: what they govern lies ahead.
INTENT_VERBS = frozenset(
    """
    plan plans planning planned aim aims aiming intend intends intending intended expect
    expects expecting expected poised hope hopes hoping vow vows vowing pledge pledges
    promise promises forecast forecasts predict predicts predicted project projects
    projected anticipate anticipates anticipated
    """.split()
)
# Verbs that move an event to a later date: the date they move it to ("postponed the
# hearing to Sept. 9", "delayed the launch until March") lies ahead.
RESCHEDULE_VERBS = frozenset(
    """
    postpone postpones postponed postponing delay delays delayed delaying defer defers
    deferred deferring adjourn adjourns adjourned adjourning reschedule reschedules
    rescheduled rescheduling extend extends extended extending push pushes pushed pushing
    move moves moved moving
    """.split()
)
SUBJECT_PRONOUNS = frozenset("he she it they we i you".split())
# Verbs of scheduled events: their present tense with a date is a timetable ("the
# festival opens on Wednesday", "the talks resume in September").
SCHEDULE_VERBS = frozenset(
    """
    begin begins start starts open opens reopen reopens resume resumes close closes end
    ends expire expires launch launches return returns meet meets convene convenes run
    runs apply applies take takes go goes arrive arrives debut debuts premiere premieres
    air airs kick kicks face faces play plays vote votes sit sits
    """.split()
)
# Clause boundaries inside a sentence.
BOUNDARY_WORDS = frozenset("and but or that which who whom whose when while because although though if unless than where whereas".split())
BOUNDARY_PUNCT = frozenset(",;:()[]\"“”–—.!?")
# "the plan", "its close", "the end" ("that" is more often a conjunction).
_BLOCKERS = (DETERMINERS | POSSESSIVE_PRONOUNS) - {"that", "all", "both", "some", "any"}


def _past_forms() -> frozenset[str]:
    """Past tenses and participles of the irregular verbs that differ from the base
    form ("met", "began", "been"; not "hit", "cut", "set")."""
    out: set[str] = set()
    for line in _IRREGULAR_TABLE.strip().splitlines():
        forms, parts = line.split(":")
        base = forms.split()[0]
        out.update(p for p in parts.split() if p != base)
    return frozenset(out)


PAST_FORMS = _past_forms()


def _words(text: str, start: int, end: int) -> list[str]:
    """The words of ``text[start:end]``, with straight apostrophes."""
    return _WORD.findall(text[start:end].replace("’", "'"))


def _marker(words: list[str], k: int, then: str = "") -> tuple[Direction, bool] | None:
    """(direction, strong) of ``words[k]`` in its context, or None; ``then`` is the
    word after the last of ``words`` (the date's introducing word: "due in")."""
    raw = words[k]
    w = raw.lower()
    prev = words[k - 1].lower() if k > 0 else ""
    nxt = words[k + 1].lower() if k + 1 < len(words) else then
    if (w in MODALS_AHEAD and raw == w) or w.endswith("'ll"):  # "May" is a month; "we'll"
        return ("back", True) if nxt in ("have", "'ve") else ("ahead", True)
    if w in PAST_AUX:
        return "back", True
    if w == "going" and nxt == "to":
        return "ahead", True
    if w == "due" and (prev in PRESENT_BE or prev in PAST_AUX or prev in ("be", "been", "not") or nxt in ("in", "on", "by", "for", "next", "this", "later")):
        return "ahead", True
    if w == "set" and nxt in ("to", "for"):
        return "ahead", True
    if w in AHEAD_WORDS:
        return "ahead", True
    if prev in _BLOCKERS or prev[:1].isdigit():
        return None  # a noun: "the plan", "its close", "100 runs"
    if w in INTENT_VERBS:
        return None if prev in ("than", "as") else ("ahead", True)
    if w in SCHEDULE_VERBS:
        return ("back", True) if prev in ("did", "didn't") else ("ahead", False)
    past = w in PAST_FORMS or (w.endswith("ed") and len(w) > 4 and w not in NOT_VERBS)
    if prev in SUBJECT_PRONOUNS and not past and w not in AUX_WORDS and not w.endswith("ly"):
        return "ahead", False  # "she races again on Friday": the present of an event
    if w.endswith("ing") and prev in PRESENT_BE and w not in NOT_VERBS:
        return "ahead", False  # "is opening on June 3": an arrangement
    if past and prev not in PRESENT_BE:
        return "back", False  # "is closed until June" is a state, not the past
    return None


# Reporting verbs that are also nouns ("a final estimate", "the report"), and the words
# that can stand in a reporting verb's own group before it.
_NOUN_LIKE = frozenset(
    "estimate estimates report reports count counts record records tally claim claims note notes "
    "comment comments show shows state states tweet".split()
)
_VERB_GROUP = MODALS_AHEAD | PAST_AUX | INTENT_VERBS | frozenset(
    "to not n't also later then still be been being have has is are am 's 're set due going".split()
)


def _noun(words: list[str], k: int) -> bool:
    """Whether the reporting verb ``words[k]`` is a noun: a determiner or a word of
    what lies ahead up to three words before it ("a final estimate", "the latest
    report", "its next crop estimate")."""
    if words[k].lower() not in _NOUN_LIKE:
        return False
    return any(j >= 0 and (words[j].lower() in _BLOCKERS or words[j].lower() in AHEAD_WORDS) for j in (k - 1, k - 2, k - 3))


# Nouns of a date set ahead: "a trial date of Oct. 6", "a deadline of June 30".
SCHEDULE_NOUNS = frozenset("date dates deadline deadlines".split())
# The present of "be" before a date with no figure between: a timetable ("the final is
# at Wembley on May 17", "the vote is on Tuesday"); news puts what happened in the past.
PRESENT_TIMETABLE = frozenset("is are".split())


def _continues(words: list[str], k: int) -> bool:
    """Whether ``words[k]`` ("and", "or") joins two verb phrases of one subject, so the
    verb group before it governs the date after it ("is scheduled to launch on Aug. 21
    and touch down in late September"): a lower-case word follows that is no
    determiner, pronoun or figure."""
    if words[k].lower() not in ("and", "or") or k + 1 >= len(words):
        return False
    nxt = words[k + 1]
    return nxt[:1].islower() and nxt not in _BLOCKERS and nxt not in SUBJECT_PRONOUNS and nxt not in AUX_WORDS


def _decide(found: list[tuple[Direction, bool]]) -> Direction | None:
    """The nearest strong marker, else the nearest weak one (``found`` nearest first)."""
    for direction, strong in found:
        if strong:
            return direction
    return found[0][0] if found else None


def direction(text: str, lo: int, start: int, end: int, hi: int, prep: str | None = None) -> Direction | None:
    """Whether the date at ``text[start:end]`` (its sentence ``text[lo:hi]``, introduced
    by ``prep``) points ahead of publication or back from it, or None when its clause
    does not say."""
    # A second, wider look only when the first ran out of words inside a verb phrase
    # joined by "and" ("is scheduled to launch from ... on Aug. 21 and touch down ...").
    for window in (WINDOW, 2 * WINDOW):
        before = _words(text, max(lo, start - window), start)
        continued = False
        found: list[tuple[Direction, bool]] = []
        opens_clause = True  # nothing of its clause before the date
        reported = False  # the date follows a reporting verb: it is that verb's
        figure_between = False  # a figure stands between the date and the word read
        for k in range(len(before) - 1, -1, -1):
            w = before[k].lower()
            if w in BOUNDARY_PUNCT or w in BOUNDARY_WORDS:
                if not found and not reported and _continues(before, k):
                    continued = True
                    continue
                break
            if w[:1].isdigit():
                figure_between = True
            if k == len(before) - 1 and prep in ("of", "for") and w in SCHEDULE_NOUNS:
                found.append(("ahead", True))
                break
            if reported:
                # Only the reporting verb's own group is read: "will say on Monday",
                # "is expected to announce on Monday".
                if w not in _VERB_GROUP:
                    break
            elif w in REPORT_VERBS and not _noun(before, k):
                if found:
                    break  # "the next jobs report is due": what is found decides
                if len(before) - 1 - k > 2:
                    break  # the date is in the reported clause
                # "said on Monday", "told reporters on Monday": the date is that verb's.
                reported = True
                if w in PAST_FORMS or w.endswith("ed"):
                    found.append(("back", False))
                elif k > 0 and before[k - 1].lower() in SUBJECT_PRONOUNS:
                    found.append(("ahead", False))  # "it reports results on Feb. 28": a timetable
                opens_clause = False
                continue
            opens_clause = False
            if prep in ("to", "until", "till") and w in RESCHEDULE_VERBS:
                found.append(("ahead", True))
                break
            marker = _marker(before, k, prep or "")
            if marker is None and w in PRESENT_TIMETABLE and before[k] == w and not figure_between:
                marker = ("ahead", False)
            if marker is not None:
                found.append(marker)
                if marker[1]:
                    break  # the nearest strong marker decides: nothing further back counts
        else:
            if continued and not any(strong for _, strong in found) and start - window > lo:
                continue  # the words ran out inside the joined verb phrase: look further
        break
    decided = _decide(found)
    if decided is not None or reported:
        return decided
    crossed = False
    after = _words(text, end, min(hi, end + WINDOW))
    for k, raw in enumerate(after):
        w = raw.lower()
        if w in BOUNDARY_PUNCT:
            if opens_clause and not crossed and w == ",":
                crossed = True  # "On Friday, the council will vote"
                continue
            break
        if w in BOUNDARY_WORDS:
            break
        if w in REPORT_VERBS:
            return "back" if w in PAST_FORMS or w.endswith("ed") else None
        marker = _marker(after, k)
        if marker is not None:
            found.append(marker)
            if marker[1]:
                break
    return _decide(found)
