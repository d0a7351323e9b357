"""Property tests (hypothesis): numbers parse back to themselves; any text is safe."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.quantities import find_quantities

_ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (10**3, "thousand"))


def words(n: int) -> str:
    """British English: "one million two hundred and three thousand and five"."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        t, u = divmod(n, 10)
        return _TENS[t] + ("-" + _ONES[u] if u else "")
    if n < 1000:
        h, r = divmod(n, 100)
        return _ONES[h] + " hundred" + (" and " + words(r) if r else "")
    for size, name in _SCALES:
        if n >= size:
            q, r = divmod(n, size)
            out = words(q) + " " + name
            if r:
                out += (" and " if r < 100 else " ") + words(r)
            return out
    raise AssertionError(n)


def _single_value(text: str) -> float:
    claims = find_quantities(text)
    assert len(claims) == 1, [c.surface for c in claims]
    return claims[0].value


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**15), st.sampled_from([",", "\u2009", "\u202f", "\u00a0"]))
def test_integer_with_separators_parses_back(n, sep):
    written = f"{n:,}".replace(",", sep)
    if n < 1000:
        written = str(n)
    assert _single_value(f"They counted {written} votes.") == n


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=10**6))
def test_decimal_with_separators_parses_back(whole, frac):
    written = f"{whole:,}.{frac}"
    value = _single_value(f"The index stood at {written} on the day.")
    assert math.isclose(value, float(f"{whole}.{frac}"), rel_tol=1e-12)


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=1, max_value=999),
    st.integers(min_value=0, max_value=99),
    st.sampled_from(["thousand", "million", "billion", "trillion", "m", "bn", "k"]),
)
def test_scaled_number_parses_back(whole, frac, scale):
    factor = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9,
              "trillion": 1e12}[scale]
    body = f"{whole}.{frac}" if frac else str(whole)
    sep = " " if len(scale) > 2 else ""
    value = _single_value(f"It cost ${body}{sep}{scale} in all.")
    assert math.isclose(value, float(body) * factor, rel_tol=1e-12)


@settings(max_examples=400, deadline=None)
@given(st.integers(min_value=0, max_value=10**13 - 1))
def test_number_words_parse_back(n):
    assert _single_value(f"They counted {words(n)} votes.") == n


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_arbitrary_unicode_never_raises(text):
    claims = find_quantities(text)
    for c in claims:
        assert text[c.start : c.end] == c.surface


_NUMBERISH = "0123456789.,-–−/ $€£%½kmbnKMB aeiotnrsdh°C\"'()+^×x\n\u2009"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=_NUMBERISH, max_size=60))
def test_number_like_noise_never_raises_and_keeps_invariants(text):
    claims = find_quantities(text)
    last = -1
    for c in claims:
        assert text[c.start : c.end] == c.surface
        assert c.start >= last
        last = c.end
        if c.value is not None and c.lower is not None and c.upper is not None:
            assert c.lower <= c.upper
