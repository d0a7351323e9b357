"""The matcher reads a sentence's patterns once for all the claims of that sentence
(``SentenceMemo``), and answers exactly as running each pattern for each claim would."""

from __future__ import annotations

import itertools

import pytest
import regex

from factcheck.rules import patterns
from factcheck.rules.patterns import SentenceMemo, sentence_hits

SENTENCE = "Of the 250 taken, 130 remain held, and the remains of 30 others, Israel says; 12 were freed."
PATTERNS = [
    r"(?i)remains\s+of\s+(?P<claim>\d+)",  # one match, its claim group at 30
    r"(?i)(?P<claim>\d+)\s+(?:remain|were)",  # two matches: 130 and 12
    r"(?i)(?P<claim>\d+)\s+hostages",  # none
    r"(?i)israel",  # no claim group
    r"(?i)(?:(?P<claim>\d+)\s+taken)?\s+remain",  # a claim group that may not take part
]


class Counting:
    """A compiled pattern that counts how often it is run."""

    def __init__(self, pattern: str) -> None:
        self.compiled = regex.compile(pattern)
        self.groupindex = self.compiled.groupindex
        self.runs = 0

    def search(self, *args, **kwargs):  # noqa: ANN002, ANN003, ANN204
        self.runs += 1
        return self.compiled.search(*args, **kwargs)

    def finditer(self, *args, **kwargs):  # noqa: ANN002, ANN003, ANN204
        self.runs += 1
        return self.compiled.finditer(*args, **kwargs)


def _spans() -> list[tuple[int, int] | None]:
    numbers = [m.span() for m in regex.finditer(r"\d+", SENTENCE)]
    return [*numbers, (0, 2), None]


@pytest.mark.parametrize("order", list(itertools.permutations(range(4)))[:8])
def test_the_memo_answers_as_running_every_pattern_for_every_claim(order: tuple[int, ...]) -> None:
    spans = _spans()
    sequence = [spans[k] for k in order] + spans  # claims of one sentence, in any order
    memo = SentenceMemo()
    for k, pattern in enumerate(PATTERNS):
        compiled = regex.compile(pattern)
        for span in sequence:
            assert memo.hits((0, k), compiled, SENTENCE, span) == sentence_hits(compiled, SENTENCE, span), (pattern, span)


def test_a_pattern_is_run_once_per_sentence_when_no_claim_of_it_is_covered() -> None:
    memo = SentenceMemo()
    absent = Counting(PATTERNS[2])
    anywhere = Counting(PATTERNS[3])
    for span in _spans()[:4]:
        assert not memo.hits((0, 0), absent, SENTENCE, span)
        assert memo.hits((0, 1), anywhere, SENTENCE, span)
    assert absent.runs == 1 and anywhere.runs == 1
    # another sentence is read afresh
    assert memo.hits((0, 1), anywhere, "Israel said so.", (0, 2))
    assert anywhere.runs == 2


@pytest.mark.parametrize("pattern", ["(a|aa)+$", r"(?P<claim>\d)?(a|aa)+$"])
def test_a_pattern_that_timed_out_is_run_again_for_the_next_claim(pattern: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(patterns, "PATTERN_TIMEOUT", 0.05)
    memo = SentenceMemo()
    slow = Counting(pattern)
    sentence = "1 " + "a" * 40 + "!"
    for _ in range(2):
        with pytest.raises(TimeoutError):
            memo.hits((0, 0), slow, sentence, (0, 1))
    assert slow.runs == 2 and not memo.found

