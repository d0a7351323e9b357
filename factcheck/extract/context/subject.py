"""The subject a figure is said of, when the figure names no thing of its own.

"The engine produces 300 horsepower", "The deal is worth 5 billion ringgit", "Fares went
up 5%", "The speed limit was raised from 55 mph", "Tickets cost $12 apiece", "The bill's
cost: $40 million": the figure measures, prices or changes the noun phrase that is the
subject of the verb group before it. Read on the tags of ``tagger`` over a bounded
window before the figure (the cost stays linear in the sentence), right to left:

1. past the words that link a figure to its verb: adverbs, "up"/"down"/"out", "worth",
   the prepositions of a measure ("to", "by", "at", "for", "from", "around"), articles;
2. the verb group (verbs, auxiliaries, participles, negations, "to" of an infinitive),
   or a colon standing for one;
3. the noun phrase before it: nouns and adjectives, with an of-phrase inside ("the price
   of a ticket"), after determiners and possessives ("The team's payroll" -> "payroll").

No subject when the verb group is a verb of saying, the phrase is a pronoun, or a
proper name or place (who acts, not what is counted): the caller decides.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.extract.context.tagger import Word, tag
from factcheck.extract.context.tokens import Token

__all__ = ["Subject", "subject_before"]

# How far back (tokens) the verb group and its subject are looked for.
WINDOW = 16
_LINKS = frozenset("up down out worth to by at for from around about than some nearly almost roughly a an".split())
_VERB_TAGS = frozenset({"VERB", "AUX", "VBN", "VBG", "NEG", "TO"})
_NP_TAGS = frozenset({"NOUN", "ADJ"})


@dataclass(frozen=True, slots=True)
class Subject:
    first: int  # token indices in the sentence: [first, end), head
    end: int
    head: int


def subject_before(tokens: list[Token], i0: int, i1: int, start: int, speech: frozenset[str]) -> Subject | None:
    """The subject noun phrase of the verb group before the figure at tokens [i0, i1);
    ``start`` is the first token of its clause, ``speech`` the verbs of saying."""
    lo = max(start, i0 - WINDOW)
    # The figure is tagged too: "The district enrolls 21,400" is a verb before a figure.
    words = tag(tokens[lo:i1], [(i0 - lo, i1 - lo)])[: i0 - lo]
    k = len(words) - 1
    while k >= 0 and (words[k].tag == "ADV" or words[k].low in _LINKS):
        k -= 1
    if k < 0:
        return None
    verb_end = k
    if words[k].text == ":":
        k -= 1
    else:
        while k >= 0 and (words[k].tag in _VERB_TAGS or words[k].low in ("up", "down", "out")):
            k -= 1
        if k == verb_end:
            return None
        if any(w.lemma in speech or w.low in speech for w in words[k + 1 : verb_end + 1]):
            return None
    end = k + 1
    while k >= 0 and _in_phrase(words, k):
        k -= 1
    first = k + 1
    if first >= end or words[end - 1].tag != "NOUN":
        return None
    ofs = [m for m in range(first + 1, end) if words[m].low == "of"]
    head = ofs[0] - 1 if ofs else end - 1
    return Subject(lo + first, lo + end, lo + head)


def _in_phrase(words: list[Word], k: int) -> bool:
    w = words[k]
    if w.tok.is_possessive:
        return False  # "The team's payroll": the possessive says whose, not what
    if w.tag in _NP_TAGS:
        return True
    # "the price of a ticket": an of-phrase with its article belongs to the subject
    if w.low == "of":
        return k > 0 and words[k - 1].tag in _NP_TAGS
    return w.low in ("a", "an", "the") and k > 0 and words[k - 1].low == "of"
