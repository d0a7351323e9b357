from __future__ import annotations

from datetime import date

from context_helpers import annotate_one, annotate_surfaces
from factcheck.places import Place


def test_own_phrase_first() -> None:
    c = annotate_one("UNRWA said it estimated 810,000 people had fled Rafah since May 6, Israel said.", "810,000")
    assert c.location == "Rafah"
    c = annotate_one("Israel’s offensive drove a third of Gaza’s population to the brink of starvation.", "a third")
    assert c.location == "Gaza"


def test_there_resolves_to_the_last_place_used_as_a_place() -> None:
    text = (
        "Israel believes dozens of hostages are held in Rafah.\n"
        "Western powers and Egypt have voiced concern for the fate of hundreds of thousands of "
        "displaced Palestinians sheltering there."
    )
    assert annotate_one(text, "hundreds of thousands").location == "Rafah"  # not Egypt, an actor
    text = (
        "Blinken reiterated opposition to a major ground operation in Rafah that would jeopardize "
        "the welfare of the more than 1.4 million Palestinian civilians sheltering there."
    )
    assert annotate_one(text, "more than 1.4 million").location == "Rafah"


def test_the_city_resolves_to_the_last_city() -> None:
    text = (
        "Gallant met Sullivan in Tel Aviv.\n"
        "Bloomberg reported that the administration is softening its opposition to the operation in Rafah "
        "after the IDF successfully evacuated over 800,000 civilians from the city."
    )
    assert annotate_one(text, "over 800,000").location == "Rafah"
    text = "Some 810,000 people had fled Rafah - more than half of the city's wartime population."
    assert annotate_one(text, "more than half").location == "Rafah"


def test_the_north_resolves_to_the_northern_part_of_the_country_under_discussion() -> None:
    text = (
        "“Israel,” Gallant told Sullivan, is committed to returning evacuees. "
        "Some 40,000 residents of the north have been unable to live in their homes."
    )
    assert annotate_one(text, "Some 40,000").location == "northern Israel"


def test_sentence_then_paragraph_then_dominant_place() -> None:
    text = (
        "Israel’s offensive has killed over 32,000 Palestinians, according to local health officials, "
        "and driven a third of Gaza’s population to the brink of starvation."
    )
    assert annotate_one(text, "over 32,000").location == "Gaza"  # from the sentence, not "Israel's"
    text = "The strikes hit Khan Younis overnight. At least 30 people were killed, medics said."
    assert annotate_one(text, "At least 30").location == "Khan Younis"  # paragraph
    text = (
        "Aid is stuck at the border with Egypt.\n"
        "The fighting in Gaza goes on. Crowds gathered in Gaza City and in Gaza.\n"
        "Hamas-led militants also took around 250 people hostage."
    )
    assert annotate_one(text, "around 250").location == "Gaza"  # the dominant place


def test_actors_and_people_named_like_places_are_not_locations() -> None:
    text = "Defense Secretary Lloyd Austin said the meeting with Israel was useful and that 12 proposals were discussed."
    assert annotate_one(text, "12").location is None
    text = "Israel says 40 people were arrested."
    assert annotate_one(text, "40").location is None
    text = "The Washington Post counted 40 incidents."
    assert annotate_one(text, "40").location is None


def test_demonyms_are_the_last_resort() -> None:
    assert annotate_one("Twelve soldiers died, and 3 Israeli officers were hurt.", "3").location == "Israel"


def test_other_beats() -> None:
    c = annotate_one("The temperature in Phoenix hit 118 degrees on Tuesday.", "118 degrees")
    assert c.location == "Phoenix"
    c = annotate_one("Inflation in Germany fell to 2.2% in April.", "2.2%", unit="percent")
    assert c.location == "Germany"
    found = annotate_surfaces(
        "Heavy rain dumped 10 inches of water on Houston, where 2,000 residents were evacuated.",
        ["10 inches", "2,000"],
    )
    assert found["10 inches"].location == "Houston" and found["2,000"].location == "Houston"
    c = annotate_one("The CDC reported 1,200 new measles cases across Texas.", "1,200")
    assert c.location == "Texas"
    c = annotate_one("LeBron James scored 40 points.", "40")
    assert c.location is None


def test_researchers_extend_the_gazetteer_with_places_not_code() -> None:
    text = "Floods hit Ruritania on Monday, killing 40 people."
    assert annotate_one(text, "40").location is None
    places = [Place(name="Ruritania", kind="country")]
    found = annotate_surfaces(text, ["40"], date(2024, 5, 22), gazetteer=places)
    assert found["40"].location == "Ruritania"


def test_a_vote_tally_is_located_by_its_own_sentence_never_by_the_paragraphs_setting() -> None:
    """A tally is the act of a body that votes where it sits: the paragraph's place (a visit
    to Washington) is not where the Security Council voted; none is better than a wrong one."""
    text = (
        "Netanyahu abruptly canceled a high-level visit to Washington this week in protest over the "
        "U.N. Security Council decision to call for an immediate cease-fire. The U.S. abstained, "
        "deciding not to use its veto power, and the resolution passed 14-0."
    )
    assert annotate_one(text, "14-0", kind="tally").location is None
    assert annotate_one(text, "14-0").location == "Washington"  # a count would take the paragraph's place
    text = "The Knesset met in Jerusalem on Monday, and the bill passed 64-56 in Jerusalem after midnight."
    assert annotate_one(text, "64-56", kind="tally").location == "Jerusalem"


def test_the_seed_resolution_passed_14_0_has_no_location() -> None:
    from factcheck.extract import extract
    from factcheck.util.resources import default_corpus

    path = next(default_corpus().glob("002_*.txt"))
    [tally] = [c for c in extract(path.read_text(encoding="utf-8"), date(2024, 3, 26)) if c.surface == "14-0"]
    assert (tally.kind, tally.entity, tally.predicate, tally.location) == ("tally", "resolution", "passed", None)


def test_the_location_source_says_which_step_found_the_place() -> None:
    """``location_source``: "phrase" (the claim's own clause), "sentence", "paragraph",
    "document", "demonym"; None without a location."""
    c = annotate_one("Israel believes dozens of hostages are held in Rafah.", "dozens")
    assert (c.location, c.location_source) == ("Rafah", "phrase")
    c = annotate_one("In Gaza, the offensive has killed over 32,000 Palestinians.", "over 32,000")
    assert (c.location, c.location_source) == ("Gaza", "sentence")
    c = annotate_one("The strikes hit Khan Younis overnight. At least 30 people were killed, medics said.", "At least 30")
    assert (c.location, c.location_source) == ("Khan Younis", "paragraph")
    text = (
        "Aid is stuck at the border with Egypt.\n"
        "The fighting in Gaza goes on. Crowds gathered in Gaza City and in Gaza.\n"
        "Hamas-led militants also took around 250 people hostage."
    )
    c = annotate_one(text, "around 250")
    assert (c.location, c.location_source) == ("Gaza", "document")
    c = annotate_one("Twelve soldiers died, and 3 Israeli officers were hurt.", "3")
    assert (c.location, c.location_source) == ("Israel", "demonym")
    c = annotate_one("Israel says 40 people were arrested.", "40")
    assert (c.location, c.location_source) == (None, None)


def test_the_whole_of_a_partitive_is_not_located_by_the_parts_place() -> None:
    """In "dozens of hostages of the remaining 128 hostages ... are held in Rafah" the verb
    and its place are the part's; the whole (all the hostages) takes its place from
    outside its sentence: here the paragraph before."""
    text = (
        "The war in Gaza is in its eighth month.\n"
        "Israel believes dozens of hostages of the remaining 128 hostages from the cross-border "
        "Hamas rampage on Oct. 7 are held in Rafah."
    )
    found = annotate_surfaces(text, ["dozens", "128"])
    assert (found["dozens"].location, found["dozens"].location_source) == ("Rafah", "phrase")
    assert (found["128"].location, found["128"].location_source) == ("Gaza", "document")
    text = (
        "The war in Gaza is in its eighth month. Israel believes dozens of hostages of the "
        "remaining 128 hostages are held in Rafah."
    )
    found = annotate_surfaces(text, ["dozens", "128"])
    assert (found["128"].location, found["128"].location_source) == ("Gaza", "paragraph")


def test_the_whole_of_a_partitive_keeps_a_place_in_its_own_noun_phrase() -> None:
    text = "Twelve of the 15 hospitals in Gaza City are out of service, officials in Rafah said."
    found = annotate_surfaces(text, ["Twelve", "15"])
    assert (found["15"].location, found["15"].location_source) == ("Gaza City", "phrase")
    # participles modify the whole's noun; the first finite verb ends it
    text = "Twelve of the 15 people killed in Gaza City were children, officials in Rafah said."
    assert annotate_surfaces(text, ["Twelve", "15"])["15"].location == "Gaza City"
    text = "The army pressed on in Gaza. Dozens of the 128 hostages remain in Rafah."
    found = annotate_surfaces(text, ["Dozens", "128"])
    assert (found["Dozens"].location, found["128"].location, found["128"].location_source) == ("Rafah", "Gaza", "paragraph")
