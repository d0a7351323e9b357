from __future__ import annotations

from datetime import date

from context_helpers import claim_at
from factcheck.extract.context import annotate
from factcheck.extract.context.gazetteer import Gazetteer
from factcheck.places import Place

TEXT = (
    "WASHINGTON – Officials said 30 people were killed in Rafah on Monday.\n"
    "Hamas-led militants also took around 250 people hostage. They are still holding around 100 hostages."
)
PUB = date(2024, 5, 22)


def test_returns_new_claims_in_the_given_order_and_leaves_the_input_alone() -> None:
    claims = [claim_at(TEXT, "around 100"), claim_at(TEXT, "30", value=30, kind="count"), claim_at(TEXT, "around 250")]
    before = [c.model_copy() for c in claims]
    out = annotate(TEXT, claims, PUB)
    assert [c.surface for c in out] == ["around 100", "30", "around 250"]
    assert all(a is not b for a, b in zip(out, claims))
    assert claims == before
    assert out[1].value == 30 and out[1].kind == "count"  # untouched fields kept
    assert out[0].predicate == "held" and out[2].entity_type == "hostages"


def test_each_claim_carries_its_exact_sentence() -> None:
    out = annotate(TEXT, [claim_at(TEXT, "30"), claim_at(TEXT, "around 100")], PUB)
    assert out[0].sentence == "WASHINGTON – Officials said 30 people were killed in Rafah on Monday."
    assert out[1].sentence == "They are still holding around 100 hostages."
    for c in out:
        assert c.sentence in TEXT and c.surface in c.sentence


def test_all_contract_fields_filled() -> None:
    (c,) = annotate(TEXT, [claim_at(TEXT, "30")], PUB)
    assert (c.entity, c.predicate, c.location, c.attribution) == ("people", "killed", "Rafah", "Officials")
    assert (c.as_of, c.as_of_precision, c.as_of_source) == (date(2024, 5, 20), "day", "relative")
    assert c.entity_type == "people" and not c.quoted and c.period_start is None


def test_undated_figures_are_as_of_publication() -> None:
    (c,) = annotate(TEXT, [claim_at(TEXT, "around 250")], PUB)
    assert (c.as_of, c.as_of_precision, c.as_of_source) == (PUB, "day", "published")


def test_gazetteer_may_be_a_gazetteer_a_list_of_places_or_the_default() -> None:
    text = "Floods in Ruritania killed 40 people."
    claim = claim_at(text, "40")
    places = [Place(name="Ruritania", kind="country")]
    assert annotate(text, [claim], PUB)[0].location is None
    assert annotate(text, [claim], PUB, places)[0].location == "Ruritania"
    assert annotate(text, [claim], PUB, Gazetteer(places))[0].location == "Ruritania"


def test_nothing_to_do() -> None:
    assert annotate(TEXT, [], PUB) == []
    claim = claim_at("  5  ", "5")
    (out,) = annotate("  5  ", [claim], None)
    assert out.sentence == "5"


def test_a_claim_whose_span_crosses_a_sentence_end_gets_both_sentences() -> None:
    text = "It rose to 5. 5 more came."
    claim = claim_at(text, "5. 5")
    (out,) = annotate(text, [claim], PUB)
    assert out.sentence == text
