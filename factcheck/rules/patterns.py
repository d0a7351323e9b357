"""Regular expressions of rule files, run the way every stage runs them.

Rule files carry two kinds of patterns: word lists ("hostage", "evacuat*") compiled into
one case-insensitive whole-word pattern (``compile_words``), and regular expressions
(``sentence``, ``surface`` and the like) compiled with the ``regex`` module. A pattern
that runs on a claim's sentence runs with a timeout (``PATTERN_TIMEOUT``) and may name a
group ``claim`` that must overlap the claim's own figure (``sentence_hits``, with
``claim_span_in_sentence`` saying where the claim lies in its sentence). ``SentenceMemo``
remembers what the patterns found in one sentence for the next claim of the sentence.
``regex_problem`` says why a pattern does not compile, for the rule loader's messages.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from factcheck.models import Claim

# Seconds a rule's regular expression may run on one sentence.
PATTERN_TIMEOUT = 0.25

# The fields of a figure's ``match`` that hold regular expressions.
PATTERN_FIELDS: tuple[str, ...] = ("sentence", "exclude_sentence", "surface")


def _word_regex(word: str) -> str:
    word = word.strip().replace("’", "'")
    if word.endswith("*"):
        body, tail = word[:-1], r"\w*"
    else:
        body, tail = word, r"(?:s|es)?"
    parts = [regex.escape(p) for p in body.split()]
    return r"\s+".join(parts) + tail


@lru_cache(maxsize=4096)
def compile_words(words: tuple[str, ...]) -> regex.Pattern[str] | None:
    """One pattern matching any of ``words`` as whole words, case-insensitively."""
    if not words:
        return None
    alternatives = "|".join(_word_regex(w) for w in sorted(words, key=len, reverse=True))
    return regex.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", regex.IGNORECASE | regex.V0)


class SentenceMemo:
    """What the figures' sentence patterns found in one sentence, for the next claim of
    the same sentence (claims come in document order: a sentence's claims one after
    the other, a third of an archive's claims share their sentence with the previous).

    Kept per pattern: whether a pattern without a ``claim`` group matched anywhere, and
    for a pattern with one, the ``claim`` spans of all its matches once a claim's test
    had to go through all of them (it found none overlapping). A test that stopped at
    its first hit, or timed out, leaves nothing, so the next claim runs the pattern
    again exactly as it would have without the memo."""

    def __init__(self) -> None:
        self.sentence: str | None = None
        self.found: dict[tuple[int, int], bool | list[tuple[int, int]]] = {}

    def hits(self, key: tuple[int, int], compiled: regex.Pattern[str], sentence: str, span: tuple[int, int] | None) -> bool:
        """``sentence_hits(compiled, sentence, span)``, remembered under ``key``."""
        if sentence != self.sentence:
            self.sentence = sentence
            self.found.clear()
        known = self.found.get(key)
        plain = "claim" not in compiled.groupindex
        if plain or span is None:
            if isinstance(known, bool):
                return known
            hit = compiled.search(sentence, timeout=PATTERN_TIMEOUT) is not None
            if plain:  # with a claim group, a claim that has a span is asked otherwise
                self.found[key] = hit
            return hit
        if isinstance(known, list):
            return any(start < span[1] and span[0] < end for start, end in known)
        seen: list[tuple[int, int]] = []
        for m in compiled.finditer(sentence, overlapped=True, timeout=PATTERN_TIMEOUT):
            start, end = m.span("claim")
            if start < span[1] and span[0] < end:
                return True
            seen.append((start, end))
        self.found[key] = seen
        return False


def sentence_hits(compiled: regex.Pattern[str], sentence: str, span: tuple[int, int] | None) -> bool:
    """Whether ``compiled`` matches ``sentence``; when it has a group named ``claim``,
    that group must overlap ``span`` (the claim's place in the sentence). Raises
    ``TimeoutError`` after ``PATTERN_TIMEOUT`` seconds."""
    return SentenceMemo().hits((0, 0), compiled, sentence, span)


def claim_span_in_sentence(claim: Claim, text: str | None) -> tuple[int, int] | None:
    """Where the claim's surface lies in its sentence (character offsets)."""
    sentence = claim.sentence
    if not sentence:
        return None
    length = claim.end - claim.start
    if text is not None and 0 <= claim.start <= len(text):
        lo = max(0, claim.end - len(sentence))
        at = text.find(sentence, lo, claim.start + len(sentence))
        if at != -1 and at <= claim.start and claim.end <= at + len(sentence):
            return (claim.start - at, claim.start - at + length)
    at = sentence.find(claim.surface)
    if at == -1:
        return None
    return (at, at + len(claim.surface))


def regex_problem(pattern: str) -> tuple[str, int] | None:
    """Why ``pattern`` does not compile with the ``regex`` module, and where."""
    try:
        regex.compile(pattern)
    except regex.error as exc:
        return str(getattr(exc, "msg", exc)), int(exc.pos or 0)
    except (ValueError, OverflowError, RecursionError) as exc:
        return str(exc), 0
    return None
