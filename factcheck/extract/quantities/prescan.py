"""Where a match of the one compiled pattern can start: one cheap pass before it.

The compiled pattern's own guard (``patterns._start_guard``) admits every word that can
begin a match, "the" and "in" among them, and the big pattern is then tried there and
fails, at great cost, almost everywhere. ``candidates(text)`` finds the positions worth
trying: a position is a candidate when it holds a digit, a vulgar fraction, a number
word, a month, a URL or a designation; a hedge, another prefix word or a sign only when
a digit, a vulgar fraction or a number word starts within ``PREFIX_REACH`` characters
after it on the same line. ``matches(text)`` runs the pattern anchored at the
candidates: the matches ``finditer`` finds, in a fraction of the time
(``benchmarks/README.md``).

The prescan is one pass of the standard library's ``re`` over the text, with a pattern
of four character classes, and set lookups on the words it finds: about a fifth of what
a scan with ``_start_guard`` alone costs.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import regex

from factcheck.extract.quantities import exclusions as ex
from factcheck.extract.quantities import number_words as nw
from factcheck.extract.quantities.patterns import (
    VULGAR,
    currency_signs,
    first_words,
    pattern,
    trie,
)

# How far after a hedge, currency sign or other prefix the number it introduces may
# start (same line). The longest real prefix chain -- hedge, "aged", hedge, "percent
# of", currency -- is about 80 characters with single spaces.
PREFIX_REACH = 160

# What follows the letters of a designation: "A320", "Res.2728", "F-16"
_DESIGNATION_NEXT = frozenset(".-0123456789")


def _core_words() -> list[str]:
    """Words that are a number or an amount by themselves: a match that starts with
    something else (a hedge, "the", a currency sign) has one of these, or a digit,
    after it."""
    return sorted(
        {*nw.CARDINAL_WORDS, *nw.SCALE_WORDS, *nw.DOZEN_WORDS, *nw.FRACTION_WORDS,
         "half", "quarter", "tens", "hundreds", "thousands", "millions", "billions", "trillions", "dozens",
         "scores", "several"}
    )


@dataclass(frozen=True)
class Prescan:
    """The compiled prescan: its patterns and word sets (``prescan_parts``)."""

    tokens: re.Pattern[str]  # one pass: digit runs (group 1), signs (2), letter runs (3), line breaks (4)
    designation: re.Pattern[str]  # "A320", "F-16", "Res.2728", matched at a word's start
    core: re.Pattern[str]  # a number word at the start of a lower-case word
    core_heads: frozenset[str]  # first three letters of every number word
    always: frozenset[str]  # lower-case words that are candidates wherever they stand
    cased: frozenset[str]  # words that are, as written ("May", not "may")
    starters: frozenset[str]  # lower-case words that are candidates before a number
    not_after: str  # a word is not a candidate right after one of these
    # What each word seen is (``word_kind``): a pure function of the word, looked up
    # once per distinct word instead of three set lookups and a trie match per
    # occurrence; bounded by ``WORD_KINDS``.
    kinds: dict[str, int] = field(default_factory=dict)


# Bits of ``Prescan.word_kind``.
CORE, ALWAYS, STARTER = 1, 2, 4
# Distinct words whose kind is remembered (a hostile text of random words would
# otherwise grow the table without bound): past it, the table starts again.
WORD_KINDS = 50_000


def word_kind(scan: Prescan, word: str) -> int:
    """What a run of letters is: a number word at its start (``CORE``), a candidate
    wherever it stands (``ALWAYS``), a candidate before a number (``STARTER``)."""
    kind = scan.kinds.get(word)
    if kind is None:
        lower = word.lower()
        kind = 0
        if (lower[:3] in scan.core_heads or lower[:2] in scan.core_heads) and scan.core.match(lower):
            kind |= CORE
        if lower in scan.always or word in scan.cased:
            kind |= ALWAYS
        elif lower in scan.starters:
            kind |= STARTER
        if len(scan.kinds) >= WORD_KINDS:
            scan.kinds.clear()
        scan.kinds[word] = kind
    return kind


def prescan_parts() -> dict[str, Any]:
    """The sources and word sets of ``Prescan``."""
    core_words = set(_core_words())
    cased_months = {w for w in ex.MONTHS_CASED.split("|") if w}
    months = {w.replace("\\", "").lower() for w in ex.MONTHS_CASELESS.split("|") if w}
    always = core_words | months | {"http", "https", "www"}
    starters = {w for w in first_words() if w not in always and w not in {m.lower() for m in cased_months}}
    # a word with a sign inside ("s&p") is found by its first run of letters ("s")
    for words in (always, starters):
        words.update(regex.match("[a-z]*", w).group() for w in list(words) if not w.isalpha())
        words.discard("")
    return {
        "tokens": (
            rf"([0-9{regex.escape(VULGAR)}]+)"
            + r"|([-−+.#(\[{<" + regex.escape(currency_signs()) + "])"
            + r"|([A-Za-z]+)"
            + r"|(\n)"
        ),
        "designation": r"[A-Za-z][A-Za-z.]*[0-9]|[A-Za-z][A-Za-z0-9]*-[A-Za-z]*[0-9]",
        "core": trie(sorted(core_words)),
        "core_heads": frozenset(w[:3] for w in core_words),
        "always": frozenset(always),
        "cased": frozenset(cased_months),
        "starters": frozenset(starters),
        "not_after": "0123456789_'’",
    }


_compiled: Prescan | None = None
_lock = threading.Lock()


def compiled() -> Prescan:
    """The compiled ``Prescan`` (built once)."""
    global _compiled
    if _compiled is None:
        with _lock:
            if _compiled is None:
                parts = prescan_parts()
                for name in ("tokens", "designation", "core"):
                    parts[name] = re.compile(parts[name])
                _compiled = Prescan(**parts)
    return _compiled


def candidates(text: str) -> list[int]:
    """Where a match of ``pattern()`` can start in ``text``, in order."""
    scan = compiled()
    found: list[int] = []
    cores: list[int] = []  # where a digit or a number word starts
    prefixes: list[int] = []  # hedges, prefix words, signs: candidates if a number follows
    lines: list[int] = []
    not_after, kinds = scan.not_after, scan.kinds
    designation = scan.designation.match
    for m in scan.tokens.finditer(text):
        kind, at = m.lastindex, m.start()
        if kind == 3:  # a run of letters
            word = m.group()
            bits = kinds.get(word)
            if bits is None:
                bits = word_kind(scan, word)
            if bits & CORE:
                cores.append(at)
            if at and text[at - 1] in not_after:
                continue
            if bits & ALWAYS:
                found.append(at)
            elif bits & STARTER:
                prefixes.append(at)
            elif text[m.end() : m.end() + 1] in _DESIGNATION_NEXT and designation(text, at):
                found.append(at)
        elif kind == 1:
            # every digit: a figure can end inside a run and the next start there ("½½")
            found.extend(range(at, m.end()))
            cores.append(at)
        elif kind == 2:
            prefixes.append(at)
        else:
            lines.append(at)
    if prefixes:
        lines.append(len(text))
        for at in prefixes:
            k = bisect_left(cores, at)
            if k == len(cores):
                break  # no number after this point at all
            core = cores[k]
            if core - at <= PREFIX_REACH and core < lines[bisect_left(lines, at)]:
                found.append(at)
    return sorted(set(found))


def matches(text: str) -> Iterator[Any]:
    """The matches of ``pattern()`` in ``text``, as ``finditer`` finds them, but tried
    only where one can start (``candidates``)."""
    match = pattern().match
    end = 0
    for at in candidates(text):
        if at < end:
            continue
        m = match(text, at)
        if m is not None:
            end = m.end()
            yield m
