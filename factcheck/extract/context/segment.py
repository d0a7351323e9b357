"""Sentences and paragraphs, with exact offsets.

``segment(text)`` splits a document once; every claim then finds its sentence and
paragraph by offset (``Segmentation.sentence_index``, ``paragraph_index``), so the text
is never rescanned per claim.

Paragraphs: a blank line always ends one. A single line break ends one too (news copy
pasted from the web puts one paragraph per line, and headings stand on their own line),
unless the text is hard-wrapped: a line that stops mid-sentence (no closing punctuation)
and is followed by a line starting in lower case or with a digit, or a long line without
closing punctuation followed by more text, runs on into the next line; in a text wrapped
at a fixed width with blank lines between paragraphs, every single line break runs on.

Sentences never cross a paragraph. Inside one, a sentence ends at ``.``, ``!``, ``?`` or
an ellipsis (with any closing quotes and brackets after it) followed by white space and
something that can start a sentence (a capital, a digit, an opening quote or bracket).
Abbreviations decide the ambiguous cases:

* titles before a name never end a sentence ("Maj. Gen. Pat Ryder", "St. Louis");
* "No.", "Oct." and the like do not end one before a number ("No. 5", "Oct. 7"), nor does
  a currency abbreviated with a full stop ("Rs. 1,500", "Rp. 2 million": the currency
  prefixes of ``quantities/units.json`` that end in one);
* "U.S.", "U.N.", initials ("Lloyd J. Austin"), "Inc.", "a.m." end one only before a
  word that typically opens a sentence ("... aid to the U.S. The official said").
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

import regex

from factcheck.extract.quantities.units import currency_prefix_surfaces

__all__ = ["Segmentation", "Span", "segment"]


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


# Abbreviations that never end a sentence (they stand before a name).
_TITLES = frozenset(
    """
    mr mrs ms dr prof gen maj lt col capt sgt cpl pvt adm cmdr cdr gov sen rep rev hon
    pres supt insp det brig lieut sr jr st mt ft messrs mme mlle
    """.split()
)
# Abbreviations that do not end a sentence before a number.
_BEFORE_NUMBER = frozenset(
    "no nos vol art fig figs p pp ch sec para op jan feb mar apr jun jul aug sep sept oct nov dec".split()
)


@cache
def _currency_abbreviations() -> frozenset[str]:
    """Currencies written with a full stop before the number ("Rs.", "Rp."), lower case
    and without the stop, as ``_BEFORE_NUMBER``: the figures stage's own table, so a
    currency added there is known here too."""
    cased, caseless = currency_prefix_surfaces()
    return frozenset(p[:-1].lower() for p in (*cased, *caseless) if p.endswith(".") and p[:-1].isalpha())


# Abbreviations that may end a sentence (decided by the next word).
_AMBIGUOUS = frozenset(
    "inc corp co ltd llc plc bros etc vs approx est dept univ ave blvd rd".split()
)
# Words that typically open a sentence: after an ambiguous abbreviation they mean the
# abbreviation ended one.
_STARTERS = frozenset(
    """
    the a an he she it they we i you this that these those there here his her its their
    our my your but and or so yet in on at for after before when while as if since
    although though however meanwhile still also some many most all both no not one
    what who why how where then now today yesterday tomorrow last earlier later
    according officials police authorities residents witnesses critics
    """.split()
)
# What may follow a time abbreviation without ending the sentence ("9 a.m. Eastern").
_TIME_ZONES = frozenset("eastern pacific central mountain et pt ct mt gmt utc est edt pst pdt cst cdt local".split())

_TERMINAL = regex.compile(r"(?:\.{3}|…|[.!?]+)[”\"’')\]]*")
_WORD_BEFORE = regex.compile(r"(?:(?:\p{L}\.)+\p{L}?|[\p{L}\p{N}'’-]+)$")
_NEXT_WORD = regex.compile(r"\s+([\p{L}\p{N}][\p{L}\p{N}'’.-]*|[“\"‘'(\[])")
_LINE_END_PUNCT = frozenset(".!?:;”\"’')]…")


def _paragraphs(text: str) -> list[Span]:
    lines: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        lines.append((pos, pos + len(body)))
        pos += len(line)
    spans: list[Span] = []
    start: int | None = None
    prev_end = 0
    longest = max((e - s for s, e in lines), default=0)
    wrapped = _hard_wrapped(text, lines, longest)
    for i, (s, e) in enumerate(lines):
        content = text[s:e]
        stripped = content.strip()
        if not stripped:
            if start is not None:
                spans.append(Span(start, prev_end))
                start = None
            continue
        lead = s + (len(content) - len(content.lstrip()))
        tail = s + len(content.rstrip())
        if start is None:
            start = lead
        prev_end = tail
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if nxt is None:
            continue
        following = text[nxt[0] : nxt[1]].strip()
        if not following:
            continue
        if not (wrapped or _runs_on(stripped, following, longest)):
            spans.append(Span(start, prev_end))
            start = None
    if start is not None:
        spans.append(Span(start, prev_end))
    return spans


def _hard_wrapped(text: str, lines: list[tuple[int, int]], longest: int) -> bool:
    """Whether the text is hard-wrapped at a fixed width (e-mail, wire copy): blank lines
    separate paragraphs and most lines followed by another line come close to the width."""
    if longest > 100 or longest < 40:
        return False
    inner = [
        e - s
        for (s, e), (ns, ne) in pairwise(lines)
        if text[s:e].strip() and text[ns:ne].strip()
    ]
    if len(inner) < 3 or not any(not text[s:e].strip() for s, e in lines):
        return False
    near = sum(1 for n in inner if n >= 0.6 * longest)
    return near >= 0.6 * len(inner)


def _runs_on(line: str, following: str, longest: int) -> bool:
    """Whether a single line break inside ``line``/``following`` is a soft wrap."""
    if line[-1] in _LINE_END_PUNCT:
        return False
    if following[0].islower() or following[0].isdigit():
        return True
    # A hard-wrapped line is about as long as the longest line of the text; a heading
    # or a caption is short.
    return longest >= 40 and len(line) >= 0.75 * longest and len(line) >= 40


def _ends_sentence(text: str, stop: int, end: int, para_end: int) -> bool:
    """Whether the terminal punctuation ``text[stop:end]`` ends a sentence."""
    if end >= para_end:
        return True
    nxt = _NEXT_WORD.match(text, end, para_end)
    if nxt is None:
        return False
    following = nxt.group(1)
    first = following[0]
    if first.islower():
        return False
    if text[stop] != ".":
        return True
    if text[stop : stop + 3] == "..." or (end - stop > 1 and text[stop + 1] in ".!?"):
        return True
    word = _WORD_BEFORE.search(text, max(0, stop - 40), stop)
    if word is None:
        return True
    before = word.group()
    key = before.lower().replace(".", "")
    next_low = following.lower().rstrip(".")
    if "." in before or (len(before) == 1 and before.isupper()):
        # "U.S.", "a.m.", "D.C." or an initial "J."
        if before.islower():  # a.m., p.m., e.g.
            return next_low not in _TIME_ZONES
        return next_low in _STARTERS or first in "“\"‘'(["
    if key in _TITLES and text[stop] == ".":
        return False
    if key in _BEFORE_NUMBER or key in _currency_abbreviations():
        return not first.isdigit()
    if key in _AMBIGUOUS:
        return next_low in _STARTERS or first in "“\"‘'(["
    return True


def _sentences(text: str, para: Span) -> list[Span]:
    spans: list[Span] = []
    start = para.start
    for m in _TERMINAL.finditer(text, para.start, para.end):
        stop, end = m.start(), m.end()
        if stop > 0 and text[stop] == "." and text[stop - 1].isdigit() and end < para.end and text[end].isdigit():
            continue  # a decimal point
        if not _ends_sentence(text, stop, end, para.end):
            continue
        if text[start:end].strip():
            spans.append(Span(start, end))
        start = end
        while start < para.end and text[start].isspace():
            start += 1
    if start < para.end and text[start : para.end].strip():
        spans.append(Span(start, para.end))
    return spans


class Segmentation:
    """A document's paragraphs and sentences (both sorted, non-overlapping, stripped)."""

    def __init__(self, text: str, paragraphs: list[Span], sentences: list[Span], sentence_paragraph: list[int]) -> None:
        self.text = text
        self.paragraphs = paragraphs
        self.sentences = sentences
        # Index of the paragraph each sentence belongs to.
        self.sentence_paragraph = sentence_paragraph
        self._sentence_starts = [s.start for s in sentences]
        self._paragraph_starts = [p.start for p in paragraphs]

    def sentence_index(self, offset: int) -> int:
        """The sentence containing ``offset`` (or the last one starting before it)."""
        return max(0, bisect.bisect_right(self._sentence_starts, offset) - 1)

    def paragraph_index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._paragraph_starts, offset) - 1)


def segment(text: str) -> Segmentation:
    """Split ``text`` into paragraphs and sentences."""
    paragraphs = _paragraphs(text)
    sentences: list[Span] = []
    owner: list[int] = []
    for i, para in enumerate(paragraphs):
        for span in _sentences(text, para):
            sentences.append(span)
            owner.append(i)
    return Segmentation(text, paragraphs, sentences, owner)
