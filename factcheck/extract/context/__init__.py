"""Claim context: what a figure counts, what happened to it, where, who says so, and when.

``annotate(text, claims, published, gazetteer)`` fills the contract fields ``sentence``,
``entity``, ``predicate``, ``location``, ``attribution`` and ``as_of`` of every claim
(and ``entity_type``, ``location_source``, ``quoted``, ``as_of_precision``,
``as_of_source``, ``period_start`` and ``frame``), returning new claims in the same
order. The text is segmented once; each sentence is tokenized, tagged and analysed once
(``frame``: the clause of each of its figures), and the document-wide indexes (places,
quotations, sources) are built once, however many claims there are.

Modules: ``segment`` (sentences and paragraphs), ``tokens`` (tokens and word lists),
``lemma`` and ``tagger`` (words and parts of speech), ``frame`` (the clause analysis),
``gazetteer`` (places), ``entity``, ``predicate``, ``location``, ``attribution``,
``dates``; ``document`` holds what is computed once per document. Each module's
docstring states its rules.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal, get_args, get_origin

from factcheck.extract.context.attribution import AttributionIndex
from factcheck.extract.context.dates import Dating, date_claim
from factcheck.extract.context.document import TextContext
from factcheck.extract.context.entity import EntityInfo, find_entity
from factcheck.extract.context.frame import COUNTING_VERBS, Frame, SentenceFrames
from factcheck.extract.context.gazetteer import Gazetteer, default_gazetteer
from factcheck.extract.context.location import PlaceIndex, is_partitive
from factcheck.extract.context.pair_dates import counted_back, owned_by_pair
from factcheck.extract.context.predicate import coordinated, find_predicate
from factcheck.extract.context.segment import segment
from factcheck.extract.context.tagger import tag
from factcheck.extract.context.tally import Tally, tallies
from factcheck.extract.context.tokens import AUXILIARIES, Token, is_participle, is_verb_like
from factcheck.extract.context.trusted import build
from factcheck.models import Claim, ClaimFrame
from factcheck.places import Place

__all__ = ["Gazetteer", "annotate", "default_gazetteer", "segment"]

# The ``as_of_source`` of the old value of a change ("from X to Y") that no date of its
# own dates: earlier than the story, not as of its publication.
EARLIER_SOURCE = "earlier"
# Words beyond which a sentence is not analysed clause by clause (see ``_frames``).
MAX_FRAME_WORDS = 2000
# The longest sentence a claim carries whole (characters); see ``_sentence_span``.
MAX_SENTENCE_CHARS = 2000


def _gazetteer(gazetteer: Gazetteer | Iterable[Place] | None) -> Gazetteer:
    if gazetteer is None:
        return default_gazetteer()
    if isinstance(gazetteer, Gazetteer):
        return gazetteer
    return Gazetteer(gazetteer)


def _finite_verb(tok: Token, prev: Token | None) -> bool:
    """A verb that ends a noun phrase: an auxiliary or a verb form that is not a participle."""
    return is_verb_like(tok, prev) and (tok.low in AUXILIARIES or not is_participle(tok.low))


def annotate(
    text: str,
    claims: Sequence[Claim],
    published: date | None,
    gazetteer: Gazetteer | Iterable[Place] | None = None,
) -> list[Claim]:
    """The claims with their context filled in (new objects, same order).

    ``published`` is the date relative dates resolve against (without it they stay
    unresolved and undated claims get no ``as_of``). ``gazetteer`` is a ``Gazetteer``,
    a list of ``Place`` records, or None for the one shipped with the rules.
    """
    if not claims:
        return []
    ctx = TextContext(text, published, _gazetteer(gazetteer))
    if not ctx.seg.sentences:
        return [c.model_copy() for c in claims]
    annotator = _Annotator(ctx, claims)
    out: list[Claim | None] = [None] * len(claims)
    for n in sorted(range(len(claims)), key=lambda n: (claims[n].start, claims[n].end)):
        out[n] = annotator.claim(claims[n])
    return [c for c in out if c is not None]


@dataclass(frozen=True, slots=True)
class _Previous:
    """What the claim annotated just before (in text order) leaves to the next one."""

    sentence: int
    paragraph: int
    token_end: int
    predicate: str | None
    entity_type: str | None
    end: int
    entity: EntityInfo | None = None


class _Annotator:
    """The context of a document's claims, one claim at a time in text order."""

    def __init__(self, ctx: TextContext, claims: Sequence[Claim]) -> None:
        self.ctx = ctx
        self.text = ctx.text
        self.attributions = AttributionIndex(ctx)
        self.places = PlaceIndex(ctx)
        # Claim spans per sentence, for "no other figure in between" and the frames.
        self.by_sentence: dict[int, list[tuple[int, int]]] = {}
        for c in claims:
            self.by_sentence.setdefault(ctx.seg.sentence_index(c.start), []).append((c.start, c.end))
        for spans in self.by_sentence.values():
            spans.sort()
        # Each claim's place among its sentence's figures (a sentence may hold thousands).
        self.position = {span: k for spans in self.by_sentence.values() for k, span in enumerate(spans)}
        self.frames: dict[int, SentenceFrames] = {}
        self.claims_at = {(c.start, c.end): c for c in claims}
        self.tallies: dict[int, Tally | None] = {}
        self._sentence: tuple[tuple[int, int], str] = ((-1, -1), "")
        self.strings: dict[str, str] = {}
        self.prev: _Previous | None = None
        # The datings of the last paired claims (by start): the new value dates "a year
        # earlier" of the old one (``pair_dates``).
        self.pair_datings: dict[int, Dating] = {}
        # Per kind: (sentence, its items, their starts, the items sorted), see ``_near``.
        self._sorted: dict[str, tuple[int, list[Any], list[int], list[Any]]] = {}

    def _frames(self, si: int) -> SentenceFrames:
        """The clause analysis of sentence ``si`` (once, for all its claims)."""
        found = self.frames.get(si)
        if found is None:
            spans = [self.ctx.token_range(si, s, e) for s, e in self.by_sentence[si]]
            toks = self.ctx.tokens(si)
            # A "sentence" of thousands of words is a table or a dump, not a clause to
            # analyse: its figures get empty frames, and its cost stays bounded.
            words = tag(toks, spans) if len(toks) <= MAX_FRAME_WORDS else []
            found = self.frames[si] = SentenceFrames(words, spans, self.text)
            if len(self.frames) > 64:  # claims come in text order: old sentences are done
                self.frames.pop(next(iter(self.frames)))
        return found

    def _tally(self, si: int) -> Tally | None:
        """The vote tally sentence ``si`` tells in words, if any (``tally``)."""
        if si not in self.tallies:
            claims = [self.claims_at[span] for span in self.by_sentence[si]]
            self.tallies[si] = tallies(claims, self._frames(si).frames) if len(claims) >= 2 else None
            if len(self.tallies) > 64:
                self.tallies.pop(next(iter(self.tallies)))
        return self.tallies[si]

    def claim(self, claim: Claim) -> Claim:
        ctx, seg = self.ctx, self.ctx.seg
        si = seg.sentence_index(claim.start)
        k = self.position[(claim.start, claim.end)]
        vote = self._tally(si)
        whole_start: int | None = None
        if vote is not None and k == vote.anchor:
            claim = claim.model_copy(update={"kind": "tally", "parts": list(vote.parts)})
        elif vote is not None and k in vote.members:
            whole_start = self.by_sentence[si][vote.anchor][0]  # a part of the tally
        sent = seg.sentences[si]
        last = seg.sentence_index(max(claim.start, claim.end - 1))
        span = self._sentence_span(claim, sent.start, max(sent.end, seg.sentences[last].end))
        if self._sentence[0] != span:  # claims of one sentence share its string
            self._sentence = (span, self.text[span[0] : span[1]])
        sentence = self._sentence[1]
        toks = ctx.tokens(si)
        i0, i1 = ctx.token_range(si, claim.start, claim.end)
        a, b = ctx.clause(si, i0, i1)
        clause = (toks[a].start if a < len(toks) else sent.start, toks[b - 1].end if 0 < b <= len(toks) else sent.end)
        paragraph = seg.sentence_paragraph[si]
        prev = self.prev
        frames = self._frames(si)
        frame = frames.frames[k]

        previous_type = prev.entity_type if prev is not None and prev.paragraph == paragraph else None
        same_sentence = prev is not None and prev.sentence == si
        ent = find_entity(
            toks, i0, i1, b, claim.unit, claim.kind, previous_type, self._is_place, self.text,
            start=a, role=claim.role,
            previous=prev.entity if same_sentence and prev is not None else None,
            previous_end=prev.token_end if same_sentence and prev is not None else None,
        )
        predicate = self._predicate(frame, find_predicate(toks, i0, i1, (a, b), ent).predicate, toks, si, i0)
        location, location_source = self._locate(claim, si, toks, i1, b, clause)
        # In a sentence longer than a claim carries whole, the sources, dates and
        # figures read with a claim are those of its stretch: looking through all of
        # them for each figure would cost the square of the sentence (a table without
        # full stops holds thousands of each).
        near = span if span != (sent.start, max(sent.end, seg.sentences[last].end)) else None
        sources = self._near("sources", si, self.attributions.sources(si), near)
        dates = self._near("dates", si, ctx.dates(si), near)
        source, quoted, used = self.attributions.attribute(si, claim.start, claim.end, sources)
        described = [
            (frames.words[x].tok.start, frames.words[y - 1].tok.end) for x, y in frame.described_spans if y > x
        ]
        dating = self._date(claim, si, sent.start, clause, used, described, sources, dates, near)
        self.prev = _Previous(si, paragraph, i1, predicate, ent.entity_type, claim.end, ent)
        # A new claim from validated values, sharing one "fields set" (``_ALL_FIELDS``):
        # ``model_copy`` would give each its own set of field names, ~2 KB a claim.
        values = dict(claim.__dict__)
        values.update(
            {
                "sentence": sentence,
                "entity": ent.entity,
                "entity_type": ent.entity_type,
                "predicate": predicate,
                "location": location,
                "location_source": location_source,
                "attribution": source,
                "quoted": quoted,
                "as_of": dating.as_of,
                "as_of_precision": dating.precision,
                "as_of_source": dating.source,
                "period_start": dating.period_start,
                "frame": _claim_frame(
                    frame, frames, ent, sorted({d.value for d in dates if d.value is not None and d.role != "since"}),
                    whole_start if whole_start is not None else self._whole_before(si) if frame.whole_before else None,
                    "tally" if whole_start is not None else None,
                    claim,
                ),
            }
        )
        self._share_strings(values, values["frame"].__dict__)
        return build(Claim, _ALL_FIELDS, values)

    def _share_strings(self, values: dict[str, Any], frame_values: dict[str, Any]) -> None:
        """A claim's and its frame's strings replaced by the document's shared ones, and
        its frame's empty lists by one shared list, in place."""
        shared = self._shared
        for held, keys in ((values, _CLAIM_TEXT), (frame_values, _FRAME_TEXT)):
            for key in keys:
                value = held[key]
                if isinstance(value, str):
                    held[key] = shared(value)
        for key in _FRAME_LISTS:
            value = frame_values[key]
            if not value:
                # Most of a frame's lists are empty: one shared empty list (claims
                # are never changed in place; every stage makes new ones).
                frame_values[key] = _EMPTY
            elif isinstance(value[0], str):
                frame_values[key] = [shared(v) for v in value]

    def _shared(self, value: str) -> str:
        """One string object per distinct short string of the document: the same
        words ("people", "evacuate", "officials") fill the fields of thousands of
        claims, each a separate object otherwise."""
        if len(value) > 80:
            return value
        return self.strings.setdefault(value, value)

    def _sentence_span(self, claim: Claim, start: int, end: int) -> tuple[int, int]:
        """The part of the text a claim gives as its sentence: the sentence, or, for one
        longer than ``MAX_SENTENCE_CHARS`` (a table or a dump without full stops), the
        stretch around the figure, cut at spaces; every claim carrying all of a huge
        "sentence" would make the output grow with the square of the input."""
        if end - start <= MAX_SENTENCE_CHARS:
            return start, end
        half = MAX_SENTENCE_CHARS // 2
        lo, hi = max(start, claim.start - half), min(end, claim.end + half)
        text = self.text
        if lo > start:
            cut = text.find(" ", lo, claim.start)
            lo = cut + 1 if cut != -1 else lo
        if hi < end:
            cut = text.rfind(" ", claim.end, hi)
            hi = cut if cut != -1 else hi
        return lo, hi

    def _whole_before(self, si: int) -> int | None:
        """The start of the figure a sentence opening "They include ..." takes its parts
        from: the last current figure of the sentence before, unless that figure only
        names the whole of another ("Of 34,622 deaths, 24,686 were identified. They
        include ...": the identified)."""
        if si - 1 not in self.by_sentence:
            return None
        before = self._frames(si - 1)
        for k in range(len(before.figures) - 1, -1, -1):
            f = before.frames[k]
            if f.role == "current" and f.how != "whole":
                return before.words[before.figures[k][0]].tok.start
        return None

    def _is_place(self, name: str) -> bool:
        return self.ctx.gazetteer.get(name) is not None

    def _predicate(self, frame: Frame, found: str | None, toks: list[Token], si: int, i0: int) -> str | None:
        """The clause's verb when the frame found one; else the nearest verb form, or
        the predicate of the figure this one is coordinated with."""
        predicate = frame.predicate_text() or found
        if found and (
            frame.how in ("measure", "modifier") or (frame.how == "whole" and predicate is None)  # "the death toll rose to": killed
            or (frame.verb in COUNTING_VERBS and frame.described_by)  # "counted 300 people who fled": fled
            or (predicate and found.startswith(predicate) and len(found) > len(predicate))  # "unable to live in ..."
        ):
            predicate = found
        prev = self.prev
        if predicate is None and prev is not None and prev.sentence == si and prev.predicate and coordinated(toks, prev.token_end, i0):
            predicate = prev.predicate
        return predicate

    def _locate(self, claim: Claim, si: int, toks: list[Token], i1: int, b: int, clause: tuple[int, int]) -> tuple[str | None, str | None]:
        """The claim's place. The whole of a partitive ("dozens of the remaining 128 ...
        are held in Rafah") is located by its own noun phrase, not by the part's verb and
        place (location.py); a vote tally is the act of a body, not an event of the
        story's setting."""
        prev = self.prev
        whole = prev is not None and prev.sentence == si and prev.end <= claim.start and is_partitive(self.text[prev.end : claim.start])
        place_start, place_end = clause
        if whole:
            # its noun phrase runs to the first finite verb: participles modify the noun
            # ("the 15 people killed in Gaza City were ...": killed in Gaza City)
            k = i1
            while k < b and not _finite_verb(toks[k], toks[k - 1] if k > 0 else None):
                k += 1
            place_start, place_end = claim.start, max(claim.end, toks[k - 1].end if k > i1 else claim.end)
        return self.places.locate(
            claim.start, claim.end, si, place_start, place_end, setting=claim.kind != "tally", whole=whole
        )

    def _near(self, kind: str, si: int, items: list[_Positioned], near: tuple[int, int] | None) -> list[_Positioned]:
        """``items`` of sentence ``si`` (sources, dates: anything with ``start``), or,
        given the stretch ``near``, those starting in it, in text order; each
        sentence's items are sorted once."""
        if near is None:
            return items
        found = self._sorted.get(kind)
        if found is None or found[0] != si or found[1] is not items:
            start_of = _STARTS[kind]
            ordered = sorted(items, key=start_of)
            found = self._sorted[kind] = (si, items, [start_of(x) for x in ordered], ordered)
        _, _, starts, ordered = found
        return ordered[bisect_left(starts, near[0]) : bisect_left(starts, near[1])]

    def _date(  # noqa: ANN202 - a Dating
        self, claim: Claim, si: int, sentence_start: int, clause: tuple[int, int], used: object,
        described: list[tuple[int, int]], sources: list[Any], dates: list[Any], near: tuple[int, int] | None,
    ):
        verbs = [(s.at, s.end) for s in sources if s.kind in ("subject", "inverted")]
        at = (getattr(used, "at", None), getattr(used, "end", None))
        if used is not None and at in verbs:
            verbs.remove(at)  # type: ignore[arg-type]
            verbs.insert(0, at)  # type: ignore[arg-type]
        # A date in a phrase that only describes the counted thing ("hostages abducted on
        # Oct. 7 are still held") is that event's date, not the figure's.
        mentions = [d for d in dates if not any(s <= d.start and d.end <= e for s, e in described)]
        pair = claim.pair_start
        if pair is not None and claim.role in ("after", "change"):
            # the old value's own dates ("from 41,000 in 2019 to 55,000") are not the new one's
            mentions = [d for d in mentions if not owned_by_pair(d.start, d.end, claim.start, pair, self.text)]
        figures = self.by_sentence.get(si, [])
        if near is not None:
            figures = figures[bisect_left(figures, (near[0], near[0])) : bisect_left(figures, (near[1], near[1]))]
        dating = date_claim(mentions, (claim.start, claim.end), clause, sentence_start, verbs, figures, self.ctx.published)
        if claim.role == "before" and dating.source == "published":
            # The old value of "dropped from $1,980 to $1,740" is not what the story
            # says holds on its date: it is an earlier value, dated by words that count
            # back from the new value ("a year earlier"), else of unknown date.
            anchor = self.pair_datings.get(pair) if pair is not None else None
            back = counted_back(self.text, claim.end, anchor or Dating(self.ctx.published, "day", "published"))
            dating = back or Dating(None, None, EARLIER_SOURCE, dating.period_start)
        if pair is not None and claim.role != "conversion":
            self.pair_datings[claim.start] = dating
            if len(self.pair_datings) > 64:  # claims come in text order: pairs are near
                self.pair_datings.pop(next(iter(self.pair_datings)))
        return dating


_Positioned = Any  # a Source (``at``) or a DateMention (``start``)
_STARTS: dict[str, Callable[[Any], int]] = {"sources": lambda s: s.at, "dates": lambda d: d.start}


_FRAME_FIELDS = set(ClaimFrame.model_fields)


def _may_be_text(annotation: Any) -> bool:
    """Whether a field of this type can hold a string (``str``, ``str | None``, a Literal)."""
    if annotation is str or get_origin(annotation) is Literal:
        return True
    return any(_may_be_text(arg) for arg in get_args(annotation) if get_origin(annotation) is not list)


# The fields whose strings a claim shares with the document's other claims (``_shared``),
# and a frame's lists; found once from the models, not by testing every value of every claim.
_CLAIM_TEXT = tuple(n for n, f in Claim.model_fields.items() if _may_be_text(f.annotation))
_FRAME_TEXT = tuple(n for n, f in ClaimFrame.model_fields.items() if _may_be_text(f.annotation))
_FRAME_LISTS = tuple(n for n, f in ClaimFrame.model_fields.items() if get_origin(f.annotation) is list)
_EMPTY: list[Any] = []
_ALL_FIELDS = set(Claim.model_fields)


def _claim_frame(
    frame: Frame, frames: SentenceFrames, ent: EntityInfo, mentions: list[date], whole: int | None = None,
    relation: str | None = None, claim: Claim | None = None,
) -> ClaimFrame:
    """The ``ClaimFrame`` of a frame; the whole of a part is named by its start offset
    (claims get their ids later, ``factcheck.extract.documents``). ``whole`` is the
    start of a whole found beyond the sentence's own analysis (the tally a count is part
    of, the figure of the sentence before "They include ..."), ``relation`` how."""
    whole_start, value_of_start = whole, None
    if frame.part_of is not None and whole is None:
        whole_start = frames.words[frames.figures[frame.part_of][0]].tok.start
    if frame.versus is not None:
        value_of_start = frames.words[frames.figures[frame.versus][0]].tok.start
    role = frame.role
    if claim is not None and claim.role == "before":
        # "from X to Y": X is an earlier value of Y's figure (one notion of an earlier
        # value: the checks set it aside, the matcher gives it Y's figure).
        role = "earlier"
        if claim.pair_start is not None:
            value_of_start = claim.pair_start
    # Built without validation (every value comes from the analysis above, typed) and
    # with one shared "fields set": a validated model keeps a set of the 25 field names
    # per instance, most of a frame's memory on a page of figures.
    return build(ClaimFrame, _FRAME_FIELDS, {
        "noun": frame.noun,
        "modifiers": frame.modifiers,
        "verb": frame.verb,
        "complement": frame.complement,
        "voice": frame.voice,
        "tense": frame.tense,
        "negated": frame.negated,
        "stance": frame.stance,
        "how": frame.how,
        "described_by": frame.described_by,
        "agent": frame.agent,
        "acted_on": frame.acted_on,
        "measured": frame.measured,
        "part_of": None,
        "whole_start": whole_start,
        "part_relation": relation or (frame.part_relation if frame.part_of is not None or frame.part_noun or whole_start is not None else None),
        "whole_noun": frame.part_noun,
        "period": frame.period,
        "rate": frame.rate,
        "role": role,
        "vote": frame.vote,
        "mentions": mentions,
        "clause": frame.clause,
        "place": frame.place,
        "value_of": None,
        "value_of_start": value_of_start,
    })
