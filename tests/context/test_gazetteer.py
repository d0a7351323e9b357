from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.errors import RuleErrors
from factcheck.extract.context.gazetteer import Gazetteer, default_gazetteer, load_places
from factcheck.places import Place


def names(g: Gazetteer, text: str) -> list[tuple[str, str, str]]:
    return [(text[m.start : m.end], m.place.name, m.via) for m in g.find(text)]


@pytest.fixture
def small() -> Gazetteer:
    return Gazetteer(
        [
            Place(name="Gaza", kind="territory", aliases=["Gaza Strip", "the Strip"], demonyms=["Gazan"]),
            Place(name="Gaza City", kind="city", within="Gaza"),
            Place(name="Rafah", kind="city", within="Gaza"),
            Place(name="Rafah Crossing", kind="crossing", aliases=["Rafah crossing"]),
            Place(name="Israel", kind="country", demonyms=["Israeli"]),
            Place(name="northern Israel", kind="region", within="Israel"),
            Place(name="al-Mawasi", kind="area", aliases=["Mawasi"]),
            Place(name="Turkey", kind="country"),
        ]
    )


def test_longest_spelling_wins(small: Gazetteer) -> None:
    text = "From Gaza City to the Rafah Crossing, across the Gaza Strip and in northern Israel."
    assert names(small, text) == [
        ("Gaza City", "Gaza City", "name"),
        ("Rafah Crossing", "Rafah Crossing", "name"),
        ("Gaza Strip", "Gaza", "alias"),
        ("northern Israel", "northern Israel", "name"),
    ]


def test_aliases_map_to_the_canonical_name_and_lower_case_names_match_capitalised(small: Gazetteer) -> None:
    assert names(small, "Northern Israel and the Strip; Al-Mawasi, Mawasi.") == [
        ("Northern Israel", "northern Israel", "name"),
        ("the Strip", "Gaza", "alias"),
        ("Al-Mawasi", "al-Mawasi", "name"),
        ("Mawasi", "al-Mawasi", "alias"),
    ]


def test_demonyms_with_plurals_and_possessives(small: Gazetteer) -> None:
    assert names(small, "Israelis, an Israeli and Gazans met in Gaza’s south and Israel's north.") == [
        ("Israelis", "Israel", "demonym"),
        ("Israeli", "Israel", "demonym"),
        ("Gazans", "Gaza", "demonym"),
        ("Gaza", "Gaza", "name"),
        ("Israel", "Israel", "name"),
    ]


def test_matching_is_case_sensitive_and_respects_word_boundaries(small: Gazetteer) -> None:
    assert names(small, "A turkey in Gazaville, a Rafahs, TURKEY") == []
    assert names(small, "US-Israel ties and the Israel-Lebanon border") == [
        ("Israel", "Israel", "name"),
        ("Israel", "Israel", "name"),
    ]


def test_get_part_and_container(small: Gazetteer) -> None:
    assert small.get("gaza strip").name == "Gaza"  # type: ignore[union-attr]
    assert small.get("Nowhere") is None
    israel = small.get("Israel")
    assert israel is not None
    assert small.part("north", israel).name == "northern Israel"  # type: ignore[union-attr]
    assert small.part("south", israel) is None
    rafah = small.get("Rafah")
    assert rafah is not None and small.container(rafah).name == "Gaza"  # type: ignore[union-attr]
    assert "Rafah" in small and len(small) == 8


def test_records_with_one_name_merge_and_later_places_win_a_spelling() -> None:
    g = Gazetteer(
        [
            Place(name="Gaza", kind="territory", aliases=["Gaza Strip"]),
            Place(name="Gaza", aliases=["the Strip"], demonyms=["Gazan"]),
            Place(name="Georgia", kind="state"),
            Place(name="Republic of Georgia", kind="country", aliases=["Georgia"]),
        ]
    )
    gaza = g.get("Gaza")
    assert gaza is not None and gaza.kind == "territory"
    assert gaza.aliases == ["Gaza Strip", "the Strip"] and gaza.demonyms == ["Gazan"]
    assert names(g, "in Georgia") == [("Georgia", "Republic of Georgia", "alias")]


def test_empty_gazetteer_finds_nothing() -> None:
    assert Gazetteer([]).find("Gaza") == []


def test_load_places_reports_file_line_and_column(tmp_path: Path) -> None:
    good = tmp_path / "a.yaml"
    good.write_text("places:\n  - {name: Rafah, kind: city}\nfigures: []\n", encoding="utf-8")
    none = tmp_path / "b.yaml"
    none.write_text("checks: []\n", encoding="utf-8")
    bad = tmp_path / "c.yaml"
    bad.write_text("places:\n  - name: Gaza\n    kind: planet\n  - {name: X, colour: red}\n", encoding="utf-8")
    assert [p.name for p in load_places([good, none])] == ["Rafah"]
    with pytest.raises(RuleErrors) as info:
        load_places([good, bad])
    text = str(info.value)
    assert f"{bad}:3:11" in text and "kind" in text
    assert f"{bad}:4:" in text and "colour" in text


def test_shipped_gazetteer_has_this_conflicts_places_and_general_ones() -> None:
    g = default_gazetteer()
    assert g is default_gazetteer()  # loaded once
    for name in [
        "Gaza", "Rafah", "Khan Younis", "Gaza City", "northern Gaza", "Jabalia", "al-Mawasi",
        "Kerem Shalom", "Rafah Crossing", "Israel", "northern Israel", "southern Israel", "Lebanon",
        "southern Lebanon", "West Bank", "Egypt", "Iran", "Washington", "Tel Aviv", "Jerusalem",
        "United States", "Texas", "California", "London", "Kyiv", "Phoenix", "Germany", "Tokyo",
    ]:
        assert g.get(name) is not None, name
    assert g.get("Gaza Strip").name == "Gaza"  # type: ignore[union-attr]
    assert g.get("U.S.").name == "United States"  # type: ignore[union-attr]
    assert 300 <= len(g) <= 600
    # every `within` names a place of the gazetteer
    for place in g:
        assert place.within is None or g.get(place.within) is not None, place.name
