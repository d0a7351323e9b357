"""The ``undefined`` check on parts of a whole and rates with a period. The stories in
``parts_and_rates/`` are our own general news, each topic told by several outlets: a
hurricane's toll with the children and women among the dead, daily ferry sailings before
and during a strike, a hospital's waiting list with its parts, and floods with their
dead, injured and a railway's daily passengers before them. Each topic plants conflicts
and figures that look like them but must not be flagged: another day, another place, a
change, a part of another whole, another part of the same whole, a rounded
restatement, a hedge that covers the other figure.

Three planted conflicts stay silent, for what the frame does not say (the check is not
to guess it): "63 of them children" after a clause of attribution has no whole, "before
the strike" is no period the frame knows, and "of whom" after "its waiting list" is
not tied to the figure."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from factcheck import pipeline
from factcheck.check.base import Context
from factcheck.extract import extract
from factcheck.match.frames import FrameKey, frame_key, verb_classes

STORIES = Path(__file__).parent / "parts_and_rates"

# The planted conflicts: (story, the figure that disagrees with the other stories).
PLANTED = {
    ("storm-delta-news.md", "63"),  # children among the dead: 48 and nearly 50 elsewhere
    ("ferry-city-daily.md", "55"),  # ferries a day before the strike: 40 twice elsewhere
    ("hospital-scottish-ledger.md", "2,600"),  # patients waiting over a year: 1,900 twice
    ("flood-rift-times.md", "44"),  # children among the dead: 31 twice ("Of the 118 people killed, 31 ...")
    ("flood-lakeside-news.md", "9,000"),  # passengers a day before the floods, weeks later: 6,000 twice
}
CLASSES = verb_classes({"killed": ["kill", "die", "dead", "toll"], "dead": ["dead", "die", "kill"], "wounded": ["injure", "wound"]})


def _findings() -> dict[tuple[str, str], set[str]]:
    """The possible conflicts of the stories: (story, figure) -> the stories of its evidence."""
    result = pipeline.run([], pipeline.RunOptions(corpus=STORIES, jobs=1))
    claims = {c.id: c for c in result.report.claims}
    paths = {d.id: Path(d.path).name for d in result.report.documents}
    return {
        (paths[claims[f.claim].doc], claims[f.claim].surface): {paths[claims[e].doc] for e in f.evidence if e in claims}
        for f in result.report.findings
        if f.rule == "possible-conflict"
    }


def _flagged() -> set[tuple[str, str]]:
    return set(_findings())


def test_the_same_part_of_the_same_whole_conflicts_across_stories() -> None:
    # "Among the dead were 44 children" against "Among the dead were 31 children" and
    # "Of the 118 people killed, 31 were children" (a part of a figure of its sentence).
    found = _findings()
    assert {"flood-coast-daily.md", "flood-nairobi-star.md"} <= found[("flood-rift-times.md", "44")]


def test_a_rate_before_an_event_is_compared_across_stories_weeks_apart() -> None:
    # "used to carry 9,000 passengers a day before the floods", 18 days after two
    # stories gave 6,000: a baseline is dated by its period, not by its story.
    assert ("flood-lakeside-news.md", "9,000") in _flagged()


def test_no_lookalike_part_or_rate_is_flagged() -> None:
    # Every finding is a planted conflict: the children among the injured (44 of them,
    # the value the planted conflict gives for the dead), another state's or country's
    # dead, the women beside the children, the next day's higher toll, a change, another
    # port's sailings, the rate since the line reopened, a hedge ("fewer than 15", "more
    # than 70") and a rounding ("nearly 50", "about 20") near the other figure, a
    # week-later waiting list.
    assert _flagged() <= PLANTED


def _key(sentence: str) -> FrameKey | None:
    claims = [c for c in extract(sentence, date(2025, 6, 10)) if c.frame is not None]
    return frame_key(claims[0], CLASSES)


def test_a_part_is_keyed_by_its_noun_and_what_its_whole_counts() -> None:
    among = _key("Nearly 50 children are among the dead.")
    assert among is not None and among.whole == "dead"
    assert _key("The dead now include 48 children.") == among  # a verb of containment
    assert _key("Among the dead were 48 children.") == among  # not the level of "the dead"
    assert _key("The toll includes 48 children.") == among  # "the toll" counts the dead too


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("The waiting list includes 640 children.", "The dead now include 640 children."),  # another whole
        ("Among the injured were 30 children.", "Among the dead were 30 children."),  # another whole
        ("Nearly 50 women are among the dead.", "Nearly 50 children are among the dead."),  # another part
        ("The dead include 48 children.", "48 children died."),  # a part, and a whole of its own
    ],
)
def test_parts_of_other_wholes_and_other_parts_are_other_frames(one: str, other: str) -> None:
    assert _key(one) != _key(other)


@pytest.mark.parametrize(
    "sentence",
    [
        "It includes 1,900 patients.",  # what "it" is the frame does not say
        "Of the 7,600 patients, 2,050 were.",  # a number of the whole's things, no more
    ],
)
def test_a_part_whose_whole_or_own_thing_the_clause_does_not_say_gets_no_key(sentence: str) -> None:
    claims = [c for c in extract(sentence, date(2025, 6, 10)) if c.frame is not None and c.frame.how != "whole"]
    assert all(frame_key(c, CLASSES) is None for c in claims)


def test_a_rate_of_a_period_is_one_level_with_a_verb_or_none() -> None:
    sailed = _key("Before the war, about 40 ferries a day sailed from the port.")
    assert sailed is not None and sailed.action == "level"
    assert _key("The port handled some 40 ferries a day before the war.") == sailed
    assert _key("The port, with 40 ferries a day before the war, is now quiet.") == sailed  # no verb
    assert _key("Only 12 ferries a day sail from the port now.") != sailed  # the rate of now


def test_the_check_over_ranges_of_frame_groups_joined_is_the_check_over_all_claims() -> None:
    """A part's key names its whole, which may be in another range of frame groups (or
    in none): the ranges carry the wholes they need, and checking them apart finds what
    checking all at once finds."""
    from factcheck.check import names, undefined
    from factcheck.check.engine import _Run
    from factcheck.check.parallel import _run_here
    from factcheck.cluster.merge import joined
    from factcheck.extract.documents import extract_documents
    from factcheck.load import load_documents

    rule_set = pipeline.load_rule_set(None)
    docs = [d.model_copy(update={"role": "checked"}) for d in load_documents([str(STORIES)], role="corpus")]
    run = _Run(rule_set, docs, extract_documents(docs, pipeline.gazetteer_for(rule_set)), None, {}, 1)
    rule = next(r for r in rule_set.checks if r.kind == "undefined")
    whole = _run_here(run.context(False), rule, run.run_rule)
    pieces = []
    for items, texts in undefined.parts(run.context(False), 4):
        ctx = Context(rule_set, items, None)
        names.seed(ctx, texts)
        pieces.append(_run_here(ctx, rule, run.run_rule))
    split = joined(pieces)
    assert len(whole.findings) >= 2
    assert [f.model_dump_json() for f in whole.findings] == [f.model_dump_json() for f in split.findings]
    assert whole.comparisons == split.comparisons and whole.notes == split.notes


def test_of_two_baselines_that_disagree_the_one_told_later_is_flagged(tmp_path: Path) -> None:
    # Compared on the date of their period, a baseline's stories keep their own dates
    # for the tie: the later story is the one to check, as for any other figure (the
    # file names put it first in the run's order, so the order cannot decide instead).
    for name, day, value in (("later-in-the-run.md", "2025-03-01", "40"), ("earlier-in-the-run.md", "2025-05-01", "55")):
        (tmp_path / name).write_text(
            f"---\npublished: {day}\n---\nBefore the war, {value} ferries a day sailed from Odesa, the port said.\n",
            encoding="utf-8",
        )
    result = pipeline.run([], pipeline.RunOptions(corpus=tmp_path, jobs=1))
    claims = {c.id: c for c in result.report.claims}
    flagged = [(claims[f.claim].surface, f.rule) for f in result.report.findings if f.rule == "possible-conflict"]
    assert flagged == [("55", "possible-conflict")]


def test_a_part_that_names_no_thing_is_keyed_by_what_happened_to_it(tmp_path: Path) -> None:
    # "40 remain trapped, 12 of whom have been declared dead": neither figure names a
    # thing; the part is "dead among the trapped", said by the state a verb of saying
    # gives it ("declared dead", "confirmed dead"), and another part is another frame.
    told = {
        "first.md": "12 of whom have been declared dead",
        "second.md": "12 of whom are confirmed dead",
        "third.md": "15 of whom have been declared dead",
        "fourth.md": "20 of whom are injured",
    }
    for name, part in told.items():
        (tmp_path / name).write_text(
            f"---\npublished: 2025-02-03\n---\nRescuers at the Karaganda mine said 40 remain trapped, {part}.\n",
            encoding="utf-8",
        )
    result = pipeline.run([], pipeline.RunOptions(corpus=tmp_path, jobs=1))
    claims = {c.id: c for c in result.report.claims}
    assert [claims[f.claim].surface for f in result.report.findings if f.rule == "possible-conflict"] == ["15"]


def test_stories_naming_a_place_by_its_demonym_and_by_its_name_share_a_name(tmp_path: Path) -> None:
    # "Kenyan officials" and "Kenya's interior ministry" tell of one country: the
    # stories are compared (their only other names differ: two outlets' own words).
    told = {
        "first.md": "Officials of the Kenyan government said on Friday that 118 people had died in the floods. Among the dead were 31 children, Mr Otieno said.",
        "second.md": "Kenya's interior ministry said on Friday that 118 people had died. Among the dead were 31 children, Ms Wanjiru said.",
        "third.md": "Kenya's interior ministry said on Friday that 118 people had died. Among the dead were 44 children, Ms Achieng said.",
    }
    for name, text in told.items():
        (tmp_path / name).write_text(f"---\npublished: 2025-05-02\n---\n{text}\n", encoding="utf-8")
    result = pipeline.run([], pipeline.RunOptions(corpus=tmp_path, jobs=1))
    claims = {c.id: c for c in result.report.claims}
    paths = {d.id: Path(d.path).name for d in result.report.documents}
    found = {
        (paths[claims[f.claim].doc], claims[f.claim].surface): {paths[claims[e].doc] for e in f.evidence}
        for f in result.report.findings
        if f.rule == "possible-conflict"
    }
    assert found == {("third.md", "44"): {"first.md", "second.md"}}
