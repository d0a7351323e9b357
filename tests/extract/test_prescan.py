"""The prescan (``prescan.candidates``) tries the one compiled pattern only where a
figure can start; it must find exactly the matches a full ``finditer`` scan finds.

The prescan is an optimisation only: any position it wrongly leaves out would silently
lose a figure, so it is compared with the full scan on every text at hand (the shipped
seeds and rule tests, generated news articles, the peer suites when they are present)
and on random text made of the pieces figures are built from. A wider run:
FACTCHECK_PRESCAN_ARTICLES=10000 FACTCHECK_PRESCAN_EXAMPLES=20000 python -m pytest
tests/extract/test_prescan.py."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.extract.quantities.patterns import pattern
from factcheck.extract.quantities.prescan import PREFIX_REACH, candidates, matches

REPO = Path(__file__).resolve().parents[2]


def full_scan(text: str) -> list[tuple[tuple[int, int], str]]:
    return [(m.span(), m.group()) for m in pattern().finditer(text)]


def prescanned(text: str) -> list[tuple[tuple[int, int], str]]:
    return [(m.span(), m.group()) for m in matches(text)]


def _shipped_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").rglob("*")) if p.suffix in (".md", ".txt")]
    texts += [p.read_text(encoding="utf-8") for p in sorted((REPO / "rules").rglob("*.yaml"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((REPO / "tests" / "extract" / "cases").rglob("*"))
              if p.is_file()]
    return texts


def _generated_articles(n: int = int(os.environ.get("FACTCHECK_PRESCAN_ARTICLES", "60"))) -> list[str]:
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import corpus
    finally:
        sys.path.pop(0)
    return corpus.bodies(n, seed=11)


def _peer_suite_texts() -> list[str]:
    root = REPO.parent / "shared" / "eval"
    texts = []
    for path in sorted(root.rglob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if isinstance(record, dict) and isinstance(record.get("text"), str):
                texts.append(record["text"])
    return texts


def test_prescan_finds_the_same_matches_as_a_full_scan_on_shipped_texts() -> None:
    texts = _shipped_texts()
    assert len(texts) > 10
    for text in texts:
        assert prescanned(text) == full_scan(text)


def test_prescan_finds_the_same_matches_as_a_full_scan_on_generated_news() -> None:
    for text in _generated_articles():
        assert prescanned(text) == full_scan(text)


def test_prescan_finds_the_same_matches_as_a_full_scan_on_the_peer_suites() -> None:
    texts = _peer_suite_texts()
    if not texts:
        pytest.skip("../shared/eval is not here")
    differing = [t for t in texts if prescanned(t) != full_scan(t)]
    assert differing == []


PIECES = [
    "the", "in", "a", "an", "over", "more than", "at least", "up to", "some", "about", "nearly", "from", "between",
    "and", "to", "of", "percent", "per cent", "aged", "US$", "$", "€", "£", "-", "−", "+", ".", "#", "(", ")", "[",
    "]", "<", ">", "/", ",", ":", "'", "’", "%", "½", "¾", "0", "7", "12", "1.4", "3,000", "2024", "million",
    "hundreds", "thousands", "dozen", "a third", "half", "quarter", "twenty", "five", "hundred", "tens", "several",
    "May", "may", "March", "Oct.", "June", "http://x.org/a1", "www.b2.com", "A320", "F-16", "Res.2728", "S&P",
    "Resolution", "article", "km", "miles", "kg", "years", "people", "hostages", "Rafah", "said", "5million",
    "émillion", "twentyish", "tent", "_5", "x5",
]


@given(
    parts=st.lists(st.sampled_from(PIECES), max_size=40),
    seps=st.lists(st.sampled_from([" ", " ", " ", "", "\n", "  ", "\u00a0", "-"]), min_size=40, max_size=40),
)
@settings(max_examples=int(os.environ.get("FACTCHECK_PRESCAN_EXAMPLES", "600")), deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_prescan_finds_the_same_matches_as_a_full_scan_on_random_pieces(parts: list[str], seps: list[str]) -> None:
    text = "".join(p + s for p, s in zip(parts, seps, strict=False))
    assert prescanned(text) == full_scan(text)


def test_a_hedge_with_its_number_far_away_is_not_a_candidate() -> None:
    near = "more than " + "x " * 10 + "5"
    far = "more than " + "x " * PREFIX_REACH + "5"
    assert 0 in candidates(near)
    assert 0 not in candidates(far)
    # and a number on the next line is not this line's
    assert 0 not in candidates("more than\n5")


def test_prose_without_figures_has_no_candidates() -> None:
    # The point of the prescan: ordinary words are never tried.
    assert candidates("The minister said in the morning that the talks over the plan had failed. " * 50) == []


def test_prescan_word_table_stays_bounded_and_changes_no_candidate(monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck.extract.quantities import prescan

    text = " ".join(f"word{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}x" for i in range(400))
    text += " about 40 people, twenty-five Mays, May 5, the F-16 and A320, roughly $3 in March."
    scan = prescan.compiled()
    scan.kinds.clear()
    cold = candidates(text)
    assert candidates(text) == cold  # the table filled by the first pass gives the same
    monkeypatch.setattr(prescan, "WORD_KINDS", 50)
    scan.kinds.clear()
    assert candidates(text) == cold
    assert len(scan.kinds) <= 50
    assert prescanned(text) == full_scan(text)
