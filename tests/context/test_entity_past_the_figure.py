"""What a figure counts when the counted noun is not right after it (issue 15 §4): a share's
whole without "of", a ratio's subject, a compound modifier's noun, a score, and a price's
thing across its verb phrase. Sentences of our own, not those of the case tables."""

from __future__ import annotations

import pytest

from factcheck.extract import extract
from factcheck.models import Claim


def annotate_one(text: str, surface: str) -> Claim:
    """The claim at ``surface``, read by full extraction: the mechanisms key on the
    kind and unit the figure stage gives (a hand-built claim has neither)."""
    return next(c for c in extract(text, None) if c.surface == surface)


@pytest.mark.parametrize(
    ("text", "surface", "entity"),
    [
        ("Half the village was evacuated overnight.", "Half", "village"),
        ("Nearly a third their savings went on rent.", "Nearly a third", "savings"),
        ("Half the region's vineyards were hit by frost.", "Half", "vineyards"),
    ],
)
def test_a_share_names_its_whole_without_of(text: str, surface: str, entity: str) -> None:
    assert annotate_one(text, surface).entity == entity


@pytest.mark.parametrize(
    ("text", "surface", "entity"),
    [
        ("Corporate debt reached 85% of GDP.", "85%", "Corporate debt"),
        ("The aquifer is at 30% of capacity.", "30%", "aquifer"),
        ("The ward is operating at 110% of its capacity.", "110%", "ward"),
    ],
)
def test_a_ratio_to_a_whole_after_a_verb_of_level_counts_the_subject(text: str, surface: str, entity: str) -> None:
    assert annotate_one(text, surface).entity == entity


def test_a_share_after_another_verb_keeps_its_whole() -> None:
    assert annotate_one("The coalition took 38% of the seats.", "38%").entity == "seats"


@pytest.mark.parametrize(
    ("text", "surface", "entity"),
    [
        ("A 5-member commission will audit the accounts.", "5", "commission"),
        ("The 800-strong garrison surrendered.", "800", "garrison"),
        ("Auditors filed a 90-page complaint.", "90", "complaint"),
        ("A 10-game losing streak cost the coach his job.", "10", "losing streak"),
        ("A 3-judge panel hears the appeal.", "3", "panel"),
    ],
)
def test_a_figure_in_a_compound_modifier_counts_the_noun_after_it(text: str, surface: str, entity: str) -> None:
    assert annotate_one(text, surface).entity == entity


def test_a_score_before_its_noun_counts_nothing_and_a_vote_keeps_its_subject() -> None:
    assert annotate_one("Dortmund sealed a 3-1 comeback win.", "3-1").entity is None
    assert annotate_one("The amendment passed 9-2.", "9-2").entity == "amendment"


@pytest.mark.parametrize(
    ("text", "surface", "entity"),
    [
        ("Bonds in the airline changed hands at 64 cents.", "64 cents", "Bonds"),
        ("The sculpture sold at auction for $3 million.", "$3 million", "sculpture"),
        ("Festival passes go on sale today at $199 each.", "$199", "Festival passes"),
        ("Buyers snapped up the flats at £400,000 apiece.", "£400,000", "flats"),
        ("The headphones retail for $179.", "$179", "headphones"),
        ("Day passes start at $15.", "$15", "Day passes"),
    ],
)
def test_a_price_is_said_of_its_subject_or_object_across_the_verb_phrase(text: str, surface: str, entity: str) -> None:
    assert annotate_one(text, surface).entity == entity


@pytest.mark.parametrize(
    ("text", "surface", "entity"),
    [
        ("The museum paid $12 million for the collection.", "$12 million", "collection"),
        ("The province spent $40 million on the hospital.", "$40 million", "hospital"),
    ],
)
def test_money_paid_or_spent_is_said_of_what_it_buys(text: str, surface: str, entity: str) -> None:
    assert annotate_one(text, surface).entity == entity


def test_a_noun_after_a_verb_before_a_price_stays_the_thing_priced() -> None:
    # "sells farm eggs": "eggs" is not the verb, though its number could agree with "farm"
    # ("sells" is; the tagger reads all four words as nouns, so the phrase runs long)
    assert annotate_one("The market sells farm eggs for $4 a dozen.", "$4").entity_type == "eggs"
