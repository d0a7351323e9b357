"""What the context stage knows about one document, computed once and shared.

``TextContext`` segments the text once, and tokenizes each sentence and finds its dates
the first time a claim needs them, so annotating many claims never rescans the whole
text per claim. The document-wide indexes of places named and of who said what are
built over it by ``location.PlaceIndex`` and ``attribution.AttributionIndex``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import OrderedDict
from datetime import date
from typing import TypeVar

from factcheck.extract.context.dates import DateMention, find_dates
from factcheck.extract.context.gazetteer import Gazetteer
from factcheck.extract.context.segment import Segmentation, segment
from factcheck.extract.context.tokens import (
    CLAUSE_PUNCT,
    DASHES,
    Token,
    token_index_at,
    tokenize,
)

# How many sentences keep their tokens and dates (least recently used go first).
SENTENCE_CACHE = 512

_T = TypeVar("_T")


def cached(cache: OrderedDict[int, _T], key: int) -> _T | None:
    """The value cached for ``key`` (now the most recently used), or None."""
    value = cache.get(key)
    if value is not None:
        cache.move_to_end(key)
    return value


def remember(cache: OrderedDict[int, _T], key: int, value: _T) -> None:
    """Cache ``value`` for ``key``, forgetting the least recently used beyond ``SENTENCE_CACHE``."""
    cache[key] = value
    if len(cache) > SENTENCE_CACHE:
        cache.popitem(last=False)


class TextContext:
    def __init__(self, text: str, published: date | None, gazetteer: Gazetteer) -> None:
        self.text = text
        self.published = published
        self.gazetteer = gazetteer
        self.seg: Segmentation = segment(text)
        # Claims are annotated in text order and look back a paragraph or so, so only
        # recent sentences need their tokens; caching every sentence of a 20 MB
        # document would hold ~50 bytes per character.
        self._tokens: OrderedDict[int, list[Token]] = OrderedDict()
        self._dates: OrderedDict[int, list[DateMention]] = OrderedDict()
        self._boundaries: OrderedDict[int, list[int]] = OrderedDict()

    def tokens(self, sentence: int) -> list[Token]:
        """The tokens of sentence number ``sentence`` (cached for recent sentences)."""
        toks = cached(self._tokens, sentence)
        if toks is None:
            span = self.seg.sentences[sentence]
            toks = tokenize(self.text, span.start, span.end)
            remember(self._tokens, sentence, toks)
        return toks

    def dates(self, sentence: int) -> list[DateMention]:
        found = cached(self._dates, sentence)
        if found is None:
            span = self.seg.sentences[sentence]
            found = find_dates(self.text, span.start, span.end, self.published)
            remember(self._dates, sentence, found)
        return found

    def token_range(self, sentence: int, start: int, end: int) -> tuple[int, int]:
        """Token indices [i, j) of the tokens overlapping ``text[start:end]``."""
        toks = self.tokens(sentence)
        i = token_index_at(toks, start)
        j = i
        while j < len(toks) and toks[j].start < end:
            j += 1
        return i, max(j, i)

    def is_boundary(self, tok: Token) -> bool:
        """Whether ``tok`` ends a clause: , ; : ( ) quotes, a spaced dash."""
        if tok.text in CLAUSE_PUNCT and tok.text not in DASHES:
            return True
        if tok.text in DASHES:
            before = self.text[tok.start - 1] if tok.start > 0 else " "
            after = self.text[tok.end] if tok.end < len(self.text) else " "
            return before.isspace() or after.isspace() or tok.text != "-"
        return False

    def clause(self, sentence: int, i: int, j: int) -> tuple[int, int]:
        """Token indices [a, b) of the clause around tokens [i, j) of a sentence: from
        after the last clause boundary before ``i`` to the first at or after ``j``."""
        bounds = self.boundaries(sentence)
        before = bisect_left(bounds, i)
        after = bisect_left(bounds, j)
        a = bounds[before - 1] + 1 if before else 0
        b = bounds[after] if after < len(bounds) else len(self.tokens(sentence))
        return a, b

    def boundaries(self, sentence: int) -> list[int]:
        """Indices of the sentence's tokens that end a clause, in order (found once per
        sentence: a sentence of thousands of figures and no comma would otherwise be
        scanned whole for each of them)."""
        found = cached(self._boundaries, sentence)
        if found is None:
            found = [k for k, tok in enumerate(self.tokens(sentence)) if self.is_boundary(tok)]
            remember(self._boundaries, sentence, found)
        return found
