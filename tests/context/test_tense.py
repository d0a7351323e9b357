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


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # the present of "be" with no figure between: a timetable
        ("The cup final is at Hampden Park on May 24.", "on May 24", "ahead"),
        ("The concerts are in Leeds on Friday.", "on Friday", "ahead"),
        ("Inflation is 3.1% in March, the agency estimates.", "in March", None),  # a figure between
        # "and" joins a second verb phrase to the first one's verb group
        ("The probe is scheduled to leave orbit on June 2 and to land in August.", "in August", "ahead"),
        ("The ship left port on June 2 and docked in Oslo in August.", "in August", "back"),
        (
            (
                "The rover is scheduled to drive out of its lander from the plain of Utopia Planitia on "
                "June 2 and collect its first rock samples from the crater floor in August."
            ),
            "in August",
            "ahead",
        ),
        # a date set ahead
        ("The judge on Monday set a trial date of Nov. 3.", "of Nov. 3", "ahead"),
        ("Ministers agreed a deadline of March 31 for the talks.", "of March 31", "ahead"),
        # a reporting verb that is a noun of what lies ahead, or a timetable
        ("The agency will publish its next crop estimate on Aug. 30.", "on Aug. 30", "ahead"),
        ("It reports first-half earnings on Feb. 12.", "on Feb. 12", "ahead"),
    ],
)
def test_timetables_joined_verbs_and_dates_set_ahead(text: str, words: str, expected: str | None) -> None:
    assert pointing(text, words) == expected
