"""Claim context: what a figure counts, what happened to it, where, who says so, and when.

``annotate(text, claims, published, gazetteer)`` fills the contract fields ``sentence``,
``entity``, ``predicate``, ``location``, ``attribution`` and ``as_of`` of every claim
(and ``entity_type``, ``location_source``, ``quoted``, ``as_of_precision``,
``as_of_source``, ``period_start``), returning new claims in the same order. The text
is segmented once; each sentence is tokenized once, and the document-wide indexes
(places, quotations, sources) are built once, however many claims there are.

Modules: ``segment`` (sentences and paragraphs), ``tokens`` (tokens and word lists),
``gazetteer`` (places), ``entity``, ``predicate``, ``location``, ``attribution``,
``dates``; ``document`` holds what is computed once per document. Each module's
docstring states its rules.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from factcheck.extract.context.attribution import AttributionIndex
from factcheck.extract.context.dates import date_claim
from factcheck.extract.context.document import TextContext
from factcheck.extract.context.entity import find_entity
from factcheck.extract.context.gazetteer import Gazetteer, default_gazetteer
from factcheck.extract.context.location import PlaceIndex, is_partitive
from factcheck.extract.context.predicate import coordinated, find_predicate
from factcheck.extract.context.segment import segment
from factcheck.extract.context.tokens import (
    AUXILIARIES,
    Token,
    is_participle,
    is_verb_like,
)
from factcheck.models import Claim
from factcheck.places import Place

__all__ = ["Gazetteer", "annotate", "default_gazetteer", "segment"]


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
    seg = ctx.seg
    if not seg.sentences:
        return [c.model_copy() for c in claims]
    attributions = AttributionIndex(ctx)
    places = PlaceIndex(ctx)

    def is_place(name: str) -> bool:
        return ctx.gazetteer.get(name) is not None

    # Claim spans per sentence, for "no other figure in between".
    by_sentence: dict[int, list[tuple[int, int]]] = {}
    for c in claims:
        by_sentence.setdefault(seg.sentence_index(c.start), []).append((c.start, c.end))

    out: list[Claim | None] = [None] * len(claims)
    # The previous claim in text order: sentence, paragraph, token end, predicate,
    # entity_type, character end.
    prev: tuple[int, int, int, str | None, str | None, int] | None = None
    order = sorted(range(len(claims)), key=lambda n: (claims[n].start, claims[n].end))
    for n in order:
        claim = claims[n]
        si = seg.sentence_index(claim.start)
        sent = seg.sentences[si]
        last = seg.sentence_index(max(claim.start, claim.end - 1))
        sentence = text[sent.start : max(sent.end, seg.sentences[last].end)]
        toks = ctx.tokens(si)
        i0, i1 = ctx.token_range(si, claim.start, claim.end)
        a, b = ctx.clause(si, i0, i1)
        clause_start = toks[a].start if a < len(toks) else sent.start
        clause_end = toks[b - 1].end if 0 < b <= len(toks) else sent.end
        paragraph = seg.sentence_paragraph[si]

        previous_type = prev[4] if prev is not None and prev[1] == paragraph else None
        ent = find_entity(toks, i0, i1, b, claim.unit, claim.kind, previous_type, is_place, text)
        pred = find_predicate(toks, i0, i1, (a, b), ent)
        predicate = pred.predicate
        if predicate is None and prev is not None and prev[0] == si and prev[3] and coordinated(toks, prev[2], i0):
            predicate = prev[3]

        # The whole of a partitive ("dozens of the remaining 128 ... are held in Rafah") is
        # located by its own noun phrase, not by the part's verb and place (location.py).
        whole = prev is not None and prev[0] == si and prev[5] <= claim.start and is_partitive(text[prev[5] : claim.start])
        place_start, place_end = clause_start, clause_end
        if whole:
            # its noun phrase runs to the first finite verb: participles modify the noun
            # ("the 15 people killed in Gaza City were ...": killed in Gaza City)
            k = i1
            while k < b and not _finite_verb(toks[k], toks[k - 1] if k > 0 else None):
                k += 1
            place_start, place_end = claim.start, max(claim.end, toks[k - 1].end if k > i1 else claim.end)
        # A vote tally is the act of a body, not an event of the story's setting (location.py).
        location, location_source = places.locate(
            claim.start, claim.end, si, place_start, place_end, setting=claim.kind != "tally", whole=whole
        )
        source, quoted, used = attributions.attribute(si, claim.start, claim.end)

        verbs = [(s.at, s.end) for s in attributions.sources(si) if s.kind in ("subject", "inverted")]
        if used is not None and (used.at, used.end) in verbs:
            verbs.remove((used.at, used.end))
            verbs.insert(0, (used.at, used.end))
        others = [span for span in by_sentence.get(si, []) if span != (claim.start, claim.end)]
        dating = date_claim(
            ctx.dates(si), (claim.start, claim.end), (clause_start, clause_end), sent.start, verbs, others, published
        )

        out[n] = claim.model_copy(
            update={
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
            }
        )
        prev = (si, paragraph, i1, predicate, ent.entity_type, claim.end)
    return [c for c in out if c is not None]
