"""The date prescan (``context/date_starts.py``) tries ``DATE_RE`` only near an anchor
(a year, a month, a time word); it must find exactly the dates a full
``DATE_RE.finditer`` scan finds, on every text at hand and on random text made of the
date pattern's pieces. Any position it wrongly left out would silently lose a date."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.extract.context.date_starts import GUARD, REACH, date_matches
from factcheck.extract.context.dates import DATE_RE
from factcheck.extract.context.segment import segment

sys.path.insert(0, str(Path(__file__).resolve().parent))
from date_cases import FRESH, load  # noqa: E402
from test_date_pattern_guard import TRICKY  # noqa: E402

REPO = Path(__file__).resolve().parents[2]


def full_scan(text: str, start: int = 0, end: int | None = None) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in DATE_RE.finditer(text, start, len(text) if end is None else end)]


def prescanned(text: str, start: int = 0, end: int | None = None) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in date_matches(DATE_RE, text, start, len(text) if end is None else end)]


def _same_by_sentence(text: str) -> None:
    # find_dates scans one sentence at a time, with the document around it
    for span in segment(text).sentences:
        assert prescanned(text, span.start, span.end) == full_scan(text, span.start, span.end), text[span.start : span.end]
    assert prescanned(text) == full_scan(text)


def _texts() -> list[str]:
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import corpus
    finally:
        sys.path.pop(0)
    texts = [article.text for article in load() + load(FRESH)] + TRICKY + corpus.bodies(40, seed=13)
    texts += [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").rglob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((REPO / "tests" / "extract" / "cases").glob("*.yaml"))]
    return texts


def test_the_guard_is_the_date_patterns_own() -> None:
    assert DATE_RE.pattern.lstrip().startswith(GUARD)


def test_date_prescan_finds_the_dates_of_a_full_scan_on_texts_at_hand() -> None:
    texts = _texts()
    assert sum(len(full_scan(t)) for t in texts) > 400
    for text in texts:
        _same_by_sentence(text)


def test_date_prescan_finds_the_dates_of_a_full_scan_on_the_peer_suites() -> None:
    root = REPO.parent / "shared" / "eval"
    texts = [r["text"] for p in sorted(root.rglob("*.jsonl")) for line in p.read_text(encoding="utf-8").splitlines()
             if line.strip().startswith("{") and isinstance(r := json.loads(line), dict) and isinstance(r.get("text"), str)]
    if not texts:
        pytest.skip("../shared/eval is not here")
    for text in texts:
        _same_by_sentence(text)


def test_the_longest_reach_before_an_anchor_is_found() -> None:
    # "as of the end of the year": six words before the anchor "year"; and a date right
    # after another one's anchor, and one after a word that only looks like an anchor
    for text in ("Stocks as of the end of the year rose.", "Since this past the end of the month, x.",
                 "It fell 3% in the past 24 hours and 2 days ago.", "The mayor said on Monday morning, Oct. 7th of 2023.",
                 "holiday sales in mid-May 2024; the fiscal 2025 plan; FY'25, in '98; earlier this week."):
        assert full_scan(text), text
        assert prescanned(text) == full_scan(text)
    assert REACH >= 7


PIECES = [
    "the", "as of", "as at", "up to", "this past", "since", "from", "between", "and", "or", "to", "on", "in", "by",
    "until", "mid-", "early", "late", "last", "this", "next", "of", "end", "start", "beginning", "middle", "close",
    "earlier", "later", "current", "previous", "past", "coming", "over", "weekend", "week", "weeks", "month", "months",
    "year", "years", "fiscal", "financial", "school", "FY", "ago", "day", "days", "hours", "24", "48", "night",
    "morning", "evening", "afternoon", "yesterday", "today", "tonight", "Monday", "Friday", "January", "May", "may",
    "June", "Sept.", "Sep", "Oct.", "Dec", "Mar.", "march", "2024", "1999", "2023-24", "2024-05-12", "12", "7th", "3",
    "'58", "’09", "'", "two", "a", "an", ",", ".", "-", "–", "/", "1,2024", "x", "Xmay", "mayor", "holiday", "ſ",
    "K", "٢٠٢٤", "people", "said", "first", "third", "quarter", "half", "Q2", "Q4", "spring", "summer", "fall",
    "winter", "Christmas", "Boxing", "Day", "New", "Year's", "Eve", "Easter", "Good", "Thanksgiving", "Island",
    "29/03", "12/05", "12/05/2025", "1/3", "24/7", "1594", "class", "around", "circa", "its", "coming",
    "final", "three", "six", "Sunday", "second",
]


@given(
    parts=st.lists(st.sampled_from(PIECES), max_size=30),
    seps=st.lists(st.sampled_from([" ", " ", " ", "", "\n", "  ", "-", ", "]), min_size=30, max_size=30),
)
@settings(max_examples=800, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_date_prescan_finds_the_dates_of_a_full_scan_on_random_pieces(parts: list[str], seps: list[str]) -> None:
    text = "".join(p + s for p, s in zip(parts, seps, strict=False))
    assert prescanned(text) == full_scan(text)
    if len(text) > 10:  # a stretch inside the text, as a sentence of a document
        assert prescanned(text, 3, len(text) - 2) == full_scan(text, 3, len(text) - 2)


def test_a_sentence_without_an_anchor_is_not_tried(monkeypatch: pytest.MonkeyPatch) -> None:
    tried: list[int] = []

    class Spy:
        def match(self, text: str, pos: int, end: int) -> None:
            tried.append(pos)

    list(date_matches(Spy(), "At least 1,200 people were killed and 3,400 wounded, officials said.", 0, 68))  # type: ignore[arg-type]
    assert tried == []


def test_a_lower_case_word_no_date_begins_with_is_not_tried() -> None:
    tried: list[int] = []

    class Spy:
        def match(self, text: str, pos: int, end: int) -> None:
            tried.append(pos)

    text = "Officials tallied ballots quickly in Ohio on Monday."
    list(date_matches(Spy(), text, 0, len(text)))  # type: ignore[arg-type]
    words = {text[p : text.find(" ", p)] if " " in text[p:] else text[p:] for p in tried}
    assert {"tallied", "ballots", "quickly"}.isdisjoint(words)
    assert {"in", "Ohio", "on", "Monday."} <= words
