"""The ``undefined`` check (shipped as ``possible-conflict``): figures no rule defines,
compared across stories by their frames. The stories in ``topics/`` are our own: a city
budget, a workforce and a school enrolment told by several outlets, with planted
conflicts and correct figures that look alike (another fiscal year, another town, a
change, a part)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from factcheck import pipeline
from factcheck.check.names import names_in
from factcheck.extract import extract
from factcheck.match.frames import frame_key, places_agree, verb_classes
from factcheck.models import Claim

TOPICS = Path(__file__).parent / "topics"
CLASSES = verb_classes({"approved": ["approve", "adopt", "pass"], "killed": ["kill", "die"]})


def _run(*drafts: Path, corpus: Path = TOPICS) -> pipeline.RunResult:
    return pipeline.run(list(drafts), pipeline.RunOptions(corpus=corpus, jobs=1))


def _flagged(result: pipeline.RunResult) -> set[tuple[str, str]]:
    claims = {c.id: c for c in result.report.claims}
    return {
        (Path(next(d.path for d in result.report.documents if d.id == claims[f.claim].doc) or "").name, claims[f.claim].surface)
        for f in result.report.findings
        if f.rule == "possible-conflict"
    }


def test_planted_conflicts_across_stories_are_found_without_a_rule() -> None:
    assert _flagged(_run()) == {
        ("valley-post.md", "$3.4 billion"),  # the budget: 3.1 twice, 3.4 once
        ("valley-post.md", "about 9,600"),  # the workforce: 8,200 twice
        ("hadley-herald.md", "21,400"),  # the enrolment: one outlet against one, the later flagged
    }


def test_lookalike_figures_are_not_flagged() -> None:
    flagged = {surface for _, surface in _flagged(_run())}
    # another fiscal year, another town's budget and workforce, a change, another school year
    assert not flagged & {"$2.9 billion", "$1.2 billion", "2,300", "4%", "$120 million", "22,800", "6%"}


def test_a_draft_is_flagged_against_the_archive_and_only_when_it_disagrees(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    for name in ("marlow-ledger.md", "marlow-times.md", "dunmore-gazette.md"):
        (archive / name).write_text((TOPICS / name).read_text(encoding="utf-8"), encoding="utf-8")
    wrong = tmp_path / "wrong.md"
    wrong.write_text("---\npublished: 2025-06-11\n---\nMarlow's council adopted a $3.6 billion budget for fiscal 2026.\n", encoding="utf-8")
    right = tmp_path / "right.md"
    right.write_text("---\npublished: 2025-06-11\n---\nMarlow's council adopted a $3.1 billion budget for fiscal 2026.\n", encoding="utf-8")
    result = _run(wrong, right, corpus=archive)
    found = [f for f in result.report.findings if f.rule == "possible-conflict"]
    assert len(found) == 1
    assert "no rule defines this figure" in found[0].message and "$3.1 billion" in found[0].message
    assert found[0].severity == "warning"


def _claims(sentence: str) -> list[Claim]:
    return extract(sentence, date(2025, 6, 10))


def _key(sentence: str) -> object:
    (claim,) = _claims(sentence)
    return frame_key(claim, CLASSES)


def test_synonym_verbs_make_one_frame() -> None:
    assert _key("The council approved a $3.1 billion budget.") == _key("The council adopted a $3.1 billion budget.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Spending on parks rose 4% last year.",  # a change, not a level
        "The firm cut 200 jobs.",  # a change
        "Dozens of people were hurt.",  # vague
        "No fewer than 40 buses did not arrive.",  # negated
    ],
)
def test_changes_vague_and_negated_figures_are_never_grouped(sentence: str) -> None:
    assert all(frame_key(c, CLASSES) is None for c in _claims(sentence))


def test_an_earlier_value_set_aside_is_never_grouped() -> None:
    earlier = [c for c in _claims("The district has 48,200 students, down from 51,000 last year.") if c.surface == "51,000"]
    assert earlier and frame_key(earlier[0], CLASSES) is None


def test_a_change_read_from_its_words_is_never_grouped_with_levels() -> None:
    # "3% higher" has no verb of change: the figure's own words say it is a change
    (change,) = _claims("Council spending was 3% higher.")
    assert change.role == "change" and frame_key(change, CLASSES) is None


def test_the_old_value_of_from_to_is_never_grouped_the_new_one_is() -> None:
    before, after = _claims("Membership went from 12,000 members to 9,500 members.")
    assert frame_key(before, CLASSES) is None
    assert frame_key(after, CLASSES) is not None


def test_past_events_and_running_totals_are_different_frames() -> None:
    assert _key("The attack killed 1,200 people.") != _key("In all, 45,000 people have died.")


def test_a_figure_without_a_place_may_be_about_any_place_but_two_places_differ() -> None:
    a = Claim(start=0, end=1, surface="1", value=1, lower=None, upper=None, qualifier="exact", location="Rafah")
    b = a.model_copy(update={"location": "Khan Younis"})
    none = a.model_copy(update={"location": None})
    assert places_agree(a, none) and places_agree(none, b) and places_agree(a, a)
    assert not places_agree(a, b)


def test_names_skip_the_sentence_opening_and_possessives() -> None:
    assert names_in("Officials in Marlow said the Marlow City Council's vote on Monday was final.") == [
        "Marlow", "Marlow City Council",
    ]


def test_a_possessive_opening_a_sentence_is_a_name() -> None:
    assert names_in("Marlow's council met. Officials left.") == ["Marlow"]


@pytest.mark.parametrize(
    ("sentence", "year"),
    [
        ("The council passed a $3.4 billion budget for fiscal 2026 on Monday.", 2026),  # before the day of the vote
        ("The FY2024 deficit was $1.2 billion.", 2024),  # not an event's date
        ("The district enrolled 48,200 students in the 2023-24 school year.", 2023),
    ],
)
def test_a_fiscal_or_school_year_dates_its_figure(sentence: str, year: int) -> None:
    claim = _claims(sentence)[0]
    assert claim.as_of == date(year, 1, 1) and claim.as_of_precision == "year"


@pytest.mark.parametrize(
    ("sentence", "verb"),
    [
        ("The Hadley school district enrolls 21,400 students.", "enroll"),  # a verb the tagger does not list
        ("Marlow employs 8,200 people.", "employ"),
        ("The council passed a $3.4 billion budget.", "pass"),  # an object, not "the toll passed 30,000"
    ],
)
def test_a_verb_between_its_subject_and_the_figure_governs_it(sentence: str, verb: str) -> None:
    frame = _claims(sentence)[0].frame
    assert frame is not None and frame.verb == verb and frame.how == "object"
