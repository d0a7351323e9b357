"""Clause-level claim frames (``factcheck.extract.context.frame``): which verb governs a
figure, what it is a part of, which vote it counts, what its counted did. Each case
is a sentence of our own and the frame fields the figure must have; fields not
named are not checked. Full extraction (quantities, then context) as users get it."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from factcheck.extract import extract
from factcheck.models import Claim

PUBLISHED = date(2024, 6, 1)


def _claims(text: str) -> dict[str, Claim]:
    return {c.surface: c for c in extract(text, PUBLISHED)}


def _start(text: str, surface: str) -> int:
    return text.index(surface)


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # The clause's main verb wins over a participle that only describes the noun:
        # the captives are *in* Gaza now; "abducted" is when they were taken.
        (
            "About 90 captives abducted during the October 7 raid are still in Gaza, officials said.",
            "About 90",
            {"verb": "be", "complement": ["located in"], "described_by": ["abduct"], "how": "subject"},
        ),
        # "remained", not only "remain" and "remaining"
        (
            "Some 75 hostages remained in Gaza as of August, according to the army.",
            "Some 75",
            {"verb": "remain", "complement": ["located in"], "tense": "past"},
        ),
        # after a verb of saying, a form that can be finite is the reported clause's verb
        (
            "Aid groups said 200 trucks entered over two days.",
            "200",
            {"verb": "enter", "how": "subject", "described_by": []},
        ),
        # ... but after a verb of counting, it describes the counted
        (
            "The agency counted 300 people displaced by floods.",
            "300",
            {"verb": "count", "how": "object", "described_by": ["displace"]},
        ),
        # a figure as the object is acted on by the subject
        (
            "The militants still hold 110 people in tunnels.",
            "110",
            {"verb": "hold", "how": "object", "agent": ["militant"], "voice": "active"},
        ),
        # "have had to flee": the counted fled
        (
            "Roughly 60,000 residents have had to flee their homes in the north.",
            "Roughly 60,000",
            {"verb": "flee", "noun": "resident", "how": "subject"},
        ),
        # an object relative: the declared dead among the held
        (
            "The militants still hold 110 people, 35 of whom the army has declared dead.",
            "35",
            {"verb": "declare", "complement": ["dead"], "part_relation": "of whom", "noun": "people"},
        ),
        # "including": a part of the figure before it
        (
            "The ministry said 21,000 people have been killed, including 8,000 children.",
            "8,000",
            {"noun": "child", "part_relation": "including"},
        ),
        # "Of the X, Y were ...": the X is only the whole
        (
            "Of the 21,000 people killed, around 6,000 were women.",
            "21,000",
            {"how": "whole", "described_by": ["kill"]},
        ),
        (
            "Of the 21,000 people killed, around 6,000 were women.",
            "around 6,000",
            {"part_relation": "of"},
        ),
        # the counted did something to something else: the verb is their act
        (
            "The two leaders held a meeting in Cairo on Tuesday.",
            "two",
            {"verb": "hold", "acted_on": "meeting"},
        ),
        # a vote tally in prose: each count has its side
        (
            "The motion was carried with 98 votes in favour, 12 against and 30 abstentions.",
            "12",
            {"vote": "against", "part_relation": "tally"},
        ),
        (
            "The motion was carried with 98 votes in favour, 12 against and 30 abstentions.",
            "30",
            {"vote": "abstain", "part_relation": "tally"},
        ),
        # a day's count is not the running total
        (
            "Health officials said 45 people were killed in the past 24 hours.",
            "45",
            {"period": "day"},
        ),
        # an earlier value the sentence sets aside
        (
            "The toll now stands at 1,139, down from an earlier figure of 1,400.",
            "1,400",
            {"role": "earlier"},
        ),
    ],
)
def test_frame_fields(text: str, surface: str, expected: dict[str, Any]) -> None:
    frame = _claims(text)[surface].frame
    assert frame is not None
    got = {key: getattr(frame, key) for key in expected}
    assert got == expected


def test_participle_before_the_main_verb_does_not_make_held_hostages_taken() -> None:
    text = "Around 130 hostages seized in the attack are still in Gaza."
    claim = _claims(text)["Around 130"]
    assert claim.frame is not None and claim.frame.verb == "be"
    assert claim.predicate != "seized"


def test_the_parts_of_an_of_whom_clause_name_the_figure_they_belong_to() -> None:
    text = "The militants still hold 110 people, 35 of whom the army has declared dead."
    [whole, part] = [c for c in extract(text, PUBLISHED)]
    assert part.frame is not None and part.frame.whole_start == whole.start


def test_they_include_takes_its_whole_from_the_sentence_before() -> None:
    text = "Roughly 2,000 people have died in the region. They include 300 children."
    claims = _claims(text)
    frame = claims["300"].frame
    assert frame is not None
    assert frame.whole_start == claims["Roughly 2,000"].start
    assert frame.part_relation == "including"


def test_they_include_without_a_figure_before_names_no_whole() -> None:
    text = "Many people have died in the region. They include 300 children."
    frame = _claims(text)["300"].frame
    assert frame is not None and frame.whole_start is None


def test_a_vote_tally_in_prose_is_one_tally_claim_with_its_parts() -> None:
    text = "The motion was carried with 98 votes in favour, 12 against and 30 abstentions."
    claims = _claims(text)
    tally = claims["98"]
    assert tally.kind == "tally"
    assert tally.frame is not None and tally.frame.vote == "for"
    for part in ("12", "30"):
        frame = claims[part].frame
        assert frame is not None and frame.whole_start == tally.start


def test_a_sentence_with_no_vote_words_has_no_tally() -> None:
    text = "The convoy of 98 trucks, 12 buses and 30 vans reached the crossing."
    claims = _claims(text)
    assert all(c.kind != "tally" for c in claims.values())
    assert all(c.frame is None or c.frame.vote is None for c in claims.values())


def test_claims_of_one_sentence_share_its_string_and_words() -> None:
    # memory: the fields of thousands of claims repeat the same few words
    text = "Officials said 40 people were evacuated. Officials said 50 people were evacuated."
    first, second = extract(text, PUBLISHED)
    assert first.entity == second.entity == "people"
    assert first.entity is second.entity
    assert first.frame is not None and second.frame is not None
    assert first.frame.verb is second.frame.verb
