"""Who gives a figure, and whether it stands inside a direct quotation.

Sources are found per sentence (each sentence scanned once, when a claim first needs
it) in these forms:

* "according to X", "citing X";
* "X said / says / told / estimated / reported / believes / announced ..." (also with
  adverbs, auxiliaries or a date between: "X later said", "UNRWA on Monday said");
* inverted after a quotation or a comma: "..., said X", "...,” added the statement";
* "added", "continued", "concluded" only when they introduce speech (after a
  quotation, or before "that", a comma, a colon or a quotation mark), since "the
  economy added 275,000 jobs" is a figure, not a source.

X is cleaned: articles dropped; a person's name after a title kept without it
("Pentagon Press Secretary Maj. Gen. Pat Ryder" -> "Pat Ryder"); an acronym in
apposition kept alone ("The UN agency for Palestinian refugees UNRWA" -> "UNRWA");
otherwise the noun phrase as written ("local health officials", "Gallant's office").
A pronoun ("he said", "it estimated") is resolved to the closest named source before it
in the sentence, else in the preceding sentences; "his office" to "<that source>'s
office"; a bare "the official" / "the ministry" to the fuller name given earlier ("a
senior Pentagon official" -> "senior Pentagon official").

For a claim, in this order:

1. inside a quotation: the source attached to the quotation (the reporting verb right
   after the closing mark, else the one introducing it);
2. "according to X" / "citing X" in its sentence, the closest;
3. the closest reporting verb before it in its sentence;
4. the closest reporting verb after it in its sentence ("..., officials said").
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factcheck.extract.context.document import cached, remember
from factcheck.extract.context.tokens import (
    ADVERBS,
    ARTICLES,
    AUXILIARIES,
    CLOSE_QUOTES,
    CONJUNCTIONS,
    DETERMINERS,
    OPEN_QUOTES,
    ORG_WORDS,
    PERSON_TITLES,
    POSSESSIVE_PRONOUNS,
    PREPOSITIONS,
    QUOTES,
    REPORT_VERBS,
    SPEAKER_PRONOUNS,
    SPEECH_VERBS,
    TITLE_WORDS,
    Token,
    is_verb_like,
    token_index_at,
)
from factcheck.extract.quantities.patterns import trie

if TYPE_CHECKING:
    from factcheck.extract.context.document import TextContext

__all__ = ["AttributionIndex", "Source", "quote_spans"]

_SPEECH_ONLY = frozenset("add adds added continue continues continued conclude concludes concluded".split())
_SKIP_BEFORE_VERB = ADVERBS | AUXILIARIES | frozenset(
    "on monday tuesday wednesday thursday friday saturday sunday yesterday today night morning "
    "afternoon evening late early last this week".split()
)
_SPEAKER_STOP = CONJUNCTIONS | frozenset({"as", "after", "before", "since", "until", "then", "than", "while"})
_DEFINITE_HEADS = frozenset(
    "official officials spokesman spokeswoman spokesperson ministry agency office statement "
    "minister secretary army military police government department organization organisation "
    "group report authorities".split()
)
_LOOKBACK_SENTENCES = 12
# A source is found only at a token "according", "citing" or a report verb, so a sentence
# whose lower-cased text holds none of them as a substring has none: it is not tokenized
# for its sources (looking back a dozen sentences for a named speaker would otherwise
# tokenize sentences nothing else reads). Letters only: a token's ``low`` is its text
# lower-cased, and these words have no apostrophe.
_TRIGGERS = re.compile(trie(sorted({"according", "citing", *REPORT_VERBS}), words_mode=False))
# Report words that are nouns after another noun ("citing intelligence estimates").
_NOUN_FORMS = frozenset({"estimates", "reports", "counts", "records", "claims", "notes", "tallies", "figures", "united"})


@dataclass(slots=True)
class Source:
    """One source statement in a sentence: ``speaker`` (cleaned) at verb offset ``at``."""

    speaker: str
    at: int
    end: int
    kind: str  # "according", "citing", "subject", "inverted"
    pronoun: bool = False
    raw_head: str | None = None


def quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Direct quotations in ``text[start:end]`` (one paragraph) as (open, close) offsets;
    close is the offset of the closing mark, or ``end`` for a quotation left open (it
    continues in the next paragraph). Straight double quotes alternate open / close."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for pos in range(start, end):
        ch = text[pos]
        if ch not in QUOTES:
            continue
        if ch == '"':
            if open_at is None:
                open_at = pos
            else:
                spans.append((open_at, pos))
                open_at = None
        elif ch in OPEN_QUOTES:
            if open_at is None:
                open_at = pos
        elif open_at is not None:
            spans.append((open_at, pos))
            open_at = None
        elif not spans:
            # Closes a quotation opened in an earlier paragraph.
            spans.append((start, pos))
    if open_at is not None:
        spans.append((open_at, end))
    return spans


def _clean(tokens: list[Token], text: str) -> tuple[str, bool, str | None] | None:
    """(speaker, is_pronoun, head word) for the tokens of a speaker noun phrase."""
    toks = [t for t in tokens]
    while toks and (toks[0].low in ARTICLES or toks[0].low in PREPOSITIONS or not (toks[0].is_word or toks[0].text[:1].isalnum())):
        toks.pop(0)  # and list bullets, dashes, quotation marks before the name
    while toks and not toks[-1].is_word and toks[-1].text != ".":
        toks.pop()
    if not toks:
        return None
    if len(toks) == 1 and toks[0].low in SPEAKER_PRONOUNS:
        return toks[0].low, True, None
    words = [t for t in toks if t.is_word]
    if not words:
        return None
    head = words[-1].low
    # A name after a title: "Defense Secretary Lloyd Austin" -> "Lloyd Austin".
    titles = [n for n, t in enumerate(toks) if t.low.rstrip(".") in PERSON_TITLES]
    if titles:
        after = [t for t in toks[titles[-1] + 1 :] if t.text != "."]
        if (
            after
            and all(t.is_word and t.is_capitalized for t in after)
            and len(after) <= 4
            and after[-1].low not in ORG_WORDS
        ):
            return text[after[0].start : after[-1].end], False, head
    last = words[-1]
    if len(words) > 1 and len(last.text) >= 2 and last.text.isupper() and any(not w.is_capitalized for w in words[:-1]):
        return last.text, False, head
    return text[toks[0].start : toks[-1].end], False, head


class AttributionIndex:
    """Sources per sentence and quotations per paragraph of one document (lazy)."""

    def __init__(self, ctx: TextContext) -> None:
        self.ctx = ctx
        # Bounded like the sentence caches: a document of 50,000 sentences would
        # otherwise keep every sentence's sources until its last claim.
        self._sources: OrderedDict[int, list[Source]] = OrderedDict()
        self._quotes: OrderedDict[int, list[tuple[int, int]]] = OrderedDict()

    # -- quotations -------------------------------------------------------------------

    def quotes(self, paragraph: int) -> list[tuple[int, int]]:
        spans = cached(self._quotes, paragraph)
        if spans is None:
            para = self.ctx.seg.paragraphs[paragraph]
            spans = quote_spans(self.ctx.text, para.start, para.end)
            remember(self._quotes, paragraph, spans)
        return spans

    def quotation_at(self, offset: int) -> tuple[int, int] | None:
        seg = self.ctx.seg
        if not seg.paragraphs:
            return None
        for o, c in self.quotes(seg.paragraph_index(offset)):
            if o < offset < c:
                return o, c
        return None

    # -- sources per sentence ---------------------------------------------------------

    def sources(self, sentence: int) -> list[Source]:
        found = cached(self._sources, sentence)
        if found is None:
            span = self.ctx.seg.sentences[sentence]
            found = self._scan(sentence) if _TRIGGERS.search(self.ctx.text[span.start : span.end].lower()) else []
            remember(self._sources, sentence, found)
        return found

    def _scan(self, sentence: int) -> list[Source]:
        ctx = self.ctx
        text = ctx.text
        toks = ctx.tokens(sentence)
        out: list[Source] = []
        n = len(toks)
        for k, t in enumerate(toks):
            low = t.low
            if low == "according" and k + 1 < n and toks[k + 1].low == "to":
                np = self._forward_np(toks, k + 2)
                cleaned = _clean(np, text) if np else None
                if cleaned:
                    out.append(Source(cleaned[0], t.start, t.end, "according", cleaned[1], cleaned[2]))
                continue
            if low == "citing":
                np = self._forward_np(toks, k + 1)
                cleaned = _clean(np, text) if np else None
                if cleaned:
                    out.append(Source(cleaned[0], t.start, t.end, "citing", cleaned[1], cleaned[2]))
                continue
            if low not in REPORT_VERBS:
                continue
            prev = toks[k - 1] if k else None
            if prev is not None and (prev.low in DETERMINERS or prev.is_possessive):
                continue  # "an estimated", "the reported"
            after_quote_or_comma = prev is not None and (prev.text in CLOSE_QUOTES or prev.text == "," or prev.text in QUOTES)
            if low in _SPEECH_ONLY and not after_quote_or_comma:
                nxt = toks[k + 1] if k + 1 < n else None
                if not (nxt is None or nxt.low == "that" or nxt.text in ",:." or nxt.text in QUOTES):
                    continue
            if after_quote_or_comma:
                np = self._forward_np(toks, k + 1)
                if np and np[0].low in PREPOSITIONS:
                    np = []
                cleaned = _clean(np, text) if np else None
                if cleaned:
                    out.append(Source(cleaned[0], t.start, t.end, "inverted", cleaned[1], cleaned[2]))
                    continue
            np = self._backward_np(toks, k)
            cleaned = _clean(np, text) if np else None
            if cleaned:
                out.append(Source(cleaned[0], t.start, t.end, "subject", cleaned[1], cleaned[2]))
            elif low in SPEECH_VERBS and k + 1 < n:
                np = self._forward_np(toks, k + 1)
                if np and np[0].low in PREPOSITIONS:
                    np = []
                cleaned = _clean(np, text) if np else None
                if cleaned and not cleaned[1] and any(w.is_capitalized for w in np):
                    out.append(Source(cleaned[0], t.start, t.end, "inverted", cleaned[1], cleaned[2]))
        return out

    def _forward_np(self, toks: list[Token], k: int) -> list[Token]:
        out: list[Token] = []
        n = len(toks)
        while k < n and len(out) < 12:
            t = toks[k]
            if self.ctx.is_boundary(t) or t.text in ".!?":
                # "Maj. Gen." keeps its periods.
                if t.text == "." and out and out[-1].low in TITLE_WORDS and k + 1 < n and toks[k + 1].is_capitalized:
                    out.append(t)
                    k += 1
                    continue
                break
            if t.low in _SPEAKER_STOP or t.low in ("who", "which"):
                break
            if out and is_verb_like(t, out[-1]) and t.low not in _NOUN_FORMS:
                break
            out.append(t)
            k += 1
        return out

    def _backward_np(self, toks: list[Token], k: int) -> list[Token]:
        m = k - 1
        while m >= 0 and (toks[m].low in _SKIP_BEFORE_VERB):
            m -= 1
        if m >= 1 and toks[m].text == ",":
            # An apposition: "Pat Ryder, Pentagon press secretary, said".
            back = m - 1
            while back >= 0 and m - back <= 7 and toks[back].text != "," and not self.ctx.is_boundary(toks[back]):
                back -= 1
            if back >= 1 and toks[back].text == ",":
                m = back - 1
        out: list[Token] = []
        while m >= 0 and len(out) < 12:
            t = toks[m]
            if self.ctx.is_boundary(t) or t.text in "!?":
                break
            if t.text == ".":
                # "Maj. Gen. Pat Ryder said"
                if m > 0 and toks[m - 1].low in TITLE_WORDS:
                    out.append(t)
                    m -= 1
                    continue
                break
            if t.low in _SPEAKER_STOP:
                break
            if t.is_word and is_verb_like(t, toks[m - 1] if m else None) and not t.is_capitalized:
                break
            if t.low in REPORT_VERBS and not t.is_capitalized:
                break
            out.append(t)
            m -= 1
        out.reverse()
        # Drop a leading preposition chain that is not part of the name ("in Gaza officials").
        while out and out[0].low in PREPOSITIONS:
            out.pop(0)
        return out

    # -- resolving ----------------------------------------------------------------------

    def _named_before(self, sentence: int, offset: int, want_head: str | None = None) -> str | None:
        """The closest named source before ``offset``, looking back a few sentences;
        with ``want_head``, the closest whose noun phrase ends in that word."""
        for s in range(sentence, max(-1, sentence - _LOOKBACK_SENTENCES), -1):
            for src in reversed(self.sources(s)):
                if src.at >= offset or src.pronoun:
                    continue
                if want_head is not None:
                    if src.raw_head == want_head and len(src.speaker.split()) > 1:
                        return src.speaker
                    continue
                if src.speaker.split()[0].lower() in POSSESSIVE_PRONOUNS:
                    continue
                return src.speaker
        return None

    def _resolve(self, src: Source, sentence: int) -> str | None:
        if src.pronoun:
            return self._named_before(sentence, src.at)
        words = src.speaker.split()
        if words[0].lower() in POSSESSIVE_PRONOUNS and len(words) > 1:
            owner = self._named_before(sentence, src.at)
            if owner is None:
                return src.speaker
            return f"{owner}'s {' '.join(words[1:])}"
        if len(words) == 1 and src.raw_head in _DEFINITE_HEADS:
            fuller = self._named_before(sentence, src.at, want_head=src.raw_head)
            if fuller is not None:
                return fuller
        return src.speaker

    def attribute(
        self, sentence: int, start: int, end: int, near: list[Source] | None = None
    ) -> tuple[str | None, bool, Source | None]:
        """(source, quoted, the Source used) for the claim at ``text[start:end]``;
        ``near``: the sentence's sources to choose from (default: all of them)."""
        quote = self.quotation_at(start)
        quoted = quote is not None
        if quote is not None:
            src = self._quote_source(quote)
            if src is not None:
                return self._resolve(src[0], src[1]), True, src[0]
        sources = self.sources(sentence) if near is None else near
        if not sources:
            return None, quoted, None
        according = [s for s in sources if s.kind in ("according", "citing")]
        if according:
            best = min(according, key=lambda s: abs(s.at - start))
            return self._resolve(best, sentence), quoted, best
        before = [s for s in sources if s.end <= start]
        if before:
            best = before[-1]
            if best.pronoun:
                named = [s for s in before if not s.pronoun]
                if named:
                    return self._resolve(named[-1], sentence), quoted, best
            return self._resolve(best, sentence), quoted, best
        after = [s for s in sources if s.at >= end]
        if after:
            return self._resolve(after[0], sentence), quoted, after[0]
        return None, quoted, None

    def _quote_source(self, quote: tuple[int, int]) -> tuple[Source, int] | None:
        open_at, close_at = quote
        seg = self.ctx.seg
        if close_at < len(self.ctx.text) and self.ctx.text[close_at] in QUOTES:
            si = seg.sentence_index(close_at)
            candidates = [si]
            if si + 1 < len(seg.sentences) and seg.sentence_paragraph[si + 1] == seg.sentence_paragraph[si]:
                candidates.append(si + 1)
            for s in candidates:
                toks = self.ctx.tokens(s)
                first_after = token_index_at(toks, close_at + 1)
                limit = toks[min(first_after + 16, len(toks) - 1)].end if toks else close_at
                for src in self.sources(s):
                    if close_at < src.at <= limit:
                        return src, s
                if s == si and any(t.start > close_at for t in toks):
                    break
        si = seg.sentence_index(open_at)
        before = [s for s in self.sources(si) if s.end <= open_at]
        if before:
            toks_between = [t for t in self.ctx.tokens(si) if before[-1].end <= t.start < open_at]
            if len(toks_between) <= 6:
                return before[-1], si
        return None
