"""One figure's recognition rules, compiled, and the score a claim earns against them
(the steps of the package docstring).

The score: ``predicate`` words found in the clause's verb or state +2 (in a participle
that only describes the noun +1), each other list that matches +1 (``mentions``: a date
the sentence mentions, +1); a list whose field is filled with other words -1 (not
``attribution``: who gives a figure says little about what it is). ``required`` lists
must match, ``exclude`` words and ``exclude_sentence`` patterns rule the claim out, and
``context`` words, ``sentence`` and ``surface`` patterns must match when given.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import regex

from factcheck import units as unit_tools
from factcheck.intervals import Interval
from factcheck.match.fields import ClaimFields, Evidence
from factcheck.match.words import WordSet, words_of
from factcheck.models import Claim
from factcheck.rules import patterns
from factcheck.rules.patterns import SentenceMemo
from factcheck.rules.schema import MATCH_FIELDS, Figure, Match
from factcheck.rules.synonyms import expand

# What a match earns (see the module docstring).
STRONG = 2
WEAK = 1
MISMATCH = -1


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


class DocumentWords:
    """The words of one document, read once, and which figures' ``topic`` it mentions."""

    def __init__(self, text: str | None) -> None:
        self.text = text
        self._words: tuple[str, ...] | None = None
        self._topics: dict[int, bool] = {}

    def mentions(self, order: int, topic: WordSet) -> bool:
        found = self._topics.get(order)
        if found is None:
            if self._words is None:
                self._words = words_of(self.text or "")
            found = self._topics[order] = topic.matches_words(self._words)
        return found


def _clause(claim: Claim, text: str | None) -> str | None:
    """The claim's own clause, when the frame and the document's text say where it is."""
    span = claim.frame.clause if claim.frame is not None else None
    if span is None or text is None or not (0 <= span[0] <= claim.start and claim.end <= span[1] <= len(text)):
        return None
    return text[span[0] : span[1]]


def effective_match(figure: Figure, figures: Mapping[str, Figure]) -> Match:
    """A part's match: its whole's, with the lists the part gives replacing the whole's
    (parts of parts inherit down the chain)."""
    if figure.part_of is None or figure.part_of not in figures:
        return figure.match
    whole = effective_match(figures[figure.part_of], figures)
    given = figure.match.model_dump(exclude_defaults=True)
    return whole.model_copy(update=given)


class FigureMatcher:
    """One figure's recognition rules, compiled."""

    def __init__(
        self, figure: Figure, order: int, match: Match, synonyms: Mapping[str, list[str]],
        reference: Sequence[tuple[date, float]] = (),
    ) -> None:
        self.figure = figure
        self.reference = sorted(reference)
        self.reference_days = [d.toordinal() for d, _ in self.reference]
        self.order = order
        self.is_part = figure.part_of is not None
        m = match
        self.fields = {name: WordSet.of(expand(getattr(m, name), synonyms)) for name in MATCH_FIELDS}
        self.required = set(m.required)
        if figure.part_of is not None:
            # What a part gives of its own is what tells it from its whole: it must match.
            self.required |= {name for name in MATCH_FIELDS if getattr(figure.match, name)}
        # A part of a claim of the whole counts what the whole counts: its own ``entity``
        # need not match then, unless the entity is all that tells the part apart.
        self.entity_waivable = figure.part_of is not None and any(
            getattr(figure.match, name) for name in MATCH_FIELDS if name != "entity"
        )
        self.exclude = WordSet.of(expand(m.exclude, synonyms))
        self.context = WordSet.of(expand(m.context, synonyms))
        self.topic = WordSet.of(expand(m.topic, synonyms))
        self.min_total, self.max_total = m.min_total, m.max_total
        self.mentions = frozenset(m.mentions)
        self.periods = frozenset(m.periods) if m.periods else frozenset({None})
        if figure.kind == "flow" and None in self.periods:
            self.periods |= {"span"}  # "fled over the past week": how a flow since a recent date is told
        self.rates = frozenset(m.rates) if m.rates else frozenset({None})
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

    def _plausible(self, interval: Interval | None, factor: float, day: date | None) -> bool:
        """The claim's value in [``min_value``, ``max_value``] and, with
        ``near_reference``, within that many times of the reference series at its date."""
        if interval is None:
            return True
        if factor != 1.0:
            interval = interval.scaled(factor)
        if self.min_value is not None and interval.hi < self.min_value:
            return False
        if self.max_value is not None and interval.lo > self.max_value:
            return False
        near = self.figure.near_reference
        if near is None or day is None or not self.reference:
            return True
        expected = self._reference_at(day)
        if expected is None or expected <= 0:
            return True
        return interval.hi >= expected / near and interval.lo <= expected * near

    def _total_fits(self, claim: Claim) -> bool:
        """A tally's parts add up to no less than ``min_total`` and no more than ``max_total``."""
        if (self.min_total is None and self.max_total is None) or not claim.parts:
            return True
        total = sum(claim.parts)
        return (self.min_total is None or total >= self.min_total) and (self.max_total is None or total <= self.max_total)

    def _reference_at(self, day: date) -> float | None:
        """The reference value at ``day``, interpolated between its points (None before
        the first point or more than a month after the last)."""
        t = day.toordinal()
        days = self.reference_days
        if t < days[0] or t > days[-1] + 31:
            return None
        k = bisect_right(days, t) - 1
        if k + 1 >= len(days) or days[k] == t:
            return self.reference[k][1]
        v0, v1 = self.reference[k][1], self.reference[k + 1][1]
        return v0 + (v1 - v0) * (t - days[k]) / (days[k + 1] - days[k])

    def fields_score(
        self, kind: str | None, unit: str | None, period: tuple[str | None, str | None], ev: Evidence, places: Sequence[str],
        linked: bool = False, within: Sequence[str] = (),
    ) -> tuple[float, int, int] | None:
        """The tests that read only the claim's kind, unit, period and evidence: the unit
        factor, the score and the number of lists that matched, or None. Claims of an
        archive share these inputs often, so ``Matcher`` remembers the answer."""
        if self.kinds and kind not in self.kinds:
            return None
        if period[0] not in self.periods or period[1] not in self.rates:
            return None
        factor = unit_tools.factor(unit, self.figure.unit)
        if factor is None:
            return None
        if self.exclude and self.exclude.matches([t for t in ev.own() if not t.startswith(("not ", "yet to "))]):
            return None
        score = positive = 0
        for name, words in self.fields.items():
            if not words:
                continue
            earned = self._earned(name, words, ev, places, linked, within)
            if earned is None:
                return None
            score += earned
            positive += earned > 0
        if self.mentions and self.mentions.intersection(ev.mentions):
            score += 1
            positive += 1
        return factor, score, positive

    def _earned(
        self, name: str, words: WordSet, ev: Evidence, places: Sequence[str], linked: bool = False, within: Sequence[str] = (),
    ) -> int | None:
        """What one list earns (None: a required list that does not match, or a place
        stated in the claim's phrase that lies within the figure's: "dozens are held in
        Rafah" count Rafah's hostages, a part of Gaza's, not Gaza's figure)."""
        required = name in self.required
        if name == "predicate":
            if words.matches(ev.strong):
                return STRONG
            if words.matches(ev.weak):
                return WEAK
            present = ev.strong or ev.weak
        else:
            present = getattr(ev, name)
            if words.matches(present) or (name == "location" and words.matches(places)):
                return 1
            if name == "location" and within and words.matches(within):
                return None
            if name in ("entity", "location") and ev.measured and words.matches(ev.measured):
                return 1  # "Israel's death toll is 1,200": what is measured says it
            if name == "entity" and linked and self.entity_waivable:
                return 0  # a part of a claim of this figure's whole counts what the whole counts
        if required:
            return None
        if name == "location" and not ev.location_stated:
            return 0  # a place the claim's phrase does not state is only its story's setting
        return MISMATCH if present and name != "attribution" else 0

    def finish(
        self, claim: Claim, fields: ClaimFields, span: tuple[int, int] | None, factor: float, score: int, positive: int,
        memo: SentenceMemo, document: DocumentWords,
    ) -> Assignment | None:
        """The tests on the claim itself once ``fields_score`` passed: its value in the
        figure's range, the patterns on its sentence and surface, ``context`` and
        ``topic`` words, ``min_fields``."""
        if not self._plausible(fields.interval, factor, claim.as_of) or not self._total_fits(claim):
            return None
        sentence = fields.sentence
        for pattern in self.exclude_sentence:
            if self._search(pattern, sentence) is not None:
                return None
        if self.context:
            # A topic word near the figure is evidence: in its clause, or anywhere in its
            # sentence when its own noun says little ("120 remain held").
            near = _clause(claim, document.text) or sentence
            if self.context.matches_words(words_of(near)) or (
                Evidence.of(claim).generic and self.context.matches_words(words_of(sentence))
            ):
                positive += 1
                score += 1
        if self.topic:
            if not document.mentions(self.order, self.topic):
                return None
            positive += 1  # the story is about the figure's subject: evidence like any list
            score += 1
        if self.sentence:
            if not any(self._sentence_hits(k, sentence, span, memo) for k in range(len(self.sentence))):
                return None
            positive += 1
            score += 1
        if self.surface and not any(self._search(p, claim.surface) is not None for p in self.surface):
            return None
        if positive < self.min_fields or score <= 0:
            return None
        return Assignment(self.figure, factor, score)
