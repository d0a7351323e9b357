"""Where a figure is: the place a claim is about.

Every place the document names is found once (one gazetteer pass over the whole text)
and scored by how it is used, because most mentions of a country in news copy are
actors, not places ("Israel says", "pressing Israel", "Israel's offensive"):

====  ========================================================================
 3    locative: after in / inside / across / throughout / within / at / from /
      into / near / outside / around; the object of a verb of place ("fled
      Rafah", "struck Kharkiv"); "the city of Rafah", "residents of Gaza";
      a possessive of a population or place noun ("Gaza's population")
 2    after to / on / toward / over ("aid to Gaza", "the attack on Israel"); a
      place name used as a modifier ("Gaza civilians", "the Rafah operation")
 1    after for; a country name used as a modifier ("US officials")
 0    anything else: subjects, objects of other verbs, "Israel's offensive",
      names followed by another capitalised word ("Washington Post")
====  ========================================================================

A name right after a title or a first name ("Lloyd Austin", "Secretary Austin") is a
person, not a place, and is dropped. Demonyms ("Israeli", "Palestinians") say who, not
where: they are kept aside for the last fallback.

Anaphors are resolved to places: "there" to the last locative mention (score >= 2);
"the city" / "the town" to the last city or town, "the country" / "the nation" to the
last country, "the enclave" / "the territory" to the last territory, and so on by the
gazetteer's ``kind`` ("the region" is left alone: in news copy it is mostly the wider
region, not the last one named); "the north" / "the south" to the gazetteer's "northern X" /
"southern X" where X is the last country or territory named. Antecedents are looked
for in the same and the three preceding paragraphs.

A claim's location is, in this order (first that gives one):

1. its own phrase (the clause around it): the closest mention of score >= 1, locative
   ones (>= 2) first, anaphors included ("civilians sheltering there", "evacuated ...
   from the city", "a third of Gaza's population");
2. its sentence: the closest mention of score >= 2, locative ones (3) first;
3. its paragraph: the closest mention of score >= 2 before the claim's sentence, else
   after it;
4. the document's dominant place: the place with the highest total score of locative
   mentions (>= 2) in the whole text, ties to the one named first;
5. a demonym in the claim's own phrase ("12 Israeli soldiers" -> Israel);
6. none.

The claim's ``location_source`` says which step found the place: "phrase", "sentence",
"paragraph", "document" or "demonym". A place stated in the claim's own phrase makes the
claim a count of that place ("dozens of hostages are held in Rafah" counts the hostages
in Rafah, not in Gaza); one found further out is the story's setting, so figure matching
lets it stand for any place containing it (``factcheck.match``).

The whole of a partitive ("dozens of hostages of the remaining 128 hostages from the
Oct. 7 rampage are held in Rafah") is not where its part is: the verb and its place
belong to the part ("dozens ... are held in Rafah"), the whole is all the hostages. The
whole's own phrase is its noun phrase, up to the first verb ("the remaining 128 hostages
from the Oct. 7 rampage", "the 15 hospitals in Gaza City"); without a place there, its
sentence is skipped and the place comes from the paragraph's other sentences or the
document (steps 3-4), with that ``location_source``. ``PARTITIVE`` is what lies between
a part and its whole.

Which claims have a place: figures about people, things and events take the place of
their clause, sentence, paragraph or article (steps 1-5), since a story's setting is
where what it counts happened. A vote tally is different: it is the act of a body (a
council, an assembly, a parliament), which votes where it sits, whatever the story's
dateline or setting. A tally ("the resolution passed 14-0") is located only by its own
clause or sentence (steps 1 and 2: "passed 64-56 in Jerusalem"); otherwise it has no
location: none is better than a wrong one (a paragraph about a visit to Washington).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

import regex

from factcheck.extract.context.tokens import (
    ADVERBS,
    AUXILIARIES,
    CONJUNCTIONS,
    DETERMINERS,
    PREPOSITIONS,
    PRONOUNS,
    TITLE_WORDS,
    Token,
    is_verb_like,
    token_index_at,
)
from factcheck.places import Place

if TYPE_CHECKING:
    from factcheck.extract.context.document import TextContext

__all__ = ["PARTITIVE", "Mention", "PlaceIndex", "is_partitive"]

# What lies between the part and the whole of a partitive: "dozens [of hostages] of the
# remaining 128", "12 out of the 15", "a third of its 2.3 million".
PARTITIVE = regex.compile(
    r"\s*(?:of\s+(?:[\w'’-]+\s+){1,3})?(?:out\s+)?of\s+"
    r"(?:(?:the|its|their|his|her|these|those|all)\s+)?(?:[\w'’-]+\s+){0,2}"
)


def is_partitive(between: str) -> bool:
    """Whether ``between``, the text from the end of one figure to the start of the
    next in the same sentence, makes the first a part of the second."""
    return len(between) <= 60 and PARTITIVE.fullmatch(between) is not None


_LOCATIVE = frozenset("in inside across throughout within at from into near outside around beyond through via".split())
_TOWARD = frozenset("to on onto toward towards over".split())
_WEAK = frozenset({"for"})
# Verbs whose object is where something happens.
_PLACE_VERBS = frozenset(
    """
    fled flee flees fleeing left leave leaves leaving evacuated evacuate evacuates
    evacuating entered enter enters entering reached reach reaches reaching crossed
    cross crosses invaded invade invades invading struck strike strikes striking hit
    hits hitting bombed bomb bombs bombing shelled shell shelling attacked attack
    attacking stormed storm storming raided raid raiding besieged besiege visited visit
    visits visiting toured tour battered batter lashed lash pounded pound ravaged
    flooded flood swept sweep rocked rock shook shake devastated devastate hammered
    slammed blanketed scorched baked
    """.split()
)
# Nouns that make "X's <noun>" and "<noun> of X" about the place X.
_PLACE_NOUNS = frozenset(
    """
    population populations people residents inhabitants citizens civilians children women
    men families refugees displaced evacuees hospitals hospital schools homes houses
    streets cities towns villages camps north south east west center centre outskirts
    border borders coast coastline capital neighborhoods neighbourhoods areas area parts
    part region regions territory land soil economy farmers workers voters students
    patients dead wounded hostages prisoners cases infections deaths unemployment
    inflation temperatures temperature weather heat rainfall roads city town village
    districts district suburbs downtown interior airport crossings shelters heart
    health healthcare water electricity power grid housing rents prices schools
    counties county state states province provinces residents' rest remainder
    invasion siege bombardment evacuation occupation capture destruction shelling
    """.split()
)
_DIRECTION_ADJ = frozenset(
    "northern southern eastern western central northeastern northwestern southeastern "
    "southwestern occupied besieged war-torn neighboring neighbouring nearby "
    "greater upper lower coastal rural urban".split()
)
_KIND_ANAPHORS: dict[str, frozenset[str]] = {
    "city": frozenset({"city", "town"}),
    "town": frozenset({"town", "city"}),
    "village": frozenset({"town", "city"}),
    "country": frozenset({"country"}),
    "nation": frozenset({"country"}),
    "state": frozenset({"state"}),
    "province": frozenset({"province"}),
    "area": frozenset({"area", "region", "district"}),
    "territory": frozenset({"territory"}),
    "enclave": frozenset({"territory"}),
    "strip": frozenset({"territory"}),
    "camp": frozenset({"camp"}),
    "crossing": frozenset({"crossing"}),
}
_DIRECTIONS = "north south east west northeast northwest southeast southwest"
_ANAPHOR_RE = regex.compile(
    rf"""
      (?P<there>\bthere\b)
    | \bthe\s+(?:[\p{{Ll}}-]+\s+)?(?P<kind>{"|".join(_KIND_ANAPHORS)})\b(?!\s+of\s+\p{{Lu}})(?![-\p{{L}}])
    | \bthe\s+(?P<dir>{"|".join(_DIRECTIONS.split())})\b(?!\s+of\b)(?![-\p{{L}}])
    """,
    regex.VERBOSE,
)
# "there" that is not a place: "there are", "there is", "be there".
_EXISTENTIAL_AFTER = frozenset(
    "is are was were be been being has have had will would could should may might must "
    "seems seem seemed appears appear appeared remain remains remained exist exists "
    "existed 's 're isn't aren't wasn't weren't".split()
)
_EXISTENTIAL_BEFORE = frozenset("be been being is are was were".split())
_ANTECEDENT_PARAGRAPHS = 3
# "<noun> of X" is about the place X: "the city of Rafah", "residents of Gaza", "out of Gaza".
_OF_NOUNS = _PLACE_NOUNS | frozenset(_KIND_ANAPHORS) | {"out", "kilometres", "kilometers", "km", "miles", "metres", "meters", "mile"}


@dataclass(slots=True)
class Mention:
    """A place named (or referred to) in the document."""

    start: int
    end: int
    place: Place | None
    score: int
    sentence: int
    paragraph: int
    demonym: bool = False
    anaphor: str | None = None  # "there", "kind:city", "dir:north"


class PlaceIndex:
    """Every place mention of a document, scored, with anaphors resolved."""

    def __init__(self, ctx: TextContext) -> None:
        self.ctx = ctx
        self.mentions: list[Mention] = []
        self._starts: list[int] = []
        seg = ctx.seg
        text = ctx.text
        if not seg.sentences:
            return
        raw: list[Mention] = []
        for m in ctx.gazetteer.find(text):
            si = seg.sentence_index(m.start)
            mention = Mention(m.start, m.end, m.place, 0, si, seg.sentence_paragraph[si], m.via == "demonym")
            if not mention.demonym:
                score = self._score(mention)
                if score is None:
                    continue
                mention.score = score
            raw.append(mention)
        for m in _ANAPHOR_RE.finditer(text):
            si = seg.sentence_index(m.start())
            if m.group("there"):
                if not self._locative_there(si, m.start()):
                    continue
                raw.append(Mention(m.start(), m.end(), None, 3, si, seg.sentence_paragraph[si], anaphor="there"))
            else:
                tag = f"kind:{m['kind'].lower()}" if m.group("kind") else f"dir:{m['dir'].lower()}"
                mention = Mention(m.start(), m.end(), None, 0, si, seg.sentence_paragraph[si], anaphor=tag)
                word_start = m.start("kind") if m.group("kind") else m.start("dir")
                # An anaphor always refers to a place, so it is at least "used as a place".
                mention.score = max(self._score(mention, head_start=word_start) or 0, 2)
                raw.append(mention)
        raw.sort(key=lambda x: x.start)
        # Resolve anaphors in text order, so that a resolved one can be an antecedent.
        for mention in raw:
            if mention.anaphor is not None:
                mention.place = self._antecedent(mention)
                if mention.place is None:
                    continue
            self.mentions.append(mention)
        self._starts = [m.start for m in self.mentions]

    # -- scoring ----------------------------------------------------------------------

    def _score(self, mention: Mention, head_start: int | None = None) -> int | None:
        """How locative a mention is (see the module doc); None for a person's name."""
        ctx = self.ctx
        toks = ctx.tokens(mention.sentence)
        i = token_index_at(toks, mention.start if head_start is None else head_start)
        j = token_index_at(toks, mention.end - 1)
        if i >= len(toks):
            return 0
        text = ctx.text
        prev_tok = toks[i - 1] if i > 0 else None
        place = mention.place
        if (
            mention.anaphor is None
            and prev_tok is not None
            and prev_tok.is_word
            and prev_tok.is_capitalized
            and prev_tok.end == toks[i].start - 1
            and (i - 1 > 0 or prev_tok.low in TITLE_WORDS)
            and not self._is_place_word(prev_tok)
            and prev_tok.low not in _DIRECTION_ADJ
            and not prev_tok.is_possessive
        ):
            return None  # "Lloyd Austin", "Secretary Austin"
        after = text[mention.end : mention.end + 2]
        possessive = after in ("'s", "’s") or (text[mention.end - 1] == "s" and after[:1] in ("'", "’"))
        if possessive:
            return 3 if self._place_noun_follows(toks, j + 1) else 0
        # The word before, skipping articles and direction adjectives ("in the southern city").
        k = i - 1
        while k >= 0 and (toks[k].low in ("the", "a") or toks[k].low in _DIRECTION_ADJ):
            k -= 1
        prev = toks[k] if k >= 0 else None
        if prev is not None:
            if prev.low in _LOCATIVE:
                return 3
            if prev.low == "of":
                before = toks[k - 1] if k > 0 else None
                return 3 if before is not None and before.bare in _OF_NOUNS else 0
            if prev.low in _PLACE_VERBS and (k == 0 or toks[k - 1].low not in DETERMINERS):
                return 3
            if prev.low == "to" and k > 0 and toks[k - 1].low == "according":
                return 0  # "according to Israel": a source, not a place
            if prev.low in _TOWARD:
                return 2
            if prev.low in _WEAK:
                return 1
        # A modifier: followed by a lower-case noun ("Gaza civilians", "US position").
        nxt = toks[j + 1] if j + 1 < len(toks) else None
        if nxt is not None and mention.anaphor is None:
            if nxt.text == "-" and j + 2 < len(toks):
                nxt = toks[j + 2]
            if (
                nxt.is_word
                and not nxt.is_capitalized
                and nxt.low not in PREPOSITIONS | CONJUNCTIONS | AUXILIARIES | ADVERBS | PRONOUNS
                and not is_verb_like(nxt, None)
            ):
                return 1 if place is not None and place.kind == "country" else 2
        return 0

    def _place_noun_follows(self, toks: list[Token], k: int) -> bool:
        for t in toks[k : k + 3]:
            if not t.is_word:
                return False
            if t.bare in _PLACE_NOUNS:
                return True
        return False

    def _is_place_word(self, tok: Token) -> bool:
        return self.ctx.gazetteer.get(tok.text) is not None

    def _locative_there(self, sentence: int, start: int) -> bool:
        """Whether "there" at ``start`` is a place ("sheltering there"), not existential
        ("there are") or presence ("be there")."""
        toks = self.ctx.tokens(sentence)
        i = token_index_at(toks, start)
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        prev = toks[i - 1] if i > 0 else None
        if nxt is not None and nxt.low in _EXISTENTIAL_AFTER:
            return False
        if prev is not None and prev.low in _EXISTENTIAL_BEFORE:
            return False
        return not (prev is None and nxt is not None and nxt.is_word)

    # -- anaphors ---------------------------------------------------------------------

    def _antecedent(self, mention: Mention) -> Place | None:
        first_paragraph = max(0, mention.paragraph - _ANTECEDENT_PARAGRAPHS)
        tag = mention.anaphor or ""
        kinds: frozenset[str] | None = None
        direction: str | None = None
        if tag.startswith("kind:"):
            kinds = _KIND_ANAPHORS[tag[5:]]
        elif tag.startswith("dir:"):
            direction = tag[4:]
        for prior in reversed(self.mentions):
            if prior.paragraph < first_paragraph:
                break
            if prior.place is None or prior.start >= mention.start:
                continue
            place = prior.place
            if tag == "there":
                if prior.score >= 2 and not prior.demonym:
                    return place
            elif kinds is not None:
                if prior.demonym:
                    continue
                if place.kind in kinds and (prior.score >= 1 or place.kind not in ("city", "town")):
                    return place
            elif direction is not None:
                if not prior.demonym and place.kind in ("country", "territory"):
                    return self.ctx.gazetteer.part(direction, place)
        return None

    # -- locating a claim -------------------------------------------------------------

    def _between(self, start: int, end: int) -> list[Mention]:
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return self.mentions[lo:hi]

    @cached_property
    def dominant(self) -> Place | None:
        totals: dict[str, int] = {}
        first: dict[str, int] = {}
        places: dict[str, Place] = {}
        for m in self.mentions:
            if m.demonym or m.place is None or m.score < 2:
                continue
            name = m.place.name
            totals[name] = totals.get(name, 0) + m.score
            first.setdefault(name, m.start)
            places[name] = m.place
        if not totals:
            return None
        best = max(totals, key=lambda n: (totals[n], -first[n]))
        return places[best]

    def locate(
        self,
        start: int,
        end: int,
        sentence: int,
        clause_start: int,
        clause_end: int,
        setting: bool = True,
        whole: bool = False,
    ) -> tuple[str | None, str | None]:
        """The location of the claim at ``text[start:end]`` and where it was found
        ("phrase", "sentence", "paragraph", "document", "demonym"; None with no
        location), see the module doc. ``setting=False`` (vote tallies) stops after the
        claim's own sentence. ``whole=True``: the claim is the whole of a partitive,
        ``clause_start``/``clause_end`` span its noun phrase, and its sentence, whose
        place is the part's, is skipped."""

        def distance(m: Mention) -> int:
            if m.end <= start:
                return start - m.end
            if m.start >= end:
                return m.start - end
            return 0

        def name(m: Mention) -> str | None:
            return m.place.name if m.place is not None else None

        seg = self.ctx.seg
        sent = seg.sentences[sentence]
        own = [m for m in self._between(clause_start, clause_end) if not m.demonym and m.score >= 1]
        if own:
            return name(min(own, key=lambda m: (m.score < 2, distance(m)))), "phrase"
        if not whole:
            in_sentence = [m for m in self._between(sent.start, sent.end) if not m.demonym and m.score >= 2]
            if in_sentence:
                return name(min(in_sentence, key=lambda m: (m.score < 3, distance(m)))), "sentence"
        if not setting:
            return None, None
        para_index = seg.sentence_paragraph[sentence]
        para = seg.paragraphs[para_index]
        in_para = [m for m in self._between(para.start, para.end) if not m.demonym and m.score >= 2]
        before = [m for m in in_para if m.end <= sent.start]
        if before:
            return name(before[-1]), "paragraph"
        after = [m for m in in_para if m.start >= sent.end]
        if after:
            return name(after[0]), "paragraph"
        if self.dominant is not None:
            return self.dominant.name, "document"
        demonyms = [m for m in self._between(clause_start, clause_end) if m.demonym and m.place is not None]
        if demonyms:
            return name(min(demonyms, key=distance)), "demonym"
        return None, None
