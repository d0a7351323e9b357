"""What is counted, per case table, held to the accuracy of issue 15 (``tests.eval.case_f1``),
and every case table scored by it:
before issue 15's entity work the tables scored 160/281 (counted.yaml 74/100, its
held-out 20 sentences 18/24)."""

from __future__ import annotations

import pytest

from factcheck.extract import extract
from factcheck.extract.quantities import find_quantities
from tests.eval.case_f1 import CASES, FILES, entity_head, gold_spans, load, score_cases

FLOORS = {
    "changes": 57, "from_to": 47, "vague_words": 25, "units_wild": 48, "counted": 102,
    "shares": 22, "news_misc": 11, "what_changes": 54, "time_references": 11, "counted_wholes": 58,
    "counted_fresh": 89, "counted_fresh2": 28,
}


def test_every_case_file_is_scored() -> None:
    # A table the scorer leaves out (or cannot place a claim of) is missing from the F1
    # table of RESULTS.md without a word.
    assert set(FILES) == {p.stem for p in CASES.glob("*.yaml")}
    for name in FILES:
        for case in load(name):
            spans = gold_spans(case["text"], case["claims"])
            assert all(case["text"][a:b] == g["surface"] for (a, b), g in zip(spans, case["claims"]))


def test_a_surface_written_twice_is_the_next_occurrence() -> None:
    text = "30-40% of homes and 40% of them"
    gold = [{"surface": "30-40%"}, {"surface": "40%"}]
    assert gold_spans(text, gold) == [(0, 6), (20, 23)]


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_what_is_counted_stays_at_its_floor(name: str) -> None:
    s = score_cases(load(name), find_quantities, extract)
    assert s.counted_right >= FLOORS[name], f"{name}: {s.counted_right}/{s.counted} right"


def test_entity_head_is_the_noun_before_an_of_phrase() -> None:
    assert entity_head("Shares of the airline") == "shares"
    assert entity_head("average teacher salary") == "salary"
    assert entity_head("Gaza's") == "gaza"
    assert entity_head(None) is None


@pytest.mark.parametrize(
    ("text", "surface", "entity"),
    [
        ("Reserved seats sell for $40 apiece.", "$40", "Reserved seats"),
        ("The winger averaged 2.1 tackles a match.", "2.1", "tackles"),
        ("A fifth of the 3,000 households surveyed own an electric car.", "A fifth", "households"),
        ("The insurer's payout was $90 million last year.", "$90 million", "payout"),
        ("The ferry carries 1,200 passengers, 300 of whom travel with cars.", "300", "passengers"),
        ("The school roll fell from 640 to 590.", "590", "school roll"),
        ("The generator produces 40 kilowatts.", "40 kilowatts", "generator"),
        ("The number of flights was cut from 90 to 60.", "90", "flights"),
        ("The kiln reached 1,200 degrees overnight.", "1,200 degrees", "kiln"),
        ("The forward scored 3 goals, 2 of them penalties.", "2", "goals"),
        ("The stadium's price tag: $1.9 billion.", "$1.9 billion", "price tag"),
        ("The gallery sold a sketch for $400,000.", "$400,000", "sketch"),
        ("The museum sells for $30 million.", "$30 million", "museum"),
        ("The club's goal difference improved from 4 to 11.", "4", "goal difference"),
        ("Officers recovered watches worth £80,000.", "£80,000", "watches"),
        ("Approval ratings fell 4 points to 38%.", "38%", "Approval ratings"),
    ],
)
def test_what_a_figure_counts(text: str, surface: str, entity: str) -> None:
    claim = next(c for c in extract(text, None) if c.surface == surface)
    assert claim.entity == entity, f"{text!r}: {claim.entity!r}"
