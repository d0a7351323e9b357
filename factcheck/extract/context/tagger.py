"""Parts of speech for the words of one sentence, from lexicons and position.

News English is regular enough that a tag per word, from closed word classes, verb
forms and the words around it, is what the clause analysis (``frame``) needs: which
words are finite verbs, which are participles describing a noun, which are nouns,
prepositions, relative pronouns, auxiliaries and negations. The tags:

=========  ================================================================
``NUM``    a word of a figure (a claim's span)
``DET``    determiners and quantifiers ("the", "some", "another")
``POSS``   possessive pronouns ("its", "their")
``PRON``   pronouns
``PREP``   prepositions (``TO`` for "to")
``CONJ``   coordinating conjunctions ("and", "or", "but", "plus")
``SUB``    subordinators ("while", "because", "after", "since", "when")
``REL``    relative pronouns after a noun ("who", "which", "that", "whom", "where")
``COMP``   "that" introducing reported speech ("said that ...")
``AUX``    forms of be, have, do and the modals
``NEG``    "not", "n't", "never", "no longer"
``VERB``   other verb forms that can be finite ("killed", "holds", "fled")
``VBG``    -ing forms ("holding", "fleeing")
``VBN``    past participles that cannot be finite ("taken", "held" after be/have)
``ADJ``    adjectives of the lexicon ("dead", "alive", "missing")
``ADV``    adverbs ("still", "now", "reportedly", -ly words)
``NOUN``   everything else that is a word (capitalised words mid-sentence included)
``PUNCT``  punctuation
=========  ================================================================

A form that can be a verb or a noun ("remains", "holds", "counts", "total") is a noun
after a determiner, a possessive, an adjective or a figure, and a verb elsewhere; an -ed
form right after a be/have auxiliary is a participle (``VBN``) of that verb group.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.extract.context.lemma import BASE_VERBS, noun_lemma, verb_lemma
from factcheck.extract.context.tokens import (
    ADVERBS,
    COMMON_VERBS,
    DETERMINERS,
    IRREGULAR,
    MEASURE_VERBS,
    NOT_VERBS,
    POSSESSIVE_PRONOUNS,
    PREPOSITIONS,
    PRONOUNS,
    REPORT_VERBS,
    Token,
    is_ly_adverb,
)

BE = frozenset("be is are was were been being am 's 're".split())
HAVE = frozenset("have has had having 've 'd".split())
DO = frozenset("do does did".split())
MODALS = frozenset("will would shall should can could may might must 'll".split())
AUX_WORDS = BE | HAVE | DO | MODALS
NEGATIONS = frozenset({"not", "n't", "never", "no"})
CONJUNCTIONS = frozenset({"and", "or", "but", "nor", "plus", "yet"})
SUBORDINATORS = frozenset(
    "while whereas although though because if unless when whenever once after before "
    "since until till as so whether".split()
)
RELATIVES = frozenset({"who", "whom", "whose", "which", "that", "where"})
QUANTIFIERS = frozenset({"many", "several", "few", "more", "most", "all", "both", "each", "every", "other", "others"})
# Adjectives that matter to what is counted or its state; other adjectives read as nouns,
# which is harmless: they stay inside the noun phrase.
ADJECTIVES = frozenset(
    """
    dead alive living missing injured wounded displaced homeless hungry sick ill
    responsible unable able likely unlikely possible total overall cumulative daily
    average additional further other new former current previous earlier latest
    official civilian military israeli palestinian foreign local international
    internal internally external pre-war prewar postwar many several few more most
    less least whole entire only single remaining estimated confirmed reported
    documented identified unidentified registered recorded elderly deadly costly friendly
    captive lonely orderly holy weekly monthly yearly hourly quarterly nightly
    """.split()
)
_VERBISH = COMMON_VERBS | REPORT_VERBS | MEASURE_VERBS | frozenset(IRREGULAR)
# Forms that are verbs wherever they stand in news copy.
_ALWAYS_VERBS = frozenset("say says said told tells telling saying".split())


@dataclass(frozen=True, slots=True)
class Word:
    """A token of the sentence with its tag and lemma."""

    tok: Token
    tag: str
    lemma: str

    @property
    def low(self) -> str:
        return self.tok.low

    @property
    def text(self) -> str:
        return self.tok.text


def _could_be_verb(low: str) -> bool:
    if low in NOT_VERBS:
        return False
    if low in _VERBISH:
        return True
    if (len(low) > 4 and low.endswith("ed")) or (len(low) > 5 and low.endswith("ing")):
        return True
    return verb_lemma(low) in BASE_VERBS or verb_lemma(low) in IRREGULAR


def _is_participle_form(low: str) -> bool:
    """-ed forms and irregular past participles ("taken", "held", "fled")."""
    if low in IRREGULAR:
        past, participle = IRREGULAR[low]
        return low in (past, participle)
    return len(low) > 3 and low.endswith("ed") and low not in NOT_VERBS


_NOUN_CONTEXT = frozenset({"DET", "POSS", "ADJ", "NUM", "CD"})


def tag(tokens: list[Token], figures: list[tuple[int, int]]) -> list[Word]:
    """The tags of a sentence's ``tokens``; ``figures`` are the token ranges [i, j) of
    its claims."""
    in_figure = [False] * len(tokens)
    for i, j in figures:
        for k in range(i, min(j, len(tokens))):
            in_figure[k] = True
    words: list[Word] = []
    for k, tok in enumerate(tokens):
        words.append(_tag_one(tok, words, in_figure[k], k == 0))
    return _revise(words)


def _plural(low: str) -> bool:
    return low in ("people", "children", "women", "men", "police", "others") or (low.endswith("s") and not low.endswith(("ss", "us", "is")))


def _in_noun_phrase(words: list[Word]) -> bool:
    """Whether the next word continues a noun phrase that a determiner, possessive or
    figure opened ("a Hamas attack", "the October 7 attacks", "Israel's military campaign")."""
    for w in reversed(words[-4:]):
        if w.tag in _NOUN_CONTEXT or w.tok.is_possessive:
            return True
        if w.tag not in ("NOUN", "ADJ"):
            return False
    return False


def _tag_one(tok: Token, words: list[Word], figure: bool, first: bool) -> Word:
    prev = words[-1] if words else None
    low = tok.low
    if figure:
        return Word(tok, "NUM", low)
    if not tok.is_word:
        return Word(tok, "PUNCT" if not tok.text[0].isdigit() else "CD", low)
    if low == "to":
        return Word(tok, "TO", low)
    if low in NEGATIONS and not (low == "no" and prev is not None and prev.tag in ("AUX", "VERB")):
        return Word(tok, "NEG", low)
    if low in AUX_WORDS:
        return Word(tok, "AUX", verb_lemma(low) if low not in ("'s", "'re", "'d", "'ve", "'ll") else low)
    if low in ("who", "whom", "whose") or (low in RELATIVES and prev is not None and prev.tag in ("NOUN", "NUM", "PRON", "PREP", "PUNCT") and low != "that"):
        return Word(tok, "REL", low)  # "which", "where" after a noun, a comma or "in"
    if low == "that":
        return Word(tok, "COMP", low)
    if low in POSSESSIVE_PRONOUNS:
        return Word(tok, "POSS", low)
    if low in DETERMINERS or low in QUANTIFIERS:
        return Word(tok, "DET", low)
    if low in PRONOUNS:
        return Word(tok, "PRON", low)
    if low in CONJUNCTIONS and not (low == "yet" and prev is not None and prev.tag in ("AUX", "ADV")):
        return Word(tok, "CONJ", low)
    if low == "yet":
        return Word(tok, "ADV", low)
    if low in SUBORDINATORS and low not in PREPOSITIONS:
        return Word(tok, "SUB", low)
    if low in PREPOSITIONS or low in ("out", "ago"):
        return Word(tok, "PREP", low)
    if low in ADVERBS or (is_ly_adverb(low)):
        return Word(tok, "ADV", low)
    capital = tok.is_capitalized and not first
    if low in ADJECTIVES and not capital:
        if low.endswith("ed") and prev is not None and prev.tag == "AUX" and prev.lemma in ("be", "have"):
            return Word(tok, "VBN", verb_lemma(low))  # "are estimated to ...", "have been displaced", "had identified"
        return Word(tok, "ADJ", low)
    if low in _ALWAYS_VERBS and not capital:
        return Word(tok, "VERB", verb_lemma(low))
    if prev is not None and prev.tag == "PREP" and prev.low not in ("out",) and not low.endswith("ing"):
        return Word(tok, "NOUN", low if capital else noun_lemma(low))  # "of aid": the object of a preposition
    after_noun_context = prev is not None and _in_noun_phrase(words)
    if after_noun_context and prev is not None and prev.tag == "NOUN" and _plural(prev.low) and not low.endswith("s") and _could_be_verb(low) and not _is_participle_form(low) and not low.endswith("ing"):
        return Word(tok, "VERB", verb_lemma(low))  # "120 people remain held": a plural noun, then its verb
    if not capital and _could_be_verb(low):
        if low.endswith("ing") and len(low) > 4:
            return Word(tok, "NOUN" if prev is not None and prev.tag in ("DET", "POSS") else "VBG", verb_lemma(low))
        if after_noun_context and not _is_participle_form(low):
            return Word(tok, "NOUN", noun_lemma(low))
        if _is_participle_form(low) and prev is not None and prev.tag == "AUX" and prev.lemma in ("be", "have"):
            return Word(tok, "VBN", verb_lemma(low))
        if _is_participle_form(low) and after_noun_context and prev.tag in ("DET", "POSS"):
            return Word(tok, "ADJ", verb_lemma(low))  # "the remaining", "the displaced"
        return Word(tok, "VERB", verb_lemma(low))
    return Word(tok, "NOUN", low if capital or (first and tok.is_capitalized and low.endswith("s") and not low.endswith("ss")) else noun_lemma(low))


def _revise(words: list[Word]) -> list[Word]:
    """Second pass: a participle after an auxiliary chain with adverbs between ("have
    also been killed", "are still being held") joins the verb group."""
    out = list(words)
    for k, w in enumerate(out):
        nxt_word = out[k + 1] if k + 1 < len(out) else None
        if w.tag == "VERB" and nxt_word is not None:
            if k == 0 and w.low.endswith("ed") and nxt_word.tag in ("NOUN", "ADJ"):
                out[k] = Word(w.tok, "ADJ", w.low)  # "Armed groups claim ..."
                continue
            if w.low.endswith("s") and k and out[k - 1].tag == "NOUN" and (
                nxt_word.low in ("that", "which", "who") or nxt_word.tag in ("AUX",)
            ):
                out[k] = Word(w.tok, "NOUN", noun_lemma(w.low))  # "Hamas attacks that began ..."
                continue
        if w.tag == "NOUN" and k and out[k - 1].tag == "NUM" and not w.low.endswith("s") and _could_be_verb(w.low):
            nxt = out[k + 1] if k + 1 < len(out) else None
            if nxt is None or nxt.tag in ("PUNCT", "PREP", "ADV", "VBN", "VERB", "AUX", "TO", "DET", "NEG", "ADJ") or verb_lemma(w.low) in ("remain", "stay"):
                out[k] = Word(w.tok, "VERB", verb_lemma(w.low))  # "120 remain held": the figure is the subject
            continue
        if (
            w.tag == "NOUN" and nxt_word is not None and nxt_word.tag == "NUM" and k and out[k - 1].tag == "NOUN"
            and not _plural(out[k - 1].low) and not out[k - 1].tok.is_possessive and _plural(w.low)
            and not w.tok.is_capitalized and w.low not in NOT_VERBS
            and (_could_be_verb(w.low) or not out[k - 1].tok.is_capitalized)
        ):
            out[k] = Word(w.tok, "VERB", verb_lemma(w.low))  # "the district enrolls 21,400": a singular noun, its verb, the figure
            continue
        if w.tag == "COMP" and k and out[k - 1].tag in ("NOUN", "NUM", "PRON") and k + 1 < len(out) and out[k + 1].tag in (
            "VERB", "AUX", "ADV", "NEG", "VBN"
        ):
            out[k] = Word(w.tok, "REL", w.low)  # "attacks that began", not "said that"
            continue
        if w.tag != "VERB" or not _is_participle_form(w.low):
            continue
        m = k - 1
        while m >= 0 and out[m].tag in ("ADV", "NEG"):
            m -= 1
        if m >= 0 and out[m].tag == "AUX" and out[m].lemma in ("be", "have") and m < k - 1:
            out[k] = Word(w.tok, "VBN", w.lemma)
        elif m >= 0 and out[m].tag == "VBG" and out[m].lemma == "be":  # "being held"
            out[k] = Word(w.tok, "VBN", w.lemma)
    return out
