"""Assigning claims to figures: word lists, exclusions, patterns, units, ties, timeouts."""

from __future__ import annotations

import pytest
from check_helpers import claim, rules_from

from factcheck.rules import patterns
from factcheck.match import Matcher
from factcheck.rules.patterns import claim_span_in_sentence, compile_words

FIGURES = """
figures:
  - id: held
    description: hostages held
    kind: level
    match:
      entity: [hostage*, captives]
      predicate: [held, holding, remain]
      location: [Gaza]
      exclude: [released, freed]
  - id: taken
    description: hostages taken
    kind: cumulative
    match:
      entity: [hostages, people]
      predicate: [took, taken]
      sentence: ['(?i)hostage']
  - id: remains
    description: bodies held
    kind: level
    priority: 1
    match:
      entity: [hostages, others, remains]
      sentence: ['(?i)remains\\s+of\\s+(?:around\\s+)?(?P<claim>[\\d,]+)']
  - id: distance
    description: a distance
    kind: level
    unit: kilometer
    match: {predicate: [stretched]}
  - id: toll
    description: a war's toll
    kind: cumulative
    match: {predicate: [killed], required: [predicate], min_value: 5000}
"""


@pytest.fixture
def matcher(tmp_path) -> Matcher:
    return Matcher(rules_from(tmp_path, FIGURES))


def _figure(matcher: Matcher, **fields) -> str | None:  # noqa: ANN003
    found = matcher.assign(claim("d", fields.pop("surface", "128"), fields.pop("value", 128), **fields))
    return found.figure.id if found else None


def test_words_match_whole_words_with_plurals_and_star_endings() -> None:
    pattern = compile_words(("hostage", "death toll", "evacuat*"))
    assert pattern.search("the Hostages")
    assert pattern.search("the death   toll")
    assert pattern.search("evacuations")
    assert not pattern.search("hostageship") and not pattern.search("toll")


def _score(matcher: Matcher, **fields) -> int | None:  # noqa: ANN003
    found = matcher.assign(claim("d", "128", 128, **fields))
    return found.score if found else None


def test_each_matching_list_adds_a_stated_mismatch_subtracts_and_empty_fields_do_not_count(matcher: Matcher) -> None:
    in_gaza = _score(matcher, entity="hostages", predicate="held", location="Gaza")
    unplaced = _score(matcher, entity="hostages", predicate="held")
    elsewhere = _score(matcher, entity="hostages", predicate="held", location="Tel Aviv")
    assert in_gaza is not None and unplaced is not None and elsewhere is not None
    assert in_gaza > unplaced > elsewhere
    assert _figure(matcher, entity="soldiers", predicate="held") is None  # a wrong noun outweighs a verb


def test_a_required_list_that_does_not_match_rules_the_figure_out(tmp_path) -> None:
    m = Matcher(rules_from(tmp_path, FIGURES.replace("      location: [Gaza]\n", "      location: [Gaza]\n      required: [location]\n", 1)))
    assert m.assign(claim("d", "128", 128, entity="hostages", predicate="held", location="Gaza")).figure.id == "held"
    assert m.assign(claim("d", "128", 128, entity="hostages", predicate="held", location="Tel Aviv")) is None
    assert m.assign(claim("d", "128", 128, entity="hostages", predicate="held")) is None


def test_entity_type_counts_as_the_entity(matcher: Matcher) -> None:
    found = _figure(matcher, entity="people", entity_type="hostages", predicate="taken", sentence="Hamas took 250 people hostage")
    assert found == "taken"


def test_exclusion_words_rule_a_claim_out(matcher: Matcher) -> None:
    assert _figure(matcher, entity="hostages released", predicate="held") is None


def test_a_sentence_pattern_with_a_claim_group_must_cover_the_claim(matcher: Matcher) -> None:
    sentence = "They hold around 100 hostages, and the remains of around 30 others."
    thirty = claim("d", "around 30", 30, qualifier="approx", entity="others", sentence=sentence, start=50)
    hundred = claim("d", "around 100", 100, qualifier="approx", entity="hostages", predicate="holding", sentence=sentence)
    text = sentence
    thirty = thirty.model_copy(update={"start": text.index("around 30"), "end": text.index("around 30") + 9})
    hundred = hundred.model_copy(update={"start": text.index("around 100"), "end": text.index("around 100") + 10})
    assert matcher.assign(thirty, text).figure.id == "remains"
    assert matcher.assign(hundred, text).figure.id == "held"


def test_the_claim_is_placed_in_its_sentence_by_its_offsets() -> None:
    text = "Intro. 30 died; the remains of 30 others."
    second = text.rindex("30")
    c = claim("d", "30", 30, sentence="30 died; the remains of 30 others.", start=second)
    assert claim_span_in_sentence(c, text) == (24, 26)
    assert claim_span_in_sentence(c, None) == (0, 2)  # without the text: first occurrence


def test_units_must_convert(matcher: Matcher) -> None:
    assert _figure(matcher, surface="2 miles", value=2, unit="mile", predicate="stretched") == "distance"
    assert _figure(matcher, surface="2 hours", value=2, unit="hour", predicate="stretched") is None
    assert _figure(matcher, surface="2", value=2, predicate="stretched") is None
    found = matcher.assign(claim("d", "2 miles", 2, unit="mile", predicate="stretched"))
    assert found.factor == pytest.approx(1.609344)


def test_min_value_keeps_small_counts_out(matcher: Matcher) -> None:
    assert _figure(matcher, surface="50", value=50, predicate="killed") is None
    assert _figure(matcher, surface="35,000", value=35000, predicate="killed") == "toll"


def test_priority_wins_then_more_matches_then_definition_order(tmp_path) -> None:
    rules = rules_from(
        tmp_path,
        """
figures:
  - {id: first, description: a, kind: level, match: {predicate: [held]}}
  - {id: second, description: b, kind: level, match: {predicate: [held]}}
  - {id: third, description: c, kind: level, priority: 2, match: {predicate: [held]}}
  - {id: fourth, description: d, kind: level, match: {predicate: [held], entity: [hostages]}}
""",
    )
    m = Matcher(rules)
    assert m.assign(claim("d", "1", 1, predicate="held", entity="hostages")).figure.id == "third"
    assert m.assign(claim("d", "1", 1, predicate="held")).figure.id == "third"
    rules.figures.pop("third")
    m = Matcher(rules)
    assert m.assign(claim("d", "1", 1, predicate="held", entity="hostages")).figure.id == "fourth"
    # "first", "second" and "fourth" score alike on the verb alone: a tie between
    # figures that are not a part and its whole is a guess, so no figure
    assert m.assign(claim("d", "1", 1, predicate="held")) is None


def test_a_pattern_that_times_out_does_not_match_and_is_noted(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(patterns, "PATTERN_TIMEOUT", 0.05)
    rules = rules_from(
        tmp_path,
        """
figures:
  - id: slow
    description: a catastrophic pattern
    kind: level
    match: {sentence: ['(a|aa)+$']}
""",
    )
    m = Matcher(rules)
    c = claim("d", "1", 1, sentence="a" * 40 + "!")
    assert m.assign(c) is None
    # another claim of the same sentence: the pattern is tried again (a timeout is not
    # remembered as an answer), again no match, and still one note
    assert m.assign(claim("d", "2", 2, sentence="a" * 40 + "!", n=2)) is None
    [note] = m.notes
    # at the pattern (line 6), not at the figure's id (line 3)
    assert "figure 'slow'" in note and "rules.yaml:6:" in note and "(a|aa)+$" in note


def test_a_timed_out_pattern_of_a_whole_is_located_where_the_whole_wrote_it(tmp_path, monkeypatch) -> None:
    # A part inherits the lists of its whole: the note points at the whole's pattern and
    # names the document by its path.
    monkeypatch.setattr(patterns, "PATTERN_TIMEOUT", 0.05)
    rules = rules_from(
        tmp_path,
        """
figures:
  - id: catch
    description: fish landed
    kind: level
    match:
      sentence:
        - 'tonnes'
        - '(x|xx)+$'
  - id: cod
    description: cod landed
    kind: level
    part_of: catch
    match: {entity: [cod]}
""",
    )
    m = Matcher(rules, paths={"d": "harbour/landings.md"})
    assert m.assign(claim("d", "1", 1, entity="cod", sentence="x" * 40 + "!")) is None
    assert any(
        "rules.yaml:9:11: figure '" in n and "'(x|xx)+$'" in n and "of harbour/landings.md and" in n for n in m.notes
    ), m.notes


def test_a_claim_that_already_names_a_figure_keeps_it(matcher: Matcher) -> None:
    c = claim("d", "128", 128, figure="held")
    [(_, found)] = matcher.assign_all([c])
    assert found.figure.id == "held"


PLACES = """
places:
  - {name: Gaza, kind: territory, aliases: [Gaza Strip]}
  - {name: southern Gaza, kind: region, within: Gaza}
  - {name: Rafah, kind: city, within: southern Gaza}
  - {name: Rafah Crossing, kind: crossing, within: Rafah}
  - {name: Israel, kind: country}
"""

PLACE_FIGURES = """
figures:
  - id: held
    description: hostages held in Gaza
    kind: level
    match: {entity: [hostages], predicate: [held], location: [Gaza Strip]}
  - id: sheltering
    description: people sheltering in Rafah
    kind: level
    match: {entity: [people], predicate: [sheltering], location: [Rafah], required: [location]}
"""


def test_a_place_within_the_figures_place_matches_it(tmp_path) -> None:
    m = Matcher(rules_from(tmp_path, PLACE_FIGURES + PLACES))
    held = claim("d", "128", 128, entity="hostages", predicate="held", location="Rafah")
    assert m.assign(held).figure.id == "held"  # Rafah lies within southern Gaza, within Gaza (alias Gaza Strip)
    assert m.assign(held.model_copy(update={"location": "Rafah Crossing"})).figure.id == "held"
    in_israel = m.assign(held.model_copy(update={"location": "Israel"}))
    assert in_israel is None or in_israel.score < m.assign(held).score  # a stated place elsewhere counts against
    assert m.containers("Rafah") == ("southern Gaza", "Gaza", "Gaza Strip")


@pytest.mark.parametrize(
    ("source", "figure"),
    [("phrase", None), ("demonym", None), ("sentence", "held"), ("paragraph", "held"), ("document", "held"), (None, "held")],
)
def test_containment_applies_only_to_a_place_inferred_from_wider_context(tmp_path, source, figure) -> None:
    """"dozens of hostages are held in Rafah" (place in the claim's own phrase) counts
    Rafah's hostages, a part of Gaza's: not the Gaza figure. A place found in the
    sentence, paragraph or article is the setting, and lies within Gaza. A claim written
    by hand (no source) is taken as a setting."""
    m = Matcher(rules_from(tmp_path, PLACE_FIGURES + PLACES))
    held = claim("d", "dozens", 24, qualifier="vague", entity="hostages", predicate="held", location="Rafah",
                 location_source=source)
    found = m.assign(held)
    assert (found.figure.id if found else None) == figure
    # a place stated in the phrase still matches a figure of that very place
    stated_gaza = held.model_copy(update={"location": "Gaza Strip"})
    assert m.assign(stated_gaza).figure.id == "held"


def test_containment_runs_one_way_a_claim_about_the_whole_does_not_match_a_figure_of_a_part(tmp_path) -> None:
    m = Matcher(rules_from(tmp_path, PLACE_FIGURES + PLACES))
    sheltering = claim("d", "1.4 million", 1.4e6, entity="people", predicate="sheltering", location="Rafah")
    assert m.assign(sheltering).figure.id == "sheltering"
    assert m.assign(sheltering.model_copy(update={"location": "Gaza"})) is None
    assert m.assign(sheltering.model_copy(update={"location": "southern Gaza"})) is None


def test_containment_uses_the_rule_sets_places_and_survives_a_cycle(tmp_path) -> None:
    cyclic = """
places:
  - {name: Aland, kind: region, within: Bland}
  - {name: Bland, kind: region, within: Aland}
"""
    m = Matcher(rules_from(tmp_path, PLACE_FIGURES + cyclic))
    assert m.containers("Aland") == ("Bland",)
    rafah = claim("d", "128", 128, entity="hostages", predicate="held", location="Rafah")
    in_gaza = rafah.model_copy(update={"location": "Gaza Strip"})
    # Rafah is not among these places: it does not count as within the Gaza Strip
    assert m.assign(rafah).score < m.assign(in_gaza).score


def test_the_part_of_a_partitive_is_not_the_figure_its_whole_is(tmp_path) -> None:
    m = Matcher(rules_from(tmp_path, PLACE_FIGURES + PLACES))
    text = "Israel believes dozens of hostages of the remaining 128 hostages are held in Rafah."

    def at(surface: str, value: float, qualifier: str = "exact") -> object:
        start = text.index(surface)
        return claim("d", surface, value, qualifier=qualifier, entity="hostages", predicate="held", location="Rafah",
                     sentence=text, start=start)

    dozens, held = at("dozens", 24, "vague"), at("128", 128)
    (_, part), (_, whole) = m.assign_all([dozens, held], {"d": text})
    assert part is None and whole.figure.id == "held"
    # Without the whole, or when the whole is another figure, the part keeps its figure.
    [(_, alone)] = m.assign_all([dozens], {"d": text})
    assert alone.figure.id == "held"
