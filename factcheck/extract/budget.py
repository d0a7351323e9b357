"""How much of a document extraction reads: the per-document and per-sentence budgets.

Context analysis costs grow with the figures a sentence holds (each figure is read
against the others of its sentence), and memory with the figures a document holds. Text
dense with figures and without full stops (a table pasted as prose, a CSV export under
a ``.txt`` name) would otherwise take minutes and gigabytes far below the size limit.
So extraction reads at most ``document_numbers`` numbers of a document and at most
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
SENTENCE_NUMBERS = 5_000


@dataclass(frozen=True, slots=True)
class Budget:
    """At most ``document_numbers`` numbers of a document and ``sentence_numbers`` of
    one sentence are read."""

    document_numbers: int = DOCUMENT_NUMBERS
    sentence_numbers: int = SENTENCE_NUMBERS


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


def read_plan(text: str, budget: Budget = DEFAULT_BUDGET, sentences: Sequence[tuple[int, int]] | None = None) -> ReadPlan:
    """What of ``text`` is read within ``budget``. ``sentences`` (start, end) spans,
    else the text is segmented when it holds more numbers than one sentence may."""
    starts: list[int] = []
    total = 0
    for m in _NUMBER.finditer(text):
        if total < budget.document_numbers + 1:
            starts.append(m.start())
        total += 1
    cuts: list[Cut] = []
    limit = len(text)
    if total > budget.document_numbers:
        # Up to the next number, so the last number read keeps the words after it ("people").
        limit = starts[budget.document_numbers]
        starts = starts[: budget.document_numbers]
        cuts.append(Cut("document", limit, len(text), total, budget.document_numbers))
    if len(starts) > budget.sentence_numbers:
        cuts[:0] = _sentence_cuts(text, starts, budget.sentence_numbers, limit, sentences)
    return ReadPlan(limit, tuple(cuts))


def _sentence_cuts(
    text: str, starts: list[int], most: int, limit: int, sentences: Sequence[tuple[int, int]] | None
) -> list[Cut]:
    if sentences is None:
        from factcheck.extract.context.segment import segment

        sentences = [(s.start, s.end) for s in segment(text).sentences]
    sentence_starts = [s for s, _ in sentences]
    cuts: list[Cut] = []
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
            cuts.append(Cut("sentence", starts[k + most], min(s_end, limit), counted, most, s_start))
        k = j
    return cuts
