"""Word lists of rules, matched by lemma: "remain" matches remained, remaining and
remains; "hostage" matches hostages; "death toll" matches "death tolls"; "evacuat*"
matches any word that starts so.

Both sides are lemmatised the same way (``factcheck.extract.context.lemma``), word by
word, and compared as phrases: a rule phrase matches when its lemmas stand in a row in
the claim's words. A word is read both as a noun and as a verb form, so the part of
speech never decides alone ("remains" is the noun remains and the verb remain).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from factcheck.extract.context.lemma import noun_lemma, verb_lemma

# Adjectives of state that a verb's forms must not stand for: "living" (alive) is not
# "live" (to reside).
_STATES = frozenset({"living"})
# Nouns whose form is also a verb's: a rule's "remains" (the bodies) is not "remain"
# (to stay), or "the remaining 128 hostages" would be bodies.
_NOUNS = frozenset({"remains"})

_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*")


@lru_cache(maxsize=65536)
def forms(word: str) -> frozenset[str]:
    """The lemmas a word may stand for: as written, as a noun, as a verb."""
    w = word.lower().replace("’", "'")
    return frozenset({w, noun_lemma(w), verb_lemma(w)})


@lru_cache(maxsize=16384)
def rule_forms(word: str) -> frozenset[str]:
    """The forms a rule's word matches: every form of it, except that an adjective of
    state stays itself ("living" is alive, not "live": to reside)."""
    w = word.lower().replace("’", "'")
    return frozenset({w}) if w in _STATES or w in _NOUNS else forms(w)


@lru_cache(maxsize=16384)
def words_of(text: str) -> tuple[str, ...]:
    """The words of a text, lower-cased."""
    return tuple(m.group().lower().replace("’", "'") for m in _WORD.finditer(text))


@dataclass(frozen=True)
class WordSet:
    """A compiled word list: phrases of lemma alternatives, and prefixes ("evacuat*")."""

    phrases: tuple[tuple[frozenset[str], ...], ...]
    prefixes: tuple[str, ...]
    # The phrases by each form of their first word: a claim's words are looked up, not
    # every phrase tried at every word (synonym lists hold dozens of phrases).
    by_first: dict[str, tuple[tuple[frozenset[str], ...], ...]] = field(default_factory=dict, compare=False, hash=False)

    @classmethod
    def of(cls, words: Iterable[str]) -> WordSet:
        phrases: list[tuple[frozenset[str], ...]] = []
        prefixes: list[str] = []
        for word in words:
            word = word.strip().lower().replace("’", "'")
            if word.endswith("*") and " " not in word:
                prefixes.append(word[:-1])
            elif word:
                phrases.append(tuple(rule_forms(w) for w in words_of(word)))
        kept = tuple(p for p in phrases if p)
        index: dict[str, list[tuple[frozenset[str], ...]]] = {}
        for phrase in kept:
            for form in phrase[0]:
                index.setdefault(form, []).append(phrase)
        return cls(kept, tuple(prefixes), {form: tuple(found) for form, found in index.items()})

    def __bool__(self) -> bool:
        return bool(self.phrases or self.prefixes)

    def matches(self, texts: Sequence[str]) -> bool:
        """Whether any phrase stands in a row in one of ``texts``, or any word of them
        starts with a prefix."""
        return any(self.matches_words(words_of(t)) for t in texts)

    def matches_words(self, words: Sequence[str]) -> bool:
        if not words:
            return False
        if self.prefixes and any(w.startswith(self.prefixes) for w in words):
            return True
        index = self.by_first
        lemmas = [forms(w) for w in words]
        last = len(lemmas)
        for k, first in enumerate(lemmas):
            for form in first:
                for phrase in index.get(form, ()):
                    n = len(phrase)
                    if k + n <= last and all(phrase[j] & lemmas[k + j] for j in range(1, n)):
                        return True
        return False
