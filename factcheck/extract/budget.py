"""How much of a document extraction reads: the per-document and per-sentence budgets.

Context analysis costs grow with the figures a sentence holds (each figure is read
against the others of its sentence), and memory with the figures a document holds. Text
dense with figures and without full stops (a table pasted as prose, a CSV export under
a ``.txt`` name) would otherwise take minutes and gigabytes far below the size limit.
So extraction reads at most ``document_numbers`` numbers of a document (or
``numbers_per_mib`` for each MiB of its text, if that is more: a long document may hold
more figures, a short one cannot hold memory far beyond its size) and at most
``sentence_numbers`` of one sentence; what lies beyond is not read, and the check
``not-fully-checked`` (``factcheck.check.budget``) reports it, naming what was cut.

Budgets count numbers written in digits (``\\d`` runs with their separators, "1,000",
"3.5"), never time: the same text gives the same cut on any machine and for any
``--jobs``, and ``read_plan`` is a pure function of the text, so the check finds the
cut that extraction made without being told.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

import regex

# A number written in digits, its thousands and decimal separators included.
_NUMBER = regex.compile(r"\d+(?:[.,]\d+)*")

DOCUMENT_NUMBERS = 20_000
NUMBERS_PER_MIB = 4_000
SENTENCE_NUMBERS = 5_000
MIB = 2**20


@dataclass(frozen=True, slots=True)
class Budget:
    """At most ``document_limit(len(text))`` numbers of a document and
    ``sentence_numbers`` of one sentence are read."""

    document_numbers: int = DOCUMENT_NUMBERS
    sentence_numbers: int = SENTENCE_NUMBERS
    numbers_per_mib: int = NUMBERS_PER_MIB

    def document_limit(self, chars: int) -> int:
        """The numbers a document of ``chars`` characters may hold."""
        return max(self.document_numbers, self.numbers_per_mib * chars // MIB)


DEFAULT_BUDGET = Budget()


@dataclass(frozen=True, slots=True)
class Cut:
    """A stretch of the text not read: from ``start`` (the first number not read) to
    ``end``; ``numbers`` the stretch's sentence (or the document) holds, ``read`` of
    them read. ``scope`` is "document" or "sentence"."""

    scope: str
    start: int
    end: int
    numbers: int
    read: int
    sentence_start: int = 0


@dataclass(frozen=True, slots=True)
class ReadPlan:
    """What extraction reads of a text: everything before ``limit``, except ``cuts``."""

    limit: int
    cuts: tuple[Cut, ...] = ()

    def reads(self, offset: int) -> bool:
        """Whether a figure starting at ``offset`` is read."""
        if offset >= self.limit:
            return False
        return not any(c.start <= offset < c.end for c in self.cuts if c.scope == "sentence")


def may_be_cut(text: str, budget: Budget = DEFAULT_BUDGET) -> bool:
    """Whether ``text`` is long enough to hold more numbers than ``budget`` reads (each
    takes at least two characters with the space after it): a cheap test first."""
    return len(text) > 2 * min(budget.sentence_numbers, budget.document_limit(len(text)))


def read_plan(text: str, budget: Budget = DEFAULT_BUDGET, sentences: Sequence[tuple[int, int]] | None = None) -> ReadPlan:
    """What of ``text`` is read within ``budget``. ``sentences`` (start, end) spans,
    else the text is segmented when it holds more numbers than one sentence may."""
    most = budget.document_limit(len(text))
    starts: list[int] = []
    total = 0
    for m in _NUMBER.finditer(text):
        if total <= most:
            starts.append(m.start())
        total += 1
    cuts: list[Cut] = []
    limit = len(text)
    if total > most:
        # Up to the next number, so the last number read keeps the words after it ("people").
        limit = starts[most]
        starts = starts[:most]
        cuts.append(Cut("document", limit, len(text), total, most))
    if len(starts) > budget.sentence_numbers:
        in_sentences, covers_rest = _sentence_cuts(text, starts, budget.sentence_numbers, limit, sentences)
        if covers_rest:
            # The last cut sentence holds every number left: it says all there is.
            cuts = []
        cuts[:0] = in_sentences
    return ReadPlan(limit, tuple(cuts))


def _sentence_cuts(
    text: str, starts: list[int], most: int, limit: int, sentences: Sequence[tuple[int, int]] | None
) -> tuple[list[Cut], bool]:
    """The sentences holding more than ``most`` numbers, and whether the last of them
    holds every number from the document's ``limit`` on."""
    if sentences is None:
        from factcheck.extract.context.segment import segment

        sentences = [(s.start, s.end) for s in segment(text).sentences]
    sentence_starts = [s for s, _ in sentences]
    cuts: list[Cut] = []
    covers_rest = False
    k = 0
    while k < len(starts):
        si = max(0, bisect.bisect_right(sentence_starts, starts[k]) - 1)
        s_start, s_end = sentences[si] if sentences else (0, len(text))
        j = bisect.bisect_left(starts, max(s_end, starts[k] + 1), lo=k)
        if j - k > most:
            # Numbers of this sentence beyond the read part (up to the document's limit).
            counted = j - k
            if s_end > limit:
                counted += sum(1 for _ in _NUMBER.finditer(text, limit, s_end))
                covers_rest = _NUMBER.search(text, s_end) is None
            cuts.append(Cut("sentence", starts[k + most], min(s_end, limit), counted, most, s_start))
        k = j
    return cuts, covers_rest
