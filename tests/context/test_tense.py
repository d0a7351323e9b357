"""Which way a date's clause points (factcheck/extract/context/tense.py): the word
classes, and the words that look like markers but do not govern the date."""

from __future__ import annotations

import pytest

from factcheck.extract.context.tense import direction


def pointing(text: str, words: str) -> str | None:
    start = text.index(words)
    return direction(text, 0, start, start + len(words), len(text), words.split()[0].lower())


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("The museum will reopen in May.", "in May", "ahead"),
        ("The museum reopened in May.", "in May", "back"),
        ("The museum is expected to reopen in May.", "in May", "ahead"),
        ("The museum would have reopened in May.", "in May", "back"),  # a modal with "have"
        ("Elections are going to be held in November.", "in November", "ahead"),
        ("We’ll know more in November.", "in November", "ahead"),
        ("The vote, due in November, was delayed.", "in November", "ahead"),
        ("She plays her first match on Tuesday.", "on Tuesday", "ahead"),
        ("The minister told reporters on Tuesday that prices will fall.", "on Tuesday", "back"),
        ("The union said a further walkout on Tuesday would go ahead.", "on Tuesday", "ahead"),
        ("The minister told the BBC on Tuesday that prices will fall.", "on Tuesday", "back"),
        ("On Tuesday, the minister resigned.", "On Tuesday", "back"),
        ("The board delayed the merger until March.", "until March", "ahead"),
        # no marker that governs the date
        ("Prices rose due to demand. In March the index was flat.", "In March", "back"),
        ("Flights were grounded due to fog in March.", "in March", "back"),
        ("Sales in March were higher than expected.", "in March", "back"),
        ("The tour ends in Rome; sales in March doubled.", "in March", "back"),
        ("The plan on April 23 drew protests.", "on April 23", None),
        ("Temperatures hit 40C in March.", "in March", None),  # "hit": past and present alike
    ],
)
def test_the_nearest_marker_of_the_clause_decides(text: str, words: str, expected: str | None) -> None:
    assert pointing(text, words) == expected
