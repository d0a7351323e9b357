"""One figure's recognition rules, compiled: the tests a claim must pass to be a claim
of that figure (steps 1-5 of the package docstring)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import regex

from factcheck import units as unit_tools
from factcheck.intervals import Interval
from factcheck.match.fields import ClaimFields
from factcheck.models import Claim
from factcheck.rules import patterns
from factcheck.rules.patterns import SentenceMemo, compile_words
from factcheck.rules.schema import MATCH_FIELDS, Figure


@dataclass(frozen=True)
class Assignment:
    figure: Figure
    factor: float  # from the claim's unit to the figure's
    score: int


class PatternTimeout(Exception):
    def __init__(self, figure: Figure, pattern: str) -> None:
        super().__init__(pattern)
        self.figure = figure
        self.pattern = pattern


class FigureMatcher:
    """One figure's recognition rules, compiled."""

    def __init__(self, figure: Figure, order: int) -> None:
        self.figure = figure
        self.order = order
        m = figure.match
        self.fields = {name: compile_words(tuple(getattr(m, name))) for name in MATCH_FIELDS}
        self.required = set(m.required)
        self.exclude = compile_words(tuple(m.exclude))
        self.sentence = [(p, regex.compile(p)) for p in m.sentence]
        self.exclude_sentence = [(p, regex.compile(p)) for p in m.exclude_sentence]
        self.surface = [(p, regex.compile(p)) for p in m.surface]
        self.kinds = set(m.claim_kinds)
        self.min_fields = m.min_fields
        self.min_value = m.min_value
        self.max_value = m.max_value

    def _search(self, pattern: tuple[str, regex.Pattern[str]], text: str) -> regex.Match[str] | None:
        try:
            return pattern[1].search(text, timeout=patterns.PATTERN_TIMEOUT)
        except TimeoutError:
            raise PatternTimeout(self.figure, pattern[0]) from None

    def _sentence_hits(self, k: int, sentence: str, span: tuple[int, int] | None, memo: SentenceMemo) -> bool:
        pattern = self.sentence[k]
        try:
            return memo.hits((self.order, k), pattern[1], sentence, span)
        except TimeoutError:
            raise PatternTimeout(self.figure, pattern[0]) from None

    def _plausible(self, interval: Interval | None, factor: float) -> bool:
        if self.min_value is None and self.max_value is None or interval is None:
            return True
        if factor != 1.0:
            interval = interval.scaled(factor)
        if self.min_value is not None and interval.hi < self.min_value:
            return False
        return self.max_value is None or interval.lo <= self.max_value

    def fields_score(
        self, kind: str | None, unit: str | None, values: Mapping[str, tuple[str, ...]], places: Sequence[str]
    ) -> tuple[float, int] | None:
        """The tests that read only the claim's kind, unit and fields (steps 1-3 of the
        module docstring but the patterns on the sentence): the unit factor and the
        number of positive field matches, or None. Claims of an archive share these
        inputs often, so ``Matcher`` remembers the answer."""
        if self.kinds and kind not in self.kinds:
            return None
        factor = unit_tools.factor(unit, self.figure.unit)
        if factor is None:
            return None
        if self.exclude is not None:
            for texts in values.values():
                if any(self.exclude.search(t) for t in texts):
                    return None
        positive = 0
        for name, pattern in self.fields.items():
            if pattern is None:
                continue
            present = values[name]
            if not present:
                if name in self.required:
                    return None
                continue
            if any(pattern.search(t) for t in present):
                positive += 1
            elif name == "location" and any(pattern.search(p) for p in places):
                positive += 1
            else:
                return None
        return factor, positive

    def finish(
        self, claim: Claim, fields: ClaimFields, span: tuple[int, int] | None, factor: float, positive: int,
        memo: SentenceMemo,
    ) -> Assignment | None:
        """The tests on the claim itself once ``fields_score`` passed: its value in the
        figure's range, the patterns on its sentence and surface, ``min_fields``."""
        if not self._plausible(fields.interval, factor):
            return None
        sentence = fields.sentence
        for pattern in self.exclude_sentence:
            if self._search(pattern, sentence) is not None:
                return None
        if self.sentence:
            if not any(self._sentence_hits(k, sentence, span, memo) for k in range(len(self.sentence))):
                return None
            positive += 1
        if self.surface and not any(self._search(p, claim.surface) is not None for p in self.surface):
            return None
        if positive < self.min_fields:
            return None
        return Assignment(self.figure, factor, positive)
