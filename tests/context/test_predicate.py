from __future__ import annotations

import pytest

from context_helpers import annotate_one, annotate_surfaces


@pytest.mark.parametrize(
    ("text", "surface", "predicate"),
    [
        # the figure as object: the verb in its past form
        ("Israel’s offensive has killed over 32,000 Palestinians.", "over 32,000", "killed"),
        ("Hamas-led militants also took around 250 people hostage.", "around 250", "took"),
        ("They are still holding around 100 hostages.", "around 100", "held"),
        ("The IDF successfully evacuated over 800,000 civilians from the city.", "over 800,000", "evacuated"),
        ("The convoy delivers 40 trucks of aid a day.", "40", "delivered"),
        # participles after the noun
        ("Efforts to ensure the return of 128 hostages held by Hamas.", "128", "held"),
        ("The welfare of the more than 1.4 million Palestinian civilians sheltering there.", "more than 1.4 million", "sheltering"),
        ("It counted 300 people who fled the fighting.", "300", "fled"),
        # the figure as subject
        ("UNRWA estimated 810,000 people had fled Rafah since May 6.", "810,000", "fled"),
        ("Some 40,000 residents of the north have been unable to live in their homes, since October 7.", "Some 40,000", "unable to live in their homes"),
        ("Dozens of hostages from the rampage on Oct. 7 are held in Rafah.", "Dozens", "held"),
        # nominal forms
        ("Israel believes dozens of the remaining 128 hostages are held in Rafah.", "128", "remaining"),
        ("The death toll in Gaza has risen to 35,000.", "35,000", "killed"),
        ("The ministry recorded 35,000 deaths.", "35,000", "killed"),
    ],
)
def test_predicate_of_the_figure(text: str, surface: str, predicate: str) -> None:
    assert annotate_one(text, surface).predicate == predicate


def test_a_coordinated_figure_takes_the_predicate_of_the_one_before() -> None:
    text = "They are still holding around 100 hostages, and the remains of around 30 others, after most were freed."
    found = annotate_surfaces(text, ["around 100", "around 30"])
    assert found["around 100"].predicate == "held"
    assert found["around 30"].predicate == "held"
    found = annotate_surfaces("The strikes killed 30 people, including 12 children.", ["30", "12"])
    assert found["12"].predicate == "killed"
    found = annotate_surfaces("The strike killed 5 soldiers and wounded 12 others.", ["5", "12"])
    assert (found["5"].predicate, found["12"].predicate) == ("killed", "wounded")


def test_a_reporting_verb_is_the_predicate_only_when_nothing_better_exists() -> None:
    assert annotate_one("The CDC reported 1,200 new measles cases.", "1,200").predicate == "reported"
    assert annotate_one("Officials said 30 people were killed.", "30").predicate == "killed"


@pytest.mark.parametrize(
    ("text", "surface", "predicate"),
    [
        ("The unemployment rate rose to 3.9 percent.", "3.9 percent", "rose"),
        ("The temperature in Phoenix hit 118 degrees on Tuesday.", "118 degrees", "hit"),
        ("LeBron James scored 40 points against the Celtics.", "40", "scored"),
        ("Manchester City won 3-1 at home.", "3-1", "won"),
        ("About 2,000 residents were evacuated as the river rose.", "About 2,000", "evacuated"),
        ("Shares of Apple fell 3% on Monday.", "3%", "fell"),
        ("The hospital has treated more than 500 patients.", "more than 500", "treated"),
    ],
)
def test_predicates_on_other_beats(text: str, surface: str, predicate: str) -> None:
    assert annotate_one(text, surface).predicate == predicate


def test_no_predicate_rather_than_a_wrong_one() -> None:
    assert annotate_one("Unemployment was 3.9 percent.", "3.9 percent").predicate is None
    assert annotate_one("There were 12 candidates.", "12").predicate is None
