"""The shipped rules split by subject: general checks for every story, UN votes for
stories about the UN, the war's figures for stories of the war."""

from __future__ import annotations

from pathlib import Path

from factcheck import pipeline

UN_FIGURES = {"unsc_vote", "unga_vote"}


def _run(tmp_path: Path, stories: dict[str, str]) -> dict[str, list[tuple[str, str | None]]]:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, (published, text) in ((n, s.split("|", 1)) for n, s in stories.items()):
        (corpus / name).write_text(f"---\npublished: {published}\n---\n{text}\n", encoding="utf-8")
    result = pipeline.run([], pipeline.RunOptions(corpus=corpus, jobs=1))
    names = {d.id: Path(d.path).name for d in result.report.documents}
    out: dict[str, list[tuple[str, str | None]]] = {}
    for claim in result.report.claims:
        out.setdefault(names[claim.doc], []).append((claim.surface, claim.figure))
    return out


def test_the_shipped_rules_are_split_into_general_un_and_war_files() -> None:
    rules = pipeline.load_rule_set(None)
    assert "rules/general.yaml" not in rules.scopes
    assert "Security Council" in rules.scopes["rules/un.yaml"].words
    assert rules.scopes["rules/gaza-war.yaml"].places == ["Gaza", "Israel"]
    assert rules.file_of("figure", "unga_vote") == "rules/un.yaml"
    assert rules.file_of("figure", "gaza_death_toll") == "rules/gaza-war.yaml"
    assert rules.file_of("check", "share-above-100") == "rules/general.yaml"


def test_a_city_councils_vote_is_never_a_un_vote(tmp_path: Path) -> None:
    claims = _run(tmp_path, {
        "levy.md": "2025-04-02|The city council voted 7-2 on Tuesday to approve the transit levy. "
        "Last year the council rejected a similar levy 5-4, and the assembly of neighbourhood "
        "associations backed it 112-40.",
        "un.md": "2024-03-26|The UN Security Council voted 14-0 to demand a ceasefire, with the United States abstaining.",
    })
    tallies = dict(claims["levy.md"])
    assert set(tallies) >= {"7-2", "5-4", "112-40"}
    assert not UN_FIGURES & set(tallies.values())
    assert ("14-0", "unsc_vote") in claims["un.md"]


def test_a_story_of_another_subject_gives_the_wars_figures_no_claim(tmp_path: Path) -> None:
    claims = _run(tmp_path, {
        "enrolment.md": "2025-09-03|The district said 36,000 pupils were enrolled this autumn, "
        "and 1,200 students had left the city's schools since June.",
        "war.md": "2024-05-27|Israel's offensive in Gaza has killed more than 36,000 Palestinians, "
        "the Gaza health ministry said.",
    })
    assert {figure for _, figure in claims["enrolment.md"]} == {None}
    assert ("more than 36,000", "gaza_death_toll") in claims["war.md"]
