"""One figure's frame (``Frame``), the noun phrase after a figure and its head, and the
small word helpers the analysis shares."""

from __future__ import annotations

from dataclasses import dataclass, field

from factcheck.extract.context.frame.vocabulary import IRREGULAR_PAST
from factcheck.extract.context.tagger import Word
from factcheck.extract.context.tokens import past_form


@dataclass
class Frame:
    """What the clause says about one figure (see the module docstring)."""

    noun: str | None = None
    noun_phrase: str | None = None
    head: int | None = None  # word index of the head noun
    np_end: int | None = None  # word index after the noun phrase
    modifiers: list[str] = field(default_factory=list)
    verb: str | None = None
    verb_text: str | None = None
    complement: list[str] = field(default_factory=list)
    voice: str | None = None
    tense: str | None = None
    negated: bool = False
    stance: str | None = None
    how: str | None = None  # "subject", "object", "measure", "copula", "modifier", "none"
    described_by: list[str] = field(default_factory=list)
    agent: list[str] = field(default_factory=list)
    measured: list[str] = field(default_factory=list)  # what a "measure" figure is the value of
    part_of: int | None = None  # index of the whole among the sentence's figures
    part_noun: str | None = None  # the whole's noun when the whole is not a figure
    part_relation: str | None = None
    whole_before: bool = False  # the whole is the previous sentence's figure ("They include ...")
    period: str | None = None
    rate: str | None = None  # "day" for "500 trucks a day", "daily"
    vote: str | None = None  # "for", "against", "abstain": a part of a vote tally
    role: str = "current"
    clause: tuple[int, int] | None = None  # document offsets of the figure's clause
    place: str | None = None  # what "where" stands for, when the clause opens with it
    versus: int | None = None  # index of the figure this one is a value of (an earlier value, "the figure is ...")
    verb_at: int | None = None  # word index of the verb
    described_spans: list[tuple[int, int]] = field(default_factory=list)  # word ranges of the describing phrases
    verb_end: int | None = None  # word index after the verb group
    # What the counted act on, when the figure is the subject of an active verb with an
    # object that is not a place ("the two held a meeting"): then the verb says what
    # they did, not what happened to them.
    acted_on: str | None = None

    @property
    def predicate_words(self) -> list[str]:
        """Lemmas that say what happened: the verb, its complement, and the verbs that
        describe the noun (weaker, last)."""
        out = [self.verb] if self.verb else []
        out += self.complement
        return out + [w for w in self.described_by if w not in out]

    def predicate_text(self) -> str | None:
        """The predicate as the ``predicate`` field shows it: the verb's past participle
        ("held", "killed"), the state of a copula ("dead", "in captivity"); for the
        whole of a partitive, the state its noun is given ("the remaining 128")."""
        if self.how == "whole":
            return self.modifiers[0] if self.modifiers else None
        if self.verb and self.verb not in ("be", "remain"):
            written = (self.verb_text or "").lower()
            text = written if written.endswith(("ed", "en")) or written in IRREGULAR_PAST else past_form(self.verb)
            return f"not {text}" if self.negated else text
        if self.complement:
            # "unable" and "unable to live in their homes": the longer phrase says it all
            kept = [c for k, c in enumerate(self.complement) if not any(o.startswith(c + " ") for o in self.complement[k + 1 :])]
            text = " ".join(kept)
            return f"{self.verb} {text}" if self.verb == "remain" else text
        if self.verb == "remain":
            return "remain"
        if self.described_by:
            first = self.described_by[0]
            return first if " " in first else past_form(first)  # a state phrase ("located in") as written
        return None



def np_after(words: list[Word], i0: int, i1: int, limit: int) -> tuple[list[int], int]:
    """Word indices of the noun phrase after the figure at [i0, i1), and its end: nouns
    and adjectives, "of" + a determiner or possessive for a partitive ("128 of the
    hostages"), at most five words, up to ``limit``."""
    k = i1
    if k < limit and words[k].low in ("%", "percent", "per", "cent", "pc", "pct"):
        while k < limit and words[k].low in ("%", "percent", "per", "cent", "pc", "pct"):
            k += 1
    if k + 1 < limit and words[k].low == "of" and (words[k + 1].tag in ("DET", "POSS") or words[k + 1].tok.is_possessive):
        k += 1
        while k < limit and (words[k].tag in ("DET", "POSS") or words[k].tok.is_possessive) and words[k].tag != "NOUN":
            k += 1
        m = k
        while m < limit and words[m].tag == "ADJ":
            m += 1
        if m < limit and words[m].tag == "NUM":
            return [], i1  # "dozens of the remaining 128 hostages": the whole is a figure of its own
    found: list[int] = []
    if k < limit and words[k].low in ("more", "others", "other", "additional", "further"):
        found.append(k)  # "250 more were seized", "240 others": the head stands for the noun before
        k += 1
    while k < limit and len(found) < 5:
        w = words[k]
        if w.tag == "ADJ" and found and words[found[-1]].tag == "NOUN":
            break  # "people living in shelters": after its noun, an adjective describes it
        if w.tag in ("NOUN", "ADJ") or (w.tag == "VBN" and not found and k + 1 < limit and words[k + 1].tag == "NOUN"):
            if found and w.tok.is_capitalized and not words[found[-1]].tok.is_capitalized and w.tag == "NOUN":
                break
            found.append(k)
            k += 1
            if w.tok.is_possessive:
                break
            continue
        if w.tag == "PUNCT" and w.text == "-" and found:
            k += 1
            continue
        break
    return found, k


def head_of(words: list[Word], np: list[int]) -> int | None:
    """The head of a noun phrase: its last noun."""
    for k in reversed(np):
        if words[k].tag == "NOUN":
            return k
    if np and words[np[-1]].low in ("more", "others", "other", "additional", "further"):
        return None  # a pronoun-like head: the noun comes from the figure before
    return np[-1] if np else None



def bare_lemma(w: Word) -> str:
    return w.lemma.removesuffix("'s").removesuffix("'")


def participle_form(w: Word) -> bool:
    low = w.low
    return low.endswith(("ed", "en")) or low in ("held", "fled", "left", "kept", "taken", "seized", "lost", "hit", "shot", "held")


def tense_of(auxes: list[Word], content: Word | None) -> str | None:
    lemmas = [a.lemma for a in auxes]
    lows = [a.low for a in auxes]
    if any(x in ("will", "'ll", "shall") for x in lows):
        return "future"
    if "had" in lows:
        return "past_perfect"
    if "have" in lemmas:
        return "perfect"
    if any(x in ("was", "were", "did") for x in lows):
        return "past"
    if content is not None and content.tag == "VERB" and content.low.endswith("ed"):
        return "past"
    return "present"
