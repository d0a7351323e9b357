"""What a figure counts on copy nobody tuned for (issue 15, second round): a figure set
off by commas after its noun phrase, a relative pronoun's antecedent, a duration that
counts no thing, a part of a whole with its own figure, the old value or the close of
a figure before it, a figure whose participle is elided, an adjective of measure after
a figure, and noun phrases that stop at their verb. Sentences of our own, not those of
the case tables; each failed before the change it protects, but the guards (words
that say when or how before a comma, a verb of lasting, a figure with a noun of its own
after a figure, an adjective's ending with no verb of level before the figure)."""

from __future__ import annotations

import pytest

from factcheck.extract import extract
from factcheck.models import Claim


def claim_at(text: str, surface: str) -> Claim:
    """The claim at ``surface``, read by full extraction (the mechanisms key on the unit,
    kind and role the figures stage gives)."""
    return next(c for c in extract(text, None) if c.surface == surface)


@pytest.mark.parametrize(
    ("text", "surface", "entity"),
    [
        ("The insurer's solvency ratio, 182%, is well above the minimum.", "182%", "solvency ratio"),
        ("Copper, at $9,100 a tonne, is trading higher.", "$9,100 a tonne", "Copper"),
        ("Fares on the line, now £6.50 a trip, will rise.", "£6.50", "Fares"),
        ("Nurses, 900 of whom are agency staff, kept the wards open.", "900", "Nurses"),
        # an -s form before a preposition is the subject's plural, not its verb
        ("Job cuts at the plant, 1,200 so far, have angered the union.", "1,200", "Job cuts"),
    ],
)
def test_a_figure_in_apposition_counts_the_noun_phrase_before_it(text: str, surface: str, entity: str) -> None:
    assert claim_at(text, surface).entity == entity


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Last year, 300 died, officials said.", "300"),
        ("Meanwhile, 300 were arrested, police said.", "300"),
        ("Overall, 40% voted, the commission said.", "40%"),
    ],
)
def test_words_that_say_when_or_how_before_a_comma_are_not_what_is_counted(text: str, surface: str) -> None:
    assert claim_at(text, surface).entity is None


def test_a_figure_with_a_noun_of_its_own_does_not_go_on_from_the_one_before() -> None:
    assert claim_at("The company employs 300 people at 12 sites.", "12").entity == "sites"


def test_an_adjective_ending_is_a_noun_when_no_verb_of_level_comes_before() -> None:
    assert claim_at("Each winner gets a $500 incentive.", "$500").entity == "incentive"


@pytest.mark.parametrize(
    ("text", "surface", "entity"),
    [
        ("The river, which rose to 5.2 metres, burst its banks.", "5.2 metres", "river"),
        ("The startup, which raised $40 million in May, is hiring.", "$40 million", "startup"),
    ],
)
def test_a_relative_pronoun_stands_for_the_noun_before_its_comma(text: str, surface: str, entity: str) -> None:
    assert claim_at(text, surface).entity == entity


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("A 19-year-old was jailed for 6 years.", "6 years"),
        ("Negotiators talked for 14 hours.", "14 hours"),
    ],
)
def test_a_duration_with_no_verb_of_lasting_counts_no_thing(text: str, surface: str) -> None:
    assert claim_at(text, surface).entity is None


@pytest.mark.parametrize(
    ("text", "surface", "entity"),
    [
        ("The ferry crossing takes 90 minutes.", "90 minutes", "ferry crossing"),
        ("The season lasts 38 weeks and 2 days.", "2 days", "season"),
    ],
)
def test_a_duration_after_a_verb_of_lasting_is_said_of_its_subject(text: str, surface: str, entity: str) -> None:
    assert claim_at(text, surface).entity == entity


@pytest.mark.parametrize(
    ("text", "surface", "entity"),
    [
        ("The hosts won 9 of their 12 home games.", "9", "home games"),
        ("She has won 3 of the last 4 races.", "3", "races"),
    ],
)
def test_a_part_counts_the_noun_of_a_whole_with_its_own_figure(text: str, surface: str, entity: str) -> None:
    assert claim_at(text, surface).entity == entity


@pytest.mark.parametrize(
    ("text", "surface", "entity"),
    [
        ("Pre-tax profit slipped to £88 million from £95 million.", "£95 million", "Pre-tax profit"),
        ("The Hang Seng index ended up 210 points at 17,400.", "17,400", "Hang Seng index"),
        ("Five climbers were killed and 11 hurt in the avalanche.", "11", "climbers"),
    ],
)
def test_a_figure_continuing_the_one_before_counts_what_it_counts(text: str, surface: str, entity: str) -> None:
    assert claim_at(text, surface).entity == entity


@pytest.mark.parametrize(
    ("text", "surface", "entity"),
    [
        ("The tunnel is 57 kilometres long.", "57 kilometres", "tunnel"),
        ("The drug was 70% effective in trials.", "70%", "drug"),
    ],
)
def test_an_adjective_after_a_figure_is_said_of_the_subject(text: str, surface: str, entity: str) -> None:
    assert claim_at(text, surface).entity == entity


@pytest.mark.parametrize(
    ("text", "surface", "entity"),
    [
        ("The firm reported costs of $12 million.", "$12 million", "costs"),  # a verb's form before "of"
        ("Staff accepted a 4% raise.", "4%", "raise"),  # a verb's form after "a" and the figure
        ("Crowds average 12,000 at the ground.", "12,000", "Crowds"),  # "average" as a verb of level
        ("The price of a 30-year mortgage rose to 7.1%.", "7.1%", "price of a 30-year mortgage"),
    ],
)
def test_a_noun_in_a_verbs_form_or_a_hyphened_compound_stays_in_its_phrase(text: str, surface: str, entity: str) -> None:
    assert claim_at(text, surface).entity == entity


@pytest.mark.parametrize(
    ("text", "surface", "entity"),
    [
        ("Some 250 engineers work remotely.", "Some 250", "engineers"),
        ("About 60 drivers quit the company.", "About 60", "drivers"),
        ("Four passengers seriously hurt were flown to hospital.", "Four", "passengers"),
        ("Nearly 70 volunteers often help out.", "Nearly 70", "volunteers"),
        ("The corner bakery sells sourdough loaves for £4.", "£4", "sourdough loaves"),
    ],
)
def test_what_is_counted_stops_at_its_verb(text: str, surface: str, entity: str) -> None:
    # The user reads the whole entity string, not only its head: "engineers work
    # remotely" or "corner bakery sells sourdough loaves" is not what is counted.
    assert claim_at(text, surface).entity == entity


@pytest.mark.parametrize(
    ("text", "surface", "entity"),
    [
        # a relative pronoun with no comma stands for the nearest noun
        ("Divers explored a lake that averages 30 metres deep.", "30 metres", "lake"),
        ("Officials described a backlog that is 2 years old.", "2 years old", "backlog"),
        # after a determiner, the noun of an amount before "of" is the subject's noun
        ("Ten samples had an average of 37.8 microgrammes per gramme.", "37.8 microgrammes per gramme", "average"),
    ],
)
def test_a_relative_without_a_comma_and_an_amount_noun_stay_near_the_figure(text: str, surface: str, entity: str) -> None:
    assert claim_at(text, surface).entity == entity


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        # a complement before the comma is no subject in apposition
        ("Broadband speeds are quite high, from 70 to 90 megabits, the regulator said.", "from 70 to 90 megabits"),
        # nor is a figure's own unit in a list of figures
        ("Limits of 50 km/h, 60 km/h, and 70 km/h apply in town.", "60 km/h"),
    ],
)
def test_apposition_needs_a_noun_phrase_opening_its_clause(text: str, surface: str) -> None:
    assert claim_at(text, surface).entity is None


def test_a_bare_number_after_from_is_not_the_old_value() -> None:
    # "from 1987" says when; only a figure with a unit (or a role "before") is the old value
    assert claim_at("Exports fell 19% from 1987, to $10 billion.", "1987").entity is None



@pytest.mark.parametrize(
    ("text", "surface", "entity"),
    [
        ("Analysts expect prices to average $70 next year.", "$70", "prices"),
        ("Economists expect the jobless rate to hit 5%.", "5%", "jobless rate"),
        ("Patients waited 18 weeks before treatment.", "18 weeks", "Patients"),
    ],
)
def test_an_infinitives_subject_and_a_wait_are_what_is_counted(text: str, surface: str, entity: str) -> None:
    assert claim_at(text, surface).entity == entity


def test_a_list_of_figures_is_no_apposition() -> None:
    assert claim_at("They counted four, twenty-five, and forty.", "twenty-five").entity is None


@pytest.mark.parametrize(
    ("text", "surface", "entity"),
    [
        ("The reactor, built in 1974, produces 900 megawatts.", "900 megawatts", "reactor"),
        ("The stadium, which opened in 2003, holds 52,000.", "52,000", "stadium"),
        ("The laptop's battery, rated at 60 watt-hours, lasts ten hours.", "ten hours", "battery"),
    ],
)
def test_the_subject_is_read_across_a_parenthesis_before_its_verb(text: str, surface: str, entity: str) -> None:
    assert claim_at(text, surface).entity == entity


def test_a_list_of_figures_is_no_parenthesis() -> None:
    # read across ", $2bn," the unit of "1.4m" would be taken for a subject
    assert claim_at("They listed 1.4m people, $2bn, 2.5 billion and more.", "2.5 billion").entity is None
