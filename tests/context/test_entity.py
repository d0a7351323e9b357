from __future__ import annotations

import pytest

from context_helpers import annotate_one, annotate_surfaces


@pytest.mark.parametrize(
    ("text", "surface", "entity", "entity_type"),
    [
        ("Israel’s offensive has killed over 32,000 Palestinians, according to officials.", "over 32,000", "Palestinians", "Palestinians"),
        ("It would jeopardize the more than 1.4 million Palestinian civilians sheltering there.", "more than 1.4 million", "Palestinian civilians", "civilians"),
        ("Egypt voiced concern for the fate of hundreds of thousands of displaced Palestinians sheltering there.", "hundreds of thousands", "displaced Palestinians", "Palestinians"),
        ("Efforts to ensure the return of 128 hostages held by Hamas.", "128", "hostages", "hostages"),
        ("Some 40,000 residents of the north have been unable to live in their homes.", "Some 40,000", "residents of the north", "residents"),
        ("It drove a third of Gaza’s population to the brink of starvation.", "a third", "population", "population"),
        ("810,000 people had fled - more than half of the city's wartime population.", "more than half", "wartime population", "population"),
        ("Israel believes dozens of hostages are held in Rafah.", "dozens", "hostages", "hostages"),
        ("The senior official described the 90-minute meeting as productive.", "90-minute", "meeting", "meeting"),
    ],
)
def test_counted_noun_phrase_with_its_modifiers(text: str, surface: str, entity: str, entity_type: str) -> None:
    c = annotate_one(text, surface)
    assert (c.entity, c.entity_type) == (entity, entity_type)


def test_people_taken_hostage_are_hostages() -> None:
    c = annotate_one("Hamas-led militants also took around 250 people hostage.", "around 250")
    assert (c.entity, c.entity_type) == ("people", "hostages")
    c = annotate_one("About 240 people were taken hostage.", "About 240")
    assert (c.entity, c.entity_type) == ("people", "hostages")


def test_the_remains_of_others_are_hostage_remains() -> None:
    text = "They are still holding around 100 hostages, and the remains of around 30 others, after most were freed."
    found = annotate_surfaces(text, ["around 100", "around 30"])
    assert (found["around 100"].entity, found["around 100"].entity_type) == ("hostages", "hostages")
    assert (found["around 30"].entity, found["around 30"].entity_type) == ("remains", "hostage remains")


def test_others_take_the_type_of_the_figure_before_them() -> None:
    found = annotate_surfaces("The strike killed 5 soldiers and wounded 12 others.", ["5", "12"])
    assert (found["12"].entity, found["12"].entity_type) == ("others", "soldiers")
    c = annotate_one("Crews recovered the remains of 3 people.", "3")
    assert (c.entity, c.entity_type) == ("remains", "human remains")


# --- other beats -----------------------------------------------------------------------


def test_economy_levels_take_the_subject_as_entity() -> None:
    c = annotate_one("The unemployment rate rose to 3.9 percent in April.", "3.9 percent", unit="percent", kind="percent")
    assert (c.entity, c.entity_type) == ("unemployment rate", "rate")
    c = annotate_one("Inflation in Germany fell to 2.2% in April.", "2.2%", unit="percent", kind="percent")
    assert (c.entity, c.entity_type) == ("Inflation", "inflation")
    c = annotate_one("The economy added 275,000 jobs in February.", "275,000")
    assert (c.entity, c.entity_type) == ("jobs", "jobs")
    c = annotate_one("Congress approved $14 billion in military aid.", "$14 billion", unit="USD", kind="money")
    assert c.entity == "military aid"
    c = annotate_one("Shares of Apple fell 3% on Monday.", "3%", unit="percent")
    assert (c.entity, c.entity_type) == ("Shares of Apple", "shares")


def test_weather_sport_and_health_entities() -> None:
    c = annotate_one("The temperature in Phoenix hit 118 degrees on Tuesday.", "118 degrees", unit="degree_Fahrenheit", kind="quantity")
    assert (c.entity, c.entity_type) == ("temperature", "temperature")
    c = annotate_one("LeBron James scored 40 points against the Celtics.", "40")
    assert (c.entity, c.entity_type) == ("points", "points")
    c = annotate_one("The CDC reported 1,200 new measles cases in Texas last week.", "1,200")
    assert (c.entity, c.entity_type) == ("new measles cases", "cases")
    c = annotate_one("The death toll in the province has risen to 3,000.", "3,000")
    assert (c.entity, c.entity_type) == ("death toll", "toll")


def test_no_entity_rather_than_a_wrong_one() -> None:
    # a proper name is who scored, not what was counted; a place is where, not what
    assert annotate_one("Manchester City won 3-1 at home.", "3-1", kind="tally").entity is None
    assert annotate_one("Erling Haaland scored twice.", "twice").entity is None
    assert annotate_one("Phoenix hit 118 degrees.", "118 degrees", unit="degree_Fahrenheit").entity is None
    assert annotate_one("It rose to 5 percent.", "5 percent", unit="percent").entity is None
