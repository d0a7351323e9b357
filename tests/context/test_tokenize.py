"""``tokenize`` builds its tokens without the dataclass ``__init__`` (tokens.py): they
must be the Tokens the constructor gives, frozen and hashable as before."""

from __future__ import annotations

import dataclasses

import pytest

from factcheck.extract.context.tokens import TOKEN_RE, Token, tokenize

TEXT = "The U.S. said Gaza’s 1,200 cross-border a.m. Hamas’ toll — 3.5% “rose” ½ 12:30."
# White space of every kind between tokens, tokens repeated, a token inside a longer one:
# the offsets come from finding each token's string after the one before.
SPACED = "a\u00a0a\taa\u2009a,\u3000a\r\n\n  1 1,1 11\u200b1 s’ s' ’s\x0b.\x0c..…"


def _expected(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end(), m.group().lower().replace("’", "'")) for m in TOKEN_RE.finditer(text)]


def test_tokenize_gives_the_tokens_the_constructor_gives() -> None:
    expected = _expected(TEXT)
    assert tokenize(TEXT) == expected
    assert [hash(t) for t in tokenize(TEXT)] == [hash(t) for t in expected]
    assert tokenize(TEXT, 4, 20) == [t for t in expected if t.start >= 4 and t.end <= 20]
    assert [t.low for t in tokenize(TEXT)][3:5] == ["gaza's", "1,200"]
    assert tokenize(SPACED) == _expected(SPACED)
    assert tokenize(SPACED, 3, 30) == [t for t in _expected(SPACED) if t.start >= 3 and t.end <= 30]


def test_tokenized_tokens_stay_frozen() -> None:
    tok = tokenize(TEXT)[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        tok.low = "x"  # type: ignore[misc]
