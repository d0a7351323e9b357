"""The date resolver on the case file tests/context/cases/dates.yaml (issue 15): how
many of its dates are found and resolved, with a floor (the issue's goal: 95%)."""

from __future__ import annotations

import pytest
from date_cases import CASES, load, score

RESOLVED_FLOOR = 0.95
FOUND_FLOOR = 0.97


def test_date_cases_are_found_and_resolved_above_the_floor(capsys: pytest.CaptureFixture[str]) -> None:
    result = score(load())
    with capsys.disabled():
        print(f"\n{result.line()}  ({CASES.name})")
    assert result.total >= 80
    assert result.found >= FOUND_FLOOR * result.total, result.misses
    assert result.resolved >= RESOLVED_FLOOR * result.total, result.misses


def test_the_figures_a_case_names_are_dated_by_its_date() -> None:
    result = score(load())
    assert result.figures >= 20
    assert result.dated == result.figures, [m for m in result.misses if "figure" in m]


def test_every_case_names_words_of_its_article() -> None:
    # span_of raises on words that are not in the text: a typo must not pass as a miss.
    from date_cases import span_of

    for article in load():
        for case in article.dates:
            span_of(article.text, case.at, case.nth)
            if case.figure:
                span_of(article.text, case.figure, 0)
