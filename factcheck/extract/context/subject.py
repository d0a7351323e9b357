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

Before a price ("at", "for" and money), the verb phrase may hold a time, a prepositional
phrase without a determiner or a bare plural ("go on sale next week at", "sold at auction
for", "changed hands at"): none is what is priced. An object that a determiner opens
after the verb is ("snapped up the shirts at £70 apiece"), and a noun the tagger read
where the clause's first verb stands, agreeing with the noun before it, is that verb
("Flights start at", "The laptop retails for"). An in-phrase stays in the subject, its
head before it ("Shares in the retailer changed hands").

No subject when the verb group is a verb of saying, the phrase is a pronoun, or a
proper name or place (who acts, not what is counted): the caller decides.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.extract.context.lemma import BASE_VERBS, verb_lemma
from factcheck.extract.context.noun_phrase import TIME_NOUNS
from factcheck.extract.context.tagger import Word, tag
from factcheck.extract.context.tokens import IRREGULAR, MEASURE_VERBS, NOT_VERBS, Token

__all__ = ["Subject", "subject_before"]

# How far back (tokens) the verb group and its subject are looked for.
WINDOW = 16
_LINKS = frozenset("up down out worth to by at for from around about than some nearly almost roughly a an".split())
_VERB_TAGS = frozenset({"VERB", "AUX", "VBN", "VBG", "NEG", "TO"})
_NP_TAGS = frozenset({"NOUN", "ADJ"})
# Prepositions whose phrase stays inside a subject noun phrase; its head is before them.
_NOUN_PREPOSITIONS = frozenset({"of", "in"})
_PARTICLES = frozenset({"up", "down", "out", "off", "in"})
_DEICTIC_TIMES = frozenset({"today", "tomorrow", "yesterday", "tonight", "overnight"})
_TIME_OPENERS = frozenset({"next", "last", "this", "that", "each", "every"})


@dataclass(frozen=True, slots=True)
class Subject:
    first: int  # token indices in the sentence: [first, end), head
    end: int
    head: int


def subject_before(
    tokens: list[Token], i0: int, i1: int, start: int, speech: frozenset[str], money: bool = False
) -> Subject | None:
    """The subject noun phrase of the verb group before the figure at tokens [i0, i1);
    ``start`` is the first token of its clause, ``speech`` the verbs of saying. For an
    amount of ``money``, "for" after a noun names the thing priced ("sells organic eggs
    for $3 each")."""
    if start == i0 and start > 0 and tokens[start - 1].text == ":":
        start = 0  # "The bill's cost: $40 million": the colon stands for the verb
    lo = max(start, i0 - WINDOW)
    # The figure is tagged too: "The district enrolls 21,400" is a verb before a figure.
    words = tag(tokens[lo:i1], [(i0 - lo, i1 - lo)])[: i0 - lo]
    k = len(words) - 1
    linked = False  # a preposition of measure links the figure: "shrank from", "tops out at"
    while k >= 0 and (words[k].tag == "ADV" or words[k].low in _LINKS):
        linked = linked or words[k].tag in ("PREP", "TO") or words[k].low == "worth"
        k -= 1
    if k < 0:
        return None
    price = words[k + 1].low if money and k + 1 < len(words) and words[k + 1].low in ("at", "for") else None
    if price is not None:
        k = _past_verb_phrase(words, k)
        if k < 0:
            return None
        priced = _object_priced(words, k, price)
        if priced is not None:
            return Subject(lo + priced[0], lo + k + 1, lo + priced[1])
    # Before a price, a noun after the clause's first noun phrase, with no verb before
    # it, is the verb the tagger missed: "Flights start at A$120", "The new tablet
    # retails for $329" (after a verb it is a noun: "sells farm eggs for $3").
    first_verb = price is not None and lo == start and _first_verb(words, k)
    plural_head = False
    verb_end = k
    if words[k].text == ":":
        k -= 1
    elif k + 1 < len(words) and words[k].tag == "NOUN" and (words[k + 1].low == "worth" or (money and words[k + 1].low == "for" and not _verb_after_noun(words, k) and not first_verb)):
        pass  # "jewellery worth £2 million", "eggs for $3": the thing valued, no verb
    else:
        while k >= 0 and (words[k].tag in _VERB_TAGS or words[k].low in ("up", "down", "out")):
            k -= 1
        # "Season passes go on sale": of two verbs in a row the first, an -s form after a
        # noun, is a plural noun (no verb group starts with "passes go" without an auxiliary)
        if 0 <= k and k + 2 <= verb_end and words[k].tag == "NOUN" and _is_plural(words[k + 1].low) and words[k + 1].tag == "VERB" and words[k + 2].tag == "VERB" and not _is_plural(words[k + 2].low):
            k += 1
            plural_head = True
        if k == verb_end and linked and k > 0 and (_verb_after_noun(words, k) or first_verb):
            k -= 1  # "The waiting list shrank from 7,600": the tagger took "shrank" for a noun
            plural_head = _misread_plural(words, k)  # "Bus passes start at"
        if k == verb_end:
            return None
        if any(w.lemma in speech or w.low in speech for w in words[k + 1 : verb_end + 1]):
            return None
    end = k + 1
    k -= plural_head  # the plural read as a verb is the head: its phrase is before it
    while k >= 0 and _in_phrase(words, k):
        if k < end - 1 and _agrees_as_verb(words, k) and _verb_after_noun(words, k):
            break  # "The farm shop sells organic eggs for $3": the phrase after its verb
        k -= 1
    first = k + 1
    if first >= end or not (words[end - 1].tag == "NOUN" or plural_head or (first > 0 and _opens_phrase(words[first - 1]))):
        return None
    ofs = [m for m in range(first + 1, end) if words[m].low in _NOUN_PREPOSITIONS]
    head = ofs[0] - 1 if ofs else end - 1
    if ofs and words[ofs[0]].low == "in":
        end = ofs[0]  # "Shares in the retailer": the in-phrase says where or of what, not what
    return Subject(lo + first, lo + end, lo + head)


def _past_verb_phrase(words: list[Word], k: int) -> int:
    """Back from ``k``, the word before a price's preposition, past what the verb phrase
    holds after its verb: a time ("go on sale next week at"), a prepositional phrase
    without a determiner ("went on sale at", "sold at auction for") and a bare noun
    right after the verb ("changed hands at"): none of them is what is priced."""
    while k >= 1:
        w = words[k]
        if w.tag == "ADV":
            k -= 1
        elif w.low in TIME_NOUNS and words[k - 1].low in _TIME_OPENERS:
            k -= 2  # "next week"
        elif w.low in _DEICTIC_TIMES:
            k -= 1  # "tomorrow"
        elif w.tag == "NOUN" and k >= 2 and words[k - 1].tag == "PREP" and words[k - 1].low != "of" and words[k - 2].tag == "VERB":
            k -= 2  # "on sale", "at auction", "at Sotheby's"
        elif w.tag == "NOUN" and not w.tok.is_capitalized and words[k - 1].tag == "VERB" and words[k - 1].low not in NOT_VERBS and _is_plural(w.low):
            k -= 1  # "changed hands", "swapped places": a bare plural object is part of the verb
        else:
            break
    return k


def _is_plural(low: str) -> bool:
    return low.endswith("s") and not low.endswith("ss")


def _object_priced(words: list[Word], k: int, price: str) -> tuple[int, int] | None:
    """(first, head) of the object a price is said of, when ``words[k]`` ends a noun
    phrase that a determiner or possessive opens after a verb or its particle: "snapped
    up the shirts at £70 apiece", "put the bank's market value at $80 billion"."""
    if price != "at" or words[k].tag != "NOUN":
        return None
    first = k
    while first > 0 and words[first - 1].tag in _NP_TAGS and not words[first - 1].tok.is_possessive:
        first -= 1
    if first < 2 or not _opens_phrase(words[first - 1]):
        return None
    before = first - 2  # before the opener
    while before > 0 and (words[before].tok.is_possessive or words[before].tag in ("DET", "POSS")):
        before -= 1  # "the bank's"
    verb = words[before]
    if verb.tag != "VERB" and verb.low not in _PARTICLES:
        return None
    return first, k


def _first_verb(words: list[Word], k: int) -> bool:
    """Whether ``words[k]``, a lower-case noun after a noun, stands where the clause's
    first verb would: no verb tagged before it, and it is the first word whose number
    is a verb's agreeing with the noun before it ("Flights start", "tablet retails";
    in "shop sells organic eggs" the verb is "sells", not "eggs")."""
    if not _agrees_as_verb(words, k) or any(x.tag in ("VERB", "AUX") and not _misread_plural(words, m) for m, x in enumerate(words[:k])):
        return False
    return not any(_agrees_as_verb(words, m) for m in range(1, k))


def _misread_plural(words: list[Word], m: int) -> bool:
    """An -s form tagged a verb right after a noun, before a noun: "Bus passes start
    at", the plural of a compound the tagger read as its verb."""
    return (
        0 < m < len(words) - 1 and words[m].tag == "VERB" and _is_plural(words[m].low)
        and words[m - 1].tag == "NOUN" and words[m + 1].tag == "NOUN"
    )


def _agrees_as_verb(words: list[Word], k: int) -> bool:
    if k < 1:
        return False
    w, prev = words[k], words[k - 1]
    return (
        w.tag == "NOUN" and (prev.tag == "NOUN" or _misread_plural(words, k - 1)) and not w.tok.is_capitalized
        and not prev.tok.is_possessive and _is_plural(prev.low) != _is_plural(w.low)
    )


def _verb_after_noun(words: list[Word], k: int) -> bool:
    """Whether ``words[k]``, a word after a noun and before a preposition of measure, is
    the verb the tagger read as a noun ("list shrank", "car tops", "Flights start")."""
    w = words[k]
    if w.tag != "NOUN" or w.tok.is_capitalized or w.low in NOT_VERBS or words[k - 1].tag not in _NP_TAGS:
        return False
    lemma = verb_lemma(w.low)
    return w.low in MEASURE_VERBS or w.low in IRREGULAR or lemma in BASE_VERBS or lemma in IRREGULAR


def _opens_phrase(w: Word) -> bool:
    return w.tag in ("DET", "POSS") or w.tok.is_possessive


def _in_phrase(words: list[Word], k: int) -> bool:
    w = words[k]
    if w.tok.is_possessive:
        return False  # "The team's payroll": the possessive says whose, not what
    if w.tag in _NP_TAGS:
        return True
    # After a determiner or a possessive a verb form is a noun: "the team's win total",
    # "the bill's cost"
    if w.tag in ("VERB", "VBG", "VBN") and k > 0 and (_opens_phrase(words[k - 1]) or (k > 1 and words[k - 1].tag in _NP_TAGS and _opens_phrase(words[k - 2]))):
        return True
    # "the price of a ticket", "Shares in the retailer": an of- or in-phrase with its
    # article belongs to the subject
    if w.low in _NOUN_PREPOSITIONS:
        return k > 0 and words[k - 1].tag in _NP_TAGS
    return w.low in ("a", "an", "the") and k > 0 and words[k - 1].low in _NOUN_PREPOSITIONS
