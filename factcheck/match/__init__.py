"""Assigning claims to figures from their extracted fields.

Each figure's ``match`` block (see ``factcheck.rules.schema.Match``) becomes a
``FigureMatcher``: its word lists are compiled once into case-insensitive whole-word
patterns ("hostage" also matches "hostages"; "evacuat*" matches any ending), its
regular expressions with the ``regex`` module. A claim is scored against every figure
(O(claims x figures), one pass) and goes to the best match:

1. the claim's unit must convert into the figure's (a count is never a length);
2. no ``exclude`` word may appear in the claim's fields, no ``exclude_sentence``
   pattern may match its sentence;
3. every word list whose field extraction filled must match (an empty field does not
   count against the claim, unless it is ``required``), and so must one ``sentence``
   and one ``surface`` pattern when there are any; a ``sentence`` pattern with a group
   named ``claim`` must have that group overlap the claim's own figure;
4. at least ``min_fields`` lists or sentence patterns must match positively;
5. the claim's interval must reach into [``min_value``, ``max_value``] when given.

Places follow the gazetteer's containment (``Place.within``, from the rule set's
``places``; the shipped gazetteer when it has none) when the claim's place is only its
setting: a claim whose location extraction inferred from its sentence, paragraph or
article (``Claim.location_source``) matches a figure whose ``location`` words name
Gaza when that place is Rafah, because Rafah lies within Gaza (the claim's place, then
each place it lies within, is tried by name and aliases). A place stated in the claim's
own phrase ("dozens of hostages are held in Rafah"; ``location_source`` "phrase", or a
"demonym" there) makes the claim a count of that place, a part of Gaza's, so it does
not match the Gaza-wide figure. A claim whose source is not known (written out by hand)
is treated as a setting. Containment runs one way only: a claim about the whole of Gaza
does not match a figure about Rafah. ``exclude`` words are tried on the claim's own
fields only, not on the places around it.

Among the figures a claim matches it goes to the one with the highest ``priority``
(a figure with a narrow pattern, "hostages alive", outranks the broad "hostages held"),
then to the one with the most positive matches, then to the one defined first. Every regular expression runs with a timeout
(``PATTERN_TIMEOUT`` seconds); a pattern that times out does not match, and the run's
notes name the figure and where it is defined.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from factcheck import units as unit_tools
from factcheck.extract.context.location import is_partitive
from factcheck.intervals import Interval
from factcheck.models import Claim
from factcheck.rules.schema import MATCH_FIELDS, Figure, RuleSet

if TYPE_CHECKING:
    from factcheck.extract.context.gazetteer import Gazetteer

# Distinct claim fields whose figures ``Matcher`` remembers; the bound keeps a huge
# archive of unique values from growing memory without limit.
FIELD_ANSWERS_KEPT = 100_000
# Seconds a rule's regular expression may run on one sentence.
PATTERN_TIMEOUT = 0.25
# Where a claim's place is stated rather than inferred (``Claim.location_source``):
# containment does not apply to it.
STATED = frozenset({"phrase", "demonym"})


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


def _normal(text: str | None) -> str | None:
    return text.replace("’", "'") if text else text


@dataclass(frozen=True)
class Assignment:
    figure: Figure
    factor: float  # from the claim's unit to the figure's
    score: int


@dataclass(frozen=True)
class ClaimFields:
    """What ``FigureMatcher.finish`` reads of one claim, prepared once per claim for
    all its candidate figures: the sentence, the interval."""

    sentence: str
    interval: Interval | None

    @classmethod
    def of(cls, claim: Claim) -> ClaimFields:
        return cls(_normal(claim.sentence) or "", Interval.from_claim(claim))


def field_values(claim: Claim) -> dict[str, tuple[str, ...]]:
    """The claim's non-empty field values by ``match`` field, as ``fields_score`` reads them."""
    return {
        "entity": _present(claim.entity, claim.entity_type),
        "predicate": _present(claim.predicate),
        "location": _present(claim.location),
        "attribution": _present(claim.attribution),
    }


def _present(*texts: str | None) -> tuple[str, ...]:
    return tuple(t.replace("’", "'") for t in texts if t)


class PatternTimeout(Exception):
    def __init__(self, figure: Figure, pattern: str) -> None:
        super().__init__(pattern)
        self.figure = figure
        self.pattern = pattern


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
            return pattern[1].search(text, timeout=PATTERN_TIMEOUT)
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


class Matcher:
    """Every figure of a rule set, ready to assign claims."""

    def __init__(self, rules: RuleSet, gazetteer: Gazetteer | None = None) -> None:
        self.rules = rules
        self.matchers = [FigureMatcher(f, k) for k, f in enumerate(rules.figures.values())]
        self.notes: list[str] = []
        self._noted: set[str] = set()
        self._gazetteer = gazetteer
        self._containers: dict[str, tuple[str, ...]] = {}
        self._by_fields: dict[tuple[object, ...], list[tuple[FigureMatcher, float, int]]] = {}
        self._sentences = SentenceMemo()

    @property
    def gazetteer(self) -> Gazetteer:
        """The places of the rule set (the shipped gazetteer when it has none), as
        extraction reads them."""
        if self._gazetteer is None:
            from factcheck.extract.context.gazetteer import Gazetteer, default_gazetteer

            self._gazetteer = Gazetteer(self.rules.places) if self.rules.places else default_gazetteer()
        return self._gazetteer

    def containers(self, location: str | None) -> tuple[str, ...]:
        """Every name and alias of the places ``location`` lies within, nearest first
        ("Rafah" -> "southern Gaza", ..., "Gaza", "Gaza Strip", ...)."""
        if not location:
            return ()
        found = self._containers.get(location)
        if found is None:
            names: list[str] = []
            place = self.gazetteer.get(location)
            seen = {place.name} if place is not None else set()
            while place is not None:
                place = self.gazetteer.container(place)
                if place is None or place.name in seen:  # a cycle in `within`
                    break
                seen.add(place.name)
                names += [place.name, *place.aliases]
            found = self._containers[location] = tuple(_normal(n) or n for n in names)
        return found

    def assign(self, claim: Claim, text: str | None = None) -> Assignment | None:
        """The figure ``claim`` belongs to, if any. ``text`` is its document's text,
        used to place the claim within its sentence."""
        candidates = self._candidates(claim)
        if not candidates:  # most claims of an archive: nothing more to read
            return None
        span = claim_span_in_sentence(claim, text)
        fields = ClaimFields.of(claim)
        best: tuple[tuple[int, int, int], Assignment] | None = None
        for matcher, factor, positive in candidates:
            try:
                found = matcher.finish(claim, fields, span, factor, positive, self._sentences)
            except PatternTimeout as exc:
                self._timeout(exc, claim)
                continue
            if found is None:
                continue
            key = (matcher.figure.priority, found.score, -matcher.order)
            if best is None or key > best[0]:
                best = (key, found)
        return best[1] if best else None

    def _candidates(self, claim: Claim) -> list[tuple[FigureMatcher, float, int]]:
        """The figures whose ``fields_score`` the claim passes, with its answer; keyed
        by the raw fields the answer depends on."""
        key = (claim.kind, claim.unit, claim.entity, claim.entity_type, claim.predicate, claim.location,
               claim.attribution, claim.location_source in STATED)
        found = self._by_fields.get(key)
        if found is None:
            if len(self._by_fields) >= FIELD_ANSWERS_KEPT:
                self._by_fields.clear()
            places = self.containers(_normal(claim.location)) if claim.location_source not in STATED else ()
            values = field_values(claim)
            found = []
            for matcher in self.matchers:
                answer = matcher.fields_score(claim.kind, claim.unit, values, places)
                if answer is not None:
                    found.append((matcher, *answer))
            self._by_fields[key] = found
        return found

    def _timeout(self, exc: PatternTimeout, claim: Claim) -> None:
        where = self.rules.origins.get(("figure", exc.figure.id))
        prefix = f"{where}: " if where else ""
        # A "warning: " note reaches stderr in every format: a figure silently not
        # matched must not go unnoticed by a pipeline reading JSON.
        note = (
            f"warning: {prefix}figure '{exc.figure.id}': the pattern {exc.pattern!r} took longer than "
            f"{PATTERN_TIMEOUT:g}s on a sentence of {claim.doc or 'a document'} and was taken as not matching; simplify it"
        )
        self.note(note)

    def note(self, message: str) -> None:
        """Add ``message`` to the run's notes, once."""
        if message not in self._noted:
            self._noted.add(message)
            self.notes.append(message)

    def assign_all(self, claims: Sequence[Claim], texts: Mapping[str, str] | None = None) -> list[tuple[Claim, Assignment | None]]:
        """Each claim with its assignment. A claim that already names a figure of the
        rule set keeps it (its unit must still convert).

        A part of a count is not the count: when a claim is the part of a partitive
        ("X of the N ...", ``factcheck.extract.context.location.PARTITIVE``) whose
        whole went to the same figure, the part is left without a figure ("dozens of the
        remaining 128 hostages are still held": the dozens are some of the 128).
        "97 of the 251 hostages are still held" keeps both: the 97 are held, the 251
        were taken. (When the part states its own place, "... are held in Rafah", it is
        a count of that place and does not match the whole's figure in the first place.)"""
        return self.finish_all(claims, self.assign_each(claims, texts), texts)

    def assign_each(self, claims: Sequence[Claim], texts: Mapping[str, str] | None = None) -> list[Assignment | None]:
        """Each claim's own assignment (``assign_all`` before the partitives are
        settled: each claim alone, so that slices can be assigned in parallel)."""
        texts = texts or {}
        out: list[Assignment | None] = []
        for claim in claims:
            if claim.figure is not None and claim.figure in self.rules.figures:
                figure = self.rules.figures[claim.figure]
                factor = unit_tools.factor(claim.unit, figure.unit)
                out.append(Assignment(figure, factor, 0) if factor is not None else None)
                continue
            out.append(self.assign(claim, texts.get(claim.doc)))
        return out

    def finish_all(
        self, claims: Sequence[Claim], assignments: Sequence[Assignment | None], texts: Mapping[str, str] | None = None
    ) -> list[tuple[Claim, Assignment | None]]:
        """``assign_all`` from ``assign_each``'s answers: the parts of partitives let go."""
        out = list(zip(claims, assignments, strict=True))
        for part, whole in partitives([c for c, _ in out], texts or {}):
            a, b = out[part][1], out[whole][1]
            if a is not None and b is not None and a.figure.id == b.figure.id and out[part][0].figure is None:
                out[part] = (out[part][0], None)
        return out


def partitives(claims: Sequence[Claim], texts: Mapping[str, str]) -> list[tuple[int, int]]:
    """Pairs (part, whole) of indexes into ``claims``: claims of one document and one
    sentence where the text between them reads as a partitive ("dozens of the remaining
    128"). Needs the documents' texts; claims without one are never paired."""
    by_doc: dict[str, list[int]] = {}
    for k, c in enumerate(claims):
        by_doc.setdefault(c.doc, []).append(k)
    pairs: list[tuple[int, int]] = []
    for doc_id, indexes in by_doc.items():
        text = texts.get(doc_id)
        if not text:
            continue
        indexes.sort(key=lambda k: claims[k].start)
        for a, b in zip(indexes, indexes[1:], strict=False):
            part, whole = claims[a], claims[b]
            if part.sentence != whole.sentence or not (0 <= part.end <= whole.start <= len(text)):
                continue
            if is_partitive(text[part.end : whole.start]):
                pairs.append((a, b))
    return pairs


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
